"""Indonesian person titles: roles and offices, police and military ranks, honorifics, academic degrees."""

from __future__ import annotations

from typing import Final

import regex

from .calendar import MONTH_WORDS, WEEKDAY_WORDS

# Words that open a role phrase before a name ("Kepala Kantor Imigrasi X Budi", "Kapolda Kaltim Irjen Imam").
ROLE_HEADS: Final[frozenset[str]] = frozenset(
    """Kepala Kakanim Kakanwil Kadiv Kadivim Kabid Kasi Kasubsi Kasubbag Kasubag Kabag Kasat Kasatreskrim
    Kanit Panit Kasubdit Kaur Kapolda Kapolres Kapolresta Kapolrestabes Kapolsek Wakapolda Wakapolres
    Kabidhumas Dirreskrimum Dirreskrimsus Dirjen Direktur Deputi Ketua Wakil Sekretaris Sekjen Koordinator
    Menteri Wamen Gubernur Wagub Bupati Wabup Walikota Wali Camat Lurah Kades Sekdes Sekda Presiden Kajati
    Kajari Pangdam Danrem Dandim Danramil Danlanal Danlanud Komandan Plt Plt. Plh Plh. Pj Pj. Pjs Staf Tenaga
    Anggota Akademisi Pengamat Peneliti Aktivis Pendamping Kabareskrim Kapolri Jaksa Hakim Ketum Kadis Kadisnaker
    Kadinsos Pimpinan Kakorwil Pejabat Analis Petugas Pemeriksa""".split()
)

# Lower-case nouns that describe an ordinary person in apposition to their name ("Sri, pemilik warung").
OCCUPATION_HEADS: Final[frozenset[str]] = frozenset(
    """pemilik pedagang warga petani nelayan sopir buruh pelajar siswa siswi mahasiswa mahasiswi guru dosen
    karyawan karyawati pengusaha pekerja korban ibu ayah orang tokoh perwakilan pengemudi penjual pembeli
    pengunjung penumpang calon mantan relawan""".split()
)

# Role heads that name a territory right after them ("Camat Medan Marelan", "Bupati Indramayu").
TERRITORIAL_HEADS: Final[frozenset[str]] = frozenset(
    "Camat Lurah Kades Bupati Wabup Gubernur Wagub Walikota Sekdes Sekda".split()
)

# Police and military ranks, and civil honorifics, that may stand between a role and a name.
RANKS: Final[tuple[str, ...]] = (
    "Jenderal Pol", "Komjen Pol", "Irjen Pol", "Brigjen Pol", "Kombes Pol", "AKBP", "Kompol", "AKP", "Iptu",
    "Ipda", "Aiptu", "Aipda", "Bripka", "Brigpol", "Briptu", "Bripda", "Bharada", "Jenderal", "Komjen",
    "Irjen", "Brigjen", "Kombes", "Laksamana", "Laksdya", "Laksda", "Laksma", "Marsekal", "Marsma",
    "Letjen", "Mayjen", "Kolonel", "Letkol", "Mayor", "Kapten", "Lettu", "Letda", "Serka", "Sertu", "Serda",
    "Pelda", "Peltu", "Kopda", "Praka",
)
HONORIFICS: Final[tuple[str, ...]] = (
    "Prof.", "Prof", "Dr.", "Dr", "dr.", "Drs.", "Dra.", "Ir.", "H.", "Hj.", "KH.", "K.H.", "Bapak", "Ibu",
    "Pak", "Bu", "Sdr.", "Saudara", "Saudari", "Tuan", "Nyonya",
    # religious titles, written before the name like the civil ones ("Pendeta Maria ...", "Ustaz Hasan ...")
    "Pendeta", "Pdt.", "Pdt", "Pastor", "Romo", "Uskup", "Mgr.", "Suster", "Bruder", "Ustaz", "Ustadz",
    "Ustazah", "Ustadzah", "Kiai", "Kyai", "Habib", "Syekh", "Tuan Guru", "Biksu", "Bhikkhu", "Hajah", "Hajjah",
)

_RANK_ALT = "|".join(regex.escape(r) for r in sorted(RANKS, key=len, reverse=True))
_HON_ALT = "|".join(regex.escape(h) for h in sorted(HONORIFICS, key=len, reverse=True))
# "Irjen Pol", "Kombes Pol.", "Dr. H."; used to skip them before a name.
PREFIX_RE: Final[regex.Pattern[str]] = regex.compile(
    rf"(?:(?:{_RANK_ALT})(?:[ ]Pol\.?)?(?![\p{{L}}])|(?:{_HON_ALT})(?![\p{{L}}]))[ ]+"
)

# Academic degrees written after a name: ", S.H., M.H.", " S.Sos", ", M.Si".
DEGREE_RE: Final[regex.Pattern[str]] = regex.compile(
    r"(?:,?[ ](?:S|M|D|Dr)\.?[ ]?[\p{Lu}\p{Ll}]{1,5}\.?(?:[ ]?[\p{Lu}\p{Ll}]{1,4}\.)?"
    r"|,?[ ](?:SH|MH|MM|MSi|MBA|MA|PhD|Ph\.D\.?))(?![\p{L}])"
)

# Capitalised words that are never (part of) a person's name in these articles: sentence openers,
# calendar words, generic nouns of the domain, personal pronouns and hortatives ("Saya", "Mari"), apps and
# platforms, the units of a police directorate ("Subdit", "Renakta"), and the abbreviations of a local
# government and of its meetings ("Pemkab", "Rakor").
NOT_NAME_WORDS: Final[frozenset[str]] = frozenset(
    """Sementara Selain Selanjutnya Kemudian Namun Adapun Dalam Saat Ketika Setelah Sebelum Sejak Hingga Untuk
    Karena Oleh Dengan Bagi Pada Di Ke Dari Dan Atau Yang Ini Itu Tersebut Hal Para Pihak Mereka Kami Kita Ia
    Dia Beliau Menurut Menurutnya Sebagai Seperti Selama Sebanyak Melalui Terkait Bahkan Juga Tak Tidak Bila
    Jika Apabila Agar Supaya Maka Lalu Kini Sedangkan Berdasarkan Baca Juga Foto Sumber Editor Penulis Reporter
    Tahun Bulan Hari Indonesia Republik Negara Desa Kelurahan Kecamatan Kabupaten
    Kota Provinsi Kantor Imigrasi Kanim Kanwil Polda Polres Polresta Pemerintah Dinas Badan Kementerian
    Direktorat Balai Satgas Tim Gugus Tugas TPPO PMI CPMI WNI WNA TKI Pekerja Migran Warga Negara Asing
    Perdagangan Orang Tindak Pidana Pencegahan Penanganan Program Kegiatan Pimpasa Binaan Paspor Bandara
    Pelabuhan Kepala Humas Seksi Bidang Sub Intelijen Penindakan Keimigrasian Pengawasan Ketua Wakil Menteri
    Presiden Direktur Sekretaris Koordinator Gubernur Bupati Camat Lurah Plt Plh Kapolda Kapolres Kapolresta
    Kakanim Kabid Kasi Kadiv Bapak Ibu Pak Bu Tuhan Allah Islam Kristen Covid Google News Antara ANTARA
    Malaysia Singapura Kamboja Thailand Myanmar Jepang Korea Taiwan Hongkong Arab Saudi Timur Tengah Asia
    Afrika Eropa Amerika Australia Filipina Vietnam Laos China Tiongkok Brunei Terima Kasih Selamat Pagi
    Demikian Oleh Karena Itu Kata Ujar Jelas Tegas Ungkap Tutur Sebut Tambah Imbuh Ucap Pesan Harap Lanjut
    Hasil Pemasyarakatan Babinsa Bhabinkamtibmas Pelaksana Harian Anak Perempuan Pasar Masyarakat Pemerintah
    Kepolisian Polisi Pemohon Petugas Tersangka Korban Pelaku Tim Dalam Upaya Sosialisasi Pada Berita Terkini
    Lihat Simak Klik Artikel Tag Tags Halaman Share Bagikan Timnas Piala Liga Stadion Klub Tendangan Gol Babak
    Jalan Jl Gedung Rumah Sakit RSUD Universitas Pasal Nomor
    Saya Aku Anda Kamu Engkau Kau Kalian Dirinya Mari Ayo Yuk Silakan Silahkan Mohon Tolong
    WhatsApp Whatsapp Facebook Instagram TikTok Tiktok Telegram Twitter YouTube Youtube Zoom Gmail
    Subdit Unit Satreskrim Reskrim Ditreskrimum Ditreskrimsus Ditintelkam Renakta Jatanras Resmob
    Pemkab Pemko Pemkot Pemprov Pemda Pemdes Rakor Rakornas Rakorda Rakortek Rakorwil Bimtek Musrenbang FGD""".split()
) | WEEKDAY_WORDS | MONTH_WORDS  # the calendar's words, from lang/calendar.py


# Territorial words of a role and the gazetteer level of the place name that follows them
# ("Camat Medan Marelan", "Kepala Desa Sukamaju", "Bupati Bantul").
TERRITORY_LEVELS: Final[dict[str, str]] = {
    "Camat": "district", "Kecamatan": "district", "Lurah": "village", "Kades": "village", "Desa": "village",
    "Kelurahan": "village", "Sekdes": "village", "Bupati": "regency", "Wabup": "regency", "Walikota": "regency",
    "Kabupaten": "regency", "Kota": "regency", "Gubernur": "province", "Wagub": "province", "Provinsi": "province",
}

# Balinese names open with a gender marker ("I", "Ni") and then caste or birth-order words
# ("I Gusti Agung ...", "I Made ...", "Ni Luh Putu ..."); "I" alone is a name word only before one of these.
BALINESE_NAME_WORDS: Final[frozenset[str]] = frozenset(
    """Gusti Agung Made Wayan Nyoman Ketut Putu Komang Kadek Gede Luh Ayu Ngurah Bagus Dewa Nengah Desak
    Ida Anak Cokorda Tjokorda Gde Kade Nyoman Iluh Sang Dewi Oka""".split()
)

# Honorifics and degrees that only stand before a person's name: "Drs. Wahyudi", "Prof. Sari".
# Religious titles too, capitalised: "Pendeta Maria ...", "Ustaz Hasan ...", "Romo Yohanes ...".
NAME_CUE_HONORIFICS: Final[frozenset[str]] = frozenset(
    """Prof Dr dr Drs Dra Ir Hj KH Pendeta Pdt Pastor Romo Uskup Mgr Suster Bruder Ustaz Ustadz Ustazah Ustadzah
    Kiai Kyai Habib Syekh Biksu Bhikkhu Hajah Hajjah""".split()
)

# Words of football reports after which players' and coaches' names follow, alone or in a list.
SPORT_CUES: Final[frozenset[str]] = frozenset(
    """gol pemain pelatih kiper penyerang bek gelandang striker tendangan sundulan umpan menggantikan
    memasukkan digantikan asuhan dicetak""".split()
)


def is_role_head(word: str) -> bool:
    """True when ``word`` opens a role phrase ("Kepala", "Kapolresta", "Plt.")."""
    return word in ROLE_HEADS
