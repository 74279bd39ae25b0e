"""One-off probe (2026-12-04, issue 21 item 2): UMAP with 200 layout epochs instead of the 500 it takes below
10,000 points, on the clustered path (discovery="clusters"), same measures as benchmarks/themes_real.py.
ThemeModel.fit on 5,000 clauses in a fresh process (themes.py --scale-one 5000, clustered: no language
column) took 11.2-11.4 s that day, over issue 21's 10 s; UMAP's layout was ~3.5 s of it.

Result (2026-12-04; largest (comments / clauses), label coverage, mixed themes, refit ARI comments / clauses,
themes found again, fit s):
  NPS      500: 9.6% / 6.2%, 0.49, 4, 0.666 / 0.605, 72%, 10.8    200: 13.9% / 9.0%, 0.45, 3, 0.621 / 0.552, 63%, 4.3
  IndoNLU  500: 15.9% / 9.1%, 0.48, 3, 0.707 / 0.658, 77%, 9.6    200: 18.3% / 10.8%, 0.49, 4, 0.758 / 0.698, 81%, 6.4
  NSMC     500: 15.0% / 10.8%, 0.42, 7, 0.574 / 0.581, 70%, 12.8  200: 11.5% / 8.2%, 0.37, 9, 0.620 / 0.617, 74%, 10.4
Not kept: better on two sets and worse on the third in refit, worse in coverage on two; the default path
(anchored phrases, a language column) does not run UMAP at all.
Run: python benchmarks/probes/umap_epochs.py nps,id,ko
"""
import sys, time
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
import themes_real as R
import umap
orig_fit = umap.UMAP.fit
state = {"n": None}
def fit(self, X, *a, **k):
    if state["n"] is not None:
        self.n_epochs = state["n"]
    return orig_fit(self, X, *a, **k)
umap.UMAP.fit = fit
agree_for = {}
for k in sys.argv[1].split(","):
    out, gold = R.tagged(k)
    import numpy as np
    from sklearn.metrics import normalized_mutual_info_score
    live = out["embedding"].notna().to_numpy()
    g = None if gold is None else gold[live].to_numpy()
    def agree(pred):
        if g is None: return "-", "-"
        has = np.array([isinstance(x, str) for x in g]); p = np.asarray(pred)[has]
        return f"{normalized_mutual_info_score(g[has], p):.3f}", "-"
    for n in [None, 200]:
        state["n"] = n
        t = time.perf_counter()
        row, top = R.theme_model_row(out, R.SETS[k][0], "tm", {"discovery": "clusters"}, agree, rng_seed=1)
        print(k, "n_epochs", n or "default(500)", "| themes", row[2], "| largest", row[3], "| unas", row[4], "| NMI", row[5], "| cov", row[7], "| mixed", row[8], "| refit", row[10], "| again", row[11], "| fit s", row[12], "| total s", round(time.perf_counter() - t), flush=True)
