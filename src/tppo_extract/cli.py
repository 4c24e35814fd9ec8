"""The ``tppo-extract`` command: thin argument parsing over the library."""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import importlib.util
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .about import __version__
from .batch import (
    PARQUET_INSTALL,
    Item,
    Result,
    items_from_jsonl,
    items_from_parquet,
    iter_results,
    lookup_meta,
    read_meta,
)
from .chunks import DEFAULT_CHUNK_CHARS
from .errors import InputError, TppoError
from .export import article_json, write_table
from .records import Article, Failure, json_schema
from .sink import JsonlSink
from .text.reader import DEFAULT_MAX_BYTES, article_of_bytes, iter_paths

if TYPE_CHECKING:
    from spacy.language import Language

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
# Seconds one article may take in a CLI batch: a 5 MB page (the default --max-bytes) takes a few minutes with
# the trained components; past ten, something is stuck, and the batch goes on without it.
DEFAULT_TIME_LIMIT = 600.0


def _models_options(sub: argparse.ArgumentParser) -> None:
    """--models PATH / --rules-only: which trained components join the rule stages (``load(models=...)``)."""
    group = sub.add_mutually_exclusive_group()
    group.add_argument(
        "--models",
        type=Path,
        default=True,
        metavar="PATH",
        help="a trained pipeline folder to use (default: the shipped models/id_tppo_core)",
    )
    group.add_argument(
        "--rules-only", dest="models", action="store_false", help="leave the trained components out (faster)"
    )
    sub.add_argument(
        "--model-entities",
        action="store_true",
        help="let the trained NER's PER/ORG/LOC into the entities where the rules found none",
    )
    sub.add_argument(
        "--syntax",
        choices=("spacy", "stanza"),
        default="spacy",
        help="the syntax backend: the trained spaCy components (default, faster) or stanza's models "
        "(pip install 'tppo-extract[stanza]')",
    )
    sub.add_argument(
        "--stanza-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="with --syntax stanza: a stanza model folder (default models/id_tppo_stanza), or a stanza "
        "resources folder with the official 'id' models",
    )


def _positive(value: str) -> int:
    """An argparse type: a whole number of 1 or more."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value} must be 1 or more")
    return n


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="tppo-extract",
        description="Extract anti-trafficking (TPPO) prevention actions, quotes and entities from Indonesian news.",
    )
    ap.add_argument("--version", action="version", version=f"tppo-extract {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract records from files, folders, globs or stdin into JSONL")
    ex.add_argument(
        "paths", nargs="+", metavar="PATH", help="a file, a folder (recursive *.txt), a glob, or - for stdin"
    )
    ex.add_argument(
        "-o",
        "--output",
        default="-",
        help="output JSONL file (default: standard output); written as OUTPUT.part until the run ends",
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="keep the records of an earlier run of the same OUTPUT (killed or complete) and skip their inputs",
    )
    ex.add_argument("--errors", metavar="FILE", help="write one JSON line per failed input here (doc_id, path, error)")
    ex.add_argument("--meta", type=Path, help="CSV/TSV/JSONL with doc_id (file name) and pub_date per article")
    ex.add_argument(
        "--jsonl-fields",
        default="text,doc_id,pub_date",
        metavar="TEXT,ID,DATE",
        help="field names of an input .jsonl shard (one article a line), column names of a .parquet shard (one "
        "article a row); default text,doc_id,pub_date",
    )
    ex.add_argument("--pub-date", help="publication date (YYYY-MM-DD) for articles the metadata does not cover")
    ex.add_argument(
        "--keep-text",
        action="store_true",
        help="keep each article's text in its record, for `tppo-extract report` and render() (HTML input always does)",
    )
    ex.add_argument("--n-process", type=_positive, default=1, help="worker processes (default 1)")
    ex.add_argument(
        "--batch-size", type=_positive, default=16, help="articles per nlp.pipe batch and per worker task (default 16)"
    )
    ex.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="SECONDS",
        help=f"an article that takes longer fails with ArticleTimeout (default {DEFAULT_TIME_LIMIT:g}; 0: no limit); "
        "on Dask workers it is interrupted at its next Python step, so one long call into C finishes first",
    )
    ex.add_argument(
        "--chunk-chars",
        type=_positive,
        default=DEFAULT_CHUNK_CHARS,
        help=f"a longer text runs in chunks cut between paragraphs (default {DEFAULT_CHUNK_CHARS})",
    )
    ex.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        help=f"refuse an input larger than this many bytes (default {DEFAULT_MAX_BYTES})",
    )
    ex.add_argument("--config", type=Path, help="a pipeline config (.cfg) or saved pipeline to use instead")
    ex.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this process or --n-process workers; dask: a dask.distributed cluster (pip install "
        "'tppo-extract[dask]')",
    )
    ex.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: an existing cluster (tcp://host:8786)")
    ex.add_argument(
        "--workers", type=_positive, help="with --engine dask and no --scheduler: a local cluster of N processes"
    )
    _models_options(ex)
    ex.add_argument(
        "--table",
        action="append",
        default=[],
        metavar="KIND=FILE",
        help="also write a flat table: actions=a.csv, quotes=q.tsv, entities=e.parquet, or FILE.duckdb for a DuckDB "
        "file with the tables articles, entities, quotes, actions and events (repeatable)",
    )
    ex.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on standard error (auto: only on a terminal)",
    )
    ex.add_argument("-q", "--quiet", action="store_true", help="no summary, only errors")

    ev = sub.add_parser("evaluate", help="extract every *.txt of a gold folder and score it against *.gold.json")
    ev.add_argument("gold_dir", type=Path)
    ev.add_argument("--meta", type=Path, help="metadata file (default GOLD_DIR/meta.csv when present)")
    ev.add_argument("--output", "-o", type=Path, help="also keep the system output as JSONL here")
    ev.add_argument("--n-process", type=int, default=1)
    ev.add_argument("--config", type=Path)
    _models_options(ev)
    ev.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ev.add_argument("--verbose", action="store_true", help="list every miss and spurious item per article")

    en = sub.add_parser("evaluate-ner", help="entity P/R/F1 of the trained NER and of the whole pipeline on a BIO file")
    en.add_argument("file", type=Path, metavar="FILE", help="token-per-line BIO file ('word [POS] TAG')")
    _models_options(en)
    en.add_argument("--model", type=Path, metavar="PATH", help="score this saved pipeline as it is instead")
    only = en.add_mutually_exclusive_group()
    only.add_argument("--model-only", action="store_true", help="score only the NER model run on the gold words")
    only.add_argument("--pipeline-only", action="store_true", help="score only the whole pipeline (rules + model)")
    en.add_argument("--batch-size", type=int, default=64, help="sentences per nlp.pipe batch (default 64)")
    en.add_argument("--json", action="store_true", help="also print the figures as one JSON object, last line")

    eu = sub.add_parser("evaluate-ud", help="UPOS, lemma, UAS and LAS of the syntax components on a CoNLL-U file")
    eu.add_argument("file", type=Path, metavar="FILE.conllu")
    _models_options(eu)
    eu.add_argument("--model", type=Path, metavar="PATH", help="score this saved pipeline as it is instead")
    eu.add_argument("--batch-size", type=int, default=256, help="sentences per batch (default 256)")
    eu.add_argument("--json", action="store_true", help="also print the figures as one JSON object, last line")

    sh = sub.add_parser("show", help="print a readable summary of a JSONL output")
    sh.add_argument("jsonl", help="a JSONL output file, or - for standard input")
    sh.add_argument("--entities", action="store_true", help="also list the entities")

    li = sub.add_parser("link", help="group the actions that different articles report of one act into events")
    li.add_argument("jsonl", help="a JSONL output file, or - for standard input")
    li.add_argument(
        "-o", "--output", default="-", help="events JSONL file, one event a line (default: standard output)"
    )

    rp = sub.add_parser("report", help="write one self-contained HTML page of charts, events and article views")
    rp.add_argument("jsonl", help="a JSONL output file (of extract --keep-text, for the article views), or - for stdin")
    rp.add_argument("-o", "--output", default="report.html", help="the HTML file to write (default report.html)")
    rp.add_argument(
        "--count",
        choices=("events", "records"),
        default="events",
        help="count events (one act reported by several outlets counts once; default) or action records",
    )
    rp.add_argument("--title", default="tppo_extract report", help="the page's title")
    rp.add_argument(
        "--max-views",
        type=_positive,
        default=500,
        help="articles shown with their view (default 500); the rest are listed",
    )

    sc = sub.add_parser("schema", help="print the JSON Schema of the output records")
    sc.add_argument("--indent", type=int, default=2)
    return ap


def _err(msg: str) -> None:
    print(f"tppo-extract: {msg}", file=sys.stderr)


def _stdin_item(meta: dict[str, str | None], pub_date: str | None, max_bytes: int) -> Item | Result:
    """Standard input as one article, with the checks a file gets (encoding, binary data, size, emptiness)."""
    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read() if stream is not None else sys.stdin.read().encode("utf-8", "surrogateescape")
    try:
        decoded = article_of_bytes(raw, source="stdin", max_bytes=max_bytes)
    except InputError as exc:
        return Result("stdin", failure=Failure(doc_id="stdin", error="InputError", reason=exc.reason))
    pub = lookup_meta(meta, "stdin") or pub_date
    return Item(text=decoded.text, doc_id="stdin", pub_date=pub, encoding=decoded.encoding, from_html=decoded.from_html)


def _expand(
    specs: Sequence[str],
    *,
    meta: dict[str, str | None],
    pub_date: str | None,
    bad_dates: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jsonl_fields: tuple[str, str, str] = ("text", "doc_id", "pub_date"),
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> Iterator[Item | Result]:
    """The inputs of PATH specs, each once with a doc_id of its own: a file's name, or its path relative to the
    folder given; where two inputs would share a doc_id, the later one's is the path as found. An input whose
    metadata row is broken is a failure of its own."""
    seen: set[str] = set()
    bad = bad_dates or {}
    for spec in specs:
        if spec == "-":
            if "stdin" in seen:
                yield Result("stdin", failure=Failure(doc_id="stdin", error="InputError", reason="stdin given twice"))
                continue
            seen.add("stdin")
            yield _stdin_item(meta, pub_date, max_bytes)
            continue
        try:
            paths = list(iter_paths([spec]))
        except InputError as exc:
            yield Result(spec, failure=Failure(doc_id=spec, error="InputError", reason=exc.reason))
            continue
        if not paths:
            yield Result(spec, failure=Failure(doc_id=spec, error="InputError", reason="no *.txt file found"))
        root = Path(spec) if Path(spec).is_dir() else None
        for p in paths:
            if p.suffix.lower() in _SHARD_SUFFIXES and root is None:
                # a shard of articles, one a line (JSONL) or a row (Parquet), read lazily
                for entry in _shard_entries(p, fields=jsonl_fields, max_bytes=max_bytes):
                    did = entry.doc_id or ""
                    if did in seen:
                        why = f"doc_id {did!r} is given twice"
                        yield Result(did, failure=Failure(doc_id=did, error="InputError", reason=why))
                        continue
                    seen.add(did)
                    if isinstance(entry, Item):
                        dated = entry.pub_date or lookup_meta(meta, did) or pub_date
                        entry = dataclasses.replace(entry, pub_date=dated, chunk_chars=chunk_chars)
                    yield entry
                continue
            doc_id = p.relative_to(root).as_posix() if root is not None else p.name
            if doc_id in seen:
                doc_id = p.as_posix()
            if doc_id in seen:
                reason = "the same input is given twice"
                yield Result(doc_id, failure=Failure(doc_id=doc_id, error="InputError", reason=reason))
                continue
            seen.add(doc_id)
            problem = bad.get(doc_id) or bad.get(p.name)
            if problem is not None:
                yield Result(doc_id, failure=Failure(doc_id=doc_id, error="InputError", reason=problem))
                continue
            yield Item(
                path=str(p),
                doc_id=doc_id,
                pub_date=lookup_meta(meta, doc_id) or pub_date,
                max_bytes=max_bytes,
                chunk_chars=chunk_chars,
            )


_SHARD_SUFFIXES = (".jsonl", ".parquet")


def _shard_entries(path: Path, *, fields: tuple[str, str, str], max_bytes: int) -> Iterator[Item | Result]:
    """The entries of a JSONL or Parquet shard; a shard that cannot be read at all (Parquet without pyarrow)
    is one failure of its own, and the run goes on."""
    text_field, id_field, date_field = fields
    if path.suffix.lower() == ".jsonl":
        yield from items_from_jsonl(
            path, text_field=text_field, id_field=id_field, date_field=date_field, max_bytes=max_bytes
        )
        return
    try:
        yield from items_from_parquet(
            path, text_field=text_field, id_field=id_field, date_field=date_field, max_bytes=max_bytes
        )
    except InputError as exc:
        yield Result(str(path), failure=Failure(doc_id=str(path), error="InputError", reason=exc.reason))


def _results(
    entries: Iterator[Item | Result],
    *,
    n_process: int,
    batch_size: int,
    config: Path | None,
    models: bool | Path,
    model_entities: bool,
    syntax: str = "spacy",
    stanza_dir: Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    time_limit: float | None = None,
    keep_text: bool = False,
) -> Iterator[Result]:
    """One Result per entry, in order: failures found while expanding PATHs keep their place (every engine
    passes Results through), and the pipeline is loaded once for the whole run."""
    return iter_results(
        entries,
        n_process=n_process,
        batch_size=batch_size,
        config=config,
        models=models,
        model_entities=model_entities,
        syntax=syntax,
        stanza_dir=stanza_dir,
        engine="dask" if engine == "dask" else "local",
        scheduler=scheduler,
        workers=workers,
        time_limit=time_limit,
        keep_text=keep_text,
    )


def _progress(total: int | None, mode: str) -> Any:
    show = mode == "always" or (mode == "auto" and sys.stderr.isatty())
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True)


def _writable(dest: str, what: str) -> str | None:
    """Why ``dest`` cannot be written as ``what``, or None: its folder must exist and it must not be a folder."""
    p = Path(dest)
    if p.is_dir():
        return f"{what} {dest!r} is a folder; name a file"
    if not p.parent.is_dir():
        return f"{what} {dest!r}: the folder {str(p.parent)!r} does not exist"
    return None


_TABLE_SUFFIXES = (".csv", ".tsv", ".parquet")


def _check_extract_args(args: argparse.Namespace) -> tuple[list[tuple[str, Path]], str | None]:
    """The --table requests, and the first usage problem of the options (None when there is none). Everything
    that can be checked before the run is checked here, so that a mistake costs no extraction."""
    tables: list[tuple[str, Path]] = []
    for spec in args.table:
        kind, _, dest = spec.partition("=")
        if not dest and Path(kind).suffix.lower() == ".duckdb":  # one database file holds every table
            kind, dest = "duckdb", kind
            if importlib.util.find_spec("duckdb") is None:
                return [], f"--table {spec!r}: a DuckDB file needs duckdb: pip install 'tppo-extract[notebook]'"
        elif kind not in ("actions", "quotes", "entities") or not dest:
            return [], f"--table {spec!r}: write it as actions=FILE, quotes=FILE, entities=FILE or FILE.duckdb"
        elif Path(dest).suffix.lower() not in _TABLE_SUFFIXES:
            return [], f"--table {spec!r}: the file must end in {', '.join(_TABLE_SUFFIXES)}"
        if (problem := _writable(dest, "--table")) is not None:
            return [], problem
        tables.append((kind, Path(dest)))
    if args.output != "-" and (problem := _writable(args.output, "--output")) is not None:
        return [], problem
    if args.resume and args.output == "-":
        return [], "--resume needs --output FILE: the records of the earlier run are read from it"
    if args.errors and (problem := _writable(args.errors, "--errors")) is not None:
        return [], problem
    if args.config is not None and not args.config.exists():
        return [], f"--config {str(args.config)!r}: no such file or folder"
    if args.time_limit < 0:
        return [], f"--time-limit {args.time_limit:g}: give seconds, or 0 for no limit"
    if args.pub_date is not None and not args.pub_date.strip():
        return [], "--pub-date is empty; give a date as YYYY-MM-DD or leave the option out"
    if args.engine != "dask" and (args.scheduler or args.workers):
        return [], "--scheduler and --workers go with --engine dask"
    if args.engine == "dask" and args.n_process != 1:
        return [], "--n-process is for the local engine; with --engine dask give --workers N or --scheduler"
    if args.engine == "dask":
        if importlib.util.find_spec("distributed") is None:
            return [], "--engine dask needs dask.distributed: pip install 'tppo-extract[dask]'"
    if any(Path(spec).suffix.lower() == ".parquet" for spec in args.paths):
        if importlib.util.find_spec("pyarrow") is None:
            return [], f"a .parquet input needs pyarrow: {PARQUET_INSTALL}"
    if "-" in args.paths and args.paths.count("-") > 1:
        return [], "standard input (-) can be given once"
    return tables, None


def _failure_line(f: Failure, path: str | None) -> str:
    return json.dumps({"doc_id": f.doc_id, "path": path, "error": f.error, "message": f.reason}, ensure_ascii=False)


def run_extract(args: argparse.Namespace, *, stdout: TextIO) -> int:
    tables, problem = _check_extract_args(args)
    if problem is not None:
        _err(problem)
        return EXIT_USAGE
    fields = tuple(f.strip() for f in args.jsonl_fields.split(","))
    if len(fields) != 3 or not all(fields):
        _err(f"--jsonl-fields {args.jsonl_fields!r}: give three names, TEXT,ID,DATE")
        return EXIT_USAGE
    bad_dates: dict[str, str] = {}
    try:
        meta = read_meta(args.meta, bad_dates=bad_dates) if args.meta else {}
        pub_date = None
        if args.pub_date:
            from .batch import check_pub_date

            pub_date = check_pub_date(args.pub_date, source="--pub-date")
    except InputError as exc:
        _err(str(exc))
        return EXIT_USAGE
    try:
        sink = JsonlSink(args.output, resume=args.resume) if args.output != "-" else None
        errors = JsonlSink(args.errors) if args.errors else None
    except OSError as exc:
        _err(f"cannot write the output: {exc}")
        return EXIT_USAGE
    done = sink.done if sink is not None else set()
    paths: dict[str | None, str | None] = {}  # doc_id -> file, for the error lines (files only: small)

    def entries() -> Iterator[Item | Result]:
        # lazily: a JSONL shard of a million articles is read a batch at a time, never held whole
        for e in _expand(
            args.paths,
            meta=meta,
            pub_date=pub_date,
            bad_dates=bad_dates,
            max_bytes=args.max_bytes,
            jsonl_fields=(fields[0], fields[1], fields[2]),
            chunk_chars=args.chunk_chars,
        ):
            if isinstance(e, Item):
                if e.doc_id in done:
                    continue
                if e.path is not None:
                    paths[e.doc_id] = e.path
            yield e

    bar = _progress(None, args.progress)
    kept: list[Article] = []  # only when the records go to standard output and a table is asked for
    failures: list[Failure] = []
    by_type: collections.Counter[str] = collections.Counter()
    n_ok = 0
    try:
        results = _results(
            entries(),
            n_process=args.n_process,
            batch_size=args.batch_size,
            config=args.config,
            models=args.models,
            model_entities=args.model_entities,
            syntax=args.syntax,
            stanza_dir=args.stanza_dir,
            engine=args.engine,
            scheduler=args.scheduler,
            workers=args.workers,
            time_limit=args.time_limit or None,
            keep_text=args.keep_text,
        )
        for res in results:
            if res.article is not None:
                line = article_json(res.article)
                if sink is not None:
                    sink.write(line)
                else:
                    stdout.write(line + "\n")
                n_ok += 1
                by_type.update(a.type for a in res.article.actions)
                if tables and sink is None:
                    kept.append(res.article)
            else:
                assert res.failure is not None
                failures.append(res.failure)
                if errors is not None:
                    errors.write(_failure_line(res.failure, paths.get(res.failure.doc_id)))
                _err(f"{res.failure.doc_id}: {res.failure.reason} ({res.failure.error})")
            if bar is not None:
                bar.update(1)
    except BaseException:
        # killed or interrupted: the part files stay for --resume; nothing is renamed
        if sink is not None:
            sink.close()
        if errors is not None:
            errors.close()
        raise
    if bar is not None:
        bar.close()
    if sink is not None:
        sink.commit()
    if errors is not None:
        errors.commit()
    # tables are written from the finished output, read back one record at a time (a resumed run's earlier
    # records included), so that no run holds every article in memory
    from .export import read_jsonl

    for kind, dest in tables:
        records = read_jsonl(args.output) if sink is not None else kept
        if kind == "duckdb":
            from .frames import write_duckdb

            write_duckdb(records, dest)
        else:
            write_table(records, dest, table=kind)
    if not args.quiet:
        types = ", ".join(f"{t} {n}" for t, n in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))) or "none"
        skipped = f", {len(done)} kept from the earlier run" if done else ""
        print(f"articles: {n_ok} extracted, {len(failures)} failed{skipped}", file=sys.stderr)
        print(f"actions: {sum(by_type.values())} ({types})", file=sys.stderr)
        for f in failures:
            print(f"failed: {f.doc_id}: {f.reason}", file=sys.stderr)
    return EXIT_FAILURES if failures else EXIT_OK


def run_evaluate(args: argparse.Namespace, *, stdout: TextIO) -> int:
    from .evaluate import evaluate_folder, format_report

    try:
        report = evaluate_folder(
            args.gold_dir,
            meta=args.meta,
            n_process=args.n_process,
            config=args.config,
            models=args.models,
            model_entities=args.model_entities,
            output=args.output,
            syntax=args.syntax,
            stanza_dir=args.stanza_dir,
        )
    except TppoError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if args.verbose:
        for doc, lines in report.log.items():
            if lines:
                print(doc, file=stdout)
                print("\n".join(lines), file=stdout)
    if args.json:
        print(json.dumps(report.figures), file=stdout)
    else:
        print(format_report(report.figures), file=stdout)
    for f in report.failures:
        _err(f"{f.doc_id}: {f.reason} ({f.error})")
    return EXIT_FAILURES if report.failures else EXIT_OK


def _scored_pipeline(args: argparse.Namespace) -> Language:
    """What evaluate-ner/-ud score: a saved pipeline as it is (--model), or the shipped rules with the trained
    components and their entities let in, since "the whole pipeline" means rules and model together."""
    from .pipeline import load

    if args.model is not None:
        return load(args.model)
    return load(models=args.models, model_entities=True, syntax=args.syntax, stanza_dir=args.stanza_dir)


def run_evaluate_ner(args: argparse.Namespace, *, stdout: TextIO) -> int:
    from .evaluate_models import evaluate_ner, format_ner_report

    try:
        result = evaluate_ner(
            args.file,
            nlp=_scored_pipeline(args),
            model=not args.pipeline_only,
            pipeline=not args.model_only,
            batch_size=args.batch_size,
        )
    except TppoError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(format_ner_report(result), file=stdout)
    if args.json:
        print(json.dumps(result), file=stdout)
    return EXIT_OK


def run_evaluate_ud(args: argparse.Namespace, *, stdout: TextIO) -> int:
    from .evaluate_models import evaluate_ud, format_ud_report

    try:
        result = evaluate_ud(args.file, nlp=_scored_pipeline(args), batch_size=args.batch_size)
    except TppoError as exc:
        _err(str(exc))
        return EXIT_USAGE
    print(format_ud_report(result), file=stdout)
    if args.json:
        print(json.dumps(result), file=stdout)
    return EXIT_OK


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def format_article(art: Article, *, entities: bool = False) -> str:
    """A few readable lines about one article's record."""
    head = f"{art.doc_id}  pub_date {art.pub_date or '-'}  {'relevant' if art.relevant else 'not relevant'}"
    lines = [head]
    if art.title:
        lines.append(f"  title: {_short(art.title, 90)}")
    for a in art.actions:
        actor = (a.actors[0].canonical or a.actors[0].text) if a.actors else "-"
        place = a.locations[0].text if a.locations else "-"
        date = a.date.value if a.date and a.date.value else "-"
        count = a.count if a.count is not None else "-"
        lines.append(
            f"  action {a.type} [{a.status} {a.confidence:.2f}] {a.trigger.text!r}\n"
            f"         actor: {actor} | place: {place} | date: {date} | count: {count}"
        )
    for q in art.quotes:
        who = q.speaker.name if q.speaker else "?"
        lines.append(f"  quote ({'direct' if q.direct else 'reported'}) {who}: {_short(q.text)!r}")
    if entities:
        for e in art.entities:
            norm = e.canonical or e.value or e.region_code or ""
            lines.append(f"  {e.label:6s} {e.text!r} {norm}")
    return "\n".join(lines)


def run_show(args: argparse.Namespace, *, stdout: TextIO) -> int:
    from .export import read_jsonl, read_jsonl_stream

    try:
        arts = read_jsonl_stream(sys.stdin, source="stdin") if args.jsonl == "-" else read_jsonl(args.jsonl)
        for art in arts:
            print(format_article(art, entities=args.entities) + "\n", file=stdout)
        stdout.flush()
    except BrokenPipeError:
        # "show OUT | head": the reader has what it wanted; say nothing more
        _quiet_broken_pipe()
        return EXIT_OK
    except (OSError, InputError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    return EXIT_OK


def run_link(args: argparse.Namespace, *, stdout: TextIO) -> int:
    from .events import link_events
    from .export import read_jsonl, read_jsonl_stream

    if args.output != "-" and (problem := _writable(args.output, "--output")) is not None:
        _err(problem)
        return EXIT_USAGE
    n_articles = 0

    def articles() -> Iterator[Article]:
        # one record at a time: linking keeps only what it compares of each action
        nonlocal n_articles
        arts = read_jsonl_stream(sys.stdin, source="stdin") if args.jsonl == "-" else read_jsonl(args.jsonl)
        for art in arts:
            n_articles += 1
            yield art

    try:
        events = link_events(articles())
    except (OSError, InputError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    lines = "".join(json.dumps(e.model_dump(mode="json"), ensure_ascii=False) + "\n" for e in events)
    try:
        if args.output == "-":
            stdout.write(lines)
            stdout.flush()
        else:
            Path(args.output).write_text(lines, encoding="utf-8")
    except BrokenPipeError:
        _quiet_broken_pipe()
        return EXIT_OK
    except OSError as exc:
        _err(f"cannot write the output: {exc}")
        return EXIT_USAGE
    n_records = sum(len(e.members) for e in events)
    multi = sum(1 for e in events if len(e.members) > 1)
    print(
        f"records: {n_records} actions in {n_articles} articles; events: {len(events)}, {multi} with several members",
        file=sys.stderr,
    )
    return EXIT_OK


def run_report(args: argparse.Namespace, *, stdout: TextIO) -> int:
    from .export import read_jsonl, read_jsonl_stream
    from .report import write_report

    if (problem := _writable(args.output, "--output")) is not None:
        _err(problem)
        return EXIT_USAGE
    try:
        arts = list(read_jsonl_stream(sys.stdin, source="stdin") if args.jsonl == "-" else read_jsonl(args.jsonl))
        write_report(arts, args.output, title=args.title, count=args.count, max_views=args.max_views)
    except (OSError, InputError, ImportError) as exc:
        _err(str(exc))
        return EXIT_USAGE
    no_text = sum(1 for a in arts if a.text is None)
    note = f"; {no_text} records carry no text (extract --keep-text shows it)" if no_text else ""
    print(f"report: {len(arts)} articles -> {args.output}{note}", file=sys.stderr)
    return EXIT_OK


def _quiet_broken_pipe() -> None:
    """Point standard output at /dev/null, so that Python's flush at exit does not report the closed pipe."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Entry point of ``tppo-extract``; returns the exit status."""
    args = _parser().parse_args(argv)
    out = stdout if stdout is not None else sys.stdout
    if args.command == "extract":
        return run_extract(args, stdout=out)
    if args.command == "evaluate":
        return run_evaluate(args, stdout=out)
    if args.command == "evaluate-ner":
        return run_evaluate_ner(args, stdout=out)
    if args.command == "evaluate-ud":
        return run_evaluate_ud(args, stdout=out)
    if args.command == "show":
        return run_show(args, stdout=out)
    if args.command == "link":
        return run_link(args, stdout=out)
    if args.command == "report":
        return run_report(args, stdout=out)
    print(json.dumps(json_schema(), indent=args.indent, ensure_ascii=False), file=out)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
