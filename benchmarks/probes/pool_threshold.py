"""One-off probe (2026-12-04, issue 21 item 6): what ``comment_vectors="auto"`` costs at lower thresholds
(LONG_COMMENT_TOKENS: a multi-clause comment of at least this many tokens is pooled from its clauses).

Per real set of benchmarks/comment_vectors.py (held-out rows): sentiment macro-F1 (2-class: accuracy of the
sign) of the pipeline's comment ``sentiment``, mean / min cosine of the comment vectors to the whole-comment
ones, tokens the encoder saw relative to ``whole``; then the same over the 2,000 comments of
benchmarks/encode.py. The threshold is a module constant: set between runs, the pipelines are rebuilt.
Run: python benchmarks/probes/pool_threshold.py [--per-set 600]

Result (2026-12-04, bf16 encoder; stopped after six sets; sentiment / mean cosine / tokens vs whole):
  set          whole   128 (default)        64                   48                   32
  th Wisesight 0.614   0.614 0.9997 0.90    0.611 0.9995 0.86    0.611 0.9994 0.85    0.611 0.9994 0.85
  id SmSA      0.739   0.739 1.0000 1.00    0.731 0.9866 0.74    0.729 0.9812 0.67    0.728 0.9753 0.60
  NusaX        0.579   0.579 0.9995 0.99    0.549 0.9867 0.78    0.539 0.9771 0.68    0.540 0.9700 0.61
  AfriSenti    0.466   0.466 1.0000 1.00    0.466 0.9985 0.91    0.466 0.9974 0.87    0.464 0.9960 0.82
  ko NSMC      0.477   0.477 1.0000 1.00    0.477 0.9993 0.93    0.480 0.9987 0.88    0.482 0.9974 0.80
  zh ASAP      0.531   0.525 0.9716 0.55    (all its multi-clause comments are over 128 tokens already)
On the 2,000 comments of encode.py the encoder would see 1.26x the comments' tokens at 128, 1.20x at 64,
1.16x at 48, 1.09x at 32 (whole: 1.29x). Lowering the threshold costs NusaX 0.03 macro-F1 already at 64
tokens (a short review's overall sentiment is not the mean of its clauses'), so it stays at 128.
"""
import argparse, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import numpy as np
from sklearn.metrics import f1_score
import heads_data
from quality import LABELS, load_sets
from encode import load_texts
import vocnlp.pipeline as P

ap = argparse.ArgumentParser()
ap.add_argument("--per-set", type=int, default=600)
ap.add_argument("--thresholds", type=int, nargs="*", default=[10**9, 128, 64, 48, 32, 0])
args = ap.parse_args()
sets = load_sets(args.per_set, 40)
hand = heads_data.load()["hand"]
sets["multilingual test split"] = hand[hand["split"] == "test"].reset_index(drop=True)
sets["encode.py comments (no labels)"] = None
nlp = P.Pipeline.default(device="cpu", keep_embeddings=True, comment_vectors="auto")
enc = nlp.encoder
plain = enc.encode
tokens = {"n": 0}
def counted(texts):
    out = plain(texts)
    tokens["n"] += int(sum(out.n_tokens))
    return out
enc.encode = counted
summary = {th: [] for th in args.thresholds}
for name, df in sets.items():
    texts = load_texts(2000) if df is None else df["text"].astype(str).tolist()
    base_emb, base_tok = None, None
    line = [name]
    for th in args.thresholds:
        P.LONG_COMMENT_TOKENS = th
        tokens["n"] = 0
        o = nlp.run(texts, progress=False)
        emb = o["embedding"]
        if base_emb is None:
            base_emb, base_tok = emb, tokens["n"]
        ok = [i for i in range(len(o)) if emb[i] is not None and base_emb[i] is not None]
        cos = np.array([float(np.dot(emb[i], base_emb[i])) for i in ok])
        if df is None:
            score = float("nan")
        else:
            gold = df["sentiment" if "sentiment" in df.columns and "label" not in df.columns else "label"].to_numpy()
            if "2-class" in name:
                score = float((np.where(o["sentiment_score"].to_numpy(dtype=float) >= 0, "positive", "negative") == gold).mean())
            else:
                score = float(f1_score(gold, o["sentiment"].to_numpy(), average="macro", labels=list(LABELS)))
        summary[th].append(cos)
        line.append(f"{'whole' if th >= 10**9 else th}: {score:.3f} cos {cos.mean():.4f}/{cos.min():.3f} tok {tokens['n'] / base_tok:.2f}")
    print(" | ".join(line), flush=True)
for th, cs in summary.items():
    c = np.concatenate(cs)
    print(th, "all comments: cosine mean", round(float(c.mean()), 4), "share under 0.97", round(float((c < 0.97).mean()), 4))
