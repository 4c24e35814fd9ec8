"""The Dask engine: chunks of articles run on the workers of a ``dask.distributed`` cluster, streamed back.

``pip install 'tppo-extract[dask]'``. A worker plugin loads the pipeline once per worker (not per task); the
client pulls inputs from the caller's iterator only as results come back (at most ``window`` chunks in flight),
so memory on the client stays bounded however many articles there are; results are yielded in input order as
soon as the head of the window is done. Workers read the files themselves: on a real cluster the input paths
must be visible to every worker (a shared file system), as for any Dask job over files.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import TppoError

if TYPE_CHECKING:
    from spacy.language import Language

    from .batch import Item, Result

PLUGIN_NAME = "tppo-extract-pipeline"
# Chunks in flight per worker: enough to keep each busy while the client reads results, few enough that the
# client holds only a handful of chunks.
CHUNKS_PER_WORKER = 2


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise TppoError("engine='dask' needs dask.distributed: pip install 'tppo-extract[dask]'") from exc
    return distributed


try:  # the engine is an extra: without dask.distributed the module still imports, and the engine says why not
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - exercised where the extra is not installed
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class PipelinePlugin(_WorkerPlugin):
    """Loads the pipeline once when a worker starts (a ``distributed.WorkerPlugin``)."""

    name = PLUGIN_NAME

    def __init__(
        self,
        config: str | None,
        models: bool | str,
        model_entities: bool,
        syntax: str = "spacy",
        stanza_dir: str | None = None,
    ) -> None:
        self.config = config
        self.models = models
        self.model_entities = model_entities
        self.syntax = syntax
        self.stanza_dir = stanza_dir
        self.nlp: Language | None = None

    def setup(self, worker: Any) -> None:
        from .pipeline import load

        self.nlp = load(
            self.config,
            models=self.models,
            model_entities=self.model_entities,
            syntax=self.syntax,
            stanza_dir=self.stanza_dir,
        )

    def teardown(self, worker: Any) -> None:
        self.nlp = None


def _run_chunk(items: list[Item]) -> list[Result]:
    """The task: one chunk on this worker's pipeline."""
    from distributed import get_worker

    from .batch import _process_items

    plugin: Any = get_worker().plugins[PLUGIN_NAME]
    nlp = plugin.nlp
    if nlp is None:
        raise TppoError("the tppo-extract worker plugin did not load the pipeline on this worker")
    return _process_items(nlp, items)


def iter_distributed(
    prepared: Iterator[Item | Result],
    *,
    batch_size: int,
    config: str | Path | None,
    models: bool | str | Path,
    model_entities: bool,
    syntax: str = "spacy",
    stanza_dir: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    client: Any = None,
) -> Iterator[Result]:
    """Results of ``prepared`` (Items, and Results of inputs that already failed), in order, computed on a
    Dask cluster: ``client`` if given, else one connected to ``scheduler`` (``tcp://host:8786``), else a
    ``LocalCluster`` of ``workers`` processes (one thread each; default: one per core)."""
    dist = _distributed()
    own: list[Any] = []
    if client is None:
        if scheduler:
            client = dist.Client(scheduler)
        else:
            # on this machine only: the scheduler and its HTTP endpoints listen on 127.0.0.1, on a free port
            cluster = dist.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address="127.0.0.1:0",
            )
            own.append(cluster)
            client = dist.Client(cluster)
        own.insert(0, client)
    try:
        trained = models if isinstance(models, bool) else str(models)
        plugin = PipelinePlugin(str(config) if config else None, trained, model_entities, syntax, stanza_dir)
        client.register_plugin(plugin, name=PLUGIN_NAME)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window: deque[Any] = deque()  # Futures of chunks, and Results of inputs that failed before
        limit = CHUNKS_PER_WORKER * n_workers

        def chunks() -> Iterator[list[Item] | Result]:
            from .batch import Item

            pending: list[Item] = []
            for entry in prepared:
                if isinstance(entry, Item):
                    pending.append(entry)
                    if len(pending) >= batch_size:
                        yield pending
                        pending = []
                else:
                    if pending:
                        yield pending
                        pending = []
                    yield entry
            if pending:
                yield pending

        source = chunks()
        while True:
            for entry in itertools.islice(source, max(0, limit - len(window))):
                window.append(entry if not isinstance(entry, list) else client.submit(_run_chunk, entry, pure=False))
            if not window:
                break
            head = window.popleft()
            if isinstance(head, dist.Future):
                yield from head.result()
            else:
                yield head
    finally:
        for obj in own:
            obj.close()
