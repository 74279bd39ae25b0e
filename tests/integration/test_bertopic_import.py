"""BERTopic is imported without the integrations vocnlp never uses, and they still work afterwards (issue 21)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytest.importorskip("bertopic")

_SCRIPT = """
import json, sys
import vocnlp
from vocnlp.themes import ThemeModel
from vocnlp.themes.describe import ctfidf_terms
terms = ctfidf_terms(["late parcel", "late parcel again", "rude staff", "rude staff member"], [0, 0, 1, 1], [0, 1], 2)
from vocnlp._lazy import import_bertopic
import_bertopic()
skipped = [m for m in ("transformers", "sentence_transformers", "spacy") if m in sys.modules]
from bertopic.representation import TextGeneration
from bertopic.backend import MultiModalBackend
import bertopic._bertopic
from bertopic.representation import BaseRepresentation
print(json.dumps({"imported": skipped, "terms": terms, "generation": TextGeneration.__module__,
                  "multimodal": MultiModalBackend.__module__,
                  "same_base": bertopic._bertopic.BaseRepresentation is BaseRepresentation}))
"""


def test_bertopic_is_imported_without_its_unused_integrations_which_still_work_later():
    out = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["imported"] == []  # transformers, sentence-transformers and spaCy: seconds, never used
    assert got["terms"]["0"][0].startswith("late") and got["terms"]["1"][0].startswith("rude")
    # a user who wants BERTopic's LLM labels or multimodal backend gets the real classes, not placeholders
    assert got["generation"] == "bertopic.representation._textgeneration"
    assert got["multimodal"] == "bertopic.backend._multimodal"
    assert got["same_base"]
