"""Every ``Doc._`` and ``Span._`` extension of tppo_extract, declared once, here.

Components write them; only :mod:`tppo_extract.export` reads them to build records. Values are plain
data (see :mod:`tppo_extract.types`) so that docs survive ``Doc.to_bytes`` and multiprocessing.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

# name -> default; Doc defaults that are lists are given as None and read through the helpers below,
# because a mutable default would be shared by every Doc.
DOC_EXTENSIONS: dict[str, object] = {
    "doc_id": None,  # str | None: the caller's identifier (file name)
    "pub_date": None,  # str | None: "YYYY-MM-DD", given by the caller or read from the dateline
    "pub_date_source": None,  # "caller" | "dateline" | None
    "encoding": None,  # str | None: the encoding the input's bytes were decoded from ("utf-8", "cp1252", ...)
    "from_html": None,  # bool | None: the text was extracted from HTML markup
    "zones": None,  # list[ZoneDict]
    "dateline": None,  # DatelineDict | None
    "quotes": None,  # list[QuoteDict]
    "actions": None,  # list[ActionDict]
    "relevant": None,  # bool | None: whether the article is about TPPO / non-procedural migration
}

SPAN_EXTENSIONS: dict[str, object] = {
    # every entity
    "source": None,  # "model" when the statistical NER found it; None (read as "rule") for a rule span
    # AGENCY
    "canonical": None,  # str: canonical name ("Kantor Imigrasi Kelas I TPI Tanjung Priok"), also PERSON full name
    "agency_id": None,  # str: id in resources/agencies.jsonl, when the agency is a known one
    "agency_type": None,  # str: "immigration_office", "police", "ministry", "regional_office", "ngo", ...
    "parents": None,  # list[str]: canonical names of the bodies above it, nearest first
    "org_type": None,  # str: government, police, immigration, labour_migrant, task_force, ngo, international, ...
    # PLACE (and AGENCY: the region it serves, when its name says so)
    "level": None,  # constants.PLACE_LEVELS
    "region_code": None,  # str: Kemendagri code ("18.01.05.2003"); an agency's: its regency or province
    "province": None,  # str: province name, when in Indonesia
    "country_code": None,  # str: ISO 3166-1 alpha-2 code of the country a PLACE lies in ("ID", "MY")
    # DATE
    "value": None,  # str: ISO value at the expression's granularity ("2024", "2024-03", "2024-03-12")
    "granularity": None,  # "year" | "month" | "day"
    # PERSON
    "title": None,  # str: role the text gives the person ("Kepala Kantor Imigrasi Tanjungpinang")
}


# How spaCy keys a span's extension value in ``doc.user_data`` (spacy.tokens.underscore.Underscore._get_key);
# tests/test_records.py checks that :func:`span_values` reads what ``span._`` reads.
_USER_DATA_TAG = "._."


def span_values(span: Span) -> dict[str, Any]:
    """Every span extension above of ``span``, read at once: what ``span._.<name>`` gives for each name,
    without building an accessor object per attribute (records read all of them for every entity)."""
    data: dict[Any, Any] = span.doc.user_data
    start, end = span.start_char, span.end_char
    return {name: data.get((_USER_DATA_TAG, name, start, end), default) for name, default in SPAN_EXTENSIONS.items()}


def span_value(span: Span, name: str) -> Any:
    """What ``span._.<name>`` gives for a span extension above, without building an accessor object."""
    data: dict[Any, Any] = span.doc.user_data
    return data.get((_USER_DATA_TAG, name, span.start_char, span.end_char), SPAN_EXTENSIONS[name])


def doc_value(doc: Doc, name: str) -> Any:
    """What ``doc._.<name>`` gives for a Doc extension above, read from the doc's user data without building
    an accessor object (the stages ask for the zones thousands of times per article)."""
    data: dict[Any, Any] = doc.user_data
    return data.get((_USER_DATA_TAG, name, None, None), DOC_EXTENSIONS[name])


def register_extensions() -> None:
    """Declare the extensions; safe to call many times (each component factory calls it)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


register_extensions()
