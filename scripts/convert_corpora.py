"""Convert the open NER and UD corpora in ``../shared/data`` into spaCy training files, with one label map.

Usage: ``python scripts/convert_corpora.py [--shared DIR] [--out DIR]`` (``make train`` runs it). Writes
``DocBin`` files to ``build/corpora`` (git-ignored) and ``raw.jsonl`` (training text only, for pretraining):

==========================  ================================================================================
``ner-train.spacy``         idner-news-2k train, NER-UI ``train.01``, NERGrit train, NER-UGM filtered
``ner-dev.spacy``           NER-UI ``dev.01`` and NERGrit valid: early stopping only
``ner-test-nerui.spacy``    NER-UI ``test.01``: a test set, never trained on
``ner-test-idner.spacy``    idner-news-2k dev: a test set, never trained on
``ud-train.spacy``          CSUI train, GSD dev (less a held-out tenth) and, with ``--gsd2017``, the 2017 GSD train
``ud-dev.spacy``            every tenth sentence of GSD dev: early stopping only
``ud-test-*.spacy``         CSUI test, GSD test, PUD
==========================  ================================================================================

Any training sentence whose words equal those of a test or dev sentence is dropped (NER-UGM and
idner-news-2k are the same sentences annotated twice, and the NER-UI folds overlap), so a score on the
test files is a score on unseen text. ``tests/scripts/test_convert_corpora.py`` checks it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from tppo_extract.corpora import Sentence, bio_spans, read_bio, read_conllu

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "build" / "corpora"

# One sentence in ten of GSD dev is held out for early stopping; the rest is trained on.
UD_DEV_EVERY = 10


def convert_gsd2017(sent: Sentence) -> Sentence:
    """Bring the 2017 GSD annotation closer to the revised one where the change is mechanical.

    The 2021 revision names a proper-noun ``flat`` ``flat:name`` and a ``yang`` relative clause
    ``acl:relcl``; the 2017 file has neither subtype. Compounds were re-analysed case by case and are left.
    """
    deps = list(sent.deps)
    for i, dep in enumerate(deps):
        head = sent.heads[i]
        if dep == "flat" and sent.upos[i] == "PROPN" and sent.upos[head] == "PROPN":
            deps[i] = "flat:name"
        elif dep == "acl" and any(
            sent.heads[j] == i and sent.words[j].casefold() == "yang" for j in range(len(sent.words))
        ):
            deps[i] = "acl:relcl"
    return Sentence(
        words=sent.words,
        spaces=sent.spaces,
        upos=sent.upos,
        lemmas=["" for _ in sent.words],
        feats=["" for _ in sent.words],
        heads=sent.heads,
        deps=deps,
    )


# -------------------------------------------------------------------------------------------- output


def to_docbin(sentences: list[Sentence], *, ner: bool) -> object:
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank("id").vocab
    db = DocBin(store_user_data=False)
    for s in sentences:
        if ner:
            doc = Doc(vocab, words=s.words)
            doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in bio_spans(s.tags)]
            # every token is annotated, an "O" included: mark the rest outside rather than missing
            for tok in doc:
                if tok.ent_iob_ == "":
                    tok.ent_iob_ = "O"
        else:
            doc = Doc(
                vocab,
                words=s.words,
                spaces=s.spaces,
                tags=s.upos,  # the tagger learns UPOS; attribute_ruler copies it to Token.pos
                pos=s.upos,
                morphs=s.feats if any(s.feats) else None,
                lemmas=s.lemmas if any(s.lemmas) else None,
                heads=s.heads,
                deps=s.deps,
            )
        db.add(doc)
    return db


def dedupe(train: list[Sentence], held_out: Iterable[Sentence]) -> tuple[list[Sentence], int]:
    """Drop training sentences that equal a held-out one, and repeats within training."""
    banned = {s.key for s in held_out}
    seen: set[str] = set()
    kept: list[Sentence] = []
    for s in train:
        if s.key in banned or s.key in seen or not s.key:
            continue
        seen.add(s.key)
        kept.append(s)
    return kept, len(train) - len(kept)


@dataclass
class Corpora:
    ner_train: list[Sentence]
    ner_dev: list[Sentence]
    ner_tests: dict[str, list[Sentence]]
    ud_train: list[Sentence]
    ud_dev: list[Sentence]
    ud_tests: dict[str, list[Sentence]]
    dropped: Counter[str]


# NER corpora: name -> (training files, early-stopping files), below shared/data/ner. A corpus without a dev
# file of its own ("idner") gives every DEV_EVERY-th training sentence to early stopping instead, so that
# the model chosen is the best on every convention it is tested on.
NER_CORPORA: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "idner": (("idner-news-2k/train.txt",), ()),
    "nerui": (("indolem-nerui/train.01.tsv",), ("indolem-nerui/dev.01.tsv",)),
    "nergrit": (("indonlu-nergrit/train_preprocess.txt",), ("indonlu-nergrit/valid_preprocess.txt",)),
    "nerugm": (("indolem-nerugm/nerugm-filtered.txt",), ()),
}
NER_DEV_FROM_TRAIN: frozenset[str] = frozenset({"idner"})
DEV_EVERY = 10
# The test sets: never trained on, never used for early stopping.
NER_TESTS: dict[str, str] = {"nerui": "indolem-nerui/test.01.tsv", "idner": "idner-news-2k/dev.txt"}


def build(
    shared: Path,
    *,
    gsd2017: bool = True,
    current_repeat: int = 1,
    ner_corpora: Iterable[str] = tuple(NER_CORPORA),
    ner_repeat: Mapping[str, int] | None = None,
) -> Corpora:
    """Every split. ``ner_repeat`` repeats a corpus's training sentences (``{"idner": 2}``) to weigh its
    annotation conventions more; ``current_repeat`` does the same for the UD sentences of the current (2021+)
    annotation against the 2017 GSD train. Repeats are kept out of the de-duplication."""
    ner = shared / "data" / "ner"
    ud = shared / "data" / "ud"
    dropped: Counter[str] = Counter()
    chosen = [name for name in NER_CORPORA if name in set(ner_corpora)]
    repeat = dict(ner_repeat or {})

    ner_tests = {name: read_bio(ner / rel) for name, rel in NER_TESTS.items()}
    held_out = [s for t in ner_tests.values() for s in t]
    ner_dev: list[Sentence] = []
    train_files: dict[str, list[Sentence]] = {}
    for name in chosen:
        files, devs = NER_CORPORA[name]
        for rel in files:
            sents = read_bio(ner / rel)
            if name in NER_DEV_FROM_TRAIN:
                devs_here = sents[::DEV_EVERY]
                sents = [s for i, s in enumerate(sents) if i % DEV_EVERY]
                kept, n = dedupe(devs_here, [*held_out, *ner_dev])
                dropped[rel + " (dev part)"] += n
                ner_dev += kept
            train_files[rel] = sents
        for rel in devs:
            kept, n = dedupe(read_bio(ner / rel), [*held_out, *ner_dev])
            dropped[rel] += n
            ner_dev += kept
    ner_train: list[Sentence] = []
    for name in chosen:
        for rel in NER_CORPORA[name][0]:
            kept, n = dedupe(train_files[rel], [*held_out, *ner_dev, *ner_train])
            dropped[rel] += n
            ner_train += kept * repeat.get(name, 1)

    ud_tests = {
        "gsd": read_conllu(ud / "UD_Indonesian-GSD" / "id_gsd-ud-test.conllu"),
        "csui": read_conllu(ud / "UD_Indonesian-CSUI" / "id_csui-ud-test.conllu"),
        "pud": read_conllu(ud / "UD_Indonesian-PUD" / "id_pud-ud-test.conllu"),
    }
    gsd_dev = read_conllu(ud / "UD_Indonesian-GSD" / "id_gsd-ud-dev.conllu")
    ud_dev = gsd_dev[::UD_DEV_EVERY]
    ud_held = [*ud_dev, *(s for t in ud_tests.values() for s in t)]
    ud_train: list[Sentence] = []
    sources = [
        ("csui/train", read_conllu(ud / "UD_Indonesian-CSUI" / "id_csui-ud-train.conllu")),
        ("gsd/dev", [s for i, s in enumerate(gsd_dev) if i % UD_DEV_EVERY]),
    ]
    if gsd2017:
        old = read_conllu(ud / "UD_Indonesian-GSD" / "id-ud-train.v2.0-2017.conllu", keep_lemmas=False)
        sources.append(("gsd/train-2017", [convert_gsd2017(s) for s in old]))
    seen: list[Sentence] = []
    for name, sents in sources:
        kept, n = dedupe(sents, [*ud_held, *seen])
        dropped[name] += n
        seen += kept
        ud_train += kept * (1 if name == "gsd/train-2017" else current_repeat)
    return Corpora(ner_train, ner_dev, ner_tests, ud_train, ud_dev, ud_tests, dropped)


def raw_texts(corpora: Corpora) -> Iterator[str]:
    """Training sentences only, as text, for ``spacy pretrain``: test sentences never leak into weights."""
    for s in [*corpora.ner_train, *corpora.ud_train]:
        yield " ".join(s.words)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-gsd2017", dest="gsd2017", action="store_false", help="leave out the 2017 GSD train")
    ap.add_argument(
        "--current-repeat", type=int, default=1, help="repeat the current-annotation UD sentences N times"
    )
    ap.add_argument(
        "--ner-corpora",
        default=",".join(NER_CORPORA),
        help=f"comma-separated NER corpora to train on (default: all of {', '.join(NER_CORPORA)})",
    )
    ap.add_argument(
        "--ner-repeat",
        action="append",
        default=[],
        metavar="NAME=N",
        help="repeat a NER corpus's training sentences N times (repeatable)",
    )
    args = ap.parse_args(argv)
    if not (args.shared / "data").is_dir():
        print(f"{args.shared}: no data/ folder with the corpora", file=sys.stderr)
        return 2
    repeat = {k: int(v) for k, _, v in (item.partition("=") for item in args.ner_repeat)}
    unknown = (set(args.ner_corpora.split(",")) | set(repeat)) - set(NER_CORPORA)
    if unknown:
        print(f"unknown NER corpora: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    c = build(
        args.shared,
        gsd2017=args.gsd2017,
        current_repeat=args.current_repeat,
        ner_corpora=args.ner_corpora.split(","),
        ner_repeat=repeat,
    )
    args.out.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[list[Sentence], bool]] = {
        "ner-train": (c.ner_train, True),
        "ner-dev": (c.ner_dev, True),
        **{f"ner-test-{k}": (v, True) for k, v in c.ner_tests.items()},
        "ud-train": (c.ud_train, False),
        "ud-dev": (c.ud_dev, False),
        **{f"ud-test-{k}": (v, False) for k, v in c.ud_tests.items()},
    }
    for name, (sents, ner) in files.items():
        to_docbin(sents, ner=ner).to_disk(args.out / f"{name}.spacy")  # type: ignore[attr-defined]
        print(f"{name:16s} {len(sents):6d} sentences {sum(len(s.words) for s in sents):8d} words")
    with (args.out / "raw.jsonl").open("w", encoding="utf-8") as fh:
        for text in raw_texts(c):
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    for name, n in sorted(c.dropped.items()):
        if n:
            print(f"dropped {n} repeated or held-out sentences from {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
