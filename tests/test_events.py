"""Event linking: pairwise scores on the team's invented multi-outlet articles, the rules on hand-built records,
and the ``link`` command."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import tppo_extract
from tppo_extract import Action, ActorRef, Article, DateRef, Event, PlaceRef, TextSpan, link_events, write_jsonl
from tppo_extract.cli import main
from tppo_extract.events import DEFAULT_DATE_WINDOW_DAYS

DATA = Path(__file__).resolve().parents[1] / "examples" / "events"
F1_FLOOR = 0.90


# ---- the team's test set: invented articles, two or three outlets per act --------------------------------


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "events.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def articles(manifest: dict[str, Any]) -> list[Article]:
    items = [
        {"path": str(DATA / name), "doc_id": name, "pub_date": meta["pub_date"]}
        for name, meta in manifest["articles"].items()
    ]
    return list(tppo_extract.extract_many(items, models=False))


@pytest.fixture(scope="module")
def events(articles: list[Article]) -> list[Event]:
    return link_events(articles)


Key = tuple[str, str]  # (doc_id, action id)


def _pairs(groups: Sequence[Sequence[Key]]) -> set[frozenset[Key]]:
    """Unordered pairs of records of different articles within each group."""
    out: set[frozenset[Key]] = set()
    for g in groups:
        for a, b in itertools.combinations(g, 2):
            if a[0] != b[0]:
                out.add(frozenset((a, b)))
    return out


def pairwise_scores(
    articles: Sequence[Article], events: Sequence[Event], group_of: dict[str, str]
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of the events against gold: a record's gold is its article's group
    and its type (an article of one act can report a second act of another type)."""
    gold: dict[tuple[str, str], list[Key]] = {}
    for art in articles:
        assert art.doc_id is not None
        for a in art.actions:
            gold.setdefault((group_of[art.doc_id], a.type), []).append((art.doc_id, a.id))
    gold_pairs = _pairs(list(gold.values()))
    sys_pairs = _pairs([[(m.doc_id or "", m.action_id) for m in e.members] for e in events])
    tp = len(gold_pairs & sys_pairs)
    p = tp / len(sys_pairs) if sys_pairs else 1.0
    r = tp / len(gold_pairs) if gold_pairs else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def test_every_invented_article_yields_an_action(articles: list[Article]) -> None:
    assert [a.doc_id for a in articles if not a.actions] == []


def test_pairwise_f1_on_the_invented_outlets(
    articles: list[Article], events: list[Event], manifest: dict[str, Any]
) -> None:
    group_of = {name: meta["group"] for name, meta in manifest["articles"].items()}
    p, r, f = pairwise_scores(articles, events, group_of)
    assert f >= F1_FLOOR, f"pairwise P {p:.3f} R {r:.3f} F1 {f:.3f}"


def test_every_record_is_in_exactly_one_event(articles: list[Article], events: list[Event]) -> None:
    records = sorted((a.doc_id or "", x.id) for a in articles for x in a.actions)
    members = sorted((m.doc_id or "", m.action_id) for e in events for m in e.members)
    assert members == records


def test_near_misses_stay_apart(events: list[Event], manifest: dict[str, Any]) -> None:
    for pair in manifest["near_misses"]:
        together = [e.id for e in events if {pair["a"], pair["b"]} <= set(e.doc_ids)]
        assert together == [], f"{pair['a']} and {pair['b']} merged ({pair['why']})"


def test_the_three_outlets_of_one_delay_form_one_event(events: list[Event]) -> None:
    (delay,) = [e for e in events if e.type == "departure_prevention" and "g1_mataram_a.txt" in e.doc_ids]
    assert delay.doc_ids == ["g1_mataram_a.txt", "g1_mataram_b.txt", "g1_mataram_c.txt"]
    assert (delay.count, delay.date, delay.province) == (15, "2024-05-14", "Nusa Tenggara Barat")


# ---- hand-built records -----------------------------------------------------------------------------------

TEXT = "x" * 400  # the records below never read their text; offsets only need to be consistent


def _span(start: int, length: int = 8) -> TextSpan:
    return TextSpan(start=start, end=start + length, text=TEXT[start : start + length])


def _action(
    type_: str = "departure_prevention",
    *,
    actor: str | None = "Kantor Imigrasi Kelas I TPI Mataram",
    agency_id: str | None = None,
    place: tuple[str, str | None, str | None] | None = ("Kabupaten Lombok Tengah", "52.02", "Nusa Tenggara Barat"),
    date: str | None = "2024-05-14",
    count: int | None = 15,
    at: int = 0,
    status: str = "done",
) -> Action:
    """An action; ``place`` is (name, region code, province); ``at`` tells apart two actions of one article."""
    seed = f"{type_}|{actor}|{place}|{date}|{count}|{at}|{status}"
    actors = (
        [ActorRef(start=at, end=at + 8, text=TEXT[at : at + 8], canonical=actor, agency_id=agency_id)] if actor else []
    )
    locations = []
    if place is not None:
        name, code, province = place
        locations.append(
            PlaceRef(start=at + 10, end=at + 18, text=TEXT[at + 10 : at + 18], name=name, region_code=code,
                     province=province)
        )  # fmt: skip
    return Action.model_validate(
        {
            "id": "act_" + hashlib.sha1(seed.encode()).hexdigest()[:16],
            "type": type_,
            "trigger": _span(at + 20),
            "evidence": _span(at, 40),
            "actors": actors,
            "locations": locations,
            "date": DateRef(value=date) if date else None,
            "count": count,
            "status": status,
            "confidence": 0.9,
        }
    )


def _article(doc_id: str, *actions: Action, pub_date: str | None = "2024-05-15") -> Article:
    return Article(
        doc_id=doc_id,
        pub_date=dt.date.fromisoformat(pub_date) if pub_date else None,
        relevant=bool(actions),
        actions=list(actions),
    )


def _grouping(events: Sequence[Event]) -> list[list[tuple[str | None, str]]]:
    return sorted(sorted((m.doc_id, m.action_id) for m in e.members) for e in events)


def test_two_outlets_of_one_act_are_one_event() -> None:
    events = link_events([_article("a", _action()), _article("b", _action())])
    assert len(events) == 1 and events[0].doc_ids == ["a", "b"]


def test_near_identical_names_are_one_body() -> None:
    a = _article("a", _action(actor="Kantor Imigrasi Kelas I TPI Mataram"))
    # an actor without a canonical name is canonicalised from its text as the pipeline does it
    kanim = ActorRef(start=0, end=13, text="Kanim Mataram")
    b = _article("b", _action().model_copy(update={"actors": [kanim]}))
    assert len(link_events([a, b])) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("Polres Sumbawa", "Polres Sumbawa Barat", id="nested-name-is-another-body"),
        pytest.param("Kantor Imigrasi Bengkulu", "Kantor Wilayah Kemenkumham Bengkulu", id="same-place-other-family"),
        pytest.param("Kantor Imigrasi Jakarta Utara", "Kantor Imigrasi Jakarta Selatan", id="other-office"),
    ],
)
def test_different_bodies_stay_apart(first: str, second: str) -> None:
    events = link_events(
        [_article("a", _action(actor=first, place=None)), _article("b", _action(actor=second, place=None))]
    )
    assert len(events) == 2


def test_agency_ids_decide_when_both_have_one() -> None:
    same = [
        _article("a", _action(actor="BP3MI", agency_id="bp3mi")),
        _article("b", _action(actor="X", agency_id="bp3mi")),
    ]
    other = [
        _article("a", _action(actor="BP3MI", agency_id="bp3mi")),
        _article("b", _action(actor="BP3MI", agency_id="bp2mi")),
    ]
    assert len(link_events(same)) == 1
    assert len(link_events(other)) == 2


def test_actions_of_one_article_never_merge() -> None:
    one = _article("a", _action(at=0), _action(at=100))
    assert len(link_events([one])) == 2
    # a second outlet joins one of the two, never both
    events = link_events([one, _article("b", _action())])
    assert sorted(len(e.members) for e in events) == [1, 2]
    assert all(len(e.doc_ids) == len(e.members) for e in events)


def test_complete_link_keeps_conflicting_counts_apart() -> None:
    # B (no count) fits A (15) and C (40); A and C conflict, so B joins one of them only
    a, b, c = _article("a", _action(count=15)), _article("b", _action(count=None)), _article("c", _action(count=40))
    events = link_events([a, b, c])
    assert sorted(len(e.members) for e in events) == [1, 2]
    assert not any({"a", "c"} <= set(e.doc_ids) for e in events)


def test_grouping_and_ids_do_not_depend_on_the_input_order() -> None:
    arts = [
        _article("a", _action(count=15), _action("awareness", at=100, count=None)),
        _article("b", _action(count=None)),
        _article("c", _action(count=40, date="2024-05-15")),
        _article("d", _action("awareness", count=None, date=None), pub_date="2024-05-16"),
        _article("e", _action(date="2024-06-20")),
    ]
    reference = [e.model_dump() for e in link_events(arts)]
    rng = random.Random(9)
    for _ in range(10):
        shuffled = [a.model_copy(update={"actions": rng.sample(a.actions, len(a.actions))}) for a in arts]
        rng.shuffle(shuffled)
        assert [e.model_dump() for e in link_events(shuffled)] == reference


def test_ids_are_deterministic_and_depend_on_the_members() -> None:
    arts = [_article("a", _action()), _article("b", _action())]
    first, again = link_events(arts), link_events(list(reversed(arts)))
    assert [e.id for e in first] == [e.id for e in again]
    assert first[0].id.startswith("evt_")
    alone = link_events(arts[:1])
    assert alone[0].id != first[0].id


def test_merged_view_takes_the_most_specific_place_and_date_and_the_most_common_count() -> None:
    arts = [
        _article("a", _action(place=("Nusa Tenggara Barat", "52", "Nusa Tenggara Barat"), date="2024-05", count=15)),
        _article("b", _action(place=("Kabupaten Lombok Tengah", "52.02", "Nusa Tenggara Barat"), count=16)),
        _article("c", _action(place=None, date=None, count=15)),
        _article("d", _action(place=("Praya", "52.02.01", "Nusa Tenggara Barat"), date="2024", count=None)),
    ]
    (event,) = link_events(arts)
    assert (event.place, event.region_code, event.province) == ("Praya", "52.02.01", "Nusa Tenggara Barat")
    assert (event.date, event.date_source) == ("2024-05-14", "text")
    assert event.count == 15
    assert event.actor == "Kantor Imigrasi Kelas I TPI Mataram"
    assert event.doc_ids == ["a", "b", "c", "d"]


def test_count_ties_go_to_the_largest_and_dates_fall_back_to_pub_date() -> None:
    arts = [
        _article("a", _action(count=15, date=None), pub_date="2024-05-15"),
        _article("b", _action(count=16, date=None), pub_date="2024-05-14"),
    ]
    (event,) = link_events(arts)
    assert event.count == 16
    assert (event.date, event.date_source) == ("2024-05-14", "pub_date")


def test_places_of_one_level_that_differ_are_two_events() -> None:
    arts = [
        _article("a", _action(place=("Kabupaten Lombok Tengah", "52.02", "Nusa Tenggara Barat"))),
        _article("b", _action(place=("Kabupaten Lombok Timur", "52.03", "Nusa Tenggara Barat"))),
        _article("c", _action(place=("Bandara Juanda", None, "Jawa Timur"))),
    ]
    assert len(link_events(arts)) == 3


@pytest.mark.parametrize(
    ("date_a", "date_b", "linked"),
    [
        pytest.param("2024-05-14", "2024-05-14", True, id="same-day"),
        pytest.param("2024-05-14", f"2024-05-{14 + DEFAULT_DATE_WINDOW_DAYS}", True, id="edge-of-window"),
        pytest.param("2024-05-14", f"2024-05-{15 + DEFAULT_DATE_WINDOW_DAYS}", False, id="past-window"),
        pytest.param("2024-05", "2024-05-30", True, id="month-holds-its-days"),
        pytest.param("2024-05", "2024-07-19", False, id="two-months-apart"),
        pytest.param(None, "2024-05-16", True, id="pub-date-stands-in"),
    ],
)
def test_date_window(date_a: str | None, date_b: str | None, linked: bool) -> None:
    arts = [_article("a", _action(date=date_a), pub_date="2024-05-14"), _article("b", _action(date=date_b))]
    assert (len(link_events(arts)) == 1) is linked


def test_a_wider_window_links_what_the_default_keeps_apart() -> None:
    arts = [_article("a", _action(date="2024-05-01")), _article("b", _action(date="2024-05-10"))]
    assert len(link_events(arts)) == 2
    assert len(link_events(arts, date_window_days=10)) == 1
    with pytest.raises(ValueError, match="date_window_days"):
        link_events(arts, date_window_days=-1)


def test_other_type_or_negation_is_another_event() -> None:
    assert len(link_events([_article("a", _action()), _article("b", _action("screening"))])) == 2
    assert len(link_events([_article("a", _action()), _article("b", _action(status="negated"))])) == 2


def test_singletons_and_no_actions() -> None:
    events = link_events([_article("a", _action()), _article("b"), _article("c", _action("training", count=3))])
    assert [len(e.members) for e in events] == [1, 1]
    assert link_events([]) == []


def test_a_record_without_actor_joins_only_on_a_shared_place() -> None:
    with_place = [_article("a", _action()), _article("b", _action(actor=None))]
    without = [_article("a", _action(place=None)), _article("b", _action(actor=None, place=None))]
    assert len(link_events(with_place)) == 1
    assert len(link_events(without)) == 2


# ---- the command ------------------------------------------------------------------------------------------


def test_link_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "out.jsonl"
    write_jsonl([_article("a", _action()), _article("b", _action()), _article("c", _action("training"))], src)
    buf = io.StringIO()
    assert main(["link", str(src)], stdout=buf) == 0
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert sorted(len(e["members"]) for e in lines) == [1, 2]
    assert [Event.model_validate(e).id for e in lines] == [e.id for e in link_events(tppo_extract.read_jsonl(src))]
    err = capsys.readouterr().err
    assert "records: 3 actions in 3 articles; events: 2, 1 with several members" in err
    dest = tmp_path / "events.jsonl"
    assert main(["link", str(src), "-o", str(dest)], stdout=io.StringIO()) == 0
    assert dest.read_text(encoding="utf-8") == buf.getvalue()


def test_link_command_reports_a_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", str(tmp_path / "missing.jsonl")], stdout=io.StringIO()) == 2
    assert "missing.jsonl" in capsys.readouterr().err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": 1}\n', encoding="utf-8")
    assert main(["link", str(bad)], stdout=io.StringIO()) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
    good = tmp_path / "good.jsonl"
    write_jsonl([_article("a", _action())], good)
    assert main(["link", str(good), "-o", str(tmp_path / "no" / "e.jsonl")], stdout=io.StringIO()) == 2
    assert "does not exist" in capsys.readouterr().err
