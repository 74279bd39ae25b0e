"""Short answers in a one-language file: language ID with and without the batch prior (issue 19 item 3).

Data: the real sentences of ../shared/data/langid_lingua_sentences. For each Latin-script language, a
"file" of 200 full sentences plus 200 short answers (the first one or two words of other sentences of
the same language, e.g. "Recomendo", "Ótimo produto"), and, to check that the prior does not swallow a
real foreign comment, 20 short answers from each of two other languages. Accuracy on the short answers
with LanguageDetector(batch_prior=True) and (batch_prior=False), in the same run.

    python benchmarks/langid_prior.py [--no-write]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _common import SHARED_DATA, md_table, write_section  # noqa: E402

LANGS = ("pt", "es", "it", "fr", "de", "pl", "sv", "en")


def short(text: str, k: int) -> str:
    words = [w.strip(".,;:!?\"'()") for w in text.split()]
    return " ".join(w for w in words[:k] if w)


def main() -> None:
    import pandas as pd

    from vocnlp.langid import LanguageDetector

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    df = pd.read_csv(SHARED_DATA / "langid_lingua_sentences" / "lingua_sentences_target13.csv")
    with_prior, without = LanguageDetector(batch_prior=True), LanguageDetector(batch_prior=False)
    warm = [short(t, 1) for t in df.groupby("lang")["text"].head(30)]  # load every engine and language model first
    with_prior.detect(warm)
    without.detect(warm)
    rows = []
    t_with = t_without = 0.0
    n_total = 0
    for i, lang in enumerate(LANGS):
        own = df[df["lang"] == lang]["text"].sample(frac=1.0, random_state=0).tolist()
        full, rest = own[:200], own[200:400]
        answers = [short(t, 1 + (j % 2)) for j, t in enumerate(rest)]
        others = [LANGS[(i + 1) % len(LANGS)], LANGS[(i + 3) % len(LANGS)]]
        foreign = []
        for o in others:
            texts = df[df["lang"] == o]["text"].sample(n=20, random_state=1).tolist()
            foreign += [(short(t, 2), o) for t in texts]
        batch = full + answers + [t for t, _ in foreign]
        gold = [lang] * len(answers) + [o for _, o in foreign]
        t0 = time.perf_counter()
        a = with_prior.detect(batch)
        t_with += time.perf_counter() - t0
        t0 = time.perf_counter()
        b = without.detect(batch)
        t_without += time.perf_counter() - t0
        n_total += len(batch)
        pa, pb = [g.lang for g in a[len(full) :]], [g.lang for g in b[len(full) :]]
        n = len(answers)
        rows.append([
            lang,
            f"{sum(x == y for x, y in zip(pa[:n], gold[:n])) / n:.3f}",
            f"{sum(x == y for x, y in zip(pb[:n], gold[:n])) / n:.3f}",
            f"{sum(x == y for x, y in zip(pa[n:], gold[n:])) / len(foreign):.3f}",
            f"{sum(x == y for x, y in zip(pb[n:], gold[n:])) / len(foreign):.3f}",
        ])
        print(rows[-1], flush=True)
    body = (
        "Per language, a file of 200 real sentences, 200 one- or two-word answers cut from other sentences of "
        "the same language, and 40 two-word answers in two other languages (lingua's test sentences, "
        "../shared/data). Accuracy on the short answers of the file's language and on the foreign ones.\n\n"
        + md_table(["file language", "own short answers: prior", "own: no prior", "foreign short answers: prior",
                    "foreign: no prior"], rows)
        + f"\n\nTexts/s over all files (sentences included): prior {n_total / t_with:.0f}, no prior "
        f"{n_total / t_without:.0f} (both detectors warmed up on every language first).\n"
    )
    print(body)
    if not args.no_write:
        write_section("Language ID: the batch prior on short answers (benchmarks/langid_prior.py)", body)


if __name__ == "__main__":
    main()
