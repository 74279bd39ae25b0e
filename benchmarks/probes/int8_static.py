"""One-off probe (issue 21 item 5): int8 with *static* activation scales, calibrated once on real
comments, against the shipped recipe (dynamic: one activation scale per batch tensor) and torch fp32.

With static scales every int8 product of a row uses scales fixed in the file, and int8 products
accumulate exactly in int32, so a comment's vector should no longer depend on its batch-mates (the
reason ``auto`` does not pick the dynamic recipe). The question is what it costs in fidelity (the
issue's bound: cosine >= 0.99 mean, >= 0.97 min to fp32) and speed (>= 2x fp32).

Variants: ONNX Runtime ``quantize_static`` (QDQ, weights per output channel, activations per tensor,
MinMax or percentile calibration) on the model with attention unfused (ONNX Runtime quantises a fused
Attention op only dynamically), optionally keeping the 12 FFN output products in float32 (their inputs
carry the outlier activations). Calibration: 400 real comments of the held-out quality sets, none of
the 2,000 benchmark comments measured here.
Run: python benchmarks/probes/int8_static.py [--variants ...]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from _common import SHARED_DATA
from encode import cpu_isa, load_texts

from vocnlp.config import RuntimeConfig
from vocnlp.encoders.onnx_int8 import OnnxInt8Model, _Hidden, export_fused
from vocnlp.encoders.torch_backend import TorchEncoder


def calibration_texts(n: int = 400) -> list[str]:
    import pandas as pd

    sets = ["sentiment_indonlu_smsa", "sentiment_wisesight_sentiment", "sentiment_nsmc_ratings",
            "themes_asap_zh_sample", "sentiment_afrisenti", "sentiment_nusax_senti", "nps_verbatims_en"]
    out: list[str] = []
    for s in sets:
        f = next((SHARED_DATA / s).glob("*.csv"))
        df = pd.read_csv(f)
        col = "text" if "text" in df.columns else df.columns[0]
        out += df[col].dropna().astype(str).sample(n // len(sets) + 1, random_state=7).tolist()
    return out[:n]


def feeds(enc: TorchEncoder, texts: list[str]) -> list[dict[str, np.ndarray]]:
    """The padded batches the encoder would run for ``texts`` (recorded, not run)."""
    seen: list[dict[str, np.ndarray]] = []

    def record(*, input_ids, attention_mask):  # type: ignore[no-untyped-def]
        seen.append({"input_ids": input_ids.cpu().numpy(), "attention_mask": attention_mask.cpu().numpy()})
        return _Hidden(torch.zeros((*input_ids.shape, enc.dim)))

    real = enc.model
    enc.model = record
    enc.encode(texts)
    enc.model = real
    return seen


def quantize(fused: Path, out: Path, batches: list[dict[str, np.ndarray]], method: str, keep_ffn_out: bool) -> None:
    import onnx
    from onnxruntime.quantization import (
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.it = iter(batches)

        def get_next(self):  # type: ignore[no-untyped-def]
            return next(self.it, None)

    exclude: list[str] = []
    if keep_ffn_out:
        # the FFN output product: a MatMul whose constant weight is 1536 x 384 (intermediate -> hidden)
        g = onnx.load(str(fused), load_external_data=False).graph
        shapes = {i.name: tuple(i.dims) for i in g.initializer}
        exclude = [n.name for n in g.node if n.op_type == "MatMul" and len(n.input) > 1
                   and len(shapes.get(n.input[1], ())) == 2 and shapes[n.input[1]][0] > shapes[n.input[1]][1]]
        print(f"kept in float32: {len(exclude)} MatMuls", flush=True)
    cal = {"minmax": CalibrationMethod.MinMax, "percentile": CalibrationMethod.Percentile}[method]
    extra = {"MatMulConstBOnly": True, "ActivationSymmetric": False, "WeightSymmetric": True}
    if method == "percentile":
        extra["CalibPercentile"] = 99.999
    logging.disable(logging.WARNING)
    try:
        quantize_static(str(fused), str(out), Reader(), quant_format=QuantFormat.QDQ, per_channel=True,
                        activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8, op_types_to_quantize=["MatMul"],
                        nodes_to_exclude=exclude, calibrate_method=cal, extra_options=extra)
    finally:
        logging.disable(logging.NOTSET)


def frozen_scales(dynamic: Path, out: Path, batches: list[dict[str, np.ndarray]], percentile: float | None) -> int:
    """The shipped dynamic model with each run-time activation scale replaced by one calibrated on
    ``batches``: DynamicQuantizeLinear -> QuantizeLinear with constant scale / zero point, and
    DynamicQuantizeMatMul -> QuantizeLinear + MatMulIntegerToFloat (the same int8 kernels). Returns the
    number of activation tensors frozen."""
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(dynamic))
    g = model.graph
    dyn = [n for n in g.node if n.op_type in ("DynamicQuantizeLinear", "DynamicQuantizeMatMul")]
    names = sorted({n.input[0] for n in dyn})
    probe = onnx.load(str(dynamic))
    for name in names:
        probe.graph.output.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, None))
    so = ort.SessionOptions()
    so.log_severity_level = 3
    sess = ort.InferenceSession(probe.SerializeToString(), so, providers=["CPUExecutionProvider"])
    lo = {n: 0.0 for n in names}
    hi = {n: 0.0 for n in names}
    vals: dict[str, list[np.ndarray]] = {n: [] for n in names}
    for feed in batches:
        outs = sess.run(names, feed)
        mask = feed["attention_mask"].astype(bool)
        for n, v in zip(names, outs):
            v = v[mask] if v.shape[:2] == mask.shape else v  # real tokens only
            lo[n], hi[n] = min(lo[n], float(v.min())), max(hi[n], float(v.max()))
            if percentile is not None:
                vals[n].append(np.quantile(v, [1 - percentile / 100, percentile / 100]))
    if percentile is not None:
        for n in names:
            q = np.array(vals[n])
            lo[n], hi[n] = min(0.0, float(q[:, 0].min())), max(0.0, float(q[:, 1].max()))
    nodes = []
    for node in g.node:
        if node.op_type not in ("DynamicQuantizeLinear", "DynamicQuantizeMatMul"):
            nodes.append(node)
            continue
        x = node.input[0]
        scale = max(hi[x] - lo[x], 1e-8) / 255.0
        zp = int(np.clip(round(-lo[x] / scale), 0, 255))
        sname, zname = f"{x}_frozen_scale", f"{x}_frozen_zp"
        if not any(i.name == sname for i in g.initializer):
            g.initializer.extend([numpy_helper.from_array(np.array(scale, np.float32), sname),
                                  numpy_helper.from_array(np.array(zp, np.uint8), zname)])
        if node.op_type == "DynamicQuantizeLinear":
            y, ys, yz = node.output
            nodes.append(helper.make_node("QuantizeLinear", [x, sname, zname], [y], name=node.name + "_static"))
            nodes.append(helper.make_node("Identity", [sname], [ys]))
            nodes.append(helper.make_node("Identity", [zname], [yz]))
        else:
            a, b, bs = node.input[0], node.input[1], node.input[2]
            bz = node.input[3] if len(node.input) > 3 else ""
            bias = node.input[4] if len(node.input) > 4 else ""
            q = f"{node.name}_aq"
            nodes.append(helper.make_node("QuantizeLinear", [a, sname, zname], [q], name=node.name + "_q"))
            ins = [q, b, sname, bs, zname, bz, bias]
            while ins and ins[-1] == "":
                ins.pop()
            nodes.append(helper.make_node("MatMulIntegerToFloat", ins, list(node.output), name=node.name + "_static",
                                          domain="com.microsoft"))
    del g.node[:]
    g.node.extend(nodes)
    onnx.save(model, str(out))
    return len(names)


def rate(enc: TorchEncoder, texts: list[str]) -> tuple[float, np.ndarray]:
    enc.encode(texts[:50])
    best, emb = 0.0, None
    for _ in range(2):
        t0 = time.perf_counter()
        emb = enc.encode(texts).embeddings
        best = max(best, len(texts) / (time.perf_counter() - t0))
    assert emb is not None
    return best, emb


def invariance(enc: TorchEncoder, texts: list[str], ref: np.ndarray) -> float:
    """Largest |difference| of the first 200 texts' vectors encoded among other batch-mates."""
    other = enc.encode(texts[:200][::-1] + texts[1000:1300]).embeddings[:200][::-1]
    return float(np.abs(other - ref[:200]).max())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--calib", choices=["real", "sample"], default="real",
                    help="real: 400 comments of the held-out quality sets; sample: the package's own sample_feedback.csv")
    ap.add_argument("--variants", nargs="*", default=["minmax", "percentile", "minmax-keepffn", "percentile-keepffn"])
    args = ap.parse_args()
    texts = load_texts(2000)
    fp32_enc = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32"))
    fp32, ref = rate(fp32_enc, texts)
    print(cpu_isa())
    print(f"torch fp32: {fp32:.1f} texts/s", flush=True)
    enc = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="int8"))
    dyn, a = rate(enc, texts)
    cos = (a * ref).sum(1)
    print(f"dynamic (shipped): {dyn:.1f} texts/s {dyn / fp32:.2f}x cosine {cos.mean():.5f} (min {cos.min():.4f}) "
          f"batch-mates max|diff| {invariance(enc, texts, a):.2e}", flush=True)
    if args.calib == "sample":
        import pandas as pd

        from vocnlp.io import sample_data_path

        cal = pd.read_csv(sample_data_path())["comment"].dropna().astype(str).tolist()
    else:
        cal = calibration_texts()
    print(f"calibration: {args.calib}, {len(cal)} texts", flush=True)
    batches = feeds(enc, cal)
    shipped = enc.model
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        fused = None
        if any(not v.startswith("frozen") for v in args.variants):
            fused = export_fused(Path(fp32_enc.location), work, fuse_attention=False)
        for v in args.variants:
            if v.startswith("frozen"):
                pct = float(v.split("-")[1]) if "-" in v else None
                n = frozen_scales(shipped.path, work / f"{v}.onnx", batches, pct)
                enc.model = OnnxInt8Model(work / f"{v}.onnx")
                r, b = rate(enc, texts)
                c = (b * ref).sum(1)
                print(f"{v} ({n} activation scales frozen): {r:.1f} texts/s {r / fp32:.2f}x cosine {c.mean():.5f} "
                      f"(min {c.min():.4f}) batch-mates max|diff| {invariance(enc, texts, b):.2e}", flush=True)
                continue
            method, keep = v.split("-")[0], v.endswith("keepffn")
            out = work / f"{v}.onnx"
            t0 = time.perf_counter()
            assert fused is not None
            quantize(fused, out, batches, method, keep)
            built = time.perf_counter() - t0
            enc.model = OnnxInt8Model(out)
            r, b = rate(enc, texts)
            c = (b * ref).sum(1)
            print(f"static {v}: {r:.1f} texts/s {r / fp32:.2f}x cosine {c.mean():.5f} (min {c.min():.4f}) "
                  f"batch-mates max|diff| {invariance(enc, texts, b):.2e} (quantised in {built:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
