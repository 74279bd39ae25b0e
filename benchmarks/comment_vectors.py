"""What pooling a comment's vector from its clauses costs in quality, per real data set: ``comment_vectors``
``"whole"``, ``"auto"`` (the default) and ``"clauses"`` side by side in the same run.

With clause-level sentiment (the default) or themes, the encoder embeds each clause of a multi-clause comment;
``"whole"`` embeds the comment as well, ``"clauses"`` pools every multi-clause comment's vector from its clauses
(each token embedded once), ``"auto"`` pools only comments of 128 tokens or more.
On held-out rows of the real sets of benchmarks/quality.py (the heads never trained on them) and the project's
multilingual test split: sentiment macro-F1 (accuracy on 2-class sets) of the pipeline's ``sentiment``
column, the cosine of each setting's comment vectors to the whole-comment vectors (all comments), the
tokens the encoder saw (relative to ``whole``); on the multilingual test split also intent micro-F1.
Speed: benchmarks/encode.py. Run: python benchmarks/comment_vectors.py [--per-set 600] [--no-write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import md_table, write_section

MODES = ("whole", "auto", "clauses")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-set", type=int, default=600)
    ap.add_argument("--per-lang", type=int, default=40)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import heads_data
    import numpy as np
    from quality import LABELS, load_sets
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    from vocnlp.pipeline import Pipeline

    sets = load_sets(args.per_set, args.per_lang)
    hand = heads_data.load()["hand"]
    hand = hand[hand["split"] == "test"].reset_index(drop=True)
    sets["multilingual test split (hand-written, 15 languages)"] = hand
    pipes = {m: Pipeline.default(device="cpu", keep_embeddings=True, comment_vectors=m) for m in MODES}
    seen = {"mode": "whole"}
    tokens = {m: 0 for m in MODES}
    enc = pipes["whole"].encoder  # one shared encoder: count the tokens each setting sends it
    plain = enc.encode

    def counted(texts):  # type: ignore[no-untyped-def]
        out = plain(texts)
        tokens[seen["mode"]] += int(sum(out.n_tokens))
        return out

    enc.encode = counted
    rows, all_cos = [], {m: [] for m in MODES}
    intent = {}
    for name, df in sets.items():
        texts = df["text"].astype(str).tolist()
        gold = df["sentiment" if "sentiment" in df.columns and "label" not in df.columns else "label"].to_numpy()
        outs = {}
        before = dict(tokens)
        for m in MODES:
            seen["mode"] = m
            outs[m] = pipes[m].run(texts, progress=False)
        used = {m: tokens[m] - before[m] for m in MODES}
        row: list[object] = [name, len(texts)]
        base = None
        for m in MODES:
            o = outs[m]
            if "2-class" in name:
                pred = np.where(o["sentiment_score"].to_numpy(dtype=float) >= 0, "positive", "negative")
                score = float((pred == gold).mean())
            else:
                score = float(f1_score(gold, o["sentiment"].to_numpy(), average="macro", labels=list(LABELS)))
            ok = [i for i, (a, b) in enumerate(zip(outs["whole"]["embedding"], o["embedding"]))
                  if a is not None and b is not None]
            cos = np.array([float(np.dot(outs["whole"]["embedding"][i], o["embedding"][i])) for i in ok])
            all_cos[m].extend(cos.tolist())
            if base is None:
                base = score
                row += [f"{score:.3f}"]
            else:
                row += [f"{score:.3f} ({score - base:+.3f})", f"{cos.mean():.4f} / {cos.min():.3f}"]
            if name.startswith("multilingual"):
                mlb = MultiLabelBinarizer().fit([*df["intents"], *o["intents"]])
                intent[m] = float(f1_score(mlb.transform(df["intents"]), mlb.transform(o["intents"]), average="micro"))
        row.append(f"{used['auto'] / max(used['whole'], 1):.2f}")
        print(row, flush=True)
        rows.append(row)
    body = md_table(["set", "comments", "whole: sentiment", "auto (default): sentiment", "auto: cosine to whole, mean / min",
                     "clauses: sentiment", "clauses: cosine to whole, mean / min", "tokens auto / whole"], rows)
    body += (
        f"\n\nOver all {len(all_cos['clauses']):,} comments: cosine of the pooled to the whole-comment vector"
        f" {np.mean(all_cos['clauses']):.4f} mean with `clauses`, {np.mean(all_cos['auto']):.4f} with `auto` (the bound"
        " the encoder paths are held to: 0.99). Tokens the encoder saw, relative to `whole`:"
        f" `auto` {tokens['auto'] / tokens['whole']:.2f}, `clauses` {tokens['clauses'] / tokens['whole']:.2f}."
        f" Intent micro-F1 on the multilingual test split: whole {intent['whole']:.3f}, auto {intent['auto']:.3f},"
        f" clauses {intent['clauses']:.3f}. Sentiment: 3-class"
        " macro-F1 (2-class sets: accuracy of the sign of sentiment_score) of the pipeline's comment-level"
        " `sentiment`; rows are held out from the heads' training (benchmarks/quality.py's sets).")
    body += speed(pipes, enc)
    print(body)
    if not args.no_write:
        write_section("Comment vectors pooled from clauses: quality", body)


def speed(pipes: dict, enc) -> str:  # type: ignore[no-untyped-def]
    """Seconds of the default pipeline (clause sentiment on) per mode on two sets of long real reviews,
    warm (one pass over each set first), the modes alternated, best of two."""
    import time

    import pandas as pd
    from _common import SHARED_DATA

    sets = {
        "Japanese hotel/sight reviews (758)": pd.read_csv(SHARED_DATA / "reviews_quasi_japanese_reviews" / "data.csv"),
        "Chinese restaurant reviews, ASAP (300)": pd.read_csv(SHARED_DATA / "themes_asap_zh_sample" / "data.csv"),
        "NPS verbatims (first 1,000)": pd.read_csv(SHARED_DATA / "nps_verbatims_en" / "nps_verbatims.csv").head(1000),
    }
    rows = []
    for name, df in sets.items():
        texts = df["text"].astype(str).tolist()
        pipes["whole"].run(texts, progress=False)
        best = {m: float("inf") for m in ("whole", "auto")}
        for _ in range(2):
            for m in best:
                t = time.perf_counter()
                pipes[m].run(texts, progress=False)
                best[m] = min(best[m], time.perf_counter() - t)
        tok = sum(enc.token_counts(texts)) / len(texts)
        rows.append([name, f"{tok:.0f}", f"{best['whole']:.1f}", f"{best['auto']:.1f}",
                     f"{best['whole'] / best['auto']:.2f}x"])
        print(rows[-1], flush=True)
    return ("\n\nSpeed of the default pipeline (language, sentiment with clauses, intent) on long real reviews,"
            " `whole` against `auto` in the same run (warm, best of two, modes alternated):\n\n"
            + md_table(["set", "tokens per comment", "whole s", "auto s", "auto speed-up"], rows))


if __name__ == "__main__":
    main()
