"""Exceptions, warnings and the row-level error codes of vocnlp.

Caller mistakes raise at once; problems inside one row of data never raise:
they become a coded message in the row's ``error`` column (see :data:`ROW_ERRORS`).

Example:
    >>> from vocnlp.errors import InputError, row_error
    >>> row_error("V101", "text is empty")
    'V101 empty_text: text is empty'
"""

from __future__ import annotations

__all__ = [
    "VocnlpError",
    "InputError",
    "ConfigError",
    "OutputError",
    "ModelNotFoundError",
    "MissingDependencyError",
    "NotFittedError",
    "ROW_ERRORS",
    "row_error",
]


class VocnlpError(Exception):
    """Base class of every exception vocnlp raises on purpose."""


class InputError(VocnlpError, TypeError):
    """The caller passed the wrong thing (missing column, wrong type)."""


class ConfigError(VocnlpError, ValueError):
    """An option has a value outside the allowed ones."""


class OutputError(VocnlpError, OSError):
    """An output cannot be written (read-only folder, disk full, another job holds it)."""


class ModelNotFoundError(VocnlpError, KeyError):
    """An unknown model name, or a model whose weights cannot be found."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class MissingDependencyError(VocnlpError, ImportError):
    """An optional dependency is not installed; the message names the extra."""


class NotFittedError(VocnlpError, ValueError, AttributeError):
    """A learned attribute was used before ``fit``."""


#: Row-level error codes: code -> (slug, meaning). One table, documented in the README.
ROW_ERRORS: dict[str, tuple[str, str]] = {
    "V101": ("empty_text", "the text is empty or whitespace only"),
    "V102": ("not_a_string", "the value is None, NaN or not a string"),
    "V103": ("too_long_truncated", "the text is longer than the limit and was truncated or windowed"),
    "V104": ("invalid_unicode", "the text holds lone surrogates or undecodable bytes; they were replaced"),
    "V105": ("control_characters", "NUL or other control characters were removed"),
    "V106": ("escaped_line_breaks", "line breaks written as the characters \\n (an export's escapes) were restored"),
    "V201": ("language_undetermined", "no language could be decided (no letters, or too unsure)"),
    "V500": ("stage_failed", "a pipeline stage raised on this row; the other rows went on"),
}


def row_error(code: str, detail: str = "") -> str:
    """Format a coded row message: ``'V101 empty_text: <detail>'``.

    Example:
        >>> row_error("V500", "langid")
        'V500 stage_failed: langid'
    """
    if code not in ROW_ERRORS:
        raise ConfigError(f"unknown row error code {code!r}; known: {sorted(ROW_ERRORS)}")
    slug = ROW_ERRORS[code][0]
    return f"{code} {slug}: {detail}" if detail else f"{code} {slug}"
