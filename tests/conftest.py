"""Shared fixtures: paths to ../shared/data, the nasty-input list, offline hub settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # tests never wait on the network

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("VOCNLP_SHARED_DATA", ROOT.parent / "shared" / "data"))

#: inputs every stage must survive (STYLE.md): the row is flagged, the batch goes on
NASTY: list[object] = [
    None, "", "   ", "\n\t", "😀👍🎉", "12345", "!!!???", "x" * 200_000, "a\udc80b lone surrogate",
    "nul\x00inside", "שירות מעולה, תודה רבה", "خدمة ممتازة", float("nan"), 42, b"bytes \xff\xfe",
    "Great support!", "Świetna obsługa", "很好",
]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"../shared/data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def langid_rows(shared_data: Path) -> list[dict[str, str]]:
    import csv

    path = shared_data / "langid_lingua_sentences" / "lingua_sentences_target13.csv"
    return list(csv.DictReader(path.open(encoding="utf-8")))


@pytest.fixture(scope="session")
def nasty() -> list[object]:
    return list(NASTY)
