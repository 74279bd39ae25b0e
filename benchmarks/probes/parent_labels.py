"""Probe (issue 15, 2026-12-06): parent labels when a group's best shared noun already names an earlier parent.

`describe.parent_labels` names a parent by the noun most of its children share, never one another parent has;
so on the NPS verbatims, where "service" named the parent of "good service" and "happy", the parent of "poor
service", "customer service" and "service is appalling" took the next shared noun, "customer". With
`describe.ONE_NOUN_ONE_PARENT` such a parent is named by its two largest children instead. One default fit per set
on the cached Pipeline outputs of benchmarks/themes_real.py; prints every parent of two or more themes, rule off
and on, and the ones that differ.

    python benchmarks/probes/parent_labels.py [nps,id,zh,ko,ja] [ONE_NOUN_ONE_PARENT | UNTAGGED_IN_LABEL]

Result (2026-12-06, Intel Xeon; same themes and labels both ways, parents that changed):
- NPS: "customer" -> "poor service / customer service" (poor service, customer service, service is appalling)
- IndoNLU: "mandi" (bath) -> "kurang bersih / kebersihan" (not clean / cleanliness); "bersih" (clean) -> "kamar
  cukup nyaman / kamarnya" (over kamar cukup nyaman, kamar cukup luas, kamarnya, kamar bersih)
- Japanese: "周辺" (surroundings) -> "便利 / コンビニ" (convenient / convenience store)
- ASAP, NSMC: none. Kept: three of the four read better; 周辺 was a fair name and its children's pair still says it.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes import describe  # noqa: E402

RULE = sys.argv[2] if len(sys.argv) > 2 else "ONE_NOUN_ONE_PARENT"
for key in (sys.argv[1] if len(sys.argv) > 1 else "nps,id,zh,ko,ja").split(","):
    out = themes_real.outputs(key)
    got = {}
    for rule in (False, True):
        setattr(describe, RULE, rule)
        table = vocnlp.ThemeModel(seed=0).fit(out, text_col="text").themes_
        groups = table.groupby("parent_id").agg(parent=("parent_label", "first"), kids=("label", list))
        got[rule] = {tuple(sorted(k)): p for p, k in zip(groups["parent"], groups["kids"]) if len(k) > 1}
    print(f"== {key}: {len(got[True])} parents of two or more themes")
    for kids, parent in got[True].items():
        before = got[False].get(kids)
        mark = "" if before == parent else f"   (was: {before})"
        print(f"   {parent} <- {list(kids)}{mark}")
setattr(describe, RULE, True)
