"""Probe (issue 15, 2026-12-06): on short comments the comment budget of the anchored fit (5% of the comments
without a theme, discover.MAX_UNASSIGNED_COMMENTS) is spent by the threshold's quantile (0.01-0.05) before the
anchor lift (discover.ANCHOR_LIFTS) gets any, so NPS, NSMC and the held-out sets keep lift 0. Here the quantile
stays at its lowest (0.01) and the lift takes the budget: does label coverage rise at the same unassigned share?
Same measures as benchmarks/themes_real.py (theme_model_row, three pairs of 90% fits, seed 1).

Result (2026-12-06, AMD EPYC without AVX-512, fp32 Pipeline outputs; today's rule -> quantile 0.01 and the lift:
themes, unassigned, label coverage, refit comments / clauses): NPS the same fit (its quantile was 0.01 already: the
budget goes to comments whose clauses are far from every centre); IndoNLU SmSA 58 -> 58, 4.2% -> 4.4%, 0.73 -> 0.74,
0.729 / 0.755 -> 0.720 / 0.729; Wisesight the same themes, 4.0% both, 0.69 both, 0.685 / 0.680 -> 0.692 / 0.687;
IndoNLU aspects 41 -> 41, 4.9% -> 0.8%, 0.86 -> 0.81, 0.875 / 0.836 -> 0.883 / 0.862 (a lower lift fits its budget).
Not kept: no coverage gained where it is short of 0.75, and lost where it was not.
Run: python benchmarks/probes/lift_first.py nps,ko[,smsa,wise,nsmc_late] [quantile]
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from vocnlp.themes import discover  # noqa: E402

discover.STRICTEST_QUANTILE = float(sys.argv[2]) if len(sys.argv) > 2 else discover.OUTLIER_QUANTILE["phrases"]
for key in sys.argv[1].split(","):
    out = themes_real.outputs(key)
    row, top = themes_real.theme_model_row(out, key, "ThemeModel", {}, lambda p: ("-", "-"), rng_seed=1)
    print(f"quantile up to {discover.STRICTEST_QUANTILE}: " + " | ".join(map(str, row)), flush=True)
    print(top[0][:300], flush=True)
