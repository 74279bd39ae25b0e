"""One-off probe (2026-12-04): how much a run's chunk size moves the pipeline's scores, per precision. The
first 300 NPS verbatims and 4 short rows, run in chunks of 50 and of 300; max |difference| of sentiment and
intent scores, rows that moved more than 2e-4, labels that changed (the empty row counts once: NaN).
Run: python benchmarks/probes/chunk_size.py bfloat16 float32
"""
import sys, pandas as pd
from vocnlp.pipeline import Pipeline
from vocnlp.config import RuntimeConfig
from vocnlp.io import read_table
texts = read_table(str(__import__("pathlib").Path(__file__).resolve().parents[3] / "shared" / "data" / "nps_verbatims_en") + "/nps_verbatims.csv")["text"].iloc[:300].tolist()
texts += ["Fakturan är fel igen.", "Le colis est arrivé cassé, mais le service client a été top.", "很好", ""]
for dt in sys.argv[1:]:
    nlp = Pipeline.default(config=RuntimeConfig(dtype=dt))
    run = lambda step: pd.concat([nlp.run(texts[i:i+step]) for i in range(0, len(texts), step)], ignore_index=True)
    a, b = run(50), run(300)
    d = (a.sentiment_score - b.sentiment_score).abs()
    print(dt, "max", round(d.max(), 4), "n>2e-4", int((d > 2e-4).sum()), "labels changed", int((a.sentiment != b.sentiment).sum()), "intent changed", int((a.intent != b.intent).sum()), "intent max", round((a.intent_score-b.intent_score).abs().max(),4))
