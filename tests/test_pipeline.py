"""The pipeline: built from the shipped config with the shipped trained components, saved and loaded back,
run over many processes, and rules-only without any model file."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import tppo_extract
from tppo_extract.errors import ConfigError, ResourceError
from tppo_extract.export import doc_to_article
from tppo_extract.pipeline import MODELS_ENV, models_path

RULE_STAGES = [
    "tppo_zoner", "tppo_dateline", "tppo_sentencizer", "tppo_ner_hold", "tppo_agencies", "tppo_places",
    "tppo_dates", "tppo_persons", "tppo_model_entities", "tppo_quotes", "tppo_actions",
]  # fmt: skip
TRAINED = ["tok2vec", "tagger", "tppo_upos", "parser", "trainable_lemmatizer", "ner_tok2vec", "ner"]
STAGES = RULE_STAGES[:3] + TRAINED + RULE_STAGES[3:]


def _syntax(doc: Doc) -> list[tuple[str, str, str, str, int]]:
    return [(t.text, t.pos_, t.lemma_, t.dep_, t.head.i) for t in doc]


def test_load_builds_named_stages(nlp: Language) -> None:
    assert nlp.lang == "id"
    assert nlp.pipe_names == STAGES


def test_shipped_model_is_in_models() -> None:
    assert (models_path() / "meta.json").is_file()
    assert models_path().parent.name == "models"


def test_every_token_has_pos_lemma_head_and_dep(nlp: Language, sample_text: str) -> None:
    doc = nlp(sample_text)
    for attr in ("POS", "TAG", "LEMMA", "DEP"):
        assert doc.has_annotation(attr, require_complete=True), attr
    words = [t for t in doc if t.is_alpha]
    assert {t.pos_ for t in words} >= {"NOUN", "VERB", "PROPN", "ADP"}
    # every sentence has one root, and the parser kept the rule sentencizer's sentences
    for sent in doc.sents:
        assert sum(t.dep_ == "ROOT" for t in sent) == 1
    rules = tppo_extract.load(models=False)
    assert [s.start_char for s in doc.sents] == [s.start_char for s in rules(sample_text).sents]


def test_load_can_exclude_stages() -> None:
    nlp = tppo_extract.load(exclude=["tppo_actions", "tppo_quotes"])
    assert "tppo_actions" not in nlp.pipe_names
    assert "parser" in nlp.pipe_names
    assert nlp("Halo.").text == "Halo."


def test_load_reports_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config"):
        tppo_extract.load(tmp_path / "nope.cfg")


def test_saved_pipeline_loads_with_plain_spacy(nlp: Language, tmp_path: Path, sample_text: str) -> None:
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again.pipe_names == nlp.pipe_names
    a, b = nlp(sample_text), again(sample_text)
    assert doc_to_article(a) == doc_to_article(b)
    assert _syntax(a) == _syntax(b)
    assert [(e.text, e.label_) for e in a.spans["tppo_model"]] == [(e.text, e.label_) for e in b.spans["tppo_model"]]
    assert tppo_extract.load(tmp_path / "pipe").pipe_names == STAGES


def test_rules_only_needs_no_model_files(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sample_text: str) -> None:
    monkeypatch.setenv(MODELS_ENV, str(tmp_path / "no-models"))
    with pytest.raises(ResourceError, match="models=False"):
        tppo_extract.load()
    rules = tppo_extract.load(models=False)
    assert rules.pipe_names == RULE_STAGES
    art = doc_to_article(rules(sample_text))
    assert art.actions and all(e.source == "rule" for e in art.entities)


def test_models_from_another_folder(nlp: Language, sample_text: str) -> None:
    other = tppo_extract.load(models=models_path())
    assert doc_to_article(other(sample_text)) == doc_to_article(nlp(sample_text))


def test_pipe_with_two_processes(nlp: Language, sample_text: str) -> None:
    texts = [sample_text, "Harga cabai naik lagi di pasar.", sample_text.replace("41", "17")]
    single = [doc_to_article(d) for d in nlp.pipe(texts)]
    multi = [doc_to_article(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert multi == single
    assert any(a.actions for a in multi)
