"""A head: a small trained layer (logistic or MLP) over the shared sentence embeddings.

A head knows its labels, whether they are exclusive (softmax) or independent (sigmoid, multi-label),
its calibration temperature and, for multi-label heads, one decision threshold per label. It is
saved as ``head.safetensors`` (weights) + ``head.json`` (everything else) + ``README.md`` (its card).

Example:
    >>> import numpy as np
    >>> head = Head(name="demo", labels=("no", "yes"), layers=[(np.eye(2, dtype=np.float32), np.zeros(2, np.float32))])
    >>> head.predict_proba(np.array([[2.0, 0.0]])).astype(float).round(3).tolist()
    [[0.881, 0.119]]
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Head", "softmax", "sigmoid", "FORMAT_VERSION"]

logger = logging.getLogger(__name__)
FORMAT_VERSION = 1


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise, numerically stable softmax."""
    import numpy as np

    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Element-wise logistic function, stable for large |z|."""
    import numpy as np

    return 0.5 * (1.0 + np.tanh(0.5 * z))


@dataclass
class Head:
    """A trained head. ``layers`` are ``(W, b)`` pairs with ``W`` shaped ``(in, out)``; ReLU between layers.

    Attributes:
        name: the head's name; a Pipeline writes its columns under it (``sentiment``, ``intent``, ``effort``).
        labels: output labels, in the order of the last layer's units.
        layers: the weights.
        multi_label: independent sigmoid per label (True) or one softmax over labels (False).
        temperature: logits are divided by it before the softmax/sigmoid (a scalar, or one per label).
        thresholds: per-label decision thresholds (multi-label heads); a label is "on" at or above it.
        meta: card facts saved with the head (training data, metrics, date, encoder).
    """

    name: str
    labels: tuple[str, ...]
    layers: list[tuple[Any, Any]]
    multi_label: bool = False
    temperature: Any = 1.0
    thresholds: dict[str, float] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        import numpy as np

        self.labels = tuple(self.labels)
        if not self.layers:
            raise ConfigError("a head needs at least one (W, b) layer")
        self.layers = [(np.asarray(w, dtype=np.float32), np.asarray(b, dtype=np.float32)) for w, b in self.layers]
        if self.layers[-1][0].shape[1] != len(self.labels):
            raise ConfigError(
                f"head {self.name!r}: last layer has {self.layers[-1][0].shape[1]} outputs "
                f"for {len(self.labels)} labels"
            )
        if self.thresholds is not None:
            unknown = set(self.thresholds) - set(self.labels)
            if unknown:
                raise ConfigError(f"thresholds for unknown labels {sorted(unknown)}; labels are {list(self.labels)}")

    @property
    def dim(self) -> int:
        """The embedding size the head expects."""
        return int(self.layers[0][0].shape[0])

    # ---- inference -------------------------------------------------------------------------
    def logits(self, embeddings: np.ndarray) -> np.ndarray:
        """Raw scores before calibration, ``(n, len(labels))``."""
        import numpy as np

        x = np.asarray(embeddings, dtype=np.float32)
        if x.ndim != 2 or x.shape[1] != self.dim:
            raise InputError(
                f"head {self.name!r} expects embeddings shaped (n, {self.dim}); got {x.shape}. "
                "Embed texts with vocnlp.embed (the same encoder the head was trained on)."
            )
        for i, (w, b) in enumerate(self.layers):
            x = x @ w + b
            if i < len(self.layers) - 1:
                x = np.maximum(x, 0.0)
        return x

    def predict_proba(self, embeddings: np.ndarray) -> np.ndarray:
        """Calibrated probabilities ``(n, len(labels))``: rows sum to 1 unless the head is multi-label."""
        import numpy as np

        z = self.logits(embeddings) / np.asarray(self.temperature, dtype=np.float32)
        return sigmoid(z) if self.multi_label else softmax(z)

    def predict(self, embeddings: np.ndarray) -> list[Any]:
        """The top label per row; for a multi-label head, the list of labels at or above their thresholds."""
        proba = self.predict_proba(embeddings)
        if not self.multi_label:
            return [self.labels[j] for j in proba.argmax(axis=1)]
        return [self.active_labels(row) for row in proba]

    def active_labels(self, row: Sequence[float]) -> list[str]:
        """Labels whose probability is at or above their threshold, most probable first."""
        th = self.thresholds or {}
        on = [(p, lab) for lab, p in zip(self.labels, row) if p >= th.get(lab, 0.5)]
        return [lab for _, lab in sorted(on, key=lambda t: -t[0])]

    # ---- persistence -----------------------------------------------------------------------
    def save(self, path: str | Path, *, card: str | None = None) -> Path:
        """Write ``head.safetensors``, ``head.json`` and a ``README.md`` card into the folder ``path``."""
        import numpy as np
        from safetensors.numpy import save_file

        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        tensors: dict[str, np.ndarray] = {}
        for i, (w, b) in enumerate(self.layers):
            tensors[f"layers.{i}.weight"] = np.ascontiguousarray(w)
            tensors[f"layers.{i}.bias"] = np.ascontiguousarray(b)
        save_file(tensors, str(folder / "head.safetensors"))
        temperature = np.asarray(self.temperature, dtype=np.float64)
        config = {
            "format_version": FORMAT_VERSION,
            "name": self.name,
            "labels": list(self.labels),
            "multi_label": self.multi_label,
            "n_layers": len(self.layers),
            "dim": self.dim,
            "temperature": temperature.tolist(),
            "thresholds": self.thresholds,
            "meta": self.meta,
        }
        (folder / "head.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (folder / "README.md").write_text(card or self.default_card(), encoding="utf-8")
        return folder

    @classmethod
    def load(cls, path: str | Path) -> Head:
        """Read a head saved with :meth:`save` (or a packaged head folder)."""
        import numpy as np
        from safetensors.numpy import load_file

        folder = Path(path)
        if not (folder / "head.json").is_file():
            raise InputError(f"{folder} is not a saved head: it has no head.json (save one with Head.save)")
        config = json.loads((folder / "head.json").read_text(encoding="utf-8"))
        if config.get("format_version", 0) > FORMAT_VERSION:
            raise ConfigError(
                f"{folder} was saved by a newer vocnlp (format {config['format_version']}); upgrade vocnlp"
            )
        tensors = load_file(str(folder / "head.safetensors"))
        layers = [(tensors[f"layers.{i}.weight"], tensors[f"layers.{i}.bias"]) for i in range(config["n_layers"])]
        temperature = np.asarray(config["temperature"], dtype=np.float32)
        return cls(
            name=config["name"],
            labels=tuple(config["labels"]),
            layers=layers,
            multi_label=bool(config["multi_label"]),
            temperature=float(temperature) if temperature.ndim == 0 else temperature,
            thresholds=config.get("thresholds"),
            meta=config.get("meta", {}),
        )

    def default_card(self) -> str:
        """A short card from ``meta`` for heads users train themselves."""
        lines = [
            f"# Head: {self.name}",
            "",
            f"- labels: {', '.join(self.labels)} ({'multi-label' if self.multi_label else 'one label per text'})",
            f"- layers: {len(self.layers)} over {self.dim}-d embeddings",
        ]
        lines += [f"- {k}: {v}" for k, v in self.meta.items() if not isinstance(v, (dict, list))]
        return "\n".join(lines) + "\n"
