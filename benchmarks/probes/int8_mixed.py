"""One-off probe: int8 dynamic quantisation variants (per-tensor, per-channel, FFN output layers kept in
fp32/bf16): cosine to fp32 and texts/s on 600 benchmark comments.
Run: python benchmarks/probes/int8_mixed.py per_tensor per_channel pt_skip_bf16 pc_skip_bf16 ...
"""
import sys, time, warnings
import numpy as np, torch
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from encode import load_texts
from vocnlp.encoders.torch_backend import TorchEncoder
from vocnlp.config import RuntimeConfig
texts = load_texts(2000)[:600]
ref = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32")).encode(texts).embeddings
from torch.ao.quantization import quantize_dynamic, per_channel_dynamic_qconfig, default_dynamic_qconfig
def variant(name):
    enc = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32", max_batch_tokens=2049))
    m = enc.model
    names = [n for n, mod in m.named_modules() if isinstance(mod, torch.nn.Linear)]
    if name == "per_channel":
        spec = {n: per_channel_dynamic_qconfig for n in names}
    elif name == "per_channel_skip_ffn_out":
        spec = {n: per_channel_dynamic_qconfig for n in names if not n.endswith("output.dense") or "attention" in n}
    elif name == "per_channel_ffn_in_only":
        spec = {n: per_channel_dynamic_qconfig for n in names if n.endswith("intermediate.dense")}
    elif name.startswith("pt_skip"):
        spec = {n: default_dynamic_qconfig for n in names if not n.endswith("output.dense") or "attention" in n}
    elif name.startswith("pc_skip"):
        spec = {n: per_channel_dynamic_qconfig for n in names if not n.endswith("output.dense") or "attention" in n}
    elif name == "per_tensor":
        spec = {n: default_dynamic_qconfig for n in names}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        enc.model = quantize_dynamic(m, spec, dtype=torch.qint8)
    if name.endswith("bf16"):
        class B(torch.nn.Module):
            def __init__(self, lin):
                super().__init__(); self.lin = lin.to(torch.bfloat16)
            def forward(self, x):
                return self.lin(x.to(torch.bfloat16)).float()
        for layer in enc.model.encoder.layer:
            layer.output.dense = B(layer.output.dense)
    t = time.perf_counter(); e = enc.encode(texts).embeddings; dt = time.perf_counter() - t
    c = (e * ref).sum(1)
    print(name, "cos mean", round(float(c.mean()), 5), "min", round(float(c.min()), 4), "texts/s (noisy)", round(len(texts) / dt, 1), flush=True)
for v in sys.argv[1:]:
    variant(v)
