"""Theme units: the clauses of each comment with their embeddings, from a Pipeline output or embedded here.

Themes are found and assigned per clause, so "the staff were lovely but the app keeps crashing" can
carry two themes, each with its clause's sentiment. A frame from ``Pipeline.default(keep_embeddings=True)``
already holds every clause embedding (no second encoder pass); any other frame is split and embedded
once, in one encoder call.

Example:
    >>> units = build_units(["Late again. Rude driver.", None], languages=["en", "und"])   # doctest: +SKIP
    >>> units.texts, units.row                                                           # doctest: +SKIP
    (['Late again.', 'Rude driver.'], array([0, 0]))
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Units", "build_units", "detected_languages", "units_from_frame"]

logger = logging.getLogger(__name__)


@dataclass
class Units:
    """Clauses of many comments, flattened.

    Attributes:
        texts: unit texts.
        row: the comment (row position) each unit belongs to.
        clause: the unit's clause number within its comment.
        language: the comment's language.
        sentiment: the clause's sentiment label, or None when unknown.
        sentiment_score: the clause's sentiment score, or NaN when unknown.
        embeddings: ``(n_units, dim)``.
        n_rows: number of comments (rows) the units were built from.
    """

    texts: list[str]
    row: np.ndarray
    clause: np.ndarray
    language: list[str]
    sentiment: list[str | None]
    sentiment_score: np.ndarray
    embeddings: np.ndarray
    n_rows: int

    def __len__(self) -> int:
        return len(self.texts)

    def take(self, idx: np.ndarray) -> Units:
        return Units(
            [self.texts[i] for i in idx],
            self.row[idx],
            self.clause[idx],
            [self.language[i] for i in idx],
            [self.sentiment[i] for i in idx],
            self.sentiment_score[idx],
            self.embeddings[idx],
            self.n_rows,
        )


def build_units(
    texts: Sequence[Any],
    *,
    languages: Sequence[str] | None = None,
    sentiments: Sequence[Sequence[tuple[str | None, float | None]] | None] | None = None,
    encoder: Any = None,
) -> Units:
    """Split and embed comments (one encoder call). Non-strings and empty texts give no unit."""
    import numpy as np

    from ..clauses import split_clauses
    from ..textcheck import check_text

    utexts: list[str] = []
    rows: list[int] = []
    clause_no: list[int] = []
    langs: list[str] = []
    labels: list[str | None] = []
    scores: list[float] = []
    for i, value in enumerate(texts):
        checked = check_text(value)
        if checked.text is None:
            continue
        lang = languages[i] if languages is not None else "und"
        parts = split_clauses(checked.text, language=lang) or []
        known = sentiments[i] if sentiments is not None else None
        for j, c in enumerate(parts):
            utexts.append(c.text)
            rows.append(i)
            clause_no.append(j)
            langs.append(lang)
            lab, s = known[j] if known is not None and len(known) == len(parts) else (None, None)
            labels.append(lab)
            scores.append(float("nan") if s is None else float(s))
    if encoder is None:
        from ..encoders import get_encoder

        encoder = get_encoder()
    emb = encoder.encode(utexts).embeddings if utexts else np.zeros((0, encoder.dim), np.float32)
    return Units(
        utexts,
        np.array(rows, dtype=np.int64),
        np.array(clause_no, dtype=np.int64),
        langs,
        labels,
        np.array(scores, dtype=np.float64),
        emb,
        len(texts),
    )


def _row_sentiments(df: Any) -> list[list[tuple[str | None, float | None]] | None] | None:
    """Per row, per clause ``(sentiment, score)`` from the ``clauses`` column, else the row's own sentiment."""
    has_clauses = "clauses" in df.columns
    has_row = "sentiment" in df.columns
    if not (has_clauses or has_row):
        return None
    out: list[list[tuple[str | None, float | None]] | None] = []
    for i in range(len(df)):
        cl = df["clauses"].iat[i] if has_clauses else None
        if isinstance(cl, list) and cl and cl[0].get("sentiment") is not None:
            out.append([(c.get("sentiment"), c.get("sentiment_score")) for c in cl])
        elif has_row and isinstance(df["sentiment"].iat[i], str):
            score = df["sentiment_score"].iat[i] if "sentiment_score" in df.columns else None
            out.append([(df["sentiment"].iat[i], score)])  # used for one-clause comments only
        else:
            out.append(None)
    return out


def detected_languages(texts: Sequence[Any]) -> list[str]:
    """The language of each comment, detected as the Pipeline does (its detector, with the language shares of
    these comments weighing in on short ones): a frame without the Pipeline's ``language`` column still has
    its clauses cut at its own language's contrast words and, in one language, themes anchored on its phrases.
    Non-texts and empty texts are ``"und"``.

    Example:
        >>> detected_languages(["Die Lieferung kam zu spät", None])                    # doctest: +SKIP
        ['de', 'und']
    """
    from ..langid import UND, cached_detector
    from ..textcheck import check_text

    checked = [check_text(t).text for t in texts]
    at = [i for i, t in enumerate(checked) if t]
    out = [UND] * len(texts)
    if not at:
        return out
    values = [checked[i] or "" for i in at]
    detector = cached_detector()
    for i, guess in zip(at, detector.detect(values, prior=detector.estimate_prior(values))):
        out[i] = guess.lang
    return out


def units_from_frame(df: Any, text_col: str, *, encoder: Any = None) -> Units:
    """Units of a pandas frame: reuses ``clauses`` + ``clause_embeddings`` columns when the Pipeline kept them.
    Without a ``language`` column, each comment's language is detected (:func:`detected_languages`)."""
    import numpy as np

    n = len(df)
    if "language" in df:
        languages = [str(v) if isinstance(v, str) else "und" for v in df["language"]]
    else:
        languages = detected_languages(list(df[text_col]))
    sentiments = _row_sentiments(df)
    if "clause_embeddings" in df.columns and "clauses" in df.columns:
        texts, rows, cl, langs, labels, scores, embs = [], [], [], [], [], [], []
        for i, (clauses, ce) in enumerate(zip(df["clauses"], df["clause_embeddings"])):
            if not isinstance(clauses, list) or ce is None:
                continue
            ce = np.asarray(ce, dtype=np.float32).reshape(len(clauses), -1)
            known = sentiments[i] if sentiments is not None else None
            for j, c in enumerate(clauses):
                texts.append(c["text"])
                rows.append(i)
                cl.append(j)
                langs.append(languages[i] if languages else "und")
                lab, s = known[j] if known is not None and (len(known) == len(clauses)) else (None, None)
                labels.append(lab)
                scores.append(float("nan") if s is None else float(s))
                embs.append(ce[j])
        dim = embs[0].shape[0] if embs else 384
        return Units(
            texts,
            np.array(rows, dtype=np.int64),
            np.array(cl, dtype=np.int64),
            langs,
            labels,
            np.array(scores, dtype=np.float64),
            np.stack(embs).astype(np.float32) if embs else np.zeros((0, dim), np.float32),
            n,
        )
    logger.info("embedding %d comments for themes (run the Pipeline with keep_embeddings=True to reuse its pass)", n)
    return build_units(list(df[text_col]), languages=languages, sentiments=sentiments, encoder=encoder)
