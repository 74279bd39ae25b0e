"""One-off probe (2026-12-04, issue 15): refit agreement of the anchored ThemeModel on the 3,000 Wisesight posts
of benchmarks/probes/themes_heldout.py (its cached Pipeline outputs), over 12 pairs of overlapping 90% fits (two
seeds of six pairs) instead of three: one pair's agreement moves by 0.1-0.2 on this set, so a change's effect
needs more pairs to read. Result in RESULTS.md ("Themes on held-out real sets", the Thai note).
Run: python benchmarks/probes/themes_heldout.py wise (once, for the cache); python benchmarks/probes/wise_refit.py
"""
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402

themes_real.PAIRS = 6
out = pickle.loads(Path("/tmp/vocnlp_heldout_wise.pkl").read_bytes())
for seed in (1, 2):
    row, _ = themes_real.theme_model_row(out, "wise", "ThemeModel", {}, lambda p: ("-", "-"), rng_seed=seed)
    print(" | ".join(map(str, row)), flush=True)
