"""UMAP's numba kernels compiled once per machine instead of once per process.

UMAP decorates its kernels with ``numba.njit`` without ``cache=True``, so every new process spends
~10 s compiling them before the first theme fit (issue 21). :func:`cache_umap_kernels` swaps each
kernel of ``umap.umap_``, ``umap.layouts`` and ``umap.utils`` for the same Python function compiled
with the same options (parallel, fastmath, typed locals) plus ``cache=True``: the machine code is the
same, so the layouts and themes are too, and it is written to numba's cache (``NUMBA_CACHE_DIR`` when
set, else ``__pycache__`` beside UMAP, else the user's cache directory) for the next process. Kernels
are swapped before any is compiled, so kernels calling kernels pick up the cached versions. Where no
cache can be written, nothing changes.

Example:
    >>> cache_umap_kernels()  # where numba can write a cache (here: beside UMAP's files)
    True
"""

from __future__ import annotations

import functools
import logging

__all__ = ["cache_umap_kernels"]

logger = logging.getLogger(__name__)

_MODULES = ("umap.umap_", "umap.layouts", "umap.utils")


@functools.lru_cache(maxsize=1)
def cache_umap_kernels() -> bool:
    """Recompile UMAP's kernels with ``cache=True`` (once per process); False where that is not possible."""
    import importlib
    import types
    from collections import Counter

    import numba
    from numba.core.registry import CPUDispatcher

    modules = [importlib.import_module(name) for name in _MODULES]
    kernels = {
        id(k): (attr, k)
        for module in modules
        for attr, k in vars(module).items()
        if isinstance(k, CPUDispatcher) and k.py_func.__module__ in _MODULES and not k.signatures
    }
    # numba's cache is keyed by the Python function, not by options: where one function is compiled
    # twice (layouts' serial and parallel epoch), each compilation caches a copy under its own name
    shared = Counter(k.py_func for _, k in kernels.values())
    swaps: dict[int, object] = {}
    for key, (attr, kernel) in kernels.items():
        func = kernel.py_func
        if shared[func] > 1:
            func = types.FunctionType(func.__code__, func.__globals__, attr, func.__defaults__, func.__closure__)
            func.__qualname__ = attr
        options = {k: v for k, v in kernel.targetoptions.items() if k != "nopython"}
        try:
            swaps[key] = numba.njit(cache=True, locals=dict(kernel.locals), **options)(func)
        except (RuntimeError, OSError) as e:  # no writable cache location
            logger.info("UMAP kernels stay uncached: %s", e)
            return False
    # every module's name for a kernel (umap_ imports utils' kernels by name) gets the cached one
    for module in modules:
        for attr, kernel in list(vars(module).items()):
            if id(kernel) in swaps:
                setattr(module, attr, swaps[id(kernel)])
    logger.debug("UMAP kernels cached: %d", len(swaps))
    return True
