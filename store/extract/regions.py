"""A place's region after its comma ("Sydney, Australia", "Austin, Texas", "Alpine,
Arizona, USA"): an alias of the place, unless the comma starts a list ("Tokyo,
Yokohama, Osaka and Kobe") or the "region" is a country after a country ("West
Germany, Japan, Australia")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from store.extract.name_heads import FACILITY_HEADS, HEAD_TYPES, ORG_HEADS, head_word
from store.extract.names import is_country, known_type

PLACE_AFTER = re.compile(
    r", ((?:[A-Z]\w*(?:\.[A-Z]\.?)*)(?: [A-Z]\w*(?:\.[A-Z]\.?)*){0,2})"
    r"(?=[,;:.)\[]|\s+[a-z0-9(\[–—]|[ \t]*(?:\n|$))"
)
"""A region after a place's comma: "Sydney, Australia", "Washington, D.C.", "Paris, France on …",
"Yekaterinburg, Russia" ending a line (a caption, a dateline), "Ellon, Scotland – 1699"."""
CONTINENTS = frozenset("Europe Asia Africa America Americas Oceania Antarctica".split())
"""A place named for a continent or part of one ("Eastern Europe", "Latin America") holds
countries: a country after its comma is the next item of a list."""
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
    while (region_end := _region_after(doc, body, end, place)) is not None:
        end = region_end
        regions += 1
    if regions == 0 or regions > 2 or LIST_GOES_ON.match(body, end):
        return None  # not "Basel, Heidelberg, and Strasbourg": a list of places
    return body[start:end]


IN_BEFORE = re.compile(r"\b(?:in|near|outside) $")
"""A locative preposition right before a name."""


def with_address(doc: Doc, body: str, name: str, start: int, label: str) -> tuple[str, str | None]:
    """An organisation or building with the place it stands in, as the body writes it:
    `(label, the name with its place)`, or `(label, None)` without one. An institution or
    building, by its head word, keeps its place as an alias ("Trinity College, Cambridge",
    "Calvary Church of Santa Ana, California", "Montmartre Cemetery, Paris, France"); a name
    the model typed an organisation with no head word of one, after "in" and before a region,
    is a place ("in Levico Terme, Trento, Italy")."""
    chain = with_regions(doc, body, name, start)
    region = (
        doc.char_span(start + len(name) + 2, start + len(chain), alignment_mode="expand") if chain else None
    )
    if chain is None or region is None or _subject_of_clause(region[0]):
        return label, None  # not "According to the Associated Press, Iran has …"
    head = head_word(name)
    if head in ORG_HEADS or head in FACILITY_HEADS:
        return label, chain
    if (
        label == "ORG"
        and head not in HEAD_TYPES
        and not known_type(name)
        and IN_BEFORE.search(body, max(0, start - 8), start)
    ):
        return "GPE", chain
    return label, None


def _region_after(doc: Doc, body: str, end: int, place: str) -> int | None:
    """Where the region after the place's comma ends, None without one. A country or state
    before a capitalised word that the parse does not join to it ends a dateline that runs
    into its sentence: "Preston, Victoria, Australia On Saturday, …" (not "Paris, France
    Telecom", where "France" modifies "Telecom")."""
    within = PLACE_AFTER.match(body, end)
    if within is not None and _a_region(doc, body, within, place):
        return within.end()
    run = CAPITALISED_AFTER.match(body, end)
    if run is None or _country_like(place):
        return None
    words = run.group(1).split()
    for n in (2, 1):
        region = " ".join(words[:n])
        if n < len(words) and is_country(region):
            span = doc.char_span(run.start(1), run.start(1) + len(region))
            if span is not None and span.root.head.i < span.start and span.root.dep_ in ("appos", "conj"):
                return run.start(1) + len(region)
    return None


CAPITALISED_AFTER = re.compile(r", ([A-Z]\w*(?: [A-Z]\w*){1,2})")
"""Capitalised words after a comma."""


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
    word = doc.char_span(within.start(1), within.end(1), alignment_mode="expand")
    if word is not None and word.root.head.i >= word.end and word.root.dep_ == "compound":
        return False  # "Men, U.S. District Judge Gray Miller": the abbreviation starts a name
    region = within.group(1)
    if is_country(region):
        return not _country_like(place) and place.rpartition(" ")[2] not in CONTINENTS
    if word is not None and _subject_of_clause(word.root):
        return False  # "a favorite of Pachomius, Theodorus lived …": the comma ends a phrase
    if span is not None and span.root.dep_ == "conj" and _listed_on(body, within.end()):
        return False
    return span is not None and all(t.ent_type_ == "GPE" for t in span)


FINITE = frozenset("VBD VBZ VBP MD".split())
"""Tags of finite verbs and modals."""


def _subject_of_clause(token: Token) -> bool:
    """The subject of a finite verb: "a favorite of Pachomius, Theodorus lived …", "According
    to the Associated Press, Iran has increased …". Not of an infinitive, where the parse
    errs ("move to Los Angeles, California instead to pursue …")."""
    verb = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and (
        verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in verb.children)
    )


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
