"""What the service runs between start-up and shutdown: the pipeline, its two micro-batchers (comments
and embeddings), readiness, and the per-request limits applied on the way in.

Anything with the :class:`ServicePipeline` shape can be served: the real :class:`~vocnlp.Pipeline`, or a
fake in route tests that need no model.

Example:
    >>> rt = ServiceRuntime(ServiceSettings(), ServiceMetrics())     # doctest: +SKIP
    >>> await rt.start(Pipeline.default())                           # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any, Protocol

from .batcher import MicroBatcher
from .metrics import ServiceMetrics
from .rows import bound_tokens, clean, public_models
from .settings import ServiceSettings

__all__ = ["ServiceRuntime", "ServicePipeline", "ServiceEncoder"]

logger = logging.getLogger(__name__)
#: columns the pipeline returns that a client does not get back
_NOT_SENT = {"text", "embedding", "clause_embeddings"}


class ServiceEncoder(Protocol):
    dim: int

    def encode(self, texts: Sequence[str]) -> Any: ...  # .embeddings: (n, dim)

    def token_counts(self, texts: Sequence[str]) -> list[int]: ...

    def describe(self) -> dict[str, str]: ...


class ServicePipeline(Protocol):
    """What the service needs of a pipeline."""

    @property
    def encoder(self) -> ServiceEncoder: ...

    def run(self, data: Any) -> Any: ...  # a pandas DataFrame, one row per text

    def describe(self) -> dict[str, Any]: ...


class ServiceRuntime:
    """The pipeline and its batchers, started by the app's lifespan and stopped gracefully."""

    def __init__(self, settings: ServiceSettings, metrics: ServiceMetrics) -> None:
        self.settings = settings
        self.metrics = metrics
        self.ready = False
        self.models: dict[str, Any] = {}
        self._pipeline: ServicePipeline | None = None
        self._batcher: MicroBatcher | None = None
        self._embedder: MicroBatcher | None = None

    @property
    def pipeline(self) -> ServicePipeline:
        if self._pipeline is None:
            raise RuntimeError("the service has not started")
        return self._pipeline

    async def start(self, pipeline: ServicePipeline) -> None:
        s = self.settings
        self._pipeline = pipeline
        await asyncio.to_thread(pipeline.run, ["Warm-up: the service is starting.", "Démarrage du service."])
        wait = s.max_wait_ms if s.micro_batching else 0.0
        self._batcher = MicroBatcher(
            self._rows,
            max_batch=s.max_batch if s.micro_batching else 1,
            max_wait_ms=wait,
            max_queue=s.max_queue,
            on_batch=self.metrics.batch,
        )
        self._embedder = MicroBatcher(
            lambda texts: list(pipeline.encoder.encode(texts).embeddings),
            max_batch=s.max_batch,
            max_wait_ms=wait,
            max_queue=s.max_queue,
        )
        await self._batcher.start()
        await self._embedder.start()
        self.models = public_models(clean(pipeline.describe()))
        self.ready = True
        logger.info("vocnlp service ready")

    async def stop(self) -> None:
        """Finish what is queued, then stop."""
        self.ready = False
        for b in (self._batcher, self._embedder):
            if b is not None:
                await b.stop()

    def _rows(self, texts: list[Any]) -> list[dict[str, Any]]:
        out = self.pipeline.run(list(texts))
        cols = [c for c in out.columns if c not in _NOT_SENT]
        return [{c: clean(v) for c, v in zip(cols, row)} for row in out[cols].itertuples(index=False, name=None)]

    async def bounded(self, texts: list[Any]) -> list[tuple[Any, int | None]]:
        """Texts cut to ``max_tokens`` each (counted off the event loop)."""
        enc = self.pipeline.encoder
        return await asyncio.to_thread(bound_tokens, texts, enc.token_counts, self.settings.max_tokens)

    async def analyze(self, texts: list[Any]) -> list[dict[str, Any]]:
        """One result row per text, through the comment batcher (queue limit, timeout, shedding)."""
        assert self._batcher is not None
        return await self._through(self._batcher, texts)

    async def embed(self, texts: list[str]) -> list[Any]:
        assert self._embedder is not None
        return await self._through(self._embedder, texts)

    async def _through(self, batcher: MicroBatcher, items: list[Any]) -> list[Any]:
        """Raises :class:`~vocnlp.service.batcher.Overloaded` or :class:`asyncio.TimeoutError`; the
        batcher sheds the work of a request that timed out."""
        try:
            self.metrics.queue.set(batcher.waiting + len(items))
            return await asyncio.wait_for(batcher.submit(items), self.settings.timeout_s)
        finally:
            self.metrics.queue.set(batcher.waiting)
