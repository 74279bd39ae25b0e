"""Probe (issue 15, 2026-12-06): the median language-detection confidence of real data sets, which
vocnlp.langid.UNSURE_MEDIAN (0.75) reads to warn that a set's languages were mostly guessed. AfriSenti languages
from the Pipeline outputs benchmarks/probes/afrisenti_labels.py caches (/tmp/vocnlp_afri_<lang>.pkl, detected, not
declared); the sets of benchmarks/themes_real.py and benchmarks/probes/themes_heldout.py from theirs.
Run: python benchmarks/probes/language_confidence.py

Result (2026-12-06): Hausa 0.63, Kinyarwanda 0.68, Yoruba 0.73 (warned); Nigerian Pidgin 0.90, Tigrinya 0.97,
Portuguese 0.98, Swahili 0.99, Amharic 1.00; NPS 0.99, IndoNLU 0.83, ASAP, NSMC and the Japanese reviews 1.00, SmSA
0.81, Wisesight and NSMC-late 1.00 (not warned).
"""
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from vocnlp.langid import UNSURE_MEDIAN, unsure_hint  # noqa: E402

sets = {f"afrisenti {p.stem.split('_')[-1]}": p for p in sorted(Path("/tmp").glob("vocnlp_afri_???.pkl"))}
sets |= {k: k for k in [*themes_real.SETS, "smsa", "wise", "nsmc_late"]}
for name, where in sets.items():
    out = pickle.loads(where.read_bytes()) if isinstance(where, Path) else themes_real.outputs(where)
    ok = out["language"] != "und"
    median = out.loc[ok, "language_score"].median()
    warned = unsure_hint(out["language_score"].tolist(), out["language"].tolist()) is not None
    print(f"{name}: median confidence {median:.2f} ({'warned' if warned else 'not warned'}; bar {UNSURE_MEDIAN})",
          flush=True)
