"""Probe (issue 15, 2026-12-05 morning): labels that keep negation, and a word close to its theme's centre
named over a phrase that covers much less of the theme. Three variants, one anchored fit each, on the cached
Pipeline outputs of benchmarks/themes_real.py (benchmarks/.cache) or benchmarks/probes/themes_heldout.py (/tmp):
- "before": no negation (`vocnlp.negation` switched off) and a phrase beats a better-scoring word when it
  covers half of what the word covers (`labels.PHRASE_KEEPS` = `PHRASE_COVERAGE`);
- "negation": negated candidates ("not had a bill", "tidak ada air panas", 不新鲜) and negation-aware coverage;
- "now": both, and a word at least `WORD_CLOSE` similar to the theme centre gives way only to a phrase that
  covers `PHRASE_KEEPS` (0.8) of what it covers.
Prints label coverage, themes and unassigned per variant, and the labels that differ between "before" and "now".

Result (2026-12-05 morning, CPU without AVX-512, fp32 Pipeline outputs): see RESULTS "Themes on real data", notes.
Run: python benchmarks/probes/label_negation.py nps,id,zh,ko,ja[,smsa,wise,nsmc_late]
"""

import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp import words  # noqa: E402
from vocnlp.themes import labels  # noqa: E402

SAVED = {name: getattr(mod, name) for mod in (labels, words) for name in ("negation_words", "negated_after")}
SAVED_UNSPACED, SAVED_KEEPS = labels.UNSPACED_NEGATIONS, labels.PHRASE_KEEPS


def variant(name: str) -> None:
    negation = name != "before"
    for mod in (labels, words):
        mod.negation_words = SAVED["negation_words"] if negation else (lambda lang: frozenset())  # type: ignore[assignment]
        mod.negated_after = SAVED["negated_after"] if negation else (lambda text, at: None)  # type: ignore[assignment]
    labels.UNSPACED_NEGATIONS = SAVED_UNSPACED if negation else ()  # type: ignore[misc]
    labels.PHRASE_KEEPS = SAVED_KEEPS if name == "now" else labels.PHRASE_COVERAGE  # type: ignore[misc]
    labels._stems.cache_clear()


for key in (sys.argv[1] if len(sys.argv) > 1 else "nps,id,zh,ko,ja").split(","):
    held = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
    out = pickle.loads(held.read_bytes()) if key not in themes_real.SETS else themes_real.tagged(key)[0]
    named = {}
    for name in ("before", "negation", "now"):
        variant(name)
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        st = tm.fit_stats_
        named[name] = dict(zip(tm.themes_["theme_id"], zip(tm.themes_["label"], tm.themes_["size"])))
        print(key, name, f"coverage {st['label_coverage']:.3f}", f"themes {st['themes']}",
              f"unassigned {st['comments_unassigned']:.3f}", flush=True)
    before = {lab: size for lab, size in named["before"].values()}
    changed = [f"{lab} ({size})" for lab, size in sorted(named["now"].values(), key=lambda x: -x[1]) if lab not in before]
    print(key, "labels now, not before:", "; ".join(changed), flush=True)
