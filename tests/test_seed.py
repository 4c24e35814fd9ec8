"""The seed situation of the project, end to end, on text written by the team."""

from __future__ import annotations

from spacy.language import Language

import tppo_extract

SEED = """Kanwil Kemenkumham Lampung Perkuat Pencegahan Perdagangan Orang

Divisi Keimigrasian Kemenkumham Lampung terus memperluas upaya pencegahan TPPO di daerah asal pekerja migran.

BACA JUGA: Kemenkumham Lampung Gelar Lomba Paduan Suara

Sebagai contoh, Kantor Imigrasi Kelas III Non TPI Kalianda pada bulan Maret 2024 telah membentuk Desa Binaan Imigrasi di Desa Bumidaya, Kecamatan Palas, Kabupaten Lampung Selatan.

"Warga desa kini tahu cara menjadi pekerja migran yang prosedural," tutup Andi Saputra. ***

Cek Berita dan Artikel yang lain di Google News

Sumber:"""


def test_seed_community_program(nlp: Language) -> None:
    art = tppo_extract.extract(SEED, doc_id="seed.txt", nlp=nlp)
    programs = [a for a in art.actions if a.type == "community_program"]
    assert len(programs) == 1
    act = programs[0]
    assert "membentuk Desa Binaan Imigrasi" in act.evidence.text
    assert act.actors and act.actors[0].text == "Kantor Imigrasi Kelas III Non TPI Kalianda"
    assert act.locations and act.locations[0].text == "Desa Bumidaya"
    assert act.date is not None and act.date.value == "2024-03"
    assert act.status == "done"


def test_seed_furniture_is_marked_not_extracted(nlp: Language) -> None:
    art = tppo_extract.extract(SEED, nlp=nlp)
    furniture = [z.text.strip() for z in art.zones if z.kind == "furniture"]
    assert any(t.startswith("BACA JUGA") for t in furniture)
    assert any("Google News" in t for t in furniture)
    assert all("Paduan Suara" not in e.text for e in art.entities)
    assert "".join(z.text for z in art.zones) == SEED


def test_seed_closing_quote(nlp: Language) -> None:
    art = tppo_extract.extract(SEED, nlp=nlp)
    quotes = [q for q in art.quotes if q.direct]
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Warga desa kini tahu")
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Andi Saputra"
    assert quotes[0].cue is not None and quotes[0].cue.text.lower() == "tutup"
