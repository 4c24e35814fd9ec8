"""News outlets' names, read from resources/outlets."""

from __future__ import annotations

import pytest

from tppo_extract.lang.outlets import OUTLET_HEADS, OUTLETS, is_outlet


def test_the_lists_hold_their_known_entries() -> None:
    assert {"antara", "kompas.com", "radar bogor", "infopublik"} <= OUTLETS
    assert {"kabar", "warta", "radar"} <= OUTLET_HEADS


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ANTARA", True),
        ("Kompas.com", True),
        ("CNN   Indonesia", True),  # white space runs count as one space
        ("Warta Bahari", True),  # a local outlet's head word
        ("Wartaku.id", True),  # a web name
        ("Sukamaju", False),
        ("Lintas Bahari", False),
    ],
)
def test_is_outlet(name: str, expected: bool) -> None:
    assert is_outlet(name) is expected


def test_extra_outlets_are_compared_by_their_key() -> None:
    from tppo_extract.lang.outlets import outlet_key

    extra = frozenset({outlet_key("Lintas  Bahari")})
    assert extra == {"lintas bahari"}
    assert is_outlet("LINTAS Bahari", extra=extra)
    assert not is_outlet("Lintas Bahari")
