"""Session fixtures: the loaded pipeline and paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import tppo_extract

HERE = Path(__file__).parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return tppo_extract.load()
