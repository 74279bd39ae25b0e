"""ThemeModel's parameters: their names (scikit-learn's ``get_params`` / ``set_params`` / ``clone`` read them),
their checks, and the estimator tags scikit-learn asks for.

Example:
    >>> from vocnlp import ThemeModel
    >>> check_params(ThemeModel(max_theme_share=0.2).get_params())
    >>> check_params(ThemeModel(max_theme_share=2.0).get_params())
    Traceback (most recent call last):
    ...
    vocnlp.errors.ConfigError: max_theme_share=2.0 must be in (0, 1]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError
from .discover import DISCOVERY
from .prepare import LANGUAGE_CENTERING

__all__ = ["PARAMS", "check_params", "estimator_tags"]

#: every constructor parameter of :class:`~vocnlp.themes.model.ThemeModel` (its signature holds the defaults)
PARAMS = (
    "discovery",
    "min_theme_size",
    "max_theme_share",
    "outlier_quantile",
    "seed",
    "seed_themes",
    "seed_similarity",
    "n_neighbors",
    "n_components",
    "max_fit_units",
    "top_n_terms",
    "language_centering",
    "backend",
    "encoder_model",
    "redact",
    "merge_similarity",
    "anchor_separation",
    "parent_similarity",
)


def check_params(params: Mapping[str, Any]) -> None:
    """Raise :class:`~vocnlp.errors.ConfigError`, saying what to pass instead, for a parameter out of range."""
    size = params["min_theme_size"]
    if not (size == "auto" or (isinstance(size, int) and size >= 2)):
        raise ConfigError(f"min_theme_size={size!r}: use 'auto' or an integer >= 2")
    if not 0 < params["max_theme_share"] <= 1:
        raise ConfigError(f"max_theme_share={params['max_theme_share']!r} must be in (0, 1]")
    if params["language_centering"] not in LANGUAGE_CENTERING:
        raise ConfigError(f"language_centering={params['language_centering']!r}: use 'reference', 'corpus' or None")
    if params["discovery"] not in DISCOVERY:
        raise ConfigError(f"discovery={params['discovery']!r}: use one of {DISCOVERY}")
    q = params["outlier_quantile"]
    if q is not None and not 0 <= q < 1:
        raise ConfigError(f"outlier_quantile={q!r} must be in [0, 1) or None")
    for name in ("merge_similarity", "anchor_separation"):
        v = params[name]
        if v is not None and not 0 < v <= 1:
            raise ConfigError(f"{name}={v!r} must be in (0, 1] or None")


def estimator_tags() -> Any:
    """scikit-learn's estimator tags for ThemeModel: a transformer of text (frames), fitted without a target."""
    from sklearn.utils import InputTags, Tags, TargetTags, TransformerTags

    return Tags(
        estimator_type=None,
        target_tags=TargetTags(required=False),
        transformer_tags=TransformerTags(preserves_dtype=[]),
        input_tags=InputTags(two_d_array=False, string=True),
        no_validation=True,
    )
