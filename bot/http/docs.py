"""The API reference at /docs, written from the OpenAPI document on the server: it needs nothing
from the internet, where FastAPI's Swagger UI page loads its scripts from a CDN (still offered, at
/docs/swagger, for those online who want to try requests in the browser)."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222 }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #ddd } code { background: #f4f4f4; padding: 0 .25rem }
.op { margin: 1.5rem 0; padding: .75rem 1rem; border-left: 4px solid #4a7; background: #fafafa }
.method { font-weight: bold; text-transform: uppercase; margin-right: .5rem }
table { border-collapse: collapse; margin: .5rem 0 }
td, th { border: 1px solid #ddd; padding: .2rem .5rem; text-align: left }
"""

_CODE = re.compile(r"`([^`]+)`")


def install(app: FastAPI) -> None:
    """/docs (the reference, offline) and /docs/swagger (Swagger UI, from its CDN)."""

    @app.get("/docs", include_in_schema=False)
    async def reference() -> HTMLResponse:
        return HTMLResponse(reference_page(app.openapi()))

    @app.get("/docs/swagger", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title} - Swagger UI")


def reference_page(spec: dict[str, Any]) -> str:
    """Every operation with its summary, parameters, request body fields and responses."""
    info = spec.get("info", {})
    parts = [
        f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(info.get('title', 'API'))} API</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{escape(info.get('title', 'API'))} API, version {escape(str(info.get('version', '')))}</h1>",
        f"<p>{_prose(info.get('description', ''))}</p>",
        "<p>The machine-readable document is <a href='/openapi.json'>/openapi.json</a>. To send requests from the"
        " browser, <a href='/docs/swagger'>Swagger UI</a> loads its scripts from cdn.jsdelivr.net.</p>",
    ]
    schemas = spec.get("components", {}).get("schemas", {})
    for path, operations in spec.get("paths", {}).items():
        for method, op in operations.items():
            parts.append(f"<div class='op'><span class='method'>{escape(method)}</span><code>{escape(path)}</code>")
            parts.append(f"<p><b>{escape(op.get('summary', ''))}</b> {_prose(op.get('description', ''))}</p>")
            parameters = [_row(p["name"], p.get("schema", {}), p.get("required", False), p.get("description", ""))
                          for p in op.get("parameters", [])]  # fmt: skip
            if parameters:
                parts.append(_table("Parameters", parameters))
            parts.extend(_body(op.get("requestBody", {}), schemas))
            answers = [f"<code>{escape(code)}</code> {_prose(r.get('description', ''))}"
                       for code, r in op.get("responses", {}).items()]  # fmt: skip
            parts.append(f"<p>Responses: {'; '.join(answers)}</p></div>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _body(request: dict, schemas: dict) -> list[str]:
    """A JSON body as a table of its fields; a body that takes a file (the import's CSV, zip, JSON
    or form) as its description and the content types it is sent as."""
    content = request.get("content", {})
    if set(content) == {"application/json"}:
        return [_table("JSON body", _fields(_resolve(content["application/json"]["schema"], schemas), schemas))]
    if not content:
        return []
    kinds = ", ".join(f"<code>{escape(kind)}</code>" for kind in content)
    return [f"<p>Body ({kinds}): {_prose(request.get('description', ''))}</p>"]


def _prose(text: str) -> str:
    """A description as OpenAPI writes it (Markdown), with its `code` spans set as code, not as backticks."""
    return _CODE.sub(lambda m: f"<code>{m[1]}</code>", escape(text))


def _resolve(schema: dict, schemas: dict) -> dict:
    ref = schema.get("$ref", "")
    return schemas.get(ref.rsplit("/", 1)[-1], {}) if ref else schema


def _fields(schema: dict, schemas: dict) -> list[str]:
    required = set(schema.get("required", []))
    return [_row(name, _resolve(prop, schemas) if "$ref" in prop else prop, name in required,
                 prop.get("description", "")) for name, prop in schema.get("properties", {}).items()]  # fmt: skip


def _row(name: str, schema: dict, required: bool, description: str) -> str:
    kind = schema.get("type") or " or ".join(s.get("type", "object") for s in schema.get("anyOf", [])) or "object"
    mark = " (required)" if required else ""
    return f"<tr><td><code>{escape(name)}</code>{mark}</td><td>{escape(kind)}</td><td>{_prose(description)}</td></tr>"


def _table(caption: str, rows: list[str]) -> str:
    head = "<tr><th>name</th><th>type</th><th>meaning</th></tr>"
    return f"<table><caption>{caption}</caption>{head}{''.join(rows)}</table>"
