"""scripts/convert_corpora.py: no test sentence reaches the training data, and the 2017 GSD conversion."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tppo_extract.corpora import Sentence

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "scripts" / "convert_corpora.py"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def convert() -> ModuleType:
    spec = importlib.util.spec_from_file_location("convert_corpora", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_dedupe_drops_held_out_and_repeats(convert: ModuleType) -> None:
    a, b, c = (Sentence(words=w.split()) for w in ("Budi pergi", "Sari datang", "budi pergi ."))
    kept, dropped = convert.dedupe([a, b, b], [c])
    assert kept == [b] and dropped == 2


def test_gsd2017_subtypes(convert: ModuleType) -> None:
    s = Sentence(
        words=["Desa", "Sukamaju", "yang", "indah", "di", "Bali"],
        spaces=[True] * 6,
        upos=["PROPN", "PROPN", "PRON", "ADJ", "ADP", "PROPN"],
        lemmas=[""] * 6,
        feats=[""] * 6,
        heads=[0, 0, 3, 0, 5, 3],
        deps=["ROOT", "flat", "nsubj", "acl", "case", "obl"],
    )
    out = convert.convert_gsd2017(s)
    assert out.deps == ["ROOT", "flat:name", "nsubj", "acl:relcl", "case", "obl"]


@pytest.mark.skipif(not (SHARED / "data" / "ner").is_dir(), reason="needs ../shared/data")
def test_no_test_sentence_is_in_the_training_data(convert: ModuleType) -> None:
    corpora = convert.build(SHARED)
    train = {s.key for s in corpora.ner_train}
    dev = {s.key for s in corpora.ner_dev}
    for name, sents in corpora.ner_tests.items():
        keys = {s.key for s in sents}
        assert not keys & train, f"NER test set {name} leaks into training"
        assert not keys & dev, f"NER test set {name} is used for early stopping"
    ud_train = {s.key for s in corpora.ud_train}
    for name, sents in corpora.ud_tests.items():
        assert not {s.key for s in sents} & ud_train, f"UD test set {name} leaks into training"
    assert not {s.key for s in corpora.ud_dev} & ud_train
    # the training data is what the issue names: four NER corpora, three UD sources
    assert len(corpora.ner_train) > 4000 and len(corpora.ud_train) > 5000


def _sent(words: str, upos: str, heads: list[int], deps: str) -> Sentence:
    w = words.split()
    return Sentence(
        words=w,
        spaces=[True] * len(w),
        upos=upos.split(),
        lemmas=[""] * len(w),
        feats=[""] * len(w),
        heads=heads,
        deps=deps.split(),
    )


def test_learnt_conversion_relabels_what_the_revision_changed(convert: ModuleType) -> None:
    # the current annotation: "akan" is an auxiliary, a noun modifying a noun is nmod
    current = [_sent("Petugas akan memeriksa kantor desa", "NOUN AUX VERB NOUN NOUN", [2, 2, 2, 2, 3], "nsubj aux ROOT obj nmod")] * 12
    # 2017: "akan" an adverb, the same arc a compound; "petugas" agrees in both and stays
    old = [_sent("Petugas akan mendatangi rumah warga", "NOUN ADV VERB NOUN NOUN", [2, 2, 2, 2, 3], "nsubj advmod ROOT obj compound")] * 6
    conv = convert.learn_conversion(current, old)
    assert conv.words == {"akan": ("AUX", "aux")}
    out = convert.convert_gsd2017(old[0], conv)
    assert out.upos == ["NOUN", "AUX", "VERB", "NOUN", "NOUN"]
    assert out.deps == ["nsubj", "aux", "ROOT", "obj", "nmod"]
    assert out.heads == old[0].heads
