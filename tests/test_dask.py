"""The Dask engine on a real (local) dask.distributed cluster: the same records as the local engine, from an
input that is pulled lazily, with the client never holding more than a window of it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tppo_extract.batch import Item, iter_results

distributed = pytest.importorskip("distributed")

# Written by the team for the tests; not taken from any news outlet.
ARTICLE = (
    "Sukamaju (Kabar Bahari) - Kantor Imigrasi Sukamaju menunda keberangkatan {n} calon pekerja migran "
    "nonprosedural di Pelabuhan Bahari untuk mencegah TPPO.\n"
)


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _inputs(folder: Path, n: int) -> list[Item]:
    folder.mkdir(exist_ok=True)
    items = []
    for i in range(n):
        p = folder / f"a{i:03d}.txt"
        p.write_text(ARTICLE.format(n=i + 1), encoding="utf-8")
        items.append(Item(path=str(p), doc_id=p.name))
    items.insert(5, Item(path=str(folder / "missing.txt"), doc_id="missing.txt"))
    return items


def test_dask_on_two_workers_gives_the_records_of_the_local_engine(client: object, tmp_path: Path) -> None:
    items = _inputs(tmp_path / "in", 24)
    local = list(iter_results(items, models=False, batch_size=4))
    lazy = (it for it in items)  # a generator: the engine cannot take its length or index it
    on_dask = list(iter_results(lazy, engine="dask", client=client, models=False, batch_size=4))
    assert [r.doc_id for r in on_dask] == [r.doc_id for r in local]
    assert [r.article for r in on_dask] == [r.article for r in local]
    assert [r.ok for r in on_dask].count(False) == 1


def test_extract_many_can_choose_the_dask_engine(client: object, tmp_path: Path) -> None:
    from tppo_extract import extract_many

    items = [it for it in _inputs(tmp_path / "in", 6) if it.doc_id != "missing.txt"]
    local = list(extract_many(items, models=False))
    assert list(extract_many(iter(items), models=False, engine="dask", client=client)) == local


def test_the_client_never_holds_all_inputs(client: object, tmp_path: Path) -> None:
    items = _inputs(tmp_path / "in", 60)
    pulled = 0

    def source() -> Iterator[Item]:
        nonlocal pulled
        for it in items:
            pulled += 1
            yield it

    ahead = []
    for k, _ in enumerate(iter_results(source(), engine="dask", client=client, models=False, batch_size=3), 1):
        ahead.append(pulled - k)
    # two chunks in flight per worker (2 workers), of 3 items each, and the chunk being filled
    assert max(ahead) <= 2 * 2 * 3 + 3 < len(items)


def test_the_cli_runs_on_a_local_dask_cluster_with_the_local_records(tmp_path: Path) -> None:
    from tppo_extract.cli import main

    _inputs(tmp_path / "in", 10)
    local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert main(["extract", str(tmp_path / "in"), "--rules-only", "-q", "-o", str(local)]) == 0
    code = main(["extract", str(tmp_path / "in"), "--rules-only", "-q", "-o", str(on_dask), "--engine", "dask",
                 "--workers", "2"])  # fmt: skip
    assert code == 0 and on_dask.read_bytes() == local.read_bytes()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--workers", "2"], "go with --engine dask"),
        (["--scheduler", "tcp://127.0.0.1:1"], "go with --engine dask"),
        (["--engine", "dask", "--n-process", "2"], "--n-process is for the local engine"),
    ],
)
def test_engine_options_that_do_not_go_together_are_usage_errors(
    tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tppo_extract.cli import main

    _inputs(tmp_path / "in", 1)
    assert main(["extract", str(tmp_path / "in"), "--rules-only", *extra]) == 2
    assert message in capsys.readouterr().err


def test_the_cli_reads_a_parquet_shard_on_two_dask_workers_with_the_local_records(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    from tppo_extract.cli import main

    texts: list[str | None] = [ARTICLE.format(n=i + 1) for i in range(9)]
    texts[4] = None  # a row without a text fails alone, on the client
    shard = tmp_path / "berita.parquet"
    pq.write_table(pa.table({"isi": texts, "tanggal": ["2024-05-02"] * 9}), shard, row_group_size=4)
    local, on_dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    errors = tmp_path / "errors.jsonl"
    args = ["extract", str(shard), "--rules-only", "-q", "--jsonl-fields", "isi,id,tanggal", "--batch-size", "2"]
    assert main([*args, "-o", str(local)]) == 1
    assert main([*args, "-o", str(on_dask), "--errors", str(errors), "--engine", "dask", "--workers", "2"]) == 1
    assert on_dask.read_bytes() == local.read_bytes() and local.read_bytes().count(b"\n") == 8
    assert b'"doc_id": "berita.parquet:5"' in errors.read_bytes()


# Loaded by each Dask worker at start (distributed.worker.preload, which may run it more than once): the record
# of an article that holds LAMBAT takes 20 s, in a Python loop, as a stage that is stuck would.
SLOW_WORKER = """
import time

import tppo_extract.batch as batch


def _slow(doc):
    if "LAMBAT" in doc.text:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            time.sleep(0.01)
    return batch.test_real_doc_to_article(doc)


if not hasattr(batch, "test_real_doc_to_article"):
    batch.test_real_doc_to_article = batch.doc_to_article
    batch.doc_to_article = _slow
"""


def test_the_time_limit_applies_on_dask_workers(tmp_path: Path) -> None:
    import dask

    from tppo_extract.cli import main

    folder = tmp_path / "in"
    _inputs(folder, 3)
    (folder / "a001.txt").write_text("LAMBAT. " + ARTICLE.format(n=2), encoding="utf-8")
    preload = tmp_path / "slow_worker.py"
    preload.write_text(SLOW_WORKER, encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    args = ["extract", str(folder), "--rules-only", "-q", "-o", str(out), "--errors", str(errors)]
    started = time.monotonic()
    with dask.config.set({"distributed.worker.preload": [str(preload)]}):
        code = main([*args, "--engine", "dask", "--workers", "1", "--time-limit", "1"])
    assert code == 1 and time.monotonic() - started < 60
    assert [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "a000.txt",
        "a002.txt",
    ]
    (err,) = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert err["doc_id"] == "a001.txt" and err["error"] == "ArticleTimeout"
    assert "time limit of 1 s" in err["message"]
