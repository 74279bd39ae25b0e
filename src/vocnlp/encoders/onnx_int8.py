"""An int8 encoder for CPUs without bf16: ONNX Runtime with int8 weights (one scale per output channel).

Most laptops and cloud VMs have AVX2 or AVX-512 without bf16 instructions; there the torch encoder runs
in float32. This path exports the same transformers model to ONNX once per machine (attention, layer norm
and GELU fused by ONNX Runtime's transformer optimizer), quantises its matrix products to int8 with a
scale per output channel and activations quantised per batch (dynamic), and caches the file (~118 MB for
multilingual-e5-small, against ~470 MB in float32) in ``VOCNLP_HOME/onnx-int8``.

Activations are quantised per batch (one scale per batch tensor), so a text's vector depends a little on
the texts batched with it: the same text alone and in a batch of 300 agreed to cosine 0.995 here (the
tests hold it to 0.99 or better). The same texts in the same order always give the same numbers.

Measured on real multilingual comments (benchmarks/RESULTS.md, "Encoder on CPUs without bf16"). On a
2-core AVX2 CPU without VNNI: cosine to float32 0.9956 mean, 0.982 min (torch's per-tensor dynamic int8:
0.981 / 0.951, not enough), 1.53x the float32 torch encoder and 1.44x for the whole pipeline (at most ~1.7x
there: without VNNI, int8 products are ~1.9x float32 ones). On a 2-core AVX-512 CPU with VNNI (its bf16
switched off): cosine 0.9968 / 0.989, 2.49x the float32 encoder and 2.01x for the whole pipeline; 786 MB
resident against 1,104. The price: the sentiment head gives another label to 2-15% of comments (those near
a boundary; macro-F1 -0.037 to +0.017 per set). Building the file takes ~35 s and 4-6 GB of memory, once.
``RuntimeConfig(dtype="int8")`` asks for it (``pip install 'vocnlp[int8]'``); ``auto`` does not pick it,
for that price and because a comment's vector would depend on what it was run with (the reasons and
numbers: :func:`vocnlp.encoders.device.wants_int8`).

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
from pathlib import Path
from typing import Any

from .._lazy import import_optional

__all__ = ["OnnxInt8Model", "int8_available", "int8_model_file"]

logger = logging.getLogger(__name__)

#: bump when the export / optimisation / quantisation recipe changes: old files are then rebuilt
RECIPE = "e5-int8-per-channel-v1"


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


def int8_model_file(location: str | os.PathLike[str], home: Path) -> Path:
    """The int8 ONNX file for the transformers model in ``location``, built once under ``home`` (a file
    lock keeps processes apart; a file whose recorded SHA-256 no longer matches is built again)."""
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
            _build(location, model)
            record = {"recipe": RECIPE, "source": str(location), **file_record(target, [model.name])}
            marker.write_text(json.dumps(record))
    return model


def _build(location: Path, out: Path) -> None:
    """Export (float32, eager attention so the optimiser can fuse it), fuse, quantise per channel."""
    torch = import_optional("torch")
    transformers = import_optional("transformers")
    optimizer = import_optional("onnxruntime.transformers.optimizer")
    quantization = import_optional("onnxruntime.quantization")
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

    work = Path(tempfile.mkdtemp(prefix="vocnlp-onnx-", dir=out.parent))
    try:
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
        fused = optimizer.optimize_model(
            str(work / "fp32.onnx"),
            model_type="bert",
            num_heads=int(cfg.num_attention_heads),
            hidden_size=int(cfg.hidden_size),
        )
        fused.save_model_to_file(str(work / "fused.onnx"))
        del fused
        logging.disable(logging.WARNING)  # its advice to pre-process first goes to the root logger
        try:
            quantization.quantize_dynamic(
                str(work / "fused.onnx"),
                str(work / "int8.onnx"),
                weight_type=quantization.QuantType.QInt8,
                per_channel=True,
                extra_options={"DefaultTensorType": 1},  # float: fused ops have no inferred type
            )
        finally:
            logging.disable(logging.NOTSET)
        os.replace(work / "int8.onnx", out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
