"""The batch report: one self-contained page of figures, charts, events and article views; the same page
opened in a real headless Chromium (the open_page fixture of conftest.py)."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tppo_extract import Article, link_events, write_jsonl
from tppo_extract.cli import main
from tppo_extract.report import build_report, write_report

pytest.importorskip("matplotlib")


@pytest.fixture(scope="module")
def articles(event_articles: list[Article]) -> list[Article]:
    return event_articles


class _Page(HTMLParser):
    """What a test reads back from the page: figures, charts, tables' rows, sections, links and resources."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: dict[str, str] = {}
        self.charts: list[str] = []
        self.svgs = 0
        self.rows: dict[str, int] = {}
        self.sections: list[str] = []
        self.links: list[str] = []
        self.resources: list[str] = []  # anything a browser would fetch
        self.scripts = 0
        self._table: str | None = None
        self._in_tbody = False
        self._figure: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in ("link", "iframe", "object", "embed"):
            self.resources.append(f"{tag} {a}")
        for key in ("src", "xlink:href", "href"):
            value = a.get(key) or ""
            if value and not value.startswith(("#", "data:")) and tag not in ("a",):
                self.resources.append(f"{tag} {key}={a[key]}")
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        if tag == "div" and a.get("data-figure"):
            self._figure = a["data-figure"]
        if tag == "figure" and a.get("data-chart"):
            self.charts.append(str(a["data-chart"]))
        if tag == "svg":
            self.svgs += 1
        if tag == "table" and a.get("data-table"):
            self._table = a["data-table"]
            self.rows[self._table] = 0
        if tag == "tbody":
            self._in_tbody = True
        if tag == "tr" and self._in_tbody and self._table:
            self.rows[self._table] += 1
        if tag == "section" and a.get("id"):
            self.sections.append(str(a["id"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_tbody = False
        if tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._figure and data.strip():
            self.figures[self._figure] = data.strip()
            self._figure = None


def _read(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    return p


def test_the_page_holds_the_summary_charts_events_and_views(articles: list[Article]) -> None:
    page = _read(build_report(articles))
    events = link_events(articles)
    assert page.figures == {
        "articles": str(len(articles)),
        "relevant": str(sum(a.relevant for a in articles)),
        "records": str(sum(len(a.actions) for a in articles)),
        "events": str(len(events)),
        "multi": str(sum(len(e.doc_ids) > 1 for e in events)),
    }
    assert page.charts == ["events by type", "events by province (top 15)", "events by month"]
    assert page.svgs == 3
    assert page.rows["events"] == len(events)
    assert page.rows["articles"] == len(articles)
    assert page.rows["types"] == len({e.type for e in events})
    assert len(page.sections) == len(articles)
    # every link from the index and the events table leads to a view in the page
    assert page.links and {link.lstrip("#") for link in page.links} <= set(page.sections)


def test_nothing_is_fetched_when_the_page_is_viewed(articles: list[Article]) -> None:
    page_text = build_report(articles)
    page = _read(page_text)
    assert page.scripts == 0
    assert page.resources == []
    # the only URLs are the SVG namespaces, which name a vocabulary and are never fetched
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page_text))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}


def test_counting_records_instead_of_events(articles: list[Article]) -> None:
    by_events = _read(build_report(articles, count="events"))
    by_records = _read(build_report(articles, count="records"))
    assert by_records.charts[0] == "action records by type"
    assert int(by_events.figures["events"]) < int(by_records.figures["records"])
    with pytest.raises(ValueError, match="count must be"):
        build_report(articles, count="mentions")  # type: ignore[arg-type]


def test_records_without_text_still_get_a_view_and_views_can_be_capped(articles: list[Article]) -> None:
    bare = [a.model_copy(update={"text": None}) for a in articles]
    page = _read(build_report(bare, max_views=3))
    assert len(page.sections) == 3
    assert page.rows["articles"] == len(articles)
    assert "more articles are listed without a view" in build_report(bare, max_views=3)


def test_an_empty_batch_makes_a_page() -> None:
    page = _read(build_report([]))
    assert page.figures["articles"] == "0" and page.svgs == 3


def test_cli_report(articles: list[Article], tmp_path: Path) -> None:
    src = tmp_path / "out.jsonl"
    write_jsonl(articles, src)
    dest = tmp_path / "report.html"
    assert main(["report", str(src), "-o", str(dest)], stdout=io.StringIO()) == 0
    assert _read(dest.read_text(encoding="utf-8")).figures["articles"] == str(len(articles))
    assert main(["report", str(tmp_path / "missing.jsonl"), "-o", str(dest)]) == 2
    assert main(["report", str(src), "-o", str(tmp_path / "no" / "dir" / "r.html")]) == 2
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    assert main(["report", str(tmp_path / "bad.jsonl"), "-o", str(dest)]) == 2


# ---- in a real browser ----------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_report_renders_in_headless_chromium(articles: list[Article], tmp_path: Path, open_page: Any) -> None:
    path = write_report(articles, tmp_path / "report.html")
    with open_page(path) as page:
        charts = page.locator("figure.tppo-chart svg")
        assert charts.count() == 3
        for i in range(3):
            box = charts.nth(i).bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 100
        # the bars are drawn: each chart has filled paths of the bar colour
        assert page.locator("figure.tppo-chart svg path[style*='#4c78a8']").count() >= 3
        assert page.locator("section.tppo-article .tppo-view").count() == len(articles)
        # nothing runs off the side of the page: long ids and names wrap
        page.set_viewport_size({"width": 800, "height": 1000})
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        page.set_viewport_size({"width": 1280, "height": 1000})
        # a link from the events table scrolls to its article's view
        link = page.locator("table[data-table=events] a").first
        target = link.get_attribute("href")
        assert target and target.startswith("#")
        link.click()
        assert page.locator(f"section{target}").is_visible()
        assert page.evaluate("window.scrollY") > 0
        shot = page.screenshot(full_page=False)
        assert page.outside_requests() == []
    _assert_not_blank(shot)


def _assert_not_blank(png: bytes) -> None:
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("L")
    colours = img.getcolors(maxcolors=1 << 16) or []
    assert len(colours) > 20, "the screenshot is blank"
    extrema = img.getextrema()
    assert isinstance(extrema, tuple) and extrema[1] - extrema[0] > 100
