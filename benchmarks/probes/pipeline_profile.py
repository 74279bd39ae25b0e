"""One-off probe: where the pipeline spends its time (cProfile), next to the encoder alone on the same texts.
Run: python benchmarks/probes/pipeline_profile.py none|themes|clauses (themes needs build/bench_encode_themes from encode.py)
"""
import sys, time, cProfile, pstats
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from encode import load_texts, THEMES
from vocnlp.pipeline import Pipeline
from vocnlp.encoders.torch_backend import TorchEncoder
from vocnlp.config import RuntimeConfig
texts = load_texts(2000)
mode = sys.argv[1]
nlp = Pipeline.default(device="cpu", themes=str(THEMES) if mode=="themes" else None, clause_sentiment=(mode=="clauses"))
nlp.run(texts)
enc = nlp.encoder
t=time.perf_counter(); enc.encode(texts); te=time.perf_counter()-t
pr = cProfile.Profile(); t=time.perf_counter(); pr.enable(); nlp.run(texts); pr.disable(); tp=time.perf_counter()-t
print(mode, "encoder", round(te,2), "pipeline", round(tp,2), "ratio", round(te/tp,3))
pstats.Stats(pr).sort_stats("cumulative").print_stats(35)
