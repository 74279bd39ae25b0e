"""The HTTP API: POST /v1/analyze, /v1/embed, GET /v1/themes, /healthz, /readyz, /metrics (FastAPI).

Example:
    $ vocnlp serve --port 8000 --themes themes/ --api-key-env VOCNLP_API_KEY
    $ curl -s localhost:8000/v1/analyze -H "x-api-key: $VOCNLP_API_KEY" -H 'content-type: application/json' \\
        -d '{"comments": [{"id": "1", "text": "Great staff but the app keeps crashing"}]}'
"""


# no `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at run time,
# and the request models are imported inside create_app
import asyncio
import hmac
import logging
import math
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from .._lazy import import_optional
from .batcher import MicroBatcher, Overloaded

__all__ = ["ServiceSettings", "create_app"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ServiceSettings:
    """Limits and behaviour of the service."""

    api_key: str | None = None
    max_body_bytes: int = 5_000_000
    max_comments: int = 1000
    max_chars: int = 20_000
    max_batch: int = 256
    max_wait_ms: float = 5.0
    max_queue: int = 20_000
    timeout_s: float = 60.0
    micro_batching: bool = True


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


def create_app(pipeline: Any = None, *, themes: Any = None, settings: ServiceSettings | None = None) -> Any:
    """A FastAPI app serving ``pipeline`` (``Pipeline.default(themes=themes)`` when None)."""
    fastapi = import_optional("fastapi")
    prom = import_optional("prometheus_client")
    from fastapi import Depends, Request
    from fastapi.responses import JSONResponse, PlainTextResponse

    from .._version import __version__
    from .schemas import AnalyzeResponse, EmbedResponse, request_models

    settings = settings or ServiceSettings()
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
        await batcher.start()
        state["batcher"] = batcher
        state["models"] = _clean(nlp.describe())
        state["ready"] = True
        logger.info("vocnlp service ready")
        yield
        state["ready"] = False
        await batcher.stop()  # graceful: finish what is queued

    app = fastapi.FastAPI(title="vocnlp", version=__version__, lifespan=lifespan,
                          description="Voice-of-the-Customer text analytics: language, sentiment, intent, themes.")

    @app.middleware("http")
    async def limits_and_metrics(request: Request, call_next):  # type: ignore[no-untyped-def]
        size = request.headers.get("content-length")
        if size is not None and size.isdigit() and int(size) > settings.max_body_bytes:
            m_requests.labels(request.url.path, "413").inc()
            return JSONResponse({"detail": f"request body over {settings.max_body_bytes} bytes: send fewer comments"},
                                status_code=413)
        t0 = time.perf_counter()
        response = await call_next(request)
        m_requests.labels(request.url.path, str(response.status_code)).inc()
        m_latency.labels(request.url.path).observe(time.perf_counter() - t0)
        return response

    def require_key(request: Request) -> None:
        if settings.api_key is None:
            return
        given = request.headers.get("x-api-key") or ""
        auth = request.headers.get("authorization") or ""
        if auth.lower().startswith("bearer "):
            given = given or auth[7:]
        if not hmac.compare_digest(given.encode(), settings.api_key.encode()):
            raise fastapi.HTTPException(401, "missing or wrong API key: send it as x-api-key or Authorization: Bearer")

    async def through_batcher(texts: list[str]) -> list[dict[str, Any]]:
        batcher: MicroBatcher = state["batcher"]
        try:
            m_queue.set(batcher.waiting + len(texts))
            return await asyncio.wait_for(batcher.submit(texts), settings.timeout_s)
        except Overloaded as exc:
            raise fastapi.HTTPException(503, f"overloaded: {exc}; retry later", headers={"Retry-After": "1"}) from exc
        except asyncio.TimeoutError as exc:
            raise fastapi.HTTPException(504, f"not done within {settings.timeout_s:g}s: send fewer comments per request") from exc
        finally:
            m_queue.set(batcher.waiting)

    @app.post("/v1/analyze", response_model=AnalyzeResponse, dependencies=[Depends(require_key)], responses=errors)
    async def analyze(req: AnalyzeRequest) -> dict[str, Any]:
        """Language, sentiment, intent (and themes, when a theme model is loaded) per comment, in input order."""
        if not state["ready"]:
            raise fastapi.HTTPException(503, "models are still loading", headers={"Retry-After": "5"})
        texts: list[Any] = []
        for c in req.comments:
            t = c.text
            texts.append(t[: settings.max_chars] if isinstance(t, str) else t)
        rows = await through_batcher(texts)
        results = []
        for c, row in zip(req.comments, rows):
            extra = c.model_extra or {}
            if isinstance(c.text, str) and len(c.text) > settings.max_chars:
                msg = f"V103 too_long_truncated: {len(c.text)} characters, the service analyses the first {settings.max_chars}"
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
        live = [c.text for c in checked if c.text is not None]
        out = await asyncio.to_thread(enc.encode, live) if live else None
        emb = np.zeros((len(checked), enc.dim), dtype=np.float32)
        if out is not None:
            emb[[i for i, c in enumerate(checked) if c.text is not None]] = out.embeddings
        return {"embeddings": emb.round(6).tolist(), "model": enc.describe().get("model", ""),
                "status": [c.status for c in checked], "error": ["; ".join(c.errors) or None for c in checked]}

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

    return app
