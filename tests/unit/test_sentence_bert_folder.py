"""Which model folders run on plain PyTorch: only those it computes exactly as sentence-transformers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from store.embeddings import default_model_path
from store.sentence_bert import supports


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The bundled model's configuration files (the weights are only checked for presence)."""
    source, target = Path(default_model_path()), tmp_path / "model"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.safetensors", "*.bin", "*.onnx"))
    (target / "model.safetensors").touch()
    return target


def _edit(path: Path, **changes) -> None:
    path.write_text(json.dumps({**json.loads(path.read_text()), **changes}))


def test_the_bundled_model_runs_on_plain_pytorch(folder):
    assert supports(Path(default_model_path())) and supports(folder)


@pytest.mark.parametrize(
    "change",
    [
        lambda f: _edit(f / "1_Pooling" / "config.json", pooling_mode_mean_tokens=False, pooling_mode_cls_token=True),
        lambda f: _edit(f / "config.json", model_type="mpnet"),
        lambda f: (f / "tokenizer.json").unlink(),
        lambda f: (f / "modules.json").write_text("not json"),
    ],
    ids=["cls pooling", "not bert", "no tokenizer.json", "broken modules.json"],
)
def test_any_other_folder_goes_through_sentence_transformers(folder, change):
    change(folder)
    assert not supports(folder)
