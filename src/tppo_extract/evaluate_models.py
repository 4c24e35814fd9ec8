"""Scoring the trained components against the open corpora: NER (BIO files) and UD syntax (CoNLL-U).

``tppo-extract evaluate-ner`` and ``evaluate-ud`` call :func:`evaluate_ner` and :func:`evaluate_ud`. The
scoring is done by small pure functions (:func:`prf`, :func:`score_ner_spans`, :func:`score_ud`) so that
the figures can be checked on hand-made cases without a trained model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .components.stanza_syntax import STAGE as STANZA_STAGE
from .corpora import PIPELINE_TO_NER, Sentence, bio_spans, read_bio, read_conllu
from .errors import ConfigError, InputError
from .pipeline import SPACY_SYNTAX

NER_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
# The trained NER, run on its own: its tok2vec first (the ner listens to it), then the ner.
NER_COMPONENTS: tuple[str, ...] = ("ner_tok2vec", "ner")
# The trained syntax components; they run in pipeline order, whichever of them the pipeline has.
# (tppo_upos copies the tag to POS in the shipped pipeline; attribute_ruler does it in one built by hand;
# the stanza stage does all of them in one, with load(syntax="stanza"))
UD_COMPONENTS: tuple[str, ...] = (*SPACY_SYNTAX, STANZA_STAGE)
UD_KEYS: tuple[str, ...] = ("upos", "lemma", "uas", "las", "las_universal")
DIGITS = 4  # four decimals: differences of a tenth of a point between models stay visible

Span3 = tuple[int, int, str]


# ------------------------------------------------------------------------------------------ reading


def read_ner_file(path: str | Path) -> list[Sentence]:
    """The sentences of a BIO file, or :class:`InputError` naming the file when it cannot be read."""
    return _read(Path(path), read_bio, "a token-per-line BIO file ('word [POS] TAG', blank line between sentences)")


def read_ud_file(path: str | Path) -> list[Sentence]:
    """The sentences of a CoNLL-U file, or :class:`InputError` naming the file when it cannot be read."""
    return _read(Path(path), read_conllu, "a CoNLL-U file (10 tab-separated columns, blank line between sentences)")


def _read(path: Path, reader: Callable[[Path], list[Sentence]], expected: str) -> list[Sentence]:
    if not path.is_file():
        raise InputError(path, "no such file")
    try:
        sentences = reader(path)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    except OSError as exc:
        raise InputError(path, f"cannot read it: {exc.strerror or exc}") from exc
    except (ValueError, KeyError, IndexError) as exc:
        raise InputError(path, f"malformed: {_problem(exc, path)}; expected {expected}") from exc
    if not sentences:
        raise InputError(path, f"no sentences found; expected {expected}")
    return sentences


def _problem(exc: Exception, path: Path) -> str:
    # The readers' ValueErrors start with "path:line:"; a KeyError is a head or id with no word behind it.
    if isinstance(exc, KeyError):
        return f"a head or token id ({exc.args[0] if exc.args else '?'}) refers to no word of its sentence"
    msg = str(exc)
    prefix = f"{path}:"
    if msg.startswith(prefix):
        line, _, rest = msg[len(prefix) :].partition(":")
        return f"line {line}: {rest.strip()}" if line.isdigit() else rest.strip()
    return msg


# ------------------------------------------------------------------------------------------ scoring


def prf(correct: int, system: int, gold: int) -> dict[str, Any]:
    """Precision, recall and F1 of ``correct`` matches among ``system`` predictions and ``gold`` items.

    An empty side scores 0.0 rather than raising, so that a type the system never predicts shows as 0."""
    p = correct / system if system else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, DIGITS), "r": round(r, DIGITS), "f1": round(f, DIGITS), "gold": gold, "system": system}


def score_ner_spans(
    gold: Sequence[Iterable[Span3]],
    pred: Sequence[Iterable[Span3]],
    *,
    labels: Sequence[str] = NER_TYPES,
) -> dict[str, dict[str, Any]]:
    """P/R/F1 per label and micro-averaged, one ``(start, end, label)`` collection per sentence on each side.

    A prediction is correct only on an exact match of both offsets and the label: a span that overlaps a
    gold span, or has its offsets but another label, counts as one false positive and one miss, as in
    CoNLL. Labels outside ``labels`` are left out of every count."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    keep = set(labels)
    counts = {lab: [0, 0, 0] for lab in labels}  # correct, system, gold
    for g_spans, p_spans in zip(gold, pred, strict=True):
        g = {s for s in g_spans if s[2] in keep}
        p = {s for s in p_spans if s[2] in keep}
        for s in g:
            counts[s[2]][2] += 1
        for s in p:
            counts[s[2]][1] += 1
        for s in g & p:
            counts[s[2]][0] += 1
    out = {lab: prf(*counts[lab]) for lab in labels}
    out["micro"] = prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return out


def char_spans(words: Sequence[str], spans: Iterable[Span3]) -> list[Span3]:
    """Token spans turned into character spans of ``" ".join(words)``, the text the whole pipeline reads."""
    starts: list[int] = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    return [(starts[a], starts[b - 1] + len(words[b - 1]), lab) for a, b, lab in spans if b > a]


def doc_ents(doc: Doc, *, label_map: Mapping[str, str] | None = None, chars: bool = False) -> list[Span3]:
    """The entities of ``doc`` as ``(start, end, label)``, in tokens or (``chars``) characters.

    With ``label_map`` the labels are renamed through it and entities whose label it lacks are dropped."""
    out: list[Span3] = []
    for e in doc.ents:
        label = e.label_ if label_map is None else label_map.get(e.label_)
        if label is None:
            continue
        out.append((e.start_char, e.end_char, label) if chars else (e.start, e.end, label))
    return out


def _is_root(label: str) -> bool:
    return label.lower() == "root"


def same_dep(gold: str, pred: str, *, universal: bool = False) -> bool:
    """Whether two dependency labels agree: exactly, or (``universal``) on the part before ``:``.

    The root label is compared case-insensitively: our reader writes "ROOT", spaCy predicts "ROOT", UD
    files say "root"."""
    if _is_root(gold) or _is_root(pred):
        return _is_root(gold) and _is_root(pred)
    if universal:
        return gold.split(":", 1)[0] == pred.split(":", 1)[0]
    return gold == pred


def score_ud(gold: Sequence[Sentence], docs: Sequence[Doc]) -> dict[str, Any]:
    """UPOS, lemma, UAS, LAS and universal LAS of ``docs`` against the gold sentences, word by word.

    Punctuation counts, as in the CoNLL 2018 evaluation. A gold root points at itself (see
    :func:`tppo_extract.corpora.read_conllu`), so a root is attached correctly when spaCy makes the token
    its own head. Lemma accuracy is over the words with a gold lemma, compared exactly (case included);
    it is ``None`` when the file has no lemmas."""
    if len(gold) != len(docs):
        raise ValueError(f"{len(gold)} gold sentences but {len(docs)} docs")
    n = upos = lemma = lemma_n = uas = las = las_u = 0
    for sent, doc in zip(gold, docs, strict=True):
        if len(doc) != len(sent.words):
            raise ValueError(f"a doc has {len(doc)} tokens where the gold sentence has {len(sent.words)} words")
        for i, tok in enumerate(doc):
            n += 1
            upos += tok.pos_ == sent.upos[i]
            if sent.lemmas[i]:
                lemma_n += 1
                lemma += tok.lemma_ == sent.lemmas[i]
            if tok.head.i == sent.heads[i]:
                uas += 1
                las += same_dep(sent.deps[i], tok.dep_)
                las_u += same_dep(sent.deps[i], tok.dep_, universal=True)

    def ratio(k: int, m: int) -> float | None:
        return round(k / m, DIGITS) if m else None

    return {
        "upos": ratio(upos, n),
        "lemma": ratio(lemma, lemma_n),
        "uas": ratio(uas, n),
        "las": ratio(las, n),
        "las_universal": ratio(las_u, n),
        "tokens": n,
        "sentences": len(gold),
    }


# ------------------------------------------------------------------------------------------ running


def _run_components(nlp: Language, names: Sequence[str], docs: list[Doc], *, batch_size: int) -> list[Doc]:
    # Component by component over the whole list: a tok2vec's output reaches its listeners through
    # doc.tensor, so the order of names is all that matters.
    for name in names:
        proc = nlp.get_pipe(name)
        docs = list(proc.pipe(docs, batch_size=batch_size)) if isinstance(proc, Pipe) else [proc(d) for d in docs]
    return docs


def predict_model_ner(nlp: Language, sentences: Sequence[Sentence], *, batch_size: int = 256) -> list[list[Span3]]:
    """Token spans that the trained ``ner`` alone predicts on the gold words (no rules, no tokenizer)."""
    if "ner" not in nlp.pipe_names:
        raise ConfigError("the pipeline has no 'ner' component: load a pipeline with the trained NER")
    names = [n for n in NER_COMPONENTS if n in nlp.pipe_names]
    docs = _run_components(nlp, names, [Doc(nlp.vocab, words=s.words) for s in sentences], batch_size=batch_size)
    return [doc_ents(d) for d in docs]


def predict_pipeline_ner(nlp: Language, sentences: Sequence[Sentence], *, batch_size: int = 64) -> list[list[Span3]]:
    """Character spans, relabelled with ``PIPELINE_TO_NER``, that the whole pipeline finds in each sentence
    read as a text of its own (the words joined by single spaces)."""
    texts = (" ".join(s.words) for s in sentences)
    return [doc_ents(d, label_map=PIPELINE_TO_NER, chars=True) for d in nlp.pipe(texts, batch_size=batch_size)]


def evaluate_ner(
    path: str | Path,
    *,
    nlp: Language,
    model: bool = True,
    pipeline: bool = True,
    batch_size: int = 64,
) -> dict[str, Any]:
    """Entity P/R/F1 of the trained NER alone (``"model"``) and of the whole pipeline (``"pipeline"``).

    A pass not asked for is ``None``. The model pass is ``None`` too, with ``"model_skipped"`` saying why,
    when the pipeline has no ``ner`` (the rules-only release); asking for it alone then raises
    :class:`ConfigError`."""
    sentences = read_ner_file(path)
    gold_tokens = [bio_spans(s.tags) for s in sentences]
    out: dict[str, Any] = {"model": None, "pipeline": None, "sentences": len(sentences)}
    if model:
        if "ner" in nlp.pipe_names:
            out["model"] = score_ner_spans(gold_tokens, predict_model_ner(nlp, sentences, batch_size=batch_size))
        elif not pipeline:
            raise ConfigError("the pipeline has no 'ner' component, so there is no model to score alone")
        else:
            out["model_skipped"] = "the pipeline has no 'ner' component: it is rules-only"
    if pipeline:
        gold_chars = [char_spans(s.words, g) for s, g in zip(sentences, gold_tokens, strict=True)]
        out["pipeline"] = score_ner_spans(gold_chars, predict_pipeline_ner(nlp, sentences, batch_size=batch_size))
    return out


def parse_gold_words(nlp: Language, sentences: Sequence[Sentence], *, batch_size: int = 256) -> list[Doc]:
    """Docs of the gold words, each one sentence, run through the trained syntax components only."""
    names = [n for n in nlp.pipe_names if n in UD_COMPONENTS]
    if not {"tagger", "parser", STANZA_STAGE} & set(names):
        raise ConfigError(
            f"the pipeline has no tagger and no parser (components: {', '.join(nlp.pipe_names) or 'none'}): "
            "load a pipeline with the trained syntax components"
        )
    docs = []
    for s in sentences:
        doc = Doc(nlp.vocab, words=s.words, spaces=s.spaces or None)
        # the gold sentence is one sentence: the parser may not split it
        for tok in doc:
            tok.is_sent_start = tok.i == 0
        docs.append(doc)
    return _run_components(nlp, names, docs, batch_size=batch_size)


def evaluate_ud(path: str | Path, *, nlp: Language, batch_size: int = 256) -> dict[str, Any]:
    """UPOS, lemma, UAS, LAS and universal LAS of the syntax components on a CoNLL-U file.

    A figure that no present component produces (no parser: no UAS/LAS; no lemmatizer: no lemma) is
    ``None`` rather than a misleading 0."""
    sentences = read_ud_file(path)
    docs = parse_gold_words(nlp, sentences, batch_size=batch_size)
    out = score_ud(sentences, docs)
    names = set(nlp.pipe_names)
    if STANZA_STAGE in names:  # it sets all of them
        names |= {"tagger", "trainable_lemmatizer", "parser"}
    if "tagger" not in names and "attribute_ruler" not in names:
        out["upos"] = None
    if "trainable_lemmatizer" not in names:
        out["lemma"] = None
    if "parser" not in names:
        out["uas"] = out["las"] = out["las_universal"] = None
    return out


# ------------------------------------------------------------------------------------------ reports


def _fmt(x: float | None) -> str:
    return "     -" if x is None else f"{x:6.4f}"


def format_ner_report(result: Mapping[str, Any]) -> str:
    """The NER figures as a table: one block per pass, rows PER/ORG/LOC/micro."""
    lines = [f"sentences: {result['sentences']}"]
    for part in ("model", "pipeline"):
        figs = result.get(part)
        if figs is None:
            why = result.get(f"{part}_skipped")
            lines.append(f"{part}: skipped{f' ({why})' if why else ''}")
            continue
        lines.append(f"{part:9s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s} {'system':>6s}")
        for lab in (*NER_TYPES, "micro"):
            f = figs[lab]
            lines.append(f"  {lab:7s} {_fmt(f['p'])} {_fmt(f['r'])} {_fmt(f['f1'])} {f['gold']:6d} {f['system']:6d}")
    return "\n".join(lines)


def format_ud_report(result: Mapping[str, Any]) -> str:
    """The UD figures as a table, one line each ('-' for what the pipeline does not predict)."""
    lines = [f"sentences: {result['sentences']}  tokens: {result['tokens']}"]
    lines += [f"  {k:14s} {_fmt(result[k])}" for k in UD_KEYS]
    return "\n".join(lines)
