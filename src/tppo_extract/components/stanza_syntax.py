"""``tppo_stanza_syntax``: stanza's tagger, lemmatizer and dependency parser as the pipeline's syntax.

``load(syntax="stanza")`` puts this stage where the spaCy syntax components (tok2vec, tagger, tppo_upos,
parser, lemmatizer) would be. It sets what they set, on the pipeline's own tokens: ``Token.tag`` and
``Token.pos`` (the UPOS label), ``Token.lemma``, ``Token.head`` and ``Token.dep`` (``ROOT`` at the root), one
tree per sentence of the rule sentencizer, so the later stages cannot tell which backend ran.

Two kinds of model folder (``stanza_dir``) are read, offline (``download_method=None``):

- the project's own (``make train-stanza``, ``models/id_tppo_stanza``): ``meta.json`` names the tagger,
  lemmatizer and parser files. They were trained on surface words, a clitic left on its word as the
  pipeline's tokenizer leaves it, so each sentence's tokens go to stanza as they are (pretokenized);
- a stanza resources folder (``resources.json`` and ``id/``, as ``stanza.download("id")`` writes it), with the
  official models. Those split clitics ("paspornya" = "paspor" + "nya", a multi-word token), so each
  sentence's text goes through stanza's own tokenizer and MWT expander, and :func:`align_sentence` maps its
  words back onto the pipeline's tokens by character offsets.

A multi-word token's analysis is that of its part whose head lies outside it (the verb of "menyetujuinya",
not the clitic), as :func:`tppo_extract.corpora.read_conllu` merges the UD training data; a stanza token that
covers several pipeline tokens gives its analysis to the first, and the others hang from it as
``goeswith``. White-space tokens are tagged ``_SP``/``SPACE`` and hang from a neighbour as ``dep``.

stanza and torch are the optional extra ``[stanza]``; without them building this stage raises
:class:`~tppo_extract.errors.ConfigError` saying how to install them.
"""

from __future__ import annotations

import bisect
import itertools
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc

from ..errors import ConfigError, ResourceError

# The stage's name (its factory's, and the one load(syntax="stanza") gives it).
STAGE = "tppo_stanza_syntax"
STANZA_MODEL_NAME = "id_tppo_stanza"
STANZA_ENV = "TPPO_EXTRACT_STANZA"
INSTALL_HINT = "pip install 'tppo-extract[stanza]' (or, in a checkout, pip install -e '.[stanza]')"
# The files of the project's own stanza models, by processor (meta.json "models" says the same).
OWN_PROCESSORS = ("pos", "lemma", "depparse")
# Sentences per stanza call: stanza batches words inside a call, so more sentences a call is faster, and
# nlp.pipe hands this stage batches of documents (16 in the CLI, some 300 sentences).
SENTENCES_PER_CALL = 256
SPACE_TAG = "_SP"


def stanza_models_path() -> Path:
    """The stanza model folder: ``$TPPO_EXTRACT_STANZA`` when set, else ``models/id_tppo_stanza`` of the
    source checkout that the package is installed from."""
    env = os.environ.get(STANZA_ENV)
    if env:
        return Path(env)
    package = Path(str(resources.files("tppo_extract")))
    return package.parent.parent / "models" / STANZA_MODEL_NAME


def import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise ConfigError(f"syntax='stanza' needs stanza and torch, which are not installed: {INSTALL_HINT}") from exc
    return stanza


# ------------------------------------------------------------------------------------------ alignment


@dataclass(frozen=True)
class Word:
    """One stanza word: its analysis and its head (1-based within the sentence, 0 for the root)."""

    upos: str
    lemma: str
    head: int
    deprel: str


@dataclass(frozen=True)
class Analysis:
    """What one pipeline token receives: a word's analysis, its head token (its own index at the root) and
    its relation."""

    upos: str
    lemma: str
    head: int
    dep: str


def align_sentence(
    tokens: Sequence[tuple[int, int]],
    stanza_tokens: Sequence[tuple[int, int, Sequence[int]]],
    words: Sequence[Word],
) -> list[Analysis | None]:
    """Map one stanza sentence onto the pipeline tokens of the same text.

    ``tokens`` are the (start, end) characters of the pipeline's non-space tokens of the sentence, in order;
    ``stanza_tokens`` are stanza's (start, end, 0-based word indices); ``words`` its words. A token that no
    stanza token overlaps gets ``None`` (the caller hangs it from a neighbour)."""
    starts = [s for s, _ in tokens]
    owner_of_word: dict[int, int] = {}
    words_of: list[list[int]] = [[] for _ in tokens]
    covered_by: dict[int, int] = {}  # a pipeline token inside a longer stanza token -> the token that owns it
    for s, e, idxs in stanza_tokens:
        j = bisect.bisect_right(starts, s) - 1
        if j < 0 or s >= tokens[j][1]:  # starts in no token: give it to the next one it overlaps
            j = bisect.bisect_left(starts, s)
            if j >= len(tokens) or tokens[j][0] >= e:
                continue
        for w in idxs:
            owner_of_word[w] = j
        words_of[j].extend(idxs)
        k = j + 1
        while k < len(tokens) and tokens[k][0] < e:
            covered_by.setdefault(k, j)
            k += 1
    out: list[Analysis | None] = [None] * len(tokens)
    for j, idxs in enumerate(words_of):
        if not idxs:
            continue
        inside = set(idxs)
        main = next((w for w in idxs if words[w].head == 0 or words[w].head - 1 not in inside), idxs[0])
        word = words[main]
        if word.head == 0:
            head, dep = j, "ROOT"
        else:
            head = owner_of_word.get(word.head - 1, j)
            dep = word.deprel if head != j else "dep"
        out[j] = Analysis(word.upos, word.lemma, head, dep)
    for k, j in covered_by.items():
        if out[k] is None and out[j] is not None:
            first = out[j]
            assert first is not None
            out[k] = Analysis(first.upos, "", j, "goeswith")
    return out


# ------------------------------------------------------------------------------------------ the stage


class StanzaSyntax:
    """Runs a stanza pipeline over each sentence of a Doc and writes its analysis onto the Doc's tokens."""

    def __init__(self, nlp: Language, name: str, stanza_dir: str | None, sentences_per_call: int) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.folder = Path(stanza_dir) if stanza_dir else stanza_models_path()
        self.sentences_per_call = sentences_per_call
        stanza = import_stanza()
        self.pretokenized, settings = _pipeline_settings(self.folder)
        try:
            self._stanza = stanza.Pipeline(
                lang="id",
                download_method=None,
                use_gpu=False,
                logging_level="WARN",
                **settings,
            )
        except Exception as exc:  # stanza raises many kinds; all mean the folder cannot be used
            problem = f"cannot load the stanza models ({type(exc).__name__}: {exc})"
            raise ResourceError(str(self.folder), problem) from exc

    # ------------------------------------------------------------------ running

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 16) -> Iterator[Doc]:
        it = iter(stream)
        while batch := list(itertools.islice(it, batch_size)):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: Sequence[Doc]) -> None:
        # (doc, the pipeline tokens of one sentence that are not white space)
        units: list[tuple[int, list[int]]] = []
        for d, doc in enumerate(docs):
            for sent in doc.sents:
                units.append((d, [t.i for t in sent if not t.is_space]))
        results: list[list[Analysis | None]] = []
        todo = [(d, idxs) for d, idxs in units if idxs]
        for k in range(0, len(todo), self.sentences_per_call):
            chunk = todo[k : k + self.sentences_per_call]
            results += self._analyse([docs[d] for d, _ in chunk], [idxs for _, idxs in chunk])
        by_unit = iter(results)
        analyses: list[dict[int, Analysis | None]] = [{} for _ in docs]
        for d, idxs in units:
            if idxs:
                for i, a in zip(idxs, next(by_unit), strict=True):
                    # heads come as indices among the sentence's non-space tokens: made the Doc's indices
                    analyses[d][i] = None if a is None else Analysis(a.upos, a.lemma, idxs[a.head], a.dep)
        for doc, found in zip(docs, analyses, strict=True):
            _write(doc, found)

    def _analyse(self, docs: Sequence[Doc], sentences: Sequence[list[int]]) -> list[list[Analysis | None]]:
        """The analyses of the given sentences (token indices of ``docs``, one list per sentence)."""
        if self.pretokenized:
            return self._analyse_tokens(docs, sentences)
        return self._analyse_text(docs, sentences)

    def _analyse_tokens(self, docs: Sequence[Doc], sentences: Sequence[list[int]]) -> list[list[Analysis | None]]:
        # the project's models: the tokens go to stanza as they are, one word each
        out = self._stanza([[docs[n][i].text for i in idxs] for n, idxs in enumerate(sentences)])
        results: list[list[Analysis | None]] = []
        for sent, idxs in zip(out.sentences, sentences, strict=True):
            if len(sent.words) != len(idxs):
                raise ValueError(f"stanza returned {len(sent.words)} words for {len(idxs)} tokens")
            results.append([_own_analysis(n, w) for n, w in enumerate(sent.words)])
        return results

    def _analyse_text(self, docs: Sequence[Doc], sentences: Sequence[list[int]]) -> list[list[Analysis | None]]:
        # official models: stanza tokenizes each sentence's text itself (multi-word tokens expanded), and its
        # words are aligned back onto the pipeline's tokens by character offsets
        stanza = import_stanza()
        texts, spans = [], []
        for doc, idxs in zip(docs, sentences, strict=True):
            base = doc[idxs[0]].idx
            end = doc[idxs[-1]].idx + len(doc[idxs[-1]].text)
            texts.append(doc.text[base:end])
            spans.append([(doc[i].idx - base, doc[i].idx - base + len(doc[i].text)) for i in idxs])
        parsed = self._stanza([stanza.Document([], text=t) for t in texts])
        results: list[list[Analysis | None]] = []
        for result, tokens in zip(parsed, spans, strict=True):
            stoks: list[tuple[int, int, list[int]]] = []
            words: list[Word] = []
            for sent in result.sentences:  # one with tokenize_no_ssplit; several would be renumbered
                offset = len(words)
                for tok in sent.tokens:
                    members = []
                    for w in tok.words:
                        members.append(len(words))
                        head = w.head + offset if w.head else 0
                        words.append(Word(w.upos or "X", w.lemma or w.text, head, w.deprel or "dep"))
                    stoks.append((tok.start_char, tok.end_char, members))
            results.append(align_sentence(tokens, stoks, words))
        return results

    # ------------------------------------------------------------------ serialisation: the folder's path only

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        (Path(path) / "cfg").write_text(json.dumps({"stanza_dir": str(self.folder)}) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> StanzaSyntax:
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Any = ()) -> StanzaSyntax:
        return self


def _own_analysis(n: int, word: Any) -> Analysis:
    """The analysis of the ``n``-th word of a pretokenized sentence (one word per token)."""
    upos, lemma = word.upos or "X", word.lemma or word.text
    if not word.head:
        return Analysis(upos, lemma, n, "ROOT")
    return Analysis(upos, lemma, word.head - 1, word.deprel or "dep")


def _pipeline_settings(folder: Path) -> tuple[bool, dict[str, Any]]:
    """(pretokenized, the stanza.Pipeline keyword arguments) for a model folder of either kind."""
    if not folder.is_dir():
        raise ResourceError(str(folder), "no such stanza model folder; run `make train-stanza` or give stanza_dir")
    meta_path = folder / "meta.json"
    if meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            files = {p: folder / meta["models"][p] for p in OWN_PROCESSORS}
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ResourceError(str(meta_path), f"not the meta.json of a stanza model folder ({exc})") from exc
        missing = [str(f) for f in files.values() if not f.is_file()]
        if missing:
            raise ResourceError(str(folder), f"missing model files: {', '.join(missing)}")
        return True, {
            # the folder's own minimal resources.json: stanza reads one even when every path is given
            "dir": str(folder),
            "processors": "tokenize,pos,lemma,depparse",
            "tokenize_pretokenized": True,
            "pos_model_path": str(files["pos"]),
            "pos_pretrain_path": None,
            "lemma_model_path": str(files["lemma"]),
            "depparse_model_path": str(files["depparse"]),
            "depparse_pretrain_path": None,
        }
    root = folder.parent if folder.name == "id" and (folder.parent / "resources.json").is_file() else folder
    if not (root / "resources.json").is_file():
        raise ResourceError(
            str(folder), "neither a meta.json (make train-stanza) nor a stanza resources.json (stanza.download('id'))"
        )
    return False, {
        "dir": str(root),
        "processors": "tokenize,mwt,pos,lemma,depparse",
        "tokenize_no_ssplit": True,
    }


def _write(doc: Doc, found: dict[int, Analysis | None]) -> None:
    """Set TAG, POS, LEMMA, HEAD and DEP of every token of ``doc`` from the analyses of its non-space tokens
    (heads as Doc indices), one tree per sentence."""
    if not len(doc):
        return
    strings = doc.vocab.strings
    tags, poses, lemmas, heads, deps = [], [], [], [], []
    for sent in doc.sents:
        first_word = next((t.i for t in sent if found.get(t.i) is not None), None)
        last_word = first_word
        for tok in sent:
            a = found.get(tok.i)
            if a is None:
                # white space, or a token stanza left out: it hangs from the word before (or the first after)
                head = last_word if last_word is not None else sent.start
                dep = "ROOT" if head == tok.i else "dep"
                tag, pos, lemma = (SPACE_TAG, "SPACE", tok.text) if tok.is_space else ("X", "X", tok.text)
            else:
                head, dep, tag, pos, lemma = a.head, a.dep, a.upos, a.upos, a.lemma or tok.text
                last_word = tok.i
            tags.append(strings.add(tag))
            poses.append(UPOS_IDS.get(pos, UPOS_IDS["X"]))
            lemmas.append(strings.add(lemma))
            heads.append(head - tok.i)
            deps.append(strings.add(dep))
    arr = numpy.empty((len(doc), 5), dtype=numpy.uint64)
    arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 4] = tags, poses, lemmas, deps
    # relative heads, negative ones as their two's complement, which is how spaCy's arrays hold them
    arr[:, 3] = numpy.array(heads, dtype=numpy.int64).astype(numpy.uint64)
    doc.from_array([TAG, POS, LEMMA, HEAD, DEP], arr)  # type: ignore[arg-type]


@Language.factory(
    STAGE,
    assigns=["token.tag", "token.pos", "token.lemma", "token.dep", "token.head"],
    requires=["token.is_sent_start"],
    default_config={"stanza_dir": None, "sentences_per_call": SENTENCES_PER_CALL},
)
def make_stanza_syntax(nlp: Language, name: str, stanza_dir: str | None, sentences_per_call: int) -> StanzaSyntax:
    return StanzaSyntax(nlp, name, stanza_dir, sentences_per_call)
