"""The ``vocnlp`` command line: demo, analyze, tag, serve, models, bench.

Example:
    $ vocnlp demo --out vocnlp-demo
    $ vocnlp analyze feedback.csv --text-col comment --score-col nps --date-col date --out out/
    $ vocnlp tag comments.csv --text-col comment --out tagged.parquet
    $ vocnlp models
"""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    help="vocnlp: Voice-of-the-Customer text analytics, offline.", no_args_is_help=True, add_completion=False
)


class Precision(str, Enum):
    """The encoder precisions of ``--dtype`` (see vocnlp.config.RuntimeConfig.dtype)."""

    auto = "auto"
    float32 = "float32"
    bfloat16 = "bfloat16"
    float16 = "float16"
    int8 = "int8"


class Discovery(str, Enum):
    """How ``--theme-discovery`` finds themes (see vocnlp.themes.model.DISCOVERY)."""

    auto = "auto"
    phrases = "phrases"
    clusters = "clusters"


class ScoreKind(str, Enum):
    """The score kinds of ``--kind`` (see vocnlp.drivers.scores.KINDS)."""

    nps = "nps"
    csat = "csat"
    ces = "ces"
    stars = "stars"
    mean = "mean"


DEVICE_HELP = "where the encoder runs: auto (CUDA when there is one, else CPU), cpu, cuda, cuda:N or mps"


def _version(value: bool) -> None:
    if value:
        from ._version import __version__

        typer.echo(f"vocnlp {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="print the version and exit"
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="log what each step does (INFO)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="only errors"),
) -> None:
    """vocnlp: Voice-of-the-Customer text analytics, offline."""
    import logging

    level = logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("vocnlp").setLevel(level)


@app.command()
def demo(
    out: Path = typer.Option(Path("vocnlp-demo"), help="folder for tagged.parquet, themes, drivers, report.html"),
    device: str = typer.Option("auto", help=DEVICE_HELP),
) -> None:
    """Analyse the bundled multilingual sample feedback: languages, sentiment, themes, NPS drivers, report."""
    from .demo import run_demo

    run_demo(out, device=device)


@app.command()
def analyze(
    input: Path = typer.Argument(..., help="CSV, TSV, Parquet or JSONL file"),
    out: Path = typer.Option(..., "--out", help="folder for tagged.parquet, themes.csv, drivers.csv, report.html"),
    text_col: str = typer.Option("text", help="column with the comments"),
    score_col: str | None = typer.Option(
        None, help="column with the score (NPS, CSAT, stars...); without one: themes and sentiment, no drivers"
    ),
    kind: ScoreKind | None = typer.Option(
        None,
        case_sensitive=False,
        help="nps (0-10), csat (1-5, % of 4-5), ces (1-7), stars (1-5 or 1-10, mean) or mean; "
        "default: inferred from the values where that is unambiguous",
    ),
    date_col: str | None = typer.Option(None, help="date column, for trends and period changes"),
    segment_col: list[str] = typer.Option([], help="segment column(s) to control for; repeatable"),
    owners: Path | None = typer.Option(
        None,
        help="CSV with columns theme,owner: who acts on each theme's comments (a parent theme's owner covers its themes)",
    ),
    device: str = typer.Option("auto", help=DEVICE_HELP),
    seed: int = typer.Option(0, help="random seed of the theme fit and the bootstrap (same seed, same result)"),
    themes: Path | None = typer.Option(
        None,
        "--themes",
        help="folder of a saved theme model (e.g. last run's OUT/themes): apply its themes instead of finding new ones",
    ),
    theme_discovery: Discovery = typer.Option(
        Discovery.auto,
        case_sensitive=False,
        help="phrases: themes grow from phrases the customers repeat; clusters: UMAP + HDBSCAN; auto: phrases "
        "where one known language holds 95% of the clauses and they take in 75% of them",
    ),
    redact: bool = typer.Option(
        True,
        help="replace personal data (e-mail, phone, card, IBAN, IP, URL, "
        "names) by placeholders before anything is stored",
    ),
    languages: str | None = typer.Option(
        None,
        help="comma-separated ISO 639-1 codes of the comments' languages; one code is taken as given (e.g. ha "
        "for Hausa, which no detector knows)",
    ),
) -> None:
    """Pipeline, themes and score drivers in one run, with the HTML report.

    Every option is checked (columns, score kind, dates, output folder, owners file) before a model loads.
    Without --score-col (reviews, tickets) it finds themes and sentiment and writes no drivers."""
    from .analyze import run_analysis
    from .drivers.scores import UNITS
    from .io import check_writable, read_owners, read_table

    check_writable(out, folder=True)
    owner_map = read_owners(owners) if owners else None
    df = read_table(input, text_cols=[text_col])
    res = run_analysis(
        df,
        text_col=text_col,
        score_col=score_col,
        kind=kind.value if kind is not None else None,
        date_col=date_col,
        segment_cols=segment_col,
        out_dir=out,
        device=device,
        seed=seed,
        redact=redact,
        theme_discovery=theme_discovery.value,
        owners=owner_map,
        themes=themes,
        languages=languages.split(",") if languages else None,
    )
    times = ", ".join(f"{k} {v:.1f}s" for k, v in res.seconds.items())
    if res.drivers is None:
        typer.echo(f"{len(res.out)} comments; {res.themes.n_themes} themes; no score, so no drivers; times: {times}")
        top = res.themes.themes_.sort_values("size", ascending=False).head(5)
        for _, r in top.iterrows():
            typer.echo(f"  {r['label']!s:<40} {r['share']:>6.1%} of comments, {r['negative']:.0%} of them negative")
        for name, path in res.files.items():
            typer.echo(f"  {name}: {path}")
        return
    typer.echo(f"{len(res.out)} comments; {res.drivers.score}; {res.themes.n_themes} themes; times: {times}")
    from .report.narrative import actionable_rows, fmt_value

    kind = res.drivers.kind
    typer.echo(f"  score kind: {kind}; impacts in {UNITS[kind]}")
    for _, r in actionable_rows(res.drivers.table).head(5).iterrows():
        group = " (group)" if r.get("level") == "parent" else ""
        typer.echo(
            f"  {str(r['theme']) + group:<40} impact {fmt_value(r['impact'], kind, signed=True):>7} (95% CI "
            f"{fmt_value(r['impact_ci_low'], kind, signed=True)} to {fmt_value(r['impact_ci_high'], kind, signed=True)}), "
            f"q={r['q_value']:.3f}"
        )
    for name, path in res.files.items():
        typer.echo(f"  {name}: {path}")


@app.command()
def tag(
    input: str = typer.Argument(..., help="CSV, TSV, Parquet or JSONL file, or a quoted glob of them"),
    out: Path = typer.Option(..., "--out", help="a folder (part files + manifest, resumable) or one output file"),
    text_col: str = typer.Option("text", help="column with the comments"),
    id_col: str | None = typer.Option(None, help="column with a row id, kept as vocnlp_row_key"),
    resume: bool = typer.Option(False, help="finish a job that was interrupted"),
    incremental: bool = typer.Option(False, help="only tag comments this folder has not seen"),
    themes: Path | None = typer.Option(None, help="a saved ThemeModel folder: adds themes"),
    chunk_rows: int | None = typer.Option(
        None, help="rows per chunk and part file (default 4096; --resume re-uses the job's own)"
    ),
    device: str = typer.Option("auto", help=DEVICE_HELP),
    languages: str | None = typer.Option(
        None, help="comma-separated ISO 639-1 codes to choose among; one code is taken as given (e.g. ha for Hausa)"
    ),
    language_prior: bool = typer.Option(
        True,
        help="short, unsure comments lean to the languages of the whole input (a one-word answer in a "
        "Portuguese file is Portuguese)",
    ),
    redact: bool = typer.Option(False, help="replace personal data by placeholders in the output text"),
    pii: bool = typer.Option(False, help="add a pii column with the personal-data spans found"),
    comment_vectors: str = typer.Option(
        "auto",
        help="auto: pool the vector of a long multi-clause comment (128+ tokens) from its clauses' vectors "
        "and embed shorter ones whole; whole: embed every multi-clause comment whole as well as its clauses; "
        "clauses: pool them all (faster, see benchmarks/RESULTS.md)",
    ),
    compile: bool = typer.Option(
        False,
        "--compile",
        help="torch.compile the encoder: 20-30 s once, then 1.03-1.23x faster on CPU; for 250k+ comments",
    ),
    dtype: Precision = typer.Option(
        Precision.auto,
        case_sensitive=False,
        help="encoder precision: auto (bf16 on GPUs and bf16 CPUs, int8 on CPUs with VNNI when the int8 extra is "
        "installed, else float32), float32, bfloat16, float16, or int8 (CPU, ONNX Runtime, the int8 extra: "
        "2.1-2.5x float32 with VNNI, 1.5x without, cosine 0.998)",
    ),
) -> None:
    """Tag comments: language, sentiment, intent (and themes), status and error per row, rows kept in order."""

    from .config import RuntimeConfig
    from .io import check_writable
    from .pipeline import Pipeline
    from .themes import ThemeModel

    one_file = out.suffix.lower() in (".parquet", ".csv", ".tsv", ".jsonl") and not (resume or incremental)
    if one_file:
        check_writable(out)  # a read-only place fails now, not after everything is tagged
    tm = ThemeModel.load(themes) if themes else None
    nlp = Pipeline.default(
        config=RuntimeConfig(device=device, compile=compile, dtype=dtype.value),
        languages=languages.split(",") if languages else None,
        language_prior=language_prior,
        themes=tm,
        redact=redact,
        pii=pii,
        comment_vectors=comment_vectors,
    )
    if one_file:
        from .io import read_table, write_table

        result = nlp.run(
            read_table(input, text_cols=[text_col] if id_col is None else [text_col, id_col]), text_col=text_col
        )
        write_table(result, out)
        flagged = int((result["status"] != "ok").sum())
        typer.echo(f"tagged {len(result)} rows ({flagged} flagged) -> {out}")
        return
    from .jobs import tag as run_job

    summary = run_job(
        input,
        out=out,
        text_col=text_col,
        id_col=id_col,
        resume=resume,
        incremental=incremental,
        chunk_rows=chunk_rows,
        pipeline=nlp,
    )
    typer.echo(f"{summary} -> {out}")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="address to listen on (0.0.0.0: every interface)"),
    port: int = typer.Option(8000, help="TCP port"),
    themes: Path | None = typer.Option(None, help="a saved ThemeModel folder: adds themes to the results"),
    api_key_env: str | None = typer.Option(None, help="name of the environment variable holding the API key"),
    device: str = typer.Option("auto", help=DEVICE_HELP),
    max_wait_ms: float = typer.Option(5.0, help="micro-batching wait"),
    micro_batching: bool = typer.Option(
        True, "--micro-batching/--no-micro-batching", help="coalesce concurrent requests into one pipeline run"
    ),
    shutdown_timeout: float = typer.Option(
        30.0,
        help="on SIGTERM, seconds to wait for open requests (a client that never finishes its body is cut off then)",
    ),
) -> None:
    """Serve the pipeline over HTTP: POST /v1/analyze, /v1/embed, GET /v1/themes, /healthz, /readyz, /metrics."""
    import math
    import os

    from ._lazy import import_optional
    from .pipeline import Pipeline
    from .service import ServiceSettings, create_app
    from .themes import ThemeModel

    uvicorn = import_optional("uvicorn")
    key = None
    if api_key_env:
        key = os.environ.get(api_key_env)
        if not key:
            typer.echo(f"--api-key-env {api_key_env}: that environment variable is empty or unset", err=True)
            raise typer.Exit(2)
    tm = ThemeModel.load(themes) if themes else None
    app_ = create_app(
        Pipeline.default(device=device, themes=tm),
        themes=tm,
        settings=ServiceSettings(
            api_key=key,
            max_wait_ms=max_wait_ms,
            micro_batching=micro_batching,
            shutdown_timeout_s=shutdown_timeout,
        ),
    )
    uvicorn.run(
        app_, host=host, port=port, log_level="info", timeout_graceful_shutdown=max(1, math.ceil(shutdown_timeout))
    )


@app.command()
def models() -> None:
    """List the catalog: what is installed, licences, where the weights come from."""
    from .catalog import list_models, resolve_encoder_source

    for row in list_models():
        typer.echo(
            f"{row['name']:<24} {row['kind']:<8} installed={row['installed']:<4} licence={row['licence']:<13} "
            f"languages={row['languages']}"
        )
        typer.echo(f"    package: {row['package']}; sources: {row['sources']}")
    from .heads.registry import load_head, shipped_heads

    for name in shipped_heads():
        head = load_head(name)
        typer.echo(
            f"{'head: ' + name:<24} {'head':<8} installed=yes  licence=MIT           labels={', '.join(head.labels)}"
        )
        typer.echo(
            f"    version {head.meta.get('version', '?')}, trained {head.meta.get('trained', '?')}; "
            f"card: vocnlp/models/heads/{name}/README.md"
        )
    try:
        src = resolve_encoder_source()
        typer.echo(f"\ndefault encoder weights: {src.kind} ({src.location})")
    except Exception as exc:  # noqa: BLE001 - report, don't crash a listing
        typer.echo(f"\ndefault encoder weights: unavailable ({exc})")


@app.command()
def bench() -> None:
    """Run the benchmark scripts of a source checkout (writes benchmarks/RESULTS.md)."""
    root = Path.cwd() / "benchmarks"
    if not root.is_dir():
        typer.echo("run `vocnlp bench` from a vocnlp source checkout (it needs benchmarks/)", err=True)
        raise typer.Exit(2)
    for script in ("encode.py", "langid.py", "heads.py", "themes.py", "analyze.py", "service.py"):
        subprocess.run([sys.executable, str(root / script)], check=True)


def main() -> None:
    """The ``vocnlp`` command; a caller's mistake (a :class:`~vocnlp.errors.VocnlpError`) prints one line, exit 2."""
    from .errors import VocnlpError

    try:
        app()
    except VocnlpError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
