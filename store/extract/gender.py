"""Which pronoun a person takes, as far as the article and a first-name list say.

Used only to keep "he said" from resolving to a woman and "she said" to a man.
Evidence, strongest first: a title in the article (Mr., Mrs., Ms.), a possessive
or subject pronoun right after the person is named as a sentence's subject,
then a list of common first names. Unknown is compatible with both.
"""

from __future__ import annotations

import re
from collections import Counter

MASC = "Masc"
FEM = "Fem"

_MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother", "mister"}
_FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "queen", "princess", "madam", "sister"}

_MALE_NAMES = set(
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
_FEMALE_NAMES = set(
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

_SUBJECT_PRONOUN = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)


def name_gender(name: str) -> str | None:
    """MASC, FEM or None from the first word of a name."""
    words = name.replace(".", ". ").split()
    if not words:
        return None
    first = words[0].casefold()
    if first in _MALE_TITLES:
        return MASC
    if first in _FEMALE_TITLES:
        return FEM
    if first in _MALE_NAMES:
        return MASC
    if first in _FEMALE_NAMES:
        return FEM
    return None


def title_before(text: str, start: int) -> str | None:
    """MASC or FEM from a title right before a name at `text[start:]` ("Mrs. Lopez")."""
    before = text[max(0, start - 12) : start].split()
    if not before:
        return None
    word = before[-1].casefold()
    if word in _MALE_TITLES:
        return MASC
    if word in _FEMALE_TITLES:
        return FEM
    return None


class GenderVotes:
    """Evidence about each person of one article, collected while reading it."""

    def __init__(self) -> None:
        self.votes: dict[str, Counter[str]] = {}

    def add(self, person: str, gender: str | None, weight: int = 1) -> None:
        if gender:
            self.votes.setdefault(person, Counter())[gender] += weight

    def add_following_text(self, person: str, text: str) -> None:
        """Pronouns in the words right after the person's name as a lone subject."""
        match = _SUBJECT_PRONOUN.search(text)
        if match:
            word = match.group(1).casefold()
            self.add(person, MASC if word in ("he", "his", "him") else FEM)

    def gender(self, person: str) -> str | None:
        counter = self.votes.get(person)
        if counter:
            (best, n), *rest = counter.most_common(2) + [("", 0)]
            if n > rest[0][1]:
                return best
        return name_gender(person)


def compatible(person_gender: str | None, pronoun_gender: str | None) -> bool:
    """Unknown on either side fits."""
    return person_gender is None or pronoun_gender is None or person_gender == pronoun_gender
