"""The Dask engine on a real (local) dask.distributed cluster: the same records as the local engine, from an
input that is pulled lazily, with the client never holding more than a window of it."""

from __future__ import annotations

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
