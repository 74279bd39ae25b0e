"""Probe (issue 15, 2026-12-06, evening): English phrases that end on the preposition a relative clause leaves.

Candidates start and end on a content word, so "the person I spoke to was very helpful" gave "person I spoke", and
the NPS verbatims' report read "helpful / person I spoke". With `phrases.KEEP_STRANDED` a phrase ends on such a
preposition (to, with, for, about, from, on) where the clause ends after it or goes on with a verb ("spoke to was",
not "spoke to the manager"). One default fit per set, off and on: label coverage, themes, labels and parents that
changed.

    python benchmarks/probes/stranded_prepositions.py [nps]

Result (2026-12-06, Intel Xeon, cached Pipeline outputs of benchmarks/themes_real.py): NPS label coverage 0.6928 ->
0.6919; same 41 themes; "person I spoke" (0.29) -> "person I spoke to" (0.25), its parent "helpful / person I spoke"
-> "helpful / person I spoke to". A first try read a number after the preposition as the clause's end (numbers
are masked as commas): "waiting for 3 weeks" gave "... waiting for", the candidate pool moved and "months waiting /
waiting for my order" lost its second part (0.71 -> 0.56); commas no longer end such a clause. Kept: the label says
what its customers said, for 0.001 of coverage.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes import phrases  # noqa: E402

for key in (sys.argv[1] if len(sys.argv) > 1 else "nps").split(","):
    out = themes_real.outputs(key)
    got = {}
    for keep in (False, True):
        phrases.KEEP_STRANDED = keep
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        t = tm.themes_
        got[keep] = (
            tm.fit_stats_["label_coverage"],
            dict(zip(t["theme_id"], zip(t["label"], t["size"], t["label_coverage"], t["parent_label"]))),
        )
    (c0, a), (c1, b) = got[False], got[True]
    print(f"== {key}: label coverage {c0} -> {c1}; themes {len(a)} -> {len(b)}")
    for i in sorted(set(a) | set(b)):
        if a.get(i) != b.get(i):
            print(f"   {i}: {a.get(i)} -> {b.get(i)}")
phrases.KEEP_STRANDED = True
