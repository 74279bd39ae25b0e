"""The endpoints, as one APIRouter over a :class:`~vocnlp.service.runtime.ServiceRuntime`.

Example:
    >>> app.include_router(build_router(runtime, settings, metrics))     # doctest: +SKIP
"""

# no `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at run time,
# and the request models are built per app (their limits are in the schema)
import asyncio
from typing import TYPE_CHECKING, Any

from .._lazy import import_optional
from ..errors import row_error
from ..textcheck import STATUS_WARNING, merge_status
from .batcher import Overloaded
from .guard import KEY_MESSAGE, key_matches
from .metrics import ServiceMetrics
from .rows import clean
from .runtime import ServiceRuntime
from .settings import ServiceSettings

if TYPE_CHECKING:
    from ..themes import ThemeModel

__all__ = ["build_router", "ERRORS"]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "the body is not valid JSON"},
    401: {"description": "missing or wrong API key (when the service has one)"},
    413: {"description": "request body over the size limit"},
    503: {"description": "overloaded or still loading: retry after the Retry-After seconds"},
    504: {"description": "not done within the per-request timeout"},
}


def _flag(row: dict[str, Any], message: str) -> None:
    """Add a coded message to a result row; its status becomes at least ``warning``."""
    row["error"] = f"{row['error']}; {message}" if row.get("error") else message
    row["status"] = merge_status(row.get("status") or "ok", STATUS_WARNING)


def build_router(
    runtime: ServiceRuntime, settings: ServiceSettings, metrics: ServiceMetrics, *, themes: "ThemeModel | None" = None
) -> Any:
    """The API's routes: /v1/analyze, /v1/embed, /v1/themes, /healthz, /readyz, /metrics."""
    fastapi = import_optional("fastapi")
    from fastapi import Depends, Request
    from fastapi.responses import JSONResponse, PlainTextResponse

    from .schemas import (
        AnalyzeResponse,
        EmbedResponse,
        OpenAIEmbeddingsResponse,
        embeddings_request_model,
        request_models,
    )

    AnalyzeRequest, EmbedRequest = request_models(settings.max_comments)
    EmbeddingsRequest = embeddings_request_model(settings.max_comments)
    router = fastapi.APIRouter()

    def require_key(request: Request) -> None:
        # the RequestGuard has already answered 401 before reading the body; this keeps the key in the schema
        if not key_matches(request.headers, settings.api_key):
            raise fastapi.HTTPException(401, KEY_MESSAGE)

    async def limited(call: Any) -> Any:
        """Run a batcher call, answering 503 (queue full) or 504 (timeout) as HTTP errors."""
        try:
            return await call
        except Overloaded as exc:
            raise fastapi.HTTPException(503, f"overloaded: {exc}; retry later", headers={"Retry-After": "1"}) from exc
        except asyncio.TimeoutError as exc:
            raise fastapi.HTTPException(
                504, f"not done within {settings.timeout_s:g}s: send fewer or shorter texts per request"
            ) from exc

    @router.post("/v1/analyze", response_model=AnalyzeResponse, dependencies=[Depends(require_key)], responses=ERRORS)
    async def analyze(req: AnalyzeRequest) -> dict[str, Any]:  # type: ignore[valid-type]
        """Language, sentiment, intent (and themes, when a theme model is loaded) per comment, in input order."""
        if not runtime.ready:
            raise fastapi.HTTPException(503, "models are still loading", headers={"Retry-After": "5"})
        comments = req.comments  # type: ignore[attr-defined]
        texts = [c.text[: settings.max_chars] if isinstance(c.text, str) else c.text for c in comments]
        cut = await runtime.bounded(texts)
        rows = await limited(runtime.analyze([t for t, _ in cut]))
        results = []
        for c, row, (kept, tokens) in zip(comments, rows, cut):
            if tokens is not None:
                _flag(
                    row,
                    row_error(
                        "V103",
                        f"{tokens} tokens, the service analyses the first {settings.max_tokens} "
                        f"({len(kept)} characters)",
                    ),
                )
            elif isinstance(c.text, str) and len(c.text) > settings.max_chars:
                _flag(
                    row,
                    row_error("V103", f"{len(c.text)} characters, the service analyses the first {settings.max_chars}"),
                )
            if row.get("status") != "ok":
                metrics.flagged.labels(row.get("status")).inc()
            results.append({"id": c.id, **{k: clean(v) for k, v in (c.model_extra or {}).items()}, **row})
        return {"results": results, "models": runtime.models}

    @router.post("/v1/embed", response_model=EmbedResponse, dependencies=[Depends(require_key)], responses=ERRORS)
    async def embed(req: EmbedRequest) -> dict[str, Any]:  # type: ignore[valid-type]
        """L2-normalised multilingual-e5-small embeddings (``query: `` side), one per text, in order.

        Empty texts get a zero vector and status ``error``; ``status``/``error`` say what was flagged per text.
        """
        import numpy as np

        from ..textcheck import check_text

        if not runtime.ready:
            raise fastapi.HTTPException(503, "models are still loading", headers={"Retry-After": "5"})
        enc = runtime.pipeline.encoder
        checked = [check_text(t, max_chars=settings.max_chars) for t in req.texts]  # type: ignore[attr-defined]
        cut = await runtime.bounded([c.text for c in checked])
        live = [t for (t, _), c in zip(cut, checked) if c.text is not None]
        out = await limited(runtime.embed(live)) if live else []
        emb = np.zeros((len(checked), enc.dim), dtype=np.float32)
        if live:
            emb[[i for i, c in enumerate(checked) if c.text is not None]] = np.asarray(out)
        flagged = [{"status": c.status, "error": "; ".join(c.errors) or None} for c in checked]
        for row, (_, tokens) in zip(flagged, cut):
            if tokens is not None:
                _flag(row, row_error("V103", f"{tokens} tokens, embedded the first {settings.max_tokens}"))
        return {
            "embeddings": emb.round(6).tolist(),
            "model": enc.describe().get("model", ""),
            "status": [r["status"] for r in flagged],
            "error": [r["error"] for r in flagged],
        }

    @router.post(
        "/v1/embeddings",
        response_model=OpenAIEmbeddingsResponse,
        dependencies=[Depends(require_key)],
        responses=ERRORS,
    )
    async def embeddings(req: EmbeddingsRequest) -> dict[str, Any]:  # type: ignore[valid-type]
        """OpenAI-compatible embeddings (``{"input": [...], "model": ...}``), so existing clients work: the same
        vectors as /v1/embed. An empty text is answered 422 (OpenAI's API has no per-text status)."""
        import numpy as np

        from ..textcheck import check_text

        if not runtime.ready:
            raise fastapi.HTTPException(503, "models are still loading", headers={"Retry-After": "5"})
        given = req.input  # type: ignore[attr-defined]
        texts = [given] if isinstance(given, str) else list(given)
        # the schema already refused empty texts; check_text replaces surrogates and control characters
        checked = [check_text(t, max_chars=settings.max_chars).text or " " for t in texts]
        cut = await runtime.bounded(checked)
        kept = [t for t, _ in cut]
        out = await limited(runtime.embed(kept)) if kept else []
        enc = runtime.pipeline.encoder
        tokens = int(sum(enc.token_counts(kept))) if kept else 0
        vectors = np.asarray(out, dtype=np.float32).round(6).tolist() if kept else []
        return {
            "object": "list",
            "data": [{"object": "embedding", "index": i, "embedding": v} for i, v in enumerate(vectors)],
            "model": enc.describe().get("model", ""),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }

    @router.get(
        "/v1/themes",
        dependencies=[Depends(require_key)],
        responses={401: ERRORS[401], 404: {"description": "no theme model loaded"}},
    )
    async def get_themes() -> Any:
        """The loaded theme model's table (404 when the service runs without one)."""
        if themes is None:
            raise fastapi.HTTPException(404, "no theme model loaded: start the service with --themes DIR")
        return {"themes": clean(themes.themes_.drop(columns=["terms_by_language"]).to_dict(orient="records"))}

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "up"}

    @router.get("/readyz", responses={503: {"description": "models are still loading"}})
    async def readyz() -> Any:
        if not runtime.ready:
            return JSONResponse({"status": "loading"}, status_code=503)
        return {"status": "ready", "models": runtime.models}

    @router.get(
        "/metrics",
        response_class=PlainTextResponse,
        responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format"}},
    )
    async def metrics_text() -> Any:
        text, content_type = metrics.render()
        return PlainTextResponse(text, media_type=content_type)

    return router
