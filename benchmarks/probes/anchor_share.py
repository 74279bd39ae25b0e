"""Patches ThemeModel methods that moved to vocnlp.themes.discover on 2026-12-05 (commit 2354a66): run it at
commit 109cf12 (git worktree add /tmp/probe 109cf12; run there with PYTHONPATH=/tmp/probe/src).

One-off probe (2026-12-04, issue 15 items 2 and 5): drop an anchored theme while most of the clauses that
transform would assign to it lack its anchor phrase (themes that pull in generic clauses; on the Chinese
reviews the mixed themes "日料 / 再来", "清淡 / 太咸", "分量" were the ones spread over 3+ themes between two
90% fits, while the noun themes matched at 80-98%). Same measures as benchmarks/themes_real.py.

Result (2026-12-04, cached Pipeline outputs, anchor share under 0.35 dropped; themes, largest, coverage,
refit ARI comments / clauses):
  zh  before 24, 47.7% / 11.0%, 0.55, 0.455 / 0.575   after 14, 55.0% / 11.5%, 0.57, 0.619 / 0.713
  ja  before 40, 48.9% / 5.1%,  0.69, 0.672 / 0.814   after 30, 59.4% / 7.3%,  0.70, 0.595 / 0.731
Not kept: the Chinese gain comes with 10 fewer themes (coarser themes are steadier by construction) and the
Japanese refit falls.
Run: python benchmarks/probes/anchor_share.py 0.35 zh,ja
"""
import sys, time
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks")); sys.path.insert(0, str(ROOT / "src"))
import numpy as np
import themes_real as R
from vocnlp.themes import model as M, cluster
X = float(sys.argv[1]); keys = sys.argv[2].split(",")
orig = M.ThemeModel._anchored
def patched(self, fit, uniq, min_size):
    found = orig(self, fit, uniq, min_size)
    if found is None or X <= 0:
        return found
    z = fit.z[uniq]
    for _ in range(10):
        ids = sorted(set(found[found >= 0].tolist()))
        cents = cluster.centroids(z, found, ids)
        thr = cluster.calibrate_threshold(z, found, cents, ids, quantile=self._quantile("phrases"))
        got = cluster.nearest(z, cents, ids, thr)
        share = {i: float(np.mean(found[got == i] == i)) if (got == i).any() else 0.0 for i in ids}
        bad = [i for i in ids if share[i] < X]
        if not bad:
            break
        worst = min(bad, key=lambda i: share[i])
        found = np.where(found == worst, -1, found)
    return found
M.ThemeModel._anchored = patched
for key in keys:
    out, gold = R.tagged(key)
    t0 = time.time()
    row, top = R.theme_model_row(out, R.SETS[key][0], "tm", {}, lambda p: ("-", "-"), rng_seed=1)
    print(X, row, f"{time.time()-t0:.0f}s", flush=True); print(top[0][:400], flush=True)
