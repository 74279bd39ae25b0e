"""vocnlp as an HTTP service (FastAPI + uvicorn) with request micro-batching.

Example:
    >>> from vocnlp.service import create_app                  # doctest: +SKIP
    >>> app = create_app()                                     # doctest: +SKIP
"""

from __future__ import annotations

from .app import create_app
from .batcher import MicroBatcher, Overloaded
from .settings import ServiceSettings

__all__ = ["create_app", "ServiceSettings", "MicroBatcher", "Overloaded"]
