"""One-off probe: how stable can any partition of these clause vectors be? (issue 15 item 5: refit ARI >= 0.80)

On one set's cached Pipeline output (benchmarks/.cache/themes_<set>.pkl, made by benchmarks/themes_real.py), the
ThemeModel's fitted clauses (centred vectors) are partitioned into as many groups as the ThemeModel found, by
k-means and by Ward linkage (+ k-means steps), and each grouping is compared (adjusted Rand, all clauses assigned
to the nearest centre) between two seeds on all the data and between two overlapping 90% samples, as the
benchmark does for the ThemeModel. If these bounds sit well under 0.80, the vectors hold no partition at this
granularity that a refit reproduces at 0.80.
Run: python benchmarks/probes/refit_bound.py [ko]
"""

import pickle
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.metrics import adjusted_rand_score as ari

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
import vocnlp  # noqa: E402
from vocnlp.themes import cluster  # noqa: E402

key = sys.argv[1] if len(sys.argv) > 1 else "ko"
out, _ = pickle.loads((ROOT / "benchmarks" / ".cache" / f"themes_{key}.pkl").read_bytes())
m = vocnlp.ThemeModel(seed=0).fit(out, text_col="text", progress=False)
z, base = m._fit_data.z, m._fit_data.labels
k = len(set(base[base >= 0].tolist()))
n = len(z)
print(f"{key}: {n} clauses, {k} themes")


def assign(zz, lab):
    ids = sorted(set(lab[lab >= 0].tolist()))
    return np.asarray(ids)[(z @ cluster.centroids(zz, lab, ids).T).argmax(1)]


rng = np.random.default_rng(1)
picks = [np.sort(rng.choice(n, int(0.9 * n), replace=False)) for _ in range(2)]
ways = {
    "k-means": lambda zz, s: KMeans(k, n_init=4, random_state=s).fit_predict(zz),
    "Ward + k-means steps": lambda zz, s: cluster.refine(
        zz, AgglomerativeClustering(k, linkage="ward").fit_predict(zz), -1.0, max_iter=20),
}
for name, f in ways.items():
    t0 = time.perf_counter()
    s0, s1 = assign(z, f(z, 0)), assign(z, f(z, 1))
    p = [assign(z[i], f(z[i], 0)) for i in picks]
    print(f"{name}: seeds 0/1 {ari(s0, s1):.3f}; 90% samples {ari(p[0], p[1]):.3f} ({time.perf_counter() - t0:.0f} s)")
