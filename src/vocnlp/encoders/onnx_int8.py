"""An int8 encoder for CPUs without bf16: ONNX Runtime with int8 weights (one scale per output channel)
and int8 activations with scales fixed once, from calibration.

Most laptops and cloud VMs have AVX2 or AVX-512 without bf16 instructions; there the torch encoder runs
in float32. This path exports the same transformers model to ONNX once per machine (attention, layer norm
and GELU fused by ONNX Runtime's transformer optimizer), quantises its matrix products to int8 with a
scale per output channel, fixes the scale of each quantised activation from the package's sample comments
(the 99.99th percentile of each batch, so rare outliers saturate and the bulk keeps its resolution), and
caches the file (~118 MB for multilingual-e5-small, against ~470 MB in float32) in
``VOCNLP_HOME/onnx-int8``.

With fixed activation scales, and int8 products summed exactly in int32, a text's vector does not depend
on the texts batched with it (the recipe before, with one activation scale per batch, moved it by up to
0.02 per coordinate). Measured on 2,000 real multilingual comments on a 2-core AVX-512 CPU with VNNI (bf16
switched off), calibrated on the sample comments only: cosine to float32 0.9978 mean, 0.9916 worst (per-batch
scales: 0.9968 / 0.9886), 2.1-2.3x the float32 torch encoder (benchmarks/probes/int8_static.py and
benchmarks/RESULTS.md, "Encoder on CPUs without bf16"). The price: the sentiment head gives another label
to a few per cent of comments (those near a boundary). Building the file takes ~35 s and 4-6 GB of memory,
once. ``RuntimeConfig(dtype="int8")`` asks for it (``pip install 'vocnlp[int8]'``); ``auto`` picks it on a
CPU with VNNI and without bf16 when the extra is installed (:func:`vocnlp.encoders.device.wants_int8`).

Example:
    >>> from vocnlp.config import RuntimeConfig
    >>> from vocnlp.encoders.torch_backend import TorchEncoder
    >>> enc = TorchEncoder(config=RuntimeConfig(dtype="int8"))   # doctest: +SKIP
    >>> enc.describe()["dtype"]                                   # doctest: +SKIP
    'int8 (onnxruntime)'
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._lazy import import_optional

if TYPE_CHECKING:
    import numpy as np

__all__ = ["OnnxInt8Model", "int8_available", "int8_model_file"]

logger = logging.getLogger(__name__)

#: bump when the export / optimisation / quantisation recipe changes: old files are then rebuilt
RECIPE = "e5-int8-per-channel-frozen-v2"
#: activation ranges clip this per-batch percentile of the calibration activations (outliers saturate, the
#: bulk keeps its resolution: cosine to float32 0.998 against 0.997 for the plain min / max on real comments)
CLIP_PERCENTILE = 99.99


def int8_available() -> bool:
    """True when ONNX Runtime and onnx are installed (the ``int8`` extra), without importing them."""
    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "onnx"))


def _weights(location: Path) -> Path:
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (location / name).exists():
            return location / name
    raise FileNotFoundError(f"no model.safetensors or pytorch_model.bin in {location}")


def _key(location: Path) -> str:
    """What the int8 file is made from: the weights file (path, size, mtime) and the recipe."""
    w = _weights(location)
    st = w.stat()
    raw = json.dumps([str(w.resolve()), st.st_size, st.st_mtime_ns, RECIPE])
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def int8_model_file(
    location: str | os.PathLike[str],
    home: Path,
    calibration: Callable[[], Iterable[dict[str, np.ndarray]]],
) -> Path:
    """The int8 ONNX file for the transformers model in ``location``, built once under ``home`` (a file
    lock keeps processes apart; a file whose recorded SHA-256 no longer matches is built again).
    ``calibration()`` gives the padded batches (``input_ids``, ``attention_mask``) whose activations set
    the fixed scales; it is called only when the file is built."""
    from filelock import FileLock

    from .e5_format import file_record, verify_record

    location = Path(location)
    target = home / "onnx-int8" / f"{location.name}-{_key(location)}"
    model, marker = target / "model.onnx", target / "vocnlp_int8.json"

    def fresh() -> bool:
        if not (model.exists() and marker.exists()):
            return False
        try:
            info = json.loads(marker.read_text())
            bad, stamps = verify_record(target, [model.name], info)
        except (OSError, ValueError, AttributeError):
            return False
        if stamps is not None:  # a copied cache, checked in full once
            try:
                marker.write_text(json.dumps({**info, "stamps": stamps}))
            except OSError:  # read-only: checked in full each time instead
                pass
        return not bad

    if fresh():
        return model
    target.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock", timeout=900):
        if not fresh():
            logger.info("building the int8 ONNX encoder in %s (once per machine, ~30-60 s)", target)
            _build(location, model, calibration)
            record = {"recipe": RECIPE, "source": str(location), **file_record(target, [model.name])}
            marker.write_text(json.dumps(record))
    return model


def _build(location: Path, out: Path, calibration: Callable[[], Iterable[dict[str, np.ndarray]]]) -> None:
    """Export (float32, eager attention so the optimiser can fuse it), fuse, quantise per channel, then
    freeze the activation scales on the ``calibration`` batches."""
    quantization = import_optional("onnxruntime.quantization")
    work = Path(tempfile.mkdtemp(prefix="vocnlp-onnx-", dir=out.parent))
    try:
        fused = export_fused(location, work)
        logging.disable(logging.WARNING)  # its advice to pre-process first goes to the root logger
        try:
            quantization.quantize_dynamic(
                str(fused),
                str(work / "dynamic.onnx"),
                weight_type=quantization.QuantType.QInt8,
                per_channel=True,
                extra_options={"DefaultTensorType": 1},  # float: fused ops have no inferred type
            )
        finally:
            logging.disable(logging.NOTSET)
        freeze_activation_scales(work / "dynamic.onnx", work / "int8.onnx", calibration())
        os.replace(work / "int8.onnx", out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def activation_ranges(
    model: Path, tensors: list[str], feeds: Iterable[dict[str, np.ndarray]], percentile: float = CLIP_PERCENTILE
) -> dict[str, tuple[float, float]]:
    """``(low, high)`` of each float tensor of ``model`` over real tokens (padding left out): the widest
    per-batch ``percentile`` (and ``100 - percentile``) of ``feeds``, widened to hold 0."""
    import numpy as np

    onnx = import_optional("onnx")
    ort = import_optional("onnxruntime")
    probe = onnx.load(str(model))
    for name in tensors:
        probe.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    session = ort.InferenceSession(probe.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    del probe
    q = [1.0 - percentile / 100.0, percentile / 100.0]
    low = dict.fromkeys(tensors, 0.0)
    high = dict.fromkeys(tensors, 0.0)
    seen = False
    for feed in feeds:
        seen = True
        mask = feed["attention_mask"].astype(bool)
        for name, value in zip(tensors, session.run(tensors, feed)):
            real = value[mask] if value.shape[:2] == mask.shape else value
            lo, hi = np.quantile(real, q)
            low[name], high[name] = min(low[name], float(lo)), max(high[name], float(hi))
    if not seen:
        raise ValueError("no calibration batches")
    return {name: (low[name], high[name]) for name in tensors}


def freeze_activation_scales(dynamic: Path, out: Path, feeds: Iterable[dict[str, np.ndarray]]) -> int:
    """Write ``out``: the dynamically quantised ``dynamic`` with every run-time activation scale replaced by
    one calibrated on ``feeds`` (so a row's numbers no longer depend on its batch-mates): each
    ``DynamicQuantizeLinear`` becomes a ``QuantizeLinear`` with a constant scale and zero point (its scale
    and zero-point outputs the constants), each ``DynamicQuantizeMatMul`` a ``QuantizeLinear`` and a
    ``MatMulIntegerToFloat`` (the same int8 kernels). Returns the number of activation tensors frozen."""
    import numpy as np

    onnx = import_optional("onnx")
    helper, numpy_helper = onnx.helper, onnx.numpy_helper
    model = onnx.load(str(dynamic))
    graph = model.graph
    kinds = ("DynamicQuantizeLinear", "DynamicQuantizeMatMul")
    tensors = sorted({n.input[0] for n in graph.node if n.op_type in kinds})
    ranges = activation_ranges(dynamic, tensors, feeds)
    for name in tensors:
        lo, hi = ranges[name]
        step = max(hi - lo, 1e-8) / 255.0  # uint8, as DynamicQuantizeLinear: lo -> 0, hi -> 255
        offset = int(np.clip(round(-lo / step), 0, 255))
        graph.initializer.extend(
            [
                numpy_helper.from_array(np.array(step, np.float32), f"{name}_frozen_scale"),
                numpy_helper.from_array(np.array(offset, np.uint8), f"{name}_frozen_zero"),
            ]
        )
    nodes = []
    for node in graph.node:
        if node.op_type not in kinds:
            nodes.append(node)
            continue
        x = node.input[0]
        scale, zero = f"{x}_frozen_scale", f"{x}_frozen_zero"
        if node.op_type == "DynamicQuantizeLinear":
            y, y_scale, y_zero = node.output
            nodes.append(helper.make_node("QuantizeLinear", [x, scale, zero], [y], name=f"{node.name}_frozen"))
            nodes.append(helper.make_node("Identity", [scale], [y_scale], name=f"{node.name}_scale"))
            nodes.append(helper.make_node("Identity", [zero], [y_zero], name=f"{node.name}_zero"))
        else:  # inputs A, B, b_scale[, b_zero_point[, bias]]
            b, b_scale = node.input[1], node.input[2]
            b_zero = node.input[3] if len(node.input) > 3 else ""
            bias = node.input[4] if len(node.input) > 4 else ""
            q = f"{node.name}_quantized_input"
            nodes.append(helper.make_node("QuantizeLinear", [x, scale, zero], [q], name=f"{node.name}_frozen_input"))
            inputs = [q, b, scale, b_scale, zero, b_zero, bias]
            while inputs[-1] == "":
                inputs.pop()
            nodes.append(
                helper.make_node(
                    "MatMulIntegerToFloat",
                    inputs,
                    list(node.output),
                    name=f"{node.name}_frozen",
                    domain="com.microsoft",
                )
            )
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.save(model, str(out))
    return len(tensors)


def export_fused(location: Path, work: Path, *, fuse_attention: bool = True) -> Path:
    """``work/fused.onnx``: the float32 model exported to ONNX (input_ids, attention_mask -> hidden) with
    layer norms, GELU and (``fuse_attention``) attention fused by ONNX Runtime's transformer optimizer."""
    torch = import_optional("torch")
    transformers = import_optional("transformers")
    optimizer = import_optional("onnxruntime.transformers.optimizer")
    from .._quiet import quiet_transformers

    cfg = transformers.AutoConfig.from_pretrained(location)
    kwargs = {"attn_implementation": "eager", "dtype": torch.float32}
    with quiet_transformers():
        try:
            model = transformers.AutoModel.from_pretrained(location, add_pooling_layer=False, **kwargs)
        except TypeError:  # architectures without a pooler argument
            model = transformers.AutoModel.from_pretrained(location, **kwargs)
    model = model.eval()

    class Hidden(torch.nn.Module):  # type: ignore[name-defined]
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state

    ids = torch.ones((2, 16), dtype=torch.long)
    axes = {
        "input_ids": {0: "batch", 1: "tokens"},
        "attention_mask": {0: "batch", 1: "tokens"},
        "hidden": {0: "batch", 1: "tokens"},
    }
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Hidden(model),
            (ids, torch.ones_like(ids)),
            str(work / "fp32.onnx"),
            input_names=["input_ids", "attention_mask"],
            output_names=["hidden"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    del model
    options = None
    if not fuse_attention:
        options = import_optional("onnxruntime.transformers.fusion_options").FusionOptions("bert")
        options.enable_attention = False
    fused = optimizer.optimize_model(
        str(work / "fp32.onnx"),
        model_type="bert",
        num_heads=int(cfg.num_attention_heads),
        hidden_size=int(cfg.hidden_size),
        optimization_options=options,
    )
    fused.save_model_to_file(str(work / "fused.onnx"))
    return work / "fused.onnx"


class _Hidden:
    def __init__(self, hidden: Any) -> None:
        self.last_hidden_state = hidden


class OnnxInt8Model:
    """Called like a transformers model (``model(input_ids=..., attention_mask=...).last_hidden_state``),
    so the torch encoder's batching, windows and pooling run unchanged around it."""

    def __init__(self, path: str | os.PathLike[str], num_threads: int | None = None) -> None:
        ort = import_optional("onnxruntime")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = int(num_threads or os.cpu_count() or 1)
        opts.log_severity_level = 3
        self.path = Path(path)
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def __call__(self, *, input_ids: Any, attention_mask: Any) -> _Hidden:
        torch = import_optional("torch")
        feed = {"input_ids": input_ids.cpu().numpy(), "attention_mask": attention_mask.cpu().numpy()}
        (hidden,) = self.session.run(["hidden"], feed)
        return _Hidden(torch.from_numpy(hidden))
