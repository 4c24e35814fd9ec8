"""Compile the Kemendagri region list (cahyadsn/wilayah, derived CSV) into the packaged gazetteer.

Usage: ``python scripts/build_gazetteer.py [SOURCE_DIR_OR_CSV] [--out PATH]``. The output is a gzip'd TSV
(code, name, level, subtype, parent) whose bytes depend only on the input, so rebuilding changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "gazetteer" / "wilayah"
DEFAULT_OUT = ROOT / "src" / "tppo_extract" / "resources" / "wilayah" / "regions.tsv.gz"
CSV_NAME = "wilayah_derived.csv"

# source level -> gazetteer level (constants.PLACE_LEVELS)
LEVELS: dict[str, str] = {
    "provinsi": "province",
    "kabupaten_kota": "regency",
    "kecamatan": "district",
    "desa_kelurahan": "village",
}
SUBTYPES: frozenset[str] = frozenset({"", "kabupaten", "kota", "desa", "kelurahan"})
HEADER = ("code", "name", "level", "subtype", "parent")


def read_rows(source: Path) -> list[tuple[str, str, str, str, str]]:
    """The validated rows of the derived CSV, sorted by code."""
    path = source / CSV_NAME if source.is_dir() else source
    rows: list[tuple[str, str, str, str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            code = rec["kode"].strip()
            # Some names carry stray or doubled spaces ("Kota Administrasi Jakarta Utara ").
            name = " ".join(rec["nama"].split())
            level = LEVELS.get(rec["level"].strip())
            subtype = (rec.get("subtype") or "").strip()
            parent = (rec.get("parent_kode") or "").strip()
            if level is None or not code or not name:
                raise ValueError(f"{path}: bad row {rec!r}")
            if subtype not in SUBTYPES or "\t" in name:
                raise ValueError(f"{path}: bad subtype or name in {rec!r}")
            if parent and not code.startswith(parent + "."):
                raise ValueError(f"{path}: {code} does not lie under its parent {parent}")
            rows.append((code, name, level, subtype, parent))
    rows.sort(key=lambda r: [int(p) for p in r[0].split(".")])
    return rows


def to_bytes(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    """Gzip'd TSV; mtime 0 and no file name in the header keep the bytes reproducible."""
    text = "\n".join("\t".join(r) for r in [HEADER, *rows]) + "\n"
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE,
                        help=f"folder holding {CSV_NAME}, or the CSV itself")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    rows = read_rows(args.source)
    data = to_bytes(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{args.out}: {len(rows)} regions, {len(data)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
