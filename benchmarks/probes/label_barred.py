"""Probe (issue 15, 2026-12-05): a negated phrase no longer names a theme over its own word where the
theme's clauses holding that word mostly say it plainly (`labels._barred`): "not had a bill" over "bill".
One anchored fit per set on the cached Pipeline outputs of benchmarks/themes_real.py (benchmarks/.cache)
or benchmarks/probes/themes_heldout.py (/tmp), with the rule switched off ("before") and on ("now").
Prints label coverage per variant and the labels that differ.

Result (2026-12-05, CPU without AVX-512, fp32 Pipeline outputs): see RESULTS "Themes on real data", notes.
Run: python benchmarks/probes/label_barred.py nps,id,zh,ko,ja[,smsa,wise,nsmc_late]
"""

import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes import labels  # noqa: E402

RULE = labels._barred


def off(ps, score, multi, shares, lang):  # type: ignore[no-untyped-def]
    return np.zeros(len(ps), dtype=bool)


for key in sys.argv[1].split(","):
    held = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
    out = pickle.loads(held.read_bytes()) if key not in themes_real.SETS else themes_real.tagged(key)[0]
    got = {}
    for name, rule in (("before", off), ("now", RULE)):
        labels._barred = rule
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        got[name] = tm
        print(f"{key} {name}: coverage {tm.fit_stats_['label_coverage']:.3f}, themes {tm.fit_stats_['themes']}", flush=True)
    a, b = got["before"].themes_, got["now"].themes_
    for (_, ra), (_, rb) in zip(a.iterrows(), b.iterrows()):
        if ra["label"] != rb["label"]:
            print(f"   {ra['label']!r} ({ra['label_coverage']:.2f}) -> {rb['label']!r} ({rb['label_coverage']:.2f}), {rb['size']} comments")
