"""Quiet third-party chatter inside vocnlp's own calls, and only there.

transformers draws a "Loading weights" progress bar on every model load and BERTopic warns on every save
that no embedding model is saved (vocnlp keeps its own encoder on purpose). These context managers turn
that off for the duration of our call and restore the caller's settings afterwards: nothing global is
changed at import, and a user's own transformers or BERTopic calls keep their output.

Example:
    >>> with quiet_logger("BERTopic"):
    ...     pass
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["quiet_logger", "quiet_transformers"]


@contextmanager
def quiet_logger(name: str, level: int = logging.ERROR) -> Iterator[None]:
    """Messages of logger ``name`` below ``level`` are dropped inside the block."""
    log = logging.getLogger(name)
    before = log.level
    log.setLevel(max(level, before))
    try:
        yield
    finally:
        log.setLevel(before)


@contextmanager
def quiet_transformers() -> Iterator[None]:
    """No progress bars and no warnings from transformers inside the block (the caller's settings after)."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        yield
        return
    bars = hf_logging.is_progress_bar_enabled()
    verbosity = hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
