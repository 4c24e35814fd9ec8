"""Indonesian speech cues: the verbs and phrases that attribute a quotation or a reported statement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from ..errors import ResourceError
from .morphology import nasal_prefixes, word_alternation
from .wordlists import load_text, word_set

# The verb lexicon and the word lists live in resources/speech/.
_KIND = "speech"

# The frames a root of resources/speech/verbs.tsv may list (that file says what each one generates).
FRAMES: Final[frozenset[str]] = frozenset(
    {"post", "meN", "meN-kan", "meN-i", "ber", "bare", "di-kan", "di-i", "weak", "noquote"}
)


@dataclass(frozen=True)
class SpeechLexicon:
    """The speech cues, generated from the roots of ``resources/speech/verbs.tsv`` by Indonesian morphology."""

    post_stems: tuple[str, ...]  # after a quotation, bare or with -nya: "kata", "jelas"
    strong_verbs: tuple[str, ...]  # active verbs that introduce a statement: "mengatakan", "bilang"
    weak_verbs: frozenset[str]  # of those, the ones that also take a plain noun object
    passive_cues: tuple[str, ...]  # capitalised passives before the speaker: "Dikatakan", "Diakui"
    name_verbs: frozenset[str]  # verbs after which the words before are a speaker's name


def _forms(root: str, frame: str) -> list[str]:
    if frame == "meN":
        return list(nasal_prefixes(root))
    if frame == "meN-kan":
        return [f + "kan" for f in nasal_prefixes(root)]
    if frame == "meN-i":
        return [f + ("" if root.endswith("i") else "i") for f in nasal_prefixes(root)]
    if frame == "ber":
        return ["ber" + root]
    if frame == "bare":
        return [root]
    if frame == "di-kan":
        return ["Di" + root + "kan"]
    if frame == "di-i":
        return ["Di" + root + ("" if root.endswith("i") else "i")]
    return []


def parse_lexicon(text: str, *, source: str = "speech/verbs.tsv") -> SpeechLexicon:
    """Build the cues from the lines of a ``verbs.tsv`` (see that file for the frames); a bad line raises
    :class:`ResourceError` naming it."""
    post: list[str] = []
    strong: list[str] = []
    weak: set[str] = set()
    passive: list[str] = []
    noquote: set[str] = set()
    seen: set[str] = set()
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or not _ROOT.fullmatch(cols[0].strip()):
            raise ResourceError(source, f"line {n}: expected a lower-case root, a tab and its frames")
        root, frames = cols[0].strip(), [f.strip() for f in cols[1].split(",")]
        unknown = set(frames) - FRAMES
        if unknown or not frames:
            raise ResourceError(source, f"line {n}: unknown frame(s) {sorted(unknown)}; known: {sorted(FRAMES)}")
        if root in seen:
            raise ResourceError(source, f"line {n}: {root!r} is listed twice")
        seen.add(root)
        if "post" in frames:
            post.append(root)
        active = [f for fr in ("meN", "meN-kan", "meN-i", "ber", "bare") if fr in frames for f in _forms(root, fr)]
        if "noquote" in frames:
            noquote.update(active)
        else:
            strong += active
            if "weak" in frames:
                weak.update(active)
        passive += [f for fr in ("di-kan", "di-i") if fr in frames for f in _forms(root, fr)]
    strong = list(dict.fromkeys(strong))
    return SpeechLexicon(
        post_stems=tuple(post),
        strong_verbs=tuple(strong),
        weak_verbs=frozenset(weak),
        passive_cues=tuple(dict.fromkeys(passive)),
        name_verbs=frozenset(strong) | frozenset(noquote),
    )


_ROOT = regex.compile(r"\p{Ll}+")


def load_lexicon() -> SpeechLexicon:
    """The package's speech lexicon (``resources/speech/verbs.tsv``)."""
    return parse_lexicon(load_text(_KIND, "verbs.tsv"))


LEXICON: Final[SpeechLexicon] = load_lexicon()
POST_STEMS: Final[tuple[str, ...]] = LEXICON.post_stems
STRONG_VERBS: Final[tuple[str, ...]] = LEXICON.strong_verbs
WEAK_VERBS: Final[frozenset[str]] = LEXICON.weak_verbs
PASSIVE_CUES: Final[tuple[str, ...]] = LEXICON.passive_cues
# Verbs after which the words before are a speaker's name ("Budi mengatakan"): the speech verbs plus
# a few that report a person acting as a speaker without introducing a quote.
VERBS_AFTER_NAME: Final[frozenset[str]] = LEXICON.name_verbs

# Words between a subject and its speech verb: "Budi juga mengatakan", "Ia pun menegaskan".
ADVERBS: Final[frozenset[str]] = word_set(_KIND, "adverbs.txt")

# Pronouns that point back at someone already named: "ujarnya", "kata dia", "Ia mengatakan".
PRONOUNS: Final[frozenset[str]] = word_set(_KIND, "pronouns.txt")

# Plural pronouns and nouns for an unnamed group of people: what such a group says ("Mereka mengaku ...",
# "Warga mengatakan ...") is attributed to no one, and they never stand in a speaker's name.
GROUP_SUBJECTS: Final[frozenset[str]] = word_set(_KIND, "group_subjects.txt")

# Words that end the speaker phrase after a post-quote cue: '," kata Budi di Medan, Senin.'
SPEAKER_STOP_WORDS: Final[frozenset[str]] = word_set(_KIND, "speaker_stop_words.txt")

# Capitalised words that are never part of a person's name in a speaker phrase.
NON_NAME_WORDS: Final[frozenset[str]] = word_set(_KIND, "non_name_words.txt")

_POST_ALT = "|".join(sorted({s.removesuffix("nya") for s in POST_STEMS}, key=len, reverse=True))
# After a closing quote mark: an optional comma, then the cue ("kata", "ujarnya", "Tutup").
POST_CUE_RE: Final[regex.Pattern[str]] = regex.compile(
    rf"[ \t]*[,.]?[ \t]*(?:demikian[ ]+|lanjut[ ]+|imbuh[ ]+)?(?P<cue>(?i:{_POST_ALT}))(?P<nya>nya)?(?![\p{{L}}])"
)
_VERB_ALT = "|".join(sorted(set(STRONG_VERBS), key=len, reverse=True))
VERB_RE: Final[regex.Pattern[str]] = regex.compile(rf"(?<![\p{{L}}])(?P<cue>{_VERB_ALT})(?![\p{{L}}])")
MENURUT_RE: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![\p{L}])(?P<cue>[Mm]enurut)(?:(?P<nya>nya)|[ ]+(?P<who>[^,\n]{1,80}?))[ ]*,[ ]*"
)
# "Dijelaskan Budi, ...", and "Dijelaskannya, ..." where -nya is the speaker named before.
PASSIVE_RE: Final[regex.Pattern[str]] = regex.compile(
    rf"(?<![\p{{L}}])(?P<cue>{'|'.join(PASSIVE_CUES)})(?:(?P<nya>nya)|[ ]+(?P<who>[^,\n]{{1,80}}?))[ ]*,[ ]*"
)
# as a prefix tree: some fifty stems tried at every position of every sentence were a tenth of the quotes
# stage's time (between a non-letter and a space only whole words match, so the tree matches the same)
_MID_ALT = word_alternation(sorted({*POST_STEMS, "menurut"}))
# A cue in the middle of a reported sentence, the speaker between commas: "Petugas imigrasi, kata Budi,
# ...", "Untuk sisanya, lanjut Hendra, ...". Lower case: a capitalised stem opens a sentence.
MID_KATA_RE: Final[regex.Pattern[str]] = regex.compile(
    rf"(?<![\p{{L}}])(?P<cue>{_MID_ALT})[ ]+(?P<who>[^,\n]{{1,60}}?)[ ]*,[ ]*"
)
# Mid-sentence cues that attribute without a comma before them ("Warga kata Budi ..."): the others must
# follow a comma.
BARE_MID_CUES: Final[frozenset[str]] = word_set(_KIND, "bare_mid_cues.txt")
# A post-quote stem with -nya opening a sentence: "Lanjutnya, ...", "Tambahnya, ..." (the speaker named
# before goes on).
LEAD_NYA_RE: Final[regex.Pattern[str]] = regex.compile(rf"[ \t]*(?P<cue>(?i:{_POST_ALT}))(?P<nya>nya)[ ]*,[ ]*")
BAHWA_RE: Final[regex.Pattern[str]] = regex.compile(r"[ \t]*[,:]?[ \t]*(?:bahwa[ \t,]+)?")

QUOTE_CHARS: Final[frozenset[str]] = frozenset({'"', "“", "”", "„", "«", "»"})
