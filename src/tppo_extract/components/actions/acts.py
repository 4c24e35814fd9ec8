"""The act/non-act decision and the status of a candidate: duties, conditions, wishes, procedures and
nouns that name an act already reported; planned and negated acts."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .candidates import TriggerMatch
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
# Commitments, conditions and abilities close before the trigger: "berkomitmen", "bila ditemukan", "mampu".
_GENERIC = regex.compile(
    r"\b(?:berkomitmen|komitmen untuk|jika|apabila|bila|mampu|perlunya|kewajiban|pentingnya)\b",
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
# "syarat penundaan", "bertugas mendampingi", "wadah kolaborasi", "bagian dari pengawasan", and the frame
# of what the sentence goes on to report: "Sebagai bentuk pengawasan, petugas akan memeriksa ...".
_PROCEDURE = regex.compile(
    r"\b(?:(?:tata\s+)?cara|syarat|prosedur|mekanisme|alur|bertugas|tugasnya|wadah|forum|sarana|"
    r"bagian\s+dari|sebagai\s+(?:bentuk|wujud|upaya|langkah|bagian))\s+$",
    regex.IGNORECASE,
)
# Conditions and asides: "Jika perlu, ...", "Yang mana imigrasi membentuk ... agar ...".
_CONDITIONAL_START = regex.compile(r"^\W*(?:jika|apabila|bila|kalau|seandainya|yang mana)\b", regex.IGNORECASE)


# Words of joint work that may only say how another act was done: "X bekerja sama dengan Y menggelar
# sosialisasi", "melalui kerja sama dengan BP2MI".
_JOINT_WORK = regex.compile(
    r"(?:be)?kerja\s*sama|berkolaborasi|kolaborasi|bersinergi|sinergi|menggandeng|digandeng|bergandengan",
    regex.IGNORECASE,
)


def joint_manner(text: str, trigger: TriggerMatch, sentence_triggers: Sequence[TriggerMatch]) -> bool:
    """True when a coordination trigger of joint work shares its sentence with an act of another type:
    the joint work is then the manner of that act (its co-actors), not a coordination of its own."""
    if trigger.type != "coordination" or not _JOINT_WORK.match(text, trigger.start, trigger.end):
        return False
    return any(t.type != "coordination" and not t.mention for t in sentence_triggers)


def conditional_plan(text: str, *, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """True when the trigger is a plan in the main clause of a conditional sentence: "Apabila terbukti,
    Imigrasi akan berkoordinasi dengan BP3MI." (a planned act), not an act inside the condition itself."""
    s0 = sentence[0]
    comma = text.find(",", s0, trigger[0])
    if comma < 0:
        return False
    return bool(_PLANNED_NEAR.search(clause_before(text, comma + 1, trigger[0])))


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


# A modal, a need or a wish governs every verb of its clause, however many are chained after it: "Negara
# harus hadir dan bekerja keras mencegah sekaligus memulangkan korban", "membutuhkan sinergi lintas sektor".
_MODAL_CLAUSE = regex.compile(
    r"\b(?:harus|perlu|mesti|wajib|hendaknya|sebaiknya|seharusnya|semestinya|diharapkan|berharap|mengharapkan|"
    r"membutuhkan|memerlukan|dibutuhkan|diperlukan|butuh)\b",
    regex.IGNORECASE,
)
# A role or a function describes what a body or a programme is for, not an occasion of it: "bertugas
# memberikan penyuluhan", "berperan mendampingi", "garda terdepan dalam mendampingi warga".
_ROLE = regex.compile(
    r"(?<!yang\s)\b(?:bertugas(?!\s+(?:di|pada)\b)|berperan|berfungsi|bertanggung\s+jawab|tugasnya|perannya|fungsinya|tugas\s+pokok|"
    r"garda\s+terdepan|ujung\s+tombak|berwenang|kewenangan)\b",
    regex.IGNORECASE,
)
# A noun naming a kind of act as the subject of a modal or evaluative predicate later in its clause, with no
# verb of its own in between: "pengawasan terhadap keberangkatan WNI ke luar negeri harus semakin selektif",
# "Upaya ... dalam mengawasi perbatasan diharapkan ...".
_PREDICATE_AFTER = regex.compile(
    r"(?:[^\S\n]+(?!(?:me|di|ber)\w)[^\s,;.:!?\"“”]+){0,12}?[^\S\n]+(?:juga[^\S\n]+)?"
    r"(?:harus|perlu|wajib|mesti|menjadi|merupakan|adalah|ialah|penting|diharapkan|dinilai|dianggap)(?!\w)",
    regex.IGNORECASE,
)
# "menekankan pentingnya respons cepat, sinergi lintas instansi, edukasi masyarakat": an importance noun
# governs the whole list after it, commas and all.
_IMPORTANCE = regex.compile(r"\b(?:pentingnya|perlunya|urgensi|arti\s+penting)\b", regex.IGNORECASE)
# "untuk mempererat sinergi", "guna mendekatkan layanan, meningkatkan edukasi hukum": strengthening a
# practice is the purpose of what the sentence reports, not an occasion of that practice.
_PURPOSE_OBJECT = regex.compile(
    r"\b(?:untuk|guna|demi|dalam\s+rangka)\s+(?:[^\s.;]+\s+){0,4}?(?:meningkatkan|memperkuat|mempererat|"
    r"mengoptimalkan|memaksimalkan|mendukung|mendorong|memperluas|mengintensifkan|menguatkan|membangun)"
    r"\s+(?:[^\s,.;]+\s+){0,1}$",
    regex.IGNORECASE,
)
# What a body does as a rule, not on an occasion: "rutin melakukan pengawasan", "aktif melakukan razia",
# "senantiasa berkoordinasi".
_HABITUAL = regex.compile(
    r"\b(?:rutin|secara\s+rutin|secara\s+berkala|berkala|senantiasa|selalu|aktif)\s+(?:\w+\s+){0,1}$",
    regex.IGNORECASE,
)
# What a tool, a programme or a measure can do is no occasion of it: "Aplikasi itu dapat membantu petugas melakukan
# pemeriksaan", "Program desa binaan dapat mencegah ...". (A body that "dapat menggagalkan" did manage it: only a
# thing as the subject makes "dapat" an ability.)
_INSTRUMENT_ABLE = regex.compile(
    r"\b(?:aplikasi|sistem|program|teknologi|alat|fitur|layanan|inovasi|sarana|mekanisme|kebijakan|aturan|"
    r"regulasi|langkah|upaya|kerja\s*sama|kolaborasi)(?:nya)?\b[^.;:!?]{0,60}?\b(?:dapat|bisa|mampu)\b",
    regex.IGNORECASE,
)
_ABLE_AFTER = regex.compile(
    r"(?:[^\S\n]+[^\s.;:!?]+){0,3}?[^\S\n]+(?:diharapkan[^\S\n]+)?(?:dapat|bisa|mampu)(?!\w)", regex.IGNORECASE
)
# The legal basis of what is reported names a rule, not an act of making it: "berdasarkan Peraturan Bupati ...",
# "mengacu pada Perpres tentang pembentukan gugus tugas", "Dasar hukumnya adalah ...".
_LEGAL_CUE = (
    r"\b(?:berdasarkan|mengacu\s+(?:pada|kepada)|merujuk(?:\s+(?:pada|kepada))?|sesuai(?:\s+dengan)?|"
    r"sebagaimana\s+diatur\s+dalam|diatur\s+dalam|amanat|berlandaskan|landasan(?:\s+hukum(?:nya)?)?|"
    r"dasar\s+hukum(?:nya)?(?:\s+(?:adalah|ialah|yakni|yaitu))?|payung\s+hukum(?:nya)?)"
)
_REGULATION = (
    r"(?:undang-undang|uu|peraturan|perpres|permen\w*|perda|perbup|pergub|perwali|keputusan|kepres|keppres|"
    r"inpres|instruksi|surat\s+edaran|SE)\b"
)
# the trigger inside the title of a rule cited as the basis ("mengacu pada Perpres Nomor 49 Tahun 2023 tentang
# pembentukan ..."), no clause break in between; or the rule itself right after the cue ("berdasarkan Perbup")
_IN_TITLE = regex.compile(
    rf"{_LEGAL_CUE}\s+(?:[^\s,.;:!?]+\s+){{0,2}}?{_REGULATION}[^,.;:!?]*?\btentang\s+(?:[^\s,.;:!?]+\s+){{0,6}}?$",
    regex.IGNORECASE,
)
_CUE_BEFORE = regex.compile(rf"{_LEGAL_CUE}\s+(?:[^\s,.;:!?]+\s+){{0,2}}?$", regex.IGNORECASE)
_REGULATION_AT = regex.compile(_REGULATION, regex.IGNORECASE)

_POINTS_BACK = regex.compile(r"[^\S\n]+(?:ini|itu|tersebut)(?!\w)", regex.IGNORECASE)
# "dalam mengawasi", "untuk mengedukasi": a verb after these prepositions names an activity, like a noun
_NOMINALISING = regex.compile(r"\b(?:dalam|untuk|guna|demi)\s+$", regex.IGNORECASE)


def non_act_reason(text: str, *, sentence: tuple[int, int], trigger: tuple[int, int]) -> str | None:
    """Why the trigger reports no concrete act, or None when it does: ``condition`` ("Jika ..."), ``copula``
    (the act as a copula's subject), ``procedure`` (a kind of act: "cara", "syarat"), ``advice`` (an
    appeal or a purpose), ``modal`` (a duty, need or wish governs its clause), ``role`` (what a body is
    for), ``importance`` (an activity noun listed after "pentingnya"), ``purpose`` (a practice that the
    act strengthens: "untuk mempererat sinergi"), ``predicate`` (an activity noun as the subject of an
    evaluation), ``legal_basis`` (a rule cited as the basis, or an act named in its title), ``ability`` (what a
    tool or programme can do), ``generic`` (other duties)."""
    s0, s1 = sentence
    a, b = trigger
    conditional = bool(_CONDITIONAL_START.search(text[s0:s1]))
    plan = conditional and conditional_plan(text, sentence=sentence, trigger=trigger)
    if conditional and not plan:
        return "condition"
    if plan:
        s0 = text.find(",", s0, a) + 1  # the main clause: its condition reports nothing either way
    if _COPULA_AFTER.search(text[b : min(s1, b + 40)]):
        return "copula"
    if _legal_basis(text, s0, a):
        return "legal_basis"
    clause_so_far = clause_before(text, s0, a)
    # ("Kesepakatan ini diharapkan dapat ...": a noun pointing back at an act already reported is no kind of act)
    if _INSTRUMENT_ABLE.search(clause_so_far) or (
        is_nominal(text, start=a, end=b) and not _POINTS_BACK.match(text, b, s1) and _ABLE_AFTER.match(text, b, s1)
    ):
        return "ability"
    if _PROCEDURE.search(text, max(s0, a - 30), a):
        return "procedure"
    if _ADVICE.search(since_stop(text, max(s0, a - 80), a)):
        return "advice"
    clause = clause_before(text, s0, a)
    if _MODAL_CLAUSE.search(clause):
        return "modal"
    if _ROLE.search(text, s0, a):  # a role governs the list of duties after it, commas and all
        return "role"
    if _HABITUAL.search(since_stop(text, max(s0, a - 40), a)):
        return "habitual"
    nominal = is_nominal(text, start=a, end=b) or bool(_NOMINALISING.search(text, max(s0, a - 10), a))
    if nominal and _IMPORTANCE.search(text, s0, a):
        return "importance"
    if _PURPOSE_OBJECT.search(text, max(s0, a - 80), a):
        return "purpose"
    # "Kesepakatan ini diharapkan ...": a noun pointing back at an act already reported is no kind of act
    if nominal and not _POINTS_BACK.match(text, b, s1) and _PREDICATE_AFTER.match(text, b, s1):
        return "predicate"
    if _GENERIC.search(since_stop(text, max(s0, a - 45), a)):
        return "generic"
    return None


# How far back the legal-basis cue of a regulation may stand (characters): "berdasarkan Peraturan Menteri ...
# Nomor 9 Tahun 2020 tentang ..." runs long.
_LEGAL_REACH = 120


def _legal_basis(text: str, s0: int, a: int) -> bool:
    """True when the trigger at ``a`` names a rule cited as the legal basis ("berdasarkan Perbup ..."), or lies in
    the title of such a rule ("mengacu pada Perpres tentang pembentukan gugus tugas")."""
    lo = max(s0, a - _LEGAL_REACH)
    if _IN_TITLE.search(text, lo, a):
        return True
    return _REGULATION_AT.match(text, a) is not None and _CUE_BEFORE.search(text, lo, a) is not None


def is_generic(text: str, *, sentence: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """True when a duty, condition, wish or procedure governs the trigger (no concrete act is reported)."""
    return non_act_reason(text, sentence=sentence, trigger=trigger) is not None


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
