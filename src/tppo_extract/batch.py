"""Running the pipeline over many articles: in this process, in local worker processes, or on Dask.

Every input yields exactly one :class:`Result`, in input order: an :class:`~.records.Article`, or a
:class:`~.records.Failure` naming the input and the reason. One broken file never stops a batch.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import dataclasses
import datetime as dt
import itertools
import json
import logging
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .chunks import DEFAULT_CHUNK_CHARS, chunk_bounds, join_articles
from .errors import ArticleTimeout, InputError
from .export import doc_to_article
from .extensions import register_extensions
from .pipeline import default_pipeline, load
from .records import Article, Failure
from .text.reader import DEFAULT_MAX_BYTES, Decoded, read_article

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Item:
    """One article to process: its text, or a path to read it from, with its metadata."""

    text: str | None = None
    path: str | None = None
    doc_id: str | None = None
    pub_date: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES  # a file larger than this is refused (read_text)
    encoding: str | None = None  # what ``text`` was decoded from, when the caller read it from bytes
    time_limit: float | None = None  # seconds the article may take; past them it fails with ArticleTimeout
    from_html: bool = False  # ``text`` was extracted from HTML (the record then keeps it)
    keep_text: bool = False  # the record keeps the text in ``Article.text`` whatever the input was
    chunk_chars: int = DEFAULT_CHUNK_CHARS  # a longer text runs in chunks cut between paragraphs (chunks.py)


ItemLike = str | Path | Item | Mapping[str, object]


@dataclass(frozen=True)
class Result:
    """The outcome for one input: ``article`` or ``failure`` is set, never both."""

    doc_id: str
    article: Article | None = None
    failure: Failure | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None


def check_pub_date(value: object, *, source: str) -> str | None:
    """Validate a publication date (``YYYY-MM-DD``, empty for none) and return it as a string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):  # a timestamp (a Parquet or pandas column): the day it names
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise InputError(source, f"pub_date {value!r} is not a date of the form YYYY-MM-DD") from None


def as_item(obj: ItemLike, *, index: int = 0) -> Item:
    """Turn what the caller passed (text, path, mapping or Item) into an :class:`Item`.

    A ``str`` is text unless it is a ``Path``; pass paths as ``pathlib.Path`` or as ``{"path": ...}``.
    """
    if isinstance(obj, Item):
        return obj
    if isinstance(obj, Path):
        return Item(path=str(obj), doc_id=obj.name)
    if isinstance(obj, str):
        return Item(text=obj, doc_id=f"text-{index}")
    if isinstance(obj, Mapping):
        unknown = set(obj) - {"text", "path", "doc_id", "pub_date"}
        if unknown:
            raise InputError(f"item {index}", f"unknown keys {sorted(unknown)}; use text, path, doc_id, pub_date")
        path = obj.get("path")
        text = obj.get("text")
        doc_id = obj.get("doc_id") or (Path(str(path)).name if path else f"text-{index}")
        return Item(
            text=None if text is None else str(text),
            path=None if path is None else str(path),
            doc_id=str(doc_id),
            pub_date=check_pub_date(obj.get("pub_date"), source=str(doc_id)),
        )
    raise InputError(f"item {index}", f"cannot process an item of type {type(obj).__name__}")


# A lone surrogate (U+D800-U+DFFF) is no character: a str can hold one after a bad decode upstream, and
# no UTF-8 output can carry it.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _make_doc(
    nlp: Language,
    text: str,
    *,
    doc_id: str | None,
    pub_date: str | None,
    encoding: str | None = None,
    from_html: bool = False,
) -> Doc:
    register_extensions()
    bad = _SURROGATE.search(text)
    if bad is not None:
        raise InputError(
            doc_id or "text",
            f"text holds a lone surrogate (U+{ord(bad.group()):04X}) at character {bad.start()}, which no "
            "encoding can write; decode the source again, e.g. with errors='replace'",
        )
    if len(text) > nlp.max_length:
        raise InputError(
            doc_id or "text",
            f"text has {len(text)} characters, more than the pipeline's limit of {nlp.max_length}; split it into "
            "articles, or raise nlp.max_length",
        )
    doc = nlp.make_doc(text)
    doc._.encoding = encoding
    doc._.from_html = from_html or None
    doc._.doc_id = doc_id
    doc._.pub_date = pub_date
    doc._.pub_date_source = "caller" if pub_date else None
    return doc


def process_text(
    nlp: Language,
    text: str,
    *,
    doc_id: str | None,
    pub_date: str | None,
    encoding: str | None = None,
    from_html: bool = False,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    keep_text: bool = False,
) -> Article:
    """Run ``nlp`` over one text and build its record; a text longer than ``chunk_chars`` runs in chunks cut
    between paragraphs, and their records are joined with offsets into ``text`` (see :mod:`.chunks`).
    ``keep_text`` keeps the text in the record (as HTML input always does)."""
    if len(text) <= chunk_chars:
        doc = _make_doc(nlp, text, doc_id=doc_id, pub_date=pub_date, encoding=encoding, from_html=from_html)
        return _with_text(doc_to_article(nlp(doc)), text, keep_text)
    parts = []
    for a, b in chunk_bounds(text, chunk_chars):
        doc = _make_doc(nlp, text[a:b], doc_id=doc_id, pub_date=pub_date, encoding=encoding, from_html=from_html)
        parts.append((a, doc_to_article(nlp(doc))))
    return _with_text(join_articles(parts), text, from_html or keep_text)


def _with_text(article: Article, text: str, keep: bool) -> Article:
    return article.model_copy(update={"text": text}) if keep and article.text is None else article


def _read(item: Item) -> Decoded:
    """The text of ``item``, the encoding it was read in (None for text given as a string), and whether it was
    extracted from HTML."""
    if item.text is not None:
        return Decoded(item.text, item.encoding or "", item.from_html)
    return read_article(Path(str(item.path)), max_bytes=item.max_bytes)


def _doc_id(item: Item) -> str:
    return item.doc_id or item.path or "text"


def _failed(doc_id: str, exc: Exception) -> Result:
    reason = exc.reason if isinstance(exc, InputError) else str(exc)
    return Result(doc_id, failure=Failure(doc_id=doc_id, error=type(exc).__name__, reason=reason))


def _timeout_class(message: str) -> type[ArticleTimeout]:
    """An :class:`ArticleTimeout` that carries ``message`` without being given it: a thread is interrupted with
    an exception class, which CPython calls with no arguments. It is named ``ArticleTimeout`` in failure
    records, and wherever it lands it is the right error: it is only raised once the limit has passed."""

    class Timeout(ArticleTimeout):
        def __init__(self, *args: object) -> None:
            super().__init__(*(args or (message,)))

    Timeout.__name__ = Timeout.__qualname__ = ArticleTimeout.__name__
    return Timeout


def _set_async_exc(thread_id: int, exc: type[BaseException] | None) -> int:
    """Have CPython raise ``exc`` in the thread ``thread_id`` at its next bytecode; None withdraws an exception
    that is pending there and not yet raised. Returns the number of threads affected."""
    set_async = ctypes.pythonapi.PyThreadState_SetAsyncExc
    n = int(set_async(ctypes.c_ulong(thread_id), None if exc is None else ctypes.py_object(exc)))
    if n > 1:  # cannot happen for a live thread id; the C API's advice is to withdraw it at once
        set_async(ctypes.c_ulong(thread_id), None)
    return n


class _ThreadTimeLimit:
    """The time limit off the main thread, where no signal reaches: a timer thread raises ArticleTimeout in
    the thread of the block (``PyThreadState_SetAsyncExc``). The exception arrives at the thread's next
    Python bytecode, so a long call into C (a regex match, ``time.sleep``) finishes before it is interrupted.

    The timer may fire as the block ends, before it is cancelled: the lock orders the two, and a timeout that
    was set but not yet raised when the block is done is withdrawn, so that it never lands in the caller's
    code after the block.
    """

    def __init__(self, seconds: float, message: str) -> None:
        self._thread_id = threading.get_ident()
        self._exc = _timeout_class(message)
        self._lock = threading.Lock()
        self._done = False
        self._fired = False
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True

    def _fire(self) -> None:
        with self._lock:
            if not self._done:
                self._fired = True
                _set_async_exc(self._thread_id, self._exc)

    def _disarm(self) -> None:
        with self._lock:
            self._done = True
            self._timer.cancel()
            if self._fired:
                _set_async_exc(self._thread_id, None)

    def __enter__(self) -> None:
        self._timer.start()

    def __exit__(self, *exc_info: object) -> None:
        try:
            self._disarm()
        except ArticleTimeout:  # raised here, before the lock was taken: the limit passed as the block ended
            self._disarm()
            raise


@contextlib.contextmanager
def _time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the block once ``seconds`` have passed; None or 0: no limit.

    In the main thread (this process, a local worker process) by SIGALRM where the platform has it, which also
    cuts a ``time.sleep`` or a blocking read short; in any other thread (a Dask worker runs tasks in threads) by
    a timer that interrupts the thread at its next Python bytecode, so there a long call into C finishes first
    (see :class:`_ThreadTimeLimit`).
    """
    if not seconds:
        yield
        return
    message = f"{what}: processing took longer than the time limit of {seconds:g} s"
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        with _ThreadTimeLimit(seconds, message):
            yield
        return

    def expired(signum: int, frame: object) -> None:
        raise ArticleTimeout(message)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _process_item(nlp: Language, item: Item) -> Result:
    doc_id = _doc_id(item)
    try:
        with _time_limit(item.time_limit, doc_id):
            got = _read(item)
            article = process_text(
                nlp,
                got.text,
                doc_id=doc_id,
                pub_date=item.pub_date,
                encoding=got.encoding or None,
                from_html=got.from_html,
                chunk_chars=item.chunk_chars,
                keep_text=item.keep_text,
            )
    except (InputError, ArticleTimeout) as exc:
        return _failed(doc_id, exc)
    except Exception as exc:  # a bug in a stage must cost one article, not the batch
        log.exception("processing %s failed", doc_id)
        return _failed(doc_id, exc)
    return Result(doc_id, article=article)


def _process_items(nlp: Language, items: list[Item]) -> list[Result]:
    """One Result per item, in order. The texts go through ``nlp.pipe`` together, which lets the trained
    components work on a batch at once (their output is the same as one at a time); if a stage fails on
    any of them, the chunk is run again one article at a time, so that the failure costs that article only."""
    if len(items) < 2:
        return [_process_item(nlp, it) for it in items]
    results: list[Result | None] = [None] * len(items)
    docs: list[Doc] = []
    slots: list[int] = []
    for k, item in enumerate(items):
        doc_id = _doc_id(item)
        try:
            got = _read(item)
            if len(got.text) > item.chunk_chars:  # a long page runs on its own, in chunks
                results[k] = _process_item(nlp, item)  # (reads the file again: rare enough not to matter)
                continue
            docs.append(
                _make_doc(
                    nlp,
                    got.text,
                    doc_id=doc_id,
                    pub_date=item.pub_date,
                    encoding=got.encoding or None,
                    from_html=got.from_html,
                )
            )
        except Exception as exc:  # unreadable, or refused by the tokenizer: this item alone fails
            if not isinstance(exc, InputError):
                log.exception("processing %s failed", doc_id)
            results[k] = _failed(doc_id, exc)
            continue
        slots.append(k)
    limits = [items[k].time_limit for k in slots]
    # the batch may take the sum of its articles' limits; past it, each runs again under its own limit
    batch_limit = sum(t for t in limits if t) if all(limits) else None
    try:
        with _time_limit(batch_limit, f"a batch of {len(docs)} articles"):
            articles = [doc_to_article(d) for d in nlp.pipe(docs, batch_size=max(1, len(docs)))]
    except Exception:
        log.warning("a stage failed on a batch of %d articles; running them one at a time", len(docs))
        return [r if r is not None else _process_item(nlp, items[k]) for k, r in enumerate(results)]
    for k, doc, article in zip(slots, docs, articles, strict=True):
        results[k] = Result(_doc_id(items[k]), article=_with_text(article, doc.text, items[k].keep_text))
    return [r for r in results if r is not None]


# ---- worker processes ----------------------------------------------------------------------------------

_WORKER_NLP: Language | None = None


def _pipeline(
    config: str | Path | None,
    models: bool | str | Path,
    model_entities: bool,
    syntax: str = "spacy",
    stanza_dir: str | None = None,
) -> Language:
    if config:
        return load(config, models=models, model_entities=model_entities, syntax=syntax, stanza_dir=stanza_dir)
    return default_pipeline(models, model_entities, syntax, stanza_dir)


def _init_worker(
    config: str | None, models: bool | str, model_entities: bool, syntax: str = "spacy", stanza_dir: str | None = None
) -> None:
    global _WORKER_NLP
    _WORKER_NLP = load(config, models=models, model_entities=model_entities, syntax=syntax, stanza_dir=stanza_dir)


def _process_chunk(items: list[Item]) -> list[Result]:
    assert _WORKER_NLP is not None, "worker was not initialised"
    return _process_items(_WORKER_NLP, items)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def iter_results(
    items: Iterable[ItemLike | Result],
    *,
    n_process: int = 1,
    batch_size: int = 16,
    nlp: Language | None = None,
    config: str | Path | None = None,
    models: bool | str | Path = True,
    model_entities: bool = False,
    engine: Literal["local", "dask"] = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    client: object = None,
    time_limit: float | None = None,
    keep_text: bool = False,
    syntax: str = "spacy",
    stanza_dir: str | Path | None = None,
) -> Iterator[Result]:
    """Process ``items`` and yield one :class:`Result` per item, in input order.

    ``n_process > 1`` runs that many worker processes, each loading the pipeline from ``config`` (the
    shipped one by default; ``models=False`` leaves the trained components out, ``model_entities=True``
    lets the NER's spans into the entities, see :func:`tppo_extract.load`); ``nlp`` is used only
    in-process. ``batch_size`` articles go through ``nlp.pipe`` together (and make one worker's task).
    ``engine="dask"`` runs the chunks on a ``dask.distributed`` cluster (``pip install 'tppo-extract[dask]'``):
    ``client`` (a ``distributed.Client``), else the scheduler at ``scheduler`` ("tcp://host:8786"), else a
    local cluster of ``workers`` processes; results stream back in order (see :mod:`tppo_extract.dask_engine`).
    ``time_limit`` (seconds, for items that set none themselves) turns an article that takes longer into a
    failure (``ArticleTimeout``) instead of a stalled batch, in every engine. On a Dask worker, which runs
    tasks in threads, the article is interrupted at its next Python bytecode, so a long call into C (one regex
    match) finishes first; in this process and in local worker processes an alarm signal cuts it short.
    ``keep_text=True`` keeps each article's text in its record (``Article.text``), for views and reports.
    ``syntax="stanza"`` (and ``stanza_dir``) choose stanza's syntax models, as in :func:`tppo_extract.load`.
    """
    stanza_path = str(stanza_dir) if stanza_dir is not None else None
    if n_process < 1:
        raise ValueError("n_process must be 1 or more")
    if batch_size < 1:
        raise ValueError("batch_size must be 1 or more")
    prepared = _prepared(items, time_limit=time_limit, keep_text=keep_text)
    if engine == "dask":
        from .dask_engine import iter_distributed

        yield from iter_distributed(
            prepared,
            batch_size=batch_size,
            config=config,
            models=models,
            model_entities=model_entities,
            syntax=syntax,
            stanza_dir=stanza_path,
            scheduler=scheduler,
            workers=workers,
            client=client,
        )
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose local or dask")
    if n_process == 1:
        pipeline = nlp or _pipeline(config, models, model_entities, syntax, stanza_path)
        pending: list[Item] = []
        for entry in prepared:
            if isinstance(entry, Item):
                pending.append(entry)
                if len(pending) < batch_size:
                    continue
            yield from _process_items(pipeline, pending)
            pending = []
            if isinstance(entry, Result):
                yield entry
        yield from _process_items(pipeline, pending)
        return
    options = (models, model_entities, syntax, stanza_path)
    yield from _iter_processes(prepared, n_process=n_process, batch_size=batch_size, config=config, models=options)


def _prepared(
    items: Iterable[ItemLike | Result], *, time_limit: float | None = None, keep_text: bool = False
) -> Iterator[Item | Result]:
    for i, obj in enumerate(items):
        if isinstance(obj, Result):  # an input that already failed (a PATH that names nothing) keeps its place
            yield obj
            continue
        try:
            item = as_item(obj, index=i)
            if time_limit and item.time_limit is None:
                item = dataclasses.replace(item, time_limit=time_limit)
            yield dataclasses.replace(item, keep_text=True) if keep_text and not item.keep_text else item
        except InputError as exc:
            yield Result(exc.source, failure=Failure(doc_id=exc.source, error="InputError", reason=exc.reason))


def _iter_processes(
    prepared: Iterator[Item | Result],
    *,
    n_process: int,
    batch_size: int,
    config: str | Path | None,
    models: tuple[bool | str | Path, bool, str, str | None],
) -> Iterator[Result]:
    # Failures found before processing ride in the chunk stream as Results so that order is kept.
    ctx = multiprocessing.get_context("spawn")
    window: deque[Future[list[Result]] | Result] = deque()
    trained, merged, syntax, stanza_dir = models
    trained_arg = trained if isinstance(trained, bool) else str(trained)
    init = (str(config) if config else None, trained_arg, merged, syntax, stanza_dir)
    with ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_init_worker, initargs=init) as pool:
        pending: list[Item] = []

        def flush() -> None:
            if pending:
                window.append(pool.submit(_process_chunk, list(pending)))
                pending.clear()

        for entry in prepared:
            if isinstance(entry, Result):
                flush()
                window.append(entry)
            else:
                pending.append(entry)
                if len(pending) >= batch_size:
                    flush()
            while len(window) > 2 * n_process:
                yield from _drain_one(window)
        flush()
        while window:
            yield from _drain_one(window)


def _drain_one(window: deque[Future[list[Result]] | Result]) -> Iterator[Result]:
    head = window.popleft()
    if isinstance(head, Result):
        yield head
    else:
        yield from head.result()


# ---- JSONL shards of articles ----------------------------------------------------------------------------


def items_from_jsonl(
    path: str | Path,
    *,
    text_field: str = "text",
    id_field: str = "doc_id",
    date_field: str = "pub_date",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item | Result]:
    """The articles of a JSONL shard, one per line, read lazily: an :class:`Item` for each line with a text,
    a failed :class:`Result` (naming the file and the line) for a line that is not a JSON object, lacks the
    text, or holds a bad date. The doc_id is the line's ``id_field``, else ``FILE:LINE``."""
    p = Path(path)
    try:
        fh = p.open("rb")
    except OSError as exc:
        yield Result(str(p), failure=Failure(doc_id=str(p), error="InputError", reason=f"cannot read: {exc}"))
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            where = f"{p.name}:{n}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except ValueError as exc:
                yield _line_failure(where, f"not JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                yield _line_failure(where, "the line is not a JSON object")
                continue
            doc_id = str(obj.get(id_field) or where)
            text = obj.get(text_field)
            if not isinstance(text, str) or not text.strip():
                yield _line_failure(doc_id, f"{where}: no text in the field {text_field!r}")
                continue
            if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
                yield _line_failure(doc_id, f"{where}: the text is too large (> {max_bytes} bytes)")
                continue
            try:
                pub_date = check_pub_date(obj.get(date_field), source=where)
            except InputError as exc:
                yield _line_failure(doc_id, str(exc))
                continue
            yield Item(text=text, doc_id=doc_id, pub_date=pub_date, encoding="utf-8", max_bytes=max_bytes)


def _line_failure(doc_id: str, reason: str) -> Result:
    return Result(doc_id, failure=Failure(doc_id=doc_id, error="InputError", reason=reason))


# ---- Parquet shards of articles --------------------------------------------------------------------------

# Rows per record batch read from a Parquet shard, what the reader holds at a time (with the row group pyarrow
# decodes it from): 64 news articles are a few hundred kB; even 64 pages at the 5 MB limit are 320 MB.
PARQUET_BATCH_ROWS = 64
PARQUET_INSTALL = "pip install 'tppo-extract[dask]' (or pip install pyarrow)"


def items_from_parquet(
    path: str | Path,
    *,
    text_field: str = "text",
    id_field: str = "doc_id",
    date_field: str = "pub_date",
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_rows: int = PARQUET_BATCH_ROWS,
) -> Iterator[Item | Result]:
    """The articles of a Parquet shard, one per row, read lazily a record batch of ``batch_rows`` rows at a time
    and only in the columns named: an :class:`Item` for each row with a text, a failed :class:`Result` for a
    row whose text is null, not a string or empty, too large, or whose date is bad (named ``FILE:ROW``, rows
    counted from 1), as for a JSONL shard (:func:`items_from_jsonl`). The doc_id is the row's ``id_field``,
    else ``FILE:ROW``; the id and date columns may be absent. A file that cannot be read as Parquet, or that
    has no ``text_field`` column, is one failed Result named by its path.

    Raises :class:`~tppo_extract.errors.InputError` when pyarrow is not installed.
    """
    p = Path(path)
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise InputError(p, f"reading a Parquet shard needs pyarrow: {PARQUET_INSTALL}") from exc
    if batch_rows < 1:
        raise ValueError("batch_rows must be 1 or more")
    try:
        shard = pq.ParquetFile(p)
    except (OSError, ValueError) as exc:  # missing, unreadable, or not Parquet (pyarrow's ArrowInvalid)
        yield _line_failure(str(p), f"cannot read as a Parquet file: {exc}")
        return
    with shard:
        names = list(shard.schema_arrow.names)
        if text_field not in names:
            yield _line_failure(
                str(p),
                f"no column {text_field!r} in the Parquet shard (its columns: {', '.join(names) or 'none'}); "
                "name the text, id and date columns with --jsonl-fields TEXT,ID,DATE",
            )
            return
        wanted = [c for c in dict.fromkeys((text_field, id_field, date_field)) if c in names]
        row = 0
        try:
            for batch in shard.iter_batches(batch_size=batch_rows, columns=wanted):
                columns = {c: batch.column(c).to_pylist() for c in wanted}
                for k in range(batch.num_rows):
                    row += 1
                    values = {c: v[k] for c, v in columns.items()}
                    yield _parquet_row(p, row, values, fields=(text_field, id_field, date_field), max_bytes=max_bytes)
        except (OSError, ValueError) as exc:  # a damaged row group: the rows before it are kept
            yield _line_failure(f"{p.name}:{row + 1}", f"cannot read the Parquet shard from row {row + 1} on: {exc}")


def _parquet_row(
    path: Path,
    row: int,
    values: Mapping[str, object],
    *,
    fields: tuple[str, str, str],
    max_bytes: int,
) -> Item | Result:
    """The Item of one row of a Parquet shard, or the failed Result that names what is wrong with it."""
    text_field, id_field, date_field = fields
    where = f"{path.name}:{row}"
    raw_id = values.get(id_field)
    doc_id = str(raw_id) if raw_id is not None and raw_id != "" else where
    text = values.get(text_field)
    if not isinstance(text, str):
        kind = "null" if text is None else type(text).__name__
        return _line_failure(doc_id, f"{where}: no text in the column {text_field!r} (the value is {kind})")
    if not text.strip():
        return _line_failure(doc_id, f"{where}: no text in the column {text_field!r} (the value is empty)")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return _line_failure(doc_id, f"{where}: the text is too large (> {max_bytes} bytes)")
    try:
        pub_date = check_pub_date(values.get(date_field), source=where)
    except InputError as exc:
        return _line_failure(doc_id, str(exc))
    return Item(text=text, doc_id=doc_id, pub_date=pub_date, encoding="utf-8", max_bytes=max_bytes)


# ---- metadata ------------------------------------------------------------------------------------------


def read_meta(path: str | Path, *, bad_dates: dict[str, str] | None = None) -> dict[str, str | None]:
    """Read a CSV, TSV or JSONL file of ``doc_id`` and ``pub_date`` per article: doc_id -> pub_date.

    The file must be well formed: both columns present, every row as wide as the header, each doc_id once;
    otherwise :class:`~tppo_extract.errors.InputError` names the line. A date that is not ``YYYY-MM-DD``
    raises too, unless ``bad_dates`` is given: it then collects doc_id -> reason, so that the caller can fail
    those articles alone and process the rest.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "metadata file not found")
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read the metadata file: {exc}") from exc
    rows: list[tuple[int, dict[str, object]]] = []
    if path.suffix == ".jsonl":
        for n, line in enumerate(raw.splitlines(), 1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}", f"not JSON: {exc.msg}") from exc
                if not isinstance(obj, dict):
                    raise InputError(f"{path}:{n}", "each line must be a JSON object")
                if "pub_date" not in obj:
                    raise InputError(f"{path}:{n}", "no pub_date field (use null for an unknown date)")
                rows.append((n, obj))
    else:
        delimiter = "\t" if path.suffix == ".tsv" else ","
        reader = csv.DictReader(raw.splitlines(), delimiter=delimiter)
        names = reader.fieldnames or []
        missing = [c for c in ("doc_id", "pub_date") if c not in names]
        if missing:
            have = list(names)
            raise InputError(path, f"no {' or '.join(missing)} column (columns: {have}); need doc_id and pub_date")
        for row in reader:
            n = reader.line_num
            if None in row or any(v is None for v in row.values()):
                extra = row.get(None) or []
                width = sum(v is not None for k, v in row.items() if k is not None) + len(extra)
                raise InputError(f"{path}:{n}", f"the row has {width} fields, the header {len(names)}")
            rows.append((n, dict(row)))
    meta: dict[str, str | None] = {}
    first_line: dict[str, int] = {}
    for n, row in rows:
        doc_id = str(row.get("doc_id") or "").strip()
        if not doc_id:
            raise InputError(f"{path}:{n}", "row without a doc_id")
        if doc_id in first_line:
            raise InputError(f"{path}:{n}", f"doc_id {doc_id!r} is listed twice (first on line {first_line[doc_id]})")
        first_line[doc_id] = n
        try:
            meta[doc_id] = check_pub_date(row.get("pub_date"), source=f"{path}:{n}")
        except InputError as exc:
            if bad_dates is None:
                raise
            bad_dates[doc_id] = str(exc)
            meta[doc_id] = None
    return meta


def lookup_meta(meta: Mapping[str, str | None], doc_id: str) -> str | None:
    """The pub_date of ``doc_id`` in ``meta``, matching the full id first, then the file name."""
    if doc_id in meta:
        return meta[doc_id]
    return meta.get(Path(doc_id).name)
