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
from dataclasses import dataclass, field, replace
from pathlib import Path

from tppo_extract.corpora import Sentence, bio_spans, read_bio, read_conllu

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
DEFAULT_OUT = ROOT / "build" / "corpora"

# One sentence in ten of GSD dev is held out for early stopping; the rest is trained on.
UD_DEV_EVERY = 10


# Learning how the 2017 GSD annotation maps to the current one, from the current-annotation sentences:
# a function word is relabelled when both annotations are consistent about it (each at least DOMINANT of
# its tokens, MIN_WORD tokens in the current data) and disagree ("akan": ADV/advmod in 2017, AUX/aux now).
# Content words are left: a name word's relation depends on its place in the name.
MIN_WORD = 5
DOMINANT = 0.9
FUNCTION_UPOS = frozenset({"AUX", "ADP", "SCONJ", "CCONJ", "PART", "DET", "PRON"})
# The relations that the revision re-analysed, each with the labels it may have become: an arc with one of
# them in 2017 takes the label (of those) that the current GSD gives to most arcs between the same parts of
# speech, in the same direction, when at least MIN_PAIR such arcs are there and that label has PAIR_SHARE of
# them. The reference is GSD's own current annotation: CSUI, another treebank, writes nmod where GSD keeps
# compound. Multi-word expressions were re-analysed, and a possessor pronoun ("rumahnya", "rumah mereka"),
# a 2017 det, is now nmod:poss while a determiner stays det.
MWE_LABELS = frozenset({"flat", "flat:name", "compound", "nmod", "amod", "appos"})
REANALYSED: dict[str, frozenset[str]] = {
    "flat": MWE_LABELS,
    "compound": MWE_LABELS,
    "det": frozenset({"det", "nmod:poss"}),
}
MIN_PAIR = 10
PAIR_SHARE = 0.6
# A word that joins a clause is a subordinator (SCONJ, mark), one before a nominal an adposition (ADP, case):
# the revision re-analysed "untuk", "dengan", "setelah" before a verb, which 2017 mostly gives ADP/case. These
# words are learnt one by one, with the part of speech of their head: the analysis the current GSD gives a
# word on that kind of head, when it gives one to PAIR_SHARE of at least MIN_WORD such arcs.
ADPOSITIONS = frozenset({"ADP", "SCONJ"})
ADPOSITION_RELATIONS = frozenset({"case", "mark"})


@dataclass
class Conversion:
    words: dict[str, tuple[str, str]]  # casefolded word -> (UPOS, relation) of the current annotation
    arcs: dict[tuple[str, str, bool, str], str]  # (head UPOS, dependent UPOS, head first, 2017 relation) -> now
    # (casefolded word, head UPOS) -> (UPOS, relation) now, for adpositions and subordinators; empty unless
    # learnt with ``subordinators=True``
    subordinators: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


def _dominant(counts: Counter[tuple[str, str]]) -> tuple[str, str] | None:
    total = sum(counts.values())
    (best, n), *_ = counts.most_common(1)
    return best if n / total >= DOMINANT else None


def _is_adposition_arc(s: Sentence, i: int) -> bool:
    return s.heads[i] != i and s.upos[i] in ADPOSITIONS and s.deps[i] in ADPOSITION_RELATIONS


def learn_subordinators(current: list[Sentence]) -> dict[tuple[str, str], tuple[str, str]]:
    """(word, head UPOS) -> the (UPOS, relation) that the current annotation gives to most such arcs."""
    counts: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
    for s in current:
        for i, w in enumerate(s.words):
            if _is_adposition_arc(s, i):
                counts.setdefault((w.casefold(), s.upos[s.heads[i]]), Counter())[(s.upos[i], s.deps[i])] += 1
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for key, c in counts.items():
        best, n = c.most_common(1)[0]
        if sum(c.values()) >= MIN_WORD and n / sum(c.values()) >= PAIR_SHARE:
            out[key] = best
    return out


def learn_conversion(current: list[Sentence], old: list[Sentence], *, subordinators: bool = False) -> Conversion:
    """The relabelling of :func:`convert_gsd2017`, learnt by comparing the two annotations word by word;
    with ``subordinators``, also the adpositions and subordinators (see ADPOSITIONS above)."""
    now_words: dict[str, Counter[tuple[str, str]]] = {}
    old_words: dict[str, Counter[tuple[str, str]]] = {}
    pairs: dict[tuple[str, str, bool], Counter[str]] = {}
    for sents, table in ((current, now_words), (old, old_words)):
        for s in sents:
            for i, w in enumerate(s.words):
                table.setdefault(w.casefold(), Counter())[(s.upos[i], s.deps[i])] += 1
    for s in current:
        for i, dep in enumerate(s.deps):
            h = s.heads[i]
            if h != i:
                pairs.setdefault((s.upos[h], s.upos[i], h < i), Counter())[dep] += 1
    words: dict[str, tuple[str, str]] = {}
    for w, counts in now_words.items():
        if sum(counts.values()) < MIN_WORD or w not in old_words:
            continue
        now, then = _dominant(counts), _dominant(old_words[w])
        if now is None or then is None or now[0] not in FUNCTION_UPOS:
            continue
        if now != then and "ROOT" not in (now[1], then[1]):
            words[w] = now
    arcs: dict[tuple[str, str, bool, str], str] = {}
    for (hp, dp, first), all_counts in pairs.items():
        for rel, labels in REANALYSED.items():
            counts = Counter({dep: k for dep, k in all_counts.items() if dep in labels})
            if not counts:
                continue
            label, n = counts.most_common(1)[0]
            if sum(counts.values()) >= MIN_PAIR and n / sum(counts.values()) >= PAIR_SHARE:
                arcs[(hp, dp, first, rel)] = label
    return Conversion(words, arcs, learn_subordinators(current) if subordinators else {})


# ------------------------------------------------------------------------------- punctuation attachment

# The UD guidelines attach a punctuation mark to the head of the phrase or clause it belongs to: the highest
# word next to it, on its left or right, whose arc keeps the tree projective, and of the two the one inside
# the other's phrase. Revised GSD and PUD follow this (a mark placed by :func:`attach_punctuation` from the
# words' tree alone agrees with 93 % and 88 % of their test marks); the 2017 GSD train does not (63 %), and a
# parser trained on both learns neither.
# Marks that end a sentence: they close the clause before them, never open the next one on the same line.
TERMINAL_MARKS = frozenset({".", "?", "!", "…", "..."})
# Paired marks enclose a phrase: both attach to its head. Straight quotes pair up in turn.
OPENING_MARKS = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’"}
STRAIGHT_QUOTES = frozenset({'"', "'"})


def _pairs(words: list[str], punct: list[bool]) -> dict[int, int]:
    """Each paired mark's partner, both ways: brackets and curly quotes by nesting, straight quotes in turn."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    open_quote: dict[str, int] = {}
    closing = set(OPENING_MARKS.values())
    for i, w in enumerate(words):
        if not punct[i]:
            continue
        if w in OPENING_MARKS:
            stack.append(i)
        elif w in closing:
            j = next((k for k in range(len(stack) - 1, -1, -1) if OPENING_MARKS[words[stack[k]]] == w), None)
            if j is not None:
                pairs[stack[j]], pairs[i] = i, stack[j]
                del stack[j:]
        elif w in STRAIGHT_QUOTES:
            if w in open_quote:
                o = open_quote.pop(w)
                pairs[o], pairs[i] = i, o
            else:
                open_quote[w] = i
    return pairs


def attach_punctuation(sent: Sentence) -> list[int]:
    """The heads of ``sent`` with each punctuation mark (UPOS ``PUNCT``) re-attached by the UD guidelines
    (see TERMINAL_MARKS above); the words' own arcs stay. A sentence whose words hang from a mark, or with
    other than one root among its words, is returned as it is."""
    n = len(sent.words)
    heads = list(sent.heads)
    punct = [u == "PUNCT" for u in sent.upos]
    if not any(punct) or any(punct[h] and h != i and not punct[i] for i, h in enumerate(heads)):
        return heads
    if sum(1 for i in range(n) if heads[i] == i and not punct[i]) != 1:
        return heads
    words = sent.words

    def word_at(p: int, step: int) -> int | None:
        k = p + step
        while 0 <= k < n and punct[k]:
            k += step
        return k if 0 <= k < n else None

    # every mark first hangs from a word next to it, which crosses nothing; then each finds its place in turn
    for p in range(n):
        if punct[p]:
            near = word_at(p, -1)
            heads[p] = near if near is not None else word_at(p, 1)  # type: ignore[assignment]

    def ancestors(i: int) -> list[int]:
        out = []
        while heads[i] != i:
            i = heads[i]
            out.append(i)
        return out

    def span(i: int) -> tuple[int, int]:
        inside = [k for k in range(n) if k == i or i in ancestors(k)]
        return inside[0], inside[-1]

    def projective(p: int, h: int) -> bool:
        a, b = sorted((p, h))
        if any(k != h and h not in ancestors(k) for k in range(a + 1, b)):
            return False
        for c in range(n):
            if c != p and heads[c] != c:
                u, v = sorted((c, heads[c]))
                if u < a < v < b or a < u < b < v:
                    return False
        return True

    pairs = _pairs(words, punct)
    for p in range(n):
        if not punct[p]:
            continue
        if p in pairs and abs(pairs[p] - p) > 1:
            a, b = sorted((p, pairs[p]))
            tops = [k for k in range(a + 1, b) if not punct[k] and not (a < heads[k] < b and heads[k] != k)]
            if len(tops) == 1:
                heads[p] = tops[0]
                continue
        heads[p] = p  # out of the tree while its place is sought
        terminal = words[p] in TERMINAL_MARKS
        # a sentence-final mark stays in its sentence
        start = max((k for k in range(p) if punct[k] and words[k] in TERMINAL_MARKS), default=-1) if terminal else -1
        left_path: list[int] = []
        if (c := word_at(p, -1)) is not None:
            left_path = [c]
            while heads[c] != c and start < heads[c] < p and span(c)[1] < p:
                c = heads[c]
                left_path.append(c)
        right_path: list[int] = []
        if (c := word_at(p, 1)) is not None:
            right_path = [c]
            while heads[c] != c and heads[c] > p and span(c)[0] > p:
                c = heads[c]
                right_path.append(c)
        left = next((x for x in reversed(left_path) if projective(p, x)), None)
        right = next((x for x in reversed(right_path) if projective(p, x)), None)
        if left is not None and (terminal or right is None):
            heads[p] = left
        elif left is not None and right is not None:
            heads[p] = right if left in ancestors(right) else left
        elif right is not None:
            heads[p] = right
        else:
            heads[p] = sent.heads[p]
    return heads


def convert_gsd2017(sent: Sentence, conversion: Conversion | None = None) -> Sentence:
    """Bring a 2017 GSD sentence to the revised annotation where the change can be stated.

    Mechanical: the revision names a proper-noun ``flat`` ``flat:name`` and a ``yang`` relative clause
    ``acl:relcl``; the 2017 file has neither subtype. Learnt (``conversion``, from :func:`learn_conversion`):
    words whose analysis changed as a whole, and the re-analysed ``flat``/``compound`` arcs. The words'
    heads stay; the punctuation marks are re-attached as the revision attaches them (:func:`attach_punctuation`).
    """
    deps = list(sent.deps)
    upos = list(sent.upos)
    for i, dep in enumerate(deps):
        head = sent.heads[i]
        if conversion is not None and dep in REANALYSED and head != i:
            key = (sent.upos[head], sent.upos[i], head < i, dep)
            if key in conversion.arcs:
                deps[i] = conversion.arcs[key]
                continue
        if dep == "flat" and sent.upos[i] == "PROPN" and sent.upos[head] == "PROPN":
            deps[i] = "flat:name"
        elif dep == "acl" and any(
            sent.heads[j] == i and sent.words[j].casefold() == "yang" for j in range(len(sent.words))
        ):
            deps[i] = "acl:relcl"
        elif conversion is not None and _is_adposition_arc(sent, i):
            key = (sent.words[i].casefold(), sent.upos[head])
            if key in conversion.subordinators:
                upos[i], deps[i] = conversion.subordinators[key]
    if conversion is not None:
        for i, w in enumerate(sent.words):
            if (now := conversion.words.get(w.casefold())) is not None and deps[i] != "ROOT":
                upos[i], deps[i] = now
    return Sentence(
        words=sent.words,
        spaces=sent.spaces,
        upos=upos,
        lemmas=["" for _ in sent.words],
        feats=["" for _ in sent.words],
        heads=attach_punctuation(sent),
        deps=deps,
    )


def _with_guideline_punct(sent: Sentence) -> Sentence:
    return replace(sent, heads=attach_punctuation(sent))


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
    learn: bool = True,
    current_repeat: int = 1,
    ner_corpora: Iterable[str] = tuple(NER_CORPORA),
    ner_repeat: Mapping[str, int] | None = None,
    punct_guideline: bool = False,
    subordinators: bool = False,
) -> Corpora:
    """Every split. ``ner_repeat`` repeats a corpus's training sentences (``{"idner": 2}``) to weigh its
    annotation conventions more; ``current_repeat`` does the same for the UD sentences of the current (2021+)
    annotation against the 2017 GSD train. Repeats are kept out of the de-duplication.

    ``punct_guideline`` re-attaches the punctuation of the CSUI train by the UD guidelines
    (:func:`attach_punctuation`), as the converted 2017 GSD train already is: CSUI keeps a convention of its
    own (a third of its marks hang elsewhere), GSD's own annotation follows the guidelines (93 % of its test
    marks), so that with it every training sentence attaches punctuation one way. The test files stay as
    they are. ``subordinators`` also learns the re-analysed adpositions and subordinators for the 2017
    conversion (:func:`learn_subordinators`). Both are off for the spaCy syntax of model 1.2.0."""
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
    csui_train = read_conllu(ud / "UD_Indonesian-CSUI" / "id_csui-ud-train.conllu")
    gsd_now = [s for i, s in enumerate(gsd_dev) if i % UD_DEV_EVERY]
    sources = [
        ("csui/train", [_with_guideline_punct(s) if punct_guideline else s for s in csui_train]),
        ("gsd/dev", gsd_now),
    ]
    if gsd2017:
        old = read_conllu(ud / "UD_Indonesian-GSD" / "id-ud-train.v2.0-2017.conllu", keep_lemmas=False)
        conversion = learn_conversion(gsd_now, old, subordinators=subordinators) if learn else None
        sources.append(("gsd/train-2017", [convert_gsd2017(s, conversion) for s in old]))
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
        "--no-learnt-conversion",
        dest="learn",
        action="store_false",
        help="convert the 2017 GSD train by the mechanical rules only",
    )
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
        learn=args.learn,
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
