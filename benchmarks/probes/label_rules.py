"""One-off probe (2026-12-04, issue 15): two label rules against today's, on the cached Pipeline outputs of
benchmarks/themes_real.py (one fit per set, seed 0): label coverage and the 15 largest themes' labels.
  A. PHRASE_COVERAGE: a phrase beats a better-scoring single word when it covers this share of what the word
     covers (today 0.5; 0.8 and 1.01 = never).
  B. "A / B" names for any theme under MIXED_COVERAGE = 0.6 (today 0.15) when the pair covers MIXED_GAIN more.
Run: python benchmarks/probes/label_rules.py

Result (2026-12-04; label coverage NPS / IndoNLU / ASAP zh / NSMC / Japanese):
  today                    0.608 / 0.637 / 0.548 / 0.682 / 0.692
  A 0.8                    0.649 / 0.699 / 0.548 / 0.682 / 0.692  ("paid my first bill" -> "bills", "harga murah"
                           -> "harga"; but "kamar mandi" -> "sesuai", "kamar bersih" -> "kamar")
  A 1.01                   0.649 / 0.709 / 0.548 / 0.682 / 0.692  ("wifi di kamar" -> "wifi", "kamar kotor" -> "kotor")
  B 0.6, gain 1.3          0.667 / 0.697 / 0.604 / 0.682 / 0.705  ("harga murah / mahal", but "spoke to was very
                           helpful / help", "kamar bersih / kamarnya", "味道 / 不错", "experience / company")
Neither kept: each buys 0.04-0.06 coverage with labels a reader gets less from, and neither reaches 0.75.
"""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import themes_real as R
import vocnlp
from vocnlp.themes import labels as L

keys = ["nps", "id", "zh", "ko", "ja"]
data = {k: R.tagged(k)[0] for k in keys}
settings = [("today", {}), ("A 0.8", {"PHRASE_COVERAGE": 0.8}), ("A 1.01", {"PHRASE_COVERAGE": 1.01}),
            ("B 0.6 / 1.3", {"MIXED_COVERAGE": 0.6, "MIXED_GAIN": 1.3})]
saved = {k: getattr(L, k) for k in ("PHRASE_COVERAGE", "MIXED_COVERAGE", "MIXED_GAIN")}
for name, change in settings:
    for k, v in {**saved, **change}.items():
        setattr(L, k, v)
    print("==", name, flush=True)
    for k in keys:
        tm = vocnlp.ThemeModel(seed=0).fit(data[k], text_col="text")
        t = tm.themes_.sort_values("size", ascending=False)
        print(f"   {k} coverage {tm.fit_stats_['label_coverage']:.3f}: " + "; ".join(t["label"].head(15)), flush=True)
