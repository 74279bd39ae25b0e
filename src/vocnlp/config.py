"""Runtime settings shared by every stage: device, batch sizes, threads, progress bars.

Example:
    >>> from vocnlp.config import RuntimeConfig
    >>> RuntimeConfig(device="cpu", max_batch_tokens=8192).device
    'cpu'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ConfigError

__all__ = ["RuntimeConfig", "vocnlp_home"]

_DEVICES = ("auto", "cpu", "cuda", "mps")
_DTYPES = ("auto", "float32", "bfloat16", "float16", "int8")


def vocnlp_home() -> Path:
    """The cache folder for converted models: ``$VOCNLP_HOME`` or ``~/.cache/vocnlp``."""
    env = os.environ.get("VOCNLP_HOME")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "vocnlp"


@dataclass(frozen=True)
class RuntimeConfig:
    """How models run. Frozen: use :meth:`with_` to derive a changed copy.

    Attributes:
        device: ``auto`` (cuda -> mps -> cpu), ``cpu``, ``cuda`` (or ``cuda:1``), ``mps``.
        dtype: ``auto`` is bfloat16 on CUDA with bf16 support, float16 on other GPUs; on CPUs bfloat16
            where the CPU has bf16 instructions (AVX512-BF16/AMX), else int8 where it has VNNI and the
            ``int8`` extra is installed, else float32. ``float32`` forces full precision. ``int8`` (CPU
            only, the ``int8`` extra) runs ONNX Runtime with int8 weights and fixed activation scales:
            2.1-2.5x float32 on a CPU with VNNI, 1.5x without, cosine 0.998 to float32; the sentiment
            label of a few per cent of comments near a boundary changes (:mod:`vocnlp.encoders.onnx_int8`).
        max_batch_tokens: token budget of one forward batch (padded tokens), not a row count;
            ``None`` picks 2048 on CPU (measured fastest in benchmarks/encode.py) and 32768 on GPUs.
        max_batch_size: upper bound of rows in one batch.
        num_threads: torch CPU threads; ``None`` leaves torch's default.
        progress: ``None`` shows a bar only on long work in a terminal (stderr a TTY; in a notebook pass True); False never.
        chunk_rows: rows per pipeline chunk.
        max_chars: longer texts are truncated and flagged (V103).
        max_chunk_chars: a chunk also ends when its texts reach this many characters, so memory stays
            bounded however long the comments are (rows are never dropped or reordered for it).
        compile: run the torch encoder through ``torch.compile`` (inductor, weights frozen on CPU). Costs
            20-30 s once per process (and a C++ compiler on CPU; without one vocnlp warns and runs eagerly),
            then ran 1.03-1.23x faster on this 2-core CPU (benchmarks/encode.py): for jobs of 250k+ comments.
    """

    device: str = "auto"
    dtype: str = "auto"
    max_batch_tokens: int | None = None
    max_batch_size: int = 256
    num_threads: int | None = None
    progress: bool | None = None
    chunk_rows: int = 4096
    max_chars: int = 100_000
    max_chunk_chars: int = 4_000_000
    compile: bool = False

    def __post_init__(self) -> None:
        base = self.device.split(":")[0]
        if base not in _DEVICES:
            raise ConfigError(f"device={self.device!r} is not one of {list(_DEVICES)} (or 'cuda:N')")
        if self.dtype not in _DTYPES:
            raise ConfigError(f"dtype={self.dtype!r} is not one of {list(_DTYPES)}")
        for name in ("max_batch_size", "chunk_rows", "max_chars", "max_chunk_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name}={value!r} must be a positive int")
        if self.max_batch_tokens is not None and (
            not isinstance(self.max_batch_tokens, int) or self.max_batch_tokens < 512
        ):
            raise ConfigError(
                f"max_batch_tokens={self.max_batch_tokens!r} must be None or an int >= 512 "
                "(one full window of 512 tokens has to fit)"
            )
        if not isinstance(self.compile, bool):
            raise ConfigError(f"compile={self.compile!r} must be True or False")
        if self.num_threads is not None and (not isinstance(self.num_threads, int) or self.num_threads < 1):
            raise ConfigError(f"num_threads={self.num_threads!r} must be None or a positive int")

    def batch_tokens_for(self, device_type: str) -> int:
        """The token budget to use on a device type (``cpu``, ``cuda``, ``mps``)."""
        if self.max_batch_tokens is not None:
            return self.max_batch_tokens
        return 2048 if device_type == "cpu" else 32768

    def with_(self, **changes: object) -> RuntimeConfig:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]
