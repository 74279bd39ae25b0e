"""The wheel carries models/ and the sample data, so installing it alone is enough for the demo."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contents(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path),
                    str(ROOT)], check=True)
    wheel = next(tmp_path.glob("vocnlp-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "vocnlp/data/sample_feedback.csv" in names
    assert "vocnlp/models/README.md" in names
    assert "vocnlp/models/encoder-multilingual-e5-small.md" in names
    for head in ("sentiment", "intent"):
        assert {f"vocnlp/models/heads/{head}/{f}" for f in ("head.json", "head.safetensors", "README.md")} <= set(names)
    assert "vocnlp/models/training/voc_multilingual.csv" in names
    assert "vocnlp/__init__.py" in names and "vocnlp/cli.py" in names
    meta = next(n for n in names if n.endswith("entry_points.txt"))
    assert "vocnlp = vocnlp.cli:main" in zipfile.ZipFile(wheel).read(meta).decode()
    # the unpacked wheel finds its own heads (vocnlp/models inside the package, not the repository)
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import vocnlp; from vocnlp._resources import packaged_models_dir;"
            "print(packaged_models_dir()); print(vocnlp.load_head('intent').labels)")
    out = subprocess.run([sys.executable, "-c", code, str(unpacked)], capture_output=True, text=True, check=True).stdout
    assert str(unpacked) in out.splitlines()[0] and "churn_risk" in out
