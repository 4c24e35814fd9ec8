"""The one loader of the package's word lists and small tables (``resources/<kind>/<name>``), validated on load.

A word list holds one entry a line (a word or a phrase, in the order given); a table holds tab-separated
columns. Lines starting with ``#`` are comments, empty lines separate groups. A malformed file raises
:class:`~tppo_extract.errors.ResourceError` naming the file, the line and the problem.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from importlib import resources
from typing import Protocol

from ..errors import ResourceError


class Readable(Protocol):
    """A file to read: a :class:`pathlib.Path` or an ``importlib.resources`` traversable."""

    def read_bytes(self) -> bytes: ...


_COMMENT = "#"
_BOM = "\ufeff"


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ResourceError(source, f"line {line}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc


def _entries(text: str, source: str, *, cells: bool = False) -> list[tuple[int, str]]:
    """(line number, line) of the lines that are neither empty nor comments; white space around an entry,
    a blank line of spaces or a byte-order mark raise, as they would silently never match."""
    out: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith(_COMMENT):
            continue
        if not line.strip():
            raise ResourceError(source, f"line {n}: only white space (leave separating lines empty)")
        if line.startswith(_BOM):
            raise ResourceError(source, f"line {n}: a byte-order mark (save the file as UTF-8 without BOM)")
        if line != line.strip() and not cells:  # a table checks each of its cells
            raise ResourceError(source, f"line {n}: white space before or after {line.strip()!r}")
        out.append((n, line))
    return out


def parse_words(text: str, *, source: str, longest_first: bool = False) -> tuple[str, ...]:
    """The entries of a word list's ``text`` in file order; ``source`` names the file in errors.

    An entry is one word or a phrase of words separated by single spaces; one given twice, a tab or a run
    of spaces inside one raises :class:`ResourceError`. With ``longest_first`` (a list that becomes a regex
    alternation, tried in order) a phrase after one that begins it ("Bandara Internasional" after
    "Bandara") raises too: the shorter would always match first.
    """
    seen: dict[str, int] = {}
    for n, entry in _entries(text, source):
        if "\t" in entry:
            raise ResourceError(source, f"line {n}: a tab in {entry!r} (a word list has one column)")
        if "  " in entry:
            raise ResourceError(source, f"line {n}: two spaces in a row in {entry!r}")
        if entry in seen:
            raise ResourceError(source, f"line {n}: {entry!r} is listed twice (first on line {seen[entry]})")
        if longest_first:
            words = entry.split(" ")
            for earlier, m in seen.items():
                if words[: earlier.count(" ") + 1] == earlier.split(" "):
                    raise ResourceError(
                        source, f"line {n}: {entry!r} must come before {earlier!r} (line {m}), which begins it"
                    )
        seen[entry] = n
    return tuple(seen)


# Checks one row of a table: the problem with it, or None when it is fine.
RowCheck = Callable[[tuple[str, ...]], "str | None"]


def parse_table(
    text: str, *, source: str, columns: int, check: RowCheck | None = None
) -> tuple[tuple[str, ...], ...]:
    """The rows of a table's ``text``: ``columns`` tab-separated cells each, none empty, the first (the key)
    unique, and each passing ``check`` when given. ``source`` names the file in errors."""
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    for n, line in _entries(text, source, cells=True):
        cells = tuple(line.split("\t"))
        if len(cells) != columns:
            raise ResourceError(source, f"line {n}: {len(cells)} tab-separated column(s), expected {columns}")
        for k, c in enumerate(cells, 1):
            if not c:
                raise ResourceError(source, f"line {n}: column {k} is empty")
            if c != c.strip():
                raise ResourceError(source, f"line {n}: white space around {c.strip()!r} in column {k}")
        if cells[0] in seen:
            raise ResourceError(source, f"line {n}: {cells[0]!r} is listed twice (first on line {seen[cells[0]]})")
        problem = check(cells) if check is not None else None
        if problem is not None:
            raise ResourceError(source, f"line {n}: {problem}")
        seen[cells[0]] = n
        rows.append(cells)
    return tuple(rows)


def read_words(file: Readable, *, source: str | None = None, longest_first: bool = False) -> tuple[str, ...]:
    """The entries of the word list ``file`` (see :func:`parse_words`)."""
    name = source or str(file)
    return parse_words(_read(file, name), source=name, longest_first=longest_first)


def read_table(
    file: Readable, *, columns: int, check: RowCheck | None = None, source: str | None = None
) -> tuple[tuple[str, ...], ...]:
    """The rows of the table ``file`` (see :func:`parse_table`)."""
    name = source or str(file)
    return parse_table(_read(file, name), source=name, columns=columns, check=check)


def _read(file: Readable, source: str) -> str:
    try:
        data = file.read_bytes()
    except OSError as exc:  # FileNotFoundError included
        raise ResourceError(source, f"cannot be read ({exc})") from exc
    return _decode(data, source)


def _packaged(kind: str, name: str) -> Readable:
    return resources.files("tppo_extract").joinpath("resources").joinpath(kind).joinpath(name)


def load_text(kind: str, name: str) -> str:
    """The text of the packaged file ``resources/<kind>/<name>`` for a loader with a grammar of its own
    (``speech/verbs.tsv``): UTF-8 checked, a missing file a :class:`ResourceError`."""
    return _read(_packaged(kind, name), f"{kind}/{name}")


@functools.cache
def load_words(kind: str, name: str, *, longest_first: bool = False) -> tuple[str, ...]:
    """The entries of the packaged word list ``resources/<kind>/<name>``, in file order (cached; a tuple,
    so no caller can change what the next one gets). ``longest_first`` as in :func:`parse_words`."""
    return read_words(_packaged(kind, name), source=f"{kind}/{name}", longest_first=longest_first)


@functools.cache
def load_table(
    kind: str, name: str, *, columns: int, check: RowCheck | None = None
) -> tuple[tuple[str, ...], ...]:
    """The rows of the packaged table ``resources/<kind>/<name>`` (cached; ``check`` as in
    :func:`parse_table`)."""
    return read_table(_packaged(kind, name), columns=columns, check=check, source=f"{kind}/{name}")


def word_set(kind: str, name: str, *, key: Callable[[str], str] | None = None) -> frozenset[str]:
    """The entries of ``resources/<kind>/<name>`` as a set, each passed through ``key`` when given."""
    words = load_words(kind, name)
    return frozenset(words if key is None else map(key, words))
