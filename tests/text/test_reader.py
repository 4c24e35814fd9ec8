"""Tests of text/reader.py: encodings, errors, HTML and PATH specs."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tppo_extract.errors import InputError
from tppo_extract.text.reader import html_to_text, iter_paths, read_text

TEXT = "Kantor Imigrasi menunda keberangkatan 12 warga.\r\nMereka dipulangkan ke desa.\n"


@pytest.mark.parametrize(
    "raw",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    ],
)
def test_decodes_utf8_and_utf16_keeping_line_ends(tmp_path: Path, raw: bytes) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(raw)
    assert read_text(p) == TEXT


def test_falls_back_to_cp1252(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("Kata “kutipan” – café".encode("cp1252"))
    assert read_text(p) == "Kata “kutipan” – café"


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: _write(d / "e.txt", b""), "empty"),
        (lambda d: _write(d / "w.txt", b"  \n\n "), "empty"),
        (lambda d: _write(d / "b.txt", b"PK\x03\x04\x00\x00binary"), "binary"),
        (lambda d: _write(d / "big.txt", b"a" * 2048), "too large"),
    ],
)
def test_input_errors(tmp_path: Path, setup: object, reason: str) -> None:
    path = setup(tmp_path)  # type: ignore[operator]
    with pytest.raises(InputError) as info:
        read_text(path, max_bytes=1024)
    assert reason in info.value.reason
    assert info.value.source == str(path)


def _write(p: Path, raw: bytes) -> Path:
    p.write_bytes(raw)
    return p


def test_html_to_text(tmp_path: Path) -> None:
    markup = (
        "<!DOCTYPE html><html><head><title>Judul tab</title><style>p{color:red}</style></head><body>"
        "<h1>Imigrasi Gelar Sosialisasi</h1><script>var x = 1;</script>"
        "<p>Kantor Imigrasi &amp; BP2MI\n   menggelar sosialisasi.<br>Warga hadir.</p>"
        "<ul><li>Satu</li><li>Dua</li></ul></body></html>"
    )
    from tppo_extract.text.reader import block_text

    # the block extractor (used for fragments, and for pages when trafilatura is not installed)
    assert block_text(markup) == (
        "Imigrasi Gelar Sosialisasi\n\nKantor Imigrasi & BP2MI menggelar sosialisasi.\nWarga hadir.\n\nSatu\n\nDua\n"
    )
    p = tmp_path / "a.html"
    p.write_text(markup, encoding="utf-8")
    text = read_text(p)  # the page's main text (trafilatura when installed)
    assert "Kantor Imigrasi & BP2MI menggelar sosialisasi." in text
    assert "Judul tab" not in text and "var x" not in text and "color" not in text
    # sniffed by content too
    q = tmp_path / "b.txt"
    q.write_text(markup, encoding="utf-8")
    assert read_text(q) == text


def test_html_to_text_empty_page() -> None:
    assert html_to_text("<html><script>x</script></html>") == ""


def test_iter_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt", "note.md"):
        (tmp_path / name).write_text("isi", encoding="utf-8")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.txt", "b.txt", "c.txt"]
    assert [p.name for p in iter_paths([tmp_path / "note.md"])] == ["note.md"]
    assert [p.name for p in iter_paths([str(tmp_path / "*.txt")])] == ["a.txt", "b.txt"]
    with pytest.raises(InputError, match="no such file"):
        list(iter_paths([tmp_path / "nothing.txt"]))
    with pytest.raises(InputError, match="matches no file"):
        list(iter_paths([str(tmp_path / "*.csv")]))


# Written by the team for the tests.
_TEXT = "Kantor Imigrasi Sukamaju menunda keberangkatan 12 warga ke luar negeri — “TPPO” di Café Bahari.\n" * 3


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (_TEXT.encode("utf-8"), "utf-8"),
        (_TEXT.encode("utf-8-sig"), "utf-8"),
        # UTF-16 and UTF-32 with a BOM or without one (NUL bytes there are no sign of binary data)
        (_TEXT.encode("utf-16"), "utf-16"),
        (_TEXT.encode("utf-16-le"), "utf-16-le"),
        (_TEXT.encode("utf-16-be"), "utf-16-be"),
        (_TEXT.encode("utf-32"), "utf-32"),
        # the Windows code page of Indonesian text
        (_TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes_every_common_encoding_and_names_it(raw: bytes, encoding: str) -> None:
    from tppo_extract.text.reader import decode

    got = decode(raw)
    assert (got.text, got.encoding) == (_TEXT, encoding)


def test_latin1_text_with_c1_controls_is_text_not_binary() -> None:
    from tppo_extract.text.reader import decode

    raw = ("Harga naik \x85 dan turun \x96 lagi pekan ini. " * 10).encode("latin-1")
    got = decode(raw)
    assert got.text.startswith("Harga naik … dan turun – lagi") and got.encoding == "cp1252"


def test_bytes_no_code_page_defines_are_read_not_refused() -> None:
    from tppo_extract.text.reader import decode

    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: such text is read in another code page
    got = decode(b"abc \x81\x8d\x8f\x90\x9d tidak terbaca")
    assert got.text.endswith("tidak terbaca") and got.encoding != "cp1252"


def test_binary_data_is_still_refused() -> None:
    from tppo_extract.text.reader import decode

    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 20)


# A whole news page of the team's own: menus, a sidebar and a footer around the article.
_PAGE = """<!doctype html><html><head><title>Imigrasi Sukamaju Tunda 12 Warga</title></head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/nasional">Nasional</a></li><li>Olahraga</li></ul></nav>
<article><h1>Imigrasi Sukamaju Tunda Keberangkatan 12 Warga</h1>
<p>Sukamaju (Kabar Bahari) - Kantor Imigrasi Sukamaju menunda keberangkatan 12 calon pekerja migran
nonprosedural di Pelabuhan Bahari untuk mencegah TPPO.</p>
<p>Petugas juga menggelar sosialisasi di Desa Jaya, Senin (3/6/2024).</p></article>
<aside><h3>Berita Terpopuler</h3><ul><li>Harga cabai naik</li><li>Timnas menang</li></ul></aside>
<footer>Copyright 2024 Kabar Bahari. Semua hak dilindungi.</footer></body></html>"""


def test_a_whole_page_gives_its_main_text_without_menus_and_footer() -> None:
    pytest.importorskip("trafilatura")
    text = html_to_text(_PAGE)
    assert "Kantor Imigrasi Sukamaju menunda keberangkatan" in text and "sosialisasi di Desa Jaya" in text
    assert not any(junk in text for junk in ("Beranda", "Berita Terpopuler", "Copyright"))
    assert "\n\n" in text  # paragraphs stay apart


def test_without_trafilatura_the_block_extractor_reads_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_trafilatura(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    text = html_to_text(_PAGE)
    assert "Kantor Imigrasi Sukamaju menunda keberangkatan" in text and "Beranda" in text
