"""Probe (issue 15, 2026-12-05 evening; not kept): an anchor's least gain of 10 clauses where MIN_GAIN x the minimum
theme size is fewer (sets under ~5,000 distinct clauses: on the 300 ASAP reviews 5 clauses, from 2-3 reviews, let a
phrase anchor, and two 90% fits had 34 and 47 anchors). Refit over 12 pairs of 90% fits (two seeds of six, as
benchmarks/probes/refit_pairs.py), same measures as benchmarks/themes_real.py.

Result (2026-12-05, fp32 Pipeline outputs; refit comments / clauses, seed 1 then seed 2; themes; unassigned):
  ASAP       0.475 / 0.577, 0.448 / 0.574, 33, 0.0%  ->  0.531 / 0.646, 0.554 / 0.679, 22, 0.0%
  NPS        0.826 / 0.779, 0.818 / 0.773, 37, 4.9%  ->  0.811 / 0.767, 0.805 / 0.763, 36, 4.3%
  Wisesight  0.657 / 0.647, 0.615 / 0.605, 41, 4.9%  ->  0.677 / 0.673, 0.600 / 0.594, 26, 9.4%
  NSMC-late  0.699 / 0.712, 0.742 / 0.745, 40, 11.3% ->  0.690 / 0.709, 0.638 / 0.654, 31, 14.2%
  IndoNLU, NSMC, the Japanese reviews, SmSA: the same themes (their floor is over 10 already).
Run: python benchmarks/probes/anchor_floor.py zh,nps,wise,nsmc_late
"""
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from vocnlp.themes import anchors  # noqa: E402

plain = anchors.anchor_themes
GAIN = anchors.MIN_GAIN
state = {"floor": 0}


def floored(*args, min_size, **kwargs):  # type: ignore[no-untyped-def]
    anchors.MIN_GAIN = max(GAIN, state["floor"] / min_size)  # the gain floors are MIN_GAIN x min_size
    try:
        return plain(*args, min_size=min_size, **kwargs)
    finally:
        anchors.MIN_GAIN = GAIN


anchors.anchor_themes = floored  # importing this probe sets the floor through `state` (sample_themes.py)

if __name__ == "__main__":
    themes_real.PAIRS = 6
    for key in (sys.argv[1] if len(sys.argv) > 1 else "zh").split(","):
        held = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
        out = pickle.loads(held.read_bytes()) if key not in themes_real.SETS else themes_real.tagged(key)[0]
        for floor in (0, 10):
            state["floor"] = floor
            for seed in (1, 2):
                row, _ = themes_real.theme_model_row(out, key, "ThemeModel", {}, lambda p: ("-", "-"), rng_seed=seed)
                print(f"{key} floor {floor} seed {seed}:", " | ".join(map(str, row[2:])), flush=True)
