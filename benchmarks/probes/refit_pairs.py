"""Probe (issue 15): refit agreement of the anchored ThemeModel over 12 pairs of overlapping 90% fits (two seeds
of six pairs) instead of the three of benchmarks/themes_real.py: one pair's agreement moves by 0.1-0.2 on the
Wisesight posts, so a change's effect needs more pairs to read. Sets: a key of benchmarks/themes_real.py (its
cached Pipeline outputs in benchmarks/.cache) or of benchmarks/probes/themes_heldout.py (cached in /tmp).
Results in RESULTS.md: 2026-12-04 the Thai note of "Themes on held-out real sets" (wise); 2026-12-05 the
Korean word roots (ko, nsmc_late).
2026-12-05 (the session after that): the anchor rule of vocnlp.themes.anchors, with an optional second argument
setting ANCHOR_MARGIN (0: each clause to its nearest centre, the rule before).
2026-12-05, late: the stability selection's subsamples drawn from the clause texts (vocnlp.themes.anchors.subsamples)
instead of by row, which makes a fit independent of the order of the rows (benchmarks/probes/row_order.py). Comments,
seeds 1 / 2, before -> after: NPS 0.843 / 0.826 -> 0.824 / 0.822; IndoNLU 0.823 / 0.860 -> 0.852 / 0.863; ASAP 0.509 /
0.476 -> 0.538 / 0.464; NSMC 0.766 / 0.797 -> 0.790 / 0.779; Japanese 0.732 / 0.676 -> 0.724 / 0.662 (clauses 0.823 /
0.803 -> 0.816 / 0.764): within the spread of the pairs either way.
2026-12-05, night: anchors kept apart at 0.75 instead of 0.65 (`ThemeModel(anchor_separation=0.75)`): NPS 0.829 /
0.826 -> 0.864 / 0.831 (clauses 0.826 / 0.808 after); Japanese 0.724 / 0.675 -> 0.733 / 0.770 (clauses 0.840 / 0.852
after); ASAP 0.536 / 0.494 -> 0.492 / 0.424 (clauses 0.604 / 0.585 -> 0.638 / 0.578).
Run: python benchmarks/probes/themes_heldout.py wise (once, for the cache); python benchmarks/probes/refit_pairs.py wise
     python benchmarks/probes/refit_pairs.py nps,id,zh,ko,ja 0
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from vocnlp.themes import anchors  # noqa: E402

themes_real.PAIRS = 6
if len(sys.argv) > 2:
    anchors.ANCHOR_MARGIN = float(sys.argv[2])
for key in (sys.argv[1] if len(sys.argv) > 1 else "wise").split(","):
    out = themes_real.outputs(key)
    for seed in (1, 2):
        row, _ = themes_real.theme_model_row(out, key, "ThemeModel", {}, lambda p: ("-", "-"), rng_seed=seed)
        print(" | ".join(map(str, row)), flush=True)
