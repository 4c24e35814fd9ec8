"""batch.py: Parquet shards of articles read lazily, and the per-article time limit off the main thread (where a
Dask worker runs its tasks)."""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import tppo_extract
from tppo_extract.batch import (
    Item,
    Result,
    _set_async_exc,
    _ThreadTimeLimit,
    _time_limit,
    items_from_jsonl,
    items_from_parquet,
    iter_results,
)
from tppo_extract.cli import main
from tppo_extract.errors import ArticleTimeout, InputError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

# Written for these tests; not taken from any news outlet.
TEXTS = [
    "Bandar Lestari (Warta Timur) - Kepolisian Resor Bandar Lestari menggagalkan pengiriman 7 calon pekerja "
    "migran nonprosedural ke Malaysia di Pelabuhan Tanjung Lestari, Selasa, sebagai upaya mencegah TPPO.\n",
    "Dinas Tenaga Kerja Kabupaten Sukamaju menggelar sosialisasi pencegahan tindak pidana perdagangan orang "
    "(TPPO) bagi 120 warga Desa Mekarsari.\n",
    "“Jangan mudah percaya tawaran kerja ke luar negeri tanpa dokumen resmi,” kata Kepala Kantor Imigrasi "
    "Sukamaju Budi Santoso di Sukamaju, Rabu.\n",
    "Petugas imigrasi menunda penerbitan paspor 12 pemohon yang diduga akan bekerja secara ilegal di Kamboja.\n",
    "Polda Lestari menangkap dua perekrut yang menjanjikan pekerjaan di kapal ikan kepada pemuda desa.\n",
]
DATES = ["2024-05-02", None, "2024-06-11", "2024-06-12", None]


@pytest.fixture(scope="module")
def rules() -> Language:
    return tppo_extract.load(models=False)


def _write_parquet(path: Path, columns: dict[str, list[object]], *, rows_per_group: int = 2) -> Path:
    pq.write_table(pa.table(columns), path, row_group_size=rows_per_group)
    return path


def _records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _failure(res: Item | Result) -> tuple[str, str]:
    assert isinstance(res, Result) and res.failure is not None, res
    return res.failure.doc_id, res.failure.reason


# ---- Parquet shards ----------------------------------------------------------------------------------------


def test_parquet_rows_give_the_records_of_the_same_articles_as_txt_files_and_a_jsonl_shard(
    tmp_path: Path, rules: Language
) -> None:
    ids = [f"a{i}.txt" for i in range(len(TEXTS))]
    txt = []
    for doc_id, text, date in zip(ids, TEXTS, DATES, strict=True):
        (tmp_path / doc_id).write_text(text, encoding="utf-8")
        txt.append(Item(path=str(tmp_path / doc_id), doc_id=doc_id, pub_date=date))
    shard = _write_parquet(tmp_path / "shard.parquet", {"text": TEXTS, "doc_id": ids, "pub_date": DATES})
    lines = [json.dumps({"text": t, "doc_id": i, "pub_date": d}) for t, i, d in zip(TEXTS, ids, DATES, strict=True)]
    (tmp_path / "shard.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    from_txt = list(iter_results(txt, nlp=rules, batch_size=2))
    from_parquet = list(iter_results(items_from_parquet(shard, batch_rows=2), nlp=rules, batch_size=2))
    from_jsonl = list(iter_results(items_from_jsonl(tmp_path / "shard.jsonl"), nlp=rules, batch_size=2))
    assert all(r.ok for r in from_txt) and any(r.article and r.article.actions for r in from_txt)
    assert [r.article for r in from_parquet] == [r.article for r in from_txt]
    assert [r.article for r in from_jsonl] == [r.article for r in from_txt]


def test_without_an_id_column_the_doc_ids_are_file_and_row(tmp_path: Path) -> None:
    shard = _write_parquet(tmp_path / "berita.parquet", {"text": TEXTS}, rows_per_group=3)
    items = list(items_from_parquet(shard, batch_rows=2))
    assert [it.doc_id for it in items] == [f"berita.parquet:{n}" for n in range(1, len(TEXTS) + 1)]
    assert all(isinstance(it, Item) and it.encoding == "utf-8" and it.pub_date is None for it in items)
    assert [it.text for it in items if isinstance(it, Item)] == TEXTS


def test_a_bad_row_fails_alone_and_names_its_row(tmp_path: Path) -> None:
    columns: dict[str, list[object]] = {
        "text": [TEXTS[0], None, "   ", TEXTS[1], TEXTS[2]],
        "doc_id": ["n-1", None, "n-3", "n-4", "n-5"],
        "pub_date": ["2024-05-02", None, None, "02/05/2024", None],
    }
    got = list(items_from_parquet(_write_parquet(tmp_path / "s.parquet", columns)))
    assert [isinstance(g, Item) for g in got] == [True, False, False, False, True]
    assert _failure(got[1]) == ("s.parquet:2", "s.parquet:2: no text in the column 'text' (the value is null)")
    assert _failure(got[2]) == ("n-3", "s.parquet:3: no text in the column 'text' (the value is empty)")
    doc_id, reason = _failure(got[3])
    assert doc_id == "n-4" and "s.parquet:4" in reason and "YYYY-MM-DD" in reason
    assert [g.doc_id for g in got if isinstance(g, Item)] == ["n-1", "n-5"]


def test_a_text_column_that_holds_no_strings_fails_each_row_by_name(tmp_path: Path) -> None:
    got = list(items_from_parquet(_write_parquet(tmp_path / "s.parquet", {"text": [7, 8]})))
    assert [_failure(g) for g in got] == [
        ("s.parquet:1", "s.parquet:1: no text in the column 'text' (the value is int)"),
        ("s.parquet:2", "s.parquet:2: no text in the column 'text' (the value is int)"),
    ]


def test_a_text_too_large_fails_alone(tmp_path: Path) -> None:
    texts = [TEXTS[4], TEXTS[0]]  # 98 and 203 bytes
    got = list(items_from_parquet(_write_parquet(tmp_path / "s.parquet", {"text": texts}), max_bytes=150))
    assert isinstance(got[0], Item)
    assert _failure(got[1]) == ("s.parquet:2", "s.parquet:2: the text is too large (> 150 bytes)")


@pytest.mark.parametrize(
    "dates",
    [
        pytest.param([dt.date(2024, 5, 2)], id="date32"),
        pytest.param([dt.datetime(2024, 5, 2, 23, 30)], id="timestamp"),
        pytest.param(["2024-05-02"], id="string"),
    ],
)
def test_a_date_column_may_be_a_date_a_timestamp_or_a_string(tmp_path: Path, dates: list[object]) -> None:
    (item,) = items_from_parquet(_write_parquet(tmp_path / "s.parquet", {"text": TEXTS[:1], "tgl": dates}),
                                 date_field="tgl")  # fmt: skip
    assert isinstance(item, Item) and item.pub_date == "2024-05-02"


def test_a_shard_without_the_text_column_is_one_failure_naming_the_file_and_the_column(tmp_path: Path) -> None:
    shard = _write_parquet(tmp_path / "s.parquet", {"isi": TEXTS, "doc_id": [str(i) for i in range(5)]})
    (got,) = list(items_from_parquet(shard))
    doc_id, reason = _failure(got)
    assert doc_id == str(shard)
    assert "no column 'text'" in reason and "its columns: isi, doc_id" in reason and "--jsonl-fields" in reason


def test_a_file_that_is_not_parquet_is_one_named_failure(tmp_path: Path) -> None:
    fake = tmp_path / "s.parquet"
    fake.write_text(TEXTS[0], encoding="utf-8")
    (got,) = list(items_from_parquet(fake))
    doc_id, reason = _failure(got)
    assert doc_id == str(fake) and reason.startswith("cannot read as a Parquet file")


def test_the_shard_is_read_one_record_batch_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shard = _write_parquet(tmp_path / "s.parquet", {"text": TEXTS * 4, "extra": list(range(20))}, rows_per_group=4)
    calls: list[dict[str, object]] = []
    read = 0
    real = pq.ParquetFile.iter_batches

    def counting(self: object, **kwargs: object) -> Iterator[object]:
        nonlocal read
        calls.append(kwargs)
        for batch in real(self, **kwargs):
            read += 1
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", counting)
    items = items_from_parquet(shard, batch_rows=3)
    assert next(items).doc_id == "s.parquet:1" and read == 1
    assert calls == [{"batch_size": 3, "columns": ["text"]}]  # the columns asked for, not "extra"
    assert len(list(items)) == 19 and read == 7


def test_without_pyarrow_a_parquet_input_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shard = _write_parquet(tmp_path / "s.parquet", {"text": TEXTS[:1]})
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(
        InputError, match=r"s\.parquet: reading a Parquet shard needs pyarrow: pip install 'tppo-extract\[dask\]'"
    ):
        next(items_from_parquet(shard))
    assert main(["extract", str(shard), "--rules-only", "-q"]) == 2
    assert "a .parquet input needs pyarrow: pip install 'tppo-extract[dask]'" in capsys.readouterr().err


def test_the_cli_reads_parquet_shards_with_named_columns_and_writes_bad_rows_to_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write_parquet(tmp_path / "good.parquet", {"body": [TEXTS[0], None, TEXTS[1]], "id": ["n-1", "n-2", None],
                                                      "tanggal": ["2024-05-02", None, None]})  # fmt: skip
    wrong = _write_parquet(tmp_path / "wrong.parquet", {"text": TEXTS[2:]})  # no "body" column
    (tmp_path / "a.txt").write_text(TEXTS[3], encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["extract", str(good), str(wrong), str(tmp_path / "a.txt"), "--rules-only", "-q", "-o", str(out)]
    assert main([*args, "--errors", str(errors), "--jsonl-fields", "body,id,tanggal"]) == 1
    recs = {r["doc_id"]: r for r in _records(out)}
    assert list(recs) == ["n-1", "good.parquet:3", "a.txt"] and recs["n-1"]["pub_date"] == "2024-05-02"
    errs = {e["doc_id"]: e for e in _records(errors)}
    assert list(errs) == ["n-2", str(wrong)]
    assert errs["n-2"]["error"] == "InputError" and "good.parquet:2: no text in the column 'body'" in str(
        errs["n-2"]["message"]
    )
    assert "no column 'body'" in str(errs[str(wrong)]["message"])
    assert f"{wrong}: no column 'body'" in capsys.readouterr().err


def test_a_doc_id_given_in_a_parquet_and_a_jsonl_shard_fails_the_second(tmp_path: Path) -> None:
    shard = _write_parquet(tmp_path / "s.parquet", {"text": TEXTS[:1], "doc_id": ["x-1"]})
    (tmp_path / "s.jsonl").write_text(json.dumps({"text": TEXTS[1], "doc_id": "x-1"}) + "\n", encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = [
        "extract",
        str(shard),
        str(tmp_path / "s.jsonl"),
        "--rules-only",
        "-q",
        "-o",
        str(out),
        "--errors",
        str(errors),
    ]
    assert main(args) == 1
    assert [r["doc_id"] for r in _records(out)] == ["x-1"]
    assert [(e["doc_id"], e["message"]) for e in _records(errors)] == [("x-1", "doc_id 'x-1' is given twice")]


# ---- the time limit off the main thread ------------------------------------------------------------------


def _busy_until(deadline: float) -> None:
    """A stuck step that stays in Python (short sleeps), as a runaway loop in a stage would: a thread can be
    interrupted between its sleeps, not inside one."""
    while time.monotonic() < deadline:
        time.sleep(0.01)


def _in_thread(fn: Callable[[], object]) -> object:
    """What ``fn`` returns, or the exception it raised, run in a thread that is not the main thread."""
    got: list[object] = []

    def run() -> None:
        try:
            got.append(fn())
        except BaseException as exc:  # handed to the test
            got.append(exc)

    t = threading.Thread(target=run)
    t.start()
    t.join(timeout=60)
    assert not t.is_alive() and len(got) == 1, "the thread is stuck"
    return got[0]


def test_off_the_main_thread_a_slow_block_fails_with_article_timeout() -> None:
    def slow() -> float:
        t0 = time.monotonic()
        with _time_limit(0.3, "x.txt"):
            _busy_until(t0 + 20)
        return time.monotonic() - t0

    started = time.monotonic()
    exc = _in_thread(slow)
    assert isinstance(exc, ArticleTimeout) and type(exc).__name__ == "ArticleTimeout"
    assert str(exc) == "x.txt: processing took longer than the time limit of 0.3 s"
    assert time.monotonic() - started < 5


def test_off_the_main_thread_a_block_within_its_limit_is_not_interrupted_later() -> None:
    def quick() -> str:
        with _time_limit(0.2, "x.txt"):
            pass
        _busy_until(time.monotonic() + 0.5)  # past the limit: a timer left running would strike here
        return "done"

    assert _in_thread(quick) == "done"


def test_a_timer_that_fires_once_the_block_is_done_raises_nothing() -> None:
    # the race: the timer's wait ended just before the block did, and it fires after the block's cleanup
    ended, fired = threading.Event(), threading.Event()
    limit: list[_ThreadTimeLimit] = []

    def block() -> str:
        limit.append(_ThreadTimeLimit(60, "x.txt: too slow"))
        with limit[0]:
            pass
        ended.set()
        deadline = time.monotonic() + 10
        while not fired.is_set() and time.monotonic() < deadline:
            time.sleep(0.01)
        _busy_until(time.monotonic() + 0.2)
        return "done"

    def fire_late() -> None:
        assert ended.wait(10)
        limit[0]._fire()
        fired.set()

    timer = threading.Thread(target=fire_late)
    timer.start()
    assert _in_thread(block) == "done"
    timer.join(10)


def test_a_timeout_set_as_the_block_ends_lands_in_the_with_statement_or_not_at_all() -> None:
    # the timer fires while the block's cleanup waits for the lock: the timeout is raised by the with
    # statement (the limit did pass) or withdrawn, never in the code after it, and the timer is cancelled
    held = threading.Event()
    limit: list[_ThreadTimeLimit] = []
    raised: list[str] = []

    def block() -> str:
        limit.append(_ThreadTimeLimit(60, "x.txt: too slow"))
        try:
            with limit[0]:
                assert held.wait(10)  # the "timer" holds the lock: the cleanup below waits for it
        except ArticleTimeout as exc:
            raised.append(str(exc))
        _busy_until(time.monotonic() + 0.2)
        return "done"

    def fire_at_the_edge() -> None:
        deadline = time.monotonic() + 10
        while not limit and time.monotonic() < deadline:
            time.sleep(0.01)
        lim = limit[0]
        with lim._lock:
            held.set()
            time.sleep(0.2)  # the block has ended and waits for the lock
            lim._fired = True
            assert _set_async_exc(lim._thread_id, lim._exc) == 1

    timer = threading.Thread(target=fire_at_the_edge)
    timer.start()
    assert _in_thread(block) == "done"
    timer.join(10)
    assert raised in ([], ["x.txt: too slow"])
    assert limit[0]._timer.finished.is_set()  # and the real timer is cancelled, wherever the timeout landed


@spacy.Language.component("test_busy_on_lambat")
def _busy_on_lambat(doc: Doc) -> Doc:
    if "LAMBAT" in doc.text:
        _busy_until(time.monotonic() + 20)  # a stage stuck on one article
    return doc


def test_in_a_thread_an_article_past_the_time_limit_fails_alone_and_the_batch_goes_on() -> None:
    nlp = tppo_extract.load(models=False)
    nlp.add_pipe("test_busy_on_lambat", first=True)
    texts = [TEXTS[0], "LAMBAT sekali.", TEXTS[1]]
    started = time.monotonic()
    results = _in_thread(lambda: list(iter_results(texts, nlp=nlp, time_limit=0.5, batch_size=3)))
    assert isinstance(results, list) and time.monotonic() - started < 15
    assert [r.ok for r in results] == [True, False, True]
    failure = results[1].failure
    assert failure is not None and failure.error == "ArticleTimeout"
    assert failure.doc_id == "text-1" and "time limit of 0.5 s" in failure.reason


# ---- keep_text: the record carries its text, for render() and the report ---------------------------------

_KEEP = [
    "Kantor Imigrasi Mataram menunda keberangkatan 12 calon PMI nonprosedural.\n",
    "Polda Bali menggelar sosialisasi pencegahan TPPO di Denpasar.\n",
]


@pytest.mark.parametrize("batch_size", [1, 2])
def test_keep_text_puts_each_input_text_in_its_record(rules: Language, batch_size: int) -> None:
    kept = [r.article for r in iter_results(_KEEP, nlp=rules, batch_size=batch_size, keep_text=True)]
    assert [a.text if a else None for a in kept] == _KEEP
    plain = [r.article for r in iter_results(_KEEP, nlp=rules, batch_size=batch_size)]
    assert [a.text if a else "missing" for a in plain] == [None, None]
    # nothing else changes
    assert [a.model_copy(update={"text": None}) for a in kept if a] == plain


def test_keep_text_on_a_text_run_in_chunks(rules: Language) -> None:
    text = "".join(f"Paragraf {i}: Kantor Imigrasi Mataram menunda keberangkatan {i} calon PMI.\n\n" for i in range(40))
    item = Item(text=text, doc_id="long", chunk_chars=500)
    (res,) = iter_results([item], nlp=rules, keep_text=True)
    assert res.article is not None and res.article.text == text
    assert all(text[e.start : e.end] == e.text for e in res.article.entities)


def test_cli_keep_text(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(_KEEP[0], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--rules-only", "--keep-text", "-q", "-o", str(out)]) == 0
    assert _records(out)[0]["text"] == _KEEP[0]
    assert main(["extract", str(src), "--rules-only", "-q", "-o", str(out)]) == 0
    assert _records(out)[0]["text"] is None
