"""UMAP's kernels compiled with numba's cache give the very same layout as UMAP's own (issue 21)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("umap")

_LAYOUT = """
import json, sys, warnings
import numpy as np
warnings.filterwarnings("ignore")
if sys.argv[1] == "cached":
    from vocnlp.themes._jit import cache_umap_kernels
    assert cache_umap_kernels()
import umap
from vocnlp.themes.cluster import knn
rng = np.random.default_rng(0)
x = rng.normal(size=(600, 32)).astype(np.float32)
x /= np.linalg.norm(x, axis=1, keepdims=True)
e = umap.UMAP(n_neighbors=10, n_components=5, min_dist=0.0, metric="cosine", random_state=0, n_jobs=1,
              precomputed_knn=knn(x, 10)).fit_transform(x)
hits = sum(umap.umap_.smooth_knn_dist.stats.cache_hits.values())
print(json.dumps({"layout": e.round(6).tolist(), "hits": hits}))
"""


@pytest.mark.slow
def test_cached_kernels_give_umaps_own_layout_and_are_reused(tmp_path):
    env = {**os.environ, "NUMBA_CACHE_DIR": str(tmp_path)}

    def layout(mode: str) -> dict:
        out = subprocess.run([sys.executable, "-c", _LAYOUT, mode], env=env, capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])

    own = layout("own")
    first = layout("cached")  # compiles and writes the cache
    written = sorted(p.name for p in tmp_path.rglob("*.nbi"))
    again = layout("cached")  # loads it
    assert first["layout"] == own["layout"] and again["layout"] == own["layout"]
    assert first["hits"] == 0 and again["hits"] > 0  # the second process loaded the machine code
    assert any("smooth_knn_dist" in n for n in written)


def test_each_kernel_keeps_its_options():
    import umap.layouts
    import umap.umap_

    from vocnlp.themes._jit import cache_umap_kernels

    cache_umap_kernels()
    # the serial and parallel layout epochs share one Python function: each caches under its own name
    serial, parallel = (
        umap.layouts._nb_optimize_layout_euclidean_single_epoch,
        umap.layouts._nb_optimize_layout_euclidean_single_epoch_parallel,
    )
    assert serial.targetoptions.get("parallel") is False and parallel.targetoptions.get("parallel") is True
    assert serial.py_func.__qualname__ != parallel.py_func.__qualname__
    assert dict(umap.umap_.smooth_knn_dist.locals)  # typed locals (float32 sums) kept: same arithmetic
