"""One-off probe: torch.compile of the bf16 encoder (dynamic shapes; 'freeze' freezes the weights) vs eager,
compile seconds and texts/s on the 2,000 benchmark comments.
Run: python benchmarks/probes/compile.py [default|freeze]
"""
import sys, time, torch
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from encode import load_texts
from vocnlp.encoders.torch_backend import TorchEncoder
from vocnlp.config import RuntimeConfig
texts = load_texts(2000)
enc = TorchEncoder(config=RuntimeConfig(device="cpu"))
enc.encode(texts[:50])
t=time.perf_counter(); e0=enc.encode(texts).embeddings; print("eager", round(2000/(time.perf_counter()-t),1), flush=True)
mode = sys.argv[1] if len(sys.argv)>1 else "default"
import torch._inductor.config as ic; ic.freezing = "freeze" in sys.argv; ic.cpp.weight_prepack = True
enc.model = torch.compile(enc.model, dynamic=True, mode=None if mode in ("default","freeze") else mode)
t=time.perf_counter(); enc.encode(texts[:200]); print("compile+200", round(time.perf_counter()-t,1), flush=True)
t=time.perf_counter(); e1=enc.encode(texts).embeddings; print("compiled pass1", round(2000/(time.perf_counter()-t),1), flush=True)
t=time.perf_counter(); e1=enc.encode(texts).embeddings; print("compiled pass2", round(2000/(time.perf_counter()-t),1), flush=True)
print("cos", float((e0*e1).sum(1).mean()), float((e0*e1).sum(1).min()))
