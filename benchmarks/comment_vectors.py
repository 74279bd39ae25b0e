"""What ``comment_vectors="clauses"`` costs in quality: the default pipeline with each setting, on held-out data.

With clause-level sentiment (the default) or themes, the encoder embeds each clause of a multi-clause comment;
``"whole"`` embeds the comment as well, ``"clauses"`` pools the comment's vector from its clauses (each token
embedded once). This compares the two on data the heads never trained on:
- NPS verbatims (2,385 comments with a 0-10 score): sentiment agrees with detractor/promoter; Spearman of
  sentiment_score with the score; cosine of the comment vectors on the multi-clause comments;
- the project's multilingual test split (265, 15 languages; tools/heads_data.py): sentiment macro-F1, mixed
  sentiment F1, intent micro-F1 over the multi-label ``intents`` and share of comments whose top intent is
  one of the gold intents.
Speed of both settings: benchmarks/encode.py. Run: python benchmarks/comment_vectors.py [--no-write]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import md_table, write_section


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import heads_data
    import numpy as np
    from scipy.stats import spearmanr
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    from vocnlp.pipeline import Pipeline

    src = heads_data.load()
    nps = src["nps"]
    hand = src["hand"][src["hand"]["split"] == "test"].reset_index(drop=True)
    score = nps["nps_score"].to_numpy()
    det, pro = score <= 6, score >= 9
    gold = hand["intents"].tolist()
    res, frames = {}, {}
    for mode in ("whole", "clauses"):
        nlp = Pipeline.default(device="cpu", keep_embeddings=True, comment_vectors=mode)
        a, h = nlp.run(nps["text"].tolist()), nlp.run(hand["text"].tolist())
        frames[mode] = a
        s = a["sentiment"].to_numpy()
        mlb = MultiLabelBinarizer().fit([*gold, *h["intents"].tolist()])
        res[mode] = {
            "nps_agree": float((((s == "negative") & det) | ((s == "positive") & pro)).sum() / (det | pro).sum()),
            "nps_spearman": float(spearmanr(a["sentiment_score"], score).statistic),
            "hand_f1": float(f1_score(hand["sentiment"], h["sentiment"], average="macro")),
            "mixed_f1": float(f1_score(hand["mixed"], h["sentiment_mixed"].astype(bool))),
            "intent_f1": float(f1_score(mlb.transform(gold), mlb.transform(h["intents"].tolist()), average="micro")),
            "top_intent": float(np.mean([i in g for i, g in zip(h["intent"], gold)])),
        }
        print(mode, {k: round(v, 4) for k, v in res[mode].items()}, flush=True)
    multi = np.array([c is not None and len(c) > 1 for c in frames["whole"]["clause_embeddings"]])
    cos = np.array([float(np.dot(x, y)) for x, y in zip(frames["whole"]["embedding"], frames["clauses"]["embedding"])
                    if x is not None])
    multi = multi[[x is not None for x in frames["whole"]["embedding"]]]
    labels = [("NPS verbatims: sentiment agrees with detractor/promoter", "nps_agree"),
              ("NPS verbatims: Spearman(sentiment_score, NPS score)", "nps_spearman"),
              ("multilingual test (265): sentiment macro-F1", "hand_f1"),
              ("multilingual test: mixed-sentiment F1", "mixed_f1"),
              ("multilingual test: intent micro-F1 (multi-label)", "intent_f1"),
              ("multilingual test: top intent is a gold intent", "top_intent")]
    rows = [[name, f"{res['whole'][k]:.3f}", f"{res['clauses'][k]:.3f}", f"{res['clauses'][k] - res['whole'][k]:+.3f}"]
            for name, k in labels]
    body = md_table(["measure", "whole (default)", "clauses", "change"], rows)
    body += (f"\n\n{multi.mean():.0%} of the NPS verbatims have several clauses; on those, the cosine of the pooled "
             f"comment vector to the whole-comment vector is {cos[multi].mean():.3f} mean, {cos[multi].min():.3f} "
             f"worst ({cos.mean():.4f} mean over all comments: below the 0.99 bound the encoder paths are held to, "
             "which is why `whole` stays the default).")
    print(body)
    if not args.no_write:
        write_section("Comment vectors pooled from clauses: quality", body)


if __name__ == "__main__":
    main()
