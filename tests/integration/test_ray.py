"""Ray: tag_dataset on a real local Ray cluster (head on 127.0.0.1, 2 actors) equals the single-process output."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vocnlp
from vocnlp.config import RuntimeConfig
from vocnlp.errors import InputError
from vocnlp.pipeline import Pipeline

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`ray start --head` on loopback, stopped afterwards; yields the address.

    3 logical CPUs: one for each of the 2 actors and one for Ray Data's own tasks (splitting blocks, reading),
    which would otherwise wait forever for a CPU that the actors hold.
    """
    ray_bin = shutil.which("ray", path=str(Path(sys.executable).parent)) or shutil.which("ray")
    assert ray_bin, "the ray CLI is installed with ray"
    port = _free_port()
    temp = tmp_path_factory.mktemp("ray")
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    start = [ray_bin, "start", "--head", "--node-ip-address=127.0.0.1", f"--port={port}", "--num-cpus=3",
             "--include-dashboard=false", "--disable-usage-stats", f"--temp-dir={temp}"]
    proc = subprocess.run(start, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    address = f"127.0.0.1:{port}"
    try:
        ray.init(address=address, log_to_driver=False)
        yield address
    finally:
        ray.shutdown()
        subprocess.run([ray_bin, "stop", "--force"], env=env, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def comments() -> pd.DataFrame:
    df = vocnlp.io.load_sample()[["id", "comment"]].iloc[:240].reset_index(drop=True)
    # bad rows inside the data are flagged in place, on Ray as in one process
    df.loc[7, "comment"] = ""
    df.loc[19, "comment"] = "   "
    return df


@pytest.fixture(scope="module")
def themes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = Pipeline.default(keep_embeddings=True).run(vocnlp.io.load_sample(), text_col="comment")
    folder = tmp_path_factory.mktemp("themes")
    vocnlp.ThemeModel(seed=0).fit(out, text_col="comment").save(folder)
    return folder


def _plain(v: object) -> object:
    """Arrow's round trip turns None into NaN/NA and lists into arrays: compare the values."""
    if isinstance(v, (list, np.ndarray)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return None if v is None or (np.isscalar(v) and pd.isna(v)) or v is pd.NA else v


def _assert_same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert list(a.columns) == list(b.columns)
    assert len(a) == len(b)
    for col in a.columns:
        if a[col].dtype.kind == "f":
            np.testing.assert_allclose(a[col].to_numpy(float), b[col].to_numpy(float), atol=1e-5, err_msg=col)
        else:
            assert [_plain(v) for v in a[col]] == [_plain(v) for v in b[col]], col


def test_tag_dataset_on_local_cluster_equals_single_process(cluster: str, comments: pd.DataFrame, themes: Path) -> None:
    from vocnlp.integrations.ray import tag_dataset

    # float32 for exact equality: in bf16 (the default on CPUs with bf16 instructions) a comment's numbers
    # move by ~1e-4 with the batch it lands in, and the actors' batches differ from the single process's
    config = RuntimeConfig(device="cpu", num_threads=1, dtype="float32")
    local = Pipeline.default(config=config, themes=themes).run(comments, text_col="comment")
    # six blocks, so both actors get work (a repartition would need a CPU that the two actors hold)
    ds = ray.data.from_pandas([comments.iloc[i : i + 40] for i in range(0, len(comments), 40)])
    tagged = tag_dataset(ds, text_col="comment", themes=themes, num_workers=2, batch_size=50, config=config)
    got = tagged.to_pandas()
    assert got.pop("vocnlp_version").eq(vocnlp.__version__).all()
    # the two actors really shared the work
    assert tagged.stats() and "_Tagger" in tagged.stats()
    _assert_same(local, got)
    assert got.loc[7, "status"] == "error" and got.loc[19, "status"] == "error"
    assert got["theme_id"].notna().sum() > 100


def test_tag_dataset_caller_mistakes_raise(cluster: str, comments: pd.DataFrame) -> None:
    from vocnlp.integrations.ray import tag_dataset

    ds = ray.data.from_pandas(comments)
    with pytest.raises(InputError, match="text_col='text' not in the dataset"):
        tag_dataset(ds)
    with pytest.raises(InputError, match="ray.data.Dataset"):
        tag_dataset(comments, text_col="comment")
    with pytest.raises(InputError, match="themes="):
        tag_dataset(ds, text_col="comment", themes="/nonexistent")
