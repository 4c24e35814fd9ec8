"""The act/non-act decision and the status of a candidate: duties, conditions, wishes, procedures and
nouns that name an act already reported; planned and negated acts."""

from __future__ import annotations

import regex

from .clauses import clause_before, since_stop

# --------------------------------------------------------------------------------------------------
# Status, genericity, count

_PLANNED_NEAR = regex.compile(
    r"\b(?:akan|berencana|direncanakan|merencanakan|rencananya|menargetkan|ditargetkan|targetkan|segera|bakal)\b",
    regex.IGNORECASE,
)
_PLANNED_SENT = regex.compile(r"\b(?:ke\s*depan(?:nya)?|rencananya|tahun depan|mendatang)\b", regex.IGNORECASE)
_NEGATED = regex.compile(
    r"\b(?:belum|tidak|tak|bukan)\b(?!\s+(?:hanya|sekadar|sekedar|cuma|saja|lain|terkecuali|sedikit|jarang))",
    regex.IGNORECASE,
)
# Duties, conditions and wishes: "berkomitmen", "Jika perlu, dilakukan ...", "harus dilakukan".
_GENERIC = regex.compile(
    r"\b(?:berkomitmen|komitmen untuk|harus|perlu|wajib|jika|apabila|bila|diharapkan|hendaknya|sebaiknya|"
    r"semestinya|seharusnya|mampu|perlunya|kewajiban|pentingnya)\b",
    regex.IGNORECASE,
)
# The action as the subject of a copula: "Pemeriksaan keimigrasian menjadi hal yang penting".
_COPULA_AFTER = regex.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:juga\s+)?(?:menjadi|merupakan|adalah|ialah|(?:sangat\s+)?penting)\b", regex.IGNORECASE
)
# What an appeal asks the public to do is not the agency's act: "mengimbau masyarakat untuk memeriksa ...".
# A purpose is not an act either: "Kegiatan ini bertujuan memperkuat ... jangkauan sosialisasi".
_ADVICE = regex.compile(
    r"\b(?:mengimbau|imbauan|menghimbau|mengajak|meminta|agar|supaya|bertujuan|tujuan|tujuannya|guna)\b",
    regex.IGNORECASE,
)
# A procedure, a role or a frame names a kind of act, not an occasion of it: "cara memeriksa legalitas",
# "syarat penundaan", "bertugas mendampingi", "wadah kolaborasi", "bagian dari pengawasan".
_PROCEDURE = regex.compile(
    r"\b(?:(?:tata\s+)?cara|syarat|prosedur|mekanisme|alur|bertugas|tugasnya|wadah|forum|sarana|"
    r"bagian\s+dari)\s+$",
    regex.IGNORECASE,
)
# Conditions and asides: "Jika perlu, ...", "Yang mana imigrasi membentuk ... agar ...".
_CONDITIONAL_START = regex.compile(r"^\W*(?:jika|apabila|bila|kalau|seandainya|yang mana)\b", regex.IGNORECASE)


def action_status(text: str, *, sentence: tuple[int, int], trigger: tuple[int, int]) -> str:
    """``planned`` / ``negated`` when a marker governs the trigger from just before it, else ``done``."""
    s0 = sentence[0]
    a, b = trigger
    near = clause_before(text, max(s0, a - 60), a)
    if _NEGATED.search(clause_before(text, max(s0, a - 15), a)):
        return "negated"
    if _PLANNED_NEAR.search(near) or _PLANNED_NEAR.search(text[a:b]) or _PLANNED_SENT.search(text[s0:a]):
        return "planned"
    return "done"


def is_generic(text: str, *, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """True when a duty, condition, wish or procedure governs the trigger (no concrete act is reported)."""
    s0, s1 = sentence
    if _CONDITIONAL_START.search(text[s0:s1]):
        return True
    if _COPULA_AFTER.search(text[trigger[1] : min(s1, trigger[1] + 40)]):
        return True
    if _PROCEDURE.search(text, max(s0, trigger[0] - 30), trigger[0]):
        return True
    if _ADVICE.search(since_stop(text, max(s0, trigger[0] - 80), trigger[0])):
        return True
    return bool(_GENERIC.search(since_stop(text, max(s0, trigger[0] - 45), trigger[0])))


# Verbal prefixes: me- (active), di- (passive), ber- (intransitive), ter- (stative/accidental).
_VERBAL = regex.compile(r"^(?:me|di|ber|ter)\w", regex.IGNORECASE)


# "memberikan sosialisasi", "melakukan pemeriksaan", "telah melakukan penundaan": a support verb
# (with its adverbs) right before a noun makes it the object of a reported act.
_SUPPORT_VERB = regex.compile(
    r"(?<!\w)(?:me|di)\w+(?:\s+(?:kembali|lagi|juga|pun|secara\s+\w+))?\s+$", regex.IGNORECASE
)


def is_nominal(text: str, *, start: int, end: int) -> bool:
    """True when the trigger ``text[start:end]`` is a bare noun ("pemeriksaan", "sosialisasi", "Desa
    Binaan"): no verbal prefix of its own and no verb right before it.

    A noun names an act that a verb has usually reported already; only a verb reports a new one for sure.
    """
    if _VERBAL.match(text[start:end]):
        return False
    return not _SUPPORT_VERB.search(text, max(0, start - 40), start)
