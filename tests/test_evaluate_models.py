"""NER and UD scoring of the trained components: the pure scorers on hand-made cases, and the two commands
(``evaluate-ner``, ``evaluate-ud``) on a tiny pipeline trained here on three invented sentences."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, EntityRuler
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import fix_random_seed

from tppo_extract.cli import main
from tppo_extract.corpora import Sentence, bio_spans
from tppo_extract.errors import ConfigError, InputError
from tppo_extract.evaluate_models import (
    char_spans,
    doc_ents,
    evaluate_ner,
    evaluate_ud,
    parse_gold_words,
    prf,
    read_ner_file,
    read_ud_file,
    same_dep,
    score_ner_spans,
    score_ud,
)

# ------------------------------------------------------------------------------------------ data
# Invented for these tests. The BIO file and the CoNLL-U file hold the same three sentences; the second
# has a multi-word token ("tawarannya" = "tawaran" + "nya") that the reader merges into one word.

BIO = """\
Budi\tPROPN\tB-PER
Santoso\tPROPN\tI-PER
bekerja\tVERB\tO
di\tADP\tO
Dinas\tNOUN\tB-ORGANIZATION
Sosial\tADJ\tI-ORGANIZATION
Kabupaten\tNOUN\tI-ORGANIZATION
Sleman\tPROPN\tI-ORGANIZATION
.\tPUNCT\tO

Warga O
Bantul B-LOCATION
menolak O
tawarannya O
. O

Polisi\tO
menangkap\tO
dua\tB-QUANTITY
perekrut\tO
di\tO
Kupang\tB-GPE
kemarin\tB-TIME
.\tO
"""

CONLLU = """\
# text = Budi Santoso bekerja di Dinas Sosial Kabupaten Sleman.
1\tBudi\tBudi\tPROPN\t_\t_\t3\tnsubj\t_\t_
2\tSantoso\tSantoso\tPROPN\t_\t_\t1\tflat:name\t_\t_
3\tbekerja\tkerja\tVERB\t_\t_\t0\troot\t_\t_
4\tdi\tdi\tADP\t_\t_\t5\tcase\t_\t_
5\tDinas\tdinas\tNOUN\t_\t_\t3\tobl\t_\t_
6\tSosial\tsosial\tADJ\t_\t_\t5\tamod\t_\t_
7\tKabupaten\tkabupaten\tNOUN\t_\t_\t5\tnmod\t_\t_
8\tSleman\tSleman\tPROPN\t_\t_\t7\tflat:name\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

# text = Warga Bantul menolak tawarannya.
1\tWarga\twarga\tNOUN\t_\t_\t3\tnsubj\t_\t_
2\tBantul\tBantul\tPROPN\t_\t_\t1\tnmod\t_\t_
3\tmenolak\ttolak\tVERB\t_\t_\t0\troot\t_\t_
4-5\ttawarannya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
4\ttawaran\ttawaran\tNOUN\t_\t_\t3\tobj\t_\t_
5\tnya\tnya\tPRON\t_\t_\t4\tnmod:poss\t_\t_
6\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_

# text = Polisi menangkap dua perekrut di Kupang kemarin.
1\tPolisi\tpolisi\tNOUN\t_\t_\t2\tnsubj\t_\t_
2\tmenangkap\ttangkap\tVERB\t_\t_\t0\troot\t_\t_
3\tdua\tdua\tNUM\t_\t_\t4\tnummod\t_\t_
4\tperekrut\trekrut\tNOUN\t_\t_\t2\tobj\t_\t_
5\tdi\tdi\tADP\t_\t_\t6\tcase\t_\t_
6\tKupang\tKupang\tPROPN\t_\t_\t2\tobl\t_\t_
7\tkemarin\tkemarin\tADV\t_\t_\t2\tadvmod\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""

# The stand-in for the rules: one person right, an agency cut short and a spurious one, one place right.
RULE_PATTERNS: list[dict[str, Any]] = [
    {"label": "PERSON", "pattern": "Budi Santoso"},
    {"label": "AGENCY", "pattern": "Dinas Sosial"},
    {"label": "AGENCY", "pattern": "Polisi"},
    {"label": "PLACE", "pattern": "Bantul"},
    {"label": "DATE", "pattern": "kemarin"},
]


@pytest.fixture(scope="session")
def corpus_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    d = tmp_path_factory.mktemp("corpora")
    (d / "tiny.bio").write_text(BIO, encoding="utf-8")
    (d / "tiny.conllu").write_text(CONLLU, encoding="utf-8")
    return d / "tiny.bio", d / "tiny.conllu"


# The tiny pipelines are multi-language ("xx"): a blank "id" builds ~30,000 tokenizer exceptions, eight
# seconds at each load, and nothing scored here depends on the Indonesian tokenizer.
LANG = "xx"


def _add_rules(nlp: Language, *, overwrite: bool = False) -> None:
    ruler = nlp.add_pipe("entity_ruler", last=True, config={"overwrite_ents": overwrite})
    assert isinstance(ruler, EntityRuler)
    ruler.add_patterns(RULE_PATTERNS)


def _train(bio: Path, conllu: Path) -> Language:
    fix_random_seed(0)
    nlp = spacy.blank(LANG)
    nlp.add_pipe("tok2vec", name="ner_tok2vec")
    nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 32,
                "maxout_pieces": 2,
                "use_upper": True,
                "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "ner_tok2vec"},
            }
        },
    )
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("tagger")
    # three sentences: every label is rarer than the default 30, which would back them all off to "dep"
    nlp.add_pipe("parser", config={"min_action_freq": 1})
    examples = []
    for b, u in zip(read_ner_file(bio), read_ud_file(conllu), strict=True):
        assert b.words == u.words
        ref = Doc(nlp.vocab, words=u.words, spaces=u.spaces, tags=u.upos, heads=u.heads, deps=u.deps, ents=b.tags)
        examples.append(Example(Doc(nlp.vocab, words=u.words, spaces=u.spaces), ref))
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    # added after initialize, which would clear their patterns
    ruler = nlp.add_pipe("attribute_ruler", after="tagger")
    assert isinstance(ruler, AttributeRuler)
    for tag in sorted({t for u in read_ud_file(conllu) for t in u.upos}):
        ruler.add(patterns=[[{"TAG": tag}]], attrs={"POS": tag})
    # last and overwriting, so that the pipeline's figures do not depend on what the tiny model learnt;
    # the model's own PER/ORG/LOC left in doc.ents are not pipeline labels and must be ignored
    _add_rules(nlp, overwrite=True)
    return nlp


@pytest.fixture(scope="session")
def trained_dir(tmp_path_factory: pytest.TempPathFactory, corpus_files: tuple[Path, Path]) -> Path:
    path = tmp_path_factory.mktemp("model") / "tiny"
    _train(*corpus_files).to_disk(path)
    return path


@pytest.fixture(scope="session")
def trained(trained_dir: Path) -> Language:
    return spacy.load(trained_dir)


@pytest.fixture(scope="session")
def rules_only_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    nlp = spacy.blank(LANG)
    _add_rules(nlp)
    path = tmp_path_factory.mktemp("rules") / "rules"
    nlp.to_disk(path)
    return path


def _run(argv: list[str]) -> tuple[int, str]:
    buf = io.StringIO()
    code = main(argv, stdout=buf)
    return code, buf.getvalue()


def _last_json(out: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


# ------------------------------------------------------------------------------------------ NER scoring


def test_prf_known_figures() -> None:
    assert prf(2, 4, 5) == {"p": 0.5, "r": 0.4, "f1": 0.4444, "gold": 5, "system": 4}
    assert prf(3, 3, 3) == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 3, "system": 3}
    assert prf(0, 0, 0) == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 0, "system": 0}


def test_score_ner_spans_exact_match_only() -> None:
    gold = [[(0, 2, "PER"), (4, 8, "ORG")], [(1, 2, "LOC")]]
    pred = [
        [(0, 2, "PER"), (4, 6, "ORG")],  # the ORG overlaps the gold one: wrong and a miss
        [(1, 2, "LOC"), (5, 6, "LOC"), (0, 1, "DATE")],  # DATE is not scored
    ]
    s = score_ner_spans(gold, pred)
    assert s["PER"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 1, "system": 1}
    assert s["ORG"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1, "system": 1}
    assert s["LOC"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "gold": 1, "system": 2}
    assert s["micro"] == {"p": 0.5, "r": 0.6667, "f1": 0.5714, "gold": 3, "system": 4}


def test_score_ner_spans_label_and_sentence_must_agree() -> None:
    # right offsets, wrong label; and a right span found in the other sentence
    s = score_ner_spans([[(0, 2, "PER")], [(3, 4, "LOC")]], [[(0, 2, "ORG"), (3, 4, "LOC")], []])
    assert s["micro"]["p"] == 0.0 and s["micro"]["r"] == 0.0
    assert (s["ORG"]["system"], s["LOC"]["system"], s["micro"]["gold"]) == (1, 1, 2)


def test_score_ner_spans_empty_system() -> None:
    s = score_ner_spans([[(0, 1, "PER")], [(2, 4, "ORG"), (5, 6, "ORG")]], [[], []])
    assert s["micro"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 3, "system": 0}
    assert s["ORG"]["gold"] == 2 and s["LOC"]["gold"] == 0


def test_score_ner_spans_needs_one_prediction_per_sentence() -> None:
    with pytest.raises(ValueError, match="2 gold sentences but 1"):
        score_ner_spans([[], []], [[]])


def test_char_spans_point_into_the_joined_text() -> None:
    words = ["Kepala", "Dinas", "Sosial", "Kupang", "datang", "."]
    text = " ".join(words)
    spans = char_spans(words, bio_spans(["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]))
    assert spans == [(7, 26, "ORG")]
    assert text[7:26] == "Dinas Sosial Kupang"


def test_doc_ents_maps_and_drops_labels() -> None:
    nlp = spacy.blank(LANG)
    doc = Doc(nlp.vocab, words=["Rina", "ke", "Kupang", "kemarin"], ents=["B-PERSON", "O", "B-PLACE", "B-DATE"])
    assert doc_ents(doc) == [(0, 1, "PERSON"), (2, 3, "PLACE"), (3, 4, "DATE")]
    assert doc_ents(doc, label_map={"PERSON": "PER", "PLACE": "LOC"}, chars=True) == [(0, 4, "PER"), (8, 14, "LOC")]


# ------------------------------------------------------------------------------------------ UD scoring


@pytest.mark.parametrize(
    ("gold", "pred", "full", "universal"),
    [
        ("ROOT", "ROOT", True, True),
        ("ROOT", "root", True, True),
        ("root", "nsubj", False, False),
        ("nsubj", "ROOT", False, False),
        ("flat:name", "flat", False, True),
        ("nmod:poss", "nmod:poss", True, True),
        ("nmod:poss", "obl:poss", False, False),
    ],
)
def test_same_dep(gold: str, pred: str, full: bool, universal: bool) -> None:
    assert same_dep(gold, pred) is full
    assert same_dep(gold, pred, universal=True) is universal


def _gold(lemmas: list[str]) -> Sentence:
    return Sentence(
        words=["Ibu", "membeli", "sayur", "."],
        spaces=[True, True, False, False],
        upos=["NOUN", "VERB", "NOUN", "PUNCT"],
        lemmas=lemmas,
        heads=[1, 1, 1, 1],
        deps=["nsubj", "ROOT", "obj", "punct"],
    )


def _pred(heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(
        spacy.blank(LANG).vocab, words=["Ibu", "membeli", "sayur", "."], heads=heads, deps=deps, pos=pos, lemmas=lemmas
    )


def test_score_ud_known_figures() -> None:
    gold = _gold(["ibu", "beli", "sayur", ""])  # no gold lemma for "." : left out of lemma accuracy
    pred = _pred(
        heads=[1, 1, 1, 2],  # the full stop hangs from the wrong word
        deps=["nsubj:pass", "ROOT", "obj", "punct"],  # right universal label, wrong subtype
        pos=["NOUN", "VERB", "PROPN", "PUNCT"],
        lemmas=["Ibu", "beli", "sayur", "."],  # "Ibu" != "ibu": lemmas are compared exactly
    )
    assert score_ud([gold], [pred]) == {
        "upos": 0.75,
        "lemma": 0.6667,
        "uas": 0.75,
        "las": 0.5,
        "las_universal": 0.75,
        "tokens": 4,
        "sentences": 1,
    }


def test_score_ud_root_on_the_wrong_word() -> None:
    # "sayur" made the root: the gold root is attached wrongly, and so is every word hanging from it
    pred = _pred(heads=[2, 2, 2, 2], deps=["nsubj", "ccomp", "ROOT", "punct"], pos=["X"] * 4, lemmas=[""] * 4)
    s = score_ud([_gold([""] * 4)], [pred])
    assert (s["uas"], s["las"], s["las_universal"], s["upos"]) == (0.0, 0.0, 0.0, 0.0)
    assert s["lemma"] is None  # no gold lemmas at all


def test_score_ud_root_counts_when_predicted_as_its_own_head() -> None:
    pred = _pred(heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "obj", "punct"], pos=["X"] * 4, lemmas=[""] * 4)
    s = score_ud([_gold([""] * 4)], [pred])
    assert (s["uas"], s["las"], s["las_universal"]) == (1.0, 1.0, 1.0)


# ------------------------------------------------------------------------------------------ reading


@pytest.mark.parametrize(
    ("name", "content", "reader", "match"),
    [
        ("bad.bio", "Budi B-PER\nSantoso\n", read_ner_file, "line 2"),
        ("bad.conllu", "1\tBudi\tBudi\tPROPN\t_\t_\t0\troot\t_\n", read_ud_file, "line 1: expected 10 columns"),
        ("head.conllu", "1\tBudi\tBudi\tPROPN\t_\t_\t7\troot\t_\t_\n", read_ud_file, "refers to no word"),
        ("empty.bio", "\n\n", read_ner_file, "no sentences"),
    ],
)
def test_malformed_file_raises_input_error_naming_it(
    tmp_path: Path, name: str, content: str, reader: Any, match: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=match) as info:
        reader(path)
    assert info.value.source == str(path)
    assert name in str(info.value)


def test_unreadable_files_raise_input_error(tmp_path: Path) -> None:
    (tmp_path / "latin1.bio").write_bytes("Surabaya B-LOC\nkota O\nSidoarjo\xa0 O\n".encode("latin-1"))
    with pytest.raises(InputError, match="latin1.bio: not UTF-8"):
        read_ner_file(tmp_path / "latin1.bio")
    with pytest.raises(InputError, match="missing.conllu: no such file"):
        read_ud_file(tmp_path / "missing.conllu")


# ------------------------------------------------------------------------------------------ running


def test_gold_words_parsed_as_one_sentence(trained: Language, corpus_files: tuple[Path, Path]) -> None:
    sentences = read_ud_file(corpus_files[1])
    docs = parse_gold_words(trained, sentences)
    assert [[t.text for t in d] for d in docs] == [s.words for s in sentences]
    assert all(len(list(d.sents)) == 1 for d in docs)
    assert all(d.has_annotation("DEP") and d.has_annotation("POS") for d in docs)
    assert not any(d.ents for d in docs)  # the NER and the rules did not run


def test_tagger_without_parser(trained: Language, corpus_files: tuple[Path, Path]) -> None:
    with trained.select_pipes(disable=["parser"]):
        docs = parse_gold_words(trained, read_ud_file(corpus_files[1]))
        result = evaluate_ud(corpus_files[1], nlp=trained)
    # with no parser the sentence start comes only from the gold sentence
    assert [len(list(d.sents)) for d in docs] == [1, 1, 1]
    assert not any(d.has_annotation("DEP") for d in docs)
    assert result["uas"] is None and result["las"] is None and result["las_universal"] is None
    assert result["upos"] is not None and result["tokens"] == 22


def test_evaluate_ner_without_ner_component(corpus_files: tuple[Path, Path], rules_only_dir: Path) -> None:
    nlp = spacy.load(rules_only_dir)
    result = evaluate_ner(corpus_files[0], nlp=nlp)
    assert result["model"] is None and "no 'ner'" in result["model_skipped"]
    assert result["pipeline"]["micro"]["gold"] == 4
    with pytest.raises(ConfigError, match="no 'ner'"):
        evaluate_ner(corpus_files[0], nlp=nlp, pipeline=False)


def test_cli_evaluate_ner(trained_dir: Path, corpus_files: tuple[Path, Path]) -> None:
    code, out = _run(["evaluate-ner", str(corpus_files[0]), "--model", str(trained_dir), "--json"])
    assert code == 0
    result = _last_json(out)
    assert result["sentences"] == 3
    pipe = result["pipeline"]
    # PERSON right; AGENCY "Dinas Sosial" is short of the gold span and "Polisi" is spurious; PLACE Bantul
    # right and Kupang missed; the DATE and the model's own LOC labels are not counted
    assert pipe["PER"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "gold": 1, "system": 1}
    assert pipe["ORG"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "gold": 1, "system": 2}
    assert pipe["LOC"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "gold": 2, "system": 1}
    assert pipe["micro"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "gold": 4, "system": 4}
    model = result["model"]
    assert [model[k]["gold"] for k in ("PER", "ORG", "LOC", "micro")] == [1, 1, 2, 4]
    # trained and scored on the same three sentences: the model alone must have learnt them
    assert model["micro"]["f1"] >= 0.75
    table = out.splitlines()
    assert table[0] == "sentences: 3"
    assert any(line.split()[:1] == ["micro"] and line.split()[-2:] == ["4", "4"] for line in table)


def test_cli_evaluate_ner_one_pass_only(trained_dir: Path, corpus_files: tuple[Path, Path]) -> None:
    code, out = _run(["evaluate-ner", str(corpus_files[0]), "--model", str(trained_dir), "--model-only", "--json"])
    assert code == 0
    result = _last_json(out)
    assert result["pipeline"] is None and result["model"]["micro"]["gold"] == 4
    assert "pipeline: skipped" in out
    code, out = _run(["evaluate-ner", str(corpus_files[0]), "--model", str(trained_dir), "--pipeline-only", "--json"])
    assert code == 0
    assert _last_json(out)["model"] is None


def test_cli_evaluate_ner_rules_only(
    rules_only_dir: Path, corpus_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(["evaluate-ner", str(corpus_files[0]), "--model", str(rules_only_dir), "--json"])
    assert code == 0
    assert "model: skipped (the pipeline has no 'ner' component: it is rules-only)" in out
    assert _last_json(out)["model"] is None
    code, _ = _run(["evaluate-ner", str(corpus_files[0]), "--model", str(rules_only_dir), "--model-only"])
    assert code == 2
    assert "no 'ner' component" in capsys.readouterr().err


def test_cli_evaluate_ud(trained_dir: Path, corpus_files: tuple[Path, Path]) -> None:
    code, out = _run(["evaluate-ud", str(corpus_files[1]), "--model", str(trained_dir), "--json"])
    assert code == 0
    result = _last_json(out)
    assert set(result) == {"upos", "lemma", "uas", "las", "las_universal", "tokens", "sentences"}
    assert (result["tokens"], result["sentences"]) == (22, 3)  # "tawarannya" is one word
    assert result["lemma"] is None  # the tiny pipeline has no lemmatizer
    assert result["las"] <= result["las_universal"] <= result["uas"] <= 1.0
    # trained and scored on the same sentences
    assert result["upos"] >= 0.9 and result["uas"] >= 0.7
    assert "las_universal" in out.splitlines()[-2] and "lemma               -" in out


def test_cli_evaluate_ud_without_syntax(
    rules_only_dir: Path, corpus_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(["evaluate-ud", str(corpus_files[1]), "--model", str(rules_only_dir)])
    assert code == 2 and out == ""
    assert "no tagger and no parser" in capsys.readouterr().err


def test_cli_reports_bad_inputs(tmp_path: Path, trained_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "rusak.conllu"
    bad.write_text("1\tkata\tkata\tNOUN\n", encoding="utf-8")
    assert _run(["evaluate-ud", str(bad), "--model", str(trained_dir)])[0] == 2
    assert "rusak.conllu: malformed" in capsys.readouterr().err
    assert _run(["evaluate-ner", str(bad), "--model", str(tmp_path / "no-model")])[0] == 2
    assert "no-model" in capsys.readouterr().err
