"""Quality floors on the team's own examples: the pipeline scored against the hand-written gold of
``examples/articles`` (not against a snapshot of its own output). A change that loses an entity, a quote or
an action there fails the build; a change that gains one should raise the floor in the same commit.

The floors are the figures measured on 2026-12-01, rounded down to two decimals. The examples are eight
articles written by the team, so one error moves a figure by two to five points.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tppo_extract.evaluate import evaluate_folder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"

# figure -> (measure, floor)
FLOORS: dict[str, tuple[str, float]] = {
    "agencies": ("f1", 0.92),
    "places": ("f1", 0.93),
    "dates": ("f1", 1.00),
    "persons": ("f1", 0.94),
    "quotes": ("f1", 0.97),
    "records": ("f1", 0.93),
    "types": ("f1", 0.96),
    "date_value": ("acc", 0.94),
    "speaker": ("acc", 1.00),
    "actor": ("acc", 1.00),
    "location": ("acc", 0.75),
    "date": ("acc", 0.82),
    "count": ("acc", 0.93),
    "status": ("acc", 1.00),
    "relevance": ("acc", 1.00),
}


@pytest.fixture(scope="module")
def figures() -> dict[str, dict[str, float]]:
    return evaluate_folder(EXAMPLES).figures


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_example_figures_hold_their_floor(figures: dict[str, dict[str, float]], name: str) -> None:
    measure, floor = FLOORS[name]
    assert figures[name][measure] >= floor, f"{name} {measure} {figures[name][measure]:.3f} < floor {floor}"
