"""Probe (issue 15, 2026-12-06, evening): how far can the choice of label alone lift label coverage?

Label coverage is the share of a theme's comments that say its label (or a close variant). The label rules
trade it against readability: a phrase ("phone calls", "day off work", "nasi goreng") names a theme in place of a
better-scoring single word when it covers half of what the word covers (`labels.PHRASE_COVERAGE`, four fifths for a
word close to the centre, `PHRASE_KEEPS`). Here a word is never given up for a phrase (both 1.01): the most coverage
the same themes can get from their best single words. One default fit per set, same Pipeline outputs; prints label
coverage and every label that changed.

    python benchmarks/probes/label_ceiling.py [nps,id,smsa]

Result (2026-12-06, Intel Xeon, cached Pipeline outputs of benchmarks/themes_real.py and themes_heldout.py):
- NPS 0.692 -> 0.723: "phone calls" -> "phone", "company account" -> "account", "company tv / tv or phone" -> "tv",
  but "day off work" -> "day", "took a month / wait another month" -> "month", "order online / online chat" -> "online";
- IndoNLU 0.849 -> 0.871: "wifi di kamar" -> "wifi", "check in jam" -> "check-in", but "air mati / ac nya mati" ->
  "mati" (dead), "nyaman tidur" -> "tidur" (sleep), "kamar kotor" (dirty room) -> "kotor";
- SmSA (held out) 0.726 -> 0.744: "nasi goreng" (fried rice) -> "nasi" (rice), "kali makan" -> "kali" (times),
  "suasana nya nyaman" -> "nyaman".
So on the NPS verbatims no label rule reaches 0.75 (0.723 at most, with labels that say less): what is left is
clauses that joined their theme by vector without saying any one phrase of it. Not kept.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes import labels  # noqa: E402

NOW = {"PHRASE_COVERAGE": labels.PHRASE_COVERAGE, "PHRASE_KEEPS": labels.PHRASE_KEEPS}
WORDS = {"PHRASE_COVERAGE": 1.01, "PHRASE_KEEPS": 1.01}
for key in (sys.argv[1] if len(sys.argv) > 1 else "nps,id,smsa").split(","):
    out = themes_real.outputs(key)
    got = {}
    for name, setting in [("now", NOW), ("best words", WORDS)]:
        for k, v in setting.items():
            setattr(labels, k, v)
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        t = tm.themes_
        got[name] = (tm.fit_stats_["label_coverage"], dict(zip(t["theme_id"], zip(t["label"], t["size"], t["label_coverage"]))))
    (c0, a), (c1, b) = got["now"], got["best words"]
    print(f"== {key}: label coverage {c0} -> {c1}")
    for i, v in a.items():
        if b.get(i, ("",))[0] != v[0]:
            print(f"   {v} -> {b.get(i)}")
for k, v in NOW.items():
    setattr(labels, k, v)
