"""The service's front door (pure ASGI): the key is checked before any body byte is read, the body is
capped while it streams in, whatever its headers claim, and every response is counted by route template.

FastAPI parses a body before its dependencies run, and ``Content-Length`` is only a claim (a chunked
body has none), so both checks live here, in front of the framework:

- ``/v1/...`` without the right key answers 401 at once; the body is never read;
- a body over ``max_body_bytes`` answers 413 as soon as the limit is passed (at most the limit is
  ever held in memory), chunked or not;
- metrics are labelled by the route template (``/v1/analyze``); any unknown path shares the label
  ``other``, so random URLs cannot grow ``/metrics`` without bound; unhandled errors count as 500.

Example:
    >>> app.add_middleware(RequestGuard, api_key="k", max_body_bytes=5_000_000,   # doctest: +SKIP
    ...                    routes={"/v1/analyze"}, observe=lambda route, status, seconds: None)
"""

from __future__ import annotations

import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, Collection, Mapping
from typing import Any

__all__ = ["RequestGuard", "key_matches", "StripQuery", "strip_access_log_queries", "UNKNOWN_ROUTE"]

UNKNOWN_ROUTE = "other"
KEY_MESSAGE = "missing or wrong API key: send it as x-api-key or Authorization: Bearer"

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def key_matches(headers: Mapping[str, str], api_key: str | None) -> bool:
    """True when no key is configured, or ``x-api-key`` / ``Authorization: Bearer`` carries it
    (compared in constant time).

    Example:
        >>> key_matches({"x-api-key": "k"}, "k"), key_matches({}, "k"), key_matches({}, None)
        (True, False, True)
    """
    if api_key is None:
        return True
    given = headers.get("x-api-key") or ""
    auth = headers.get("authorization") or ""
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:]
    return hmac.compare_digest(given.encode("utf-8", "replace"), api_key.encode("utf-8"))


async def _answer(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """ASGI middleware: key before body, capped streaming body, bounded metrics labels.

    Args:
        app: the wrapped ASGI app.
        api_key: the key ``/v1/...`` requires (None: open).
        max_body_bytes: the most body bytes read; beyond it the answer is 413.
        routes: the app's route templates (the metrics label of a known path).
        observe: called with (route label, status, seconds) once per response.
        protected: path prefix that needs the key.
    """

    def __init__(
        self,
        app: Any,
        *,
        api_key: str | None,
        max_body_bytes: int,
        routes: Collection[str],
        observe: Callable[[str, int, float], None],
        protected: str = "/v1/",
    ) -> None:
        self.app = app
        self.api_key = api_key
        self.max_body_bytes = max_body_bytes
        self.routes = frozenset(routes)
        self.observe = observe
        self.protected = protected

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        route = path if path in self.routes else UNKNOWN_ROUTE
        status = [500]
        t0 = time.perf_counter()

        async def counted_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            if path.startswith(self.protected) and not key_matches(headers, self.api_key):
                await _answer(counted_send, 401, KEY_MESSAGE, [(b"www-authenticate", b"Bearer")])
                return
            replay = await self._read_capped(headers, receive, counted_send)
            if replay is None:
                return
            await self.app(scope, replay, counted_send)
        except Exception:
            status[0] = 500
            raise
        finally:
            self.observe(route, status[0], time.perf_counter() - t0)

    async def _read_capped(self, headers: Mapping[str, str], receive: Receive, send: Send) -> Receive | None:
        """The whole body (at most ``max_body_bytes``) as a replaying ``receive``; None once 413 is sent."""
        limit = self.max_body_bytes
        too_big = f"request body over {limit} bytes: send fewer comments per request"
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _answer(send, 413, too_big)
            return None
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await _answer(send, 413, too_big)
                return None
            chunks.append(body)
            if not message.get("more_body", False):
                break
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        return replay


class StripQuery(logging.Filter):
    """Drops the query string from uvicorn's access log lines: a key (or anything else private) sent as
    ``?api_key=...`` is never written to the log.

    Example:
        >>> rec = logging.LogRecord("uvicorn.access", 20, "", 0, '%s - "%s %s HTTP/%s" %d',
        ...                         ("1.2.3.4", "GET", "/healthz?api_key=s3cret", "1.1", 200), None)
        >>> StripQuery().filter(rec), rec.getMessage()
        (True, '1.2.3.4 - "GET /healthz HTTP/1.1" 200')
    """

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0], *args[3:])
        return True


def strip_access_log_queries() -> None:
    """Install :class:`StripQuery` on uvicorn's access logger (once; called by ``create_app``, never at import)."""
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, StripQuery) for f in access.filters):
        access.addFilter(StripQuery())
