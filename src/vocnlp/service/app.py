"""The HTTP API: POST /v1/analyze, /v1/embed, GET /v1/themes, /healthz, /readyz, /metrics (FastAPI).

``create_app`` composes the parts: :class:`ServiceSettings` (limits), :class:`~.metrics.ServiceMetrics`,
the :class:`~.runtime.ServiceRuntime` (pipeline and batchers, started by the lifespan), the routes
(:func:`~.routes.build_router`) and, in front of them, the :class:`~.guard.RequestGuard` (key before
body, capped body, bounded metrics labels).

Example:
    $ vocnlp serve --port 8000 --themes themes/ --api-key-env VOCNLP_API_KEY
    $ curl -s localhost:8000/v1/analyze -H "x-api-key: $VOCNLP_API_KEY" -H 'content-type: application/json' \\
        -d '{"comments": [{"id": "1", "text": "Great staff but the app keeps crashing"}]}'
    $ uvicorn --factory vocnlp.service:create_app
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from .._lazy import import_optional
from .guard import RequestGuard, strip_access_log_queries
from .metrics import ServiceMetrics
from .routes import build_router
from .runtime import ServicePipeline, ServiceRuntime
from .settings import ServiceSettings

if TYPE_CHECKING:
    from ..themes import ThemeModel

__all__ = ["ServiceSettings", "create_app"]


def create_app(
    pipeline: ServicePipeline | None = None,
    *,
    themes: ThemeModel | None = None,
    settings: ServiceSettings | None = None,
) -> Any:
    """A FastAPI app serving ``pipeline`` (``Pipeline.default(themes=themes)`` when None; anything with
    the :class:`~.runtime.ServicePipeline` shape, a fake in tests included)."""
    fastapi = import_optional("fastapi")
    from .._version import __version__

    settings = settings or ServiceSettings()
    strip_access_log_queries()
    metrics = ServiceMetrics()
    runtime = ServiceRuntime(settings, metrics)

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        if pipeline is None:
            from ..pipeline import Pipeline

            await runtime.start(Pipeline.default(themes=themes))
        else:
            await runtime.start(pipeline)
        yield
        await runtime.stop()  # graceful: finish what is queued

    app = fastapi.FastAPI(
        title="vocnlp",
        version=__version__,
        lifespan=lifespan,
        description="Voice-of-the-Customer text analytics: language, sentiment, intent, themes.",
    )
    from fastapi.encoders import jsonable_encoder
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Any, exc: RequestValidationError) -> Any:
        # a body that is not JSON at all is 400 (as documented); a JSON body of the wrong shape is 422
        errors = exc.errors()
        status = 400 if any(e.get("type") == "json_invalid" for e in errors) else 422
        detail = "the body is not valid JSON" if status == 400 else errors
        return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=status)

    router = build_router(runtime, settings, metrics, themes=themes)
    app.include_router(router)
    # the route templates label the metrics (the app's own: /openapi.json, /docs ...; the router's)
    routes = {p for r in [*app.routes, *router.routes] if isinstance(p := getattr(r, "path", None), str)}
    # outermost of ours: key and body size are checked before FastAPI reads the body
    app.add_middleware(
        RequestGuard,
        api_key=settings.api_key,
        max_body_bytes=settings.max_body_bytes,
        routes=routes,
        observe=metrics.observe,
    )
    return app
