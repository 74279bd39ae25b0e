"""Training heads: your own labels from a few examples, from label descriptions, or from a full data set.

``train_head`` fits a logistic model (or a small MLP) on the shared embeddings, calibrates it with
temperature scaling on out-of-fold predictions, and, for multi-label heads, picks each label's
threshold on those same out-of-fold predictions. With fewer than ``min_per_label`` examples for some
label it fits a prototype (centroid) head instead. ``zero_shot_head`` needs no examples at all.

Example:
    >>> head = vocnlp.train_head(["Way too expensive", "Price went up again", "Cheap and cheerful",
    ...                           "Staff were kind", "Quick delivery", "The app is slow"] * 2,
    ...                          ["pricing", "pricing", "pricing", "other", "other", "other"] * 2,
    ...                          name="pricing")                                  # doctest: +SKIP
    >>> head.predict(vocnlp.embed(["The subscription costs a fortune"]))          # doctest: +SKIP
    ['pricing']
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError
from .base import Head, sigmoid, softmax
from .calibration import expected_calibration_error, fit_label_temperatures, fit_temperature, precision_threshold

if TYPE_CHECKING:
    import numpy as np

__all__ = ["train_head", "fit_head", "zero_shot_head", "ZERO_SHOT_TEMPERATURE"]

logger = logging.getLogger(__name__)

#: Softmax temperature for cosine similarities of zero-shot heads when no calibration data is given.
#: Fitted on the project's multilingual intent set (benchmarks/heads.py, see models/README.md).
ZERO_SHOT_TEMPERATURE = 0.014
KINDS = ("auto", "logistic", "mlp", "centroid")


def _label_matrix(labels: Sequence[Any], multi_label: bool) -> tuple[tuple[str, ...], np.ndarray]:
    """Validate labels; return the label names and ``y`` (integers, or a 0/1 matrix for multi-label)."""
    import numpy as np

    if multi_label:
        sets: list[list[str]] = []
        for i, lab in enumerate(labels):
            if isinstance(lab, str):
                lab = [lab]
            if not isinstance(lab, (list, tuple, set, frozenset)) or not all(isinstance(x, str) for x in lab):
                raise InputError(
                    f"labels[{i}] = {lab!r}: a multi-label head needs a list of label strings per "
                    "text (an empty list means none applies)"
                )
            sets.append(list(lab))
        names = tuple(sorted({x for s in sets for x in s}))
        y = np.zeros((len(sets), len(names)), dtype=np.int64)
        for i, s in enumerate(sets):
            for lab in s:
                y[i, names.index(lab)] = 1
        return names, y
    bad = [i for i, lab in enumerate(labels) if not isinstance(lab, str) or not lab]
    if bad:
        raise InputError(
            f"labels must be non-empty strings; labels[{bad[0]}] = {labels[bad[0]]!r} "
            "(for several labels per text pass multi_label=True)"
        )
    names = tuple(sorted(set(labels)))
    return names, np.array([names.index(lab) for lab in labels], dtype=np.int64)


def _fit_linear(
    x: np.ndarray,
    y: np.ndarray,
    *,
    multi_label: bool,
    kind: str,
    c: float,
    weight: np.ndarray | None,
    seed: int,
    n_labels: int,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Fit one model; return its layers as ``(W (in, out), b)`` with one output per label."""
    import numpy as np

    if kind == "centroid":
        if multi_label:
            cols = [x[y[:, j] == 1].mean(axis=0) if y[:, j].any() else np.zeros(x.shape[1]) for j in range(n_labels)]
            rest = [
                x[y[:, j] == 0].mean(axis=0) if (y[:, j] == 0).any() else np.zeros(x.shape[1]) for j in range(n_labels)
            ]
            w = np.stack(cols, axis=1) - np.stack(rest, axis=1)
            b = -0.5 * ((np.stack(cols, 1) ** 2).sum(0) - (np.stack(rest, 1) ** 2).sum(0))
            return [(w, b)]
        cent = np.stack([x[y == j].mean(axis=0) for j in range(n_labels)], axis=1)
        cent /= np.linalg.norm(cent, axis=0, keepdims=True)
        return [(cent, np.zeros(n_labels))]
    if kind == "mlp":
        from sklearn.neural_network import MLPClassifier

        model = MLPClassifier(
            hidden_layer_sizes=(256,), alpha=1e-3, max_iter=300, early_stopping=False, random_state=seed
        )
        model.fit(x, y, sample_weight=weight)
        layers = [(w, b) for w, b in zip(model.coefs_, model.intercepts_)]
        if not multi_label and n_labels == 2:
            w, b = layers[-1]
            layers[-1] = (np.concatenate([np.zeros_like(w), w], axis=1), np.concatenate([np.zeros_like(b), b]))
        return layers
    from sklearn.linear_model import LogisticRegression

    if multi_label:
        ws, bs = [], []
        for j in range(n_labels):
            yj = y[:, j]
            if yj.min() == yj.max():  # a label that is always on (or off): a constant output
                ws.append(np.zeros(x.shape[1]))
                bs.append(8.0 if yj[0] else -8.0)
                continue
            m = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=seed)
            m.fit(x, yj, sample_weight=weight)
            ws.append(m.coef_[0])
            bs.append(m.intercept_[0])
        return [(np.stack(ws, axis=1), np.array(bs))]
    m = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=seed)
    m.fit(x, y, sample_weight=weight)
    if n_labels == 2:
        return [(np.stack([np.zeros(x.shape[1]), m.coef_[0]], axis=1), np.array([0.0, m.intercept_[0]]))]
    return [(m.coef_.T, m.intercept_)]


def _raw_logits(layers: list[tuple[np.ndarray, np.ndarray]], x: np.ndarray) -> np.ndarray:
    return Head(name="_", labels=tuple(str(i) for i in range(layers[-1][0].shape[1])), layers=layers).logits(x)


def fit_head(
    embeddings: np.ndarray,
    labels: Sequence[Any],
    *,
    name: str = "custom",
    multi_label: bool = False,
    kind: str = "auto",
    c: float = 4.0,
    sample_weight: Sequence[float] | None = None,
    precision_target: float = 0.8,
    folds: int = 5,
    min_per_label: int = 5,
    seed: int = 0,
    meta: Mapping[str, Any] | None = None,
) -> Head:
    """Fit, calibrate and threshold a head on precomputed embeddings (``train_head`` embeds texts first).

    Calibration (temperature) and thresholds come from out-of-fold predictions, so they are measured
    on examples the model did not see; the returned head is then refitted on all the data.
    """
    import numpy as np
    from sklearn.model_selection import KFold, StratifiedKFold

    if kind not in KINDS:
        raise ConfigError(f"kind={kind!r}; choose one of {KINDS}")
    x = np.asarray(embeddings, dtype=np.float32)
    if x.ndim != 2 or len(x) != len(labels):
        raise InputError(f"need one embedding row per label: embeddings {x.shape}, {len(labels)} labels")
    names, y = _label_matrix(labels, multi_label)
    if len(names) < 2 and not multi_label:
        raise InputError(
            f"a head needs at least two labels; got only {list(names)}. Add examples of the other "
            "case (for a yes/no head, label the rest 'other')."
        )
    weight = None if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    counts = y.sum(axis=0) if multi_label else np.bincount(y, minlength=len(names))
    if kind == "auto":
        kind = "centroid" if counts.min() < min_per_label else "logistic"
    n_folds = int(min(folds, counts.min())) if not multi_label else folds
    oof = None
    if n_folds >= 2 and len(x) >= 2 * n_folds:
        oof = np.zeros((len(x), len(names)))
        splitter = (
            KFold(n_folds, shuffle=True, random_state=seed)
            if multi_label
            else StratifiedKFold(n_folds, shuffle=True, random_state=seed)
        )
        for tr, te in splitter.split(x, y if not multi_label else None):
            w_tr = None if weight is None else weight[tr]
            layers = _fit_linear(
                x[tr], y[tr], multi_label=multi_label, kind=kind, c=c, weight=w_tr, seed=seed, n_labels=len(names)
            )
            oof[te] = _raw_logits(layers, x[te])
    layers = _fit_linear(x, y, multi_label=multi_label, kind=kind, c=c, weight=weight, seed=seed, n_labels=len(names))
    info: dict[str, Any] = {
        "kind": kind,
        "n_train": len(x),
        "trained": date.today().isoformat(),
        "label_counts": {n: int(k) for n, k in zip(names, counts)},
    }
    temperature: Any = 1.0
    thresholds = None
    if oof is None:
        logger.warning("head %r: too few examples for out-of-fold calibration; probabilities are uncalibrated", name)
        if kind == "centroid":
            temperature = ZERO_SHOT_TEMPERATURE
        if multi_label:
            thresholds = {n: 0.5 for n in names}
    elif multi_label:
        temperature = fit_label_temperatures(oof, y)
        proba = sigmoid(oof / temperature)
        thresholds = {
            n: precision_threshold(proba[:, j], y[:, j], target=precision_target) for j, n in enumerate(names)
        }
        info["oof_ece"] = {n: expected_calibration_error(proba[:, j], y[:, j]) for j, n in enumerate(names)}
    else:
        temperature = fit_temperature(oof, y)
        proba = softmax(oof / temperature)
        info["oof_accuracy"] = round(float((proba.argmax(1) == y).mean()), 4)
        info["oof_ece"] = expected_calibration_error(proba, y)
    info.update(meta or {})
    return Head(
        name=name,
        labels=names,
        layers=layers,
        multi_label=multi_label,
        temperature=temperature if np.ndim(temperature) == 0 else np.asarray(temperature, dtype=np.float32),
        thresholds=thresholds,
        meta=info,
    )


def _encoder_identity(backend: str, model: str | None) -> dict[str, str]:
    """The identity of the encoder ``embed`` used (recorded on the head's card, checked by the Pipeline)."""
    from ..encoders import get_encoder
    from ..encoders.identity import identity

    return identity(get_encoder(backend, model).describe())


def train_head(
    texts: Sequence[str],
    labels: Sequence[Any],
    *,
    multi_label: bool = False,
    name: str = "custom",
    kind: str = "auto",
    backend: str = "auto",
    encoder_model: str | None = None,
    seed: int = 0,
    **kwargs: Any,
) -> Head:
    """Train a head on your own labelled texts; the result plugs into ``Pipeline.default(heads={name: head})``.

    Args:
        texts: example texts, any language the encoder covers.
        labels: one label per text, or (``multi_label=True``) a list of labels per text.
        kind: ``auto`` (logistic; centroid below ~5 examples per label), ``logistic``, ``mlp``, ``centroid``.
        backend, encoder_model: the encoder to embed with; it must be the one the Pipeline uses.
    """
    from ..encoders import embed

    if isinstance(texts, str) or not isinstance(texts, Sequence):
        raise InputError(f"texts must be a list of strings, got {type(texts).__name__}")
    if len(texts) != len(labels):
        raise InputError(f"{len(texts)} texts but {len(labels)} labels: give one label per text")
    bad = [i for i, t in enumerate(texts) if not isinstance(t, str) or not t.strip()]
    if bad:
        raise InputError(f"texts[{bad[0]}] = {texts[bad[0]]!r}: training texts must be non-empty strings")
    emb = embed(list(texts), backend=backend, model=encoder_model)
    kwargs["meta"] = {"encoder": _encoder_identity(backend, encoder_model), **(kwargs.get("meta") or {})}
    counts = Counter(lab for labs in labels for lab in ([labs] if isinstance(labs, str) else labs))
    logger.info("training head %r on %d texts: %s", name, len(texts), dict(counts))
    return fit_head(emb, labels, name=name, multi_label=multi_label, kind=kind, seed=seed, **kwargs)


def zero_shot_head(
    descriptions: Mapping[str, str | Sequence[str]],
    *,
    name: str = "custom",
    temperature: float = ZERO_SHOT_TEMPERATURE,
    backend: str = "auto",
    encoder_model: str | None = None,
) -> Head:
    """A head from label descriptions alone: softmax over cosine similarity to each embedded description.

    Give two or more labels (for a yes/no question add a label that describes the rest). Several
    descriptions per label are averaged. The default temperature was fitted on labelled data for
    other labels; pass ``temperature`` from your own held-out examples if you have some.

    Example:
        >>> head = zero_shot_head({"pricing": "The price is too high or the cost went up",
        ...                        "other": "A comment about something other than the price"})  # doctest: +SKIP
    """
    import numpy as np

    from ..encoders import embed

    if len(descriptions) < 2:
        raise InputError("zero_shot_head needs descriptions for at least two labels (describe the rest as 'other')")
    names = tuple(descriptions)
    cols = []
    for lab in names:
        desc = descriptions[lab]
        items = [desc] if isinstance(desc, str) else list(desc)
        if not items or not all(isinstance(d, str) and d.strip() for d in items):
            raise InputError(f"description of {lab!r} must be a non-empty string or list of strings")
        v = embed(items, backend=backend, model=encoder_model).mean(axis=0)
        cols.append(v / np.linalg.norm(v))
    w = np.stack(cols, axis=1)
    return Head(
        name=name,
        labels=names,
        layers=[(w, np.zeros(len(names)))],
        temperature=float(temperature),
        meta={
            "encoder": _encoder_identity(backend, encoder_model),
            "kind": "zero-shot",
            "descriptions": {k: descriptions[k] for k in names},
            "trained": date.today().isoformat(),
        },
    )
