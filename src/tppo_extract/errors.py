"""The project's exception types; every message says what went wrong and what to do."""

from __future__ import annotations

from pathlib import Path


class TppoError(Exception):
    """Base class of every error raised by tppo_extract."""


class InputError(TppoError):
    """An input (file, text or metadata row) cannot be read or processed."""

    def __init__(self, source: str | Path, reason: str) -> None:
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")


class ArticleTimeout(TppoError):
    """Processing one article took longer than the time limit it was given."""


class ConfigError(TppoError):
    """The pipeline configuration or a packaged resource is invalid."""


class ResourceError(TppoError):
    """A packaged resource file is missing or malformed."""

    def __init__(self, resource: str, reason: str) -> None:
        self.resource = resource
        self.reason = reason
        super().__init__(f"resource {resource}: {reason}. Reinstall tppo-extract or rebuild the resource.")
