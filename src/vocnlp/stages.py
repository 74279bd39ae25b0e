"""The contract between the Pipeline and the stages fed by its one shared encoder pass.

A stage gets a :class:`StageBatch` (the live texts of a chunk, their embeddings, their languages and,
when a stage asked for them, their clauses with embeddings) and returns its output: a
:class:`StageOutput` with new columns (one value per text) and, optionally, values per clause (one
list per text, one value per clause). The pipeline puts each stage's clause values into the
``clauses`` column and shows them to later stages in ``batch.clause_fields``; a stage never writes
into the batch. A plain ``{column: values}`` dict is accepted as an output without clause values.

Example:
    >>> class Length:
    ...     name = "length"
    ...     needs_clauses = True
    ...     output_columns = ("n_chars",)
    ...     def columns(self, batch):
    ...         return StageOutput(rows={"n_chars": [len(t) for t in batch.texts]},
    ...                            clauses={"n_chars": [[len(c.text) for c in cl] for cl in batch.clauses]})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np

    from .clauses import Clause

__all__ = ["EmbeddingStage", "StageBatch", "StageOutput"]


@dataclass
class StageOutput:
    """What a stage returns for a batch of ``n`` texts.

    Attributes:
        rows: ``{column: n values}``; the columns are the stage's ``output_columns``.
        clauses: ``{field: n lists}``, one value per clause of each text (``None`` for a text the stage
            has no clause values for); they appear under ``field`` in the ``clauses`` column.
    """

    rows: dict[str, list[Any]]
    clauses: dict[str, list[list[Any] | None]] = field(default_factory=dict)

    @classmethod
    def of(cls, result: StageOutput | dict[str, list[Any]]) -> StageOutput:
        """A stage's return value as a StageOutput (a plain dict holds row columns only)."""
        return result if isinstance(result, StageOutput) else cls(rows=dict(result))

    def check(self, n: int, stage: str) -> None:
        """Raise when a column or clause field does not hold one value per text."""
        bad = {k: len(v) for k, v in {**self.rows, **self.clauses}.items() if len(v) != n}
        if bad:
            raise RuntimeError(f"stage {stage} returned {bad} values for {n} rows")


class EmbeddingStage(Protocol):
    """A stage fed by the shared encoder pass (sentiment, intent, custom heads, themes)."""

    name: str
    #: True when the stage wants each comment's clauses embedded too (in the same encoder call).
    needs_clauses: bool

    @property
    def output_columns(self) -> tuple[str, ...]:
        """The columns :meth:`columns` returns (used for empty inputs and for failed rows)."""

    def columns(self, batch: StageBatch) -> StageOutput | dict[str, list[Any]]: ...


@dataclass
class StageBatch:
    """The live rows of one chunk as the stages see them.

    Attributes:
        texts: the comments (after input checks), in row order.
        embeddings: ``(n, dim)`` comment embeddings.
        languages: ISO code per comment (``und`` when undecided).
        clauses: per comment, its clauses (a comment with one clause has one, covering it).
        clause_embeddings: per comment, ``(len(clauses), dim)``; a one-clause comment reuses its embedding.
        clause_fields: per-clause values of the stages that ran before, ``{field: per comment, a list per
            clause}`` (filled by the pipeline from their :class:`StageOutput`; read it, never write it).
    """

    texts: list[str]
    embeddings: np.ndarray
    languages: list[str]
    clauses: list[list[Clause]] | None = None
    clause_embeddings: list[np.ndarray] | None = None
    clause_fields: dict[str, list[list[Any] | None]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.texts)

    def subset(self, rows: list[int]) -> StageBatch:
        """The batch restricted to ``rows`` (positions), used to isolate rows a stage fails on."""
        return StageBatch(
            texts=[self.texts[i] for i in rows],
            embeddings=self.embeddings[rows],
            languages=[self.languages[i] for i in rows],
            clauses=None if self.clauses is None else [self.clauses[i] for i in rows],
            clause_embeddings=None if self.clause_embeddings is None else [self.clause_embeddings[i] for i in rows],
            clause_fields={k: [v[i] for i in rows] for k, v in self.clause_fields.items()},
        )

    def flat_clause_embeddings(self) -> tuple[np.ndarray, list[int]]:
        """All clause embeddings stacked, and where each comment's clauses start (length ``n + 1``)."""
        import numpy as np

        if self.clause_embeddings is None:
            raise RuntimeError("this batch has no clauses: the stage must set needs_clauses = True")
        offsets = [0]
        for e in self.clause_embeddings:
            offsets.append(offsets[-1] + len(e))
        dim = self.embeddings.shape[1]
        flat = np.concatenate(self.clause_embeddings) if offsets[-1] else np.zeros((0, dim), np.float32)
        return flat, offsets
