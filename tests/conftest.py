"""Session fixtures: the loaded pipeline and paths."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

import tppo_extract

HERE = Path(__file__).parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


def load_fuzz() -> ModuleType:
    """scripts/fuzz.py as a module: its document generator serves the tests that compare a fast path with
    its definition over generated text."""
    spec = importlib.util.spec_from_file_location("tppo_fuzz_script", ROOT / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fuzz() -> ModuleType:
    return load_fuzz()


@pytest.fixture(scope="session")
def nlp() -> Language:
    return tppo_extract.load()


# Written by the team for the tests; not taken from any news outlet.
SAMPLE_ARTICLE = """Imigrasi Kalianda Bentuk Desa Binaan di Lampung Selatan

Kalianda (Antara) - Kantor Imigrasi Kelas III Non TPI Kalianda pada bulan Maret 2024 telah membentuk Desa Binaan Imigrasi di Desa Bumidaya, Kecamatan Palas, Kabupaten Lampung Selatan.

Kepala Kantor Imigrasi Kalianda Rudi Hartono mengatakan desa binaan dibentuk untuk mencegah tindak pidana perdagangan orang (TPPO) sejak dari kampung.

"Warga harus tahu cara berangkat bekerja ke luar negeri secara prosedural," kata Rudi di Kalianda, Senin.

BACA JUGA: Imigrasi Gelar Lomba Foto di Bandar Lampung

Selama tahun 2023, petugas imigrasi juga menunda keberangkatan 41 calon pekerja migran Indonesia di Bandara Radin Inten II.

Cek Berita dan Artikel yang lain di Google News
"""


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE_ARTICLE
