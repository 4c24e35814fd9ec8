"""Reading article files: encodings, size and binary checks, HTML to plain text, and PATH specs.

The text returned is what the pipeline sees, so every offset refers to it. For HTML input that is the
extracted plain text, not the markup.
"""

from __future__ import annotations

import codecs
import glob
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Final

from ..errors import InputError

DEFAULT_MAX_BYTES: Final[int] = 5 * 1024 * 1024
HTML_SUFFIXES: Final[frozenset[str]] = frozenset({".html", ".htm", ".xhtml"})
TEXT_GLOB: Final[str] = "*.txt"

# C0 controls other than tab, newline, carriage return and form feed; a text with many is not text.
_CONTROL: Final[re.Pattern[str]] = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_START: Final[re.Pattern[str]] = re.compile(r"\A\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
# Markup in a file that does not say it is HTML (a scraper's ".txt" with the page's paragraphs): closing tags
# of text elements, which prose never writes. Two of them make the file HTML.
_CLOSING_TAG: Final[re.Pattern[str]] = re.compile(
    r"</(?:p|div|li|h[1-6]|td|th|span|article|section|b|strong|em|i|a|blockquote|figcaption)\s*>", re.IGNORECASE
)
HTML_MIN_CLOSING_TAGS: Final[int] = 2


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment: it opens as a page, or holds closing tags of text."""
    if _HTML_START.match(text):
        return True
    found = 0
    for _ in _CLOSING_TAG.finditer(text):
        found += 1
        if found >= HTML_MIN_CLOSING_TAGS:
            return True
    return False


@dataclass(frozen=True)
class Decoded:
    """An article's text and the encoding its bytes were decoded from (``utf-8``, ``utf-16-le``, ``cp1252``);
    ``from_html`` when the text was extracted from HTML markup (offsets then point into the extracted text)."""

    text: str
    encoding: str
    from_html: bool = False


def read_text(path: str | Path, /, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of the article file ``path`` (see :func:`read_article`)."""
    return read_article(path, max_bytes=max_bytes).text


def read_article(path: str | Path, /, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """The text of the article file ``path`` and the encoding it was read in.

    UTF-8 (a BOM is dropped), UTF-16 or UTF-32 with a BOM or without one, else a legacy code page (cp1252,
    or what charset-normalizer finds). Line ends are kept as they are. HTML (by suffix or by its first tag) is
    converted to plain text, and so is a ``.txt`` that holds markup (see :func:`looks_like_html`). Raises
    :class:`~tppo_extract.errors.InputError` for a missing, empty, binary or too large file.
    """
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file; check the path")
    if p.is_dir():
        raise InputError(p, "is a directory; pass a file, or use iter_paths() to expand a folder")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(p, f"file is too large ({size} bytes > {max_bytes}); split it or raise max_bytes")
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read the file: {exc.strerror or exc}") from exc
    return article_of_bytes(raw, source=p, is_html=p.suffix.lower() in HTML_SUFFIXES, max_bytes=max_bytes)


def text_of_bytes(
    raw: bytes, *, source: str | Path = "<bytes>", is_html: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> str:
    """The article text of ``raw`` (see :func:`article_of_bytes`)."""
    return article_of_bytes(raw, source=source, is_html=is_html, max_bytes=max_bytes).text


def article_of_bytes(
    raw: bytes, *, source: str | Path = "<bytes>", is_html: bool = False, max_bytes: int = DEFAULT_MAX_BYTES
) -> Decoded:
    """The article text of ``raw`` (a file's bytes, or standard input's), with every check of
    :func:`read_article`: size, encoding, binary data, HTML (``is_html``, or by its first tag), emptiness."""
    if len(raw) > max_bytes:
        raise InputError(source, f"input is too large ({len(raw)} bytes > {max_bytes}); split it or raise max_bytes")
    decoded = decode(raw, source=source)
    text = decoded.text
    from_html = is_html or looks_like_html(text)
    if from_html:
        text = html_to_text(text)
    if not text.strip():
        raise InputError(source, "file is empty (no text after decoding)")
    return Decoded(text, decoded.encoding, from_html)


def decode_bytes(raw: bytes, *, source: str | Path = "<bytes>") -> str:
    """Decode ``raw`` as :func:`read_text` does; raise InputError for empty or binary data."""
    return decode(raw, source=source).text


_BOMS: Final[tuple[tuple[bytes, str], ...]] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _guess(raw: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading of ``raw`` as (text, encoding), None when it finds no text."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return None if best is None or best.encoding is None else (str(best), best.encoding.replace("_", "-"))


def decode(raw: bytes, *, source: str | Path = "<bytes>") -> Decoded:
    """Decode ``raw``: a BOM's encoding; else UTF-8; else UTF-16/32 without a BOM (charset-normalizer sees
    it); else cp1252, the code page of Indonesian Windows text; else charset-normalizer's guess; else Latin-1,
    which reads any byte. NUL bytes outside UTF-16/32 and text full of control characters are binary data."""
    if not raw.strip():
        raise InputError(source, "file is empty")
    decoded: Decoded | None = None
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                decoded = Decoded(raw.decode(enc), enc.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid {enc} ({exc.reason}); re-save the file as UTF-8") from exc
            break
    if decoded is None and b"\x00" not in raw:
        try:
            decoded = Decoded(raw.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
    if decoded is None:
        guess = _guess(raw)
        if guess is not None and guess[1].startswith(("utf-16", "utf-32")):
            decoded = Decoded(*guess)
        elif b"\x00" in raw:
            raise InputError(source, "binary file (NUL bytes); pass a UTF-8 text or HTML file")
        else:
            try:
                decoded = Decoded(raw.decode("cp1252"), "cp1252")
            except UnicodeDecodeError:
                decoded = Decoded(*guess) if guess is not None else Decoded(raw.decode("latin-1"), "latin-1")
    text = decoded.text
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise InputError(source, "binary file (control characters); pass a UTF-8 text or HTML file")
    return decoded


_BLOCK_TAGS: Final[frozenset[str]] = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote",
     "section", "article", "header", "footer", "figure", "figcaption", "hr", "pre", "dd", "dt", "dl"}
)
_DROP_TAGS: Final[frozenset[str]] = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"}
)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_TAGS:
            self._dropping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            # Line breaks inside HTML source are layout, not paragraphs.
            self.parts.append(re.sub(r"\s+", " ", data))


def main_text(markup: str) -> str | None:
    """The article of a whole HTML page without its menus, sidebars, related links and footer, by
    trafilatura (the ``[html]`` extra: a kept extractor that does this better than rules of ours would); its
    lines become paragraphs separated by a blank line. None when trafilatura is not installed or finds no
    article."""
    try:
        import trafilatura
    except ImportError:
        return None
    out = trafilatura.extract(
        markup, output_format="txt", include_comments=False, include_tables=False, favor_recall=True
    )
    if not out or not out.strip():
        return None
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    return "\n\n".join(lines) + "\n"


def html_to_text(markup: str) -> str:
    """Plain text of an HTML input. A whole page (``<!doctype html>`` or ``<html>``) gives its main text
    (:func:`main_text`) when trafilatura is installed and finds one; otherwise, and for a fragment, block
    elements become line breaks (paragraphs separated by a blank line), script/style/head are dropped and
    entities unescaped."""
    if _HTML_START.match(markup):
        main = main_text(markup)
        if main is not None:
            return main
    return block_text(markup)


def block_text(markup: str) -> str:
    """Plain text of HTML markup: block elements become line breaks (paragraphs separated by a blank line),
    script/style/head dropped, entities unescaped."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{2,}", "\n\n", out)
    return out.strip() + "\n" if out.strip() else ""


def iter_paths(specs: Iterable[str | Path]) -> Iterator[Path]:
    """Expand PATH specs: a file, a folder (its ``*.txt`` files, recursively, sorted) or a glob pattern.

    Raises :class:`~tppo_extract.errors.InputError` for a spec that names nothing.
    """
    for spec in specs:
        p = Path(spec)
        if p.is_file():
            yield p
        elif p.is_dir():
            yield from sorted(q for q in p.rglob(TEXT_GLOB) if q.is_file())
        elif glob.has_magic(str(spec)):
            matches = sorted(Path(m) for m in glob.glob(str(spec), recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                raise InputError(spec, "the pattern matches no file")
            yield from files
        else:
            raise InputError(spec, "no such file or folder")
