"""Doc -> records, and records -> JSONL, CSV, Parquet and pandas DataFrames.

This is the only module that reads the ``Doc._``/``Span._`` extensions (see :mod:`.extensions`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from .errors import InputError
from .extensions import span_value, span_values
from .records import (
    Action,
    ActorRef,
    Article,
    Dateline,
    DateRef,
    Entity,
    PlaceRef,
    Quote,
    Speaker,
    TextSpan,
    Zone,
)
from .spans import doc_text
from .types import ActionDict, CharSpan, QuoteDict

if TYPE_CHECKING:
    import pandas as pd


def _span(text: str, ref: CharSpan | dict[str, Any]) -> TextSpan:
    start, end = int(ref["start"]), int(ref["end"])
    return TextSpan(start=start, end=end, text=text[start:end])


def entity_record(ent: Span) -> Entity:
    """The record of one entity span."""
    v = span_values(ent)
    start, end = ent.start_char, ent.end_char
    return Entity(
        label=ent.label_,
        source=v["source"] or "rule",
        start=start,
        end=end,
        # a span's text is the doc's text between its offsets; the slice spares building a Token per word
        text=doc_text(ent.doc)[start:end],
        canonical=v["canonical"],
        agency_id=v["agency_id"],
        agency_type=v["agency_type"],
        parents=list(v["parents"] or []),
        org_type=v["org_type"],
        level=v["level"],
        region_code=v["region_code"],
        province=v["province"],
        country_code=v["country_code"],
        value=v["value"],
        granularity=v["granularity"],
        title=v["title"],
    )


def _quote_record(text: str, q: QuoteDict) -> Quote:
    sp = q.get("speaker")
    cue = q.get("cue")
    return Quote(
        start=q["start"],
        end=q["end"],
        text=text[q["start"] : q["end"]],
        direct=bool(q["direct"]),
        cue=_span(text, cue) if cue else None,
        speaker=(
            Speaker(start=sp["start"], end=sp["end"], text=text[sp["start"] : sp["end"]], name=sp["name"])
            if sp
            else None
        ),
    )


def _action_record(doc: Doc, ents: dict[tuple[int, int], Span], a: ActionDict) -> Action:
    text = doc_text(doc)
    actors = []
    for ref in a.get("actors", []):
        ent = ents.get((ref["start"], ref["end"]))
        actors.append(
            ActorRef(
                start=ref["start"],
                end=ref["end"],
                text=text[ref["start"] : ref["end"]],
                canonical=span_value(ent, "canonical") if ent is not None else None,
                agency_id=span_value(ent, "agency_id") if ent is not None else None,
            )
        )
    locations = []
    for ref in a.get("locations", []):
        ent = ents.get((ref["start"], ref["end"]))
        locations.append(
            PlaceRef(
                start=ref["start"],
                end=ref["end"],
                text=text[ref["start"] : ref["end"]],
                name=span_value(ent, "canonical") if ent is not None else None,
                level=span_value(ent, "level") if ent is not None else None,
                region_code=span_value(ent, "region_code") if ent is not None else None,
                province=span_value(ent, "province") if ent is not None else None,
            )
        )
    d = a.get("date")
    date = (
        DateRef(start=d["start"], end=d["end"], text=text[d["start"] : d["end"]], value=d.get("value")) if d else None
    )
    return Action(
        id=a["id"],
        type=a["type"],
        trigger=_span(text, a["trigger"]),
        evidence=_span(text, a["evidence"]),
        actors=actors,
        locations=locations,
        date=date,
        count=a.get("count"),
        status=a.get("status", "done"),
        confidence=round(float(a.get("confidence", 0.0)), 3),
    )


def _title(doc: Doc) -> str | None:
    for z in doc._.zones or []:
        if z["kind"] == "headline":
            return str(doc_text(doc)[z["start"] : z["end"]].strip()) or None
    return None


def doc_to_article(doc: Doc) -> Article:
    """Build the :class:`Article` record of a processed ``Doc``."""
    text = doc_text(doc)
    spans = doc.ents  # spaCy builds the spans on each read: read once
    ents = {(e.start_char, e.end_char): e for e in spans}
    dl = doc._.dateline
    dateline = None
    if dl:
        dateline = Dateline(
            start=dl["start"],
            end=dl["end"],
            text=text[dl["start"] : dl["end"]],
            place=_span(text, dl["place"]) if dl.get("place") else None,
            outlet=dl.get("outlet"),
            date=_span(text, dl["date"]) if dl.get("date") else None,
            date_value=dl.get("date_value"),
        )
    actions = [_action_record(doc, ents, a) for a in doc._.actions or []]
    relevant = doc._.relevant if doc._.relevant is not None else bool(actions)
    pub = doc._.pub_date
    return Article(
        doc_id=doc._.doc_id,
        pub_date=dt.date.fromisoformat(pub) if pub else None,
        pub_date_source=doc._.pub_date_source,
        encoding=doc._.encoding,
        text=doc_text(doc) if doc._.from_html else None,
        title=_title(doc),
        relevant=bool(relevant),
        dateline=dateline,
        zones=[
            Zone(start=z["start"], end=z["end"], text=text[z["start"] : z["end"]], kind=z["kind"], label=z["label"])
            for z in doc._.zones or []
        ],
        entities=[entity_record(e) for e in spans],
        quotes=[_quote_record(text, q) for q in doc._.quotes or []],
        actions=actions,
    )


# ---- writing -------------------------------------------------------------------------------------------


def article_json(article: Article) -> str:
    """One JSONL line (no newline) for ``article``."""
    return json.dumps(article.to_json_dict(), ensure_ascii=False)


def write_jsonl(articles: Iterable[Article], out: IO[str] | str | Path) -> int:
    """Write ``articles`` one JSON object a line; returns how many were written."""
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8") as fh:
            return write_jsonl(articles, fh)
    n = 0
    for a in articles:
        out.write(article_json(a) + "\n")
        n += 1
    return n


def read_jsonl(path: str | Path) -> Iterator[Article]:
    """Read back articles written by :func:`write_jsonl`, validating each line."""
    with open(path, encoding="utf-8") as fh:
        yield from read_jsonl_stream(fh, source=str(path))


def read_jsonl_stream(lines: Iterable[str], *, source: str = "<stream>") -> Iterator[Article]:
    """Articles from an open text stream of JSONL (standard input, a file), validating each line."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield Article.model_validate_json(line)
        except ValueError as exc:
            raise InputError(f"{source}:{n}", f"not an Article record: {exc}") from exc


# ---- tables --------------------------------------------------------------------------------------------

ACTION_COLUMNS = (
    "doc_id", "action_id", "pub_date", "type", "status", "confidence", "trigger", "trigger_start", "trigger_end",
    "actor", "actor_canonical", "location", "location_code", "province", "date", "date_text", "count",
    "evidence", "evidence_start", "evidence_end",
)  # fmt: skip
QUOTE_COLUMNS = ("doc_id", "pub_date", "direct", "speaker", "speaker_mention", "cue", "text", "start", "end")
ENTITY_COLUMNS = (
    "doc_id", "pub_date", "label", "text", "start", "end", "canonical", "agency_type", "level",
    "region_code", "province", "value", "title",
)  # fmt: skip


def action_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """One flat row per action, for tables and DataFrames."""
    for art in articles:
        for a in art.actions:
            actor = a.actors[0] if a.actors else None
            loc = a.locations[0] if a.locations else None
            yield {
                "doc_id": art.doc_id,
                "action_id": a.id,
                "pub_date": art.pub_date.isoformat() if art.pub_date else None,
                "type": a.type,
                "status": a.status,
                "confidence": a.confidence,
                "trigger": a.trigger.text,
                "trigger_start": a.trigger.start,
                "trigger_end": a.trigger.end,
                "actor": actor.text if actor else None,
                "actor_canonical": (actor.canonical or actor.text) if actor else None,
                "location": loc.text if loc else None,
                "location_code": loc.region_code if loc else None,
                "province": loc.province if loc else None,
                "date": a.date.value if a.date else None,
                "date_text": a.date.text if a.date else None,
                "count": a.count,
                "evidence": a.evidence.text,
                "evidence_start": a.evidence.start,
                "evidence_end": a.evidence.end,
            }


def quote_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """One flat row per quote."""
    for art in articles:
        for q in art.quotes:
            yield {
                "doc_id": art.doc_id,
                "pub_date": art.pub_date.isoformat() if art.pub_date else None,
                "direct": q.direct,
                "speaker": q.speaker.name if q.speaker else None,
                "speaker_mention": q.speaker.text if q.speaker else None,
                "cue": q.cue.text if q.cue else None,
                "text": q.text,
                "start": q.start,
                "end": q.end,
            }


def entity_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """One flat row per entity mention."""
    for art in articles:
        for e in art.entities:
            yield {
                "doc_id": art.doc_id,
                "pub_date": art.pub_date.isoformat() if art.pub_date else None,
                "label": e.label,
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "canonical": e.canonical,
                "agency_type": e.agency_type,
                "level": e.level,
                "region_code": e.region_code,
                "province": e.province,
                "value": e.value,
                "title": e.title,
            }


TABLES = {
    "actions": (action_rows, ACTION_COLUMNS),
    "quotes": (quote_rows, QUOTE_COLUMNS),
    "entities": (entity_rows, ENTITY_COLUMNS),
}


def to_dataframe(articles: Iterable[Article], *, table: str = "actions") -> pd.DataFrame:
    """A pandas DataFrame of ``table`` ("actions", "quotes" or "entities"); needs the [notebook] extra."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install 'tppo-extract[notebook]'") from exc
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    rows_of, columns = TABLES[table]
    return pd.DataFrame(list(rows_of(articles)), columns=list(columns))


def write_table(articles: Iterable[Article], path: str | Path, *, table: str = "actions") -> int:
    """Write ``table`` as CSV (``.csv``/``.tsv``) or Parquet (``.parquet``, needs pandas and pyarrow)."""
    path = Path(path)
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    rows_of, columns = TABLES[table]
    if path.suffix == ".parquet":
        df = to_dataframe(articles, table=table)
        df.to_parquet(path, index=False)
        return len(df)
    delimiter = "\t" if path.suffix == ".tsv" else ","
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), delimiter=delimiter)
        writer.writeheader()
        for row in rows_of(articles):
            writer.writerow(row)
            n += 1
    return n
