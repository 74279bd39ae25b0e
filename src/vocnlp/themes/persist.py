"""Saving and loading a ThemeModel: safetensors and JSON only (no pickles), with a format version check.

Example:
    >>> save_model(tm, "themes/"); load_model(ThemeModel, "themes/")        # doctest: +SKIP
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..errors import ConfigError, InputError

if TYPE_CHECKING:
    from .model import ThemeModel

__all__ = ["save_model", "load_model", "FORMAT_VERSION"]

FORMAT_VERSION = 1


def save_model(self: ThemeModel, path: str | Path) -> Path:
    """A folder: ``themes.json`` (ids, labels, edits, threshold, versions), ``themes.safetensors``
    (centroids), ``themes.csv`` (the table) and ``bertopic/`` (BERTopic, safetensors, no pickles)."""
    import numpy as np
    from safetensors.numpy import save_file

    self._require_fitted()
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    tensors = {"mean": np.ascontiguousarray(self.mean_), "centroids": np.ascontiguousarray(self.centroids_)}
    tensors["language_basis"] = np.ascontiguousarray(self.language_basis_)
    save_file(tensors, str(folder / "themes.safetensors"))
    params = {k: getattr(self, k) for k in ("min_theme_size", "max_theme_share", "outlier_quantile", "seed",
                                              "seed_themes", "seed_similarity", "n_neighbors", "n_components",
                                              "max_fit_units", "top_n_terms", "language_centering", "backend",
                                              "encoder_model", "redact")}
    state = {"format_version": FORMAT_VERSION, "vocnlp_version": __version__, "params": params,
             "encoder": self.encoder_model or "multilingual-e5-small", "ids": self.ids_,
             "labels": {str(k): v for k, v in self.labels_.items()},
             "terms": {str(k): v for k, v in self.terms_.items()},
             "terms_by_language": {str(k): v for k, v in self.terms_by_language_.items()},
             "examples": {str(k): v for k, v in self.examples_.items()},
             "stats": {str(k): v for k, v in self._unit_stats.items()},
             "first_seen": {str(k): v for k, v in self.first_seen_.items()},
             "threshold": self.threshold_, "edits": self.edits_, "fit_stats": self.fit_stats_}
    (folder / "themes.json").write_text(json.dumps(state, indent=1, ensure_ascii=False, default=str) + "\n",
                                        encoding="utf-8")
    self.themes_.to_csv(folder / "themes.csv", index=False)
    if getattr(self, "_bertopic", None) is not None:
        self._bertopic.save(str(folder / "bertopic"), serialization="safetensors", save_ctfidf=True,
                            save_embedding_model=False)
    return folder


def load_model(cls: type[ThemeModel], path: str | Path) -> ThemeModel:
    """Read a folder written by :meth:`save`; assignments are the same as before saving."""
    from safetensors.numpy import load_file

    folder = Path(path)
    if not (folder / "themes.json").is_file():
        raise InputError(f"{folder} is not a saved ThemeModel (no themes.json); save one with tm.save(dir)")
    state = json.loads((folder / "themes.json").read_text(encoding="utf-8"))
    if state.get("format_version", 0) > FORMAT_VERSION:
        raise ConfigError(f"{folder} was saved by vocnlp {state.get('vocnlp_version')} (format "
                          f"{state['format_version']}); this vocnlp {__version__} reads up to {FORMAT_VERSION}: upgrade")
    tm = cls(**state["params"])
    arrays = load_file(str(folder / "themes.safetensors"))
    tm.mean_ = arrays["mean"]
    tm.centroids_ = arrays["centroids"]
    tm.language_basis_ = arrays["language_basis"]
    tm.ids_ = [int(i) for i in state["ids"]]

    def ints(d: dict[str, Any]) -> dict[int, Any]:
        return {int(k): v for k, v in d.items()}

    tm.labels_ = ints(state["labels"])
    tm.terms_ = ints(state["terms"])
    tm.terms_by_language_ = ints(state["terms_by_language"])
    tm.examples_ = ints(state["examples"])
    tm._unit_stats = ints(state["stats"])
    tm.first_seen_ = ints(state["first_seen"])
    tm.threshold_ = float(state["threshold"])
    tm.edits_ = state["edits"]
    tm.fit_stats_ = state["fit_stats"]
    tm.candidates_ = []
    tm._fit = None
    tm._bertopic = None
    tm._bertopic_path = folder / "bertopic" if (folder / "bertopic").is_dir() else None
    tm._refresh_table()
    return tm
