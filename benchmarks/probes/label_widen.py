"""Probe (issue 15, 2026-12-05 evening): label coverage with and without "A / B" names for themes a label half
speaks for (`themes.labels.WIDEN_BELOW`; 0 turns it off), one anchored fit per set on the cached Pipeline outputs
of benchmarks/themes_real.py (benchmarks/.cache) or benchmarks/probes/themes_heldout.py (/tmp). "loose" drops the
two conditions on the second part (3x lift, 0.25 closeness to the centre).

Result (2026-12-05, CPU without AVX-512, fp32 Pipeline outputs; coverage off -> on; loose):
  NPS 0.589 -> 0.625 (loose 0.641); IndoNLU 0.697 -> 0.754 (0.767); ASAP 0.616 -> 0.624 (0.676); NSMC 0.644 -> 0.655;
  Japanese 0.771 -> 0.789 (0.798); held out SmSA 0.639 -> 0.660, Wisesight 0.633 -> 0.658 (0.708), NSMC-late 0.667 -> 0.680.
  Same themes (labels move no clause). Loose second parts read generic: "experience / company", "味道 / 不错".
Run: python benchmarks/probes/label_widen.py nps,id,zh,ko,ja[,smsa,wise,nsmc_late]
"""
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402
from vocnlp.themes import labels  # noqa: E402

VARIANTS = {"off": {"WIDEN_BELOW": 0.0}, "on": {}, "loose": {"WIDEN_LIFT": 0.0, "WIDEN_CLOSE": -1.0}}
DEFAULTS = {k: getattr(labels, k) for k in ("WIDEN_BELOW", "WIDEN_LIFT", "WIDEN_CLOSE")}
for key in (sys.argv[1] if len(sys.argv) > 1 else "nps,id,zh,ko,ja").split(","):
    held = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
    out = pickle.loads(held.read_bytes()) if key not in themes_real.SETS else themes_real.tagged(key)[0]
    for name, values in VARIANTS.items():
        for k, v in {**DEFAULTS, **values}.items():
            setattr(labels, k, v)
        tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")
        two = [lab for lab in tm.themes_.sort_values("size", ascending=False)["label"] if " / " in lab]
        print(key, name, f"coverage {tm.fit_stats_['label_coverage']:.3f}", "| A / B:", "; ".join(two), flush=True)
