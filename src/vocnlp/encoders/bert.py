"""A plain BERT encoder forward in torch alone, for the bundled model.

``transformers`` costs ~3.5 s to import (its model registry and BERT modelling code) in every fresh
process, more than the whole forward of the first 50 comments. The bundled e5-small is a plain BERT
(absolute positions, exact GELU, post-layer-norm), so it runs here instead: the same weights under the same
names (``model.safetensors`` loads strictly), the same arithmetic (scaled dot-product attention), and the
same call shape as a transformers model (``model(input_ids=..., attention_mask=...).last_hidden_state``),
so batching, windows, pooling, bf16 and ``torch.compile`` are unchanged. Other architectures, and every
model a user names, still load through transformers. Imported only when the encoder loads (it imports torch).

Example:
    >>> model = load_bert("~/.cache/vocnlp/models/multilingual-e5-small")          # doctest: +SKIP
    >>> model(input_ids=ids, attention_mask=mask).last_hidden_state.shape          # doctest: +SKIP
    torch.Size([2, 7, 384])
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

import torch
from torch import nn
from torch.nn import functional as F

__all__ = ["CPU_BF16_ROWS", "Bert", "RowsApartLinear", "is_plain_bert", "keep_rows_apart", "load_bert"]


def is_plain_bert(config: dict[str, Any]) -> bool:
    """Whether ``config`` (a config.json dict) is a BERT this module reproduces exactly."""
    return (
        config.get("model_type") == "bert"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and config.get("hidden_act") == "gelu"
        and not config.get("is_decoder", False)
        and not config.get("add_cross_attention", False)
        and config.get("hidden_size", 0) % max(config.get("num_attention_heads", 1), 1) == 0
    )


class _Embeddings(nn.Module):
    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        d = cfg["hidden_size"]
        # uninitialised (``_weight``): the checkpoint overwrites them, and drawing 96M random numbers costs
        # ~0.6 s (a meta-device build instead pulls in torch._dynamo, ~1.5 s)
        self.word_embeddings = nn.Embedding(cfg["vocab_size"], d, _weight=torch.empty(cfg["vocab_size"], d))
        self.position_embeddings = nn.Embedding(cfg["max_position_embeddings"], d)
        self.token_type_embeddings = nn.Embedding(cfg.get("type_vocab_size", 2), d)
        self.LayerNorm = nn.LayerNorm(d, eps=cfg["layer_norm_eps"])  # the checkpoint's names

    def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(input_ids.shape[1], device=input_ids.device)
        x = self.word_embeddings(input_ids) + self.token_type_embeddings.weight[0]  # one segment: type id 0
        return self.LayerNorm(x + self.position_embeddings(positions)[None])


class _SelfAttention(nn.Module):
    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        d = cfg["hidden_size"]
        self.heads = cfg["num_attention_heads"]
        self.query, self.key, self.value = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)

    def forward(self, x: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape

        def heads(z: torch.Tensor) -> torch.Tensor:
            return z.view(b, t, self.heads, d // self.heads).transpose(1, 2)

        out = F.scaled_dot_product_attention(heads(self.query(x)), heads(self.key(x)), heads(self.value(x)), keep)
        return out.transpose(1, 2).reshape(b, t, d)


class _Output(nn.Module):
    """Dense projection, residual, layer norm (after attention and after the feed-forward)."""

    def __init__(self, d_in: int, d: int, eps: float) -> None:
        super().__init__()
        self.dense = nn.Linear(d_in, d)
        self.LayerNorm = nn.LayerNorm(d, eps=eps)

    def forward(self, x: torch.Tensor, residual: torch.Tensor) -> torch.Tensor:
        return self.LayerNorm(self.dense(x) + residual)


_M = TypeVar("_M", bound=nn.Module)
#: rows per call of a bf16 CPU projection with a long inner dimension (:class:`RowsApartLinear`)
CPU_BF16_ROWS = 512


class RowsApartLinear(nn.Linear):
    """An ``nn.Linear`` that on CPU in bf16 multiplies in calls of exactly :data:`CPU_BF16_ROWS` rows (the last
    padded with zeros). With two threads oneDNN splits a bf16 product with a long inner dimension (BERT's
    feed-forward, 1,536 -> 384) differently for different row counts: on an Intel Xeon with AMX a row moved by
    up to 0.008 between 64 and 2,048 rows, so a comment's vector changed with its batch-mates. With one row count
    a row's numbers do not depend on the others (rows at any offset: the same to the bit); the projections with
    an inner dimension of 384 gave the same numbers at every row count. :func:`keep_rows_apart` sets it."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.device.type != "cpu" or x.dtype != torch.bfloat16:
            return super().forward(x)
        flat = x.reshape(-1, x.shape[-1])
        n = flat.shape[0]
        pad = -n % CPU_BF16_ROWS
        if pad:
            flat = torch.cat([flat, flat.new_zeros(pad, flat.shape[1])])
        out = torch.cat(
            [
                super(RowsApartLinear, self).forward(flat[k : k + CPU_BF16_ROWS])
                for k in range(0, len(flat), CPU_BF16_ROWS)
            ]
        )
        return out[:n].reshape(*x.shape[:-1], self.out_features)


def keep_rows_apart(model: _M) -> _M:
    """Make every ``nn.Linear`` of ``model`` with an inner dimension over 1,024 a :class:`RowsApartLinear` (same
    parameters and names; it differs from ``nn.Linear`` only on CPU in bf16), so that a row's output does not
    depend on the rows batched with it; the bundled BERT and a transformers model alike."""
    for module in model.modules():
        if type(module) is nn.Linear and module.in_features > 1024:
            module.__class__ = RowsApartLinear
    return model


class _Attention(nn.Module):
    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        self.self = _SelfAttention(cfg)
        self.output = _Output(cfg["hidden_size"], cfg["hidden_size"], cfg["layer_norm_eps"])

    def forward(self, x: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
        return self.output(self.self(x, keep), x)


class _Intermediate(nn.Module):
    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        self.dense = nn.Linear(cfg["hidden_size"], cfg["intermediate_size"])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.gelu(self.dense(x))


class _Layer(nn.Module):
    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        self.attention = _Attention(cfg)
        self.intermediate = _Intermediate(cfg)
        self.output = _Output(cfg["intermediate_size"], cfg["hidden_size"], cfg["layer_norm_eps"])

    def forward(self, x: torch.Tensor, keep: torch.Tensor) -> torch.Tensor:
        x = self.attention(x, keep)
        return self.output(self.intermediate(x), x)


class _Encoder(nn.Module):
    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        self.layer = nn.ModuleList(_Layer(cfg) for _ in range(cfg["num_hidden_layers"]))


class Bert(nn.Module):
    """BERT without pooler; parameter names as in ``BertModel`` (add_pooling_layer=False)."""

    def __init__(self, cfg: dict[str, Any]) -> None:
        super().__init__()
        if not is_plain_bert(cfg):
            raise ValueError(
                f"not a plain BERT config (model_type={cfg.get('model_type')!r}): load it with transformers"
            )
        self.config = SimpleNamespace(**cfg)
        self.embeddings = _Embeddings(cfg)
        self.encoder = _Encoder(cfg)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> SimpleNamespace:
        x = self.embeddings(input_ids)
        keep = attention_mask.bool()[:, None, None, :]  # (batch, 1, 1, keys): padded keys get no weight
        for layer in self.encoder.layer:
            x = layer(x, keep)
        return SimpleNamespace(last_hidden_state=x)


def load_bert(location: str | os.PathLike[str], *, dtype: torch.dtype = torch.float32) -> Bert:
    """The model in ``location`` (config.json + model.safetensors), weights loaded strictly, in eval mode."""
    from safetensors.torch import load_file

    root = Path(location).expanduser()
    cfg = json.loads((root / "config.json").read_text(encoding="utf-8"))
    model = Bert(cfg)
    state = load_file(str(root / "model.safetensors"))
    state = {k.removeprefix("bert."): v for k, v in state.items() if not k.startswith(("pooler.", "bert.pooler."))}
    model.load_state_dict(state, strict=True, assign=True)  # assign: the loaded tensors, not copies
    return model.to(dtype).eval()
