"""A sentence-transformers BERT model (all-MiniLM-L6-v2) run on plain PyTorch and `tokenizers`.

sentence-transformers and the transformers modelling code it loads cost a serving process
about 200 MB of imports for six encoder layers, mean pooling and a normalisation. This
module reads the same folder (config.json, tokenizer.json, model.safetensors,
modules.json, 1_Pooling/config.json) and computes the same vectors the same way:
transformers' BERT with scaled-dot-product attention, sentence-transformers' padded mean
pooling and its length-sorted batches (with int8 dynamic quantisation the batch a text
is embedded in moves its vector, so the batches must match too).
tests/integration/test_sentence_bert.py holds it to sentence-transformers' own output.
"""

from __future__ import annotations

import gc
import json
import warnings
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

MODULES = ("sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling")
NORMALIZE = "sentence_transformers.models.Normalize"


def supports(folder: Path) -> bool:
    """Whether `folder` is a model this module computes exactly: a BERT encoder, mean pooling,
    optionally normalised, in tokenizer.json and safetensors form."""
    try:
        listed = json.loads((folder / "modules.json").read_text())
        modules = [module["type"] for module in listed]
        pooling = json.loads((folder / listed[1]["path"] / "config.json").read_text())
        config = json.loads((folder / "config.json").read_text())
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return False
    modes = [key for key, on in pooling.items() if key.startswith("pooling_mode") and on]
    return (
        tuple(modules[:2]) == MODULES
        and modules[2:] in ([], [NORMALIZE])
        and config.get("model_type") == "bert"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and config.get("hidden_act") == "gelu"
        and modes == ["pooling_mode_mean_tokens"]
        and (folder / "tokenizer.json").is_file()
        and (folder / "model.safetensors").is_file()
    )


class SentenceBert:
    """Texts in, unit-length sentence vectors out, as sentence-transformers' `encode` gives them."""

    def __init__(self, folder: Path, max_seq_length: int):
        from safetensors import safe_open
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        self.dim = config["hidden_size"]
        self.max_seq_length = min(max_seq_length, config["max_position_embeddings"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        self.tokenizer.enable_padding(pad_id=config.get("pad_token_id", 0), pad_token="[PAD]")
        with torch.device("meta"):  # the weights read below become the parameters: no second copy
            encoder = BertEncoder(config)
        with safe_open(folder / "model.safetensors", framework="pt", backend="pread") as weights_file:
            # one buffer per tensor (not views of one mapping), so quantising frees the float weights
            weights = {
                name: weights_file.get_tensor(name)
                for name in weights_file.keys()  # noqa: SIM118 - a safetensors file, not a dict
                if not name.startswith("pooler.") and name != "embeddings.position_ids"
            }
        encoder.load_state_dict(weights, strict=True, assign=True)
        self.encoder = encoder.eval()

    def quantise(self) -> None:
        self.encoder = quantise_int8(self.encoder).eval()

    def encode(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        """In sentence-transformers' batches: longest texts (in characters) first."""
        order = np.argsort([-len(text) for text in texts])
        vectors = [None] * len(texts)
        for start in range(0, len(texts), batch_size):
            batch = order[start : start + batch_size]
            for index, vector in zip(batch, self.embed_batch([texts[i] for i in batch]), strict=True):
                vectors[index] = vector
        return torch.stack(vectors).numpy()

    @torch.inference_mode()
    def embed_batch(self, texts: Sequence[str]) -> torch.Tensor:
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = torch.tensor([e.ids for e in encodings], dtype=torch.long)
        types = torch.tensor([e.type_ids for e in encodings], dtype=torch.long)
        mask = torch.tensor([e.attention_mask for e in encodings], dtype=torch.long)
        tokens = self.encoder(ids, types, mask)
        weights = mask.unsqueeze(-1).to(tokens.dtype)
        summed = (tokens * weights).sum(dim=1, dtype=tokens.dtype)
        counts = torch.clamp(weights.sum(dim=1, dtype=tokens.dtype), min=1e-9)
        pooled = F.normalize(summed / counts, p=2, dim=-1)  # the model's Normalize module
        return F.normalize(pooled, p=2, dim=1)  # and encode(normalize_embeddings=True) again


class BertEncoder(nn.Module):
    """BERT's embeddings and encoder layers, named as in the checkpoint (no pooler)."""

    def __init__(self, config: dict):
        super().__init__()
        self.embeddings = Embeddings(config)
        self.encoder = nn.Module()
        self.encoder.layer = nn.ModuleList(Layer(config) for _ in range(config["num_hidden_layers"]))

    def forward(self, ids: torch.Tensor, types: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        hidden = self.embeddings(ids, types)
        batch, length = ids.shape
        # transformers passes no mask when nothing is padded, else a boolean (batch, 1, query, key) one
        attend = None if bool(mask.all()) else mask.bool()[:, None, None, :].expand(batch, 1, length, length)
        for layer in self.encoder.layer:
            hidden = layer(hidden, attend)
        return hidden


class Embeddings(nn.Module):
    def __init__(self, config: dict):
        super().__init__()
        hidden = config["hidden_size"]

        def table(rows: int, **kwargs) -> nn.Embedding:
            # an empty table: initialising one on the meta device imports ~70 MB of torch._refs
            return nn.Embedding(rows, hidden, _weight=torch.empty(rows, hidden), **kwargs)

        self.word_embeddings = table(config["vocab_size"], padding_idx=config.get("pad_token_id", 0))
        self.position_embeddings = table(config["max_position_embeddings"])
        self.token_type_embeddings = table(config["type_vocab_size"])
        self.LayerNorm = nn.LayerNorm(hidden, eps=config["layer_norm_eps"])

    def forward(self, ids: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], dtype=torch.long).unsqueeze(0)
        embeddings = self.word_embeddings(ids) + self.token_type_embeddings(types)
        embeddings = embeddings + self.position_embeddings(positions)
        return self.LayerNorm(embeddings)


class Layer(nn.Module):
    def __init__(self, config: dict):
        super().__init__()
        hidden, inner = config["hidden_size"], config["intermediate_size"]
        self.attention = nn.Module()
        self.attention.self = SelfAttention(config)
        self.attention.output = Residual(hidden, hidden, config["layer_norm_eps"])
        self.intermediate = nn.Module()
        self.intermediate.dense = nn.Linear(hidden, inner)
        self.output = Residual(inner, hidden, config["layer_norm_eps"])

    def forward(self, hidden: torch.Tensor, attend: torch.Tensor | None) -> torch.Tensor:
        attended = self.attention.output(self.attention.self(hidden, attend), hidden)
        return self.output(F.gelu(self.intermediate.dense(attended)), attended)


class SelfAttention(nn.Module):
    def __init__(self, config: dict):
        super().__init__()
        hidden = config["hidden_size"]
        self.heads = config["num_attention_heads"]
        self.head_size = hidden // self.heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)

    def forward(self, hidden: torch.Tensor, attend: torch.Tensor | None) -> torch.Tensor:
        shape = (*hidden.shape[:-1], -1, self.head_size)
        query = self.query(hidden).view(*shape).transpose(1, 2)
        key = self.key(hidden).view(*shape).transpose(1, 2)
        value = self.value(hidden).view(*shape).transpose(1, 2)
        out = F.scaled_dot_product_attention(
            query, key, value, attn_mask=attend, dropout_p=0.0, scale=self.head_size**-0.5, is_causal=False
        )
        return out.transpose(1, 2).contiguous().reshape(*hidden.shape[:-1], -1).contiguous()


class Residual(nn.Module):
    """A projection added back to its input and layer-normalised (BertSelfOutput, BertOutput)."""

    def __init__(self, inputs: int, hidden: int, eps: float):
        super().__init__()
        self.dense = nn.Linear(inputs, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)

    def forward(self, hidden: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        return self.LayerNorm(self.dense(hidden) + residual)


def quantise_int8(model):
    """The model with its linear layers' weights in int8, one scale per output channel."""
    import torch

    with warnings.catch_warnings():  # torch.ao's eager quantisation works, and warns it will move to torchao
        warnings.simplefilter("ignore")
        # in place: a copy would hold the float32 weights beside the int8 ones while loading
        model = torch.ao.quantization.quantize_dynamic(
            model,
            {torch.nn.Linear: torch.ao.quantization.per_channel_dynamic_qconfig},
            dtype=torch.qint8,
            inplace=True,
        )
    gc.collect()  # the replaced float32 layers sit in reference cycles: ~100 MB until collected
    return model
