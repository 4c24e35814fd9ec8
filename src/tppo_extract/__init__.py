"""tppo_extract: typed records of anti-trafficking (TPPO) prevention work from Indonesian news.

>>> import tppo_extract
>>> article = tppo_extract.extract(text, doc_id="a.txt", pub_date="2024-03-12")
>>> [(a.type, a.trigger.text) for a in article.actions]
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from spacy.language import Language

from .about import __version__
from .batch import Item, Result, check_pub_date, iter_results, read_meta
from .errors import ConfigError, InputError, ResourceError, TppoError
from .events import Event, EventMember, link_events
from .export import doc_to_article, read_jsonl, to_dataframe, write_jsonl, write_table
from .frames import to_frames, write_duckdb
from .pipeline import default_pipeline, load
from .records import (
    Action,
    ActorRef,
    Article,
    Dateline,
    DateRef,
    Entity,
    Failure,
    PlaceRef,
    Quote,
    Speaker,
    TextSpan,
    Zone,
    json_schema,
)
from .render import render
from .report import write_report

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    pub_date: str | dt.date | None = None,
    nlp: Language | None = None,
    keep_text: bool = False,
) -> Article:
    """Extract the record of one article.

    ``pub_date`` (``YYYY-MM-DD``) resolves relative dates ("Senin", "kemarin"); without it the date in
    the dateline is used when there is one. ``nlp`` defaults to the shipped pipeline, loaded once.
    ``keep_text=True`` keeps the text in the record (``Article.text``), so that it shows itself whole in a
    notebook and :func:`render` needs no second argument.
    """
    if not isinstance(text, str):
        raise InputError(doc_id or "text", f"expected the article text as str, got {type(text).__name__}")
    from .batch import process_text

    return process_text(
        nlp or default_pipeline(),
        text,
        doc_id=doc_id,
        pub_date=check_pub_date(pub_date, source=doc_id or "text"),
        keep_text=keep_text,
    )


def extract_many(
    items: Iterable[str | Path | Item | dict[str, object]],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    errors: Literal["raise", "skip"] = "raise",
    nlp: Language | None = None,
    config: str | Path | None = None,
    models: bool | str | Path = True,
    model_entities: bool = False,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    client: object = None,
    time_limit: float | None = None,
    keep_text: bool = False,
    syntax: str = "spacy",
    stanza_dir: str | Path | None = None,
) -> Iterator[Article]:
    """Stream the :class:`Article` of each item, in order.

    An item is a text (``str``), a file (``pathlib.Path``), an :class:`Item` or a dict with ``text`` or
    ``path`` and optional ``doc_id`` and ``pub_date``. With ``errors="raise"`` the first input that cannot
    be read or processed raises :class:`InputError`; with ``"skip"`` it is logged and left out (use
    :func:`iter_results` to get the failures as records). ``models=False`` runs the rules-only pipeline;
    ``model_entities=True`` lets the trained NER's spans into the entities (see :func:`load`).
    ``engine="dask"`` (with ``client``, ``scheduler`` or ``workers``), ``time_limit`` and ``keep_text`` (the
    text kept in each record, for :func:`render` and reports) are those of :func:`iter_results`;
    ``syntax="stanza"`` and ``stanza_dir`` those of :func:`load`.
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    results = iter_results(
        items,
        n_process=n_process,
        batch_size=batch_size,
        nlp=nlp,
        config=config,
        models=models,
        model_entities=model_entities,
        engine=engine,
        scheduler=scheduler,
        workers=workers,
        client=client,
        time_limit=time_limit,
        keep_text=keep_text,
        syntax=syntax,
        stanza_dir=stanza_dir,
    )
    for res in results:
        if res.article is not None:
            yield res.article
        elif errors == "raise":
            assert res.failure is not None
            raise InputError(res.doc_id, f"{res.failure.error}: {res.failure.reason}")
        else:
            logging.getLogger(__name__).warning("skipped %s: %s", res.doc_id, res.failure)


__all__ = [
    "Action",
    "ActorRef",
    "Article",
    "ConfigError",
    "DateRef",
    "Dateline",
    "Entity",
    "Event",
    "EventMember",
    "Failure",
    "InputError",
    "Item",
    "PlaceRef",
    "Quote",
    "ResourceError",
    "Result",
    "Speaker",
    "TextSpan",
    "TppoError",
    "Zone",
    "__version__",
    "doc_to_article",
    "extract",
    "extract_many",
    "iter_results",
    "json_schema",
    "link_events",
    "load",
    "read_jsonl",
    "read_meta",
    "render",
    "to_dataframe",
    "to_frames",
    "write_duckdb",
    "write_jsonl",
    "write_report",
    "write_table",
]
