"""Static word vectors for the NER ablation in ``models/README.md``: floret vectors trained on the raw text of
the training corpora, then turned into a spaCy vocabulary that a config can name in ``[initialize] vectors``.

Usage: ``python scripts/train_vectors.py [--work DIR]`` after ``scripts/train.py --stage convert``; needs
``pip install 'tppo-extract[train]'`` (floret). Writes ``DIR/vectors/text.txt`` (the text, one sentence a line,
split by the tppo tokenizer's rules as spaCy's blank ``id`` splits them), ``DIR/vectors/vectors.floret`` and
``DIR/vectors/nlp``. The shipped pipeline does not use them: the ablation found no measurable gain for the
20 MB they add (see the model card).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# floret settings of the ablation run. The text is small (about 370k words), so the vectors are small too:
# 100 dimensions, 50,000 hashed subword rows (of 3- to 5-character n-grams, two hashes each), and 15 passes;
# one thread, which also makes the run repeatable.
FLORET = {
    "model": "skipgram",
    "mode": "floret",
    "dim": 100,
    "epoch": 15,
    "minCount": 2,
    "minn": 3,
    "maxn": 5,
    "hashCount": 2,
    "bucket": 50000,
    "thread": 1,
    "verbose": 0,
}


def write_text(raw: Path, out: Path) -> int:
    """The sentences of ``raw`` (spaCy JSONL, one ``{"text": ...}`` a line) as tokenised lines; their count."""
    import spacy

    nlp = spacy.blank("id")
    n = 0
    with raw.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            text = json.loads(line)["text"]
            dst.write(" ".join(t.text for t in nlp.make_doc(text)) + "\n")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", type=Path, default=ROOT / "build")
    args = ap.parse_args(argv)
    raw = args.work / "corpora" / "raw.jsonl"
    if not raw.is_file():
        print(f"{raw}: not found; run scripts/train.py --stage convert first", file=sys.stderr)
        return 2
    try:
        import floret
    except ImportError:
        print("floret is not installed: pip install 'tppo-extract[train]'", file=sys.stderr)
        return 2
    out = args.work / "vectors"
    out.mkdir(parents=True, exist_ok=True)
    text = out / "text.txt"
    print(f"{write_text(raw, text)} sentences -> {text}")
    t0 = time.time()
    model = floret.train_unsupervised(str(text), **FLORET)
    model.save_floret_vectors(str(out / "vectors.floret"))
    print(f"floret vectors trained in {time.time() - t0:.0f} s")
    cmd = [sys.executable, "-m", "spacy", "init", "vectors", "id", str(out / "vectors.floret"), str(out / "nlp")]
    return subprocess.run([*cmd, "--mode", "floret"], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
