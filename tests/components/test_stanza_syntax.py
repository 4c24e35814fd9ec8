"""The stanza syntax backend (``load(syntax="stanza")``, components/stanza_syntax.py).

The alignment of stanza's words to the pipeline's tokens and the writing of the analyses are tested on
hand-made stanza output, everywhere. Where the ``[stanza]`` extra is installed, a tiny stanza model is trained
here on invented sentences with ``scripts/train_stanza.py --tiny`` and run end to end, and the shipped models
(``models/id_tppo_stanza``) are run on the bundled examples when present; elsewhere those tests skip.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import tppo_extract
from tppo_extract.cli import main
from tppo_extract.components.stanza_syntax import (
    Analysis,
    StanzaSyntax,
    Word,
    align_sentence,
    stanza_models_path,
)
from tppo_extract.errors import ConfigError, ResourceError

ROOT = Path(__file__).resolve().parents[2]
HAS_STANZA = importlib.util.find_spec("stanza") is not None and importlib.util.find_spec("torch") is not None
needs_stanza = pytest.mark.skipif(not HAS_STANZA, reason="the [stanza] extra (stanza, torch) is not installed")
SHIPPED = stanza_models_path()
needs_shipped = pytest.mark.skipif(
    not (HAS_STANZA and (SHIPPED / "meta.json").is_file()),
    reason="needs the [stanza] extra and the stanza models in models/id_tppo_stanza (shipped; `make train-stanza` rebuilds them)",
)


@pytest.fixture(scope="module")
def nlp_rules() -> Language:
    return tppo_extract.load(models=False)


# ------------------------------------------------------------------------------------------ alignment


def _w(upos: str, lemma: str, head: int, deprel: str) -> Word:
    return Word(upos, lemma, head, deprel)


def test_align_one_to_one() -> None:
    # "Polisi menangkap perekrut ." with tokens and words one to one
    tokens = [(0, 6), (7, 16), (17, 25), (25, 26)]
    stoks = [(0, 6, [0]), (7, 16, [1]), (17, 25, [2]), (25, 26, [3])]
    words = [_w("NOUN", "polisi", 2, "nsubj"), _w("VERB", "tangkap", 0, "root"), _w("NOUN", "rekrut", 2, "obj"),
             _w("PUNCT", ".", 2, "punct")]  # fmt: skip
    out = align_sentence(tokens, stoks, words)
    assert out == [
        Analysis("NOUN", "polisi", 1, "nsubj"),
        Analysis("VERB", "tangkap", 1, "ROOT"),
        Analysis("NOUN", "rekrut", 1, "obj"),
        Analysis("PUNCT", ".", 1, "punct"),
    ]


@pytest.mark.parametrize(
    ("text", "clitic_first"),
    [
        # a clitic after a verb: the verb is the main part (its head lies outside the token)
        ("Dia menolaknya .", False),
        # a possessive clitic after a noun
        ("Paspornya hilang .", False),
        # a proclitic before a verb ("kuambil" = "ku" + "ambil")
        ("Lalu kuambil buku .", True),
    ],
)
def test_align_multi_word_token_takes_its_main_part(text: str, clitic_first: bool) -> None:
    """A multi-word token is one pipeline token; it takes the analysis of the part whose head lies outside
    it, and the heads of other words that point into it point at it."""
    parts = text.split(" ")
    tokens, pos = [], 0
    for p in parts:
        tokens.append((pos, pos + len(p)))
        pos += len(p) + 1
    # the multi-word token is the one with a clitic: "-nya" or "ku-"
    m = next(i for i, p in enumerate(parts) if p.endswith("nya") or p.startswith("ku"))
    stoks: list[tuple[int, int, list[int]]] = []
    words: list[Word] = []
    for i, (s, e) in enumerate(tokens):
        if i != m:
            stoks.append((s, e, [len(words)]))
            words.append(_w("X", parts[i], 0, "tmp"))
        else:
            stoks.append((s, e, [len(words), len(words) + 1]))
            words += [_w("X", "a", 0, "tmp"), _w("X", "b", 0, "tmp")]
    # the main part: the verb/noun; the clitic hangs from it; the main part is the root of the sentence,
    # other words hang from the main part
    main_w = stoks[m][2][1] if clitic_first else stoks[m][2][0]
    clitic_w = stoks[m][2][0] if clitic_first else stoks[m][2][1]
    for k in range(len(words)):
        if k == main_w:
            words[k] = Word("VERB", "main", 0, "root")
        elif k == clitic_w:
            words[k] = Word("PRON", "dia", main_w + 1, "obj")
        else:
            words[k] = Word("NOUN", words[k].lemma, main_w + 1, "dep")
    out = align_sentence(tokens, stoks, words)
    assert out[m] == Analysis("VERB", "main", m, "ROOT")
    assert all(a is not None and a.head == m for a in out)


def test_align_stanza_token_over_two_pipeline_tokens() -> None:
    # stanza keeps "sana-sini" whole where a tokenizer might give "sana", "-sini": the first gets the analysis
    tokens = [(0, 4), (4, 9), (10, 11)]
    stoks = [(0, 9, [0]), (10, 11, [1])]
    words = [_w("ADV", "sana-sini", 0, "root"), _w("PUNCT", ".", 1, "punct")]
    out = align_sentence(tokens, stoks, words)
    assert out[0] == Analysis("ADV", "sana-sini", 0, "ROOT")
    assert out[1] == Analysis("ADV", "", 0, "goeswith")
    assert out[2] == Analysis("PUNCT", ".", 0, "punct")


def test_align_token_stanza_left_out() -> None:
    tokens = [(0, 3), (4, 7)]
    out = align_sentence(tokens, [(0, 3, [0])], [_w("NOUN", "abc", 0, "root")])
    assert out == [Analysis("NOUN", "abc", 0, "ROOT"), None]


# ------------------------------------------------------------------------------------------ the stage, on fake output


class FakeStanza:
    """Stands in for a pretokenized stanza.Pipeline: each word hangs from the sentence's first word, tagged
    by a rule of the test's own."""

    def __init__(self) -> None:
        self.calls: list[list[list[str]]] = []

    def __call__(self, sentences: list[list[str]]) -> Any:
        self.calls.append(sentences)
        out = []
        for words in sentences:
            ws = [
                SimpleNamespace(
                    text=w,
                    upos="PUNCT" if not w.isalnum() else ("VERB" if w.startswith("me") else "NOUN"),
                    lemma=w.lower(),
                    head=0 if i == 0 else 1,
                    deprel="root" if i == 0 else "dep",
                )
                for i, w in enumerate(words)
            ]
            out.append(SimpleNamespace(words=ws))
        return SimpleNamespace(sentences=out)


def _fake_stage(nlp: Language) -> tuple[StanzaSyntax, FakeStanza]:
    stage = StanzaSyntax.__new__(StanzaSyntax)
    fake = FakeStanza()
    stage.name, stage.vocab, stage.folder = "tppo_stanza_syntax", nlp.vocab, Path("fake")
    stage.sentences_per_call, stage.pretokenized, stage._stanza = 2, True, fake
    return stage, fake


def _sentenced(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name in ("tppo_zoner", "tppo_dateline", "tppo_sentencizer"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_stage_writes_every_token_one_tree_per_sentence(nlp_rules: Language) -> None:
    text = "Petugas menolak paspornya.\n\nMereka  menunda keberangkatan dua orang. Polisi memeriksa."
    doc = _sentenced(nlp_rules, text)
    before = [(s.start, s.end) for s in doc.sents]
    tokens = [(t.idx, t.text) for t in doc]
    stage, fake = _fake_stage(nlp_rules)
    stage(doc)
    assert [(s.start, s.end) for s in doc.sents] == before
    assert [(t.idx, t.text) for t in doc] == tokens
    # no white space went to stanza, and the sentences went in calls of at most two
    assert all(w.strip() for call in fake.calls for sent in call for w in sent)
    assert [len(c) for c in fake.calls] == [2, 1]
    for sent in doc.sents:
        roots = [t for t in sent if t.dep_ == "ROOT"]
        assert len(roots) == 1 and roots[0].i == sent.start
        assert all(sent.start <= t.head.i < sent.end for t in sent)
    by_text = {t.text: t for t in doc}
    assert (by_text["paspornya"].pos_, by_text["paspornya"].tag_, by_text["paspornya"].lemma_) == (
        "NOUN",
        "NOUN",
        "paspornya",
    )
    assert by_text["menunda"].pos_ == "VERB"
    spaces = [t for t in doc if t.is_space]
    assert spaces and all(t.pos_ == "SPACE" and t.tag_ == "_SP" and t.dep_ == "dep" for t in spaces)
    # white space hangs from the word before it
    assert all(t.head.i == t.i - 1 for t in spaces)


def test_stage_pipe_batches_documents(nlp_rules: Language) -> None:
    docs = [_sentenced(nlp_rules, t) for t in ("Satu kalimat saja.", "Dua kalimat. Ini yang kedua.", "")]
    stage, fake = _fake_stage(nlp_rules)
    stage.sentences_per_call = 100
    out = list(stage.pipe(iter(docs), batch_size=16))
    assert out == docs and len(fake.calls) == 1 and len(fake.calls[0]) == 3
    assert [t.dep_ for t in docs[1]][:3] == ["ROOT", "dep", "dep"]


class FakeOfficialStanza:
    """Stands in for a stanza.Pipeline with its own tokenizer and MWT expander (the official models): it
    splits each text at spaces and punctuation, and a word ending in "nya" into the word and the clitic."""

    def __call__(self, documents: list[Any]) -> list[Any]:
        import re

        out = []
        for document in documents:
            tokens, words = [], []
            for m in re.finditer(r"\w+|[^\w\s]", document.text):
                w = m.group()
                parts = [w[:-3], "nya"] if w.endswith("nya") and len(w) > 5 else [w]
                members = []
                for k, part in enumerate(parts):
                    n = len(words) + 1  # 1-based word id
                    head = 0 if n == 1 else (n - 1 if k == 1 else 1)  # the clitic hangs from its host
                    members.append(
                        SimpleNamespace(
                            text=part,
                            upos="PRON" if k == 1 else ("PUNCT" if not part.isalnum() else "NOUN"),
                            lemma=part.lower(),
                            head=head,
                            deprel="root" if head == 0 else ("obj" if k == 1 else "dep"),
                        )
                    )
                    words.append(members[-1])
                tokens.append(SimpleNamespace(start_char=m.start(), end_char=m.end(), words=members))
            out.append(SimpleNamespace(sentences=[SimpleNamespace(tokens=tokens)]))
        return out


def test_stage_aligns_official_models_words(nlp_rules: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a stanza tokenizer of its own, each sentence's text is tokenized by stanza and its words come back
    onto the pipeline's tokens: a clitic's token keeps the host's analysis, and offsets are untouched."""
    import tppo_extract.components.stanza_syntax as module

    fake_stanza = SimpleNamespace(Document=lambda sentences, text: SimpleNamespace(text=text))
    monkeypatch.setattr(module, "import_stanza", lambda: fake_stanza)
    text = "Petugas menolak paspornya.\n\nMereka menundanya lagi."
    doc = _sentenced(nlp_rules, text)
    tokens = [(t.idx, t.text) for t in doc]
    stage, _ = _fake_stage(nlp_rules)
    stage.pretokenized, stage._stanza = False, FakeOfficialStanza()
    stage(doc)
    assert [(t.idx, t.text) for t in doc] == tokens
    by_text = {t.text: t for t in doc}
    assert (by_text["paspornya"].pos_, by_text["paspornya"].lemma_) == ("NOUN", "paspor")
    assert by_text["paspornya"].head.text == "Petugas"
    assert by_text["menundanya"].lemma_ == "menunda" and by_text["menundanya"].head.text == "Mereka"
    for sent in doc.sents:
        assert sum(t.dep_ == "ROOT" for t in sent) == 1


# ------------------------------------------------------------------------------------------ loading


def test_load_rejects_unknown_backend_and_stray_folder() -> None:
    with pytest.raises(ConfigError, match="syntax='parsey'"):
        tppo_extract.load(syntax="parsey")
    with pytest.raises(ConfigError, match="stanza_dir is given"):
        tppo_extract.load(stanza_dir="somewhere")


def test_load_without_the_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza now raises ImportError
    with pytest.raises(ConfigError, match=r"pip install 'tppo-extract\[stanza\]'"):
        tppo_extract.load(models=False, syntax="stanza", stanza_dir=ROOT)


@needs_stanza
def test_load_names_a_bad_folder(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="no such stanza model folder"):
        tppo_extract.load(models=False, syntax="stanza", stanza_dir=tmp_path / "nope")
    with pytest.raises(ResourceError, match="neither a meta.json"):
        tppo_extract.load(models=False, syntax="stanza", stanza_dir=tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"models": {"pos": "a.pt", "lemma": "b.pt", "depparse": "c.pt"}}))
    with pytest.raises(ResourceError, match="missing model files"):
        tppo_extract.load(models=False, syntax="stanza", stanza_dir=tmp_path)


# ------------------------------------------------------------------------------------------ a tiny trained model

# Invented sentences, surface words ("paspornya" and "menundanya" keep their clitics, as the pipeline's
# tokenizer does), in the CoNLL-U of UD Indonesian.
CONLLU = """\
1\tPetugas\tpetugas\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tmenolak\ttolak\tVERB\t_\t_\t0\troot\t_\t_
3\tpaspornya\tpaspor\tNOUN\t_\t_\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

1\tKantor\tkantor\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tmenunda\ttunda\tVERB\t_\t_\t0\troot\t_\t_
3\tkeberangkatan\tberangkat\tNOUN\t_\t_\t2\tobj\t_\t_
4\tdua\tdua\tNUM\t_\t_\t5\tnummod\t_\t_
5\torang\torang\tNOUN\t_\t_\t3\tnmod\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

1\tPolisi\tpolisi\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tmenundanya\ttunda\tVERB\t_\t_\t0\troot\t_\t_
3\tdi\tdi\tADP\t_\t_\t4\tcase\t_\t_
4\tbandara\tbandara\tNOUN\t_\t_\t2\tobl\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""


@pytest.fixture(scope="module")
def tiny_stanza(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not HAS_STANZA:
        pytest.skip("the [stanza] extra (stanza, torch) is not installed")
    work = tmp_path_factory.mktemp("stanza")
    data = work / "ud.conllu"
    data.write_text(CONLLU * 4, encoding="utf-8")
    cmd = [sys.executable, str(ROOT / "scripts" / "train_stanza.py"), "--tiny", "--train", str(data), "--dev",
           str(data), "--work", str(work / "build"), "--out", str(work / "model")]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    # a second run finds every stage done and trains nothing again
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and again.stdout.count("skipped") == 4, again.stdout
    return work / "model"


@needs_stanza
def test_tiny_model_runs_the_whole_pipeline(tiny_stanza: Path, nlp_rules: Language) -> None:
    meta = json.loads((tiny_stanza / "meta.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC BY-SA 4.0" and set(meta["models"]) == {"pos", "lemma", "depparse"}
    nlp = tppo_extract.load(syntax="stanza", stanza_dir=tiny_stanza)
    assert "tppo_stanza_syntax" in nlp.pipe_names
    assert not {"tagger", "parser", "trainable_lemmatizer", "tok2vec"} & set(nlp.pipe_names)
    assert "ner" in nlp.pipe_names  # the NER stays
    rules = nlp_rules
    text = "Kantor Imigrasi menunda keberangkatan dua orang.\n\nPetugasnya  menolak paspornya, katanya."
    doc, plain = nlp(text), rules(text)
    # the same tokens at the same offsets, the same sentences
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in plain]
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in plain.sents]
    assert all(t.pos_ and t.dep_ and t.lemma_ for t in doc)
    art = tppo_extract.extract(text, nlp=nlp)
    assert art.entities  # the rule stages ran on the stanza syntax


@needs_stanza
def test_cli_evaluate_ud_with_stanza(tiny_stanza: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.conllu"
    gold.write_text(CONLLU, encoding="utf-8")
    code = main(["evaluate-ud", str(gold), "--syntax", "stanza", "--stanza-dir", str(tiny_stanza), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    result = json.loads(out.strip().splitlines()[-1])
    assert set(result) == {"upos", "lemma", "uas", "las", "las_universal", "tokens", "sentences"}
    assert (result["tokens"], result["sentences"]) == (15, 3)
    assert all(result[k] is not None for k in ("upos", "lemma", "uas", "las"))


@needs_stanza
def test_cli_extract_with_stanza(tiny_stanza: Path, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Petugas Imigrasi menunda keberangkatan tiga orang di bandara.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["extract", str(src), "-o", str(out), "-q", "--syntax", "stanza", "--stanza-dir", str(tiny_stanza)]
    assert main(args) == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["doc_id"] == "a.txt"


# ------------------------------------------------------------------------------------------ the shipped models


@needs_shipped
def test_shipped_models_on_the_examples(nlp_rules: Language) -> None:
    nlp = tppo_extract.load(syntax="stanza")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))[:6]]
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=4), strict=True):
        plain = nlp_rules.make_doc(text)
        assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in plain]
        for sent in doc.sents:
            assert sum(t.dep_ == "ROOT" for t in sent) == 1
        words = [t for t in doc if not t.is_space]
        # a trained tagger: words in meN- forms are mostly VERB
        verbs = [t for t in words if t.text.lower().startswith(("meng", "meny", "mem")) and len(t.text) > 6]
        assert not verbs or sum(t.pos_ == "VERB" for t in verbs) / len(verbs) >= 0.6


class _Payload:
    """A pickle that runs code when unpickled: it would write a file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (Path.write_text, (self.marker, "ran"))


@needs_stanza
def test_a_user_folder_cannot_run_code(tmp_path: Path) -> None:
    """Model files from a folder the user names are read as weights only (torch's ``weights_only``), never
    unpickled as objects: a file that would run code is refused with a named error and runs nothing."""
    import pickle

    marker = tmp_path / "ran.txt"
    for name in ("a.pt", "b.pt", "c.pt"):
        (tmp_path / name).write_bytes(pickle.dumps({"model": _Payload(marker)}))
    (tmp_path / "meta.json").write_text(json.dumps({"models": {"pos": "a.pt", "lemma": "b.pt", "depparse": "c.pt"}}))
    (tmp_path / "resources.json").write_text(json.dumps({"id": {"lang_name": "Indonesian"}}))
    with pytest.raises(ResourceError, match="cannot load the stanza models"):
        tppo_extract.load(models=False, syntax="stanza", stanza_dir=tmp_path)
    assert not marker.exists()
