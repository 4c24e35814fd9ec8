"""The project's scorer agrees with the reference ``shared/eval/score.py`` on the same output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tppo_extract.evaluate import contains, norm, score_jsonl, similar

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

DEV = SHARED / "corpus" / "dev"
SCORER = SHARED / "eval" / "score.py"
needs_shared = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside the project")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Kantor Imigrasi Kelas I", "kantor imigrasi kelas i", True),
        ("Kanim Palu", "Kantor Imigrasi Palu", False),
        ("Desa Bumidaya,", "desa  bumidaya", True),
        ("", "", False),
    ],
)
def test_similar(a: str, b: str, expected: bool) -> None:
    assert similar(a, b) is expected


def test_norm_and_contains() -> None:
    assert norm("  “Rapat—Koordinasi”  ") == "rapat koordinasi"
    assert contains("Mereka menggelar rapat koordinasi, kemarin.", "rapat koordinasi")
    assert not contains("rapat", "")


def _reference(gold_dir: Path, system: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(SCORER), str(gold_dir), str(system), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start))
    e = text.find("\n", end)
    return (s + 1 if s >= 0 else 0), (e if e >= 0 else len(text))


def _from_gold(gold: dict[str, Any], text: str, *, degrade: int) -> dict[str, Any]:
    """A system output built from a gold file, with every ``degrade``-th item spoiled in some way."""
    ents: list[dict[str, Any]] = []
    for i, group in enumerate(gold["agencies"]):
        ents.append({"label": "AGENCY", "text": group[0] if i % degrade else group[0] + " Palsu"})
    for p in gold["places"]:
        ents.append({"label": "LOC", "text": p["mention"]})
    for i, d in enumerate(gold["dates"]):
        ents.append({"label": "DATE", "text": d["mention"], "value": d["value"] if i % degrade else "1999"})
    for p in gold["persons"]:
        ents.append({"label": "PER", "text": p["name"]})
    ents.append({"label": "PLACE", "text": "Atlantis"})
    quotes = []
    for i, q in enumerate(gold["quotes"]):
        at = text.find(q["start"])
        quotes.append({"start": at, "end": at + len(q["start"]) + 20, "speaker": q["speaker"] if i % degrade else "X"})
    actions = []
    for i, a in enumerate(gold["actions"]):
        at = text.find(a["trigger"])
        s, e = _sentence_around(text, at, at + len(a["trigger"]))
        actions.append({
            "type": a["type"],
            "evidence": {"start": s, "end": e},
            "actors": [{"text": a["actor"]}] if a["actor"] and i % degrade else [],
            "locations": [{"text": a["location"]}] if a["location"] else [],
            "date": {"value": a["date"]} if a["date"] else None,
            "count": a["count"] if i % degrade else 7,
            "status": a["status"],
        })  # fmt: skip
    return {"doc_id": gold["doc"], "entities": ents, "quotes": quotes, "actions": actions}


@needs_shared
@pytest.mark.parametrize("degrade", [2, 3])
def test_agrees_with_reference_on_gold_derived_output(tmp_path: Path, degrade: int) -> None:
    lines = []
    for g in sorted(DEV.glob("*.gold.json"))[:-2]:  # leave two out: they count as empty outputs
        gold = json.loads(g.read_text(encoding="utf-8"))
        text = (DEV / gold["doc"]).read_text(encoding="utf-8")
        lines.append(json.dumps(_from_gold(gold, text, degrade=degrade)))
    system = tmp_path / "sys.jsonl"
    system.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ours = score_jsonl(DEV, system).figures
    assert _without_calibration(ours) == _reference(DEV, system)
    # the spoiled items must show: a scorer that always agrees by returning zeros would fail here
    assert 0.3 < ours["agencies"]["p"] < 1.0
    assert 0.0 < ours["count"]["acc"] < 1.0
    assert ours["coverage"]["acc"] < 1.0


def _without_calibration(figures: dict[str, object]) -> dict[str, object]:
    """Our figures less the calibration table, which the reference scorer does not print."""
    return {k: v for k, v in figures.items() if k != "calibration"}


@needs_shared
@pytest.mark.slow
def test_agrees_with_reference_on_pipeline_output(tmp_path: Path) -> None:
    from tppo_extract.cli import main

    system = tmp_path / "dev.jsonl"
    assert main(["extract", str(DEV), "--meta", str(DEV / "meta.csv"), "-o", str(system), "-q"]) == 0
    figures = score_jsonl(DEV, system).figures
    assert _without_calibration(figures) == _reference(DEV, system)
    # precision by confidence bucket covers every record once
    assert sum(b["records"] for b in figures["calibration"]) == figures["records"]["system"]


@pytest.mark.parametrize(("confidence", "bucket"), [(0.0, 0), (0.49, 0), (0.5, 1), (0.65, 2), (0.9, 5), (1.0, 5)])
def test_confidence_buckets(confidence: float, bucket: int) -> None:
    from tppo_extract.evaluate import confidence_bucket

    assert confidence_bucket(confidence) == bucket


def test_action_confusion_pairs_misses_and_spurious_records(tmp_path: Path) -> None:
    from tppo_extract.evaluate import MISSED, SPURIOUS, action_confusion

    text = "Imigrasi menunda keberangkatan 5 orang. Polisi menangkap perekrut. Dinas menggelar sosialisasi.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {
        "doc": "a.txt",
        "actions": [
            {"type": "departure_prevention", "trigger": "menunda keberangkatan"},
            {"type": "enforcement", "trigger": "menangkap"},
            {"type": "awareness", "trigger": "sosialisasi"},
        ],
    }
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")

    def act(kind: str, start: int, end: int) -> dict[str, Any]:
        return {"type": kind, "evidence": {"start": start, "end": end}, "trigger": {"text": text[start:end]}}

    first, second = text.index("Polisi"), text.index("Dinas")
    outputs = {
        "a.txt": {
            "actions": [
                act("departure_prevention", 0, first - 1),  # right
                act("screening", 0, first - 1),  # a second record of the same sentence: spurious
                act("training", first, second - 1),  # the arrest read as training: a confusion
            ]
        }
    }
    rows = {(r["gold"], r["system"]) for r in action_confusion(tmp_path, outputs)}
    assert rows == {
        ("departure_prevention", "departure_prevention"),
        ("enforcement", "training"),
        ("awareness", MISSED),
        (SPURIOUS, "screening"),
    }
