"""The article view (render.py): every annotation of the record can be read back from the HTML, with its
label and offsets, and the text container holds exactly the original text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

import tppo_extract
from tppo_extract.records import Action, Article, Entity, Quote, Speaker, TextSpan, Zone
from tppo_extract.render import render, repr_html

# Written for these tests; the office, the people and the events are invented.
ARTICLE = """Imigrasi Wonosari Tunda Keberangkatan 12 Calon PMI Nonprosedural

Wonosari, Kamis (14/3/2024) - Kantor Imigrasi Kelas II Non TPI Wonosari menunda keberangkatan 12 calon pekerja migran Indonesia (CPMI) nonprosedural di Bandara Internasional Yogyakarta pada Selasa (12/3/2024). Mereka diduga akan menjadi korban tindak pidana perdagangan orang (TPPO) di Malaysia.

"Kami tidak ingin warga Gunungkidul menjadi korban perdagangan orang. Berangkatlah secara prosedural," kata Kepala Kantor Imigrasi Wonosari, Budi Santoso.

BACA JUGA: Warga Desa Sukamaju Gelar Festival Layang-Layang

Budi menambahkan, petugas juga melakukan sosialisasi pencegahan TPPO di Kabupaten Gunungkidul.

Cek Berita dan Artikel yang lain di Google News
"""

# Markup in the text itself, as a scraped comment might carry it.
HOSTILE = ARTICLE.replace(
    "BACA JUGA:",
    "Seorang warga menulis <script>alert(\"TPPO & PMI\")</script> di kolom komentar & grup 'Info Kerja'.\n\nBACA JUGA:",
)

VOID = {"meta", "br", "hr", "img", "link", "input"}


@dataclass
class Fragment:
    kind: str
    label: str
    start: int
    end: int
    id: str
    attrs: dict[str, str]
    opened_at: int
    closed_at: int = -1


class View(HTMLParser):
    """Reads a rendered view back: the text container's text, its marked fragments, the table and header."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.fragments: list[Fragment] = []
        self.stack: list[tuple[str, Fragment | None]] = []
        self.in_text = 0  # depth of the text container in the stack, 0 outside it
        self.in_head = False
        self.head = ""
        self.cells: list[list[str]] = []
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in VOID:
            return
        frag = None
        if self.in_text:
            assert tag == "span", f"only spans inside the text container, got <{tag}>"
            assert "data-kind" in a, f"a span without data-kind: {a}"
            frag = Fragment(
                a["data-kind"],
                a["data-label"],
                int(a["data-start"]),
                int(a["data-end"]),
                a["data-id"],
                a,
                len(self.text),
            )
            self.fragments.append(frag)
        self.stack.append((tag, frag))
        if tag == "div" and a.get("class") == "tppo-text":
            assert not self.in_text
            self.in_text = len(self.stack)
        if tag == "div" and a.get("class") == "tppo-head":
            self.in_head = True
        if tag == "tr":
            self.cells.append([])
        if tag in ("td", "th"):
            self.cells[-1].append("")
            self.in_cell = True

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, frag = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        if frag is not None:
            frag.closed_at = len(self.text)
        if self.in_text and len(self.stack) < self.in_text:
            self.in_text = 0
        if tag == "div" and self.in_head:
            self.in_head = False
        if tag in ("td", "th"):
            self.in_cell = False

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text += data
        if self.in_head:
            self.head += data
        if self.in_cell:
            self.cells[-1][-1] += data


def parse(markup: str) -> View:
    view = View()
    view.feed(markup)
    view.close()
    assert not view.stack, f"unclosed tags: {[t for t, _ in view.stack]}"
    return view


def recovered(view: View) -> Counter[tuple[str, str, int, int]]:
    """The annotations of the view, after checking that the fragments of each one tile its span exactly."""
    by_id: dict[str, list[Fragment]] = {}
    for frag in view.fragments:
        by_id.setdefault(frag.id, []).append(frag)
    found: Counter[tuple[str, str, int, int]] = Counter()
    for ident, frags in by_id.items():
        first = frags[0]
        assert {(f.kind, f.label, f.start, f.end) for f in frags} == {
            (first.kind, first.label, first.start, first.end)
        }, ident
        assert [f.opened_at for f in frags] == sorted(f.opened_at for f in frags)
        assert frags[0].opened_at == first.start and frags[-1].closed_at == first.end, ident
        for before, after in pairwise(frags):
            assert before.closed_at == after.opened_at, f"{ident}: a gap or an overlap between fragments"
        assert [f.attrs["data-frag"] for f in frags] == [str(i) for i in range(len(frags))]
        assert ["data-last" in f.attrs for f in frags] == [False] * (len(frags) - 1) + [True]
        found[(first.kind, first.label, first.start, first.end)] += 1
    return found


def expected(article: Article) -> Counter[tuple[str, str, int, int]]:
    marks: Counter[tuple[str, str, int, int]] = Counter()
    for zone in article.zones:
        if zone.kind != "body":
            marks[("zone", zone.kind, zone.start, zone.end)] += 1
    for ent in article.entities:
        marks[("entity", ent.label, ent.start, ent.end)] += 1
    for quote in article.quotes:
        marks[("quote", "direct" if quote.direct else "reported", quote.start, quote.end)] += 1
        if quote.cue is not None:
            marks[("cue", "cue", quote.cue.start, quote.cue.end)] += 1
        if quote.speaker is not None:
            marks[("speaker", "speaker", quote.speaker.start, quote.speaker.end)] += 1
    for action in article.actions:
        marks[("trigger", action.type, action.trigger.start, action.trigger.end)] += 1
    return marks


@pytest.fixture(scope="session")
def rules_nlp() -> Language:
    return tppo_extract.load(models=False)


@pytest.fixture(scope="session")
def article(rules_nlp: Language) -> Article:
    return tppo_extract.extract(ARTICLE, doc_id="wonosari.txt", nlp=rules_nlp)


def test_the_invented_article_has_what_the_view_draws(article: Article) -> None:
    assert article.relevant and article.text is None
    assert {e.label for e in article.entities} == {"AGENCY", "PLACE", "DATE", "PERSON"}
    assert any(q.speaker is not None and q.speaker.name == "Budi Santoso" and q.cue for q in article.quotes)
    assert any(a.type == "departure_prevention" and a.count == 12 for a in article.actions)
    assert {z.label for z in article.zones if z.kind == "furniture"} >= {"read_also"}


def test_every_annotation_is_recovered_with_its_label_and_offsets(article: Article) -> None:
    view = parse(render(article, ARTICLE))
    assert view.text == ARTICLE
    assert recovered(view) == expected(article)
    ids = [f.id for f in view.fragments if f.attrs["data-frag"] == "0"]
    assert len(ids) == len(set(ids))
    furniture = {(f.start, f.end) for f in view.fragments if f.kind == "zone" and f.label == "furniture"}
    assert furniture == {(z.start, z.end) for z in article.zones if z.kind == "furniture"}
    assert "BACA JUGA" in ARTICLE[min(s for s, _ in furniture) :]


def test_entity_tooltips_quote_speakers_and_trigger_types(article: Article) -> None:
    view = parse(render(article, ARTICLE))
    tips = {(f.start, f.end): f.attrs.get("title", "") for f in view.fragments if f.kind == "entity"}
    for ent in article.entities:
        for value in (ent.canonical, ent.region_code, ent.value, ent.title):
            if value:
                assert value in tips[(ent.start, ent.end)]
    quote = next(f for f in view.fragments if f.kind == "quote" and f.label == "direct")
    assert quote.attrs["data-speaker"] == "Budi Santoso"
    speaker = next(f for f in view.fragments if f.kind == "speaker")
    assert speaker.attrs["data-quote"] == quote.id
    assert ARTICLE[speaker.start : speaker.end] == "Budi Santoso"
    trigger = next(f for f in view.fragments if f.kind == "trigger" and f.label == "departure_prevention")
    assert ARTICLE[trigger.start : trigger.end].startswith("menunda keberangkatan")


def test_header_and_actions_table(article: Article) -> None:
    view = parse(render(article, ARTICLE))
    assert "wonosari.txt" in view.head and "2024-03-14" in view.head and "yes" in view.head
    assert article.title and article.title in view.head
    counts = f"{len(article.entities)} entities, {len(article.quotes)} quotes, {len(article.actions)} actions"
    assert counts in view.head
    header, *rows = view.cells
    assert header == ["type", "trigger", "actor", "place", "date", "count", "status", "confidence"]
    assert [r[0] for r in rows] == [a.type for a in article.actions]
    departure = rows[[a.type for a in article.actions].index("departure_prevention")]
    assert departure[2] == "Kantor Imigrasi Kelas II Non TPI Wonosari"
    assert departure[4] == "2024-03-12" and departure[5] == "12" and departure[6] == "done"
    places = [p for a in article.actions for p in a.locations if p.region_code]
    assert places, "the invented article should give an action a place with a region code"
    assert any(f"({places[0].region_code})" in r[3] for r in rows)


def test_the_fragment_is_self_contained_and_standalone_is_a_page(article: Article) -> None:
    fragment = render(article, ARTICLE)
    assert fragment.startswith('<div class="tppo-view"><style>')
    for css_rule in fragment.split("<style>")[1].split("</style>")[0].split("}"):
        selectors = css_rule.split("{")[0].strip()
        if selectors:
            assert all(s.strip().startswith(".tppo-view") for s in selectors.split(",")), selectors
    page = render(article, ARTICLE, standalone=True)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert f"<title>{article.title}</title>" in page
    for markup in (fragment, page):
        lowered = markup.lower()
        assert "<script" not in lowered and "http" not in lowered and "url(" not in lowered
        assert "@import" not in lowered and " src=" not in lowered
        assert parse(markup).text == ARTICLE


def test_markup_in_the_text_is_escaped(rules_nlp: Language) -> None:
    article = tppo_extract.extract(HOSTILE, doc_id="hostile.txt", nlp=rules_nlp)
    markup = render(article, HOSTILE)
    assert "<script>" not in markup and "&lt;script&gt;alert(&quot;TPPO &amp; PMI&quot;)&lt;/script&gt;" not in markup
    assert '&lt;script&gt;alert("TPPO &amp; PMI")&lt;/script&gt;' in markup
    view = parse(markup)
    assert view.text == HOSTILE
    assert recovered(view) == expected(article)


def test_attribute_values_are_escaped() -> None:
    text = 'Dinas "X" & <b>Y</b>'
    ent = Entity(label="AGENCY", start=0, end=len(text), text=text, canonical='Dinas "X" & <b>Y</b>')
    art = Article(doc_id='a"<b>', title="<i>t</i>", relevant=False, entities=[ent])
    markup = render(art, text)
    assert "<b>Y" not in markup and "<i>t" not in markup and 'a"<b>' not in markup
    view = parse(markup)
    assert view.text == text
    assert 'a"<b>' in view.head and "<i>t</i>" in view.head
    assert view.fragments[0].attrs["title"].endswith('Dinas "X" & <b>Y</b>')


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(start=start, end=end, text=text[start:end])


def _action(text: str, start: int, end: int, kind: str = "awareness") -> Action:
    return Action.model_validate(
        {
            "id": "act_0123456789abcdef",
            "type": kind,
            "trigger": _span(text, start, end),
            "evidence": _span(text, 0, len(text)),
            "confidence": 0.5,
        }
    )


CROSSING = 'Petugas berkata "Dinas Sosial Kota Sukamaju membuka posko" lalu pulang. BACA JUGA: Posko Dibuka'


def _crossing_article() -> Article:
    text = CROSSING
    q_start, q_end = text.index('"') + 1, text.rindex('"')
    ent_start = text.index("Sosial")  # "Sosial Kota Sukamaju membuka posko" lalu" crosses the quote's end
    furn = text.index("BACA")
    return Article(
        doc_id="crossing",
        relevant=True,
        zones=[
            Zone(kind="body", label="paragraph", **_span(text, 0, furn).model_dump()),
            # furniture starting inside the trigger
            Zone(kind="furniture", label="read_also", **_span(text, furn - 7, len(text)).model_dump()),
        ],
        entities=[
            Entity(label="AGENCY", **_span(text, ent_start, q_end + 6).model_dump()),
            Entity(label="PLACE", **_span(text, text.index("Kota"), text.index(" membuka")).model_dump()),
            Entity(label="PERSON", **_span(text, 0, 7).model_dump()),
            Entity(label="DATE", **_span(text, 3, 3).model_dump()),  # empty span
        ],
        quotes=[
            Quote(
                direct=True,
                cue=_span(text, 8, 15),
                speaker=Speaker(name="Petugas", **_span(text, 0, 7).model_dump()),
                **_span(text, q_start, q_end).model_dump(),
            )
        ],
        actions=[
            _action(text, text.index("membuka"), text.index("posko") + 5),
            _action(text, text.index("Kota"), text.index("Sukamaju") + 3, "task_force"),  # crosses PLACE's end
            _action(text, text.index("lalu"), furn + 4, "monitoring"),  # crosses into the furniture
        ],
    )


def test_crossing_spans_render_balanced_and_recoverable() -> None:
    art = _crossing_article()
    view = parse(render(art, CROSSING))
    assert view.text == CROSSING
    assert recovered(view) == expected(art)
    split = Counter(f.id for f in view.fragments)
    assert max(split.values()) > 1, "crossing spans should have been cut into fragments"


@st.composite
def random_articles(draw: st.DrawFn) -> tuple[Article, str]:
    text = draw(st.text(alphabet="ab <>&\"'\n", max_size=40))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted), max_size=10))
    kinds = draw(
        st.lists(st.sampled_from(["entity", "quote", "trigger", "zone"]), min_size=len(spans), max_size=len(spans))
    )
    entities, quotes, actions, zones = [], [], [], []
    for (start, end), kind in zip(spans, kinds, strict=True):
        s = _span(text, start, end).model_dump()
        if kind == "entity":
            entities.append(Entity(label="PLACE", **s))
        elif kind == "quote":
            quotes.append(Quote(direct=False, cue=_span(text, start, (start + end) // 2), **s))
        elif kind == "trigger":
            actions.append(_action(text, start, end))
        else:
            zones.append(Zone(kind="furniture", label="separator", **s))
    art = Article(relevant=False, entities=entities, quotes=quotes, actions=actions, zones=zones)
    return art, text


@settings(max_examples=200, deadline=None)
@given(random_articles())
def test_any_spans_render_balanced_and_recoverable(case: tuple[Article, str]) -> None:
    art, text = case
    view = parse(render(art, text))
    assert view.text == text
    assert recovered(view) == expected(art)


def test_no_text_raises_and_says_to_pass_it(article: Article) -> None:
    with pytest.raises(ValueError, match=r"render\(article, text\)"):
        render(article)


def test_the_wrong_text_raises_naming_the_doc_id(article: Article) -> None:
    with pytest.raises(ValueError, match="wonosari.txt"):
        render(article, ARTICLE.replace("Wonosari", "Wonogiri"))
    with pytest.raises(ValueError, match="wonosari.txt"):
        render(article, ARTICLE[:100])


def test_the_record_s_own_text_wins() -> None:
    text = "Satgas TPPO bekerja."
    art = Article(text=text, relevant=False, entities=[Entity(label="AGENCY", **_span(text, 0, 11).model_dump())])
    assert parse(render(art, "something else entirely")).text == text
    assert parse(art._repr_html_()).text == text


def test_repr_html_without_text_shows_header_table_and_a_note(article: Article) -> None:
    markup = article._repr_html_()
    assert markup == repr_html(article)
    view = parse(markup)
    assert "wonosari.txt" in view.head
    assert [r[0] for r in view.cells[1:]] == [a.type for a in article.actions]
    assert "render(article, text)" in markup and 'class="tppo-text"' not in markup


def test_repr_html_does_not_raise_on_a_record_whose_text_does_not_fit() -> None:
    art = Article(text="abc", relevant=False)
    bad = art.model_copy(update={"entities": [Entity(label="AGENCY", start=0, end=3, text="xyz")]})
    assert "could not be drawn" in bad._repr_html_()


def test_render_is_exported() -> None:
    assert tppo_extract.render is render
    assert "render" in tppo_extract.__all__


# ---- linear time ----------------------------------------------------------------------------------------

# 4x the marks may cost at most this many times the time (linear is 4x): the same ratio as tests/test_scale.py.
GROWTH_LIMIT = 6.0


def _many_marks(n: int) -> Article:
    """An article of ``n`` short sentences, each with an entity inside a quote and a trigger."""
    sentence = "Petugas Sukamaju menunda keberangkatan warga. "
    text = sentence * n
    ents, quotes, actions = [], [], []
    for i in range(n):
        at = i * len(sentence)
        ents.append(Entity(start=at + 8, end=at + 16, text="Sukamaju", label="PLACE"))
        quotes.append(Quote(start=at, end=at + len(sentence) - 1, text=sentence[:-1], direct=True))
        trig = TextSpan(start=at + 17, end=at + 38, text="menunda keberangkatan")
        ev = TextSpan(start=at, end=at + len(sentence) - 1, text=sentence[:-1])
        actions.append(
            Action(id=f"act_{i:016x}", type="departure_prevention", trigger=trig, evidence=ev, confidence=0.9)
        )
    return Article(doc_id="many", relevant=True, text=text, entities=ents, quotes=quotes, actions=actions)


def _best_render(article: Article) -> float:
    import gc
    import time

    best = float("inf")
    for _ in range(3):
        gc.collect()
        t0 = time.perf_counter()
        render(article)
        best = min(best, time.perf_counter() - t0)
    return best


def test_the_view_takes_time_in_proportion_to_its_marks() -> None:
    small, large = _many_marks(500), _many_marks(2000)
    assert _best_render(large) / _best_render(small) <= GROWTH_LIMIT
