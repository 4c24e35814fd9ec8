"""Names of Indonesian news outlets and agencies as they appear in datelines ("(ANTARA)", "KOMPAS.com").

Datelines also name outlets without a web suffix; this list tells them from the city beside them.
"""

from __future__ import annotations

from typing import Final

import regex

OUTLETS: Final[frozenset[str]] = frozenset(
    name.casefold()
    for name in (
        "ANTARA", "Antaranews", "KOMPAS", "Kompas.com", "Tempo", "Tempo.co", "Detik", "detikcom", "detikNews",
        "Liputan6", "Liputan6.com", "Okezone", "Sindonews", "iNews", "iNews.id", "Tribun", "Tribunnews",
        "Republika", "Suara", "Suara.com", "CNN Indonesia", "CNBC Indonesia", "Bisnis", "Bisnis.com", "Kontan",
        "Kumparan", "Merdeka", "Merdeka.com", "JPNN", "jpnn.com", "JawaPos", "Jawa Pos", "Media Indonesia",
        "MI", "Medcom", "Medcom.id", "Metro TV", "TVRI", "TVRINews", "TVRI News", "RRI", "tvOne",
        "tvOneNews", "Kompas TV", "Beritasatu", "IDN Times", "Viva", "Viva.co.id", "Memorandum",
        "Elsindo", "Sulteng Raya", "Radar", "Pikiran Rakyat", "Bali Post", "Pos Kupang", "Sumut Pos",
        "Batam Pos", "Riau Pos", "Lampung Post", "Kabarsiger", "Inanews", "Indometro", "Ciremaitoday",
        "Gerbangpatriot", "Kepriheadline", "Olenka", "Berita Borneo", "Beritaborneo", "Harian Jogja",
        "Suara Merdeka", "Solopos", "Waspada", "Analisa", "Tribun Batam", "Haluan", "Fajar", "Tribun Timur",
        "Kaltim Post", "Radar Bogor", "Radar Balikpapan", "Sultengraya", "Antara Kepri", "Antara Sumsel",
        "Humas", "Infopublik", "InfoPublik", "Gatra", "Bernama", "Reuters", "AFP", "AP", "Xinhua",
    )
)

# Web names: "Kabarsiger.com", "indometro.id", "Memorandum.co.id", "GERBANGPATRIOT.COM".
WEB_NAME: Final[regex.Pattern[str]] = regex.compile(
    r"^[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:com|id|co\.id|net|org|tv|news|co|info|or\.id|web\.id)$",
    regex.IGNORECASE,
)


# Words that open the names of local news outlets ("Kabar Sukamaju", "Warta Bahari", "Radar Selatan").
OUTLET_HEADS: Final[frozenset[str]] = frozenset(
    {"kabar", "warta", "berita", "suara", "radar", "harian", "koran", "portal", "tribun", "info"}
)


def is_outlet(name: str) -> bool:
    """True for a news outlet's name or web address."""
    n = " ".join(name.split())
    words = n.split()
    if 2 <= len(words) <= 3 and words[0].casefold() in OUTLET_HEADS:
        return True
    return n.casefold() in OUTLETS or bool(WEB_NAME.match(n)) or n.endswith(("News", "NEWS", "news.id"))
