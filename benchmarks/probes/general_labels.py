"""Probe (issue 15, 2026-12-05, the session after the anchor separation; not kept): a word too general to anchor a
theme (in over MAX_SHARE, 8%, of the corpus's clauses) may not name one either, alone or as half of "A / B"
(general_labels.patch, against commit 67a1193, in choose_labels).

Why: the largest NSMC theme, anchored on "좋은 영화" (good film), is named "영화" (film), a word in 15% of the clauses,
which the anchor rule calls too general to be a theme; as a top driver "film" tells a reader nothing.

Result (2026-12-05; one fit per set, same Pipeline outputs; label coverage before -> after, the labels that changed):
  NPS 0.688 -> 0.680   "told different / company" (0.53) -> "told different / cancel the order" (0.11)
  ASAP 0.691 -> 0.682  "口味 / 味道" (flavour / taste, 0.91) -> "口味" (0.73)
  NSMC 0.701 -> 0.628  "영화" (0.93) -> "좋은 영화" (0.09)
  IndoNLU, Japanese: no label changed.
Not kept: the theme's clauses are verdicts of the form "<adjective> 영화" (an X film: 재미있는 영화, 잘 만든 영화,
괜찮은 영화), which share the word and the form, not a phrase, so no other candidate speaks for them; the change
would trade a vague label for one that names a tenth of the theme. What the theme is (a form more than a subject),
not its label, is what is wrong with it.
Run: python benchmarks/probes/general_labels.py   (worktrees at 67a1193 in /tmp/general_labels/{before,after})
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = Path("/tmp/general_labels")
CODE = """
import sys; sys.path.insert(0, "benchmarks")
import themes_real, vocnlp
for key in ("nps", "id", "zh", "ko", "ja"):
    out = themes_real.tagged(key)[0]
    tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
    t = tm.themes_.sort_values("size", ascending=False)
    print(key, tm.fit_stats_["label_coverage"], [(a, round(c, 2)) for a, c in zip(t["label"], t["label_coverage"])])
"""
for name in ("before", "after"):
    tree = BASE / name
    if not tree.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), "67a1193"], cwd=ROOT, check=True)
        (tree / "benchmarks/.cache").symlink_to(ROOT / "benchmarks/.cache")
        if name == "after":
            subprocess.run(["git", "apply", str(ROOT / "benchmarks/probes/general_labels.patch")], cwd=tree, check=True)
    subprocess.run([sys.executable, "-c", CODE], cwd=tree, check=True)
