"""Batch jobs: part files + manifest, kill-and-resume equals an uninterrupted run, incremental skips seen rows."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import vocnlp
from vocnlp import jobs
from vocnlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline.default()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    df = vocnlp.io.load_sample()
    df.iloc[:250].to_csv(folder / "a.csv", index=False)
    df.iloc[250:].to_parquet(folder / "b.parquet", index=False)
    return folder


def _comparable(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=["clauses"], errors="ignore").reset_index(drop=True)


def test_job_writes_parts_and_keeps_every_row(nlp: Pipeline, inputs: Path, tmp_path: Path) -> None:
    summary = jobs.tag(str(inputs / "*"), out=tmp_path / "out", text_col="comment", id_col="id", chunk_rows=100, pipeline=nlp)
    got = jobs.read_output(tmp_path / "out")
    assert summary.rows == 453 and summary.parts == 6 and len(got) == 453     # 250 + 203 rows in chunks of 100
    assert list(got["vocnlp_row_key"]) == list(vocnlp.io.load_sample()["id"])
    assert summary.flagged.get("V101", 0) >= 1 and "rows/s" in str(summary)
    manifest = json.loads((tmp_path / "out" / jobs.MANIFEST).read_text())
    assert len(manifest["chunks"]) == 6 and "models" in manifest["versions"]
    with pytest.raises(vocnlp.InputError, match="--resume"):
        jobs.tag(str(inputs / "*"), out=tmp_path / "out", text_col="comment", pipeline=nlp)


def test_kill_and_resume_equals_uninterrupted_run(nlp: Pipeline, inputs: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    jobs.tag(str(inputs / "*"), out=full, text_col="comment", id_col="id", chunk_rows=50, pipeline=nlp)
    killed = tmp_path / "killed"
    cmd = [sys.executable, "-m", "vocnlp.cli", "tag", str(inputs / "*"), "--out", str(killed), "--text-col", "comment",
           "--id-col", "id", "--chunk-rows", "50"]
    proc = subprocess.Popen(cmd, env={**os.environ, "HF_HUB_OFFLINE": "1"}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:                 # kill it once some, but not all, chunks are done
        m = killed / jobs.MANIFEST
        if m.exists() and 2 <= len(json.loads(m.read_text())["chunks"]) < 10:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(json.loads((killed / jobs.MANIFEST).read_text())["chunks"])
    assert done_before < 10
    res = subprocess.run([*cmd, "--resume"], env={**os.environ, "HF_HUB_OFFLINE": "1"}, capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "already done" in res.stdout
    pd.testing.assert_frame_equal(_comparable(jobs.read_output(killed)), _comparable(jobs.read_output(full)),
                                  check_dtype=False)


def test_incremental_only_tags_new_comments(nlp: Pipeline, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "inc"
    jobs.tag(str(inputs / "a.csv"), out=out, text_col="comment", id_col="id", pipeline=nlp)
    summary = jobs.tag(str(inputs / "*"), out=out, text_col="comment", id_col="id", incremental=True, pipeline=nlp)
    assert summary.skipped_seen == 250 and summary.rows == 203
    got = jobs.read_output(out)
    assert sorted(got["vocnlp_row_key"]) == sorted(vocnlp.io.load_sample()["id"])     # nothing lost, nothing twice


def test_cli_forms_on_shared_nps_data(shared_data: Path, tmp_path: Path) -> None:
    """The CLI on a real export: a first job, then --incremental over the full file tags only the new rows."""
    full = vocnlp.io.read_table(shared_data / "nps_verbatims_en" / "nps_verbatims.csv")
    first = tmp_path / "first.csv"
    full.iloc[:600].to_csv(first, index=False)
    out = tmp_path / "tagged"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    base = [sys.executable, "-m", "vocnlp.cli", "tag"]
    res = subprocess.run([*base, str(first), "--text-col", "text", "--out", str(out)], env=env, capture_output=True,
                         text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    assert "600 rows tagged" in res.stdout
    res = subprocess.run([*base, str(shared_data / "nps_verbatims_en" / "nps_verbatims.csv"), "--text-col", "text",
                          "--out", str(out), "--incremental"], env=env, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-2000:]
    # without an id column a comment is its text: the 600 first rows (and repeats of their texts) are skipped
    got = jobs.read_output(out)
    assert set(got["text"]) == set(full["text"])          # every distinct comment is tagged: nothing lost
    skipped = int(res.stdout.split(" seen before")[0].rsplit(", ", 1)[1])
    assert skipped >= 600 and len(got) == 600 + (len(full) - skipped)
    # the folder's last job read the full file: --resume with other inputs is a caller's mistake, said in one line
    res = subprocess.run([*base, str(first), "--text-col", "text", "--out", str(out), "--resume"], env=env,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 2, res.stdout + res.stderr[-2000:]
    assert "error: " in res.stderr and "changed since the job started" in res.stderr
    assert "Traceback" not in res.stderr


def test_corrupt_input_stops_with_a_clear_error_and_keeps_finished_parts(nlp: Pipeline, tmp_path: Path) -> None:
    good, bad = tmp_path / "a.csv", tmp_path / "b.parquet"
    vocnlp.io.load_sample().iloc[:60].to_csv(good, index=False)
    bad.write_bytes(b"PAR1 this is not a parquet file")
    out = tmp_path / "out"
    with pytest.raises(vocnlp.InputError, match=r"cannot read .*b\.parquet.*--resume"):
        jobs.tag([good, bad], out=out, text_col="comment", id_col="id", chunk_rows=30, pipeline=nlp)
    done = json.loads((out / jobs.MANIFEST).read_text())["chunks"]
    assert len(done) == 2 and len(jobs.read_output(out)) == 60            # the good file's work is kept
    vocnlp.io.load_sample().iloc[60:90].to_parquet(bad, index=False)      # repaired
    summary = jobs.tag([good, bad], out=out, text_col="comment", id_col="id", chunk_rows=30, pipeline=nlp, resume=True)
    assert summary.skipped_resumed == 60 and summary.rows == 30
    assert len(jobs.read_output(out)) == 90


def test_input_that_vanishes_mid_job_is_named_and_finished_parts_stay(nlp: Pipeline, tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    vocnlp.io.load_sample().iloc[:40].to_csv(a, index=False)
    vocnlp.io.load_sample().iloc[40:80].to_csv(b, index=False)

    class Vanishing(Pipeline):
        def run(self, data, *, text_col=None):  # type: ignore[no-untyped-def]
            b.unlink(missing_ok=True)          # the second export disappears while the first is tagged
            return nlp.run(data, text_col=text_col)

    with pytest.raises(vocnlp.InputError, match=r"b\.csv"):
        jobs.tag([a, b], out=tmp_path / "out", text_col="comment", id_col="id", pipeline=Vanishing())
    assert len(jobs.read_output(tmp_path / "out")) == 40


def test_cli_comment_vectors_option(shared_data: Path, tmp_path: Path) -> None:
    """``tag --comment-vectors clauses`` runs (one file out); a misspelt value is one line, exit 2."""
    src = tmp_path / "in.csv"
    vocnlp.io.read_table(shared_data / "nps_verbatims_en" / "nps_verbatims.csv").iloc[:40].to_csv(src, index=False)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    base = [sys.executable, "-m", "vocnlp.cli", "tag", str(src), "--text-col", "text"]
    res = subprocess.run([*base, "--out", str(tmp_path / "o.parquet"), "--comment-vectors", "clauses"], env=env,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-2000:]
    assert len(vocnlp.io.read_table(tmp_path / "o.parquet")) == 40
    res = subprocess.run([*base, "--out", str(tmp_path / "p.parquet"), "--comment-vectors", "sentences"], env=env,
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 2 and "comment_vectors must be one of" in res.stderr and "Traceback" not in res.stderr


# ---- issue 16: jobs are row-exact whatever options change, and fail safe --------------------------------


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    df = vocnlp.io.load_sample().iloc[:60][["id", "comment"]].copy()
    df["id"] = [f"{i:03d}" for i in range(60)]                     # leading zeros: "007" must stay "007"
    path = tmp_path / "small.csv"
    df.to_csv(path, index=False)
    return path


def _interrupt(out: Path, keep: int) -> None:
    """What a kill leaves: the manifest lists the first ``keep`` chunks, later parts are gone."""
    manifest = json.loads((out / jobs.MANIFEST).read_text())
    for key in list(manifest["chunks"])[keep:]:
        del manifest["chunks"][key]
        (out / f"part-{key}.parquet").unlink()
    (out / jobs.MANIFEST).write_text(json.dumps(manifest))


def test_resume_with_another_chunk_size_is_refused_or_replanned(nlp: Pipeline, small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=10, pipeline=nlp)
    full = jobs.read_output(out)
    _interrupt(out, keep=3)
    with pytest.raises(vocnlp.InputError, match="chunk-rows 10"):
        jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=20, resume=True, pipeline=nlp)
    with pytest.raises(vocnlp.InputError, match="id_col"):
        jobs.tag(small, out=out, text_col="comment", resume=True, pipeline=nlp)
    summary = jobs.tag(small, out=out, text_col="comment", id_col="id", resume=True, pipeline=nlp)  # re-uses 10
    got = jobs.read_output(out)
    assert summary.skipped_resumed == 30 and summary.rows == 30
    assert list(got["vocnlp_row_key"]) == [f"{i:03d}" for i in range(60)]      # no row lost or doubled; zeros kept
    pd.testing.assert_frame_equal(_comparable(got), _comparable(full))


def test_incremental_replaces_changed_rows_in_manifest_order(nlp: Pipeline, small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=10, pipeline=nlp)
    df = pd.read_csv(small, dtype=str)
    df.loc[[2, 45], "comment"] = ["Changed: the courier never came.", "Changed: refund still missing."]
    df.to_csv(small, index=False)
    jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=10, incremental=True, pipeline=nlp)
    got = jobs.read_output(out)
    assert len(got) == 60 and got["vocnlp_row_key"].is_unique               # was 62 rows: stale ones kept
    texts = dict(zip(got["vocnlp_row_key"], got["comment"]))
    assert texts["002"].startswith("Changed") and texts["045"].startswith("Changed")


def test_a_second_job_into_the_same_folder_fails_at_once(nlp: Pipeline, small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with jobs._FolderLock(out), pytest.raises(vocnlp.errors.OutputError, match="in use by another job"):
        jobs.tag(small, out=out, text_col="comment", pipeline=nlp)
    assert not (out / jobs.MANIFEST).exists()
    jobs.tag(small, out=out, text_col="comment", pipeline=nlp)                 # the lock went with its holder


def test_unwritable_output_fails_before_any_work(small: Path, tmp_path: Path) -> None:
    # /proc refuses new files even for root: the job must say so in one line, before loading models
    for out in ("/proc/vocnlp-out", "/proc/vocnlp-out.parquet"):
        t0 = time.time()
        r = subprocess.run([sys.executable, "-m", "vocnlp.cli", "tag", str(small), "--out", out, "--text-col", "comment"],
                           capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1"}, timeout=120)
        assert r.returncode == 2 and "cannot write" in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert time.time() - t0 < 30


def test_disk_full_while_writing_a_part_is_one_clear_error(nlp: Pipeline, small: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def full(self: pd.DataFrame, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pd.DataFrame, "to_parquet", full)
    with pytest.raises(vocnlp.errors.OutputError, match="No space left on device.*--resume"):
        jobs.tag(small, out=tmp_path / "out", text_col="comment", chunk_rows=30, pipeline=nlp)


def test_output_folder_is_a_parquet_dataset_and_old_folders_still_work(nlp: Pipeline, small: Path, tmp_path: Path) -> None:
    # issue 20: pd.read_parquet("tagged/"), pyarrow.dataset and polars failed on manifest.json and seen/
    import pyarrow.dataset as ds

    out = tmp_path / "out"
    jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=25, pipeline=nlp)
    expected = jobs.read_output(out)
    assert len(pd.read_parquet(out)) == 60
    assert ds.dataset(out, format="parquet").count_rows() == 60
    pl = pytest.importorskip("polars")
    assert pl.scan_parquet(str(out / "*.parquet")).collect().height == 60
    assert sorted(pl.read_parquet(str(out / "*.parquet"))["vocnlp_row_key"].to_list()) == sorted(expected["vocnlp_row_key"])
    # a folder written by an older version (manifest.json, seen/) is read, and renamed by the next job
    os.replace(out / jobs.MANIFEST, out / "manifest.json")
    os.replace(out / jobs.SEEN, out / "seen")
    pd.testing.assert_frame_equal(jobs.read_output(out), expected)
    summary = jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=25, resume=True, pipeline=nlp)
    assert summary.skipped_resumed == 60 and (out / jobs.MANIFEST).exists() and not (out / "manifest.json").exists()


def test_resume_with_another_encoder_is_refused(nlp: Pipeline, small: Path, tmp_path: Path) -> None:
    """Issue 20 item 3: finished chunks and resumed ones must come from one encoder; the manifest says which."""
    out = tmp_path / "out"
    jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=20, pipeline=nlp)
    manifest = json.loads((out / jobs.MANIFEST).read_text())
    assert manifest["encoder"]["model"] == "multilingual-e5-small" and manifest["encoder"]["weights"]
    _interrupt(out, keep=1)
    manifest = json.loads((out / jobs.MANIFEST).read_text())
    manifest["encoder"] = {"model": "paraphrase-multilingual-MiniLM-L12-v2", "weights": "hf"}
    (out / jobs.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(vocnlp.ConfigError, match="paraphrase-multilingual"):
        jobs.tag(small, out=out, text_col="comment", id_col="id", resume=True, pipeline=nlp)


def test_resume_with_another_comment_vector_mode_is_refused(nlp: Pipeline, small: Path, tmp_path: Path) -> None:
    """The default comment_vectors changed ("whole" -> "auto"): a job's finished chunks and resumed ones must
    give long comments their vectors one way, so the manifest records the mode and a mismatch is refused."""
    out = tmp_path / "out"
    jobs.tag(small, out=out, text_col="comment", id_col="id", chunk_rows=20, pipeline=nlp)
    assert json.loads((out / jobs.MANIFEST).read_text())["comment_vectors"] == nlp.comment_vectors == "auto"
    _interrupt(out, keep=1)
    manifest = json.loads((out / jobs.MANIFEST).read_text())
    manifest["comment_vectors"] = "whole"
    (out / jobs.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(vocnlp.ConfigError, match="comment_vectors='whole'"):
        jobs.tag(small, out=out, text_col="comment", id_col="id", resume=True, pipeline=nlp)
    del manifest["comment_vectors"]  # a manifest from before the mode was recorded: not checked
    (out / jobs.MANIFEST).write_text(json.dumps(manifest))
    summary = jobs.tag(small, out=out, text_col="comment", id_col="id", resume=True, pipeline=nlp)
    assert summary.skipped_resumed > 0
    assert json.loads((out / jobs.MANIFEST).read_text())["comment_vectors"] == "auto"


def test_a_job_estimates_its_language_prior_once_and_keeps_it(shared_data: Path, tmp_path: Path) -> None:
    # issue 19 item 3: one prior per job (in the manifest), not per chunk, so chunk size and resuming do not
    # change a short comment's language
    df = pd.read_csv(shared_data / "langid_lingua_sentences" / "lingua_sentences_target13.csv")
    pt = df[df["lang"] == "pt"]["text"].sample(frac=1.0, random_state=0).tolist()
    answers = [a for a in (t.split()[0].strip(".,;:!?\"'()") for t in pt[100:220]) if len(a) > 3]
    src = tmp_path / "in.csv"
    pd.DataFrame({"text": answers + pt[:100]}).to_csv(src, index=False)   # short answers come first
    nlp = Pipeline.default(sentiment=False, intent=False)
    jobs.tag(src, out=tmp_path / "small", chunk_rows=16, pipeline=nlp)
    jobs.tag(src, out=tmp_path / "big", chunk_rows=4096, pipeline=nlp)
    small, big = jobs.read_output(tmp_path / "small"), jobs.read_output(tmp_path / "big")
    assert small["language"].tolist() == big["language"].tolist()
    assert (small["language"].iloc[: len(answers)] == "pt").mean() >= 0.8
    manifest = json.loads((tmp_path / "small" / "_manifest.json").read_text())
    assert manifest["language_prior"]["pt"] >= 0.9
    # an incremental run keeps the job's shares even when the new rows alone would give none
    more = tmp_path / "more.csv"
    pd.DataFrame({"text": answers[:5] + ["Ótimo"]}).to_csv(more, index=False)
    jobs.tag(more, out=tmp_path / "small", incremental=True, pipeline=nlp)
    again = json.loads((tmp_path / "small" / "_manifest.json").read_text())
    assert again["language_prior"] == manifest["language_prior"]
    tagged = jobs.read_output(tmp_path / "small")
    assert tagged.loc[tagged["text"] == "Ótimo", "language"].tolist() == ["pt"]
    off = Pipeline.default(sentiment=False, intent=False, language_prior=False)
    jobs.tag(src, out=tmp_path / "off", pipeline=off)
    assert json.loads((tmp_path / "off" / "_manifest.json").read_text())["language_prior"] is None
