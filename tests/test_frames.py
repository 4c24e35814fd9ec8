"""to_frames and the DuckDB file: five tables that join on doc_id and event_id, with regions as columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import tppo_extract
from tppo_extract import Article, link_events, write_jsonl
from tppo_extract.cli import main
from tppo_extract.frames import FRAME_NAMES, province_code, to_frames, write_duckdb

duckdb = pytest.importorskip("duckdb")
pd = pytest.importorskip("pandas")

EVENTS = Path(__file__).resolve().parents[1] / "examples" / "events"


@pytest.fixture(scope="module")
def articles(event_articles: list[Article]) -> list[Article]:
    return event_articles


def test_the_five_frames_hold_every_record(articles: list[Article]) -> None:
    frames = to_frames(articles)
    assert tuple(frames) == FRAME_NAMES
    assert len(frames["articles"]) == len(articles)
    assert len(frames["entities"]) == sum(len(a.entities) for a in articles)
    assert len(frames["quotes"]) == sum(len(a.quotes) for a in articles)
    assert len(frames["actions"]) == sum(len(a.actions) for a in articles)
    events = link_events(articles)
    assert len(frames["events"]) == len(events)
    assert frames["events"]["n_records"].sum() == len(frames["actions"])


def test_every_action_row_names_its_event(articles: list[Article]) -> None:
    frames = to_frames(articles)
    actions, events = frames["actions"], frames["events"]
    assert actions["event_id"].notna().all()
    assert set(actions["event_id"]) == set(events["event_id"])
    # an event reported by several articles has that many distinct doc_ids among its action rows
    multi = events[events["n_articles"] > 1]
    assert len(multi) >= 6
    for _, ev in multi.iterrows():
        rows = actions[actions["event_id"] == ev["event_id"]]
        assert rows["doc_id"].nunique() == ev["n_articles"]
        assert set(rows["type"]) == {ev["type"]}


def test_region_columns(articles: list[Article]) -> None:
    actions = to_frames(articles)["actions"]
    coded = actions[actions["region_code"].notna()]
    assert len(coded) > 0
    assert (coded["province_code"] == coded["region_code"].str[:2]).all()
    assert coded["province"].notna().all()
    # months come from the action's date, else the publication date
    assert actions["month"].notna().all()
    assert actions["month"].str.fullmatch(r"\d{4}-\d{2}").all()


@pytest.mark.parametrize(
    ("code", "expected"), [("52.71", "52"), ("52", "52"), ("18.01.05.2003", "18"), (None, None), ("MY", None)]
)
def test_province_code(code: str | None, expected: str | None) -> None:
    assert province_code(code) == expected


def test_an_action_without_a_place_takes_its_region_from_the_acting_body() -> None:
    nlp = tppo_extract.load(models=False)
    text = (
        "Kantor Imigrasi Kelas I TPI Mataram menunda keberangkatan 9 calon PMI nonprosedural yang hendak "
        "bekerja ke luar negeri untuk mencegah TPPO.\n"
    )
    art = tppo_extract.extract(text, doc_id="a.txt", pub_date="2024-05-14", nlp=nlp)
    (act,) = [a for a in art.actions if a.type == "departure_prevention"]
    assert not any(loc.region_code or loc.province for loc in act.locations)
    row = to_frames([art])["actions"].iloc[0]
    agency = next(e for e in art.entities if e.label == "AGENCY")
    assert agency.region_code and row["region_code"] == agency.region_code
    assert row["province"] == agency.province == "Nusa Tenggara Barat"


def test_empty_input_gives_empty_frames_with_their_columns() -> None:
    frames = to_frames([])
    assert all(len(df) == 0 for df in frames.values())
    assert "event_id" in frames["actions"].columns and "province" in frames["events"].columns


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in FRAME_NAMES}
    finally:
        con.close()


def test_duckdb_tables_match_the_frames_whatever_the_batch_size(articles: list[Article], tmp_path: Path) -> None:
    one = write_duckdb(articles, tmp_path / "one.duckdb", batch_size=1000)
    small = write_duckdb(iter(articles), tmp_path / "small.duckdb", batch_size=3)
    assert one == small == {name: len(df) for name, df in to_frames(articles).items()}
    assert _tables(tmp_path / "one.duckdb") == _tables(tmp_path / "small.duckdb")


def test_duckdb_query_actions_by_province_and_month(articles: list[Article], tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    write_duckdb(articles, path)
    con = duckdb.connect(str(path), read_only=True)
    rows = con.execute(
        "SELECT province, month, count(DISTINCT event_id) AS events, count(*) AS records FROM actions "
        "GROUP BY province, month ORDER BY records DESC, province"
    ).fetchall()
    con.close()
    actions = to_frames(articles)["actions"]
    assert sum(r[3] for r in rows) == len(actions)
    assert sum(r[2] for r in rows) >= actions["event_id"].nunique()
    assert any(r[2] < r[3] for r in rows)  # somewhere several records are one event


def test_a_failed_write_keeps_the_old_file(articles: list[Article], tmp_path: Path) -> None:
    path = tmp_path / "t.duckdb"
    write_duckdb(articles[:2], path)
    before = _tables(path)

    def broken() -> Any:
        yield from articles[:3]
        raise RuntimeError("the input broke off")

    with pytest.raises(RuntimeError):
        write_duckdb(broken(), path, batch_size=2)
    assert _tables(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["t.duckdb"]


def test_cli_table_duckdb(articles: list[Article], tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("g1_mataram_a.txt", "g1_mataram_b.txt"):
        (src / name).write_text((EVENTS / name).read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "out.duckdb"
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--rules-only", "-q", "-o", str(out), "--table", str(db)]) == 0
    got = _tables(db)
    assert len(got["articles"]) == 2
    assert len(got["actions"]) == sum(len(a.actions) for a in tppo_extract.read_jsonl(out))
    # a usage mistake costs no extraction
    assert main(["extract", str(src), "--rules-only", "-q", "--table", str(tmp_path / "x.sqlite")]) == 2


def test_frames_from_a_written_jsonl_are_the_same(articles: list[Article], tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_jsonl(articles, path)
    again = to_frames(tppo_extract.read_jsonl(path))
    first = to_frames(articles)
    for name in FRAME_NAMES:
        pd.testing.assert_frame_equal(first[name], again[name])
