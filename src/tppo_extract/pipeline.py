"""Builds the tppo_extract spaCy ``Language`` from the shipped config (or a saved pipeline)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from . import components as _components  # noqa: F401  (registers the factories when not installed)
from .errors import ConfigError
from .lang import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)


def default_config_path() -> Path:
    """The path of the shipped ``config/default.cfg``."""
    return Path(str(resources.files("tppo_extract").joinpath("config/default.cfg")))


def load(
    path: str | Path | None = None,
    *,
    exclude: Iterable[str] = (),
    overrides: dict[str, Any] | None = None,
) -> Language:
    """Return the tppo_extract pipeline.

    ``path`` is a config file (``.cfg``) or a pipeline saved with ``nlp.to_disk``; by default the shipped
    config. ``exclude`` names components to leave out; ``overrides`` are spaCy config overrides
    (``{"components.tppo_actions.min_confidence": 0.5}``).
    """
    target = Path(path) if path is not None else default_config_path()
    if not target.exists():
        raise ConfigError(f"{target}: no such config file or pipeline directory")
    try:
        if target.is_dir():
            return spacy.load(target, exclude=list(exclude), config=overrides or {})
        config = spacy.util.load_config(target, overrides=overrides or {}, interpolate=False)
        return spacy.util.load_model_from_config(config, auto_fill=True, validate=True, exclude=list(exclude))
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{target}: cannot build the pipeline: {exc}") from exc


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """The default pipeline, built once per process (used by ``extract`` and ``extract_many``)."""
    return load()
