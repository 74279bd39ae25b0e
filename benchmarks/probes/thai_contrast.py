"""Probe (issue 15, 2026-12-06): Thai clauses cut at "but" (แต่, แต่ว่า, ทว่า) and "however" (อย่างไรก็ตาม).

Thai had no contrast words, so "อาหารอร่อยแต่บริการช้า" (the food is tasty but the service slow) was one clause with
one theme and one sentiment. Thai writes no space between words and แต่ละ (each), แต่ง (dress), แต่ก่อน
(formerly), ตั้งแต่ (since) hold the same letters, so the words are read by PyThaiNLP's segmenter
(`clauses._thai_contrast`). Off (the toggle cleared) and on, the Pipeline rebuilt each time, on the Wisesight posts
no theme benchmark reads (rows 3,000-4,999, "wise_dev") and on the held-out first 3,000 ("wise"): posts split,
clauses per post, and the ThemeModel row of benchmarks/themes_real.py (three pairs of 90% fits, seed 1).

    python benchmarks/probes/thai_contrast.py wise_dev,wise

Result (2026-12-06, Intel Xeon, bf16 encoder; refit posts / clauses, three pairs):
| set | splitter | posts split | clauses / post | themes | largest | unassigned | label coverage | junk | refit ARI | found again |
|---|---|---|---|---|---|---|---|---|---|---|
| wise_dev (2,000) | off | 4.2% | 1.08 | 65 | 3.6% / 3.4% | 9.4% | 0.78 | 28.6% | 0.715 / 0.700 | 83% |
| wise_dev (2,000) | on | 12.1% | 1.18 | 46 | 5.9% / 5.1% | 10.1% | 0.73 | 29.2% | 0.707 / 0.693 | 88% |
| wise, held out (3,000) | off | 4.3% | 1.07 | 44 | 4.6% / 4.3% | 14.9% | 0.72 | 28.5% | 0.761 / 0.754 | 88% |
| wise, held out (3,000) | on | 11.8% | 1.17 | 49 | 5.3% / 4.6% | 15.3% | 0.76 | 29.3% | 0.763 / 0.755 | 87% |

Kept: Thai is cut at its contrast words as the other languages are (issue 15, item 1), so "อาหารอร่อย" | "แต่บริการ
ช้า" get a sentiment and a theme each; one post in eight holds such a cut. What it does to the themes is within
what one more clause in ten posts moves: label coverage -0.05 on the 2,000 and +0.04 on the 3,000, refit the same
to 0.01, 65 -> 46 and 44 -> 49 themes; top labels of the same kind (กิน, eat; รถ, car; เบียร์, beer; รอ, wait).
"""

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "probes"))
sys.path.insert(0, str(ROOT / "src"))
import themes_real  # noqa: E402
from _common import md_table  # noqa: E402
from thai_spaces import texts  # noqa: E402

from vocnlp import clauses  # noqa: E402

if __name__ == "__main__":
    import numpy as np

    import vocnlp

    rows, shape = [], []
    on = clauses._TH_HINT
    for key in sys.argv[1].split(","):
        df = texts(key)
        for flag in (False, True):
            clauses._TH_HINT = on if flag else re.compile("(?!)")
            clauses._has_content_cached.cache_clear()
            t0 = time.perf_counter()
            out = vocnlp.Pipeline.default(keep_embeddings=True).run(df, text_col="text")
            secs = time.perf_counter() - t0
            name = f"Thai contrast {'on' if flag else 'off'}"
            row, top = themes_real.theme_model_row(out, key, name, {}, lambda p: ("-", "-"), rng_seed=1)
            n = out["clauses"].map(lambda c: len(c) if isinstance(c, list) else 0).to_numpy()
            shape.append([key, name, f"{np.mean(n > 1):.1%}", f"{n.sum() / len(n):.2f}", f"{secs:.0f}"])
            rows.append(row)
            print(md_table(["set", "model", "themes", "largest", "unassigned", "NMI", "ARI", "label coverage", "mixed",
                            "junk", "refit ARI", "found again", "fit s"], rows[-1:]), flush=True)
            print(md_table(["set", "splitter", "posts split", "clauses / post", "Pipeline s"], shape[-1:]), flush=True)
            print("\n".join(top), flush=True)
    clauses._TH_HINT = on
    print(md_table(["set", "model", "themes", "largest", "unassigned", "NMI", "ARI", "label coverage", "mixed",
                    "junk", "refit ARI", "found again", "fit s"], rows))
    print(md_table(["set", "splitter", "posts split", "clauses / post", "Pipeline s"], shape))
