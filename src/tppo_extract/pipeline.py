"""Builds the tppo_extract spaCy ``Language`` from the shipped config (or a saved pipeline), with the trained
components of ``models/`` inserted before the rule entity stages unless rules-only mode is asked for."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from thinc.api import Config

from . import components as _components  # noqa: F401  (registers the factories when not installed)
from .components.stanza_syntax import STAGE as STANZA_STAGE
from .errors import ConfigError, ResourceError
from .lang import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)

# The trained pipeline that `make train` builds and models/ ships (a spaCy pipeline folder).
MODEL_NAME = "id_tppo_core"
MODELS_ENV = "TPPO_EXTRACT_MODELS"
# The trained components run after the rule sentencizer (the parser keeps its sentences) and before the
# stage that holds the NER's output away from the rule entity stages.
MODELS_BEFORE = "tppo_ner_hold"
# The settings that let the trained NER's spans into the records (load(model_entities=True)).
# The syntax backends: the trained spaCy components (fast, the default) or stanza's (components/stanza_syntax.py).
SYNTAX_BACKENDS = ("spacy", "stanza")
# The spaCy syntax components that syntax="stanza" replaces; the NER and its own tok2vec stay.
SPACY_SYNTAX = ("tok2vec", "tagger", "tppo_upos", "attribute_ruler", "parser", "trainable_lemmatizer")
MODEL_ENTITY_OVERRIDES: dict[str, Any] = {
    "components.tppo_persons.model_names": True,
    "components.tppo_model_entities.labels": ["ORG", "LOC"],
}


def default_config_path() -> Path:
    """The path of the shipped ``config/default.cfg``."""
    return Path(str(resources.files("tppo_extract").joinpath("config/default.cfg")))


def models_path() -> Path:
    """The trained pipeline folder: ``$TPPO_EXTRACT_MODELS`` when set, else ``models/id_tppo_core`` of the
    source checkout that the package is installed from (``pip install -e .``, as ``make`` does)."""
    env = os.environ.get(MODELS_ENV)
    if env:
        return Path(env)
    package = Path(str(resources.files("tppo_extract")))
    return package.parent.parent / "models" / MODEL_NAME


def _trained_config(path: Path) -> Config:
    if not (path / "meta.json").is_file() or not (path / "config.cfg").is_file():
        raise ResourceError(
            str(path),
            f"no trained pipeline here; run `make train`, set {MODELS_ENV} to the folder of one, "
            "or call load(models=False) for the rules-only pipeline",
        )
    try:
        return spacy.util.load_config(path / "config.cfg", interpolate=True)
    except (OSError, ValueError) as exc:
        raise ResourceError(str(path / "config.cfg"), f"cannot be read ({exc})") from exc


def add_models(nlp: Language, path: str | Path | None = None) -> Language:
    """Insert the trained components of the pipeline at ``path`` (default :func:`models_path`) into ``nlp``.

    They go before ``tppo_ner_hold``, in their trained order, so that the tagger, lemmatizer and parser set
    POS, lemma, head and dep on every token and the NER's spans are held for the rule stages to build on.
    Each component is built from the saved config and reads its weights from disk; the saved pipeline is
    not loaded as a whole, which would build a second Indonesian tokenizer (about as long as the rest).
    """
    folder = Path(path) if path is not None else models_path()
    config = _trained_config(folder)
    if MODELS_BEFORE not in nlp.pipe_names:
        raise ConfigError(f"the pipeline has no {MODELS_BEFORE} stage to insert the trained components before")
    names = list(config["nlp"]["pipeline"])
    for name in names:
        if name in nlp.pipe_names:
            raise ConfigError(f"the pipeline already has a component named {name!r}")
        settings = dict(config["components"][name])
        factory = settings.pop("factory")
        nlp.add_pipe(factory, name=name, config=settings, before=MODELS_BEFORE)
    try:
        # the components' labels and edit trees are stored as string hashes: the strings come first
        for string in srsly.read_json(folder / "vocab" / "strings.json"):
            nlp.vocab.strings.add(string)
        for name in names:
            nlp.get_pipe(name).from_disk(folder / name, exclude=["vocab"])  # type: ignore[attr-defined]
    except (OSError, ValueError, KeyError) as exc:
        raise ResourceError(str(folder), f"cannot load the trained components ({exc})") from exc
    return nlp


def load(
    path: str | Path | None = None,
    *,
    models: bool | str | Path = True,
    model_entities: bool = False,
    exclude: Iterable[str] = (),
    overrides: dict[str, Any] | None = None,
    syntax: str = "spacy",
    stanza_dir: str | Path | None = None,
) -> Language:
    """Return the tppo_extract pipeline.

    ``path`` is a config file (``.cfg``) or a pipeline saved with ``nlp.to_disk``; by default the shipped
    config. For a config, ``models`` says which trained components join the rule stages: ``True`` (the
    default) those of :func:`models_path`, a path those of another trained pipeline, ``False`` none
    (rules-only: faster, and free of the CC BY-SA weights). The NER's spans are always kept in
    ``doc.spans["tppo_model"]``; its PER spans join the persons stage. ``model_entities=True`` also lets its
    ORG and LOC into the entities as AGENCY and PLACE in the gaps the rules leave, which the shipped config
    leaves off because it lowered the dev-corpus figures (``models/README.md``). A saved pipeline loads as
    it was saved.
    ``exclude`` names components to leave out; ``overrides`` are spaCy config overrides
    (``{"components.tppo_actions.min_confidence": 0.5}``).
    ``syntax="stanza"`` sets tags, lemmas, heads and deps with stanza's models instead of the trained spaCy
    syntax (the NER stays): those of ``stanza_dir``, by default ``models/id_tppo_stanza`` or
    ``$TPPO_EXTRACT_STANZA`` (see :mod:`tppo_extract.components.stanza_syntax`). It needs the ``[stanza]``
    extra and works with ``models=False`` too (rules and stanza's syntax, no NER).
    """
    if syntax not in SYNTAX_BACKENDS:
        raise ConfigError(f"syntax={syntax!r}: expected one of {', '.join(SYNTAX_BACKENDS)}")
    if stanza_dir is not None and syntax != "stanza":
        raise ConfigError("stanza_dir is given but syntax is not 'stanza'")
    target = Path(path) if path is not None else default_config_path()
    if not target.exists():
        raise ConfigError(f"{target}: no such config file or pipeline directory")
    try:
        if target.is_dir():
            if syntax != "spacy":
                raise ConfigError(f"{target}: a saved pipeline loads as it was saved; syntax= applies to a config")
            return spacy.load(target, exclude=list(exclude), config=overrides or {})
        settings = {**(MODEL_ENTITY_OVERRIDES if model_entities else {}), **(overrides or {})}
        config = spacy.util.load_config(target, overrides=settings, interpolate=False)
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True, exclude=list(exclude))
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{target}: cannot build the pipeline: {exc}") from exc
    if models is not False:
        add_models(nlp, None if models is True else Path(models))
        excluded = [name for name in exclude if name in nlp.pipe_names]
        for name in excluded:
            nlp.remove_pipe(name)
    if syntax == "stanza":
        use_stanza(nlp, stanza_dir)
    return nlp


def use_stanza(nlp: Language, stanza_dir: str | Path | None = None) -> Language:
    """Replace the spaCy syntax components of ``nlp`` (if any) by ``tppo_stanza_syntax``, where they ran: after
    the rule sentencizer, before the NER and the rule entity stages."""
    for name in SPACY_SYNTAX:
        if name in nlp.pipe_names:
            nlp.remove_pipe(name)
    before = next((n for n in ("ner_tok2vec", "ner", MODELS_BEFORE) if n in nlp.pipe_names), None)
    if before is None:
        raise ConfigError(f"the pipeline has no {MODELS_BEFORE} stage to put the stanza syntax before")
    settings = {"stanza_dir": str(stanza_dir) if stanza_dir is not None else None}
    nlp.add_pipe(STANZA_STAGE, config=settings, before=before)
    return nlp


@functools.lru_cache(maxsize=4)
def default_pipeline(
    models: bool | str | Path = True,
    model_entities: bool = False,
    syntax: str = "spacy",
    stanza_dir: str | None = None,
) -> Language:
    """The shipped pipeline in one of its modes, built once per process (``extract``, ``extract_many``)."""
    return load(models=models, model_entities=model_entities, syntax=syntax, stanza_dir=stanza_dir)
