"""People's names: honorifics and common first names, with the pronoun they suggest.

Plain data with no NLP, shared by extraction (`store.extract.gender`) and by the
corpus-wide grouping of entities (`store.identity`), which must not load the model.
"""

from __future__ import annotations

import re

MASC = "Masc"
FEM = "Fem"

MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother", "mister"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess", "madam", "sister"}

MALE_NAMES = set(
    """
    aaron adam al alan albert alex alexander alfred andrew andy anthony antonio arnold barack ben benjamin
    bernie bill billy bob bobby boris brad brandon brian bruce bryan carl carlos charles charlie chris
    christopher chuck clarence craig dan daniel danny dave david dennis denis dick don donald doug douglas
    dwight ed eddie edward emmanuel eric erik evan francis frank fred gary george gerald glenn gordon
    greg gregory harold harry hector henry howard ian isaac jack jacob jake james jamie jason jeb jeff
    jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph josh joshua juan
    justin keith ken kenneth kevin larry lee leon lindsey luis marco marcus mark martin matt matthew
    max michael mike mitch mitt mohammed muhammad nathan neil nicholas nick nigel noah oliver omar
    orrin patrick paul pedro pete peter phil philip ralph randy ray raymond reince richard rick rob robert
    roger ron ronald roy rudy russell ryan sam samuel scott sean sergei sergey stephen steve steven ted
    terry thomas tim timothy todd tom tommy tony trey tyler vince vincent vladimir walter wayne william
    xi yevgeny zach bashar hassan ali ahmed abdul benjamin binyamin recep angelo jean pierre francois
    françois jacques emmanuel nicolas vladimir dmitry viktor narendra shinzo justin malcolm
    kurt hans klaus wolfgang ivan igor alexei mikhail rodrigo jair andres manuel enrique felipe hugo
    """.split()
)
FEMALE_NAMES = set(
    """
    abigail alice alicia alison amanda amy ana andrea angela angelina ann anna anne barbara betsy betty
    beverly brenda carly carol caroline carolyn catherine cathy cheryl christina christine claire
    condoleezza cynthia dana deborah debbie debra diana diane donna dorothy elizabeth ellen emily emma
    erin eva evelyn fiona frances gabrielle gina gloria grace hannah heather heidi helen hillary hope
    huma ivanka jacqueline jane janet janice jasmine jeanne jennifer jessica jill joan joanna
    jodi joyce judith judy julia julie karen kate katherine kathleen kathy katie kayleigh kelly kellyanne
    kim kimberly kirsten laura lauren linda lisa loretta lori louise lucy madeleine margaret maria
    marie marilyn martha mary megan megyn melania melanie melissa michelle monica nancy natalie nicole
    nikki olivia pamela patricia patty paula rachel rebecca rosie ruth samantha sandra sara sarah sharon
    shirley stephanie susan suzanne tammy teresa theresa tiffany tina tulsi valerie victoria virginia
    wendy angela theresa jacinda marine ursula christine nicola sheryl oprah hope kamala elizabeth
    ilhan alexandria rashida ayanna tammy debbie marsha joni maxine sonia ruth elena amy jeanne
    """.split()
)


def title_gender(word: str) -> str | None:
    """MASC or FEM for an honorific ("Mr", "Mrs.", "Lady"), else None."""
    low = word.casefold()
    if low in MALE_TITLES:
        return MASC
    if low in FEMALE_TITLES:
        return FEM
    return None


def first_name_gender(word: str) -> str | None:
    """MASC or FEM for a common first name ("Angela"), else None."""
    low = word.casefold()
    if low in MALE_NAMES:
        return MASC
    if low in FEMALE_NAMES:
        return FEM
    return None


def is_first_name(word: str) -> bool:
    """A common first name of either gender."""
    low = word.casefold()
    return low in MALE_NAMES or low in FEMALE_NAMES


HONORIFICS = frozenset(
    """
mr mr. mrs mrs. ms ms. miss dr dr. sir lady lord dame madam mister prof prof. professor
president senator sen sen. rep rep. governor gov gov. mayor judge justice minister
secretary chancellor general gen gen. captain capt capt. colonel col col. sheikh
king queen prince princess pope father reverend rev rev. rabbi imam
""".split()
)
"""Words before a name that make it a person's ("Mr Blair", "President Obama")."""

PEERAGE_TITLES = (
    "Earl Countess Duke Duchess Count Baron Baroness Viscount Viscountess Marquess Marchioness Marquis "
    "Baronet"
).split()
"""Titles of the peerage ("2nd Earl of Clare"): the one list behind the rules that read them."""
PEERAGE = "|".join(PEERAGE_TITLES)
"""The titles as a regular-expression alternation."""
SAINT_PREFIX = re.compile(r"^(?:Saint|St\.?)\s+(?=\w)", re.IGNORECASE)
""" "Saint Jerome", "St. Jerome", "St Jerome": the one spelling of the prefix."""

POST_NOMINALS = frozenset(
    """
KG KT GCB KCB CB AO OM GCMG KCMG CMG GCVO KCVO CVO LVO MVO GBE KBE DBE CBE OBE MBE BEM CH VC GC DSO MC DFC
QPM KPM RRC KC QC SC SOC MP MSP MS AM MLA MLC MEP TD PC JP DL
PhD DPhil MD DDS MA BA BSc MSc MBA LLB LLM LLD DSc DLitt MBBS MRCP FRCP FRCS FRCGP MRCGP
FRS FRSE FRSA FBA FREng FMedSci FRSL RA PRA RSA RIBA FRIBA CEng CPA CFA Esq Esq.
""".split()
)
"""Letters after a name: honours and decorations, a barrister's rank, an elected office,
degrees and fellowships (as Debrett's and the UK honours system write them), matched as
written: "Sarah Lund QC" is Sarah Lund. Generational suffixes (Jr., Sr., III) are part
of the name and are not here."""


def strip_post_nominals(name: str) -> str:
    """The name without letters after it ("Dame Zaha Hadid DBE RA" -> "Dame Zaha Hadid"), as
    long as a name is left; commas before the letters go too ("Ann Lee, QC")."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(",") in POST_NOMINALS:
        words.pop()
    if len(words) == len(name.split()):
        return name
    return " ".join(words).rstrip(",")
