"""The ``tppo_dateline`` component: ``doc._.dateline``, its zone, and the publication date it gives."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ConfigError
from ..extensions import register_extensions
from ..normalize.dates import normalize_date
from ..spans import UserEntry, doc_text, load_rows, save_rows, user_entries
from ..text.dateline import find_dateline
from ..text.zoning import find_zones
from ..types import DatelineDict, ZoneDict
from .zoning import SPAN_GROUP, set_zones


def carve_zone(zones: list[ZoneDict], start: int, end: int, kind: str, label: str) -> list[ZoneDict]:
    """``zones`` with [start, end) made one zone of ``kind``; the zones it overlaps keep their rest."""
    out: list[ZoneDict] = []
    placed = False
    for z in zones:
        if z["end"] <= start or z["start"] >= end:
            if not placed and z["start"] >= end:
                out.append({"start": start, "end": end, "kind": kind, "label": label})
                placed = True
            out.append(z)
            continue
        if z["start"] < start:
            out.append({**z, "end": start})
        if not placed:
            out.append({"start": start, "end": end, "kind": kind, "label": label})
            placed = True
        if z["end"] > end:
            out.append({**z, "start": end})
    if not placed:
        out.append({"start": start, "end": end, "kind": kind, "label": label})
    return out


def apply_pub_date(doc: Doc, dateline: DatelineDict | None) -> None:
    """Keep the caller's ``pub_date``; else take the dateline's date when it names a day."""
    if doc._.pub_date is not None:
        if doc._.pub_date_source is None:
            doc._.pub_date_source = "caller"
        return
    if dateline is None or dateline["date"] is None:
        return
    value = normalize_date(doc_text(doc)[dateline["date"]["start"] : dateline["date"]["end"]], anchor=None)
    if value is not None and value.granularity == "day":
        doc._.pub_date = value.value
        doc._.pub_date_source = "dateline"


class DatelineReader:
    """Reads the dateline of the first body paragraph (see text/dateline.py).

    ``extra_outlets`` (config) and :meth:`add_outlets` add news outlets' names to the package's list
    (``resources/outlets/outlets.txt``) without editing it, so that a local outlet named in a dateline
    ("Lintas Bahari - ...") is read as the outlet, not as the place. They are saved with the pipeline
    (``to_disk``).
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str, extra_outlets: Iterable[str] = ()) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.extra_outlets: tuple[str, ...] = ()
        self.add_outlets(extra_outlets)

    def add_outlets(self, names: Iterable[str]) -> None:
        """Add outlets' ``names`` ("Lintas Bahari"); anything but a non-empty string raises ConfigError."""
        added = list(self.extra_outlets)
        for n, outlet in enumerate(names, 1):
            if not isinstance(outlet, str) or not outlet.strip():
                raise ConfigError(f"{self.name}: extra outlet {n} ({outlet!r}) must be a non-empty string")
            outlet = " ".join(outlet.split())
            if outlet not in added:
                added.append(outlet)
        self.extra_outlets = tuple(added)

    def __call__(self, doc: Doc) -> Doc:
        zones = list(doc._.zones) if doc._.zones is not None else find_zones(doc_text(doc))
        dateline = find_dateline(doc_text(doc), zones, extra_outlets=self.extra_outlets)
        doc._.dateline = dateline
        if dateline is not None:
            zones = carve_zone(zones, dateline["start"], dateline["end"], "dateline", "dateline")
            set_zones(doc, zones, spans_key=self.spans_key)
        apply_pub_date(doc, dateline)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        save_rows(path, _EXTRA_FILE, (UserEntry(text=o) for o in self.extra_outlets))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DatelineReader:
        rows = load_rows(path, _EXTRA_FILE)
        if rows is not None:
            self.extra_outlets = ()
            self.add_outlets(user_entries(rows, self.name))
        return self


# Where a saved pipeline keeps the outlets a user added.
_EXTRA_FILE = "extra_outlets.jsonl"


@Language.factory(
    "tppo_dateline",
    assigns=["doc._.dateline", "doc._.zones", "doc._.pub_date", "doc._.pub_date_source"],
    requires=["doc._.zones"],
    default_config={"spans_key": SPAN_GROUP, "extra_outlets": []},
)
def make_dateline(nlp: Language, name: str, spans_key: str, extra_outlets: list[str]) -> DatelineReader:
    """``extra_outlets``: news outlets' names added to the package's (see :class:`DatelineReader`)."""
    return DatelineReader(nlp, name, spans_key=spans_key, extra_outlets=extra_outlets)
