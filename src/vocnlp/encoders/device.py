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
    """Whether the encoder runs int8 through ONNX Runtime (``dtype="int8"``, CPU only; see
    :mod:`vocnlp.encoders.onnx_int8`). ``auto`` never picks it, though on a CPU with VNNI and without bf16
    it is 2.5x float32 within the cosine bound (0.997 mean, 0.989 min; benchmarks/RESULTS.md): activations
    are quantised per batch, so a comment's scores would move with the chunk size of a run (the contract
    of ``test_results_do_not_depend_on_the_chunk_size``: 2e-4, no label changes; int8 moved labels), and the
    sentiment label of 2-15% of comments changes. Quantised one comment at a time it keeps the contract
    but is only 1.35x float32 (benchmarks/probes/int8_rows.py). :func:`int8_hint` says so where it would pay.

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


def int8_hint(dtype: str, device: torch.device) -> str | None:
    """A line for the log where ``auto`` runs float32 on a CPU that has VNNI but no bf16: there
    ``dtype="int8"`` is 2.5x faster, at the price :func:`wants_int8` describes. None elsewhere.

    Example:
        >>> import torch
        >>> int8_hint("float32", torch.device("cpu")) is None
        True
    """
    if dtype != "auto" or device.type != "cpu" or cpu_has_native_bf16() or not cpu_has_vnni():
        return None
    return (
        "this CPU has VNNI but no bf16: dtype='int8' (the int8 extra) runs the encoder ~2.5x faster than "
        "the float32 that dtype='auto' runs here, with vectors at cosine ~0.997 to float32 that move a little "
        "with their batch-mates"
    )


def set_threads(num_threads: int | None) -> None:
    """Set torch's CPU intra-op threads when asked (None leaves the default)."""
    if num_threads is not None:
        torch = import_optional("torch")
        if torch.get_num_threads() != num_threads:
            torch.set_num_threads(num_threads)
