"""Tests of the tppo_dateline component: the dateline zone and pub_date."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tppo_extract.components.dateline import apply_pub_date, carve_zone
from tppo_extract.normalize.dates import normalize_date
from tppo_extract.text.zoning import check_tiling
from tppo_extract.types import ZoneDict

TEXT = "Jakarta, Senin (12/3/2024) - Kantor Imigrasi menunda keberangkatan warga.\n"


def _dates_work() -> bool:
    value = normalize_date("Senin (12/3/2024)", anchor=None)
    return value is not None and value.value == "2024-03-12"


def test_dateline_zone_splits_the_body(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert doc._.dateline is not None
    zones = doc._.zones
    assert check_tiling(zones, len(TEXT))
    assert [(TEXT[z["start"] : z["end"]], z["kind"]) for z in zones][0] == ("Jakarta, Senin (12/3/2024) -", "dateline")
    assert zones[1]["kind"] == "body"
    assert [s.label_ for s in doc.spans["tppo_zones"]] == ["dateline", "body"]


@pytest.mark.skipif(not _dates_work(), reason="normalize_date is not implemented yet")
def test_pub_date_from_dateline(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert doc._.pub_date == "2024-03-12"
    assert doc._.pub_date_source == "dateline"
    assert doc._.dateline["date_value"] == "2024-03-12"


def test_caller_pub_date_wins(nlp: Language) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.pub_date = "2024-03-13"
    for _, proc in nlp.pipeline[:2]:
        doc = proc(doc)
    assert doc._.pub_date == "2024-03-13"
    assert doc._.pub_date_source == "caller"


def test_no_day_no_pub_date(nlp: Language) -> None:
    doc = nlp.make_doc("Kupang (ANTARA) - Polisi menggagalkan pengiriman.\n")
    apply_pub_date(doc, None)
    assert doc._.pub_date is None and doc._.pub_date_source is None


def z(start: int, end: int, kind: str = "body") -> ZoneDict:
    return {"start": start, "end": end, "kind": kind, "label": kind}


@pytest.mark.parametrize(
    ("zones", "start", "end", "expected"),
    [
        ([z(0, 10), z(10, 20)], 0, 4, [(0, 4, "dateline"), (4, 10, "body"), (10, 20, "body")]),
        ([z(0, 10, "headline"), z(10, 20)], 10, 14, [(0, 10, "headline"), (10, 14, "dateline"), (14, 20, "body")]),
        ([z(0, 10), z(10, 20)], 2, 15, [(0, 2, "body"), (2, 15, "dateline"), (15, 20, "body")]),
        ([z(0, 10), z(10, 20)], 10, 20, [(0, 10, "body"), (10, 20, "dateline")]),
    ],
)
def test_carve_zone(zones: list[ZoneDict], start: int, end: int, expected: list[tuple[int, int, str]]) -> None:
    out = carve_zone(zones, start, end, "dateline", "dateline")
    assert [(o["start"], o["end"], o["kind"]) for o in out] == expected
    assert check_tiling(out, 20)


# Written by the team: a local outlet's name opens the dateline.
_OUTLET_TEXT = (
    "Imigrasi Sukamaju Gelar Sosialisasi TPPO\n\n"
    "Lintas Bahari - Kantor Imigrasi Sukamaju menggelar sosialisasi pencegahan tindak pidana perdagangan orang "
    "di Desa Sumber Rejeki, Senin (3/6/2024).\n"
)


def _dateline_and_places(nlp: Language, text: str) -> tuple[object, list[str]]:
    doc = nlp(text)
    return doc._.dateline["outlet"], [e.text for e in doc.ents if e.label_ == "PLACE"]


def test_an_extra_outlet_is_the_outlet_not_the_place() -> None:
    from tppo_extract.text.dateline import find_dateline
    from tppo_extract.text.zoning import find_zones

    before = find_dateline(_OUTLET_TEXT, find_zones(_OUTLET_TEXT))
    assert before is not None and before["outlet"] is None and before["place"] is not None
    after = find_dateline(_OUTLET_TEXT, find_zones(_OUTLET_TEXT), extra_outlets=["LINTAS  bahari"])
    assert after is not None and after["outlet"] == "Lintas Bahari" and after["place"] is None


def test_a_user_adds_an_outlet_and_it_is_saved_with_the_pipeline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import spacy

    import tppo_extract

    nlp = tppo_extract.load(models=False)
    assert _dateline_and_places(nlp, _OUTLET_TEXT) == (None, ["Lintas Bahari", "Desa Sumber Rejeki"])
    nlp.get_pipe("tppo_dateline").add_outlets(["Lintas  Bahari"])  # type: ignore[attr-defined]
    assert nlp.get_pipe("tppo_dateline").extra_outlets == ("Lintas Bahari",)  # type: ignore[attr-defined]
    assert _dateline_and_places(nlp, _OUTLET_TEXT) == ("Lintas Bahari", ["Desa Sumber Rejeki"])
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again.get_pipe("tppo_dateline").extra_outlets == ("Lintas Bahari",)  # type: ignore[attr-defined]
    assert _dateline_and_places(again, _OUTLET_TEXT) == ("Lintas Bahari", ["Desa Sumber Rejeki"])


def test_a_user_adds_an_outlet_through_the_config() -> None:
    import tppo_extract

    nlp = tppo_extract.load(models=False, overrides={"components.tppo_dateline.extra_outlets": ["Lintas Bahari"]})
    assert _dateline_and_places(nlp, _OUTLET_TEXT)[0] == "Lintas Bahari"


@pytest.mark.parametrize("outlet", ["", "   ", 5])
def test_a_bad_outlet_is_refused_naming_the_component(outlet: object) -> None:
    import tppo_extract
    from tppo_extract.errors import ConfigError

    nlp = tppo_extract.load(models=False)
    with pytest.raises(ConfigError, match=r"tppo_dateline: extra outlet 1 .*non-empty string"):
        nlp.get_pipe("tppo_dateline").add_outlets([outlet])  # type: ignore[attr-defined]
