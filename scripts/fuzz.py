"""Fuzz the whole pipeline: generated documents through the batch API, zero unexpected exceptions, every offset valid.

    python scripts/fuzz.py [--n 10000] [--seed 0] [--models]        # make fuzz

Documents glue together news fragments (units, acts, dates, datelines, quotes, furniture), brackets and quote
marks, digits and slashes, and random Unicode, lone surrogates included, at random lengths. Each goes through
``iter_results`` (rules only unless --models) in batches, as the CLI runs them. Expected: a record whose every
span slices the document exactly and that survives a JSON round trip, or a named ``InputError`` (for text
that no encoding can write, or that holds no text). Anything else (another exception class, a bad offset) is
printed with the document's seed and counts as a failure; the exit status is 1 when there is one.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Iterator

from pydantic import BaseModel

# Fragments in the shape of the news the pipeline reads, written by the team.
FRAGMENTS = [
    "Kantor Imigrasi Kelas I TPI Tanjung Priok", "Kanim Kelas II Non TPI Karimun", "Kanwil Kemenkumham Sumsel",
    "Polda Kaltim", "BP3MI Banten", "Satgas TPPO", "Dinas Sosial Kabupaten Sukamaju", "TPI Bahari",
    "menunda keberangkatan 93 calon PMI", "menolak 247 permohonan paspor", "menggelar rapat koordinasi",
    "membentuk Desa Binaan Imigrasi di Desa Bumidaya, Kecamatan Palas", "sosialisasi pencegahan TPPO",
    "memulangkan 14 korban", "mengungkap 37 kasus", "pada bulan Maret 2024", "Senin (12/3/2024)", "Selasa (27/6)",
    "tahun 2023", "sejak Januari sampai dengan Desember 2020", "Jakarta, Senin (12/3/2024) - ",
    "Yogyakarta (ANTARA) - ", '"Kami akan terus mengawasi," kata Budi Santoso.', "“Tidak ada toleransi,” ujarnya.",
    "Menurut Siti Rahma, sosialisasi sudah dilakukan.", "BACA JUGA: Imigrasi Gelar Lomba", "Sumber:", "***",
    "Cek Berita dan Artikel yang lain di Google News", "Kepala Imigrasi Tanjungpinang Rudi Hartono mengatakan",
    "Rp1,5 juta", "warga-warga", "Kab. Lampung Selatan", "di SMKN 7", "di Kanim Sukamaju", "sebanyak 1.240 orang",
    "Peserta yang hadir ada 45 orang", "Kegiatan ini dihadiri 20 warga", "(Kepri)", "Pelabuhan Internasional Batam",
]  # fmt: skip
SEPARATORS = [" ", ". ", ", ", "\n", "\n\n", "\r\n", '"', "“", "”", " - ", "\t", "", "(", ")", "[", "]", "/", "'"]
# Code points of every kind: ASCII, Latin-1, Indonesian punctuation, CJK, emoji, combining marks, controls,
# private use, and the surrogates that a str can hold after a bad decode.
_RANGES = [(0x20, 0x7E), (0x00, 0x1F), (0xA0, 0xFF), (0x2010, 0x2060), (0x0300, 0x036F), (0x4E00, 0x4E80),
           (0x1F600, 0x1F64F), (0xE000, 0xE010), (0xD800, 0xDFFF), (0x0600, 0x06FF), (0xFFF0, 0xFFFF)]  # fmt: skip


def _noise(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lo, hi = rng.choice(_RANGES)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def document(seed: int) -> str:
    """The generated document of ``seed`` (the same seed gives the same text)."""
    rng = random.Random(seed)
    parts: list[str] = []
    for _ in range(rng.randint(1, 60)):
        r = rng.random()
        if r < 0.45:
            parts.append(rng.choice(FRAGMENTS))
        elif r < 0.75:
            parts.append(rng.choice(SEPARATORS))
        elif r < 0.85:
            parts.append(str(rng.randint(0, 10**rng.randint(1, 7))) + rng.choice(["", "/", ".", ",", "-"]))
        elif r < 0.97:
            parts.append(_noise(rng, rng.randint(1, 12)))
        else:
            parts.append(rng.choice(FRAGMENTS) * rng.randint(2, 40))  # a repeated run, as scrapes have
    return "".join(parts)


def spans_of(model: BaseModel) -> Iterator[BaseModel]:
    """Every (start, end, text) span inside a record."""
    fields = type(model).model_fields
    if {"start", "end", "text"} <= set(fields) and isinstance(model.start, int):  # type: ignore[attr-defined]
        yield model
    for name in fields:
        value = getattr(model, name)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, BaseModel):
                yield from spans_of(v)


def check(n: int, *, seed: int = 0, models: bool = False, batch_size: int = 16) -> list[str]:
    """Run ``n`` documents from ``seed`` on; the problems found, one line each (empty: all good)."""
    from tppo_extract.batch import Item, iter_results
    from tppo_extract.records import Article

    texts = {f"fuzz-{seed + k}": document(seed + k) for k in range(n)}
    items = (Item(text=t, doc_id=doc_id) for doc_id, t in texts.items())
    problems: list[str] = []
    for res in iter_results(items, models=models, batch_size=batch_size):
        text = texts[res.doc_id]
        if res.failure is not None:
            if res.failure.error != "InputError":
                problems.append(f"{res.doc_id}: unexpected {res.failure.error}: {res.failure.reason}")
            continue
        assert res.article is not None
        for span in spans_of(res.article):
            start, end, got = span.start, span.end, span.text  # type: ignore[attr-defined]
            if text[start:end] != got:
                problems.append(f"{res.doc_id}: span {start}-{end} {got!r} is not the text there")
        if Article.model_validate_json(res.article.model_dump_json()) != res.article:
            problems.append(f"{res.doc_id}: the record does not survive a JSON round trip")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="documents (default 10,000)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the first document")
    ap.add_argument("--models", action="store_true", help="with the trained components (slower)")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    problems = check(args.n, seed=args.seed, models=args.models)
    for p in problems[:50]:
        print(p)
    print(f"{args.n} documents in {time.perf_counter() - t0:.0f} s: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
