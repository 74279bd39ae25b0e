"""`vocnlp analyze` end to end on the sample data, the HTML report in a real headless Chromium, alerts, notebooks."""

from __future__ import annotations

import contextlib
import io

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import vocnlp

pytest.importorskip("bertopic")
ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def analysis_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from vocnlp.cli import app

    out = tmp_path_factory.mktemp("analysis")
    sample = vocnlp.io.sample_data_path()
    res = CliRunner().invoke(app, ["analyze", str(sample), "--text-col", "comment", "--score-col", "nps",
                                   "--date-col", "date", "--segment-col", "channel", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert "impact" in res.output and "report:" in res.output
    return out


def render(html: Path, png: Path) -> list[str]:
    """Screenshot ``html`` with headless Chromium; return the page's console messages."""
    assert CHROMIUM is not None
    proc = subprocess.run([CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                           "--window-size=1200,2400", f"--screenshot={png}", html.as_uri()],
                          capture_output=True, text=True, timeout=120)
    return [line for line in proc.stderr.splitlines() if ":CONSOLE" in line]


def test_analyze_writes_every_file(analysis_dir: Path) -> None:
    names = {p.name for p in analysis_dir.iterdir()}
    assert {"tagged.parquet", "themes.csv", "drivers.csv", "report.html", "themes"} <= names
    tagged = pd.read_parquet(analysis_dir / "tagged.parquet")
    sample = vocnlp.io.load_sample()
    assert list(tagged["id"]) == list(sample["id"])
    assert {"sentiment", "intents", "theme", "themes", "clauses"} <= set(tagged.columns)
    drivers = pd.read_csv(analysis_dir / "drivers.csv")
    assert list(drivers.columns[:11]) == ["theme", "n", "share", "score_with", "score_without", "gap", "impact",
                                          "impact_ci_low", "impact_ci_high", "p_value", "q_value"]
    # the sample data plants theme effects: the strongest drivers are significant
    assert (drivers.head(3)["q_value"] < 0.05).all()
    html = (analysis_dir / "report.html").read_text(encoding="utf-8")
    # self-contained: plotly.js inlined, nothing loaded from elsewhere
    assert "<script" in html and not re.search(r"<script[^>]*\ssrc=", html) and not re.search(r"<link[^>]*href=", html)
    # each theme says how much of it its label speaks for (a mixed theme is flagged, not hidden)
    assert re.search(r"label in \d+% of its comments", html)


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_report_renders_in_chromium(analysis_dir: Path, tmp_path: Path) -> None:
    from PIL import Image

    console = render(analysis_dir / "report.html", tmp_path / "report.png")
    assert console == [], console
    img = np.asarray(Image.open(tmp_path / "report.png").convert("L"), dtype=np.float64)
    assert img.shape[0] >= 2000 and img.std() > 20         # not blank: text, bars, tables
    assert (img < 100).mean() > 0.01                        # dark pixels: text and coloured bars


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
def test_console_errors_are_seen(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text("<html><body><script>console.error('broken chart')</script></body></html>")
    assert any("broken chart" in line for line in render(page, tmp_path / "bad.png"))


def test_alerts(analysis_dir: Path) -> None:
    tagged = pd.read_parquet(analysis_dir / "tagged.parquet")
    tagged["intents"] = tagged["intents"].map(lambda v: list(v) if v is not None else None)
    al = vocnlp.alerts(tagged, score_col="nps", date_col="date", text_col="comment", owners={"arrived, late": "logistics"})
    assert len(al) > 0 and (al["nps"] <= 6).all()
    assert al["reason"].str.contains("churn risk|strongly negative").all()
    dates = pd.to_datetime(al["date"])
    assert dates.is_monotonic_decreasing
    assert list(al.columns[:2]) == ["reason", "owner"]
    # a theme named in another case than its label still finds its owner (labels keep the customers' casing)
    named = al["theme"].dropna()
    named = named[named != "unassigned"]
    assert len(named) > 0
    first = named.iloc[0]
    again = vocnlp.alerts(tagged, score_col="nps", text_col="comment", owners={first.upper(): "the-owner"})
    assert (again.loc[again["theme"] == first, "owner"] == "the-owner").all()
    with pytest.raises(vocnlp.InputError, match="Pipeline"):
        vocnlp.alerts(pd.DataFrame({"nps": [1]}))


NOTEBOOK_CHECKS = {
    # checked here, after the notebook's own cells, so the notebooks themselves hold no bare assert
    "quickstart.ipynb": 'assert len(out) == len(df) and out["sentiment"].notna().sum() >= 440 and tm.n_themes >= 8',
    "nps_root_cause.ipynb": "import pathlib\n"
    "assert (rep.table.impact - rep.table.share * rep.table.gap).abs().max() < 1e-9\n"
    'assert pathlib.Path("report.html").stat().st_size > 100_000',
}


@pytest.mark.parametrize("name", sorted(NOTEBOOK_CHECKS))
def test_notebooks_run(name: str, tmp_path: Path) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(NOTEBOOK_CHECKS[name]))
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, errors[0].get("evalue")


@pytest.mark.parametrize("name", sorted(NOTEBOOK_CHECKS))
def test_committed_notebooks_show_their_outputs(name: str) -> None:
    """Issue 20 item 7: the notebooks read on GitHub (tables as HTML, figures as PNG; `make notebooks`
    re-executes them) and hold no bare assert."""
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("outputs") for c in code), "run `make notebooks` and commit the notebooks with their outputs"
    kinds = {k for c in code for o in c.outputs for k in o.get("data", {})}
    assert {"text/html", "image/png"} <= kinds
    assert not any(o.get("output_type") == "error" for c in code for o in c.outputs)
    assert not any(line.lstrip().startswith("assert") for c in code for line in c.source.splitlines())
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))


# ---- issue 18: a report per score kind, on real data ----------------------------------------------------

REAL_SETS = {
    # name: (file, rows, score column, kind, date column)
    "nps_en": ("nps_verbatims_en/nps_verbatims.csv", 400, "nps_score", "nps", "response_date"),
    "stars_zh": ("themes_asap_zh_sample/data.csv", 120, "rating", "stars", None),
    "stars_ko": ("sentiment_nsmc_ratings/data.csv", 400, "rating", "stars", "date"),
}


@pytest.fixture(scope="module", params=sorted(REAL_SETS))
def real_report(request: pytest.FixtureRequest, shared_data: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from vocnlp.analyze import run_analysis

    file, rows, score_col, kind, date_col = REAL_SETS[request.param]
    df = pd.read_csv(shared_data / file).sample(frac=1.0, random_state=0).head(rows).reset_index(drop=True)
    out = tmp_path_factory.mktemp(request.param)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):  # issue 21 item 4: every stage announced, the bars shown
        res = run_analysis(df, text_col="text", score_col=score_col, kind=kind, date_col=date_col, out_dir=out,
                           n_boot=300, progress=True)
    stages = re.findall(r"vocnlp analyze \[(\d)/4\]", err.getvalue())
    assert stages == ["1", "2", "3", "4"] and "comments" in err.getvalue(), err.getvalue()[-2000:]
    return request.param, res, out


def test_real_reports_read_right_for_their_kind(real_report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from vocnlp.drivers.scores import NAMES, UNITS
    from vocnlp.report.narrative import fmt_value

    name, res, out = real_report
    kind = res.drivers.kind
    html = (out / "report.html").read_text(encoding="utf-8")
    assert f"impact in {UNITS[kind]}" in html and (kind == "nps" or "NPS points" not in html)
    lead = re.findall(r"<p class='lead'>(.*?)</p>", html)
    assert 3 <= len(lead) <= 6 and lead[0].startswith(f"{NAMES[kind]} is {fmt_value(res.drivers.score.value, kind)}")
    # every theme named with an impact in the narrative carries the table's numbers
    table = res.drivers.table.set_index("theme")
    import html as html_lib

    for sentence in map(html_lib.unescape, lead):
        for theme, impact, lo, hi in re.findall(r"“([^”]+)” \(([-+][\d.]+), 95% CI ([-+][\d.]+) to ([-+][\d.]+)\)", sentence):
            row = table.loc[theme]
            row = row.iloc[0] if isinstance(row, pd.DataFrame) else row
            assert (impact, lo, hi) == tuple(fmt_value(row[c], kind, signed=True)
                                             for c in ("impact", "impact_ci_low", "impact_ci_high")), (name, sentence)
    if CHROMIUM is not None:
        console = render(out / "report.html", tmp_path / f"{name}.png")
        assert console == [], console


def test_real_act_now_never_lists_happy_reviewers(real_report) -> None:  # type: ignore[no-untyped-def]
    from vocnlp.drivers.scores import low_scores

    name, res, _ = real_report
    score_col = res.drivers._options["score_col"]
    al = vocnlp.alerts(res.out, score_col=score_col, kind=res.drivers.kind)
    low = low_scores(res.out[score_col].tolist(), res.drivers.kind)          # the scale is the whole column's
    assert len(al) == 0 or low[al.index.to_numpy()].all(), name              # was: 5-star reviews as "negative"


def test_analyze_applies_a_saved_taxonomy(analysis_dir: Path, tmp_path: Path) -> None:
    """Issue 20 item 5: `vocnlp analyze --themes DIR` reuses last run's themes (same ids and labels) instead
    of fitting new ones; a folder that holds no theme model fails before the pipeline runs."""
    from typer.testing import CliRunner

    from vocnlp.cli import app

    sample = vocnlp.io.load_sample().iloc[:150]
    path = tmp_path / "next.csv"
    sample.to_csv(path, index=False)
    args = ["analyze", str(path), "--text-col", "comment", "--score-col", "nps", "--out", str(tmp_path / "next")]
    res = CliRunner().invoke(app, [*args, "--themes", str(analysis_dir / "themes")])
    assert res.exit_code == 0, res.output
    before = pd.read_csv(analysis_dir / "themes.csv")
    after = pd.read_csv(tmp_path / "next" / "themes.csv")
    assert list(after["theme_id"]) == list(before["theme_id"]) and list(after["label"]) == list(before["label"])
    tagged = pd.read_parquet(tmp_path / "next" / "tagged.parquet")
    assert set(tagged["theme"].dropna()) <= set(before["label"]) | {"unassigned"}
    bad = CliRunner().invoke(app, [*args, "--themes", str(tmp_path)])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
    # --theme-discovery reaches the theme fit (themes.json records it); a wrong value fails before any model
    import json

    doc = json.loads((analysis_dir / "themes" / "themes.json").read_text(encoding="utf-8"))
    assert doc["params"]["discovery"] == "auto" and doc["fit_stats"]["discovery"] == "clusters"  # 15 languages
    wrong = CliRunner().invoke(app, [*args, "--theme-discovery", "kmeans"])
    assert wrong.exit_code != 0 and "Traceback" not in wrong.output and "kmeans" in wrong.output
    from vocnlp.analyze import run_analysis

    with pytest.raises(vocnlp.ConfigError, match="theme_discovery"):
        run_analysis(sample, text_col="comment", score_col="nps", out_dir=tmp_path / "x", theme_discovery="kmeans")


# ---- comments without a score (reviews, tickets) ------------------------------------------------------------


def test_analyze_without_a_score_reports_themes_and_sentiment(shared_data: Path, tmp_path: Path) -> None:
    """Real Japanese hotel and sight reviews have no score: `vocnlp analyze` used to refuse them (--score-col was
    required). Now it writes everything but the drivers, and the report opens with what the comments talk about.
    Also the bug found on the first such report: plotly.js rode on the score chart, so without one every chart
    was blank; it is inlined once in the page's head now."""
    from typer.testing import CliRunner

    from vocnlp.analyze import run_analysis
    from vocnlp.cli import app

    df = pd.read_csv(shared_data / "reviews_quasi_japanese_reviews" / "data.csv").head(120)
    path = tmp_path / "ja.csv"
    df.to_csv(path, index=False)
    res = CliRunner().invoke(app, ["analyze", str(path), "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    assert "no score, so no drivers" in res.output and "report:" in res.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"tagged.parquet", "themes.csv", "report.html", "themes"} <= names and "drivers.csv" not in names
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "What customers talk about" in html and "What to fix first" not in html and "Act now" not in html
    assert "Talked about most: “" in html
    assert html.index("<script type='text/javascript'>") < html.index("Plotly.newPlot")
    tagged = pd.read_parquet(tmp_path / "out" / "tagged.parquet")
    assert len(tagged) == 120 and list(tagged["text"].str[:10]) == list(df["text"].str[:10])
    if CHROMIUM is not None:
        console = render(tmp_path / "out" / "report.html", tmp_path / "ja.png")
        assert console == [], console
    # options that act on a score say so before any model loads
    with pytest.raises(vocnlp.ConfigError, match="score_col"):
        run_analysis(df, text_col="text", kind="nps", out_dir=tmp_path / "x")
    with pytest.raises(vocnlp.ConfigError, match="segment_cols"):
        run_analysis(df, text_col="text", segment_cols=["label"], out_dir=tmp_path / "x")
    with pytest.raises(vocnlp.InputError, match=r"languages=\['ja'\]"):  # one string, not a list of codes
        run_analysis(df, text_col="text", languages="ja", out_dir=tmp_path / "x")
