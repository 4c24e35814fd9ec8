"""The speech lexicon: cues generated from resources/speech/verbs.tsv by Indonesian morphology."""

from __future__ import annotations

import pytest

from tppo_extract.errors import ResourceError
from tppo_extract.lang import speech


@pytest.mark.parametrize(
    ("form", "kind"),
    [
        ("mengatakan", "strong"),
        ("berkata", "strong"),
        ("menjelaskan", "strong"),
        ("menyebut", "strong"),
        ("mengakui", "strong"),
        ("merincikan", "strong"),
        ("memproyeksikan", "strong"),
        ("bilang", "strong"),
        ("menyampaikan", "weak"),
        ("meminta", "weak"),
        ("Dikatakan", "passive"),
        ("Dijelaskan", "passive"),
        ("Diakui", "passive"),
        ("Dinyatakan", "passive"),
        ("kata", "post"),
        ("lanjut", "post"),
        ("ulas", "post"),
        ("membenarkan", "name"),
    ],
)
def test_forms_come_from_the_roots(form: str, kind: str) -> None:
    lex = speech.LEXICON
    got = {
        "strong": form in lex.strong_verbs and form not in lex.weak_verbs,
        "weak": form in lex.weak_verbs,
        "passive": form in lex.passive_cues,
        "post": form in lex.post_stems,
        "name": form in lex.name_verbs and form not in lex.strong_verbs,
    }
    assert got[kind], got
    assert form in lex.name_verbs or kind in ("passive", "post")


def test_a_user_lexicon_generates_every_form_of_a_root() -> None:
    lex = speech.parse_lexicon("# comment\nsanggah\tpost,meN,di-kan\nwarta\tmeN-kan,weak\n")
    assert lex.post_stems == ("sanggah",)
    assert "menyanggah" in lex.strong_verbs and "Disanggahkan" in lex.passive_cues
    assert "mewartakan" in lex.weak_verbs


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("kata\tpost,shout\n", "unknown frame"),
        ("Kata\tpost\n", "lower-case root"),
        ("kata post\n", "lower-case root"),
        ("kata\tpost\nkata\tber\n", "twice"),
    ],
)
def test_bad_lines_name_the_file_and_line(line: str, problem: str) -> None:
    with pytest.raises(ResourceError, match=problem) as err:
        speech.parse_lexicon(line, source="mine.tsv")
    assert "mine.tsv" in str(err.value) and "line" in str(err.value)


def test_calendar_words_have_one_home() -> None:
    # the name filters take weekday and month names from lang/calendar.py, every spelling of them
    from tppo_extract.components.agencies import PLACE_STOP
    from tppo_extract.lang.calendar import MONTH_WORDS, WEEKDAY_WORDS
    from tppo_extract.lang.titles import NOT_NAME_WORDS

    assert {"Ahad", "Jum'at", "Jumat", "Pebruari", "Nopember"} <= WEEKDAY_WORDS | MONTH_WORDS
    assert WEEKDAY_WORDS | MONTH_WORDS <= NOT_NAME_WORDS
    assert WEEKDAY_WORDS | MONTH_WORDS <= PLACE_STOP


def test_the_speech_word_lists_hold_their_known_entries() -> None:
    from tppo_extract.lang import speech

    assert {"juga", "pun", "lanjut"} <= speech.ADVERBS
    assert {"nya", "beliau", "Ia"} <= speech.PRONOUNS
    assert {"Mereka", "Warga", "Para"} <= speech.GROUP_SUBJECTS
    assert {"di", "saat", "dihubungi"} <= speech.SPEAKER_STOP_WORDS
    assert {"Kantor", "Imigrasi", "Plt.", "Sumut"} <= speech.NON_NAME_WORDS
    assert speech.BARE_MID_CUES == {"kata", "ujar", "menurut"}
