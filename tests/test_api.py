"""The Python API: extract, extract_many, iter_results, metadata, tables."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import tppo_extract
from tppo_extract import InputError, Item, extract, extract_many, iter_results, read_meta
from tppo_extract.export import read_jsonl, to_dataframe, write_jsonl, write_table


def test_extract_returns_an_article(sample_text: str) -> None:
    art = extract(sample_text, doc_id="kalianda.txt", pub_date="2024-03-18")
    assert art.doc_id == "kalianda.txt"
    assert art.pub_date is not None and art.pub_date.isoformat() == "2024-03-18"
    assert art.pub_date_source == "caller"
    assert {e.label for e in art.entities} >= {"AGENCY", "PLACE", "DATE"}


def test_extract_rejects_bad_input() -> None:
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        extract("Teks.", pub_date="12/03/2024")
    with pytest.raises(InputError, match="str"):
        extract(b"bytes")  # type: ignore[arg-type]


def test_extract_many_keeps_order_and_ids(tmp_path: Path, sample_text: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text(sample_text, encoding="utf-8")
    items = [f, "Harga cabai naik.", {"text": sample_text, "doc_id": "x", "pub_date": "2024-01-02"}]
    arts = list(extract_many(items))
    assert [a.doc_id for a in arts] == ["a.txt", "text-1", "x"]
    assert arts[2].pub_date is not None and arts[2].pub_date.isoformat() == "2024-01-02"


def test_extract_many_raises_or_skips_on_broken_input(tmp_path: Path, sample_text: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(sample_text, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    with pytest.raises(InputError, match="missing.txt"):
        list(extract_many([missing, good]))
    assert [a.doc_id for a in extract_many([missing, good], errors="skip")] == ["good.txt"]


def test_iter_results_reports_each_failure(tmp_path: Path, sample_text: str) -> None:
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 10)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    results = list(iter_results([Item(path=str(binary), doc_id="bin.txt"), Item(path=str(empty), doc_id="empty.txt"),
                                 Item(text=sample_text, doc_id="ok")]))  # fmt: skip
    assert [r.ok for r in results] == [False, False, True]
    assert all(r.failure and r.failure.reason for r in results[:2])


def test_worker_processes_give_the_same_records(nlp: Language, sample_text: str) -> None:
    items = [Item(text=sample_text, doc_id=f"d{i}", pub_date="2024-03-18") for i in range(5)]
    items.insert(2, Item(path="/nonexistent/file.txt", doc_id="gone"))
    single = list(iter_results(items, nlp=nlp))
    multi = list(iter_results(items, n_process=2, batch_size=2))
    assert [r.doc_id for r in multi] == [r.doc_id for r in single]
    assert [r.article for r in multi] == [r.article for r in single]
    assert not multi[2].ok


def test_batches_give_the_same_records_as_one_at_a_time(nlp: Language, sample_text: str) -> None:
    texts = [sample_text, "Harga cabai naik di pasar.", sample_text.replace("Maret", "April"), ""]
    items = [Item(text=t, doc_id=f"d{i}") for i, t in enumerate(texts)]
    one = [r.article for r in iter_results(items, nlp=nlp, batch_size=1)]
    batched = [r.article for r in iter_results(items, nlp=nlp, batch_size=3)]
    assert batched == one and all(a is not None for a in one)


def test_a_stage_failing_on_one_article_costs_that_article_only(sample_text: str) -> None:
    nlp = tppo_extract.load(models=False)

    def fragile(doc):  # type: ignore[no-untyped-def]
        if "MELEDAK" in doc.text:
            raise RuntimeError("stage broke")
        return doc

    Language.component("tppo_test_fragile", func=fragile)
    nlp.add_pipe("tppo_test_fragile", last=True)
    items = [Item(text=sample_text, doc_id="a"), Item(text="MELEDAK di sini.", doc_id="b"),
             Item(text=sample_text, doc_id="c")]  # fmt: skip
    results = list(iter_results(items, nlp=nlp, batch_size=3))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].failure is not None and results[1].failure.reason == "stage broke"
    alone = list(iter_results([items[0], items[2]], nlp=nlp, batch_size=1))
    assert [results[0].article, results[2].article] == [r.article for r in alone]


def test_meta_files(tmp_path: Path) -> None:
    csv = tmp_path / "m.csv"
    csv.write_text("doc_id,pub_date\na.txt,2024-03-01\nb.txt,\n", encoding="utf-8")
    assert read_meta(csv) == {"a.txt": "2024-03-01", "b.txt": None}
    tsv = tmp_path / "m.tsv"
    tsv.write_text("doc_id\tpub_date\na.txt\t2024-03-01\n", encoding="utf-8")
    assert read_meta(tsv) == {"a.txt": "2024-03-01"}
    jl = tmp_path / "m.jsonl"
    jl.write_text('{"doc_id": "a.txt", "pub_date": "2024-03-01"}\n', encoding="utf-8")
    assert read_meta(jl) == {"a.txt": "2024-03-01"}
    bad = tmp_path / "bad.csv"
    bad.write_text("doc_id,pub_date\na.txt,March\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv:2.*YYYY-MM-DD"):
        read_meta(bad)
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("file,date\n", encoding="utf-8")
    with pytest.raises(InputError, match="doc_id"):
        read_meta(nocol)


def test_jsonl_and_tables_round_trip(tmp_path: Path, sample_text: str) -> None:
    art = extract(sample_text, doc_id="k.txt", pub_date="2024-03-18")
    path = tmp_path / "out.jsonl"
    assert write_jsonl([art], path) == 1
    assert list(read_jsonl(path)) == [art]
    df = to_dataframe([art], table="actions")
    assert len(df) == len(art.actions) > 0
    assert set(df["type"]) == {a.type for a in art.actions}
    assert write_table([art], tmp_path / "e.csv", table="entities") == len(art.entities)
    assert write_table([art], tmp_path / "q.parquet", table="quotes") == len(art.quotes)
    with pytest.raises(ValueError, match="unknown table"):
        to_dataframe([art], table="people")


def test_public_names() -> None:
    for name in tppo_extract.__all__:
        assert hasattr(tppo_extract, name)


def test_the_record_names_the_encoding_its_file_was_read_in(tmp_path: Path) -> None:
    from tppo_extract.batch import iter_results

    text = "Kantor Imigrasi Sukamaju menunda keberangkatan 12 warga ke luar negeri — TPPO.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "b.txt").write_bytes(text.encode("cp1252"))
    results = list(iter_results([tmp_path / "a.txt", tmp_path / "b.txt", text], models=False))
    assert [r.article.encoding if r.article else None for r in results] == ["utf-16-le", "cp1252", None]


def test_a_lone_surrogate_is_a_named_input_error_not_a_crash() -> None:
    from tppo_extract.batch import iter_results

    (res,) = list(iter_results(["Kantor Imigrasi menunda keberangkatan \udc80 warga."], models=False))
    assert res.failure is not None and res.failure.error == "InputError"
    assert "lone surrogate (U+DC80) at character 38" in res.failure.reason


def test_an_article_past_the_time_limit_fails_alone_and_the_batch_goes_on() -> None:
    import time

    import spacy

    from tppo_extract.batch import iter_results

    @spacy.Language.component("test_slow_on_lambat")
    def slow(doc):  # type: ignore[no-untyped-def]
        if "LAMBAT" in doc.text:
            time.sleep(30)  # a stage stuck on one article
        return doc

    nlp = tppo_extract.load(models=False)
    nlp.add_pipe("test_slow_on_lambat", first=True)
    texts = ["Kantor Imigrasi menunda keberangkatan 3 warga.", "LAMBAT sekali.", "Polda menangkap 2 pelaku."]
    t0 = time.perf_counter()
    results = list(iter_results(texts, nlp=nlp, time_limit=1.0, batch_size=3))
    assert time.perf_counter() - t0 < 20
    assert [r.ok for r in results] == [True, False, True]
    failure = results[1].failure
    assert failure is not None and failure.error == "ArticleTimeout" and "time limit of 1 s" in failure.reason
