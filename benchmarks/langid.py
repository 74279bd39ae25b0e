"""Language-ID accuracy per language and per length bucket, and texts/s, for every engine.

Data: ../shared/data/langid_lingua_sentences (Leipzig sentences via Lingua's test set, 13 languages),
whole sentences (the 6+ words bucket) and 1, 2 and 3-5 word fragments cut from them (seeded).
Run: python benchmarks/langid.py [--per-bucket N]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import defaultdict

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "src"))
from _common import SHARED_DATA, md_table, write_section  # noqa: E402

from vocnlp.langid import LanguageDetector  # noqa: E402

BUCKETS = ("1", "2", "3-5", "6+")
_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def fragments(per_bucket: int, seed: int = 0) -> list[tuple[str, str, str]]:
    """(bucket, lang, text) rows: ``per_bucket`` texts per bucket, spread over the languages."""
    path = SHARED_DATA / "langid_lingua_sentences" / "lingua_sentences_target13.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    rng = random.Random(seed)
    by_lang: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        by_lang[r["lang"]].append(r["text"])
    langs = sorted(by_lang)
    out = []
    for bucket in BUCKETS:
        for k in range(per_bucket):
            lang = langs[k % len(langs)]
            for _ in range(20):
                sent = rng.choice(by_lang[lang])
                cjk = lang in ("zh", "ja")
                words = [w for w in (_PUNCT.sub("", w) for w in sent.split()) if w and not w.isdigit()]
                if cjk:  # no spaces: a "word" is 2 characters
                    chars = [c for c in sent if c.isalpha()]
                    words = ["".join(chars[i : i + 2]) for i in range(0, len(chars), 2)]
                n = {"1": 1, "2": 2, "3-5": rng.randint(3, 5), "6+": 0}[bucket]
                if bucket == "6+":
                    if len(words) >= 6:
                        out.append((bucket, lang, sent))
                        break
                    continue
                if len(words) < n:
                    continue
                start = rng.randrange(0, len(words) - n + 1)
                out.append((bucket, lang, ("" if cjk else " ").join(words[start : start + n])))
                break
    return out


def run(per_bucket: int) -> str:
    data = fragments(per_bucket)
    variants = {
        "auto": {"engine": "auto"},
        "auto, no shortlist (high accuracy over fastText's 20 guesses)": {"engine": "auto", "lingua_shortlist": None},
        "auto, Lingua over all languages": {"engine": "auto", "lingua_candidates": None},
        "lingua": {"engine": "lingua"},
        "fasttext": {"engine": "fasttext"},
        "langdetect": {"engine": "langdetect"},
    }
    engines = tuple(variants)
    acc: dict[str, dict[str, float]] = {}
    speed: dict[str, dict[str, float]] = {}
    per_lang: dict[str, dict[str, float]] = {}
    for name in engines:
        det = LanguageDetector(min_score=0.0, **variants[name])
        det.detect([t for _, _, t in data])  # warm up on every text: lingua loads its models lazily, once per process,
        # so a partial warm-up would charge one variant for models the next one finds loaded
        acc[name], speed[name] = {}, {}
        total_t, total_n = 0.0, 0
        lang_hits: dict[str, list[int]] = defaultdict(list)
        for bucket in BUCKETS:
            rows = [r for r in data if r[0] == bucket]
            texts = [t for _, _, t in rows]
            t0 = time.perf_counter()
            guesses = det.detect(texts)
            dt = time.perf_counter() - t0
            hits = [g.lang == lang for (_, lang, _), g in zip(rows, guesses)]
            for (_, lang, _), h in zip(rows, hits):
                if bucket != "6+":
                    lang_hits[lang].append(h)
            acc[name][bucket] = 100 * sum(hits) / len(hits)
            speed[name][bucket] = len(texts) / dt
            total_t += dt
            total_n += len(texts)
        speed[name]["all"] = total_n / total_t
        per_lang[name] = {lang: 100 * sum(h) / len(h) for lang, h in lang_hits.items()}
        print(name, acc[name], {k: round(v) for k, v in speed[name].items()}, flush=True)
    rows = [[e] + [f"{acc[e][b]:.1f}" for b in BUCKETS] + [f"{speed[e]['all']:,.0f}", f"{speed[e]['all'] / speed['lingua']['all']:.1f}x"]
            for e in engines]
    body = (f"Data: {len(data)} texts, {per_bucket} per bucket, from ../shared/data/langid_lingua_sentences "
            "(13 languages; fragments of 1, 2 and 3-5 words cut from the sentences with a fixed seed; "
            "zh/ja fragments count 2 characters as a word). Accuracy in %, `und` counts as wrong.\n\n")
    body += md_table(["engine"] + [f"acc {b} words" for b in BUCKETS] + ["texts/s (all buckets)", "speed vs lingua-high"], rows)
    body += "\n\ntexts/s per bucket:\n\n" + md_table(["engine", *BUCKETS], [[e] + [f"{speed[e][b]:,.0f}" for b in BUCKETS] for e in engines])
    langs = sorted(per_lang["auto"])
    body += "\n\nAccuracy per language on 1-5 word texts (%):\n\n" + md_table(
        ["engine"] + langs, [[e] + [f"{per_lang[e][lang]:.0f}" for lang in langs] for e in engines])
    return body


def busy(per_bucket: int) -> str:
    """texts/s of ``auto`` on the 1-5 word fragments, on a quiet machine and with two processes spinning
    on the CPUs (a shared machine), measured alternately in the same run."""
    import subprocess

    data = [t for b, _, t in fragments(per_bucket) if b != "6+"]
    det = LanguageDetector(min_score=0.0)
    det.detect(data)  # warm: every model this data needs is loaded
    quiet, loaded = [], []
    for _ in range(2):
        t0 = time.perf_counter()
        det.detect(data)
        quiet.append(len(data) / (time.perf_counter() - t0))
        spin = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
        try:
            time.sleep(0.5)
            t0 = time.perf_counter()
            det.detect(data)
            loaded.append(len(data) / (time.perf_counter() - t0))
        finally:
            for proc in spin:
                proc.kill()
                proc.wait()
    q, b = max(quiet), max(loaded)
    return (f"\n\nShared CPU: `auto` on the {len(data)} fragments of 1-5 words, {q:,.0f} texts/s on a quiet machine,"
            f" {b:,.0f} texts/s with two competing processes spinning on the two cores ({b / q:.2f}x; best of two"
            " runs each, alternated).")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-bucket", type=int, default=1300)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    body = run(args.per_bucket) + busy(args.per_bucket)
    print(body)
    if not args.no_write:
        write_section("Language identification (benchmarks/langid.py)", body)


if __name__ == "__main__":
    main()
