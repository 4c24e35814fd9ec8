"""``tppo-extract report``: one self-contained HTML page that summarises a batch of records.

The page holds a summary (articles, relevant articles, action records, events), charts of actions by type,
by province and by month, the most active bodies, a table of events and each article's view
(:func:`tppo_extract.render`) behind a link from the index. The charts are SVG drawn by matplotlib and
written into the page, so nothing is fetched when it is viewed: no script, no font, no stylesheet from a
network. Counts are of events (the same act reported by several outlets counts once,
:func:`tppo_extract.events.link_events`) unless ``count="records"`` is asked for.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from .constants import ACTION_TYPES
from .records import Article

Count = Literal["events", "records"]
# Bars shown in the province chart and rows in the actors table: past this a page gets hard to read.
TOP_N = 15
# Article views written into one page: each holds its whole text, so a corpus of thousands would make a
# page of many megabytes that a browser opens slowly; the rest are listed in the index without a view.
MAX_VIEWS = 500
_CHART_COLOUR = "#4c78a8"
_SVG_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 72rem;
       padding: 1rem 2rem; color: #222; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table.tppo-table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0; max-width: 100%; }
table.tppo-table td { overflow-wrap: anywhere; }
table.tppo-table th, table.tppo-table td { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left;
       vertical-align: top; }
table.tppo-table th { background: #f4f4f4; }
.tppo-summary { display: flex; gap: 1rem; flex-wrap: wrap; }
.tppo-summary div { background: #f4f7fb; border-radius: 0.4rem; padding: 0.6rem 1rem; }
.tppo-summary b { display: block; font-size: 1.5rem; }
.tppo-charts { display: flex; flex-wrap: wrap; gap: 1rem; }
.tppo-chart { flex: 1 1 30rem; }
.tppo-chart svg { max-width: 100%; height: auto; }
section.tppo-article { margin-top: 1.5rem; padding-top: 0.5rem; border-top: 2px solid #ccc; }
.tppo-muted { color: #777; }
"""


def _matplotlib() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")  # no screen: draw to files only
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("the report's charts need matplotlib: pip install 'tppo-extract[notebook]'") from exc
    plt.rcParams["svg.fonttype"] = "none"  # labels stay text: searchable, and smaller
    return plt


def bar_chart_svg(counts: Sequence[tuple[str, int]], *, title: str, horizontal: bool = True) -> str:
    """An SVG bar chart of ``(label, count)`` pairs, as markup to write into a page."""
    plt = _matplotlib()
    labels = [c[0] for c in counts]
    values = [c[1] for c in counts]
    height = max(2.0, 0.32 * len(counts) + 1.0) if horizontal else 3.2
    fig, ax = plt.subplots(figsize=(6.4, height))
    try:
        if not counts:
            ax.text(0.5, 0.5, "nothing to count", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        elif horizontal:
            ax.barh(range(len(values)), values, color=_CHART_COLOUR)
            ax.set_yticks(range(len(values)), labels)
            ax.invert_yaxis()
            for i, v in enumerate(values):
                ax.text(v, i, f" {v}", va="center", fontsize=8)
        else:
            ax.bar(range(len(values)), values, color=_CHART_COLOUR)
            ax.set_xticks(range(len(values)), labels, rotation=45, ha="right", fontsize=8)
        ax.set_title(title, fontsize=11)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        buf = io.StringIO()
        fig.savefig(buf, format="svg")
    finally:
        plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]  # the XML prolog and doctype are not allowed inside an HTML page
    svg = _SVG_METADATA.sub("", svg)  # the RDF block (creator, date): nothing a reader sees, and not stable
    return f'<figure class="tppo-chart" data-chart="{html.escape(title)}">{svg}</figure>'


def _esc(value: object) -> str:
    """A cell's text, escaped: nothing for a missing value (None, or pandas' NaN), whole numbers without ".0"."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return html.escape(str(value))


def _anchor(doc_id: str | None, index: int) -> str:
    return "doc-" + re.sub(r"[^A-Za-z0-9_-]+", "-", doc_id or f"article-{index}")


def _table(head: Sequence[str], rows: Iterable[Sequence[str]], *, name: str) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="tppo-table" data-table="{name}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def build_report(
    articles: Iterable[Article],
    *,
    title: str = "tppo_extract report",
    count: Count = "events",
    max_views: int = MAX_VIEWS,
) -> str:
    """The report page as a string (see the module's docstring)."""
    if count not in ("events", "records"):
        raise ValueError(f"count must be 'events' or 'records', not {count!r}")
    from .events import link_events
    from .frames import to_frames
    from .render import render

    arts = list(articles)
    events = link_events(arts)
    frames = to_frames(arts, events=events)
    actions, evs = frames["actions"], frames["events"]
    counted = evs if count == "events" else actions
    unit = "events" if count == "events" else "action records"

    by_type = Counter(counted["type"])
    type_counts = [(t, by_type[t]) for t in ACTION_TYPES if by_type.get(t)]
    province = Counter(p for p in counted["province"] if isinstance(p, str) and p)
    no_province = sum(1 for p in counted["province"] if not (isinstance(p, str) and p))
    province_counts = province.most_common(TOP_N)
    month = Counter(m for m in counted["month"] if isinstance(m, str) and m)
    month_counts = sorted(month.items())

    # one anchor per record (two records may share a doc_id); a doc_id links to its first record's view
    anchors = [_anchor(a.doc_id, i) for i, a in enumerate(arts)]
    if len(set(anchors)) < len(anchors):
        anchors = [f"{anchor}-{i}" for i, anchor in enumerate(anchors)]
    first_view: dict[str | None, str] = {}
    for i, a in enumerate(arts[:max_views]):
        first_view.setdefault(a.doc_id, anchors[i])

    def doc_link(doc_id: str | None) -> str:
        if doc_id in first_view:
            return f'<a href="#{first_view[doc_id]}">{_esc(doc_id)}</a>'
        return _esc(doc_id)

    actor_of = Counter(a for a in counted["actor_canonical" if count == "records" else "actor"] if isinstance(a, str))
    actor_rows = [(_esc(name), str(n)) for name, n in actor_of.most_common(TOP_N)]

    event_rows = []
    for _, ev in evs.sort_values(["first_pub_date", "event_id"], na_position="last").iterrows():
        event_rows.append(
            (
                _esc(ev["event_id"]),
                _esc(ev["type"]),
                _esc(ev["actor"]),
                _esc(ev["place"])
                + (f' <span class="tppo-muted">{_esc(ev["region_code"])}</span>' if _esc(ev["region_code"]) else ""),
                _esc(ev["date"]) or _esc(ev["month"]),
                _esc(ev["count"]),
                ", ".join(doc_link(d) for d in str(ev["doc_ids"]).split(";") if d),
            )
        )
    index_rows = [
        (
            f'<a href="#{anchors[i]}">{_esc(a.doc_id)}</a>' if i < max_views else _esc(a.doc_id),
            _esc(a.pub_date),
            _esc(a.title),
            "yes" if a.relevant else "no",
            str(len(a.actions)),
        )
        for i, a in enumerate(arts)
    ]

    views = []
    for i, art in enumerate(arts[:max_views]):
        view = render(art) if art.text is not None else art._repr_html_()
        section = f'<section class="tppo-article" id="{anchors[i]}" data-doc-id="{_esc(art.doc_id)}">'
        views.append(f"{section}{view}</section>")
    hidden = len(arts) - len(views)

    n_relevant = sum(1 for a in arts if a.relevant)
    multi = int((evs["n_articles"] > 1).sum()) if len(evs) else 0
    summary = "".join(
        f'<div data-figure="{key}"><b>{value}</b>{label}</div>'
        for key, value, label in (
            ("articles", len(arts), "articles"),
            ("relevant", n_relevant, "relevant"),
            ("records", len(actions), "action records"),
            ("events", len(evs), "events"),
            ("multi", multi, "events reported by more than one article"),
        )
    )
    charts = "".join(
        (
            bar_chart_svg(type_counts, title=f"{unit} by type"),
            bar_chart_svg(province_counts, title=f"{unit} by province (top {TOP_N})"),
            bar_chart_svg(month_counts, title=f"{unit} by month", horizontal=False),
        )
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="tppo-muted">Made {dt.date.today().isoformat()} by tppo_extract from {len(arts)} records; '
        f"charts count {unit}.</p>",
        f'<div class="tppo-summary">{summary}</div>',
        "<h2>Actions by type</h2>",
        _table(["type", unit], [(html.escape(t), str(n)) for t, n in type_counts], name="types"),
        f'<h2>Charts</h2><div class="tppo-charts">{charts}</div>',
        f'<p class="tppo-muted">{no_province} {unit} have no province.</p>' if no_province else "",
        "<h2>Most active bodies</h2>",
        _table(["acting body", unit], actor_rows, name="actors"),
        "<h2>Events</h2>",
        _table(["event", "type", "acting body", "place", "date", "count", "articles"], event_rows, name="events"),
        "<h2>Articles</h2>",
        _table(["article", "published", "title", "relevant", "actions"], index_rows, name="articles"),
        f'<p class="tppo-muted">{hidden} more articles are listed without a view (max_views={max_views}).</p>'
        if hidden
        else "",
        *views,
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p)


def write_report(articles: Iterable[Article], path: str | Path, **options: Any) -> Path:
    """Write :func:`build_report` to ``path`` (UTF-8) and return the path."""
    dest = Path(path)
    page = build_report(articles, **options)
    tmp = dest.with_name(dest.name + ".part")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(dest)
    return dest
