"""The HTTP API: POST /v1/analyze, /v1/embed, GET /v1/themes, /healthz, /readyz, /metrics (FastAPI).

Example:
    $ vocnlp serve --port 8000 --themes themes/ --api-key-env VOCNLP_API_KEY
    $ curl -s localhost:8000/v1/analyze -H "x-api-key: $VOCNLP_API_KEY" -H 'content-type: application/json' \\
        -d '{"comments": [{"id": "1", "text": "Great staff but the app keeps crashing"}]}'
"""


# no `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at run time,
# and the request models are imported inside create_app
import asyncio
import logging
import math
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from .._lazy import import_optional
from .batcher import MicroBatcher, Overloaded
from .guard import KEY_MESSAGE, RequestGuard, key_matches

__all__ = ["ServiceSettings", "create_app", "bound_tokens", "StripQuery"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceSettings:
    """Limits and behaviour of the service."""

    api_key: str | None = None
    max_body_bytes: int = 5_000_000
    max_comments: int = 1000
    max_chars: int = 20_000
    max_tokens: int = 2048  # per comment: longer ones are cut (flagged V103); bounds the cost of any one text
    max_batch: int = 256
    max_wait_ms: float = 5.0
    max_queue: int = 20_000
    timeout_s: float = 60.0
    micro_batching: bool = True
    shutdown_timeout_s: float = 30.0  # `vocnlp serve`: a graceful stop waits at most this long for open connections


def _clean(v: Any) -> Any:
    """JSON-safe values: numpy scalars to Python, NaN to None, lists and dicts recursively."""
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)) and getattr(v, "ndim", 0) == 0:
        v = v.item()
    if isinstance(v, float):
        return None if math.isnan(v) or math.isinf(v) else v
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and not isinstance(v, str)):
        return [_clean(x) for x in (v.tolist() if hasattr(v, "tolist") else v)]
    return v


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


def _strip_access_log_queries() -> None:
    access = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, StripQuery) for f in access.filters):
        access.addFilter(StripQuery())


def _public_models(info: Any) -> Any:
    """``Pipeline.describe()`` without where files lie on the server (``location``): clients see which
    models run, not the cache paths."""
    if isinstance(info, dict):
        return {k: _public_models(v) for k, v in info.items() if k != "location"}
    if isinstance(info, list):
        return [_public_models(v) for v in info]
    return info


def bound_tokens(texts: list[Any], count: Any, limit: int) -> list[tuple[Any, int | None]]:
    """Each text cut to at most ``limit`` tokens by ``count(texts) -> token counts``: ``(text, tokens
    before the cut or None)``. Characters are not a bound on cost (9k combining marks are 9k tokens).

    Example:
        >>> bound_tokens(["a b c d", "a"], lambda ts: [len(t.split()) for t in ts], 2)
        [('a b', 4), ('a', None)]
    """
    out: list[tuple[Any, int | None]] = [(t, None) for t in texts]
    # one character is at most a few tokens (byte fallback): shorter texts cannot be over the limit
    idx = [i for i, t in enumerate(texts) if isinstance(t, str) and len(t) * 4 > limit]
    if not idx:
        return out
    counts = count([texts[i] for i in idx])
    for i, n in zip(idx, counts):
        if n <= limit:
            continue
        t, m = texts[i], n
        for _ in range(6):  # shrink in proportion until it fits (a few rounds at most)
            t = t[: max(1, int(len(t) * limit / m * 0.95))]
            m = count([t])[0]
            if m <= limit:
                break
        out[i] = (t, n)
    return out


def create_app(pipeline: Any = None, *, themes: Any = None, settings: ServiceSettings | None = None) -> Any:
    """A FastAPI app serving ``pipeline`` (``Pipeline.default(themes=themes)`` when None)."""
    fastapi = import_optional("fastapi")
    prom = import_optional("prometheus_client")
    from fastapi import Depends, Request
    from fastapi.responses import JSONResponse, PlainTextResponse

    from .._version import __version__
    from .schemas import AnalyzeResponse, EmbedResponse, request_models

    settings = settings or ServiceSettings()
    _strip_access_log_queries()
    # the per-request limit is part of the schema, so clients (and schemathesis) see it in /openapi.json
    AnalyzeRequest, EmbedRequest = request_models(settings.max_comments)
    errors: dict[int | str, dict[str, Any]] = {
        400: {"description": "the body is not valid JSON"},
        401: {"description": "missing or wrong API key (when the service has one)"},
        413: {"description": "request body over the size limit"},
        503: {"description": "overloaded or still loading: retry after the Retry-After seconds"},
        504: {"description": "not done within the per-request timeout"},
    }
    registry = prom.CollectorRegistry()
    m_requests = prom.Counter("vocnlp_requests_total", "HTTP requests", ["endpoint", "status"], registry=registry)
    m_latency = prom.Histogram("vocnlp_request_seconds", "request latency", ["endpoint"], registry=registry)
    m_batch = prom.Histogram("vocnlp_batch_comments", "comments per pipeline run", registry=registry,
                             buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024))
    m_batch_requests = prom.Histogram("vocnlp_batch_requests", "requests coalesced per pipeline run", registry=registry,
                                      buckets=(1, 2, 4, 8, 16, 32, 64))
    m_queue = prom.Gauge("vocnlp_queue_comments", "comments waiting for the pipeline", registry=registry)
    m_flagged = prom.Counter("vocnlp_rows_flagged_total", "rows with status warning or error", ["status"], registry=registry)
    state: dict[str, Any] = {"ready": False}

    def run_rows(texts: list[str]) -> list[dict[str, Any]]:
        out = state["pipeline"].run(list(texts))
        drop = {"text", "embedding", "clause_embeddings"}
        cols = [c for c in out.columns if c not in drop]
        return [{c: _clean(v) for c, v in zip(cols, row)} for row in out[cols].itertuples(index=False, name=None)]

    def on_batch(n: int, requests: int, seconds: float) -> None:
        m_batch.observe(n)
        m_batch_requests.observe(requests)

    @asynccontextmanager
    async def lifespan(app: Any):  # type: ignore[no-untyped-def]  # noqa: ANN202
        from ..pipeline import Pipeline

        nlp = pipeline or Pipeline.default(themes=themes)
        state["pipeline"] = nlp
        await asyncio.to_thread(nlp.run, ["Warm-up: the service is starting.", "Démarrage du service."])
        batcher = MicroBatcher(run_rows, max_batch=settings.max_batch if settings.micro_batching else 1,
                               max_wait_ms=settings.max_wait_ms if settings.micro_batching else 0.0,
                               max_queue=settings.max_queue, on_batch=on_batch)
        embedder = MicroBatcher(lambda texts: list(nlp.encoder.encode(texts).embeddings),
                                max_batch=settings.max_batch, max_wait_ms=settings.max_wait_ms if settings.micro_batching else 0.0,
                                max_queue=settings.max_queue)
        await batcher.start()
        await embedder.start()
        state["batcher"], state["embedder"] = batcher, embedder
        state["models"] = _public_models(_clean(nlp.describe()))
        state["ready"] = True
        logger.info("vocnlp service ready")
        yield
        state["ready"] = False
        await batcher.stop()  # graceful: finish what is queued
        await embedder.stop()

    app = fastapi.FastAPI(title="vocnlp", version=__version__, lifespan=lifespan,
                          description="Voice-of-the-Customer text analytics: language, sentiment, intent, themes.")

    def observe(route: str, status: int, seconds: float) -> None:
        m_requests.labels(route, str(status)).inc()
        m_latency.labels(route).observe(seconds)

    def require_key(request: Request) -> None:
        # the RequestGuard has already answered 401 before reading the body; this keeps the key in the schema
        if not key_matches(request.headers, settings.api_key):
            raise fastapi.HTTPException(401, KEY_MESSAGE)

    async def through_batcher(name: str, items: list[Any]) -> list[Any]:
        batcher: MicroBatcher = state[name]
        try:
            m_queue.set(batcher.waiting + len(items))
            return await asyncio.wait_for(batcher.submit(items), settings.timeout_s)
        except Overloaded as exc:
            raise fastapi.HTTPException(503, f"overloaded: {exc}; retry later", headers={"Retry-After": "1"}) from exc
        except asyncio.TimeoutError as exc:
            # the batcher sheds the work of a request that timed out (not yet started: never run; running:
            # stops at the next slice), so one slow request cannot hold the service for the next ones
            raise fastapi.HTTPException(504, f"not done within {settings.timeout_s:g}s: send fewer or shorter texts per request") from exc
        finally:
            m_queue.set(batcher.waiting)

    async def bounded(texts: list[Any]) -> list[tuple[Any, int | None]]:
        enc = state["pipeline"].encoder
        return await asyncio.to_thread(bound_tokens, texts, enc.token_counts, settings.max_tokens)

    @app.post("/v1/analyze", response_model=AnalyzeResponse, dependencies=[Depends(require_key)], responses=errors)
    async def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        """Language, sentiment, intent (and themes, when a theme model is loaded) per comment, in input order."""
        if not state["ready"]:
            raise fastapi.HTTPException(503, "models are still loading", headers={"Retry-After": "5"})
        texts: list[Any] = []
        for c in req.comments:
            t = c.text
            texts.append(t[: settings.max_chars] if isinstance(t, str) else t)
        cut = await bounded(texts)
        rows = await through_batcher("batcher", [t for t, _ in cut])
        results = []
        for c, row, (kept, tokens) in zip(req.comments, rows, cut):
            extra = c.model_extra or {}
            msg = None
            if isinstance(c.text, str) and len(c.text) > settings.max_chars:
                msg = f"V103 too_long_truncated: {len(c.text)} characters, the service analyses the first {settings.max_chars}"
            if tokens is not None:
                msg = (f"V103 too_long_truncated: {tokens} tokens, the service analyses the first {settings.max_tokens} "
                       f"({len(kept)} characters)")
            if msg is not None:
                row["error"] = f"{row['error']}; {msg}" if row.get("error") else msg
                row["status"] = "error" if row.get("status") == "error" else "warning"
            if row.get("status") != "ok":
                m_flagged.labels(row.get("status")).inc()
            results.append({"id": c.id, **{k: _clean(v) for k, v in extra.items()}, **row})
        return {"results": results, "models": state["models"]}

    @app.post("/v1/embed", response_model=EmbedResponse, dependencies=[Depends(require_key)], responses=errors)
    async def embed(req: EmbedRequest) -> dict[str, Any]:
        """L2-normalised multilingual-e5-small embeddings (``query: `` side), one per text, in order.

        Empty texts get a zero vector and status ``error``; ``status``/``error`` say what was flagged per text.
        """
        import numpy as np

        from ..textcheck import check_text

        enc = state["pipeline"].encoder
        checked = [check_text(t, max_chars=settings.max_chars) for t in req.texts]
        cut = await bounded([c.text for c in checked])
        live = [t for (t, _), c in zip(cut, checked) if c.text is not None]
        # the same queue limit, timeout and shedding as /v1/analyze
        out = await through_batcher("embedder", live) if live else []
        emb = np.zeros((len(checked), enc.dim), dtype=np.float32)
        if live:
            emb[[i for i, c in enumerate(checked) if c.text is not None]] = np.asarray(out)
        errors = []
        for c, (kept, tokens) in zip(checked, cut):
            errs = list(c.errors)
            if tokens is not None:
                errs.append(f"V103 too_long_truncated: {tokens} tokens, embedded the first {settings.max_tokens}")
            errors.append("; ".join(errs) or None)
        status = [c.status if tokens is None or c.status == "error" else "warning" for c, (_, tokens) in zip(checked, cut)]
        return {"embeddings": emb.round(6).tolist(), "model": enc.describe().get("model", ""),
                "status": status, "error": errors}

    @app.get("/v1/themes", dependencies=[Depends(require_key)],
             responses={401: errors[401], 404: {"description": "no theme model loaded"}})
    async def get_themes() -> Any:
        """The loaded theme model's table (404 when the service runs without one)."""
        tm = themes
        if tm is None:
            raise fastapi.HTTPException(404, "no theme model loaded: start the service with --themes DIR")
        return {"themes": _clean(tm.themes_.drop(columns=["terms_by_language"]).to_dict(orient="records"))}

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "up"}

    @app.get("/readyz", responses={503: {"description": "models are still loading"}})
    async def readyz() -> Any:
        if not state["ready"]:
            return JSONResponse({"status": "loading"}, status_code=503)
        return {"status": "ready", "models": state["models"]}

    @app.get("/metrics", response_class=PlainTextResponse,
             responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format"}})
    async def metrics() -> Any:
        return PlainTextResponse(prom.generate_latest(registry).decode(), media_type=prom.CONTENT_TYPE_LATEST)

    # outermost of ours: key and body size are checked before FastAPI reads the body
    app.add_middleware(RequestGuard, api_key=settings.api_key, max_body_bytes=settings.max_body_bytes,
                       routes={r.path for r in app.routes}, observe=observe)
    return app
