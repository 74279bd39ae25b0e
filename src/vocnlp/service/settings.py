"""The service's limits and behaviour, in one frozen record.

Example:
    >>> ServiceSettings(api_key="k", max_comments=100).max_tokens
    2048
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ServiceSettings"]


@dataclass(frozen=True)
class ServiceSettings:
    """Limits and behaviour of the service (see the README's table of limits)."""

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
