"""Error classes. The CLI maps each class to one exit code in one place (``cli.main``)."""

from __future__ import annotations

__all__ = ["AlignerError", "InputError", "ConfigError"]


class AlignerError(Exception):
    """Base class of every error ``aligner`` raises on purpose."""

    exit_code = 1


class InputError(AlignerError, ValueError):
    """An input file or text cannot be used (missing, empty, binary, undecodable, too large).

    The message is one line that names the offending input; the CLI exits with code 2.
    """

    exit_code = 2


class ConfigError(AlignerError, ValueError):
    """An argument or setting has a value that is not allowed; the message lists valid values."""

    exit_code = 2
