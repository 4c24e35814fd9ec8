"""Scale and safety of ``tppo-extract extract``: usage errors before any work, crash-safe and resumable output,
every input accounted for, and bad inputs that fail alone. Each test is the regression test of one defect."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tppo_extract.cli import main
from tppo_extract.sink import JsonlSink, complete_lines, part_path

# Written by the team for the tests; not taken from any news outlet.
ARTICLE = (
    "Sukamaju (Kabar Bahari) - Kantor Imigrasi Sukamaju menunda keberangkatan {n} calon pekerja migran "
    "nonprosedural di Pelabuhan Bahari untuk mencegah TPPO.\n\nPetugas juga menggelar sosialisasi di Desa Jaya.\n"
)


def _articles(folder: Path, n: int, *, bad: frozenset[int] = frozenset()) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        name = f"art{i:04d}.txt"
        if i in bad:
            (folder / name).write_bytes(b"\x00\x01binary\x00" * 8)
        else:
            (folder / name).write_text(ARTICLE.format(n=i + 1), encoding="utf-8")
        names.append(name)
    return names


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---- usage errors, before any extraction -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--n-process", "0"], "must be 1 or more"),
        (["--batch-size", "0"], "must be 1 or more"),
        (["--batch-size", "x"], "not a whole number"),
    ],
)
def test_bad_numbers_are_usage_errors(
    tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _articles(tmp_path / "in", 1)
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(tmp_path / "in"), *extra])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-o", "/nodir/x.jsonl"], "does not exist"),
        (["--config", "/nope.cfg"], "no such file"),
        (["-o", "OUT", "--table", "actions=/nodir/x.csv"], "does not exist"),
        (["-o", "OUT", "--table", "actions=x.xlsx"], "must end in"),
        (["--errors", "/nodir/e.jsonl"], "does not exist"),
        (["--pub-date", ""], "--pub-date is empty"),
        (["--resume"], "--resume needs --output"),
        (["--time-limit", "-1"], "--time-limit -1"),
    ],
)
def test_bad_paths_are_usage_errors_before_any_work(
    tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _articles(tmp_path / "in", 1)
    monkeypatch.chdir(tmp_path)
    extra = [str(tmp_path / "out.jsonl") if e == "OUT" else e for e in extra]
    started: list[bool] = []
    monkeypatch.setattr("tppo_extract.cli._results", lambda *a, **k: started.append(True) or iter(()))
    assert main(["extract", str(tmp_path / "in"), "--rules-only", *extra]) == 2
    assert not started  # nothing was extracted
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# ---- crash-safe, resumable output ------------------------------------------------------------------------


def test_a_failed_run_leaves_the_earlier_output_and_a_part_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _articles(tmp_path / "in", 4)
    out = tmp_path / "out.jsonl"
    out.write_text('{"doc_id": "earlier"}\n', encoding="utf-8")
    from tppo_extract import cli

    real = cli._results

    def dies_after_two(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        for k, res in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if k == 2:
                raise KeyboardInterrupt
            yield res

    monkeypatch.setattr(cli, "_results", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        main(["extract", str(tmp_path / "in"), "--rules-only", "-o", str(out), "-q"])
    assert out.read_text(encoding="utf-8") == '{"doc_id": "earlier"}\n'  # untouched until a run is whole
    assert [r["doc_id"] for r in _records(part_path(out))] == ["art0000.txt", "art0001.txt"]

    monkeypatch.setattr(cli, "_results", real)
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-o", str(out), "-q", "--resume"]) == 0
    assert [r["doc_id"] for r in _records(out)] == [f"art{i:04d}.txt" for i in range(4)]
    assert not part_path(out).exists()


def test_a_partial_last_line_is_dropped_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    part_path(out).write_text('{"doc_id": "a.txt"}\n{"doc_id": "b.txt"}\n{"doc_id": "c.t', encoding="utf-8")
    size, done = complete_lines(part_path(out))
    assert done == {"a.txt", "b.txt"} and size == len('{"doc_id": "a.txt"}\n{"doc_id": "b.txt"}\n')
    sink = JsonlSink(out, resume=True)
    sink.write('{"doc_id": "c.txt"}')
    sink.commit()
    assert [r["doc_id"] for r in _records(out)] == ["a.txt", "b.txt", "c.txt"]


def test_resume_after_a_complete_run_does_nothing_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _articles(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-o", str(out)]) == 0
    first = out.read_bytes()
    capsys.readouterr()
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-o", str(out), "--resume"]) == 0
    assert out.read_bytes() == first
    assert "0 extracted, 0 failed, 3 kept from the earlier run" in capsys.readouterr().err


def test_tables_hold_the_records_of_a_resumed_run_too(tmp_path: Path) -> None:
    _articles(tmp_path / "in", 4)
    out, table = tmp_path / "out.jsonl", tmp_path / "actions.csv"
    part_path(out).write_text("", encoding="utf-8")
    assert main(["extract", str(tmp_path / "in" / "art0000.txt"), "--rules-only", "-q", "-o", str(out)]) == 0
    args = ["extract", str(tmp_path / "in"), "--rules-only", "-q", "-o", str(out), "--resume"]
    assert main([*args, "--table", f"actions={table}"]) == 0
    rows = table.read_text(encoding="utf-8").splitlines()[1:]
    assert {row.split(",")[0] for row in rows} == {f"art{i:04d}.txt" for i in range(4)}


def test_sigkill_midway_then_resume_gives_the_records_of_an_uninterrupted_run(tmp_path: Path) -> None:
    _articles(tmp_path / "in", 60)
    whole, cut = tmp_path / "whole.jsonl", tmp_path / "cut.jsonl"
    cmd = [sys.executable, "-m", "tppo_extract.cli", "extract", str(tmp_path / "in"), "--rules-only", "-q"]
    subprocess.run([*cmd, "-o", str(whole), "--batch-size", "4"], check=True, timeout=300)
    proc = subprocess.Popen([*cmd, "-o", str(cut), "--batch-size", "4"])
    part = part_path(cut)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= 8:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    assert not cut.exists()  # a killed run leaves no output that looks complete
    subprocess.run([*cmd, "-o", str(cut), "--resume", "--batch-size", "4"], check=True, timeout=300)

    def by_id(path: Path) -> list[str]:
        return sorted(path.read_text(encoding="utf-8").splitlines(), key=lambda line: json.loads(line)["doc_id"])

    assert by_id(cut) == by_id(whole)


# ---- every input accounted for ---------------------------------------------------------------------------


def test_a_thousand_inputs_with_fifty_bad_end_in_950_records_and_50_named_errors(tmp_path: Path) -> None:
    bad = frozenset(range(0, 1000, 20))
    _articles(tmp_path / "in", 1000, bad=bad)
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    code = main(["extract", str(tmp_path / "in"), "--rules-only", "-q", "-o", str(out), "--errors", str(errors)])
    assert code == 1
    recs, errs = _records(out), _records(errors)
    assert len(recs) == 950 and len(errs) == 50
    assert {e["doc_id"] for e in errs} == {f"art{i:04d}.txt" for i in bad}
    assert all(e["error"] == "InputError" and "binary" in str(e["message"]) and e["path"] for e in errs)
    assert {r["doc_id"] for r in recs} | {e["doc_id"] for e in errs} == {f"art{i:04d}.txt" for i in range(1000)}


def test_two_inputs_with_the_same_file_name_get_distinct_doc_ids(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    buf = io.StringIO()
    assert main(["extract", str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt"), "--rules-only", "-q"], stdout=buf) == 0
    ids = [json.loads(line)["doc_id"] for line in buf.getvalue().splitlines()]
    assert len(ids) == 2 and len(set(ids)) == 2 and ids[0] == "x.txt"


# ---- metadata --------------------------------------------------------------------------------------------


def test_a_bad_date_fails_that_article_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _articles(tmp_path / "in", 3)
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,pub_date\nart0000.txt,2024-03-18\nart0001.txt,18/03/2024\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-o", str(out), "--meta", str(meta)]) == 1
    recs = {r["doc_id"]: r for r in _records(out)}
    assert set(recs) == {"art0000.txt", "art0002.txt"} and recs["art0000.txt"]["pub_date"] == "2024-03-18"
    err = capsys.readouterr().err
    assert "art0001.txt" in err and "YYYY-MM-DD" in err and "meta.csv:3" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("doc_id,date\nart0000.txt,2024-03-18\n", "no pub_date column"),
        ("doc_id,pub_date\nart0000.txt,2024-03-18,extra\n", "the row has 3 fields, the header 2"),
        ("doc_id,pub_date\nart0000.txt\n", "the row has 1 fields, the header 2"),
        ("doc_id,pub_date\nart0000.txt,2024-03-18\nart0000.txt,2024-03-19\n", "listed twice (first on line 2)"),
    ],
)
def test_a_malformed_metadata_file_is_a_usage_error(
    tmp_path: Path, content: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _articles(tmp_path / "in", 1)
    meta = tmp_path / "meta.csv"
    meta.write_text(content, encoding="utf-8")
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "--meta", str(meta)]) == 2
    assert message in capsys.readouterr().err


# ---- standard input and odd inputs -----------------------------------------------------------------------


class _Stdin(io.TextIOWrapper):
    """Standard input that carries raw bytes, as a pipe does."""


def _stdin(raw: bytes) -> io.TextIOWrapper:
    return _Stdin(io.BytesIO(raw), encoding="utf-8")


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        (ARTICLE.format(n=5).encode("cp1252"), True),
        ("Imigrasi menunda keberangkatan warga ke luar negeri — TPPO.".encode("cp1252"), True),
        (b"\xff\xfe" + ARTICLE.format(n=5).encode("utf-16-le"), True),
        (b"abc\x00def" * 20, False),
        (b"", False),
        (b"   \n", False),
    ],
)
def test_stdin_gets_the_checks_a_file_gets(
    raw: bytes, ok: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", _stdin(raw))
    buf = io.StringIO()
    code = main(["extract", "-", "--rules-only", "-q"], stdout=buf)
    if ok:
        assert code == 0 and json.loads(buf.getvalue())["doc_id"] == "stdin"
    else:
        assert code == 1 and buf.getvalue() == ""
        assert "stdin" in capsys.readouterr().err


def test_text_beyond_the_pipeline_limit_runs_in_chunks_or_is_a_named_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dump.txt").write_text("Kantor Imigrasi menunda keberangkatan warga. " * 25_000, encoding="utf-8")
    args = ["extract", str(tmp_path / "in"), "--rules-only", "-q", "--max-bytes", "3000000"]
    buf = io.StringIO()
    assert main(args, stdout=buf) == 0  # 1.1M characters: three chunks of at most 500,000
    assert json.loads(buf.getvalue())["doc_id"] == "dump.txt"
    # a chunk larger than spaCy's limit is refused with a named error, not spaCy's E088
    assert main([*args, "--chunk-chars", "2000000"], stdout=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert "dump.txt" in err and "more than the pipeline's limit" in err and "E088" not in err


def test_the_size_limit_can_be_raised_and_lowered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _articles(tmp_path / "in", 1)
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-q", "--max-bytes", "50"]) == 1
    assert "too large" in capsys.readouterr().err


def test_show_reads_stdin_and_stops_quietly_when_the_pipe_closes(tmp_path: Path) -> None:
    _articles(tmp_path / "in", 30)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-q", "-o", str(out)]) == 0
    show = [sys.executable, "-m", "tppo_extract.cli", "show"]
    piped = subprocess.run([*show, "-"], input=out.read_bytes(), capture_output=True, timeout=120)
    assert piped.returncode == 0 and piped.stdout.count(b"art00") == 30
    head = subprocess.run(f"{' '.join(show)} {out} | head -n 2", shell=True, capture_output=True, timeout=120)
    assert head.returncode == 0 and b"BrokenPipe" not in head.stderr and b"Traceback" not in head.stderr


# ---- more kinds of input ---------------------------------------------------------------------------------


def test_html_markup_in_a_txt_file_is_read_as_html_and_its_text_kept(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    page = (
        '<div class="content"><p>Kantor Imigrasi <b>Sukamaju</b> menunda keberangkatan 12 calon pekerja migran '
        "nonprosedural untuk mencegah TPPO.</p>\n<p>Petugas juga menggelar sosialisasi di Desa Jaya.</p></div>"
    )
    (tmp_path / "in" / "page.txt").write_text(page, encoding="utf-8")
    (tmp_path / "in" / "plain.txt").write_text(ARTICLE.format(n=3), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-q", "-o", str(out)]) == 0
    recs = {r["doc_id"]: r for r in _records(out)}
    html, plain = recs["page.txt"], recs["plain.txt"]
    assert plain["text"] is None  # plain text is its own record of what the offsets point into
    text = html["text"]
    assert "<" not in text and text.startswith("Kantor Imigrasi Sukamaju menunda")
    assert html["actions"] and all(
        text[a["trigger"]["start"] : a["trigger"]["end"]] == a["trigger"]["text"] for a in html["actions"]
    )


def test_a_jsonl_shard_is_one_article_a_line_with_named_fields(tmp_path: Path) -> None:
    shard = tmp_path / "shard.jsonl"
    lines = [
        json.dumps({"body": ARTICLE.format(n=4), "id": "n-1", "tanggal": "2024-05-02"}),
        "not json",
        json.dumps({"body": "", "id": "n-2"}),
        json.dumps({"body": ARTICLE.format(n=5), "id": "n-3", "tanggal": "02/05/2024"}),
        json.dumps({"body": ARTICLE.format(n=6)}),
    ]
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["extract", str(shard), "--rules-only", "-q", "-o", str(out), "--errors", str(errors)]
    assert main([*args, "--jsonl-fields", "body,id,tanggal"]) == 1
    recs = {r["doc_id"]: r for r in _records(out)}
    assert set(recs) == {"n-1", "shard.jsonl:5"} and recs["n-1"]["pub_date"] == "2024-05-02"
    errs = {e["doc_id"]: e["message"] for e in _records(errors)}
    assert set(errs) == {"shard.jsonl:2", "n-2", "n-3"}
    assert "not JSON" in errs["shard.jsonl:2"] and "no text" in errs["n-2"] and "YYYY-MM-DD" in errs["n-3"]
