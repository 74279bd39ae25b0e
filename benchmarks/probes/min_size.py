"""Probe (issue 15, 2026-12-05, late): refit agreement and coverage with a larger smallest theme. ``min_theme_size="auto"``
is n/150 clauses (10..200), set when themes were density clusters; anchored themes near that size are the ones the
stability vote lets in on one 90% sample and not the other (benchmarks/probes/refit_anchors.py). Prints the anchored
ThemeModel row of benchmarks/themes_real.py over 12 pairs of 90% fits (seeds 1 and 2) per divisor.
Result (2026-12-05, late, AMD EPYC without AVX-512, fp32 Pipeline outputs; 12 pairs, comments / clauses, seeds 1 and 2):
  ASAP zh n/150: 33 themes, 0.509 / 0.594 and 0.476 / 0.588; n/100: 22 themes, largest 10.8% of clauses, 0.556 / 0.695 and
  0.573 / 0.708. NSMC ko n/150: 35 themes, unassigned 9.5%, 0.766 / 0.763 and 0.797 / 0.790; n/100: 22 themes, largest
  17.1% / 12.4%, unassigned 12.6%, 0.768 / 0.771 and 0.674 / 0.693. Not kept: steadier on the long reviews only, and on
  the short ones it breaks two targets (largest, unassigned).
Run: python benchmarks/probes/min_size.py zh,ko 150,100
"""
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from vocnlp.themes import cluster  # noqa: E402

themes_real.PAIRS = 6
divisors = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "150,100").split(",")]
for key in (sys.argv[1] if len(sys.argv) > 1 else "zh").split(","):
    held = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
    out = pickle.loads(held.read_bytes()) if key not in themes_real.SETS else themes_real.tagged(key)[0]
    for d in divisors:
        cluster.auto_min_size = lambda n, d=d: int(min(200, max(10, round(n / d))))  # type: ignore[assignment]
        for seed in (1, 2):
            row, _ = themes_real.theme_model_row(out, key, f"n/{d}", {}, lambda p: ("-", "-"), rng_seed=seed)
            print(" | ".join(map(str, row)), flush=True)
