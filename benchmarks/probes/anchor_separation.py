"""Probe (issue 15, 2026-12-05, night): how alike two phrases may be used and both anchor a theme
(`ThemeModel(anchor_separation=...)`; until that night `merge_similarity`, 0.65, set it and also which density
clusters merge). The anchored ThemeModel row of benchmarks/themes_real.py (three pairs of 90% fits, seed 1) per
separation, on its cached Pipeline outputs (benchmarks/.cache) or benchmarks/probes/themes_heldout.py's (/tmp).

Result (2026-12-05, night, AMD EPYC without AVX-512, fp32 Pipeline outputs; themes, unassigned, label coverage,
refit comments / clauses):
  0.60 on the five sets: NPS coverage 0.70 -> 0.65, Japanese refit 0.732 / 0.815 -> 0.644 / 0.763, NSMC unassigned
       9.9% -> 10.3%; the others within 0.01-0.03 either way. Not kept.
  0.70 and 0.75: see "Themes on real data" (0.75 is the default since; 0.70 reads alike).
  Held out, 0.65 -> 0.75: NSMC, last 3,000: 39 -> 40 themes, unassigned 11.0% -> 11.2%, coverage 0.72 both, refit
       0.762 / 0.758 -> 0.744 / 0.744 (pairs 0.75-0.78 -> 0.72-0.78); Wisesight: 40 -> 44, 4.6% -> 5.9%, 0.70 both,
       0.616 / 0.608 -> 0.669 / 0.658; SmSA: 56 -> 58, 4.8% -> 4.2%, 0.73 both, 0.675 / 0.725 -> 0.729 / 0.755.
  Density clusters (`discovery="clusters"`) with merge_similarity 0.75 instead of 0.65 were worse on four of five
       sets (refit NPS 0.677 / 0.617 -> 0.564 / 0.521, IndoNLU 0.649 / 0.604 -> 0.599 / 0.581; coverage NSMC 0.50 ->
       0.42): so the two are separate parameters, and merge_similarity stays 0.65.
Run: python benchmarks/probes/anchor_separation.py nsmc_late,wise,smsa 0.65,0.75
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402

for key in (sys.argv[1] if len(sys.argv) > 1 else "nsmc_late,wise,smsa").split(","):
    out = themes_real.outputs(key)
    for sep in (float(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "0.65,0.75").split(",")):
        row, top = themes_real.theme_model_row(out, key, "ThemeModel", {"anchor_separation": sep},
                                               lambda p: ("-", "-"), rng_seed=1)
        print(sep, " | ".join(map(str, row)), flush=True)
        print("   ", top[0][:300], flush=True)
