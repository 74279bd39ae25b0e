"""Write tests/data/sample_outputs.json.gz: the default pipeline's outputs on the bundled sample data.

tests/integration/test_pipeline.py compares every run against it, so a refactor cannot change an output
unnoticed. Rewrite it only when outputs change on purpose (retrained heads, a language-ID change), and
say so in the commit:

    .venv/bin/python tools/write_sample_outputs.py      # also run by `make heads`
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import vocnlp
from vocnlp import Pipeline
from vocnlp.config import RuntimeConfig

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "sample_outputs.json.gz"
COLUMNS = ("language", "sentiment", "sentiment_score", "sentiment_mixed", "intent", "intent_score", "intents",
           "status", "error")
CLAUSE_FIELDS = ("text", "start", "end", "sentiment", "sentiment_score", "theme_id")


def _plain(v: object) -> object:
    if hasattr(v, "tolist"):
        v = v.tolist()  # numpy scalars and arrays
    if isinstance(v, float):
        return round(v, 4) if not math.isnan(v) else float("nan")
    return v


def main() -> None:
    # float32, as tests/integration/test_pipeline.py runs it: on a CPU with bf16 the default precision moves
    # scores by up to ~0.01, more than that test's 1e-3
    out = Pipeline.default(clauses=True, config=RuntimeConfig(dtype="float32")).run(
        vocnlp.io.load_sample(), text_col="comment"
    )
    rows = []
    for _, r in out.iterrows():
        row = {c: _plain(r[c]) for c in COLUMNS}
        row["intents"] = list(r["intents"]) if isinstance(r["intents"], (list, tuple)) or hasattr(r["intents"], "tolist") else None
        cl = r["clauses"]
        row["clauses"] = [{k: _plain(c.get(k)) for k in CLAUSE_FIELDS} for c in cl] if isinstance(cl, list) else None
        rows.append(row)
    OUT.write_bytes(gzip.compress(json.dumps(rows, ensure_ascii=False).encode("utf-8"), mtime=0))
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
