"""Request micro-batching: concurrent requests are coalesced into one pipeline run.

Each request puts its comments on an asyncio queue and awaits its own future. One worker task takes
what is waiting (up to ``max_batch`` comments, waiting at most ``max_wait_ms`` for more), runs the
pipeline once in a worker thread (off the event loop), and hands each request its rows back. With 32
clients sending one comment each, the encoder sees a few batches instead of 32 single-text passes.

Example:
    >>> batcher = MicroBatcher(lambda texts: [len(t) for t in texts], max_batch=64, max_wait_ms=5)  # doctest: +SKIP
    >>> await batcher.submit(["a", "bb"])                                                          # doctest: +SKIP
    [1, 2]
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["MicroBatcher", "Overloaded"]

logger = logging.getLogger(__name__)


class Overloaded(RuntimeError):
    """The queue is full: the caller should retry later (HTTP 503 with Retry-After)."""


@dataclass
class _Job:
    items: list[Any]
    future: asyncio.Future[list[Any]]
    queued_at: float = field(default_factory=time.perf_counter)


class MicroBatcher:
    """Coalesces ``submit`` calls into calls of ``fn(items) -> results`` (same length, same order).

    Args:
        fn: the batch function (runs in a worker thread).
        max_batch: most items per ``fn`` call (a single larger request runs alone).
        max_wait_ms: how long the first waiting request waits for company; 0 disables coalescing.
        max_queue: most items waiting; beyond it ``submit`` raises :class:`Overloaded`.
        on_batch: called with (items in the batch, requests in the batch, seconds) after each run.
    """

    def __init__(
        self,
        fn: Callable[[list[Any]], Sequence[Any]],
        *,
        max_batch: int = 256,
        max_wait_ms: float = 5.0,
        max_queue: int = 10_000,
        on_batch: Callable[[int, int, float], None] | None = None,
    ) -> None:
        self.fn = fn
        self.max_batch = max_batch
        self.max_wait = max_wait_ms / 1000.0
        self.max_queue = max_queue
        self.on_batch = on_batch
        self._queue: asyncio.Queue[_Job] | None = None
        self._task: asyncio.Task[None] | None = None
        self.waiting = 0
        self.shed = 0  # items dropped because their caller had given up

    async def start(self) -> None:
        self._queue = asyncio.Queue()
        self._task = asyncio.create_task(self._run(), name="vocnlp-microbatcher")

    async def stop(self) -> None:
        """Finish what is queued, then stop."""
        if self._queue is not None:
            await self._queue.join()
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def submit(self, items: list[Any]) -> list[Any]:
        if self._queue is None:
            raise RuntimeError("MicroBatcher.start() was not called")
        if self.waiting + len(items) > self.max_queue:
            raise Overloaded(f"{self.waiting} comments are waiting (limit {self.max_queue})")
        job = _Job(items, asyncio.get_running_loop().create_future())
        self.waiting += len(items)
        await self._queue.put(job)
        return await job.future

    async def _run(self) -> None:
        assert self._queue is not None
        while True:
            first = await self._queue.get()
            jobs, n = [first], len(first.items)
            deadline = time.perf_counter() + self.max_wait
            while n < self.max_batch:
                timeout = deadline - time.perf_counter()
                try:
                    job = (
                        self._queue.get_nowait() if timeout <= 0 else await asyncio.wait_for(self._queue.get(), timeout)
                    )
                except (asyncio.TimeoutError, asyncio.QueueEmpty):
                    break
                jobs.append(job)
                n += len(job.items)
            await self._execute(jobs, n)

    async def _execute(self, jobs: list[_Job], n: int) -> None:
        """Run the jobs' items in slices of ``max_batch``. A job whose caller gave up (timed out, went
        away) before its slice started is shed: its work never runs, and a big request that times out
        stops at the next slice instead of holding the worker for the whole of it."""
        assert self._queue is not None
        live = [j for j in jobs if not j.future.done()]
        items = [x for j in live for x in j.items]
        t0 = time.perf_counter()
        try:
            results: list[Any] = []
            for start in range(0, len(items), self.max_batch):
                if all(j.future.done() for j in live):
                    break
                part = items[start : start + self.max_batch]
                out = await asyncio.to_thread(self.fn, part)
                if len(out) != len(part):
                    raise RuntimeError(f"batch function returned {len(out)} results for {len(part)} items")
                results.extend(out)
            pos = 0
            for j in live:
                if not j.future.done():
                    j.future.set_result(list(results[pos : pos + len(j.items)]))
                pos += len(j.items)
        except Exception as exc:
            logger.exception("batch of %d items failed", len(items))
            for j in live:
                if not j.future.done():
                    j.future.set_exception(exc)
        finally:
            self.waiting -= n
            self.shed += n - len(items)
            for _ in jobs:
                self._queue.task_done()
            if self.on_batch is not None and items:
                self.on_batch(len(items), len(live), time.perf_counter() - t0)
