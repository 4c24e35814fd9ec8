"""Zone look-ups of spans.py against their definitions, over random zone lists in and out of text order."""

from __future__ import annotations

import random

import spacy

from tppo_extract.spans import SKIP_KINDS, in_skipped_zone, zone_at, zones_over
from tppo_extract.types import ZoneDict

KINDS = ["headline", "body", "furniture", "byline", "caption"]


def _zones(rng: random.Random, length: int, ordered: bool) -> list[ZoneDict]:
    cuts = sorted(rng.sample(range(1, length), rng.randint(1, 8)))
    bounds = list(zip([0, *cuts], [*cuts, length], strict=True))
    zones: list[ZoneDict] = [{"kind": rng.choice(KINDS), "start": a, "end": b} for a, b in bounds]  # type: ignore[typeddict-item]
    if rng.random() < 0.2:  # an empty zone
        at = rng.randrange(length)
        zones.append({"kind": rng.choice(KINDS), "start": at, "end": at})  # type: ignore[typeddict-item]
        zones.sort(key=lambda z: (z["start"], z["end"]))
    if not ordered:
        zones.append({"kind": rng.choice(KINDS), "start": rng.randrange(length), "end": length})  # type: ignore[typeddict-item]
        rng.shuffle(zones)
    return zones


def test_zone_lookups_agree_with_their_definitions() -> None:
    rng = random.Random(3)
    nlp = spacy.blank("id")
    text = "Imigrasi Sukamaju menunda keberangkatan sembilan warga ke luar negeri. " * 3
    for trial in range(300):
        doc = nlp.make_doc(text)
        doc._.zones = _zones(rng, len(text), ordered=trial % 3 != 0)
        kinds = frozenset(rng.sample(KINDS, rng.randint(1, 3))) if trial % 2 else SKIP_KINDS
        for _ in range(40):
            a = rng.randrange(len(text))
            b = min(len(text), a + rng.choice([0, 1, 5, 40, 200]))
            overlapping = [z for z in doc._.zones if z["start"] < b and a < z["end"]]
            expected = any(z["kind"] in kinds for z in overlapping)
            assert in_skipped_zone(doc, a, b, kinds) is expected, (doc._.zones, a, b, kinds)
            assert all(z in list(zones_over(doc, a, b)) for z in overlapping)
            at = zone_at(doc, a)
            assert at is None or at["start"] <= a < at["end"]


def test_adding_entities_to_an_annotated_doc_gives_the_annotation_of_setting_them_all() -> None:
    from spacy.tokens import Span

    from tppo_extract.spans import add_entities

    nlp = spacy.blank("id")
    text = "Kantor Imigrasi Sukamaju dan Polres Sukamaju menggelar rapat di Desa Bumi pada 3 Maret 2024 ."
    attrs = ["ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID"]
    cases = [([(0, 3, "AGENCY")], [(4, 6, "AGENCY"), (9, 11, "PLACE")]), ([(5, 6, "PLACE")], [(12, 15, "DATE")])]
    for first, later in cases:
        doc, whole = nlp.make_doc(text), nlp.make_doc(text)
        add_entities(doc, [Span(doc, a, b, label=lab) for a, b, lab in first])
        added = add_entities(doc, [Span(doc, a, b, label=lab) for a, b, lab in [*later, (first[0][0], first[0][1], "PLACE")]])
        assert [(s.start, s.end) for s in added] == [(a, b) for a, b, _ in later]  # the overlapping one is not
        whole.ents = [Span(whole, a, b, label=lab) for a, b, lab in first + later]
        assert doc.to_array(attrs).tolist() == whole.to_array(attrs).tolist()
