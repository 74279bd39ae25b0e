"""One-off probe (issue 15, closing note of 2026-12-04): anchored themes against density clusters on real sets
that benchmarks/themes_real.py never used, so no choice was tuned on them: 3,000 IndoNLU SmSA reviews (id),
the last 3,000 NSMC reviews (ko; themes_real.py takes the first 5,000) and 3,000 Wisesight posts (th).
Same measures as themes_real.py (theme_model_row). Pipeline outputs cached in /tmp/vocnlp_heldout_<set>.pkl.
Run: python benchmarks/probes/themes_heldout.py [smsa,nsmc_late,wise]
"""
import pickle
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
import vocnlp  # noqa: E402

SETS = {"smsa": "sentiment_indonlu_smsa/data.csv", "wise": "sentiment_wisesight_sentiment/data.csv",
        "nsmc_late": "sentiment_nsmc_ratings/data.csv"}
for key in (sys.argv[1] if len(sys.argv) > 1 else ",".join(SETS)).split(","):
    path = Path(f"/tmp/vocnlp_heldout_{key}.pkl")
    if path.exists():
        out = pickle.loads(path.read_bytes())
    else:
        df = pd.read_csv(themes_real.SHARED_DATA / SETS[key])
        df = df[df["text"].notna()]
        df = df.iloc[-3000:] if key == "nsmc_late" else df.head(3000)
        out = vocnlp.Pipeline.default(keep_embeddings=True).run(df.reset_index(drop=True), text_col="text")
        path.write_bytes(pickle.dumps(out))
    for params in ({}, {"discovery": "clusters"}):
        row, top = themes_real.theme_model_row(out, key, "ThemeModel", params, lambda p: ("-", "-"), rng_seed=1)
        print(" | ".join(map(str, row)), flush=True)
        print(top[0][:300], flush=True)
