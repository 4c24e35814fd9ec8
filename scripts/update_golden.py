"""Regenerate tests/golden/examples.jsonl from the current pipeline (review the diff before committing)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import tppo_extract  # noqa: E402
from test_golden import GOLDEN, current  # noqa: E402

records = current(tppo_extract.load())
GOLDEN.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
print(f"wrote {len(records)} records to {GOLDEN.relative_to(ROOT)}")
