from __future__ import annotations

import pytest

from vocnlp.errors import ROW_ERRORS, ConfigError, row_error
from vocnlp.textcheck import check_text, merge_status


@pytest.mark.parametrize(("value", "status", "code"), [
    (None, "error", "V102"), (float("nan"), "error", "V102"), (42, "error", "V102"), ("", "error", "V101"),
    ("  \n\t ", "error", "V101"), ("a\udc80b", "warning", "V104"), ("nul\x00x", "warning", "V105"),
    (b"\xff\xfeok", "warning", "V104"), ("x" * 101, "warning", "V103"), ("fine", "ok", None),
])
def test_check_text_flags(value: object, status: str, code: str | None) -> None:
    checked = check_text(value, max_chars=100)
    assert checked.status == status
    if code is None:
        assert checked.error is None
    else:
        assert checked.error is not None and code in checked.error


def test_cleaned_text_is_usable() -> None:
    assert check_text("a\udc80b").text == "a\ufffdb"
    assert check_text("nul\x00x").text == "nul x"
    assert check_text("x" * 150, max_chars=100).text == "x" * 100
    assert check_text(b"caf\xc3\xa9").text == "café"


def test_merge_status_takes_the_worst() -> None:
    assert merge_status("ok", "warning") == "warning"
    assert merge_status("warning", "error", "ok") == "error"


def test_row_error_codes() -> None:
    assert row_error("V101") == "V101 empty_text"
    assert set(ROW_ERRORS) >= {"V101", "V102", "V103", "V104", "V201", "V500"}
    with pytest.raises(ConfigError):
        row_error("V999")


def test_line_breaks_an_export_wrote_out_are_restored(shared_data) -> None:  # type: ignore[no-untyped-def]
    # 102 of the 300 real ASAP reviews carry their line breaks as the characters "\\n": they glued sentences
    # for the clause splitter and showed in the report's examples
    import re

    import pandas as pd

    texts = pd.read_csv(shared_data / "themes_asap_zh_sample" / "data.csv")["text"].tolist()
    escaped = [t for t in texts if "\\n" in t or "\\\\r" in t]
    assert len(escaped) >= 100
    for t in texts:
        checked = check_text(t)
        assert "\\n" not in (checked.text or "") and "\\\\r" not in (checked.text or "")
        assert (checked.status == "warning" and "V106" in (checked.error or "")) == (t in escaped)
        # nothing else changes: the text without its line breaks is the input without its escapes
        assert (checked.text or "").replace("\n", "") == re.sub(r"\\{2}(?:r|n)", "", t)
    assert check_text("Great.\\nThe staff\\r\\nwere kind").text == "Great.\nThe staff\nwere kind"
    # a backslash path keeps its "\n" before a lower-case letter
    assert check_text("logs are in C:\\names\\nvidia").text == "logs are in C:\\names\\nvidia"
