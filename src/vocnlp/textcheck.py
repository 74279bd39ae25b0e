"""Row-level validation of input texts: clean what can be cleaned, flag what is wrong, never drop.

Example:
    >>> check_text("  ").status, check_text("  ").error
    ('error', 'V101 empty_text: the text is empty or whitespace only')
    >>> check_text(None).error
    'V102 not_a_string: got NoneType'
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .errors import row_error

__all__ = ["CheckedText", "check_text", "STATUS_OK", "STATUS_WARNING", "STATUS_ERROR", "merge_status"]

STATUS_OK, STATUS_WARNING, STATUS_ERROR = "ok", "warning", "error"
_RANK = {STATUS_OK: 0, STATUS_WARNING: 1, STATUS_ERROR: 2}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: a line break an export wrote out as a backslash and "n" (or "r" and "n"; ASAP's reviews have two
#: backslashes): with two or more backslashes always; with one, not before a lower-case letter, so that a
#: path such as C:/names written with a backslash stays as it is
_ESCAPED_BREAK = re.compile(r"\\{2,}(?:r\\+n|r|n)|\\r\\n|\\n(?![a-z])")


@dataclass(frozen=True)
class CheckedText:
    """The text to process (``None`` when nothing usable is left), and the row's status and messages."""

    text: str | None
    status: str
    errors: tuple[str, ...] = ()

    @property
    def error(self) -> str | None:
        return "; ".join(self.errors) if self.errors else None


def merge_status(*statuses: str) -> str:
    """The worst of several statuses (error > warning > ok)."""
    return max(statuses, key=_RANK.__getitem__)


def check_text(value: object, *, max_chars: int = 100_000) -> CheckedText:
    """Validate one cell of the text column.

    * None, NaN and non-strings: ``error`` V102 (bytes are decoded as UTF-8 when they can be, with V104).
    * lone surrogates / undecodable bytes: replaced by U+FFFD, ``warning`` V104.
    * NUL and other control characters: removed, ``warning`` V105.
    * line breaks written as the characters ``\\n`` (or ``\\\\n``, ``\\r\\n``) by an export: made line breaks,
      ``warning`` V106 (one backslash before a lower-case letter is left alone: ``C:\\names``).
    * empty or whitespace only: ``error`` V101.
    * longer than ``max_chars``: cut there, ``warning`` V103.
    """
    errors: list[str] = []
    status = STATUS_OK
    if isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("utf-8", errors="replace")
            errors.append(row_error("V104", "bytes were not valid UTF-8; bad bytes replaced"))
            status = STATUS_WARNING
    if not isinstance(value, str):
        if isinstance(value, float) and math.isnan(value):
            return CheckedText(None, STATUS_ERROR, (row_error("V102", "got NaN (missing value)"),))
        return CheckedText(None, STATUS_ERROR, (row_error("V102", f"got {type(value).__name__}"),))
    # a str subclass (numpy.str_ from an array of strings) becomes a plain str: some stages compare
    # types exactly, and an array of strings once skipped clause sentiment without a word
    text = value if type(value) is str else str.__str__(value)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
        errors.append(row_error("V104", "lone surrogates replaced by U+FFFD"))
        status = STATUS_WARNING
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
        errors.append(row_error("V105", "control characters replaced by spaces"))
        status = STATUS_WARNING
    if "\\" in text and _ESCAPED_BREAK.search(text):
        # real reviews (ASAP: 102 of 300) carry their line breaks as the characters "\\n": they glued
        # sentences together for the clause splitter and showed in the report's examples
        text = _ESCAPED_BREAK.sub("\n", text)
        errors.append(row_error("V106", "line breaks written as \\n restored"))
        status = STATUS_WARNING
    if not text.strip():
        errors.append(row_error("V101", "the text is empty or whitespace only"))
        return CheckedText(None, STATUS_ERROR, tuple(errors))
    if len(text) > max_chars:
        errors.append(row_error("V103", f"{len(text):,} characters; cut to the first {max_chars:,}"))
        text = text[:max_chars]
        status = STATUS_WARNING
    return CheckedText(text, status, tuple(errors))
