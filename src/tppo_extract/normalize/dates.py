"""STUB (dates stage owns this file): Indonesian temporal expressions to ISO values."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class DateValue:
    value: str  # ISO at its own granularity: "2024", "2024-03", "2024-03-12"
    granularity: Literal["year", "month", "day"]


def normalize_date(text: str, *, anchor: str | None = None) -> DateValue | None:
    """The ISO value of the temporal expression ``text``; ``anchor`` ("YYYY-MM-DD", usually the
    publication date) resolves partial and relative ones. None when it cannot be resolved."""
    return None
