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

__all__ = [
    "resolve_device",
    "resolve_dtype",
    "set_threads",
    "cpu_has_native_bf16",
    "cpu_has_vnni",
    "int8_hint",
    "wants_int8",
]


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


def _cpu_flags() -> set[str]:
    """The CPU's feature flags (Linux ``/proc/cpuinfo``); empty where they cannot be read."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="ignore") as fh:
            for line in fh:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def _env_flag(name: str) -> bool | None:
    env = os.environ.get(name)
    return None if env is None else env.strip() not in ("0", "false", "no", "")


@functools.lru_cache(maxsize=1)
def cpu_has_native_bf16() -> bool:
    """True when the CPU multiplies bf16 in hardware (AVX512-BF16 or AMX-BF16; Linux ``/proc/cpuinfo`` flags).

    Without these instructions torch emulates bf16 and is slower than float32, so ``auto`` keeps float32.
    ``VOCNLP_CPU_BF16=0`` (or ``1``) overrides the detection.
    """
    env = _env_flag("VOCNLP_CPU_BF16")
    return env if env is not None else bool(_cpu_flags() & {"avx512_bf16", "amx_bf16"})


@functools.lru_cache(maxsize=1)
def cpu_has_vnni() -> bool:
    """True when the CPU has int8 dot-product instructions (AVX512-VNNI, AVX-VNNI or AMX-INT8), where ONNX
    Runtime's int8 products run ~3.3x float32 ones (1.9x without: benchmarks/RESULTS.md).
    ``VOCNLP_CPU_VNNI=0`` (or ``1``) overrides the detection."""
    env = _env_flag("VOCNLP_CPU_VNNI")
    return env if env is not None else bool(_cpu_flags() & {"avx512_vnni", "avx_vnni", "amx_int8"})


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
    """Whether the encoder runs int8 through ONNX Runtime (see :mod:`vocnlp.encoders.onnx_int8`):
    ``dtype="int8"`` (CPU only), or ``auto`` on a CPU with VNNI and without bf16 when the ``int8`` extra is
    installed. There it ran 2.1-2.3x float32 with vectors at cosine 0.998 (0.992 worst) to float32 on real
    comments, and its activation scales are fixed when the file is built, so a comment's vector does not
    depend on its batch-mates (benchmarks/RESULTS.md). The price: the sentiment head gives another label to
    a few per cent of comments, those near a boundary. Without VNNI int8 products are only ~1.9x float32
    ones (the encoder 1.5x), so ``auto`` keeps float32 there.

    Example:
        >>> import torch
        >>> wants_int8("float32", torch.device("cpu")), wants_int8("int8", torch.device("cpu"))
        (False, True)
    """
    if dtype == "int8":
        if device.type != "cpu":
            raise ConfigError(f"dtype='int8' runs on the CPU (ONNX Runtime), not on {device}: use dtype='auto' there")
        return True
    return dtype == "auto" and _int8_pays(device) and _int8_installed()


def _int8_pays(device: torch.device) -> bool:
    return device.type == "cpu" and not cpu_has_native_bf16() and cpu_has_vnni()


def _int8_installed() -> bool:
    from .onnx_int8 import int8_available

    return int8_available()


def int8_hint(dtype: str, device: torch.device) -> str | None:
    """A line for the log where ``auto`` would run int8 (a CPU with VNNI, without bf16) but the ``int8``
    extra is not installed, so it runs float32. None elsewhere.

    Example:
        >>> import torch
        >>> int8_hint("float32", torch.device("cpu")) is None
        True
    """
    if dtype != "auto" or not _int8_pays(device) or _int8_installed():
        return None
    return (
        "this CPU has VNNI but no bf16: with pip install 'vocnlp[int8]' the encoder runs int8 here, ~2x faster "
        "than the float32 that dtype='auto' runs without it"
    )


def set_threads(num_threads: int | None) -> None:
    """Set torch's CPU intra-op threads when asked (None leaves the default)."""
    if num_threads is not None:
        torch = import_optional("torch")
        if torch.get_num_threads() != num_threads:
            torch.set_num_threads(num_threads)
