"""Argument checks at the door of the public API: wrong types and values raise the project's
own errors (``ConfigError``, exit code 2 on the command line) with a message naming the
argument, instead of a ``TypeError`` / ``AttributeError`` from deep inside."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .config import Config, Limits
from .document import Document
from .errors import ConfigError
from .escaping import escape_controls

__all__ = ["check_document", "check_config", "check_limits", "check_path", "check_paths", "describe"]


def describe(value: object) -> str:
    """A short, escaped description of a wrong argument: its type and (cut) repr."""
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {escape_controls(text)}"


def check_document(value: Any, name: str = "document") -> Document:
    """``value`` if it is a :class:`aligner.Document`, else ``ConfigError``."""
    if not isinstance(value, Document):
        raise ConfigError(f"{name} must be a Document (from aligner.load or aligner.from_text), "
                          f"got {describe(value)}")
    return value


def check_config(value: Any, name: str = "config") -> Config:
    """``value`` if it is a :class:`aligner.Config`, else ``ConfigError``."""
    if not isinstance(value, Config):
        raise ConfigError(f"{name} must be an aligner.Config (e.g. Config(encoder='none')), got {describe(value)}")
    return value


def check_limits(value: Any, name: str = "limits") -> Limits | None:
    """``value`` if it is ``None`` or a :class:`aligner.Limits`, else ``ConfigError``."""
    if value is not None and not isinstance(value, Limits):
        raise ConfigError(f"{name} must be an aligner.Limits or None, got {describe(value)}")
    return value


def check_path(value: Any, name: str = "path") -> str | os.PathLike[str]:
    """``value`` if it is a path (str or os.PathLike), else ``ConfigError``."""
    if not isinstance(value, (str, os.PathLike)):
        raise ConfigError(f"{name} must be a str or os.PathLike, got {type(value).__name__}")
    return value


def check_paths(value: Any, name: str = "paths") -> list[str | os.PathLike[str]]:
    """A list of paths from one path or an iterable of paths (a single string is one path,
    never its characters); ``ConfigError`` for anything else."""
    if isinstance(value, (str, os.PathLike)):
        return [value]
    if isinstance(value, bytes) or not isinstance(value, Iterable):
        raise ConfigError(f"{name} must be a path or a list of paths, got {describe(value)}")
    items = list(value)
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise ConfigError(f"{name} must hold paths (str or os.PathLike), got {describe(item)}")
    return items
