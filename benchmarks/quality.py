"""Sentiment and intent quality on real, externally written feedback, per set and language, against a baseline.

Sets (../shared/data), held-out rows only: the shipped heads train on the train splits of NSMC, wisesight,
SmSA and AfriSenti and of UCI (tools/heads_data.py), so those sets are sampled from their test splits
(SmSA: ``valid``; NSMC and wisesight: a seeded 30% split); NusaX, ASAP zh and the NPS verbatims never
trained them. Thai social media (wisesight, "question" rows left out), Indonesian reviews (IndoNLU SmSA),
10 Indonesian local languages + Indonesian (NusaX), 14 African languages (AfriSenti tweets), Korean movie
reviews (NSMC, 1-10 ratings), Chinese restaurant reviews (ASAP, 1-5 stars), English review sentences (UCI,
positive/negative only), English NPS verbatims (promoters as positive, passives neutral, detractors
negative: a proxy, not a sentiment label).

Both heads score the same embeddings (multilingual-e5-small, one encoder pass per text): vocnlp's
sentiment head on the whole comment, and the sentimentai-py e5-small MLP head 2.0. Per set: 3-class
macro-F1 (2-class accuracy on UCI), neutral F1, Spearman(sentiment score, rating) where there are
ratings, top-label ECE. Rows are a seeded sample of each set (--per-set, --per-lang for the many-language
sets).

Intent: recall of ``complaint`` on clearly negative reviews and of ``praise`` on clearly positive ones
(ko: ratings 1 / 10; zh: 1 / 5 stars; id, th, en UCI: negative / positive labels; en NPS: scores 0-2 / 10),
and ``churn_risk`` recall and false alarms on tests/data/churn_phrasings.csv (written for this project:
"won't buy / use again" phrasings in 9 languages, with complaints and praise that are not churn).

    python benchmarks/quality.py [--per-set 600] [--per-lang 120] [--no-write]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import SHARED_DATA, md_table, write_section  # noqa: E402

LABELS = ("negative", "neutral", "positive")


def load_sets(per_set: int, per_lang: int) -> dict[str, object]:
    import pandas as pd

    def read(folder: str) -> pd.DataFrame:
        return pd.concat([pd.read_csv(p) for p in sorted((SHARED_DATA / folder).glob("*.csv"))], ignore_index=True)

    def sample(df: pd.DataFrame, n: int) -> pd.DataFrame:
        return df.sample(n=min(n, len(df)), random_state=0).reset_index(drop=True)

    def by_lang(df: pd.DataFrame) -> pd.DataFrame:
        parts = [sample(g, per_lang) for _, g in df.groupby("lang")]
        return pd.concat(parts, ignore_index=True)

    from heads_data import SEED, _split, load_real

    real = load_real()

    def test(name: str) -> pd.DataFrame:
        return real[name][real[name]["split"] == "test"]

    sets = {}
    th = test("wisesight")
    sets["th wisesight"] = sample(th[th["label"].isin(LABELS)], per_set)
    sets["id IndoNLU SmSA"] = sample(test("smsa"), per_set)
    sets["NusaX (11 languages)"] = by_lang(read("sentiment_nusax_senti"))
    sets["AfriSenti (14 languages)"] = by_lang(test("afrisenti"))
    sets["ko NSMC (1-10)"] = sample(test("nsmc"), per_set)
    sets["zh ASAP (1-5 stars)"] = sample(read("themes_asap_zh_sample"), per_set)
    uci = read("sentiment_uci_labelled_sentences_en")
    uci = uci[_split(uci, ["domain", "label"], 0.3, SEED) == "test"].copy()  # the heads train on the other 70%
    uci["label"] = uci["label"].map(lambda v: "positive" if str(v) in ("1", "positive") else "negative")
    sets["en UCI sentences (2-class)"] = sample(uci, per_set)
    nps = read("nps_verbatims_en")
    nps = nps[pd.to_numeric(nps["nps_score"], errors="coerce").notna()].copy()
    score = nps["nps_score"].astype(float)
    nps["label"] = ["negative" if v <= 6 else "neutral" if v <= 8 else "positive" for v in score]
    nps["rating"] = nps["nps_score"]
    sets["en NPS verbatims (NPS groups)"] = sample(nps, per_set)
    return sets


def scores(p, gold, rating, binary: bool) -> dict[str, float]:  # type: ignore[no-untyped-def]
    import numpy as np
    from scipy.stats import spearmanr
    from sklearn.metrics import f1_score

    from vocnlp.heads.calibration import expected_calibration_error

    if binary:
        pred = np.where(p[:, 2] >= p[:, 0], "positive", "negative")
        main = float((pred == gold).mean())
        neutral = float("nan")
        y = np.array([0 if g == "negative" else 2 for g in gold])
    else:
        pred = np.array(LABELS)[p.argmax(1)]
        main = float(f1_score(gold, pred, average="macro", labels=list(LABELS)))
        neutral = float(f1_score(gold, pred, labels=["neutral"], average="macro"))
        y = np.array([LABELS.index(g) for g in gold])
    rho = float(spearmanr(p[:, 2] - p[:, 0], rating).statistic) if rating is not None else float("nan")
    return {"main": main, "neutral": neutral, "rho": rho, "ece": expected_calibration_error(p, y)}


def extremes(name: str, df):  # type: ignore[no-untyped-def]
    """Masks of the clearly negative and clearly positive rows of a set, or None where it has no such rows."""
    if "NSMC" in name:
        return df["rating"].to_numpy() == 1, df["rating"].to_numpy() == 10
    if "ASAP" in name:
        return df["rating"].to_numpy() == 1, df["rating"].to_numpy() == 5
    if "NPS" in name:
        return df["rating"].to_numpy() <= 2, df["rating"].to_numpy() == 10
    if name.split()[0] in ("th", "id", "en"):
        return df["label"].to_numpy() == "negative", df["label"].to_numpy() == "positive"
    return None


def intent_recall(name: str, df, intents: list[list[str]]) -> list[object] | None:  # type: ignore[no-untyped-def]
    """complaint recall on the clear negatives, praise recall on the clear positives, and the crossed errors."""
    import numpy as np

    ends = extremes(name, df)
    if ends is None:
        return None
    neg, pos = ends
    has = lambda lab: np.array(["%s" % lab in i for i in intents])  # noqa: E731
    comp, praise = has("complaint"), has("praise")
    return [name, int(neg.sum()), f"{comp[neg].mean():.3f}", f"{praise[neg].mean():.3f}", int(pos.sum()),
            f"{praise[pos].mean():.3f}", f"{comp[pos].mean():.3f}"]


def intent_section(enc, intent, rows: list[list[object]]) -> str:  # type: ignore[no-untyped-def]
    """Complaint / praise recall on real extremes and churn-risk recall on the hand-written phrasings."""
    import pandas as pd

    churn = pd.read_csv(Path(__file__).resolve().parents[1] / "tests" / "data" / "churn_phrasings.csv")
    proba = intent.predict_proba(enc.encode(churn["text"].tolist()).embeddings)
    churn["hit"] = ["churn_risk" in intent.active_labels(r) for r in proba]
    churn_rows = []
    for lang, g in churn.groupby("lang", sort=True):
        yes, no = g[g["churn"] == 1], g[g["churn"] == 0]
        churn_rows.append([lang, len(yes), f"{yes['hit'].mean():.2f}", len(no), f"{no['hit'].mean():.2f}"])
    yes, no = churn[churn["churn"] == 1], churn[churn["churn"] == 0]
    churn_rows.append(["**all**", len(yes), f"{yes['hit'].mean():.2f}", len(no), f"{no['hit'].mean():.2f}"])
    return (
        "Intent on real reviews (the same held-out rows; `intents` of the whole comment, thresholded): recall of"
        " `complaint` on the clearly negative ones and of `praise` on the clearly positive ones (ko 1 / 10 of 10,"
        " zh 1 / 5 stars, NPS 0-2 / 10, otherwise the negative / positive label), and how often the opposite"
        " intent fires. Issue 19's target: recall >= 0.80 in every language.\n\n"
        + md_table(["set", "negative n", "complaint recall", "praise on negatives", "positive n", "praise recall",
                    "complaint on positives"], rows)
        + "\n\nChurn risk on `tests/data/churn_phrasings.csv` (written for this project, not real comments: 6"
        " \"won't buy / use again\", cancelling and switching phrasings per language, 3 complaints or praise"
        " without churn):\n\n"
        + md_table(["language", "churn phrasings", "churn_risk recall", "not churn", "false alarms"], churn_rows)
    )


def main() -> None:
    import numpy as np

    from train_heads import baseline_proba  # tools/: the sentimentai-py e5-small MLP head

    from vocnlp.encoders import get_encoder
    from vocnlp.heads import load_head

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-set", type=int, default=600)
    ap.add_argument("--per-lang", type=int, default=120)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    sets = load_sets(args.per_set, args.per_lang)
    enc = get_encoder("auto")
    head = load_head("sentiment")
    intent = load_head("intent")
    rows, lang_rows, intent_rows = [], [], []
    ours_main, base_main = [], []
    t0 = time.perf_counter()
    for name, df in sets.items():
        emb = enc.encode(df["text"].astype(str).tolist()).embeddings
        ours, base = head.predict_proba(emb), baseline_proba(emb)
        gold = df["label"].to_numpy()
        intent_rows.append(intent_recall(name, df, [intent.active_labels(r) for r in intent.predict_proba(emb)]))
        rating = df["rating"].to_numpy(dtype=float) if "rating" in df.columns else None
        binary = "2-class" in name
        a, b = scores(ours, gold, rating, binary), scores(base, gold, rating, binary)
        ours_main.append(a["main"])
        base_main.append(b["main"])

        def f(v: float) -> str:
            return "-" if np.isnan(v) else f"{v:.3f}"

        rows.append([name, len(df), f(a["main"]), f(b["main"]), f(a["neutral"]), f(b["neutral"]), f(a["rho"]),
                     f(b["rho"]), f(a["ece"]), f(b["ece"])])
        print(rows[-1], flush=True)
        if "languages" in name:
            for lang in sorted(df["lang"].unique()):
                m = df["lang"].to_numpy() == lang
                la, lb = scores(ours[m], gold[m], None, False), scores(base[m], gold[m], None, False)
                lang_rows.append([name.split(" (")[0], lang, int(m.sum()), f(la["main"]), f(lb["main"])])
    mean_ours, mean_base = float(np.mean(ours_main)), float(np.mean(base_main))
    rows.append(["**mean over sets**", "", f"{mean_ours:.3f}", f"{mean_base:.3f}", "", "", "", "", "", ""])
    body = (
        "Every row is held out: the heads train on the train splits of wisesight, SmSA, AfriSenti, NSMC, UCI and "
        "IndoNLU's aspect reviews (tools/heads_data.py), and these rows come from their test splits; NusaX, ASAP "
        "zh and the NPS verbatims "
        "never trained them. Same embeddings for both heads; "
        "vocnlp's head on the whole comment (the pipeline's clause-level aggregation is not used here). "
        "main = 3-class macro-F1 (accuracy on the 2-class UCI set); NPS groups are a proxy for sentiment.\n\n"
        + md_table(["set", "n", "main: vocnlp", "main: sentimentai-py", "neutral F1: vocnlp",
                    "neutral F1: sentimentai-py", "Spearman vs rating: vocnlp", "Spearman: sentimentai-py",
                    "ECE: vocnlp", "ECE: sentimentai-py"], rows)
        + f"\n\nMean over the {len(ours_main)} sets: vocnlp {mean_ours:.3f}, sentimentai-py {mean_base:.3f} "
        f"(difference {mean_ours - mean_base:+.3f}; issue 19's target is +0.05 with no set more than 0.02 "
        f"below the baseline). {time.perf_counter() - t0:.0f} s.\n\nPer language (macro-F1, "
        f"{args.per_lang} comments each):\n\n"
        + md_table(["set", "language", "n", "vocnlp", "sentimentai-py"], lang_rows)
    )
    body += "\n\n" + intent_section(enc, intent, [r for r in intent_rows if r is not None]) + "\n\n" + HISTORY
    print(body)
    if not args.no_write:
        write_section("Sentiment on real multilingual data (benchmarks/quality.py)", body)


HISTORY = """History (each line: this script's numbers on the heads of the time, same held-out rows):

- Before the heads were retrained with the real sets (2026-12-03, heads of commit e80548a, same run of this
  script's code): macro-F1 th 0.499, id 0.629, NusaX 0.536, AfriSenti 0.452, ko 0.426 (below the baseline's
  0.445), zh 0.547, UCI 0.927, NPS 0.571, mean 0.573; complaint recall th 0.604, id 0.610, ko 0.627, zh 0.938,
  UCI 0.925, NPS 0.806; praise recall th 0.392, id 0.895, ko 0.728, zh 0.992, UCI 0.946, NPS 0.801; churn_risk
  recall 0.81 (pt 0.50, en 0.67, id 0.67). The churn check is in-domain: 38 hand-written churn phrasings were
  added to the training split at the same time (other sentences, same kinds of phrasing).
- Heads of commit a8e5082 (trained and measured 2026-12-03, on AMD EPYC): macro-F1 th 0.608, id 0.717, NusaX 0.601, AfriSenti 0.465, ko 0.494, zh 0.521,
  UCI 0.930, NPS 0.583, mean 0.615 (baseline 0.513).
- 2026-12-07: IndoNLU's hotel and car aspect reviews joined the training data (their train split; reviews whose
  aspects all lean one way): "kotor" (dirty), "Kamar kotor", "Wifi lemot" (slow wifi) had read positive, and a
  theme "kamar kotor" showed 58% negative where the gold aspect polarity says 99% (benchmarks/aspect_sentiment.py,
  where the old and new heads are compared in one run). This table, Intel Xeon: th 0.608, id 0.741, NusaX 0.607,
  AfriSenti 0.474, ko 0.498, zh 0.531, UCI 0.918, NPS 0.591, mean 0.621 (baseline 0.514): UCI lost 0.012 (the
  baseline's UCI moved 0.001 between the machines), every other set held or gained."""


if __name__ == "__main__":
    main()
