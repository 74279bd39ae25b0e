"""Property tests (hypothesis): whatever the input, rows keep their number and order, every row has a status,
and only documented caller errors escape (pipeline, CSV/JSONL/Parquet readers, driver analysis)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vocnlp.errors import VocnlpError
from vocnlp.io import read_batches, read_table
from vocnlp.pipeline import Pipeline

pytestmark = pytest.mark.slow

NASTY = ["\u200b", "\u200f", "\u202e", "\ufeff", "\x00", "\x1b", "\r", "\n", "\t", "\ud800", "\udfff", "ש", "ع",
         "👍", "\U0001f3fd", "\u0301", "\u0337", "\ufdfd", "\uffff", ",", ";", '"', "|"]
NASTY_CHARS = st.sampled_from(NASTY)
TEXT = st.one_of(st.text(max_size=80), st.text(alphabet=NASTY, max_size=20),
                 st.lists(st.one_of(st.text(max_size=10), NASTY_CHARS, st.just("👍🏽 RTL \u202e txt")), max_size=12).map("".join))
VALUE = st.one_of(TEXT, st.none(), st.just(float("nan")), st.integers(), st.floats(), st.just(b"bytes"),
                  st.just(["a", "list"]))
FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default(device="cpu", redact=True, pii=True)


@FUZZ
@given(values=st.lists(VALUE, max_size=8), data=st.data())
def test_pipeline_keeps_every_row(nlp: Pipeline, values: list[object], data: st.DataObject) -> None:
    ids = data.draw(st.lists(st.integers(0, 2), min_size=len(values), max_size=len(values)))   # duplicate ids
    df = pd.DataFrame({"id": ids, "pos": range(len(values)), "text": pd.Series(values, dtype=object)})
    out = nlp.run(df, text_col="text")
    assert out["pos"].tolist() == list(range(len(values))) and out["id"].tolist() == ids
    assert out["status"].isin(["ok", "warning", "error"]).all()
    for value, status, err in zip(values, out["status"], out["error"]):
        if isinstance(value, bytes):          # decoded as UTF-8 (documented), so it may be a fine comment
            continue
        if not isinstance(value, str) or not value.strip():
            assert status == "error" and err, (value, status, err)
        elif status != "ok":
            assert err, (value, status)       # every flag says why


def test_pipeline_one_megabyte_comment(nlp: Pipeline) -> None:
    big = ("The parcel was late and nobody answered. " * 26_000)[:1_000_000]
    out = nlp.run(pd.DataFrame({"text": [big, "fine"]}), text_col="text")
    assert out["status"].tolist()[1] == "ok"
    assert out["status"][0] in ("warning", "error") and "V10" in out["error"][0]   # truncated/windowed: flagged


@FUZZ
@given(texts=st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=40), min_size=1,
                      max_size=12),
       delimiter=st.sampled_from([",", ";", "\t", "|"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_csv_round_trip(tmp_path: Path, texts: list[str], delimiter: str, encoding: str) -> None:
    path = tmp_path / "x.csv"
    pd.DataFrame({"id": range(len(texts)), "comment": texts}).to_csv(path, sep=delimiter, index=False, encoding=encoding)
    got = read_table(path, text_cols=["comment"])
    # pandas writes "\r" inside quotes, reads it back; a lone empty string stays an empty string
    assert got["comment"].tolist() == texts
    assert pd.concat(list(read_batches(path, rows=5, text_cols=["comment"])))["comment"].tolist() == texts


@FUZZ
@given(blob=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".jsonl", ".parquet", ".tsv"]))
def test_readers_on_garbage_raise_cleanly(tmp_path: Path, blob: bytes, suffix: str) -> None:
    path = tmp_path / f"g{suffix}"
    path.write_bytes(blob)
    try:
        for _ in read_batches(path, rows=10):
            pass
    except VocnlpError as exc:
        # a corrupt file is the caller's to fix: the error names it
        assert str(path) in str(exc), exc


@FUZZ
@given(scores=st.lists(st.one_of(st.integers(-5, 15), st.floats(allow_nan=True, allow_infinity=True), st.none(),
                                 st.just("ten")), min_size=0, max_size=60),
       seed=st.integers(0, 3))
def test_drivers_never_drop_or_invent_rows(scores: list[object], seed: int) -> None:
    from vocnlp.drivers import analyze_drivers

    rng = np.random.default_rng(seed)
    themes = [list(rng.choice([0, 1, 2], size=rng.integers(0, 3), replace=False)) for _ in scores]
    df = pd.DataFrame({"nps": pd.Series(scores, dtype=object), "themes": themes, "sentiment": "negative"})
    try:
        rep = analyze_drivers(df, score_col="nps", min_theme_n=1, n_boot=50, n_perm=50)
    except VocnlpError:
        return                                         # documented: too few valid rows, told how to fix
    valid = [isinstance(s, (int, float)) and not isinstance(s, bool) and math.isfinite(s) and 0 <= s <= 10
             and float(s).is_integer() for s in scores]
    assert set(rep.invalid_rows) == {i for i, ok in enumerate(valid) if not ok}
