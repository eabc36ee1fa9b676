"""Companies' legal suffixes and newswire's units: grammar of names, not names.

"Boeing Co", "Taft Broadcasting Co" and "Goldman, Sachs and Co" share their last word,
but "Co" only says each is a company: a suffix is never the basis of a join, and a
bare suffix is no entity. Without it the name is the company's short form ("Boeing
Co" and "Boeing" are one company). Plain data with no NLP, shared by extraction and by
the corpus-wide grouping (`store.identity`).
"""

from __future__ import annotations

import re

LEGAL_SUFFIXES = frozenset(
    w.casefold()
    for w in """
Co Co. Cos Cos. Company Companies Corp Corp. Corporation Inc Inc. Incorporated Ltd Ltd. Limited
Plc PLC LLC L.L.C. LP L.P. LLP L.L.P. AG SA S.A. NV N.V. BV B.V. GmbH KG KGaA SpA S.p.A. Srl
S.r.l. AB ASA Oy Oyj A/S KK K.K. Bhd Berhad Pty Pte Sdn SE SAS S.A.S. Cie Cie. NL
""".split()
)
"""The legal forms that end a company's name ("Boeing Co", "Volkswagen AG", "CSR Ltd")."""
AMBIGUOUS_SUFFIXES = frozenset(
    "sa ag nv bv kg ab asa se sas kk nl company companies corporation limited".split()
)
"""Suffixes that are also acronyms or words of their own ("SA" for South Africa, "ASA"):
alone they may still name something."""
UNIT_WORDS = frozenset("mln bln dlr dlrs cts pct stg shr shrs revs avg qtr mths".split())
"""Newswire's units and table abbreviations ("82.0 mln dlrs", "Revs", "Shr"): no name
holds one."""
DESIGNATORS = LEGAL_SUFFIXES | {"group", "holdings", "holding"}
"""What may end a company's name and leave its short form ("Morgan Stanley Group")."""
_JOINER = re.compile(r"(?:,?\s+(?:and|&)|,)\s*$")


def is_legal_suffix(word: str) -> bool:
    """ "Co", "Inc.", "AG": a word that only says the name before it is a company's."""
    return word.casefold() in LEGAL_SUFFIXES


def is_bare_suffix(name: str) -> bool:
    """A name of legal suffixes alone ("Co", "Plc", "Co Inc"): never an entity."""
    words = name.casefold().split()
    return bool(words) and all(w in LEGAL_SUFFIXES for w in words) and words[-1] not in AMBIGUOUS_SUFFIXES


def company_stem(name: str) -> str | None:
    """The name without its legal suffixes and designators ("Goldman, Sachs and Co" ->
    "Goldman, Sachs"; "Nippon Lace Co Ltd" -> "Nippon Lace"; "USAir Group" -> "USAir");
    None when the name ends in none, or is one."""
    words = name.split()
    cut = len(words)
    while cut > 1 and words[cut - 1].rstrip(",").casefold() in DESIGNATORS:
        cut -= 1
    if cut == len(words) or cut == 0:
        return None
    stem = _JOINER.sub("", " ".join(words[:cut]))
    return stem if stem and stem[:1].isupper() else None


def has_unit_word(name: str) -> bool:
    """ "U.S. Dlrs", "Revs 82.0 mln": a unit or table word, so an amount, not a name
    ("CTS" in capitals is a company's acronym, not cents)."""
    return any(word.casefold().strip(".,") in UNIT_WORDS and not word.isupper() for word in name.split())
