"""An explicit registry of factories by name, with the instances made from them (a leaf module).

Encoders (:mod:`aligner.embed`) and lexicons (:mod:`aligner.lexicon`) are built once per
process and reused. Registering a name again replaces its factory and forgets what the old
one built, so the next lookup builds from the new factory.

Example:
    >>> r = Registry("widget", {"a": lambda: ["first"]})
    >>> r.get("a")
    ['first']
    >>> r.register("a", lambda: ["second"])
    >>> r.get("a"), r.names()
    (['second'], ['a'])
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from typing import Generic, TypeVar

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Factories by name; ``get(name, *args)`` builds ``factory(*args)`` once and keeps it.

    Args:
        kind: what the registry holds, for error messages (``"encoder"``).
        factories: the names and factories registered from the start.
    """

    def __init__(self, kind: str, factories: Mapping[str, Callable[..., T]] | None = None) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[..., T]] = dict(factories or {})
        self._instances: dict[tuple[Hashable, ...], T] = {}
        self._lock = threading.RLock()

    def register(self, name: str, factory: Callable[..., T]) -> None:
        """Register ``factory`` as ``name``, replacing (and forgetting the instances of) an earlier one."""
        if not isinstance(name, str) or not name:
            raise ValueError(f"a {self.kind} name must be a non-empty string, got {name!r}")
        with self._lock:
            self._factories[name] = factory
            self._forget(name)

    def names(self) -> list[str]:
        """The registered names, sorted."""
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        return name in self._factories

    def get(self, name: str, *args: Hashable) -> T:
        """The instance ``factory(*args)`` of ``name``, built on first use (KeyError when unknown)."""
        key = (name, *args)
        with self._lock:
            if key not in self._instances:
                self._instances[key] = self._factories[name](*args)
            return self._instances[key]

    def cached(self, key: tuple[Hashable, ...], build: Callable[[], T]) -> T:
        """An instance under ``key`` that no registered name makes (e.g. a model given by
        path), built with ``build()`` on first use."""
        with self._lock:
            if key not in self._instances:
                self._instances[key] = build()
            return self._instances[key]

    def clear(self) -> None:
        """Forget every instance (the factories stay registered)."""
        with self._lock:
            self._instances.clear()

    def _forget(self, name: str) -> None:
        for key in [k for k in self._instances if k[0] == name]:
            del self._instances[key]
