"""Probe (issue 15, 2026-12-05, the session after the anchor separation): Korean adjectives as theme candidates.

A Korean word alone is a label / anchor candidate only when it holds a noun or a root (ko_has_noun: 지루, boring, of
지루하다), while an English adjective ("expensive", "helpful") is one; 아쉽다 (a pity), 재미없다 (not fun), 좋다
(good) never were, and their inflected forms (아쉬운, 아쉬웠다, 아쉽네요) are separate words. The patch
(ko_adjectives.patch, against commit 67a1193) reads a Korean adjective by its dictionary form (Kiwi's lemma + 다)
and lets it be a candidate, optionally (mode "labels") a label only and never an anchor.

Run: python benchmarks/probes/ko_adjectives.py [both|labels]   (a worktree at 67a1193 in /tmp/ko_adjectives with the
patch applied; then benchmarks/probes/refit_pairs.py ko there: 12 pairs of 90% fits, comments / clauses, seeds 1, 2)

Result (2026-12-05, NSMC 5,000 reviews; themes, unassigned comments, label coverage, refit seeds 1 / 2):
  67a1193            33 themes  9.9%  0.70  0.791 / 0.780, 0.796 / 0.785
  both (anchors too) 30 themes  2.6%  0.67  0.748 / 0.733, 0.729 / 0.709   (좋다 in 320 clauses, cohesion 0.31, and
                                                                           재밌다, 199, anchored the broadest themes)
  labels only        33 themes  9.9%  0.70  the same themes and labels: no adjective won a label
Not kept: as anchors they take the short verdicts ("재밌어요", fun) into themes (unassigned 9.9% -> 2.6%) but the
refits agree less and the topical themes lose coverage (남자, men, 0.49 -> 0.25); as labels alone they change nothing.
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TREE = Path("/tmp/ko_adjectives")
mode = sys.argv[1] if len(sys.argv) > 1 else "both"
if not TREE.exists():
    subprocess.run(["git", "worktree", "add", "--detach", str(TREE), "67a1193"], cwd=ROOT, check=True)
    subprocess.run(["git", "apply", str(ROOT / "benchmarks/probes/ko_adjectives.patch")], cwd=TREE, check=True)
    (TREE / "benchmarks/.cache").symlink_to(ROOT / "benchmarks/.cache")
anchors = TREE / "src/vocnlp/themes/anchors.py"
text = anchors.read_text()
keep = "if least <= len(rows) <= most)"
only = "if least <= len(rows) <= most and not describes_only(p))"
if mode == "labels" and keep in text:
    text = text.replace(keep, only)
elif mode == "both" and only in text:
    text = text.replace(only, keep)
anchors.write_text(text)
subprocess.run([sys.executable, "benchmarks/probes/refit_pairs.py", "ko"], cwd=TREE, check=True)
