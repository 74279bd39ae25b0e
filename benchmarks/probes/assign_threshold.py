"""Patches ThemeModel methods that moved to vocnlp.themes.discover on 2026-12-05 (commit 2354a66): run it at
commit 109cf12 (git worktree add /tmp/probe 109cf12; run there with PYTHONPATH=/tmp/probe/src).

One-off probe (2026-12-04, issue 15): a higher assignment threshold for anchored themes, raised while at
most BUDGET of the comments keep no theme, up to a quantile Q of the anchor clauses' own similarities and
(variant C) at most a share C of the clauses. Same Pipeline outputs as benchmarks/themes_real.py (its
cache), same measures (refit: 3 pairs of 90% fits, comments' main theme / every clause's theme).
Run: python benchmarks/probes/assign_threshold.py [ja,zh,...]   (patches vocnlp.themes.model._cluster for the run)

Result (2026-12-04; clauses unassigned / label coverage / refit ARI):
  set  today (q 0.01)           budget 5%, Q 0.10 (no C)    budget 5%, Q 0.15 (no C)    C = 10%                     C = 15%
  ja   5.3% 0.69 0.672/0.814    33.7% 0.81 0.776/0.857      41.3% 0.84 0.799/0.881      10.0% 0.71 0.699/0.814      15.0% 0.73 0.713/0.815
  zh   1.4% 0.55 0.455/0.575    29.3% 0.63 0.607/0.656      39.0% 0.69 0.605/0.698      10.0% 0.57 0.519/0.582      15.0% 0.62 0.538/0.597
  id   0.0% 0.64 0.769/0.742    (5.0% of comments) 0.72 0.782/0.757                     10.0% 0.67 0.769/0.721      15.0% 0.70 0.772/0.722
  nps  5.0% 0.61 0.847/0.799    8.0% 0.61 0.848/0.805 (the comment budget binds first)
  ko   unchanged (10.2% of its comments are unassigned at q 0.01 already)
Not kept: the large gains on the long reviews come from leaving a third of their clauses out of every theme,
and the clauses left out are not only asides: "但是口味有点偏咸！" (but the taste is a bit salty),
"ウェルカムメッセージがあり、清掃に力を入れているのがわかりました" (cleaning effort), "但是至今3.12我都没有看到我的发票"
(still no invoice). Capped at 10-15% of the clauses, the gains shrink to 0.02-0.08 coverage and refit, for
content lost to root-cause analysis. Note also: passing outlier_quantile=0.03 to NSMC switched
discovery="auto" to clusters (the anchored share fell under AUTO_MIN_ASSIGNED) and some 90% refits with it.
"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import numpy as np
import themes_real as R
import vocnlp
from vocnlp.themes import cluster, model as M

SETTINGS = [None, (0.05, 0.10, None), (0.05, 0.15, None), (0.05, 0.15, 0.10), (0.05, 0.15, 0.15)]
plain = cluster.calibrate_threshold
state = {"v": None}


def raised(fit, labels, cents, ids, base):
    budget, q, c = state["v"]
    top = plain(fit.z, labels, cents, ids, quantile=q)
    best = (fit.z @ cents.T).max(axis=1)
    if c is not None:
        top = min(top, float(np.quantile(best, c)))
    if top <= base:
        return base
    _, comment = np.unique(fit.units.row, return_inverse=True)
    closest = np.full(comment.max() + 1, -np.inf)
    np.maximum.at(closest, comment, best)
    return float(min(max(base, float(np.quantile(closest, budget))), top))


original = M.ThemeModel._cluster


def patched(self, fit):
    if state["v"] is None:
        return original(self, fit)
    calls = {"n": 0}

    def calibrate(z, labels, cents, ids, *, quantile):
        t = plain(z, labels, cents, ids, quantile=quantile)
        calls["n"] += 1
        # the second call in _cluster is the final threshold of anchored themes (the first is _anchored's)
        return raised(fit, labels, cents, ids, t) if self._discovery == "phrases" and calls["n"] >= 2 else t
    cluster.calibrate_threshold = calibrate
    try:
        return original(self, fit)
    finally:
        cluster.calibrate_threshold = plain


M.ThemeModel._cluster = patched
for key in (sys.argv[1].split(",") if len(sys.argv) > 1 else ["ja", "zh", "id", "nps", "ko"]):
    out, _ = R.tagged(key)
    for v in SETTINGS:
        state["v"] = v
        row, top = R.theme_model_row(out, R.SETS[key][0], "tm", {}, lambda p: ("-", "-"), rng_seed=1)
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        print(key, v, "| clauses unassigned", tm.fit_stats_["clauses_unassigned"], "| comments unassigned", row[4],
              "| coverage", row[7], "| refit", row[10], flush=True)
