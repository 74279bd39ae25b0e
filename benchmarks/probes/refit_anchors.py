"""Probe (issue 15, 2026-12-05): where two fits on overlapping 90% samples disagree. For three pairs of fits (as in
benchmarks/themes_real.py, seed 1), the anchors each fit picked, those both picked, and how well the clauses agree
where both fits put them in themes of shared anchors.

Result (2026-12-05, AMD EPYC without AVX-512, fp32 Pipeline outputs of benchmarks/.cache):
  ASAP zh: anchors 40/47, 34/47, 38/39 per pair, shared 33, 29, 31; clause ARI 0.570, 0.601, 0.622; among the clauses
           both fits put in themes of shared anchors (61-64% of them) the same anchor 95%.
  NSMC ko: anchors 40/35, 41/29, 33/37, shared 33, 29, 31; clause ARI 0.780, 0.682, 0.779; same anchor 95-96% where
           both themes are shared (68-77% of the clauses).
So the refit disagreement is the anchors near the stability vote (a phrase picked in 5 of 10 subsample covers in one
fit, 4 in the other: 南瓜, 冰淇淋, 锅底, pumpkin, ice cream, hot-pot broth; 반전, 전개, 현실, twist, plot, reality), not
clauses moving between the themes both fits have. Not kept, the same day: 30 stability rounds instead of 10
(benchmarks/RESULTS.md notes): ASAP 33 -> 25 themes, refit 0.499 -> 0.527; NSMC 0.748 -> 0.753; NPS 0.877 -> 0.857.
Run: python benchmarks/probes/refit_anchors.py zh,ko
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from sklearn.metrics import adjusted_rand_score  # noqa: E402

for key in (sys.argv[1] if len(sys.argv) > 1 else "zh").split(","):
    out = themes_real.tagged(key)[0]
    rng = np.random.default_rng(1)
    n = len(out)
    for _ in range(3):
        picks = [np.sort(rng.choice(n, int(0.9 * n), replace=False)) for _ in range(2)]
        fits = [vocnlp.ThemeModel(seed=0).fit(out.iloc[p], text_col="text") for p in picks]
        tagged = [m.transform(out, text_col="text") for m in fits]
        by_clause = [np.array([c["theme_id"] for cl in g["clauses"] if isinstance(cl, list) for c in cl]) for g in tagged]
        names = [{i: (m.state_.themes[i].anchors or [f"?{i}"])[0] for i in m.state_.ids} for m in fits]
        anchor = [np.array([names[k].get(int(t), "-") for t in by_clause[k]]) for k in range(2)]
        shared = set(names[0].values()) & set(names[1].values())
        both = np.isin(anchor[0], list(shared)) & np.isin(anchor[1], list(shared))
        print(f"{key}: anchors {len(names[0])}/{len(names[1])}, shared {len(shared)}; only in one: "
              f"{sorted(set(names[0].values()) - shared)} / {sorted(set(names[1].values()) - shared)}")
        print(f"   clause ARI {adjusted_rand_score(by_clause[0], by_clause[1]):.3f}; same anchor where both are shared "
              f"{np.mean(anchor[0][both] == anchor[1][both]):.3f} ({both.mean():.2f} of the clauses)", flush=True)
