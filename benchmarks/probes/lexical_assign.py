"""One-off probe (2026-12-04, not kept): a clause that holds a theme's label phrase goes to that theme (the
most similar of those whose labels it holds) whatever its nearest centre. Prints, for two fits on
overlapping 90% samples, the refit ARI, the share of assigned clauses that hold their own theme's label
phrase word for word, and the largest theme's share of clauses, with ("lex") or without ("base") the rule.
Run: python benchmarks/probes/lexical_assign.py lex id,nps,ko
"""
import sys
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import numpy as np
from sklearn.metrics import adjusted_rand_score
import themes_real as T
import vocnlp
from vocnlp.themes import model as M
from vocnlp.themes.labels import candidates

LEX = sys.argv[1] == "lex"
orig = M.ThemeModel._assign_units

def patched(self, units, *, n_words=None):
    ids, sims = orig(self, units, n_words=n_words)
    if not LEX or not getattr(self, "_lexready", False):
        return ids, sims
    st = self.state_
    keys = {}
    for i in st.ids:
        for part in st.themes[i].label.split(" / "):
            keys.setdefault(part, []).append(i)
    pos = {i: k for k, i in enumerate(st.ids)}
    z = self._center(units.embeddings)
    ids = ids.copy()
    for r, (t, lang) in enumerate(zip(units.texts, units.language)):
        hit = [i for c in set(candidates(t, lang)) for i in keys.get(c, [])]
        if hit and ids[r] != -2:
            best = max(hit, key=lambda i: float(z[r] @ st.centroids[pos[i]]))
            if n_words is None or True:
                ids[r] = best
    return ids, sims
M.ThemeModel._assign_units = patched

for key in sys.argv[2].split(","):
    out, gold = T.tagged(key)
    n = len(out); rng = np.random.default_rng(1)
    picks = [np.sort(rng.choice(n, int(0.9 * n), replace=False)) for _ in range(2)]
    res = []
    for p in picks:
        m = vocnlp.ThemeModel(seed=0, discovery="phrases").fit(out.iloc[p], text_col="text")
        m._lexready = True
        got = m.transform(out, text_col="text")
        res.append((m, got))
    a = [c["theme_id"] for cl in res[0][1]["clauses"] if isinstance(cl, list) for c in cl]
    b = [c["theme_id"] for cl in res[1][1]["clauses"] if isinstance(cl, list) for c in cl]
    ca, cb = res[0][1]["theme_id"].fillna(-1).astype(int), res[1][1]["theme_id"].fillna(-1).astype(int)
    m, got = res[0]
    langs = [lang for cl, lang in zip(got["clauses"], got["language"]) if isinstance(cl, list) for _ in cl]
    texts = [c["text"] for cl in got["clauses"] if isinstance(cl, list) for c in cl]
    labs = {i: m.state_.themes[i].label.split(" / ") for i in m.state_.ids}
    own = [t >= 0 and bool(set(labs[t]) & set(candidates(x, l))) for t, x, l in zip(a, texts, langs)]
    asg = np.array(a) >= 0
    sizes = np.bincount(np.array(a)[asg])
    print("lex" if LEX else "base", key, f"refit comments {adjusted_rand_score(ca, cb):.3f} clauses {adjusted_rand_score(a, b):.3f}",
          f"own-label (lexical) share of assigned clauses {np.mean(np.array(own)[asg]):.3f}", f"unassigned clauses {1-asg.mean():.3f}",
          f"largest clause share {sizes.max()/len(a):.3f}", flush=True)
