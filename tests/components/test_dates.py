"""The tppo_dates component in the full pipeline: DATE entities, their values, furniture left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

ANCHOR = "2024-03-14"


def _run(nlp: Language, text: str, pub_date: str | None = ANCHOR) -> Doc:
    doc = nlp.make_doc(text)
    doc._.pub_date = pub_date
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def _dates(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(e.text, e._.value, e._.granularity) for e in doc.ents if e.label_ == "DATE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kantor Imigrasi Batam menunda keberangkatan 12 orang pada Selasa (12/3/2024).",
            [("Selasa (12/3/2024)", "2024-03-12", "day")],
        ),
        (
            "Sepanjang tahun 2023, petugas menolak 80 permohonan paspor, kata dia di Batam, Kamis.",
            [("tahun 2023", "2023", "year"), ("Kamis", "2024-03-14", "day")],
        ),
        (
            "Selama periode Januari hingga Februari 2024 tercatat 30 kasus.",
            [("Januari hingga Februari 2024", "2024", "year")],
        ),
        (
            "Sosialisasi digelar pukul 09.00 WIB, sehari setelah rapat pekan lalu.",
            [("pukul 09.00 WIB", None, None), ("pekan lalu", "2024-03", "month")],
        ),
        ("Aturan itu tertuang dalam Perpres Nomor 49 Tahun 2023.", []),
    ],
)
def test_date_entities(nlp: Language, text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert _dates(_run(nlp, text)) == expected


def test_relative_dates_need_a_pub_date(nlp: Language) -> None:
    doc = _run(nlp, "Rapat koordinasi digelar di Batam, Sabtu, dan dilanjutkan kemarin.", pub_date=None)
    assert _dates(doc) == [("Sabtu", None, None), ("kemarin", None, None)]


def test_offsets_are_the_original_text(nlp: Language) -> None:
    text = "Pada Jumat petang (8/3/2024) petugas menggagalkan keberangkatan, lalu Senin (11/3) melapor."
    doc = _run(nlp, text)
    spans = [e for e in doc.ents if e.label_ == "DATE"]
    assert [text[e.start_char : e.end_char] for e in spans] == ["Jumat petang (8/3/2024)", "Senin (11/3)"]
    assert [e._.value for e in spans] == ["2024-03-08", "2024-03-11"]


def test_options_leave_out_times_and_durations() -> None:
    import tppo_extract

    nlp = tppo_extract.load(
        overrides={
            "components.tppo_dates.include_times": False,
            "components.tppo_dates.include_durations": False,
        }
    )
    doc = _run(nlp, "Dalam tiga bulan terakhir, sosialisasi digelar pukul 10.00 WIB, Kamis (14/3).")
    assert _dates(doc) == [("Kamis (14/3)", "2024-03-14", "day")]


def test_round_trip(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe_meta("tppo_dates").factory == "tppo_dates"
    text = "Pada Maret 2024 petugas membentuk desa binaan."
    assert _dates(_run(loaded, text)) == [("Maret 2024", "2024-03", "month")]


def test_values_survive_to_bytes(nlp: Language) -> None:
    doc = _run(nlp, "Kegiatan berlangsung pada 5-7 Maret 2024.")
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _dates(back) == [("5-7 Maret 2024", "2024-03", "month")]
