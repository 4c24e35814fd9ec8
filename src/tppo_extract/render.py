"""An HTML view of one :class:`~tppo_extract.records.Article`: the original text with its entities, quotes,
action triggers and page furniture marked, then a table of the actions (what ``Article._repr_html_`` shows).

Every marked element carries ``data-kind``, ``data-label``, ``data-start``, ``data-end`` and ``data-id``, so
the annotations can be read back from the HTML; the text content of the text container is the original text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field

from .records import Action, Article, TextSpan

__all__ = ["render", "repr_html"]

# displaCy's colours for the nearest spaCy labels, so the view looks like `displacy.render(style="ent")`.
_DISPLACY_LABEL: dict[str, str] = {"AGENCY": "ORG", "PLACE": "GPE", "DATE": "DATE", "PERSON": "PERSON"}
_FALLBACK_COLOURS: dict[str, str] = {"AGENCY": "#7aecec", "PLACE": "#feca74", "DATE": "#bfe1d9", "PERSON": "#aa9cfc"}

# Outer first when two annotations end at the same offset: a zone holds quotes, a quote holds triggers and
# speakers, a speaker mention is usually also a PERSON entity.
_RANK: dict[str, int] = {"zone": 0, "quote": 1, "trigger": 2, "speaker": 3, "cue": 4, "entity": 5}


def _entity_colours() -> dict[str, str]:
    try:
        # the submodule, not the `displacy.render` function that shadows it as an attribute
        from spacy.displacy.render import DEFAULT_LABEL_COLORS
    except ImportError:  # pragma: no cover - spaCy moved it; the copied values are the same
        return dict(_FALLBACK_COLOURS)
    return {
        label: str(DEFAULT_LABEL_COLORS.get(name, _FALLBACK_COLOURS[label])) for label, name in _DISPLACY_LABEL.items()
    }


def _css() -> str:
    colours = "\n".join(
        f'.tppo-view .tppo-entity[data-label="{label}"] {{ background: {colour}; }}'
        for label, colour in _entity_colours().items()
    )
    return f"""<style>
.tppo-view {{ font-family: -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; font-size: 14px;
  line-height: 2.2; color: #222; max-width: 60em; }}
.tppo-view .tppo-head {{ line-height: 1.5; margin-bottom: 0.6em; padding-bottom: 0.4em;
  border-bottom: 1px solid #ccc; }}
.tppo-view .tppo-head .tppo-yes {{ color: #1a7f37; font-weight: bold; }}
.tppo-view .tppo-head .tppo-no {{ color: #9a6700; font-weight: bold; }}
.tppo-view .tppo-note {{ line-height: 1.5; color: #9a6700; font-style: italic; margin: 0.6em 0; }}
.tppo-view .tppo-text {{ white-space: pre-wrap; overflow-wrap: break-word; }}
.tppo-view .tppo-entity {{ padding: 0.25em 0.35em; margin: 0 0.1em; line-height: 1; border-radius: 0.35em;
  background: #ddd; }}
.tppo-view .tppo-entity[data-last]::after {{ content: attr(data-label); font-size: 0.7em; font-weight: bold;
  vertical-align: middle; margin-left: 0.4em; }}
{colours}
.tppo-view .tppo-quote {{ border-bottom: 2px solid #8e44ad; }}
.tppo-view .tppo-quote[data-last][data-speaker]::after {{ content: " \\2014 " attr(data-speaker);
  color: #8e44ad; font-style: italic; font-size: 0.85em; }}
.tppo-view .tppo-cue {{ color: #8e44ad; font-style: italic; text-decoration: underline dotted; }}
.tppo-view .tppo-speaker {{ border-bottom: 2px dotted #8e44ad; }}
.tppo-view .tppo-trigger {{ font-weight: bold; border: 1.5px solid #333; border-radius: 3px; padding: 0 2px; }}
.tppo-view .tppo-trigger[data-status="planned"] {{ border-style: dashed; }}
.tppo-view .tppo-trigger[data-status="negated"] {{ text-decoration: line-through; }}
.tppo-view .tppo-trigger[data-last]::after {{ content: attr(data-label); font-size: 0.65em; font-weight: normal;
  background: #333; color: #fff; border-radius: 2px; padding: 0 3px; margin-left: 3px; vertical-align: middle; }}
.tppo-view .tppo-zone[data-label="furniture"] {{ color: #999; }}
.tppo-view .tppo-zone[data-label="furniture"] .tppo-entity {{ opacity: 0.5; }}
.tppo-view .tppo-zone[data-label="headline"] {{ font-weight: bold; font-size: 1.15em; }}
.tppo-view .tppo-zone[data-label="dateline"], .tppo-view .tppo-zone[data-label="byline"],
.tppo-view .tppo-zone[data-label="caption"] {{ color: #555; font-style: italic; }}
.tppo-view table.tppo-actions {{ border-collapse: collapse; margin-top: 1em; line-height: 1.4; font-size: 0.9em; }}
.tppo-view table.tppo-actions th, .tppo-view table.tppo-actions td {{ border: 1px solid #ccc; padding: 2px 6px;
  text-align: left; vertical-align: top; }}
.tppo-view table.tppo-actions th {{ background: #f3f3f3; }}
</style>"""


@dataclass
class _Mark:
    """One annotation to draw: its offsets in the original text and the attributes of its elements."""

    kind: str
    label: str
    start: int
    end: int
    id: str
    attrs: dict[str, str] = field(default_factory=dict)


def _tooltip(parts: Iterable[str | None]) -> str:
    return " · ".join(p for p in parts if p)


def _marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for i, zone in enumerate(article.zones):
        if zone.kind == "body":  # the unmarked default: only what is not body text is marked
            continue
        marks.append(
            _Mark(
                "zone",
                zone.kind,
                zone.start,
                zone.end,
                f"z{i}",
                {"data-zone": zone.label, "title": f"{zone.kind}: {zone.label}"},
            )
        )
    for i, ent in enumerate(article.entities):
        tip = _tooltip(
            [
                ent.label,
                ent.canonical,
                f"region {ent.region_code}" if ent.region_code else None,
                ent.province,
                f"country {ent.country_code}" if ent.country_code else None,
                ent.value,
                ent.title,
                ent.agency_type,
                "model" if ent.source == "model" else None,
            ]
        )
        marks.append(_Mark("entity", ent.label, ent.start, ent.end, f"e{i}", {"title": tip}))
    for i, quote in enumerate(article.quotes):
        label = "direct" if quote.direct else "reported"
        speaker = quote.speaker.name if quote.speaker else None
        attrs = {"title": _tooltip([f"{label} quote", speaker])}
        if speaker:
            attrs["data-speaker"] = speaker
        marks.append(_Mark("quote", label, quote.start, quote.end, f"q{i}", attrs))
        if quote.cue is not None:
            marks.append(
                _Mark(
                    "cue",
                    "cue",
                    quote.cue.start,
                    quote.cue.end,
                    f"c{i}",
                    {"data-quote": f"q{i}", "title": "speech cue"},
                )
            )
        if quote.speaker is not None:
            marks.append(
                _Mark(
                    "speaker",
                    "speaker",
                    quote.speaker.start,
                    quote.speaker.end,
                    f"s{i}",
                    {"data-quote": f"q{i}", "data-name": quote.speaker.name, "title": f"speaker: {quote.speaker.name}"},
                )
            )
    for i, action in enumerate(article.actions):
        tip = _tooltip([action.type, action.status, f"confidence {action.confidence:.2f}", action.id])
        marks.append(
            _Mark(
                "trigger",
                action.type,
                action.trigger.start,
                action.trigger.end,
                f"a{i}",
                {"data-action": action.id, "data-status": action.status, "title": tip},
            )
        )
    return marks


def _spans(article: Article) -> Iterable[tuple[str, TextSpan]]:
    """Every span of the record that points into the text, with a name for error messages."""
    for i, zone in enumerate(article.zones):
        yield f"zones[{i}]", zone
    if article.dateline is not None:
        yield "dateline", article.dateline
    for i, ent in enumerate(article.entities):
        yield f"entities[{i}] ({ent.label})", ent
    for i, quote in enumerate(article.quotes):
        yield f"quotes[{i}]", quote
        if quote.cue is not None:
            yield f"quotes[{i}].cue", quote.cue
        if quote.speaker is not None:
            yield f"quotes[{i}].speaker", quote.speaker
    for i, action in enumerate(article.actions):
        yield f"actions[{i}].trigger", action.trigger
        yield f"actions[{i}].evidence", action.evidence
        for j, actor in enumerate(action.actors):
            yield f"actions[{i}].actors[{j}]", actor
        for j, place in enumerate(action.locations):
            yield f"actions[{i}].locations[{j}]", place


def _check_offsets(article: Article, text: str) -> None:
    for where, span in _spans(article):
        found = text[span.start : span.end]
        if span.end > len(text) or found != span.text:
            raise ValueError(
                f"article {article.doc_id or '(no doc_id)'}: the text does not fit the record's offsets: "
                f"{where} at {span.start}:{span.end} is {span.text!r} in the record but {found!r} in the text "
                f"({len(text)} characters). Pass the text the record was extracted from."
            )


def _open_tag(mark: _Mark, frag: int, last: bool) -> str:
    attrs = {
        "class": f"tppo-{mark.kind}",
        "data-kind": mark.kind,
        "data-label": mark.label,
        "data-start": str(mark.start),
        "data-end": str(mark.end),
        "data-id": mark.id,
        "data-frag": str(frag),
        **mark.attrs,
    }
    if last:
        attrs["data-last"] = ""
    body = " ".join(f'{name}="{html.escape(value)}"' for name, value in attrs.items())
    return f"<span {body}>"


def _markup(text: str, marks: list[_Mark]) -> str:
    """The text cut at every span boundary, each stretch inside the elements of the marks that cover it.

    Elements nest; where a mark crosses another one's boundary it is closed and reopened, and each piece
    is a fragment carrying the whole mark's offsets (``data-frag`` counts them, ``data-last`` is on the last).
    """
    # Two passes: whether a fragment is the last one is known only when it closes.
    opens: list[tuple[_Mark, int, int]] = []  # (mark, fragment number, offset where the fragment closed)
    out: list[tuple[str, int | str]] = []  # ("open" | "close", index in opens) or ("text", the stretch)
    frag_count: dict[str, int] = {}
    stack: list[tuple[_Mark, int]] = []  # (mark, index in opens)

    def close_top(at: int) -> _Mark:
        mark, idx = stack.pop()
        opens[idx] = (mark, opens[idx][1], at)
        out.append(("close", idx))
        return mark

    def open_mark(mark: _Mark) -> None:
        frag = frag_count.get(mark.id, 0)
        frag_count[mark.id] = frag + 1
        opens.append((mark, frag, -1))
        stack.append((mark, len(opens) - 1))
        out.append(("open", len(opens) - 1))

    def order(mark: _Mark) -> tuple[int, int, int]:
        return (-mark.end, _RANK[mark.kind], mark.start)

    # a sweep over the cuts: the marks that cover the stretch after each cut are kept at hand (added where
    # they start, dropped where they end), so the view takes time in proportion to the marks, not their square
    empty_at: dict[int, list[_Mark]] = {}
    for m in sorted((m for m in marks if m.start == m.end), key=lambda m: (m.start, _RANK[m.kind])):
        empty_at.setdefault(m.start, []).append(m)
    starting: dict[int, list[_Mark]] = {}
    ending: dict[int, list[_Mark]] = {}
    for m in marks:
        if m.start < m.end:
            starting.setdefault(m.start, []).append(m)
            ending.setdefault(m.end, []).append(m)
    covering: dict[int, _Mark] = {}  # position in ``marks`` -> mark, in the order of ``marks``
    index = {id(m): k for k, m in enumerate(marks)}
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    for i, at in enumerate(cuts):
        nxt = cuts[i + 1] if i + 1 < len(cuts) else None
        for m in ending.get(at, ()):
            covering.pop(index[id(m)], None)
        for m in starting.get(at, ()):
            covering[index[id(m)]] = m
        active = [covering[k] for k in sorted(covering)] if nxt is not None else []
        active_ids = {m.id for m in active}
        # close down to the lowest element that no longer covers the next stretch
        lowest = next((k for k, (m, _) in enumerate(stack) if m.id not in active_ids), len(stack))
        reopen: list[_Mark] = []
        while len(stack) > lowest:
            mark = close_top(at)
            if mark.id in active_ids:
                reopen.append(mark)
        for mark in empty_at.get(at, ()):
            open_mark(mark)
            close_top(at)
        if nxt is None:
            break
        in_stack = {m.id for m, _ in stack}
        reopened = {m.id for m in reopen}
        to_open = reopen + [m for m in active if m.id not in in_stack and m.id not in reopened]
        # an element that ends before one about to open would have to be cut: close it now and reopen it
        # inside, so that the longer one stays whole
        while to_open and stack and stack[-1][0].end < max(m.end for m in to_open):
            to_open.append(close_top(at))
        for mark in sorted(to_open, key=order):
            open_mark(mark)
        out.append(("text", text[at:nxt]))

    parts: list[str] = []
    for kind, value in out:
        if kind == "text":
            parts.append(html.escape(str(value), quote=False))
        elif kind == "open":
            assert isinstance(value, int)
            mark, frag, closed_at = opens[value]
            parts.append(_open_tag(mark, frag, last=closed_at == mark.end))
        else:
            parts.append("</span>")
    return "".join(parts)


def _esc(value: object) -> str:
    return html.escape(str(value))


def _header(article: Article) -> str:
    relevant = '<span class="tppo-yes">yes</span>' if article.relevant else '<span class="tppo-no">no</span>'
    bits = [
        f"<b>{_esc(article.doc_id or '(no doc_id)')}</b>",
        f"<i>{_esc(article.title)}</i>" if article.title else "(no title)",
        _esc(article.pub_date.isoformat()) if article.pub_date else "(no date)",
        f"relevant: {relevant}",
        f"{len(article.entities)} entities, {len(article.quotes)} quotes, {len(article.actions)} actions",
    ]
    return f'<div class="tppo-head">{" · ".join(bits)}</div>'


def _action_row(action: Action) -> str:
    actor = "; ".join(a.canonical or a.text for a in action.actors)
    place = "; ".join((p.name or p.text) + (f" ({p.region_code})" if p.region_code else "") for p in action.locations)
    date = (action.date.value or action.date.text or "") if action.date else ""
    cells = [
        action.type,
        action.trigger.text,
        actor,
        place,
        date,
        "" if action.count is None else str(action.count),
        action.status,
        f"{action.confidence:.2f}",
    ]
    tds = "".join(f"<td>{_esc(c)}</td>" for c in cells)
    return f'<tr data-action="{_esc(action.id)}">{tds}</tr>'


def _actions_table(article: Article) -> str:
    if not article.actions:
        return '<div class="tppo-note">No prevention actions found.</div>'
    head = "".join(
        f"<th>{h}</th>" for h in ("type", "trigger", "actor", "place", "date", "count", "status", "confidence")
    )
    rows = "".join(_action_row(a) for a in article.actions)
    return f'<table class="tppo-actions"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _wrap(article: Article, body: str, *, standalone: bool) -> str:
    fragment = f'<div class="tppo-view">{_css()}{body}</div>'
    if not standalone:
        return fragment
    title = _esc(article.title or article.doc_id or "tppo_extract article")
    return (
        '<!DOCTYPE html>\n<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )


def render(article: Article, text: str | None = None, *, standalone: bool = False) -> str:
    """The HTML view of ``article``: a header, the text with its annotations marked, and a table of actions.

    The text is ``article.text`` when the record carries it (HTML input), else ``text``: the records of
    plain-text input do not carry it, so pass the string they were extracted from. ``standalone=True``
    gives a whole HTML page instead of a fragment for a notebook. Raises ``ValueError`` when there is no
    text or when it does not fit the record's offsets.
    """
    source = article.text if article.text is not None else text
    if source is None:
        raise ValueError(
            f"article {article.doc_id or '(no doc_id)'} does not carry its text (plain-text input): "
            "pass it as render(article, text)"
        )
    _check_offsets(article, source)
    body = (
        _header(article) + f'<div class="tppo-text">{_markup(source, _marks(article))}</div>' + _actions_table(article)
    )
    return _wrap(article, body, standalone=standalone)


def repr_html(article: Article) -> str:
    """What a notebook shows for ``article``: :func:`render` when the record carries its text, else the
    header and the actions with a note on how to see the text; never raises."""
    if article.text is not None:
        try:
            return render(article)
        except ValueError as exc:
            note = f"The view could not be drawn: {exc}"
    else:
        note = "The text is not in the record (plain-text input): pass it to render(article, text) to see it."
    body = _header(article) + f'<div class="tppo-note">{_esc(note)}</div>' + _actions_table(article)
    return _wrap(article, body, standalone=False)
