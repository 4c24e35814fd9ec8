"""Readers of the open corpora's file formats: token-per-line BIO (NER) and CoNLL-U (UD), with one NER label map.

The training script (``scripts/convert_corpora.py``) and the evaluation commands (``tppo-extract evaluate-ner``,
``evaluate-ud``) read the files through these functions, so that training and scoring see the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Every corpus's label -> the one map the model learns. QUANTITY and TIME (NER-UGM) are not names.
NER_LABELS: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "GPE": "LOC",
}
# The pipeline's entity labels as the NER label map names them.
PIPELINE_TO_NER: dict[str, str] = {"PERSON": "PER", "AGENCY": "ORG", "PLACE": "LOC"}


@dataclass
class Sentence:
    words: list[str]
    tags: list[str] = field(default_factory=list)  # BIO over NER_LABELS, for NER
    # UD only
    spaces: list[bool] = field(default_factory=list)
    upos: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    feats: list[str] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # 0-based index in the sentence; root points to itself
    deps: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return sentence_key(self.words)


def sentence_key(words: Iterable[str]) -> str:
    """A sentence's identity for de-duplication: its words, case-folded, punctuation and spacing ignored."""
    return " ".join(w.casefold() for w in words if any(c.isalnum() for c in w))


def read_bio(path: Path) -> list[Sentence]:
    """Token-per-line BIO files: ``word TAG`` or ``word POS TAG`` (tab or space separated), blank between
    sentences. Tags are mapped with ``NER_LABELS``; an ``I-`` that does not continue its type starts one."""
    out: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            out.append(Sentence(words=list(words), tags=repair_bio(tags)))
        words.clear()
        tags.clear()

    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n").strip("\r")
            if not line.strip():
                flush()
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            if len(parts) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'word [POS] TAG', got {line!r}")
            word, tag = parts[0].strip(), parts[-1].strip()
            if not word:
                continue
            words.append(word)
            tags.append(map_tag(tag))
    flush()
    return out


def map_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    mapped = NER_LABELS.get(label.upper())
    if mapped is None or prefix not in {"B", "I"}:
        return "O"
    return f"{prefix}-{mapped}"


def repair_bio(tags: list[str]) -> list[str]:
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or fixed[i - 1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return fixed


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a repaired BIO sequence."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == label):
            spans.append((start, i, label))
            start = -1
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def read_conllu(path: Path, *, keep_lemmas: bool = True) -> list[Sentence]:
    """CoNLL-U sentences as surface words: a multi-word token ("menyetujuinya" = "menyetujui" + "nya") becomes
    one word, since our tokenizer does not split clitics. The merged word takes the analysis of its part whose
    head lies outside it (the verb, not the clitic); heads into a merged range point at the merged word."""
    out: list[Sentence] = []
    block: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line:
                if block:
                    out.append(_conllu_sentence(block, path, lineno, keep_lemmas))
                block = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                if len(cols) != 10:
                    raise ValueError(f"{path}:{lineno}: expected 10 columns, got {len(cols)}")
                block.append(cols)
    if block:
        out.append(_conllu_sentence(block, path, -1, keep_lemmas))
    return out


def _conllu_sentence(rows: list[list[str]], path: Path, lineno: int, keep_lemmas: bool) -> Sentence:
    ranges: dict[int, tuple[int, list[str]]] = {}  # first id -> (last id, the MWT row)
    words_rows: dict[int, list[str]] = {}
    for cols in rows:
        if "." in cols[0]:
            continue  # empty nodes of enhanced dependencies
        if "-" in cols[0]:
            a, b = (int(x) for x in cols[0].split("-"))
            ranges[a] = (b, cols)
        else:
            words_rows[int(cols[0])] = cols
    # id -> index of the surface word that holds it
    owner: dict[int, int] = {}
    surface: list[tuple[list[str], list[int]]] = []  # (row giving form and SpaceAfter, ids inside)
    i = 1
    n = max(words_rows) if words_rows else 0
    while i <= n:
        if i in ranges:
            last, mwt = ranges[i]
            ids = list(range(i, last + 1))
            surface.append((mwt, ids))
            i = last + 1
        else:
            surface.append((words_rows[i], [i]))
            i += 1
    for idx, (_, ids) in enumerate(surface):
        for k in ids:
            owner[k] = idx
    sent = Sentence(words=[])
    for idx, (row, ids) in enumerate(surface):
        inside = set(ids)
        main = next((k for k in ids if int(words_rows[k][6] or 0) not in inside), ids[0])
        cols = words_rows[main]
        head = int(cols[6]) if cols[6] not in {"_", ""} else 0
        sent.words.append(row[1])
        sent.spaces.append("SpaceAfter=No" not in row[9].split("|"))
        sent.upos.append(cols[3] if cols[3] != "_" else "")
        # a merged word's lemma is its main part's ("menyetujuinya" -> "setuju")
        sent.lemmas.append(cols[2] if keep_lemmas and cols[2] != "_" else "")
        sent.feats.append(cols[5] if cols[5] != "_" else "")
        sent.heads.append(idx if head == 0 else owner[head])
        sent.deps.append("ROOT" if head == 0 else cols[7])
    if not sent.words:
        raise ValueError(f"{path}:{lineno}: empty sentence")
    return sent
