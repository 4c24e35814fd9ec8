"""Crash-safe JSONL output: whole lines, a part file until the run ends, and resuming a killed run.

A batch over hundreds of thousands of articles must survive being killed. :class:`JsonlSink` writes each
record as one whole line into ``PATH.part`` and flushes it; only when the run ends does the part file replace
``PATH`` (one ``os.replace``), so a killed run never leaves a file that looks complete, and a good output of
an earlier run stays untouched until the new one is whole. With ``resume=True`` the complete lines of an
earlier run are kept (those of its part file, else of ``PATH``), a partial last line is cut off, and their
``doc_id`` values are :attr:`JsonlSink.done`, so that the caller can skip those inputs.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from types import TracebackType
from typing import IO

from .errors import InputError

PART_SUFFIX = ".part"


def part_path(path: str | Path) -> Path:
    """Where a run writes ``path`` until it ends."""
    p = Path(path)
    return p.with_name(p.name + PART_SUFFIX)


def complete_lines(path: Path) -> tuple[int, set[str]]:
    """The byte length of the leading complete records of the JSONL file ``path`` (each a JSON object with a
    ``doc_id``, ended by a newline) and their doc_ids. A partial or broken line ends the count: a run killed
    while writing leaves at most one, and everything after it is discarded."""
    done: set[str] = set()
    good = 0
    with path.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                obj = json.loads(line)
            except ValueError:
                break
            if not isinstance(obj, dict) or not isinstance(obj.get("doc_id"), str):
                break
            done.add(obj["doc_id"])
            good += len(line)
    return good, done


class JsonlSink:
    """Write JSONL records to ``path`` crash-safely (see the module docstring)."""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        self.path = Path(path)
        self.part = part_path(self.path)
        self.done: set[str] = set()
        if resume and self.part.exists():
            size, self.done = complete_lines(self.part)
            with self.part.open("r+b") as fh:
                fh.truncate(size)  # a partial last line of the killed run goes
        elif resume and self.path.exists():
            shutil.copyfile(self.path, self.part)
            size, self.done = complete_lines(self.part)
            with self.part.open("r+b") as fh:
                fh.truncate(size)
        else:
            self.part.write_bytes(b"")
        self._fh: IO[str] | None = self.part.open("a", encoding="utf-8", newline="\n")

    def write(self, line: str) -> None:
        """Append one record (a JSON line without its newline) and flush it to the file."""
        if self._fh is None:
            raise ValueError(f"{self.path}: the output is already closed")
        if "\n" in line:
            raise InputError(self.path, "a record must be one line")
        self._fh.write(line + "\n")
        self._fh.flush()

    def commit(self) -> None:
        """End the run: the part file becomes ``path``."""
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
        os.replace(self.part, self.path)

    def close(self) -> None:
        """Stop writing without committing: the part file stays for ``resume``."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.close()
