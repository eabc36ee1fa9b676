"""A place's region after its comma ("Sydney, Australia", "Austin, Texas", "Alpine,
Arizona, USA"): an alias of the place, unless the comma starts a list ("Tokyo,
Yokohama, Osaka and Kobe") or the "region" is a country after a country ("West
Germany, Japan, Australia")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from store.extract.names import is_country

PLACE_AFTER = re.compile(
    r", ((?:[A-Z]\w*(?:\.[A-Z]\.?)*)(?: [A-Z]\w*(?:\.[A-Z]\.?)*){0,2})"
    r"(?=[,;:.)\[]|\s+[a-z0-9(\[]|[ \t]*(?:\n|$))"
)
"""A region after a place's comma: "Sydney, Australia", "Washington, D.C.", "Paris, France on …",
"Yekaterinburg, Russia" ending a line (a caption, a dateline)."""
COMPASS = frozenset("North South East West Northern Southern Eastern Western Upper Lower Central".split())
"""Words that share the name after "and": "North and South Korea", "Upper and Lower Egypt"."""
LIST_GOES_ON = re.compile(r", (?:and|or) [A-Z]")
"""After a place and the name past its comma: the two were items of a list."""


def with_regions(doc: Doc, body: str, place: str, start: int) -> str | None:
    """The place with the regions after its comma, as the body writes it; None without.
    A place sits in two regions at most ("Oldham, Lancashire, England"): a longer chain
    is a list ("Zaire, Uganda, Sierra Leone, Congo")."""
    end = start + len(place)
    regions = 0
    while (within := PLACE_AFTER.match(body, end)) and _a_region(doc, body, within, place):
        end = within.end()
        regions += 1
    if regions == 0 or regions > 2 or LIST_GOES_ON.match(body, end):
        return None  # not "Basel, Heidelberg, and Strasbourg": a list of places
    return body[start:end]


def _a_region(doc: Doc, body: str, within: re.Match[str], place: str) -> bool:
    """The name after a place's comma is a region holding it: a country or state, or a
    place the model tagged as such; not one modifying the noun after it ("Latakia, US
    officials said"). Not the next member of a list ("Tokyo, Yokohama, Osaka and Kobe":
    a conjunct in the parse that is no country or state), and a country never holds a
    country ("West Germany, Japan, Australia")."""
    span = doc.char_span(within.start(1), within.end(1))
    head = span.root.head if span is not None else None
    if span is not None and head is not None and head.i >= span.end and head.is_lower and head.pos_ == "NOUN":
        return False  # ("Paris, France on August 2" is a region: "on" is no noun it modifies)
    region = within.group(1)
    if is_country(region):
        return not _country_like(place)
    if span is not None and span.root.dep_ == "conj" and _listed_on(body, within.end()):
        return False
    return span is not None and all(t.ent_type_ == "GPE" for t in span)


LIST_NEXT = re.compile(r",? (?:and|or) ([A-Z][\w.]*(?: [A-Z][\w.]*)*)|, ([A-Z][\w.]*(?: [A-Z][\w.]*)*)")


def _listed_on(body: str, end: int) -> bool:
    """A list goes on after a conjunct ("Yokohama, Nagoya", "Yokohama and Kobe"); a chain
    of regions does not ("Oldham, Lancashire, England": a country follows)."""
    following = LIST_NEXT.match(body, end)
    if following is None:
        return False
    words = (following.group(1) or following.group(2)).split()
    return not any(is_country(" ".join(words[:k])) for k in range(1, len(words) + 1))


def _country_like(name: str) -> bool:
    """A country, also with a compass word before it ("West Germany", "South Yemen")."""
    first, _, rest = name.partition(" ")
    return is_country(name) or (first in COMPASS and is_country(rest))


PAIRED = re.compile(r"^(North|South) (\S+)$")
SHORT_COMPASS = re.compile(
    r"\b(?:the|The) (North|South)\b(?!['’]?\s*[A-Z0-9])|\b(North|South)(?= and (?:North|South) (\S+))"
)


def compass_mentions(body: str, places: dict[str, str]) -> list[tuple[str, int, int]]:
    """ "the North", "the South" and the first word of "North and South Korea" in an article
    that names both halves ("North Korea", "South Korea"): `(place key, start, end)` of each.
    `places` maps each of the article's place names to its group key."""
    halves: dict[tuple[str, str], str] = {}
    for name, key in places.items():
        paired = PAIRED.match(name)
        if paired:
            halves[(paired.group(1), paired.group(2))] = key
    both = {rest for side, rest in halves if (("South" if side == "North" else "North"), rest) in halves}
    if len(both) != 1:
        return []  # no pair, or two ("the North" of which?)
    rest = next(iter(both))
    found = []
    for match in SHORT_COMPASS.finditer(body):
        group = 1 if match.group(1) else 2
        if group == 2 and match.group(3).rstrip(".,;:'’s") != rest:
            continue
        side = match.group(group)
        found.append((halves[(side, rest)], match.start(group), match.end(group)))
    return found
