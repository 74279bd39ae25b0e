"""vocnlp: Voice-of-the-Customer text analytics (language, sentiment, themes, NPS drivers), offline.

Importing vocnlp loads no heavy library: torch, transformers, pandas and friends are imported
inside the functions that need them.

Example:
    >>> import vocnlp
    >>> nlp = vocnlp.Pipeline.default()                        # doctest: +SKIP
    >>> out = nlp.run(df, text_col="comment")                  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .config import RuntimeConfig
from .errors import (
    ConfigError,
    InputError,
    MissingDependencyError,
    ModelNotFoundError,
    NotFittedError,
    OutputError,
    VocnlpError,
)

if TYPE_CHECKING:
    from .drivers import DriverReport, alerts, analyze_drivers
    from .encoders import embed
    from .heads import Head, load_head, train_head, zero_shot_head
    from .langid import LanguageDetector, LanguageGuess, detect_languages
    from .pipeline import Pipeline
    from .themes import ThemeModel

__all__ = [
    "__version__",
    "Pipeline",
    "RuntimeConfig",
    "embed",
    "detect_languages",
    "LanguageGuess",
    "LanguageDetector",
    "Head",
    "load_head",
    "train_head",
    "zero_shot_head",
    "ThemeModel",
    "analyze_drivers",
    "DriverReport",
    "alerts",
    "redact",
    "VocnlpError",
    "InputError",
    "ConfigError",
    "ModelNotFoundError",
    "MissingDependencyError",
    "NotFittedError",
    "OutputError",
]

_LAZY = {
    "Pipeline": ("vocnlp.pipeline", "Pipeline"),
    "embed": ("vocnlp.encoders", "embed"),
    "detect_languages": ("vocnlp.langid", "detect_languages"),
    "LanguageGuess": ("vocnlp.langid", "LanguageGuess"),
    "LanguageDetector": ("vocnlp.langid", "LanguageDetector"),
    "Head": ("vocnlp.heads", "Head"),
    "load_head": ("vocnlp.heads", "load_head"),
    "train_head": ("vocnlp.heads", "train_head"),
    "zero_shot_head": ("vocnlp.heads", "zero_shot_head"),
    "ThemeModel": ("vocnlp.themes", "ThemeModel"),
    "analyze_drivers": ("vocnlp.drivers", "analyze_drivers"),
    "DriverReport": ("vocnlp.drivers", "DriverReport"),
    "alerts": ("vocnlp.drivers", "alerts"),
    "redact": ("vocnlp.pii", "redact"),
}


#: submodules reachable as attributes without importing them first (``vocnlp.io.load_sample()``)
_SUBMODULES = (
    "io",
    "jobs",
    "heads",
    "themes",
    "drivers",
    "report",
    "clauses",
    "catalog",
    "encoders",
    "pii",
    "integrations",
)


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"vocnlp.{name}")
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'vocnlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
