"""Probe (issue 15, 2026-12-06): Korean negation before the word, 안 (not) and 못 (cannot), as negation words
(vocnlp.negation.NEGATION_WORDS has no Korean: "안 지루" and "지루" were one candidate, so the NSMC theme 지루,
boring, held "안 지루해요", not boring). Korean mostly negates after the word (지루하지 않다), which this does not
read. Prints the anchored ThemeModel row of benchmarks/themes_real.py (three pairs of 90% fits, seed 1) without
and with the two words (one process each: labels and words cache what they read), and how many clauses hold them.
Run: python benchmarks/probes/ko_negation.py ko,nsmc_late [on]

Result (2026-12-06): 0.5% of the NSMC clauses (both sets) hold 안 / 못 before a word, 2.8-2.9% negate after it
(-지 않 / 못하); with the two words: the same themes, labels, coverage (0.70, 0.72) and refit (0.805 / 0.796, 0.744 /
0.744) on both. Not kept: too rare to matter; the negation after the word, six times as common, is the next step.

Done the same day (later, commit 458d282): `vocnlp.words.ko_negated` reads the negation after the word (지루하지
않다, not boring; 지루하진않았다; 재미는 없다, no fun; 좋은 영화는 아니다, not a good film), so a negated word is
marked as other languages' are (labels, anchors, coverage), and theme examples skip clauses that say a plain label
negated: the NSMC theme 지루 (boring) had shown "지루하진않았다..나름 볼만했음" (it was not boring, quite watchable)
and "그냥 지루하지는 않은 영화.." (just a film that is not boring) as two of its three examples; now "끝까지 보기 힘들
정도로 지루함의 극치", "지루하고 별 재미는 없었다..", "약간 지루했고 억지스러웠다." (all: boring). Of the 5,000
reviews, the 24 that say 지루 with 않 after it are all read as negated and none of 66 that say it plainly
(tests/unit/test_words.py). Same Pipeline outputs, three pairs (with the one-word clause rule of
benchmarks/probes/short_clauses.py in both), before -> after: NSMC themes 33 both, unassigned 11.8% -> 11.9%,
label coverage 0.71 both, refit 0.819 / 0.821 -> 0.837 / 0.840 (pairs 0.80-0.84 -> 0.82-0.85). The 24 negated
clauses mostly stay in the 지루 theme by their vectors (the encoder puts "not boring" near "boring"); they no longer
hold its anchor.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from vocnlp import negation  # noqa: E402

for key in (sys.argv[1] if len(sys.argv) > 1 else "ko,nsmc_late").split(","):
    out = themes_real.outputs(key)
    clauses = [c["text"] for cl in out["clauses"] if isinstance(cl, list) for c in cl]
    pre = sum(bool(re.search(r"(^|\s)(안|못)\s+\S", c)) for c in clauses)
    post = sum(bool(re.search(r"지\s*(않|못하|못했)", c)) for c in clauses)
    print(f"{key}: {len(clauses)} clauses, {pre / len(clauses):.1%} with 안 / 못 before a word, "
          f"{post / len(clauses):.1%} with -지 않 / 못하 after one", flush=True)
    for words in [("안", "못") if "on" in sys.argv[2:] else ()]:
        negation.NEGATION_WORDS["ko"] = words
        row, top = themes_real.theme_model_row(out, key, "ThemeModel", {}, lambda p: ("-", "-"), rng_seed=1)
        print(f"  negation words {words or '-'}: " + " | ".join(map(str, row[2:])), flush=True)
        print("   " + top[0][:260], flush=True)
