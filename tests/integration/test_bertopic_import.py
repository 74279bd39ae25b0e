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


_FIT = """
import json, sys
import vocnlp
from vocnlp.pipeline import Pipeline
df = vocnlp.io.read_table(sys.argv[2]).head(600)
out = Pipeline.default(keep_embeddings=True, themes=None).run(df["text"].tolist())
tm = vocnlp.ThemeModel(seed=0, discovery=sys.argv[3]).fit(out, text_col="text")
tm.save(sys.argv[1])
fit_imported = [m for m in ("bertopic", "umap", "hdbscan") if m in sys.modules]
model = tm.bertopic_
print(json.dumps({"fit_imported": fit_imported, "discovery": tm.fit_stats_["discovery"], "topics": len(model.get_topics()),
                  "after": "bertopic" in sys.modules}))
"""


@pytest.mark.parametrize("discovery", ["auto", "clusters"])
def test_a_theme_fit_imports_no_bertopic_until_its_model_is_read(tmp_path, shared_data, discovery):
    """Issue 21: a fit, its c-TF-IDF terms and its save no longer import BERTopic (1.6 s with torch and
    scikit-learn loaded, ~4 s cold); ``bertopic_`` builds the BERTopic model when it is first read. Density
    clusters need UMAP and HDBSCAN only (since 2026-12-04; ~1 s of a 5,000-clause fit)."""
    verbatims = shared_data / "nps_verbatims_en" / "nps_verbatims.csv"
    out = subprocess.run([sys.executable, "-c", _FIT, str(tmp_path / "themes"), str(verbatims), discovery],
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    if discovery == "auto":
        assert got["discovery"] == "phrases" and got["fit_imported"] == []
    else:
        assert got["discovery"] == "clusters" and got["fit_imported"] == ["umap", "hdbscan"]
    assert got["after"] and got["topics"] >= 3


def test_class_tfidf_is_bertopics():
    import numpy as np
    import scipy.sparse as sp
    from bertopic.vectorizers import ClassTfidfTransformer

    from vocnlp.themes.describe import class_tfidf

    counts = sp.csr_matrix(np.random.default_rng(0).poisson(0.4, (25, 300)))
    with np.errstate(divide="ignore"):  # BERTopic divides by the zero counts of unused columns too
        ref = ClassTfidfTransformer(reduce_frequent_words=True).fit_transform(counts).toarray()
    np.testing.assert_allclose(class_tfidf(counts), ref, rtol=0, atol=1e-15)
