"""The file an import request carries: the raw body (`curl --data-binary @ratings.csv`), or the part
named `file` of a multipart/form-data form (`curl -F file=@ratings.csv`, an HTML form, most HTTP
clients' upload helper). The form is read with the standard library's MIME parser, so no
multipart package is needed; the body is already bounded by BodyLimit."""

from __future__ import annotations

from email import policy
from email.message import Message
from email.parser import BytesParser

from fastapi import Request

from bot.history_files import NOTHING_IMPORTED, ZIP
from bot.http.errors import ApiError

FORM_FIELD = "file"


class BadUpload(ApiError):
    status = 422
    code = "refused"


async def uploaded(request: Request) -> tuple[str, bytes]:
    """(file name, bytes) of the file sent; BadUpload when there is none."""
    content_type = request.headers.get("content-type", "")
    body = await request.body()
    if content_type.lower().startswith("multipart/form-data"):
        name, data = _form_file(content_type, body)
    else:
        name, data = _header_filename(request.headers.get("content-disposition", "")), body
    if not data.strip():
        raise BadUpload(f"The file is empty: send the export as the request body. {NOTHING_IMPORTED}")
    return name or _name_for(data), data


def _form_file(content_type: str, body: bytes) -> tuple[str, bytes]:
    head = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    form = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    parts = list(form.iter_parts()) if form.is_multipart() else []
    for part in parts:
        if part.get_param("name", header="content-disposition") == FORM_FIELD:
            return part.get_filename() or "", _payload(part)
    named = ", ".join(repr(p.get_param("name", header="content-disposition")) for p in parts) or "none"
    raise BadUpload(f"The form has no part named {FORM_FIELD!r} (it has {named}): send the export as "
                    f"{FORM_FIELD}=@ratings.csv, or as the request body itself. {NOTHING_IMPORTED}")  # fmt: skip


def _payload(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _header_filename(disposition: str) -> str:
    """The name a raw body gives itself in `Content-Disposition: attachment; filename="ratings.csv"`."""
    if not disposition:
        return ""
    parsed = BytesParser(policy=policy.HTTP).parsebytes(f"Content-Disposition: {disposition}\r\n\r\n".encode(
        "latin-1", "replace"))  # fmt: skip
    return parsed.get_filename() or ""


def _name_for(data: bytes) -> str:
    """A name for a file sent without one: a Letterboxd export is read as a zip only when its name says
    so, and the formats are otherwise told by their contents."""
    if data.startswith(ZIP):
        return "export.zip"
    return "export.json" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "export.csv"
