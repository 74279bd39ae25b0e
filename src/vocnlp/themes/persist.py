"""Saving and loading a theme taxonomy: safetensors and JSON only (no pickles), with a format version check.

Format 2 stores one record per theme (:class:`~vocnlp.themes.state.Theme`); folders of format 1
(parallel per-theme dicts) are still read.

Example:
    >>> save_state(folder, state, params, bertopic=None); load_state(folder)         # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .._quiet import quiet_logger
from .._version import __version__
from ..errors import ConfigError, InputError
from .state import Theme, ThemeState

__all__ = ["BERTOPIC_DOCS", "FORMAT_VERSION", "load_bertopic_docs", "load_state", "save_state"]

FORMAT_VERSION = 2
#: an anchored model's folder: the words and theme of each fitted clause, for its BERTopic model
BERTOPIC_DOCS = "bertopic_docs.json"


def save_state(
    path: str | os.PathLike[str],
    state: ThemeState,
    params: dict[str, Any],
    *,
    bertopic: Any = None,
    bertopic_docs: tuple[list[str], list[int]] | None = None,
    encoder: str = "multilingual-e5-small",
    text_col: str | None = None,
) -> Path:
    """A folder: ``themes.json`` (parameters, theme records, edits, threshold, versions), ``themes.safetensors``
    (centres, language directions), ``themes.csv`` (the table) and ``bertopic/`` (safetensors, no pickles),
    or for anchored themes whose BERTopic model was never built, ``bertopic_docs.json``."""
    from safetensors.numpy import save_file

    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    save_file(state.arrays(), str(folder / "themes.safetensors"))
    doc = {
        "format_version": FORMAT_VERSION,
        "vocnlp_version": __version__,
        "params": params,
        "encoder": encoder,
        "text_col": text_col,
        **state.to_json(),
    }
    (folder / "themes.json").write_text(
        json.dumps(doc, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    state.table().to_csv(folder / "themes.csv", index=False)
    if bertopic is None and bertopic_docs is not None:
        # anchored themes: what their BERTopic model is built from on first use (no BERTopic import here)
        tokens, labels = bertopic_docs
        (folder / BERTOPIC_DOCS).write_text(
            json.dumps({"tokens": tokens, "labels": labels}, ensure_ascii=False), encoding="utf-8"
        )
    if bertopic is not None:
        # BERTopic warns that no embedding model is saved: vocnlp keeps its own encoder on purpose
        with quiet_logger("BERTopic"):
            bertopic.save(
                str(folder / "bertopic"), serialization="safetensors", save_ctfidf=True, save_embedding_model=False
            )
    return folder


def load_bertopic_docs(path: str | os.PathLike[str]) -> tuple[list[str], list[int]] | None:
    """The words and themes :func:`save_state` wrote for an anchored model's BERTopic model, or None."""
    file = Path(path) / BERTOPIC_DOCS
    if not file.is_file():
        return None
    doc = json.loads(file.read_text(encoding="utf-8"))
    return [str(t) for t in doc["tokens"]], [int(v) for v in doc["labels"]]


def load_state(path: str | os.PathLike[str]) -> tuple[ThemeState, dict[str, Any], Path | None, str | None]:
    """``(state, params, bertopic folder or None, text column of the fit)`` of a folder written by :func:`save_state`."""
    from safetensors.numpy import load_file

    folder = Path(path)
    if not (folder / "themes.json").is_file():
        raise InputError(f"{folder} is not a saved ThemeModel (no themes.json); save one with tm.save(dir)")
    doc = json.loads((folder / "themes.json").read_text(encoding="utf-8"))
    version = doc.get("format_version", 0)
    if version > FORMAT_VERSION:
        raise ConfigError(
            f"{folder} was saved by vocnlp {doc.get('vocnlp_version')} (format {version}); "
            f"this vocnlp {__version__} reads up to {FORMAT_VERSION}: upgrade"
        )
    arrays = load_file(str(folder / "themes.safetensors"))
    if version < 2:
        doc = _from_format_1(doc)
    state = ThemeState.from_json(doc, arrays)
    bertopic = folder / "bertopic" if (folder / "bertopic").is_dir() else None
    return state, dict(doc["params"]), bertopic, doc.get("text_col")


def _from_format_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Parallel per-theme dicts (format 1) -> theme records."""
    themes = []
    for i in doc["ids"]:
        k = str(i)
        st = doc["stats"].get(k, {})
        themes.append(
            ThemeState.theme_to_json(
                Theme(
                    id=int(i),
                    label=doc["labels"][k],
                    size=st.get("size", 0),
                    share=st.get("share", 0.0),
                    clauses=st.get("clauses", 0),
                    terms=doc["terms"].get(k, []),
                    terms_by_language=doc["terms_by_language"].get(k, {}),
                    examples=doc["examples"].get(k, []),
                    negative=st.get("negative", float("nan")),
                    neutral=st.get("neutral", float("nan")),
                    positive=st.get("positive", float("nan")),
                    mean_sentiment=st.get("mean_sentiment", float("nan")),
                    first_seen=doc.get("first_seen", {}).get(k),
                )
            )
        )
    params = {k: v for k, v in doc["params"].items()}
    return {**doc, "themes": themes, "params": params}
