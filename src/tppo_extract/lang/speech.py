"""Indonesian speech cues: the verbs and phrases that attribute a quotation or a reported statement."""

from __future__ import annotations

from typing import Final

import regex

# Bare stems used after a quotation, alone or with -nya: '"...," kata Budi', '"...," ujarnya'.
POST_STEMS: Final[tuple[str, ...]] = (
    "kata",
    "ujar",
    "ungkap",
    "jelas",
    "tutur",
    "tegas",
    "tambah",
    "sebut",
    "papar",
    "terang",
    "imbuh",
    "tandas",
    "pungkas",
    "tutup",
    "lanjut",
    "harap",
    "ajak",
    "pesan",
    "akui",
    "aku",
    "nilai",
    "klaim",
    "ucap",
    "sambung",
    "cetus",
    "seru",
    "timpal",
    "urai",
    "beber",
    "tanya",
    "paparnya",
    "katakan",
    "imbau",
    "pinta",
    "terangnya",
    "tukas",
    "kilah",
    "tulis",
    "sahut",
    "jawab",
    "ungkapnya",
    "tegasnya",
    "bebernya",
    "simpul",
    "kenang",
    "ingat",
    "ceritanya",
    "cerita",
    "yakin",
    "sebutnya",
    "akunya",
    "tuturnya",
    "lanjutnya",
)

# meN- and ber- verbs that introduce a statement after their subject: "Budi mengatakan (bahwa) ...".
STRONG_VERBS: Final[tuple[str, ...]] = (
    "mengatakan",
    "menjelaskan",
    "menegaskan",
    "mengungkapkan",
    "menuturkan",
    "menambahkan",
    "menyebutkan",
    "menyebut",
    "memaparkan",
    "menerangkan",
    "menyatakan",
    "menekankan",
    "melanjutkan",
    "mengaku",
    "mengakui",
    "berharap",
    "mengharapkan",
    "mengimbau",
    "menilai",
    "mengklaim",
    "membeberkan",
    "mengemukakan",
    "berujar",
    "bertutur",
    "berkata",
    "mengingatkan",
    "mengutarakan",
    "menandaskan",
    "menguraikan",
    "meminta",
    "mengajak",
    "berpesan",
    "memastikan",
    "menyampaikan",
    "menyoroti",
)

# Verbs whose object is often a plain noun ("menyampaikan dukungannya", "meminta maaf"), so they
# report a statement only when "bahwa", a comma or a colon follows them.
WEAK_VERBS: Final[frozenset[str]] = frozenset({"menyampaikan", "meminta", "mengajak", "memastikan", "mengingatkan"})

# Passive cues that take the speaker after them: "Dikatakan Budi, ...", "Disampaikan Kepala Dinas, ...".
# Verbs after which the words before are a speaker's name ("Budi mengatakan"): the speech verbs plus
# a few that report a person acting as a speaker without introducing a quote.
VERBS_AFTER_NAME: Final[frozenset[str]] = (
    frozenset(STRONG_VERBS) | WEAK_VERBS | frozenset({"merinci", "bilang", "membenarkan", "mengapresiasi"})
)

PASSIVE_CUES: Final[tuple[str, ...]] = (
    "Dikatakan",
    "Disampaikan",
    "Dijelaskan",
    "Ditegaskan",
    "Diungkapkan",
    "Dituturkan",
    "Ditambahkan",
    "Disebutkan",
    "Dipaparkan",
    "Diterangkan",
)

# Words between a subject and its speech verb: "Budi juga mengatakan", "Ia pun menegaskan".
ADVERBS: Final[frozenset[str]] = frozenset(
    "juga pun pula kembali turut sempat telah sudah lantas kemudian lalu lebih lanjut kali ini sendiri "
    "bahkan tak lupa".split()
)

# Pronouns that point back at someone already named: "ujarnya", "kata dia", "Ia mengatakan".
PRONOUNS: Final[frozenset[str]] = frozenset({"nya", "dia", "ia", "beliau", "pihaknya", "Ia", "Dia", "Beliau"})

# Words that end the speaker phrase after a post-quote cue: '," kata Budi di Medan, Senin.'
SPEAKER_STOP_WORDS: Final[frozenset[str]] = frozenset(
    "di saat dalam lewat melalui kepada ketika usai seusai pada dihubungi kepada kemarin ditemui dilansir "
    "sebagaimana seperti sambil yang dan menambahkan ketika seraya untuk dengan via".split()
)

# Capitalised words that are never part of a person's name in a speaker phrase.
NON_NAME_WORDS: Final[frozenset[str]] = frozenset(
    """Kantor Imigrasi Kelas I II III TPI Non Wilayah Kanwil Kemenkumham Kementerian Kemenkum Kemenimipas
    Direktorat Jenderal Ditjen Badan Dinas Polres Polda Polresta Polsek Polri Satgas Tim Sub Seksi Bidang Bagian
    Intelijen Penindakan Keimigrasian Humas Lalu Lintas Kota Kabupaten Provinsi Desa Kelurahan Kecamatan
    Republik Indonesia BP2MI BP3MI KP2MI Sumut Sumsel Sulteng Kaltim Kepri Kalbar Jatim Jateng Jabar NTT NTB
    Pelindungan Perlindungan Pekerja Migran Kawasan Asia Afrika Utama Ahli Tenaga Kedeputian Staf Presiden
    Pemberdayaan Pengawasan Orang Asing Pemerintah Pemkab Pemkot Pemprov Balai Pelayanan Layanan Umum
    Perempuan Anak Sosial Tenaga Kerja Transmigrasi Lembaga Komisi Gugus Tugas TPPO TPPM PMI CPMI WNI WNA
    Bank Pasar Sekretariat Daerah Kabid Kasi Kasubsi Kakanim Kakanwil Kepala Wakil Ketua Sekretaris Direktur
    Menurut Menurutnya Sementara Selain Namun Adapun Dalam Kemudian Selanjutnya Sebelumnya Dengan Untuk
    Pada Saat Ketika Hal Ini Itu Sedangkan Bahkan Oleh Karena Jika Apabila Setelah Usai Sejak Kini Lebih
    Plt Plt. Plh Pj Inteldak Pelaksana Harian Penyelenggara Hak Pasar Salah Informasi Teknologi Hukum HAM
    Tindak Pidana Perdagangan Lalintalkim Binaan""".split()
)

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
PASSIVE_RE: Final[regex.Pattern[str]] = regex.compile(
    rf"(?<![\p{{L}}])(?P<cue>{'|'.join(PASSIVE_CUES)})[ ]+(?P<who>[^,\n]{{1,80}}?)[ ]*,[ ]*"
)
# A cue in the middle of a reported sentence: "Petugas imigrasi, kata Budi, ...".
MID_KATA_RE: Final[regex.Pattern[str]] = regex.compile(
    r"(?<![\p{L}])(?P<cue>kata|ujar|menurut)[ ]+(?P<who>[^,\n]{1,60}?)[ ]*,[ ]*"
)
BAHWA_RE: Final[regex.Pattern[str]] = regex.compile(r"[ \t]*[,:]?[ \t]*(?:bahwa[ \t,]+)?")

QUOTE_CHARS: Final[frozenset[str]] = frozenset({'"', "“", "”", "„", "«", "»"})
