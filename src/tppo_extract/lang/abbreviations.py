"""Indonesian abbreviations that end in a period inside a sentence: titles, degrees, ranks, addresses."""

from __future__ import annotations

from typing import Final

# Written as they appear in news text; the tokenizer adds the upper-case and title-case variants.
# Each keeps its period as part of one token, and no sentence ends after it.
ADDRESS: Final[tuple[str, ...]] = (
    "Kab.", "Kec.", "Kel.", "Prov.", "Ds.", "Dsn.", "Jl.", "Jln.", "Gg.", "No.", "Kp.",
    "Kav.", "RT.", "RW.", "Tlp.", "Telp.", "Hp.", "Fax.",
)
TITLES: Final[tuple[str, ...]] = (
    "dr.", "Dr.", "drg.", "Drs.", "Dra.", "Ir.", "Prof.", "H.", "Hj.", "KH.", "Ny.", "Nn.", "Tn.", "Sdr.",
    "Sdri.", "Bpk.", "Bp.", "Yth.", "St.", "Mr.", "Mrs.", "Ms.",
)
DEGREES: Final[tuple[str, ...]] = (
    "S.H.", "M.H.", "S.E.", "M.E.", "S.T.", "M.T.", "S.Sos.", "M.Si.", "S.Si.", "S.Pd.", "M.Pd.", "S.Kom.",
    "M.Kom.", "S.Ag.", "M.Ag.", "S.IP.", "M.AP.", "S.Kep.", "S.Ked.", "Sp.A.", "M.M.", "M.Hum.", "S.Psi.",
    "Ph.D.", "Lc.", "A.Md.", "S.Tr.", "S.I.Kom.", "M.Kn.", "S.Farm.", "Apt.",
)
RANKS: Final[tuple[str, ...]] = ("Pol.", "Purn.", "Inf.", "Mar.", "Adm.")
ORDINARY: Final[tuple[str, ...]] = (
    "dll.", "dsb.", "dst.", "dkk.", "tsb.", "tgl.", "thn.", "bln.", "hlm.", "a.n.", "u.p.", "u.b.", "s.d.",
    "d.a.", "Sdr.", "yg.", "dg.", "dgn.", "krn.", "utk.", "kpd.", "Tbk.", "Co.", "Ltd.", "Inc.", "Corp.",
    "vs.", "Ket.", "Permen.", "Perpres.", "Ttd.", "ttd.",
)

ABBREVIATIONS: Final[frozenset[str]] = frozenset(ADDRESS + TITLES + DEGREES + RANKS + ORDINARY)

# Roman numerals that end sentences ("Kantor Imigrasi Kelas I."): their period is punctuation, not an
# initial, although "I." looks like one.
ROMAN_NUMERALS: Final[tuple[str, ...]] = ("I", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII")


def is_abbreviation(token_text: str) -> bool:
    """True for an abbreviation that keeps its period ("Kab.", "dr.") or a capital initial ("M.")."""
    if token_text in ABBREVIATIONS or token_text.lower() in _LOWER:
        return True
    return is_initial(token_text)


def is_initial(token_text: str) -> bool:
    """A single capital letter with its period ("M."), other than the numeral "I."."""
    return len(token_text) == 2 and token_text[0].isupper() and token_text[1] == "." and token_text != "I."


_LOWER: Final[frozenset[str]] = frozenset(a.lower() for a in ABBREVIATIONS)
