"""The two syntax backends side by side: the trained spaCy components (the default) and stanza's models
(``load(syntax="stanza")``), on the UD test files and on the dev corpus.

    python benchmarks/syntax.py [--shared DIR] [--stanza-dir DIR] [--json OUT.json]

Prints, for each backend: UPOS, lemma, UAS and LAS on UD Indonesian GSD, CSUI and PUD test (as
``tppo-extract evaluate-ud``), the action-record F1 and the action actor, location and date accuracy on
``../shared/corpus/dev`` (all articles, and those numbered 100 and above), and the words per second of the
whole pipeline over the dev texts (batches of 16, as the CLI runs) with its ratio to spaCy's blank
tokenizer measured in the same run. Needs the ``[stanza]`` extra and ``make train-stanza`` (or --stanza-dir).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import spacy

import tppo_extract
from tppo_extract.evaluate import evaluate_folder
from tppo_extract.evaluate_models import evaluate_ud
from tppo_extract.export import doc_to_article

ROOT = Path(__file__).resolve().parent.parent
UD_TESTS = {
    "gsd": "UD_Indonesian-GSD/id_gsd-ud-test.conllu",
    "csui": "UD_Indonesian-CSUI/id_csui-ud-test.conllu",
    "pud": "UD_Indonesian-PUD/id_pud-ud-test.conllu",
}
BATCH = 16


def _best_rate(fn: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _subset(dev: Path, prefix: str, into: Path) -> Path:
    """A folder of links to the dev articles whose file names start with a digit in ``prefix``."""
    into.mkdir(parents=True, exist_ok=True)
    for p in dev.iterdir():
        if p.name[:1] in prefix and p.name[:3].isdigit() and len(p.name.split("_")[0]) == 3:
            (into / p.name).symlink_to(p.resolve())
    if (dev / "meta.csv").is_file():
        (into / "meta.csv").symlink_to((dev / "meta.csv").resolve())
    return into


def _dev_figures(dev: Path, syntax: str, stanza_dir: Path | None) -> dict[str, Any]:
    rep = evaluate_folder(dev, syntax=syntax, stanza_dir=stanza_dir if syntax == "stanza" else None)
    f = rep.figures
    return {
        "records_f1": f["records"]["f1"],
        "actor": f["actor"]["acc"],
        "location": f["location"]["acc"],
        "date": f["date"]["acc"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--stanza-dir", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()
    dev = args.shared / "corpus" / "dev"
    texts = [p.read_text(encoding="utf-8") for p in sorted(dev.glob("*.txt"))]
    blank = spacy.blank("id")
    words = sum(len(blank.make_doc(t)) for t in texts)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        new = _subset(dev, "123456789", Path(tmp) / "dev100")
        for syntax in ("spacy", "stanza"):
            kw = {"stanza_dir": args.stanza_dir} if syntax == "stanza" else {}
            nlp = tppo_extract.load(syntax=syntax, **kw)
            row: dict[str, Any] = {}
            for name, rel in UD_TESTS.items():
                ud = evaluate_ud(args.shared / "data" / "ud" / rel, nlp=nlp)
                row[f"ud_{name}"] = {k: ud[k] for k in ("upos", "lemma", "uas", "las")}
            row["dev_all"] = _dev_figures(dev, syntax, args.stanza_dir)
            row["dev_100"] = _dev_figures(new, syntax, args.stanza_dir)
            for d in nlp.pipe(texts[:4], batch_size=BATCH):  # warm up
                doc_to_article(d)
            def run(nlp: Any = nlp) -> None:
                for d in nlp.pipe(texts, batch_size=BATCH):
                    doc_to_article(d)

            secs = _best_rate(run, args.repeat)
            base = _best_rate(lambda: [blank.make_doc(t) for t in texts], 3)
            row["words_per_s"] = round(words / secs)
            row["x_tokenizer"] = round(base / secs, 4)
            results[syntax] = row
            print(syntax, json.dumps(row), flush=True)
    print(f"\n{words} words in {len(texts)} dev articles")
    print("| figure | spaCy syntax | stanza |")
    print("|---|---|---|")
    for name in UD_TESTS:
        for k in ("upos", "lemma", "uas", "las"):
            a, b = results["spacy"][f"ud_{name}"][k], results["stanza"][f"ud_{name}"][k]
            print(f"| UD {name.upper()} test {k.upper()} | {a} | {b} |")
    for part in ("dev_all", "dev_100"):
        label = "dev, all 48" if part == "dev_all" else "dev, 100+"
        for k in ("records_f1", "actor", "location", "date"):
            print(f"| {label}: {k.replace('_', ' ')} | {results['spacy'][part][k]} | {results['stanza'][part][k]} |")
    for k in ("words_per_s", "x_tokenizer"):
        print(f"| pipeline {k.replace('_', ' ')} | {results['spacy'][k]} | {results['stanza'][k]} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
