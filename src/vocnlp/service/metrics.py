"""The service's Prometheus metrics in one object: requests by route template and status, latency,
comments and requests per pipeline run, queue depth, flagged rows.

Example:
    >>> m = ServiceMetrics()                       # doctest: +SKIP
    >>> m.observe("/v1/analyze", 200, 0.05)        # doctest: +SKIP
    >>> text, content_type = m.render()            # doctest: +SKIP
"""

from __future__ import annotations

from .._lazy import import_optional

__all__ = ["ServiceMetrics"]


class ServiceMetrics:
    """Counters and histograms on a registry of their own (two apps in one process never share one)."""

    def __init__(self) -> None:
        prom = import_optional("prometheus_client")
        self._prom = prom
        self.registry = r = prom.CollectorRegistry()
        self.requests = prom.Counter("vocnlp_requests_total", "HTTP requests", ["endpoint", "status"], registry=r)
        self.latency = prom.Histogram("vocnlp_request_seconds", "request latency", ["endpoint"], registry=r)
        self.batch_comments = prom.Histogram(
            "vocnlp_batch_comments",
            "comments per pipeline run",
            registry=r,
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024),
        )
        self.batch_requests = prom.Histogram(
            "vocnlp_batch_requests", "requests coalesced per pipeline run", registry=r, buckets=(1, 2, 4, 8, 16, 32, 64)
        )
        self.queue = prom.Gauge("vocnlp_queue_comments", "comments waiting for the pipeline", registry=r)
        self.flagged = prom.Counter(
            "vocnlp_rows_flagged_total", "rows with status warning or error", ["status"], registry=r
        )

    def observe(self, route: str, status: int, seconds: float) -> None:
        """One response (``route`` is a route template or ``other``, never a raw path)."""
        self.requests.labels(route, str(status)).inc()
        self.latency.labels(route).observe(seconds)

    def batch(self, comments: int, requests: int, seconds: float) -> None:
        """One pipeline run of the micro-batcher."""
        self.batch_comments.observe(comments)
        self.batch_requests.observe(requests)

    def render(self) -> tuple[str, str]:
        """The Prometheus text format and its content type."""
        return self._prom.generate_latest(self.registry).decode(), self._prom.CONTENT_TYPE_LATEST
