"""When one person's name can stand for another's: the word tests the corpus grouping
(`store.identity`) and the article's own apart pairs share.

"Blair" and "Mr Blair" fit "Tony Blair"; "George Bush" fits "George W Bush"; "George W
Bush" fits no "George H W Bush". Two names that fit, written by one article as two
people ("the second son of Pierre L'Enfant" beside "Pierre Charles L'Enfant"), are an
apart pair: the corpus never joins them (`apart_pairs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from store.models import Entity
from store.name_lexicon import plain

SURNAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "at-", "az-", "bin-", "ibn-", "abu-")
"""Arabic and other name particles attached to a surname ("al-Assad" is still "Assad")."""
NOT_WORD = re.compile(r"[\W_]+")


def name_words(name: str) -> list[str]:
    """A person's name as folded words, without dots and commas: "Erdoğan" -> ["erdogan"]."""
    folded = name.casefold() if name.isascii() else plain(name)
    return [w.strip(".,") for w in folded.split() if w.strip(".,")]


def surname_of(words: list[str]) -> str:
    last = words[-1]
    if "-" in last:
        for particle in SURNAME_PARTICLES:
            if last.startswith(particle) and len(last) > len(particle):
                last = last[len(particle) :]
                break
    return last if last.isalnum() else NOT_WORD.sub("", last)


def fits(short: list[str], long: list[str]) -> bool:
    """`short` names the person `long` names: a surname alone, or the same first name
    (an initial fits it) and surname ("George Bush" for "George W Bush"). A name with
    middle names fits no longer name: "George W Bush" is not "George H W Bush"."""
    if len(short) >= len(long):
        return False
    if len(short) == 1:
        return True
    first, mine = short[0], long[0]
    if not (first == mine or (len(first) == 1 and mine.startswith(first))):
        return False
    return len(short) == 2


def apart_pairs(entities: Iterable[Entity]) -> list[tuple[str, str]]:
    """(shorter, longer) full names of two people one article keeps apart although the
    shorter fits the longer: "Pierre L'Enfant" (the father) and "Pierre Charles
    L'Enfant". A surname alone is no such name: an article keeps "Bush" apart when it
    names two Bushes, which says nothing of the name in other articles."""
    by_surname: dict[str, list[tuple[str, list[str]]]] = {}
    for entity in entities:
        if entity.type != "PERSON" or entity.only_within:
            continue
        words = name_words(entity.name)
        if len(words) > 1:
            by_surname.setdefault(surname_of(words), []).append((entity.name, words))
    pairs = []
    for people in by_surname.values():
        for short, short_words in people:
            for long, long_words in people:
                if short != long and fits(short_words, long_words):
                    pairs.append((short, long))
    return pairs
