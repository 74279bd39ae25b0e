"""The service's guards without a server: shedding timed-out work, the token bound, access-log queries, nesting."""

from __future__ import annotations

import asyncio
import logging

import pytest

pytest.importorskip("pydantic")

from vocnlp.service.batcher import MicroBatcher  # noqa: E402
from vocnlp.service.guard import StripQuery, key_matches  # noqa: E402
from vocnlp.service.rows import bound_tokens  # noqa: E402
from vocnlp.service.schemas import MAX_DEPTH, Comment  # noqa: E402


def test_timed_out_requests_are_shed_not_run() -> None:
    # issue 16 item 5: a 504 did not stop the work; the next request waited behind it
    ran: list[str] = []

    def slow(items: list[str]) -> list[str]:
        import time

        ran.extend(items)
        time.sleep(0.3)
        return items

    async def scenario() -> tuple[list[str], int]:
        b = MicroBatcher(slow, max_batch=2, max_wait_ms=0)
        await b.start()
        big = asyncio.create_task(asyncio.wait_for(b.submit([f"big{i}" for i in range(10)]), 0.1))
        queued = asyncio.create_task(asyncio.wait_for(b.submit(["late"]), 0.05))
        for t in (big, queued):
            with pytest.raises(asyncio.TimeoutError):
                await t
        fresh = await b.submit(["fresh"])
        await b.stop()
        return fresh, b.shed

    fresh, shed = asyncio.run(scenario())
    assert fresh == ["fresh"]
    assert "late" not in ran                           # never started: shed
    assert len([x for x in ran if x.startswith("big")]) <= 4   # stopped at the next slice, not all 10
    assert shed >= 1


def test_bound_tokens_cuts_only_what_is_over() -> None:
    count = lambda ts: [len(t) for t in ts]  # noqa: E731 - one token per character
    out = bound_tokens(["x" * 100, "short", None], count, 40)
    assert len(out[0][0]) <= 40 and out[0][1] == 100
    assert out[1] == ("short", None) and out[2] == (None, None)


def test_access_log_lines_lose_their_query_string() -> None:
    rec = logging.LogRecord("uvicorn.access", 20, "", 0, '%s - "%s %s HTTP/%s" %d',
                            ("127.0.0.1:5", "POST", "/v1/analyze?api_key=s3cret&x=1", "1.1", 401), None)
    assert StripQuery().filter(rec) and "s3cret" not in rec.getMessage() and "/v1/analyze" in rec.getMessage()


def test_key_matches_forms() -> None:
    assert key_matches({"authorization": "Bearer k"}, "k") and not key_matches({"authorization": "Bearer x"}, "k")
    assert not key_matches({"x-api-key": "ké"}, "k")           # non-ASCII keys compare without raising


def test_passed_through_fields_are_bounded_in_depth() -> None:
    ok: object = "v"
    for _ in range(MAX_DEPTH):
        ok = [ok]
    Comment(text="t", meta=ok)
    deep: object = []
    for _ in range(900):
        deep = [deep]
    with pytest.raises(ValueError, match="nested"):
        Comment(text="t", meta=deep)


def test_guard_counts_unhandled_errors_as_500_under_one_label_per_route() -> None:
    # issue 16 items 2 and 3: a 500 must show in the metrics, and unknown paths share one label
    from vocnlp.service.guard import RequestGuard

    seen: list[tuple[str, int]] = []

    async def broken(scope, receive, send):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")

    guard = RequestGuard(broken, api_key=None, max_body_bytes=100, routes={"/v1/analyze"},
                         observe=lambda route, status, s: seen.append((route, status)))

    async def call(path: str) -> None:
        async def receive():  # type: ignore[no-untyped-def]
            return {"type": "http.request", "body": b"{}", "more_body": False}

        async def send(message):  # type: ignore[no-untyped-def]
            pass

        with pytest.raises(RuntimeError):
            await guard({"type": "http", "path": path, "headers": [], "method": "POST"}, receive, send)

    asyncio.run(call("/v1/analyze"))
    asyncio.run(call("/no/such/path/123"))
    assert seen == [("/v1/analyze", 500), ("other", 500)]
