"""Probe (issue 15, 2026-12-05, night; not kept): how many themes a fit finds on the full set, on its 90% samples
(those of benchmarks/themes_real.py's refit measure, seed 1) and on small random samples (300, 600, 1,000
comments, seed 0), with the anchor gain floor as it is (0) or never under 6 clauses ("6": MIN_GAIN x the minimum
theme size, and more than a candidate phrase's MIN_CLAUSES, 5; as benchmarks/probes/anchor_floor.py does for 10).

Why: phrases are candidates from 5 clauses on and many have just that many, so the floor of 0.3 x the minimum size
lets them all in once it falls to 5 or under. The 300 ASAP reviews (minimum 18, floor 5.4) give 26 themes and each
90% sample of them (minimum 16, floor 4.8) 45-47: the refit measure compares fits finer than the one a user gets.

Result (2026-12-05, night, AMD EPYC without AVX-512, fp32 Pipeline outputs), floor 0 -> 6:
  ASAP zh: full 26 -> 26 themes; 90% samples 45, 45, 47 -> 30, 23, 26. Refit over 12 pairs (refit_pairs.py with the
  floor; comments / clauses, seeds 1 and 2) 0.536 / 0.604 and 0.494 / 0.585 -> 0.582 / 0.686 and 0.576 / 0.726.
  NPS en, IndoNLU, NSMC, Japanese: full and 90% fits the same (minimum size 19 and over).
  Small samples (themes, label coverage): NPS 300 19 -> 13 (0.73 -> 0.58), 600 40 -> 19 (0.74 -> 0.61), 1,000 59 ->
  27 (0.76 -> 0.69); NSMC 600 35 -> 17 (0.74 -> 0.58), 1,000 56 -> 28 (0.76 -> 0.48); IndoNLU 300 29 -> 17 (0.78 ->
  0.53), 600 43 -> 17 (0.82 -> 0.69), 1,000 55 -> 28 (0.82 -> 0.77). Not kept: on a survey of a few hundred
  comments (minimum size 10, floor 3) it halves the themes and their labels speak for far less of them; the ASAP
  gain is that of fewer themes, as with n/100 (benchmarks/probes/min_size.py).
Later that night, with anchors kept apart at 0.75 (`anchor_separation`, the default since): ASAP full 29 themes;
90% samples 45, 42, 48 -> 36, 26, 31.
Run: python benchmarks/probes/sample_themes.py zh,nps 0,6
"""
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks" / "probes"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from anchor_floor import state  # noqa: E402  (patches the anchor gain floor)

for key in (sys.argv[1] if len(sys.argv) > 1 else "zh").split(","):
    held = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
    out = pickle.loads(held.read_bytes()) if key not in themes_real.SETS else themes_real.tagged(key)[0]
    for floor in (float(f) for f in (sys.argv[2] if len(sys.argv) > 2 else "0,6").split(",")):
        state["floor"] = floor
        rng = np.random.default_rng(1)
        parts = [("full", out)] + [("90%", out.iloc[np.sort(rng.choice(len(out), int(0.9 * len(out)), replace=False))])
                                   for _ in range(3)]
        parts += [(str(n), out.sample(n, random_state=0)) for n in (300, 600, 1000) if n < 0.5 * len(out)]
        got = []
        for name, part in parts:
            st = vocnlp.ThemeModel(seed=0).fit(part, text_col="text").fit_stats_
            got.append(f"{name} {st['themes']} ({st['label_coverage']:.2f})")
        print(key, "floor", floor, "| themes (label coverage):", ", ".join(got), flush=True)
