"""Probe (2026-12-06, night; measurement only): do Japanese clauses that end in a contrast connective read negative because of it?

`vocnlp analyze` on the 758 real Japanese hotel / sightseeing reviews reported the theme 朝食 (breakfast) as 44%
negative while its examples praise it, and 23% of all clauses as negative against 11% of the reviews. Clauses
cut before a following clause end in "が、" / "けど" ("朝食はバイキング形式でしたが、", breakfast was a buffet, and...);
in Japanese that ending often joins two plain statements rather than marking a contrast. Here each such clause
is embedded again without its ending and read by the shipped sentiment head, against the same clause as cut.

    python benchmarks/probes/ja_contrast_sentiment.py

Result (2026-12-06, night, Intel Xeon, cached Pipeline output of benchmarks/themes_real.py "ja"): of 8,504 clauses 23.3%
read negative; of the 959 that end in the connective 45% (442), without it 44% (418): the ending is not the cause.
The head reads plain Japanese statements as negative with or without it ("食後は温泉を利用しました", after the meal
we used the hot spring; "朝食は、品数も多いビュッフェで満足", satisfied with a buffet of many dishes). There are no
Japanese sentiment labels in ../shared/data to measure or train a fix on; nothing is changed.
"""

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))
import numpy as np  # noqa: E402
import themes_real  # noqa: E402
from vocnlp.encoders import get_encoder  # noqa: E402
from vocnlp.heads.sentiment import SENTIMENT_LABELS, SentimentStage  # noqa: E402

END = re.compile(r"(?:が|けれども|けれど|けど)[、，]?\s*$")


def main() -> None:
    out = themes_real.outputs("ja")
    clauses = [c for cl in out["clauses"] if isinstance(cl, list) for c in cl]
    neg = Counter(c["sentiment"] for c in clauses)
    print(f"{len(clauses)} clauses, {neg['negative'] / len(clauses):.1%} negative; "
          f"reviews {np.mean(out['sentiment'] == 'negative'):.1%} negative")
    ending = [c["text"] for c in clauses if END.search(c["text"])]
    stage, enc = SentimentStage(), get_encoder("auto", None)
    for name, texts in (("as cut", ending), ("without the ending", [END.sub("", t) for t in ending])):
        p = stage.proba(np.asarray(enc.encode(texts).embeddings))
        got = Counter(SENTIMENT_LABELS[j] for j in p.argmax(axis=1))
        print(f"{len(texts)} clauses ending in a connective, {name}: " + ", ".join(f"{k} {v}" for k, v in got.items()))


if __name__ == "__main__":
    main()
