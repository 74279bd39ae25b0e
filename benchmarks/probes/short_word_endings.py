"""Probe (issue 15, 2026-12-06, evening): may endings follow a label's short last word when label coverage is read?

`phrases.covers` found a label word at any word start, endings allowed ("house" in "houses"). On held-out SmSA
reviews a theme was named "ku" (Indonesian "my") "in 92% of its comments": it starts "kurang" (less), "kue" (cake),
"kuliner". With `phrases.ENDINGS_AFTER = 3` a last word under three letters is matched as a whole word only.
One default fit per set, before (0: endings after any word) and after; prints label coverage (fit_stats_),
themes, and the labels that changed.

    python benchmarks/probes/short_word_endings.py [nps,id,zh,ko,ja,smsa,wise,nsmc_late]
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes import phrases  # noqa: E402

NOW = phrases.ENDINGS_AFTER
for key in (sys.argv[1] if len(sys.argv) > 1 else "nps,id,zh,ko,ja,smsa,wise,nsmc_late").split(","):
    out = themes_real.outputs(key)
    got = {}
    for after in (0, NOW):
        phrases.ENDINGS_AFTER = after
        phrases._stems.cache_clear()
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        t = tm.themes_
        got[after] = (tm.fit_stats_["label_coverage"], dict(zip(t["theme_id"], zip(t["label"], t["size"], t["label_coverage"]))))
    (c0, a), (c1, b) = got[0], got[NOW]
    print(f"== {key}: label coverage {c0} -> {c1}; themes {len(a)} -> {len(b)}")
    for i in sorted(set(a) | set(b)):
        if a.get(i, ("",))[0] != b.get(i, ("",))[0]:
            print(f"   {i}: {a.get(i)} -> {b.get(i)}")
phrases.ENDINGS_AFTER = NOW
