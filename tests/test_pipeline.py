"""The pipeline: built from the shipped config, saved and loaded back, run over many processes."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import tppo_extract
from tppo_extract.errors import ConfigError
from tppo_extract.export import doc_to_article

STAGES = [
    "tppo_zoner", "tppo_dateline", "tppo_sentencizer", "tppo_agencies", "tppo_places", "tppo_dates",
    "tppo_persons", "tppo_quotes", "tppo_actions",
]  # fmt: skip


def test_load_builds_named_stages(nlp: Language) -> None:
    assert nlp.lang == "id"
    assert nlp.pipe_names == STAGES


def test_load_can_exclude_stages() -> None:
    nlp = tppo_extract.load(exclude=["tppo_actions", "tppo_quotes"])
    assert "tppo_actions" not in nlp.pipe_names
    assert nlp("Halo.").text == "Halo."


def test_load_reports_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config"):
        tppo_extract.load(tmp_path / "nope.cfg")


def test_saved_pipeline_loads_with_plain_spacy(nlp: Language, tmp_path: Path, sample_text: str) -> None:
    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again.pipe_names == nlp.pipe_names
    a = doc_to_article(nlp(sample_text))
    b = doc_to_article(again(sample_text))
    assert a == b
    assert tppo_extract.load(tmp_path / "pipe").pipe_names == STAGES


def test_pipe_with_two_processes(nlp: Language, sample_text: str) -> None:
    texts = [sample_text, "Harga cabai naik lagi di pasar.", sample_text.replace("41", "17")]
    single = [doc_to_article(d) for d in nlp.pipe(texts)]
    multi = [doc_to_article(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)]
    assert multi == single
    assert any(a.actions for a in multi)
