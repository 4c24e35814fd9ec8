"""The notebooks run from top to bottom, and their cells show what their text says they show: each check
reads the outputs of a tagged cell (``metadata.tags``), so a cell that runs but shows nothing fails."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
NAMES = ("01_quickstart", "02_corpus", "03_evaluation")


def test_the_notebooks_are_these_and_are_committed_without_outputs() -> None:
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == sorted(NAMES)
    for name in NAMES:
        nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, f"{name}: a cell was committed with output"


_executed: dict[str, Any] = {}


def _run(name: str) -> Any:
    """The notebook, executed once per test session."""
    if name not in _executed:
        nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
        ).execute()
        _executed[name] = nb
    return _executed[name]


def _cell(nb: Any, tag: str) -> Any:
    cells = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    assert len(cells) == 1, f"one cell tagged {tag!r}"
    return cells[0]


def _text(cell: Any) -> str:
    """What the cell printed and its plain-text results."""
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(str(out.data.get("text/plain", "")))
    return "\n".join(parts)


def _html(cell: Any) -> str:
    return "\n".join(
        str(out.data.get("text/html", ""))
        for out in cell.outputs
        if out.output_type in ("execute_result", "display_data")
    )


def _images(cell: Any) -> list[str]:
    return [
        kind
        for out in cell.outputs
        if out.output_type in ("execute_result", "display_data")
        for kind in out.data
        if kind.startswith("image/")
    ]


def _table_rows(html: str) -> int:
    body = html.split("<tbody>", 1)[-1]
    return body.count("<tr")


# (notebook, tag, check of the cell): what a reader of the notebook is told they will see
CHECKS: list[tuple[str, str, Callable[[Any], None]]] = []


def check(name: str, tag: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    def register(fn: Callable[[Any], None]) -> Callable[[Any], None]:
        CHECKS.append((name, tag, fn))
        return fn

    return register


@check("01_quickstart", "showcase")
def _showcase(cell: Any) -> None:
    text = _text(cell)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) >= 2, "the showcase cell prints one line per action"
    first = lines[0]
    assert first.startswith("departure_prevention")
    assert "actor: Kantor Imigrasi Kelas I TPI Bandar Lampung" in first
    assert "count: 12" in first and "date: 2024-02-20" in first and "Bandara Radin Inten II" in first


@check("01_quickstart", "quotes")
def _quotes(cell: Any) -> None:
    lines = [line for line in _text(cell).splitlines() if line.strip()]
    assert lines and all(line.startswith("Anton Wibisono -> ") for line in lines), "every quote has its speaker"


@check("01_quickstart", "entities")
def _entities(cell: Any) -> None:
    rows = [line.split(None, 1) for line in _text(cell).splitlines() if line.strip()]
    agencies = [rest for label, rest in rows if label == "AGENCY"]
    persons = [rest for label, rest in rows if label == "PERSON"]
    assert any(a.startswith("'Kantor Imigrasi Bandar Lampung'") for a in agencies)
    assert not any("Anton" in a for a in agencies), "an agency must not swallow the speaker's name"
    assert any(p.startswith("'Anton Wibisono'") for p in persons)


@check("01_quickstart", "view")
def _view(cell: Any) -> None:
    html = _html(cell)
    assert 'class="tppo-view"' in html
    for kind in ("entity", "quote", "trigger"):
        assert f'data-kind="{kind}"' in html
    assert 'data-label="departure_prevention"' in html
    assert "menunda keberangkatan" in html  # the text itself is shown, not only the table


@check("02_corpus", "load")
def _load(cell: Any) -> None:
    m = re.search(r"(\d+) articles, (\d+) relevant, (\d+) action records", _text(cell))
    assert m and int(m.group(1)) == 30 and int(m.group(3)) > 30


@check("02_corpus", "actions")
def _actions(cell: Any) -> None:
    html = _html(cell)
    assert "province" in html and "event_id" in html and _table_rows(html) == 10


@check("02_corpus", "events")
def _events(cell: Any) -> None:
    m = re.search(
        r"action records: (\d+) \| events: (\d+) \| events reported by more than one article: (\d+)", _text(cell)
    )
    assert m, _text(cell)
    records, events, multi = map(int, m.groups())
    assert events < records and multi >= 6
    assert _table_rows(_html(cell)) == multi


@check("02_corpus", "chart")
def _chart(cell: Any) -> None:
    assert _images(cell), "the chart cell draws a figure"


@check("02_corpus", "duckdb")
def _duckdb(cell: Any) -> None:
    html = _html(cell)
    assert "province" in html and "events" in html and "records" in html and _table_rows(html) >= 5


@check("02_corpus", "view")
def _corpus_view(cell: Any) -> None:
    assert 'class="tppo-view"' in _html(cell) and 'data-status="planned"' in _html(cell)


@check("02_corpus", "report")
def _report(cell: Any) -> None:
    path = _text(cell).split()[0]
    assert path.endswith("corpus_report.html") and (NOTEBOOKS / path).is_file()


@check("03_evaluation", "scores")
def _scores(cell: Any) -> None:
    html = _html(cell)
    for row in ("agencies", "places", "dates", "persons", "quotes", "records", "types"):
        assert f"<th>{row}</th>" in html


@check("03_evaluation", "accuracy")
def _accuracy(cell: Any) -> None:
    html = _html(cell)
    assert _table_rows(html) >= 8 and "<th>actor</th>" in html


@check("03_evaluation", "confusion")
def _confusion(cell: Any) -> None:
    html = _html(cell)
    assert "departure_prevention" in html and ("(missed)" in html or "(spurious)" in html)


@check("03_evaluation", "misses")
def _misses(cell: Any) -> None:
    assert re.search(r"^\s+(action|agencies|places|persons|quote|date)", _text(cell), re.MULTILINE)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("name", "tag", "fn"), CHECKS, ids=[f"{n}:{t}" for n, t, _ in CHECKS])
def test_the_cell_shows_what_it_says(name: str, tag: str, fn: Callable[[Any], None]) -> None:
    nb = _run(name)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
    fn(_cell(nb, tag))


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_corpus_notebook_exported_to_html_renders_in_chromium(tmp_path: Path, open_page: Any) -> None:
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(_run("02_corpus"))
    page_file = tmp_path / "02_corpus.html"
    page_file.write_text(body, encoding="utf-8")
    with open_page(page_file) as page:
        chart = page.locator("img[src^='data:image/png']").first
        assert chart.is_visible()
        assert page.evaluate("(img) => img.naturalWidth", chart.element_handle()) > 300
        view = page.locator(".tppo-view").first
        view.scroll_into_view_if_needed()
        assert view.is_visible()
        assert page.locator(".tppo-view [data-kind=trigger]").count() > 0
        box = view.bounding_box()
        assert box is not None and box["height"] > 100
        shot = page.screenshot()
    from PIL import Image

    img = Image.open(io.BytesIO(shot)).convert("L")
    assert len(img.getcolors(maxcolors=1 << 16) or []) > 20, "the screenshot is blank"
