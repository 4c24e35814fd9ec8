"""Names of Indonesian news outlets and agencies as they appear in datelines ("(ANTARA)", "KOMPAS.com").

Datelines also name outlets without a web suffix; this list tells them from the city beside them.
"""

from __future__ import annotations

from typing import Final

import regex

from .wordlists import word_set

# Outlets as datelines write them, casefolded (resources/outlets/outlets.txt).
OUTLETS: Final[frozenset[str]] = word_set("outlets", "outlets.txt", key=str.casefold)

# Web names: "Kabarsiger.com", "indometro.id", "Memorandum.co.id", "GERBANGPATRIOT.COM".
WEB_NAME: Final[regex.Pattern[str]] = regex.compile(
    r"^[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:com|id|co\.id|net|org|tv|news|co|info|or\.id|web\.id)$",
    regex.IGNORECASE,
)


# Words that open the names of local news outlets ("Kabar Sukamaju", "Warta Bahari", "Radar Selatan").
OUTLET_HEADS: Final[frozenset[str]] = word_set("outlets", "outlet_heads.txt", key=str.casefold)


def outlet_key(name: str) -> str:
    """How outlets' names are compared: casefolded, white space runs as one space ("Kabar  SUKAMAJU" ->
    "kabar sukamaju")."""
    return " ".join(name.split()).casefold()


def is_outlet(name: str, *, extra: frozenset[str] = frozenset()) -> bool:
    """True for a news outlet's name or web address. ``extra`` are more outlets' names (a pipeline's local
    ones), as :func:`outlet_key` gives them."""
    n = " ".join(name.split())
    words = n.split()
    if 2 <= len(words) <= 3 and words[0].casefold() in OUTLET_HEADS:
        return True
    key = n.casefold()
    return key in OUTLETS or key in extra or bool(WEB_NAME.match(n)) or n.endswith(("News", "NEWS", "news.id"))
