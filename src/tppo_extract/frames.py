"""Records as pandas DataFrames and as a DuckDB database: the tables analysts count from.

:func:`to_frames` gives five tables that join on ``doc_id`` (and ``event_id``):

- ``articles``: one row per article (publication date, title, outlet, relevance, counts);
- ``entities``, ``quotes``: one row per mention, as :func:`tppo_extract.export.entity_rows` writes them;
- ``actions``: one row per action record, with its region (``region_code``, ``province_code``, ``province``:
  the action's own place, else the region of the acting body), its ``month`` (the action's date, else the
  publication date) and the ``event_id`` that :func:`tppo_extract.events.link_events` gives it;
- ``events``: one row per event (the same act reported by one or more articles), with its merged view.

:func:`write_duckdb` stores them as tables of one DuckDB file (``--table out.duckdb``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export import ENTITY_COLUMNS, QUOTE_COLUMNS, action_rows, entity_rows, quote_rows
from .records import Action, Article

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .events import Event

FRAME_NAMES: tuple[str, ...] = ("articles", "entities", "quotes", "actions", "events")

ARTICLE_COLUMNS = (
    "doc_id", "pub_date", "title", "outlet", "relevant", "encoding", "n_entities", "n_quotes", "n_actions",
)  # fmt: skip
ACTION_FRAME_COLUMNS = (
    "doc_id", "action_id", "event_id", "pub_date", "month", "type", "status", "confidence", "trigger",
    "trigger_start", "trigger_end", "actor", "actor_canonical", "agency_id", "location", "location_code",
    "region_code", "province_code", "province", "date", "date_text", "count", "evidence", "evidence_start",
    "evidence_end",
)  # fmt: skip
EVENT_COLUMNS = (
    "event_id", "type", "n_articles", "n_records", "actor", "agency_id", "place", "region_code", "province_code",
    "province", "date", "month", "count", "first_pub_date", "doc_ids",
)  # fmt: skip


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_frames needs pandas: pip install 'tppo-extract[notebook]'") from exc
    return pd


def province_code(region_code: str | None) -> str | None:
    """The two-digit province part of a Kemendagri code ("18.01.05" -> "18"); None for none or a foreign one."""
    if not region_code:
        return None
    head = region_code.split(".", 1)[0]
    return head if len(head) == 2 and head.isdigit() else None


def _month(value: str | None) -> str | None:
    """``YYYY-MM`` of an ISO date or month value; None for a year alone or nothing."""
    return value[:7] if value and len(value) >= 7 and value[4] == "-" else None


def _actor_region(art: Article, action: Action) -> tuple[str | None, str | None]:
    """The region code and province of the acting body, read from its AGENCY entity."""
    if not action.actors:
        return None, None
    actor = action.actors[0]
    for ent in art.entities:
        if ent.label == "AGENCY" and ent.start == actor.start and ent.end == actor.end:
            return ent.region_code, ent.province
    return None, None


def article_rows(articles: Iterable[Article]) -> Iterable[dict[str, Any]]:
    """One row per article."""
    for art in articles:
        yield {
            "doc_id": art.doc_id,
            "pub_date": art.pub_date.isoformat() if art.pub_date else None,
            "title": art.title,
            "outlet": art.dateline.outlet if art.dateline else None,
            "relevant": art.relevant,
            "encoding": art.encoding,
            "n_entities": len(art.entities),
            "n_quotes": len(art.quotes),
            "n_actions": len(art.actions),
        }


def _action_frame_rows(
    articles: Sequence[Article], event_of: dict[tuple[str | None, str], str]
) -> list[dict[str, Any]]:
    rows = []
    by_id = {(a.doc_id, act.id): (a, act) for a in articles for act in a.actions}
    for row in action_rows(articles):
        art, act = by_id[(row["doc_id"], row["action_id"])]
        code, province = row["location_code"], row["province"]
        if not code and not province:
            code, province = _actor_region(art, act)
        actor = act.actors[0] if act.actors else None
        rows.append(
            {
                **row,
                "event_id": event_of.get((row["doc_id"], row["action_id"])),
                "month": _month(row["date"]) or _month(row["pub_date"]),
                "agency_id": actor.agency_id if actor else None,
                "region_code": code,
                "province_code": province_code(code),
                "province": province,
            }
        )
    return rows


def _event_rows(events: Sequence[Event]) -> list[dict[str, Any]]:
    rows = []
    for ev in events:
        pubs = sorted(m.pub_date.isoformat() for m in ev.members if m.pub_date)
        rows.append(
            {
                "event_id": ev.id,
                "type": ev.type,
                "n_articles": len(ev.doc_ids),
                "n_records": len(ev.members),
                "actor": ev.actor,
                "agency_id": ev.agency_id,
                "place": ev.place,
                "region_code": ev.region_code,
                "province_code": province_code(ev.region_code),
                "province": ev.province,
                "date": ev.date,
                "month": _month(ev.date) or (_month(pubs[0]) if pubs else None),
                "count": ev.count,
                "first_pub_date": pubs[0] if pubs else None,
                "doc_ids": ";".join(ev.doc_ids),
            }
        )
    return rows


def to_frames(articles: Iterable[Article], *, events: Sequence[Event] | None = None) -> dict[str, pd.DataFrame]:
    """The five tables of :data:`FRAME_NAMES` as pandas DataFrames (needs pandas: the [notebook] extra).

    ``events`` are those of :func:`tppo_extract.events.link_events` over the same articles; by default they
    are linked here."""
    pd = _pandas()
    arts = list(articles)
    if events is None:
        from .events import link_events

        events = link_events(arts)
    event_of = {(m.doc_id, m.action_id): ev.id for ev in events for m in ev.members}
    return {
        "articles": pd.DataFrame(list(article_rows(arts)), columns=list(ARTICLE_COLUMNS)),
        "entities": pd.DataFrame(list(entity_rows(arts)), columns=list(ENTITY_COLUMNS)),
        "quotes": pd.DataFrame(list(quote_rows(arts)), columns=list(QUOTE_COLUMNS)),
        "actions": pd.DataFrame(_action_frame_rows(arts, event_of), columns=list(ACTION_FRAME_COLUMNS)),
        "events": pd.DataFrame(_event_rows(events), columns=list(EVENT_COLUMNS)),
    }


# Articles are turned into rows this many at a time, so that a DuckDB file of any size is written with a
# bounded memory: only the action records (small, and needed whole to link events) are kept to the end.
DUCKDB_BATCH = 256


def _slim(art: Article) -> Article:
    """What event linking and the actors' regions need of an article: its actions and their AGENCY entities."""
    spans = {(ref.start, ref.end) for act in art.actions for ref in act.actors}
    ents = [e for e in art.entities if e.label == "AGENCY" and (e.start, e.end) in spans]
    return Article(doc_id=art.doc_id, pub_date=art.pub_date, relevant=art.relevant, actions=art.actions, entities=ents)


def write_duckdb(articles: Iterable[Article], path: str | Path, *, batch_size: int = DUCKDB_BATCH) -> dict[str, int]:
    """Write the tables of :func:`to_frames` to a new DuckDB file at ``path`` and return their row counts.

    The file is replaced whole, never left half-written; the articles are read once, ``batch_size`` at a time.
    Needs pandas and duckdb (the [notebook] extra). Query it with ``duckdb.connect(path, read_only=True)``."""
    try:
        import duckdb
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("a DuckDB table needs duckdb: pip install 'tppo-extract[notebook]'") from exc
    pd = _pandas()
    dest = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=dest.name + ".", suffix=".part", dir=dest.parent)
    os.close(fd)
    os.unlink(tmp)  # duckdb makes the file itself and refuses an empty one
    slim: list[Article] = []
    counts = dict.fromkeys(FRAME_NAMES, 0)

    def add(con: Any, name: str, df: Any, first: bool) -> None:
        con.register("_frame", df)
        if first:
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _frame')
        else:
            con.execute(f'INSERT INTO "{name}" SELECT * FROM _frame')
        con.unregister("_frame")
        counts[name] += len(df)

    try:
        con = duckdb.connect(tmp)
        try:
            it = iter(articles)
            first = True
            while True:
                batch = [a for _, a in zip(range(batch_size), it, strict=False)]
                if not batch and not first:
                    break
                frames = to_frames(batch, events=[])
                for name in FRAME_NAMES[:-1]:
                    add(con, name, _typed(frames[name], pd), first)
                slim.extend(_slim(a) for a in batch)
                first = False
                if not batch:
                    break
            from .events import link_events

            events = link_events(slim)
            add(con, "events", _typed(to_frames([], events=events)["events"], pd), True)
            links = pd.DataFrame(
                [(m.doc_id, m.action_id, ev.id) for ev in events for m in ev.members],
                columns=["doc_id", "action_id", "event_id"],
            ).astype("string")
            con.register("_links", links)
            con.execute(
                "UPDATE actions SET event_id = _links.event_id FROM _links "
                "WHERE actions.doc_id IS NOT DISTINCT FROM _links.doc_id AND actions.action_id = _links.action_id"
            )
            con.unregister("_links")
        finally:
            con.close()
        os.replace(tmp, dest)
    except BaseException:
        for leftover in (tmp, tmp + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
        raise
    return counts


# The SQL type of each column that may hold no value in a batch (pandas would leave an all-None column untyped).
_INTEGER_COLUMNS = frozenset(
    {"n_entities", "n_quotes", "n_actions", "start", "end", "trigger_start", "trigger_end", "count",
     "evidence_start", "evidence_end", "n_articles", "n_records"}
)  # fmt: skip
_FLOAT_COLUMNS = frozenset({"confidence"})
_BOOL_COLUMNS = frozenset({"relevant", "direct"})


def _typed(df: pd.DataFrame, pd: Any) -> pd.DataFrame:
    """``df`` with one fixed dtype per column, so that every batch makes the same table columns."""
    out = {}
    for col in df.columns:
        if col in _INTEGER_COLUMNS:
            out[col] = df[col].astype("Int64")
        elif col in _FLOAT_COLUMNS:
            out[col] = df[col].astype("Float64")
        elif col in _BOOL_COLUMNS:
            out[col] = df[col].astype("boolean")
        else:
            out[col] = df[col].astype("string")
    return pd.DataFrame(out, columns=list(df.columns))
