"""Integrations with other engines; each submodule imports its engine only when used.

- :mod:`vocnlp.integrations.ray`: ``tag_dataset(ray_dataset, ...)`` tags a Ray Dataset on an actor pool.
"""

__all__: list[str] = []
