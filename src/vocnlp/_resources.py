"""Where the files that ship with vocnlp live (model cards, trained heads, their training data).

In a wheel they are inside the package (``vocnlp/models``); in a source checkout or an editable
install they are in the repository's ``models/`` folder.

Example:
    >>> (packaged_models_dir() / "README.md").is_file()
    True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["packaged_models_dir"]


def packaged_models_dir() -> Path:
    """The ``models`` folder that ships with this install."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "models", here.parents[1] / "models"):
        if (candidate / "README.md").is_file():
            return candidate
    raise FileNotFoundError(
        f"vocnlp's models folder is missing (looked in {here / 'models'} and "
        f"{here.parents[1] / 'models'}); reinstall vocnlp"
    )
