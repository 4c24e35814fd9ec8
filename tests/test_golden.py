"""Whole-article golden test: the records of the bundled examples do not change by accident.

After an intended change, regenerate with ``python scripts/update_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

import tppo_extract

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
GOLDEN = Path(__file__).parent / "golden" / "examples.jsonl"


def current(nlp: Language) -> list[dict[str, object]]:
    meta = tppo_extract.read_meta(EXAMPLES / "meta.csv")
    items = [{"path": str(p), "doc_id": p.name, "pub_date": meta.get(p.name)} for p in sorted(EXAMPLES.glob("*.txt"))]
    return [a.to_json_dict() for a in tppo_extract.extract_many(items, nlp=nlp)]


def _summary(rec: dict[str, object]) -> list[tuple[object, ...]]:
    acts = rec["actions"]
    assert isinstance(acts, list)
    return [(a["type"], a["trigger"]["text"], a["status"], a["count"]) for a in acts]


def test_examples_match_golden(nlp: Language) -> None:
    expected = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()]
    got = current(nlp)
    assert [r["doc_id"] for r in got] == [r["doc_id"] for r in expected]
    for g, e in zip(got, expected, strict=True):
        # compare the readable parts first so a failure says what moved
        assert _summary(g) == _summary(e), g["doc_id"]
        assert g == e, f"{g['doc_id']}: records changed; run scripts/update_golden.py if intended"


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_golden_offsets_point_into_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    rec = next(json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines()
               if json.loads(line)["doc_id"] == path.name)  # fmt: skip
    for e in rec["entities"] + rec["zones"] + rec["quotes"]:
        assert text[e["start"] : e["end"]] == e["text"]
