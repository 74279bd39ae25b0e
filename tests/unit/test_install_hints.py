"""Every install hint names an extra that exists and that really installs the module (issue 17 item 6)."""

from __future__ import annotations

import functools
import re
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from vocnlp._lazy import CORE, EXTRA_OF, import_optional
from vocnlp.errors import MissingDependencyError

PYPROJECT = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s<>=!~\[;]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


@functools.lru_cache(maxsize=1)
def _installed() -> dict[str, list[str]]:
    return dict(packages_distributions())


def _dists(module: str) -> set[str]:
    found = _installed().get(module)
    if not found:
        pytest.skip(f"{module} is not installed here")
    return {d.lower().replace("_", "-") for d in found}


@pytest.mark.parametrize("module, extra", sorted(EXTRA_OF.items()))
def test_extra_exists_and_installs_the_module(module: str, extra: str) -> None:
    extras = PYPROJECT["project"]["optional-dependencies"]
    assert extra in extras, f"{module} -> vocnlp[{extra}], but pyproject has no such extra"
    assert _dists(module) & _names(extras[extra]), f"vocnlp[{extra}] does not install {module}"


@pytest.mark.parametrize("module", sorted(CORE))
def test_core_modules_are_core_dependencies(module: str) -> None:
    assert _dists(module) & _names(PYPROJECT["project"]["dependencies"]), f"{module} is not a core dependency"
    assert module not in EXTRA_OF


def test_hint_for_a_missing_module_names_the_extra() -> None:
    with pytest.raises(MissingDependencyError, match=r"vocnlp\[all\]"):
        import_optional("surely_not_installed_module_xyz")


def test_quiet_blocks_restore_the_callers_settings() -> None:
    import logging

    from vocnlp._quiet import quiet_logger, quiet_transformers

    log = logging.getLogger("BERTopic")
    log.setLevel(logging.INFO)
    with quiet_logger("BERTopic"):
        assert log.level == logging.ERROR
    assert log.level == logging.INFO
    hf = pytest.importorskip("transformers.utils.logging")
    hf.enable_progress_bar()
    with quiet_transformers():
        assert not hf.is_progress_bar_enabled()
    assert hf.is_progress_bar_enabled()
