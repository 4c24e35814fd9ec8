"""Property: every span in every record slices the original text exactly, whatever the text."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from spacy.language import Language

import tppo_extract
from tppo_extract.records import Article

# Fragments in the shape of the news the pipeline reads, written by the team; hypothesis glues them
# together with noise so that zone, quote and entity boundaries fall in odd places.
FRAGMENTS = [
    "Kantor Imigrasi Kelas I TPI Tanjung Priok",
    "Kanim Kelas II Non TPI Karimun",
    "Kanwil Kemenkumham Sumsel",
    "Polda Kaltim",
    "BP3MI Banten",
    "menunda keberangkatan 93 calon PMI",
    "menolak 247 permohonan paspor",
    "membentuk Desa Binaan Imigrasi di Desa Bumidaya, Kecamatan Palas",
    "menggelar rapat koordinasi pencegahan TPPO",
    "pada bulan Maret 2024",
    "Senin (12/3/2024)",
    "Selasa (27/6)",
    "tahun 2023",
    "Jakarta, Senin (12/3/2024) - ",
    "Yogyakarta (ANTARA) - ",
    '"Kami akan terus mengawasi," kata Budi Santoso.',
    "“Tidak ada toleransi,” ujarnya.",
    "Menurut Siti Rahma, sosialisasi sudah dilakukan.",
    "BACA JUGA: Imigrasi Gelar Lomba",
    "BACA JUGA:Kemenkumham Raih Penghargaan",
    "Cek Berita dan Artikel yang lain di Google News",
    "Sumber:",
    "***",
    "Kepala Imigrasi Tanjungpinang Rudi Hartono Siregar mengatakan",
    "Rp1,5 juta",
    "warga-warga",
    "Kab. Lampung Selatan",
]
SEPARATORS = [" ", ". ", ", ", "\n", "\n\n", "\r\n", '"', "“", "”", " - ", "\t", ""]

texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS), st.text(max_size=12)),
    min_size=1,
    max_size=30,
).map("".join)


def spans_of(model: BaseModel) -> Iterator[BaseModel]:
    fields = type(model).model_fields
    if {"start", "end", "text"} <= set(fields) and isinstance(model.start, int):
        yield model
    for name in fields:
        value = getattr(model, name)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, BaseModel):
                yield from spans_of(v)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_every_span_slices_the_original_text(nlp: Language, text: str) -> None:
    article = tppo_extract.extract(text, nlp=nlp, pub_date="2024-03-15")
    n = 0
    for span in spans_of(article):
        assert text[span.start : span.end] == span.text  # type: ignore[attr-defined]
        n += 1
    # zones tile the text, so any non-empty text yields at least one span
    if text:
        assert n >= 1
    assert Article.model_validate_json(article.model_dump_json()) == article


def test_spans_found_on_sample(nlp: Language, sample_text: str) -> None:
    article = tppo_extract.extract(sample_text, nlp=nlp)
    spans = list(spans_of(article))
    assert len(spans) > 10
    for span in spans:
        assert sample_text[span.start : span.end] == span.text  # type: ignore[attr-defined]
