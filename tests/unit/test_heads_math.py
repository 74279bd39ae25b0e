"""Heads without a model: forward pass, persistence, calibration, thresholds, fitting, clause blending."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from vocnlp.errors import ConfigError, InputError, ModelNotFoundError
from vocnlp.heads import Head, fit_head, load_head
from vocnlp.heads.calibration import (
    expected_calibration_error,
    fit_label_temperatures,
    fit_temperature,
    precision_threshold,
)
from vocnlp.heads.sentiment import aggregate_sentiment


def _blobs(n_per: int = 60, dim: int = 16, k: int = 3, seed: int = 0, spread: float = 0.6) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(k, dim))
    x = np.concatenate([c + spread * rng.normal(size=(n_per, dim)) for c in centers])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x.astype(np.float32), [f"c{j}" for j in range(k) for _ in range(n_per)]


def test_forward_pass_matches_numpy_mlp() -> None:
    rng = np.random.default_rng(1)
    w1, b1, w2, b2 = rng.normal(size=(8, 5)), rng.normal(size=5), rng.normal(size=(5, 3)), rng.normal(size=3)
    head = Head(name="t", labels=("a", "b", "c"), layers=[(w1, b1), (w2, b2)], temperature=2.0)
    x = rng.normal(size=(4, 8))
    z = (np.maximum(x @ w1 + b1, 0) @ w2 + b2) / 2.0
    expected = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    np.testing.assert_allclose(head.predict_proba(x), expected, rtol=1e-5)
    assert head.predict(x) == [("a", "b", "c")[j] for j in expected.argmax(1)]


def test_head_rejects_wrong_shapes() -> None:
    head = Head(name="t", labels=("a", "b"), layers=[(np.zeros((4, 2)), np.zeros(2))])
    with pytest.raises(InputError, match=r"expects embeddings shaped \(n, 4\)"):
        head.predict_proba(np.zeros((3, 5)))
    with pytest.raises(ConfigError, match="3 labels"):
        Head(name="t", labels=("a", "b", "c"), layers=[(np.zeros((4, 2)), np.zeros(2))])
    with pytest.raises(ConfigError, match="unknown labels"):
        Head(name="t", labels=("a", "b"), layers=[(np.zeros((4, 2)), np.zeros(2))], multi_label=True,
             thresholds={"z": 0.5})


def test_save_load_round_trip(tmp_path: Path) -> None:
    rng = np.random.default_rng(2)
    head = Head(name="goal", labels=("x", "y", "z"), layers=[(rng.normal(size=(6, 3)), rng.normal(size=3))],
                multi_label=True, temperature=np.array([1.0, 2.0, 0.5]), thresholds={"x": 0.6, "y": 0.7, "z": 0.9},
                meta={"note": "test"})
    head.save(tmp_path / "h")
    assert {p.name for p in (tmp_path / "h").iterdir()} == {"head.json", "head.safetensors", "README.md"}
    back = load_head(tmp_path / "h")
    x = rng.normal(size=(5, 6))
    np.testing.assert_allclose(back.predict_proba(x), head.predict_proba(x), rtol=1e-6)
    assert back.thresholds == head.thresholds and back.meta["note"] == "test" and back.multi_label


def test_load_head_unknown_name_lists_shipped() -> None:
    with pytest.raises(ModelNotFoundError, match=r"shipped heads are \['intent', 'sentiment'\]"):
        load_head("no-such-head")


def test_active_labels_use_thresholds_and_sort() -> None:
    head = Head(name="t", labels=("a", "b", "c"), layers=[(np.eye(3), np.zeros(3))], multi_label=True,
                thresholds={"a": 0.9, "b": 0.5, "c": 0.5})
    assert head.active_labels([0.8, 0.6, 0.7]) == ["c", "b"]
    assert head.active_labels([0.1, 0.2, 0.3]) == []


def test_fit_temperature_recovers_known_scale() -> None:
    rng = np.random.default_rng(3)
    true_logits = rng.normal(scale=2.0, size=(4000, 3))
    p = np.exp(true_logits) / np.exp(true_logits).sum(1, keepdims=True)
    y = np.array([rng.choice(3, p=row) for row in p])
    assert fit_temperature(true_logits * 3.0, y) == pytest.approx(3.0, rel=0.1)
    assert fit_temperature(true_logits / 2.0, y) == pytest.approx(0.5, rel=0.1)


def test_label_temperatures_one_per_column() -> None:
    rng = np.random.default_rng(4)
    z = rng.normal(scale=3.0, size=(5000, 2))
    y = (rng.random(z.shape) < 1 / (1 + np.exp(-z))).astype(int)
    t = fit_label_temperatures(z * np.array([2.0, 0.5]), y)
    np.testing.assert_allclose(t, [2.0, 0.5], rtol=0.12)


def test_ece_zero_when_calibrated_and_large_when_not() -> None:
    assert expected_calibration_error(np.array([[0.7, 0.3]] * 10), np.array([0] * 7 + [1] * 3)) == 0.0
    assert expected_calibration_error(np.array([[0.99, 0.01]] * 10), np.array([0] * 5 + [1] * 5)) == pytest.approx(0.49)
    assert expected_calibration_error(np.array([0.8] * 10), np.array([1] * 8 + [0] * 2)) == pytest.approx(0.0)


def test_precision_threshold() -> None:
    scores = np.array([0.99, 0.95, 0.9, 0.85, 0.8, 0.7, 0.65, 0.6])
    y = np.array([1, 1, 1, 1, 0, 1, 0, 0])
    assert precision_threshold(scores, y, target=0.8, min_support=2) == 0.7   # 5/6 at 0.7
    assert precision_threshold(scores, y, target=1.0, min_support=2) == 0.85
    assert precision_threshold(np.array([0.2, 0.3]), np.array([1, 0])) == 0.5  # never below the floor


def test_fit_head_softmax_is_accurate_and_calibrated() -> None:
    x, y = _blobs(seed=5)
    xt, yt = _blobs(seed=5, n_per=200)
    head = fit_head(x, y, name="blob")
    pred = np.array(head.predict(xt))
    assert head.meta["kind"] == "logistic" and (pred == np.array(yt)).mean() > 0.95
    proba = head.predict_proba(xt)
    assert expected_calibration_error(proba, np.array([head.labels.index(v) for v in yt])) < 0.08


def test_fit_head_few_examples_uses_centroids() -> None:
    x, y = _blobs(n_per=3, seed=6, spread=0.3)
    head = fit_head(x, y, name="few")
    assert head.meta["kind"] == "centroid"
    assert head.predict(x) == y


def test_fit_head_multi_label_thresholds() -> None:
    x, y = _blobs(n_per=80, k=3, seed=7)
    labels = [[lab] if lab != "c2" else ["c2", "c1"] for lab in y]  # c1 is on for c1 and c2
    head = fit_head(x, labels, multi_label=True, name="ml")
    assert head.multi_label and set(head.thresholds) == {"c0", "c1", "c2"}
    assert all(0.5 <= t <= 1 for t in head.thresholds.values())
    got = head.predict(x)
    assert np.mean([set(g) == set(lab) for g, lab in zip(got, labels)]) > 0.9


def test_fit_head_caller_mistakes() -> None:
    x, _ = _blobs()
    with pytest.raises(InputError, match="one embedding row per label"):
        fit_head(x, ["a"] * 3)
    with pytest.raises(InputError, match="at least two labels"):
        fit_head(x, ["a"] * len(x))
    with pytest.raises(InputError, match="non-empty strings"):
        fit_head(x, [None] * len(x))
    with pytest.raises(InputError, match="list of label strings"):
        fit_head(x, [1] * len(x), multi_label=True)
    with pytest.raises(ConfigError, match="kind="):
        fit_head(x, ["a", "b"] * (len(x) // 2), kind="forest")


def test_fit_head_is_deterministic() -> None:
    x, y = _blobs(seed=8)
    a, b = fit_head(x, y), fit_head(x, y)
    np.testing.assert_array_equal(a.layers[0][0], b.layers[0][0])
    assert a.temperature == b.temperature


def test_aggregate_sentiment() -> None:
    doc = np.array([0.1, 0.8, 0.1])
    one = aggregate_sentiment(doc, doc[None])
    assert one[0] is doc and one[1] is False
    parts = np.array([[0.02, 0.03, 0.95], [0.9, 0.05, 0.05]])
    p, mixed = aggregate_sentiment(doc, parts, doc_weight=0.3, mixed_at=0.5)
    assert mixed and p.sum() == pytest.approx(1.0)
    neutral_filler = np.array([[0.05, 0.9, 0.05]] * 4 + [[0.95, 0.04, 0.01]])
    p, mixed = aggregate_sentiment(doc, neutral_filler, doc_weight=0.3)
    assert p.argmax() == 0 and not mixed   # one strong complaint among neutral sentences
