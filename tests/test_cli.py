"""The command line, run in-process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tppo_extract.cli import main


@pytest.fixture()
def folder(tmp_path: Path, sample_text: str) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(sample_text, encoding="utf-8")
    (d / "sub" / "b.txt").write_text("Harga cabai dan bawang naik menjelang Lebaran.\n", encoding="utf-8")
    (d / "note.md").write_text("not an article", encoding="utf-8")
    return d


def test_extract_folder_to_jsonl(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,pub_date\na.txt,2024-03-18\n", encoding="utf-8")
    assert main(["extract", str(folder), "-o", str(out), "--meta", str(meta)]) == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == ["a.txt", "sub/b.txt"]
    assert recs[0]["pub_date"] == "2024-03-18"
    assert recs[0]["actions"] and not recs[1]["actions"]
    err = capsys.readouterr().err
    assert "articles: 2 extracted, 0 failed" in err
    assert "community_program" in err


def test_broken_file_is_reported_and_batch_goes_on(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03binary\x00" * 8)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), str(tmp_path / "nothing-here"), "-o", str(out)]) == 1
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    err = capsys.readouterr().err
    assert "broken.txt" in err and "nothing-here" in err
    assert "2 extracted, 2 failed" in err


def test_glob_stdin_and_pub_date(folder: Path, monkeypatch: pytest.MonkeyPatch, sample_text: str) -> None:
    buf = io.StringIO()
    assert main(["extract", str(folder / "**" / "*.txt"), "-q"], stdout=buf) == 0
    assert len(buf.getvalue().splitlines()) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO(sample_text))
    buf = io.StringIO()
    assert main(["extract", "-", "--pub-date", "2024-03-18", "-q"], stdout=buf) == 0
    rec = json.loads(buf.getvalue())
    assert rec["doc_id"] == "stdin" and rec["pub_date"] == "2024-03-18"


def test_bad_pub_date_and_table_are_usage_errors(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(folder), "--pub-date", "kemarin"]) == 2
    assert main(["extract", str(folder), "--table", "people=x.csv"]) == 2
    assert "--pub-date" in capsys.readouterr().err


def test_tables_and_show(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "-q", "--table", f"actions={tmp_path / 'a.csv'}"]) == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8").startswith("doc_id,action_id,pub_date,type")
    buf = io.StringIO()
    assert main(["show", str(out)], stdout=buf) == 0
    assert "action community_program" in buf.getvalue()


def test_schema_command() -> None:
    buf = io.StringIO()
    assert main(["schema"], stdout=buf) == 0
    schema = json.loads(buf.getvalue())
    assert schema["title"] == "Article"


def test_evaluate_command_on_examples(capsys: pytest.CaptureFixture[str]) -> None:
    examples = Path(__file__).parent.parent / "examples" / "articles"
    buf = io.StringIO()
    assert main(["evaluate", str(examples), "--json"], stdout=buf) == 0
    figures = json.loads(buf.getvalue())
    assert figures["articles"] >= 8
    assert figures["coverage"]["acc"] == 1.0
