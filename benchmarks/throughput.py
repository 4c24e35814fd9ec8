"""Throughput of the tppo_extract pipeline, as ratios against baselines run in the same process.

    python benchmarks/throughput.py [FOLDER ...] [--repeat N]

Baselines: spaCy's blank Indonesian tokenizer alone (the floor any spaCy pipeline pays) and our own
tokenizer alone. Prints words/s for each and the pipeline's speed as a fraction of each baseline,
plus the stage-by-stage share of the time. Folders default to examples/articles and, when present,
../shared/corpus/dev.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path

import spacy

import tppo_extract
from tppo_extract.export import doc_to_article

ROOT = Path(__file__).resolve().parent.parent


def _texts(folders: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.glob("*.txt"))]


def _rate(fn: Callable[[str], object], texts: list[str], words: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return words / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    folders = args.folders or [ROOT / "examples" / "articles", ROOT.parent / "shared" / "corpus" / "dev"]
    texts = _texts([f for f in folders if f.is_dir()])
    blank = spacy.blank("id")
    words = sum(len(blank.make_doc(t)) for t in texts)
    nlp = tppo_extract.load()
    # warm up: lazy resources (gazetteer, lexicons) load on first use
    for t in texts[:2]:
        doc_to_article(nlp(t))

    base = _rate(blank.make_doc, texts, words, args.repeat)
    ours_tok = _rate(nlp.make_doc, texts, words, args.repeat)
    full = _rate(lambda t: doc_to_article(nlp(t)), texts, words, args.repeat)
    print(f"texts {len(texts)}, words {words}")
    print(f"baseline spacy.blank('id') tokenizer  {base:10.0f} words/s  1.00")
    print(f"tppo tokenizer                        {ours_tok:10.0f} words/s  {ours_tok / base:.2f} x baseline")
    print(f"tppo full pipeline + records          {full:10.0f} words/s  {full / base:.3f} x baseline")

    # where the time goes
    shares: dict[str, float] = {}
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = [proc(d) for d in docs]
        shares[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        doc_to_article(d)
    shares["records"] = time.perf_counter() - t0
    total = sum(shares.values())
    for name, secs in shares.items():
        print(f"  {name:18s} {100 * secs / total:5.1f} %")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MiB")


if __name__ == "__main__":
    main()
