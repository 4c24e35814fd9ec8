"""Session fixtures: the loaded pipeline and paths."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

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


# ---- the bundled multi-outlet articles (examples/events) ---------------------------------------------------


@pytest.fixture(scope="session")
def event_articles() -> list[tppo_extract.Article]:
    """The team's invented reports of one act by several outlets (examples/events), rules-only, with text."""
    folder = EXAMPLES / "events"
    manifest = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    items = [
        {"path": str(folder / name), "doc_id": name, "pub_date": meta["pub_date"]}
        for name, meta in manifest["articles"].items()
    ]
    return list(tppo_extract.extract_many(items, models=False, keep_text=True))


# ---- a real headless browser (the report and notebook views) ---------------------------------------------

# Chromium's own network traffic (updates, sync, field trials) is switched off: the machine has no network,
# and a page of ours must load with nothing but its own file.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class BrowserPage:
    """A Playwright page of a local file, and the requests it made outside ``file:`` and ``data:`` URLs."""

    def __init__(self, page: Any, requests: list[str]) -> None:
        self._page = page
        self._requests = requests

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)

    def outside_requests(self) -> list[str]:
        return [u for u in self._requests if not u.startswith(("file:", "data:", "about:"))]


@pytest.fixture(scope="session")
def open_page() -> Callable[[Path], contextlib.AbstractContextManager[BrowserPage]]:
    """``with open_page(path) as page:``, a real headless Chromium (Debian's ``chromium``, driven by Playwright)
    showing the file; skips where either is missing (``.ci/run`` installs both)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium on this machine: apt-get install chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the [dev] extra")

    @contextlib.contextmanager
    def _open(path: Path) -> Iterator[BrowserPage]:
        with sync_api.sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1280, "height": 1000})
                requests: list[str] = []
                page.on("request", lambda r: requests.append(r.url))
                # a page that asks the network (a notebook template's CDN scripts) is answered at once with a
                # failure, as on a machine without one; the report's test checks that it asks for nothing
                page.route(re.compile(r"^https?://"), lambda route: route.abort())
                page.goto(Path(path).resolve().as_uri(), wait_until="load")
                yield BrowserPage(page, requests)
            finally:
                browser.close()

    return _open
