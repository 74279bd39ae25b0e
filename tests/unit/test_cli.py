"""The command line as people know it from other tools (issue 20): --version, -v/-q, help on every option,
choices shown, flags that read right. No model loads here."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from vocnlp import __version__
from vocnlp.cli import app


def test_version_and_verbosity_flags() -> None:
    r = CliRunner().invoke(app, ["--version"])
    assert r.exit_code == 0 and r.output.strip() == f"vocnlp {__version__}"
    assert CliRunner().invoke(app, ["-q", "models"]).exit_code == 0
    assert CliRunner().invoke(app, ["-v", "models"]).exit_code == 0


def test_every_option_has_help_and_choices_are_checked() -> None:
    command = typer.main.get_command(app)
    missing = [f"{name} {p.opts[0]}" for name, cmd in command.commands.items() for p in cmd.params
               if p.param_type_name == "option" and not p.help]
    assert missing == []
    serve = command.commands["serve"]
    flags = [o for p in serve.params for o in (*p.opts, *p.secondary_opts)]
    assert "--no-micro-batching" in flags and "--no-no-micro-batching" not in flags
    r = CliRunner().invoke(app, ["analyze", "x.csv", "--score-col", "s", "--out", "o", "--kind", "foo"])
    assert r.exit_code == 2 and "nps" in r.output


def test_tag_takes_the_encoder_precision() -> None:
    r = CliRunner().invoke(app, ["tag", "x.csv", "--out", "o.parquet", "--dtype", "int4"])
    assert r.exit_code == 2 and "int8" in r.output


def test_analyze_passes_the_declared_languages_on(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`vocnlp analyze` had no --languages (only `tag` had): a Hausa file, which no detector reads as Hausa, could
    not be declared. Checked without loading a model: the option reaches run_analysis."""
    import pandas as pd

    import vocnlp.analyze

    seen: dict[str, object] = {}

    def fake(df, **kwargs):  # type: ignore[no-untyped-def]
        seen.update(kwargs)
        raise SystemExit(0)

    monkeypatch.setattr(vocnlp.analyze, "run_analysis", fake)
    pd.DataFrame({"text": ["Allah ya kara lafiya", "Babu wutar lantarki"]}).to_csv(tmp_path / "ha.csv", index=False)
    r = CliRunner().invoke(app, ["analyze", str(tmp_path / "ha.csv"), "--out", str(tmp_path / "o"), "--languages", "ha"])
    assert r.exit_code == 0 and seen["languages"] == ["ha"]
