"""One-off probe (2026-12-04, not kept): anchors voted over subsamples. The greedy anchor choice of
vocnlp.themes.anchors runs on ROUNDS random subsamples of SHARE of the clauses; only phrases chosen in at
least VOTE of them may anchor the final themes. Prints each set's ThemeModel row (one refit pair), as
benchmarks/themes_real.py measures it, with ("consensus") or without ("base") the vote.
Run: python benchmarks/probes/anchor_votes.py consensus 8 0.8 0.5 id,nps,ko,zh,ja
"""
import sys, time, json
from collections import defaultdict
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import numpy as np
import scipy.sparse as sp
import themes_real as T
T.PAIRS = 1  # as measured on 2026-12-04: one pair of fits
from vocnlp.themes import anchors as A
from vocnlp.themes.labels import candidates

ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 8
SHARE = float(sys.argv[3]) if len(sys.argv) > 3 else 0.8
VOTE = float(sys.argv[4]) if len(sys.argv) > 4 else 0.5
orig = A.anchor_themes

def consensus(z, texts, languages, *, min_size, separation, max_share=A.MAX_SHARE):
    n = len(z)
    occ = defaultdict(list)
    for i, (t, l) in enumerate(zip(texts, languages)):
        for p in candidates(t, l):
            occ[p].append(i)
    least, most = min(A.MIN_CLAUSES, min_size), max_share * n
    phrases = [p for p, r in occ.items() if least <= len(r) <= most]
    if not phrases:
        return A.AnchoredThemes(np.full(n, -1, dtype=np.int64), [])
    usage = np.stack([z[occ[p]].mean(axis=0) for p in phrases])
    usage /= np.maximum(np.linalg.norm(usage, axis=1, keepdims=True), 1e-12)
    cohesion = np.array([float((z[occ[p]] @ u).mean()) for p, u in zip(phrases, usage)])
    weight = np.clip(cohesion, 0.0, None) ** 2
    rows = np.concatenate([occ[p] for p in phrases])
    cols = np.repeat(np.arange(len(phrases)), [len(occ[p]) for p in phrases])
    has = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(phrases)))
    simsU = usage @ usage.T

    def greedy(open0, uncovered, need):
        open_ = open0.copy(); uncovered = uncovered.astype(float).copy(); out = []
        while open_.any():
            gain = has.T @ uncovered
            j = int(np.where(open_, gain * weight, -1.0).argmax())
            if gain[j] < A.MIN_GAIN * need:
                break
            out.append(j)
            open_ &= simsU[j] < separation
            open_[j] = False
            uncovered[occ[phrases[j]]] = 0.0
        return out

    rng = np.random.default_rng(0)
    votes = np.zeros(len(phrases))
    allo = np.ones(len(phrases), dtype=bool)
    for _ in range(ROUNDS):
        mask = rng.random(n) < SHARE
        votes[greedy(allo, mask, SHARE * min_size)] += 1
    stable = votes >= VOTE * ROUNDS
    anchors = greedy(stable, np.ones(n), min_size)
    if not anchors:
        return A.AnchoredThemes(np.full(n, -1, dtype=np.int64), [])
    contains = has[:, anchors].toarray() > 0
    sims = z @ usage[anchors].T
    labels = A._closest(contains, sims)
    sizes = np.bincount(labels[labels >= 0], minlength=len(anchors))
    kept = sizes >= A.MIN_KEEP * min_size
    labels = A._closest(contains & kept[None, :], sims)
    order = sorted(set(labels[labels >= 0].tolist()))
    remap = np.full(len(anchors), -1, dtype=np.int64)
    remap[order] = np.arange(len(order))
    out = np.where(labels >= 0, remap[np.maximum(labels, 0)], -1).astype(np.int64)
    return A.AnchoredThemes(out, [phrases[anchors[k]] for k in order])

mode = sys.argv[1]
if mode == "consensus":
    A.anchor_themes = consensus
for key in sys.argv[5].split(",") if len(sys.argv) > 5 else ["id", "nps", "ko"]:
    out, gold = T.tagged(key)
    row, top = T.theme_model_row(out, T.SETS[key][0], "tm", {"discovery": "phrases"}, lambda p: ("-", "-"), rng_seed=1)
    print(mode, ROUNDS, SHARE, VOTE, key, row[2:5], "cov", row[7], "refit", row[10], "again", row[11], "s", row[12], flush=True)
