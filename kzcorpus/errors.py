"""The library's exceptions.  The CLI turns them into one line and an exit code."""

from __future__ import annotations


class KzError(Exception):
    """Base class: the message says what went wrong and how to fix it."""

    exit_code = 2


class UsageError(KzError):
    """A bad argument or option value (empty query, invalid regex, unknown doc)."""


class InputError(KzError):
    """An input that cannot be used at all (missing path, unreadable metadata)."""


class PatternTooSlow(UsageError):
    """A regular expression that takes too long on an article (catastrophic backtracking)."""
