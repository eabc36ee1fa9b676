"""Organisations and other things across the corpus (`store.identity`): a name and the
same name with a designator ("Labour" / "Labour Party"), and names after a place the
corpus names ("U.S. Congress" / "Congress"; "U.S. Constitution" / "United States
Constitution")."""

from __future__ import annotations

from store.company_names import company_stem, is_bare_suffix
from store.name_records import PLACE_TYPES, VOTE_RATIO, NameRecord, NameSets, compact

ORG_DESIGNATORS = frozenset(
    """
party fc afc cf sc club inc inc. ltd ltd. plc llc corp corp. corporation company co co. group
holdings ag sa nv bank airlines airways
""".split()
)
"""Last words that only say a name is an organisation ("Labour Party", "Chelsea FC")."""
PLACE_LED = frozenset({"ORG", "EVENT", "WORK_OF_ART", "LAW", "AWARD"})
"""Types of names a place's name may lead ("U.S. Congress", "U.S. Constitution")."""
TAILED = frozenset({"EVENT", "AWARD", "LAW"})
"""Types whose short names are the ends of longer ones ("Peace Prize", "Nobel Peace Prize")."""


def join_designated(records: list[NameRecord], keys: list[str], sets: NameSets, roots: list[int]) -> None:
    """ "Labour" -> "Labour Party": a name and the same name with a designator, when one fits."""
    by_stem: dict[str, set[int]] = {}
    for i in roots:
        record = records[i]
        words = record.name.split()
        if record.type == "ORG" and len(words) > 1 and words[-1].casefold() in ORG_DESIGNATORS:
            stem = company_stem(record.name) or " ".join(words[:-1])  # "Goldman, Sachs and Co"
            by_stem.setdefault(compact(stem), set()).add(sets.find(i))
    shortened = _shortened(records, roots)
    for i in roots:
        record = records[i]
        found = by_stem.get(keys[i])
        if found and record.type in ("ORG", "PERSON", "GPE") and sets.find(i) == i:
            if shortened.get(keys[i], found) - found:
                continue  # "Community", the head of "European Community" written alone: not "Community Bank"
            targets = found - {i}
            if len(targets) == 1 and records[next(iter(targets))].type == "ORG":
                target = next(iter(targets))
                if record.type == "ORG" or record.articles * VOTE_RATIO <= records[target].articles:
                    sets.join(target, i)


def join_place_prefixed(records: list[NameRecord], keys: list[str], sets: NameSets, roots: list[int]) -> None:
    """ "U.S. Congress", "United States Congress" -> "Congress": an organisation's name after
    a place the corpus names (a place's name or alias) joins the organisation of the rest
    of the name, when the corpus has exactly one and no other place leads it ("UK Supreme
    Court" and "U.S. Supreme Court" leave a bare "Supreme Court" apart: it names neither;
    "U.S. Supreme Court" and "United States Supreme Court" are still one). Names of one
    type whose rest is the same after one place are one ("U.S. Constitution", "United
    States Constitution")."""
    led = _place_led(records, roots, _places(records))
    same: dict[tuple[str, int, str], list[int]] = {}
    for i, prefixes in led:
        place, rest = prefixes[0]
        same.setdefault((records[i].type, place, rest), []).append(i)
    for named in same.values():
        if len(named) > 1:
            keep = max(named, key=lambda i: (records[i].articles, records[i].mentions))
            for i in named:
                sets.join(keep, i)
    organisations: dict[str, list[int]] = {}
    for i in roots:
        if records[i].type == "ORG":
            organisations.setdefault(keys[i], []).append(i)
    wanted: dict[int, list[tuple[int, int]]] = {}  # bare organisation -> (longer name, place)
    for i, prefixes in led:
        if records[i].type != "ORG":
            continue
        for place, rest in prefixes:
            targets = {sets.find(j) for j in organisations.get(rest, ())}
            targets.discard(sets.find(i))
            if len(targets) == 1:
                wanted.setdefault(targets.pop(), []).append((i, place))
                break
    for target, longer in wanted.items():
        by_place: dict[int, list[int]] = {}
        for i, place in longer:
            by_place.setdefault(place, []).append(i)
        for named in by_place.values():  # "U.S. Supreme Court", "United States Supreme Court"
            for i in named[1:]:
                sets.join(named[0], i)
        if len(by_place) == 1:
            first = longer[0][0]
            if records[sets.find(first)].articles > records[target].articles:
                sets.join(first, target)  # "European Community" names the group "Community" joins
            else:
                sets.join(target, first)


def join_thing_tails(records: list[NameRecord], sets: NameSets, roots: list[int]) -> None:
    """ "Peace Prize" -> "Nobel Peace Prize": an award's, event's or law's name of two words
    or more that ends exactly one longer name of its type in the corpus is that one
    ("World Cup", with the FIFA and the Rugby World Cup in the corpus, stays apart)."""
    names: list[tuple[int, tuple[str, ...]]] = []
    ends: dict[tuple[str, tuple[str, ...]], set[int]] = {}  # (type, a longer name's tail) -> names
    for i in roots:
        record = records[i]
        if record.type in TAILED and " " in record.name:
            words = tuple(record.name.casefold().split())
            names.append((i, words))
            for cut in range(1, len(words) - 1):  # tails of two words or more
                ends.setdefault((record.type, words[cut:]), set()).add(i)
    for i, words in names:
        targets = {sets.find(j) for j in ends.get((records[i].type, words), ())}
        targets.discard(sets.find(i))
        if len(targets) == 1:
            sets.join(targets.pop(), i)


def _shortened(records: list[NameRecord], roots: list[int]) -> dict[str, set[int]]:
    """Each spelling-free head word an article wrote alone for a longer organisation's name
    -> those organisations ("community" -> "European Community", whose "the Community" it
    is; not "IBM" -> "International Business Machines", a short form, no head)."""
    found: dict[str, set[int]] = {}
    for i in roots:
        record = records[i]
        words = record.name.split()
        if record.type == "ORG" and len(words) > 1:
            head = compact(words[-1])
            if head and any(compact(alias) == head for alias in record.aliases):
                found.setdefault(head, set()).add(i)
    return found


def _place_led(
    records: list[NameRecord], roots: list[int], place_of: dict[str, int]
) -> list[tuple[int, list[tuple[int, str]]]]:
    """Each name a place leads, with every (place, spelling-free rest) it can be read as:
    "U.S. Supreme Court" -> [(the United States, "supremecourt")]."""
    led = []
    for i in roots:
        record = records[i]
        if record.type not in PLACE_LED or " " not in record.name:
            continue
        words = record.name.split()
        prefixes = []
        for cut in range(1, min(4, len(words))):
            place = place_of.get(compact(" ".join(words[:cut])))
            if place is None:
                continue
            rest = " ".join(words[cut:])
            if not is_bare_suffix(rest) and compact(rest):  # "Taft Co" is not the "Co" of another company
                prefixes.append((place, compact(rest)))
        if prefixes:
            led.append((i, prefixes))
    return led


def _places(records: list[NameRecord]) -> dict[str, int]:
    """Each spelling-free name or alias of a place -> one number per place: names that
    share an alias are one place ("United States", "U.S.", "US")."""
    found: dict[str, int] = {}
    places = NameSets(len(records))
    for i, record in enumerate(records):
        if record.type in PLACE_TYPES:
            for alias in record.aliases | {record.name}:
                key = compact(alias)
                if key:
                    places.join(found.setdefault(key, i), i)
    return {key: places.find(i) for key, i in found.items()}
