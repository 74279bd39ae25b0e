"""Pick the torch device and dtype from a :class:`~vocnlp.config.RuntimeConfig`.

Example:
    >>> resolve_device("cpu")            # doctest: +SKIP
    device(type='cpu')
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from .._lazy import import_optional
from ..errors import ConfigError

if TYPE_CHECKING:
    import torch

__all__ = ["resolve_device", "resolve_dtype", "set_threads", "cpu_has_native_bf16", "wants_int8"]


def resolve_device(device: str = "auto") -> torch.device:
    """``auto`` -> cuda, then mps, then cpu. An explicit device that is absent raises ConfigError."""
    torch = import_optional("torch")
    if device == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise ConfigError(f"device={device!r} but CUDA is not available here; use device='auto' or 'cpu'")
    if device == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise ConfigError("device='mps' but MPS is not available here; use device='auto' or 'cpu'")
    return torch.device(device)


@functools.lru_cache(maxsize=1)
def cpu_has_native_bf16() -> bool:
    """True when the CPU multiplies bf16 in hardware (AVX512-BF16 or AMX-BF16; Linux ``/proc/cpuinfo`` flags).

    Without these instructions torch emulates bf16 and is slower than float32, so ``auto`` keeps float32.
    ``VOCNLP_CPU_BF16=0`` (or ``1``) overrides the detection.
    """
    env = os.environ.get("VOCNLP_CPU_BF16")
    if env is not None:
        return env.strip() not in ("0", "false", "no", "")
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="ignore") as fh:
            for line in fh:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def resolve_dtype(dtype: str, device: torch.device) -> torch.dtype:
    """``auto``: bfloat16 on CUDA with bf16 support, float16 on other GPUs; on CPU bfloat16 where the CPU
    has bf16 instructions (2.6x float32 here, cosine 0.99998 to float32: benchmarks/RESULTS.md), else float32."""
    torch = import_optional("torch")
    if dtype != "auto":
        return getattr(torch, dtype)
    if device.type == "cuda":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    if device.type == "mps":
        return torch.float16
    return torch.bfloat16 if cpu_has_native_bf16() else torch.float32


def wants_int8(dtype: str, device: torch.device) -> bool:
    """Whether the encoder runs int8 through ONNX Runtime (``dtype="int8"``, CPU only; see
    :mod:`vocnlp.encoders.onnx_int8`). ``auto`` never picks it: it changes the sentiment label of 3-15% of
    comments, and its vectors move a little with their batch-mates (activations are quantised per batch).

    Example:
        >>> import torch
        >>> wants_int8("float32", torch.device("cpu")), wants_int8("int8", torch.device("cpu"))
        (False, True)
    """
    if dtype != "int8":
        return False
    if device.type != "cpu":
        raise ConfigError(f"dtype='int8' runs on the CPU (ONNX Runtime), not on {device}: use dtype='auto' there")
    return True


def set_threads(num_threads: int | None) -> None:
    """Set torch's CPU intra-op threads when asked (None leaves the default)."""
    if num_threads is not None:
        torch = import_optional("torch")
        if torch.get_num_threads() != num_threads:
            torch.set_num_threads(num_threads)
