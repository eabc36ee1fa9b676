"""Entity identity across the corpus: which of the articles' entities are one real thing.

Each article's YAML names its entities on its own ("Blair", "Tony Blair", "Tories").
The corpus decides what one article cannot, by `group_corpus`, a pure function of the
corpus's names (type, name, how many articles and mentions, the aliases written):

- **Spellings.** Names equal up to case, accents, spaces, hyphens, dots, a leading "the" and
  "Saint" / "St." are one ("Kilroy-Silk" / "Kilroy Silk", "Time Warner" / "TimeWarner",
  a reference line's "Twain, Mark" / "Mark Twain",
  "Saint Petersburg" / "St. Petersburg", "University of California, Berkeley" / "University
  of California at Berkeley"); so are a group's singular and plural ("Tory" / "Tories").
- **Type vote.** A name typed ORG in 150 articles and PERSON in 3 is an ORG. The
  minority keeps its own entity when its articles give evidence for their type (a
  person's title: "Mr Jordan"), or when it is not clearly outvoted: two real things
  may share a name.
- **People.** A person's full name that an article wrote as the alias of one other
  person with the same surname joins that person ("Otto Jespersen" -> "Jens Otto Harry
  Jespersen"). A shorter name joins a longer one only when it ends in the same surname
  and its other words appear in the longer name, in order ("Blair" and "Mr Blair" ->
  "Tony Blair", "George Bush" -> "George W Bush"), when exactly one such person exists
  in the corpus, never across genders ("Mrs Howard" never joins Michael Howard), and
  never when an article names both as two people ("Pierre L'Enfant", the father of
  "Pierre Charles L'Enfant": `store.person_fit.apart_pairs`).
  A bare first name never joins anyone across articles. When several people fit
  ("Bush": George W Bush, Kate Bush), the short name stays apart and its entity says
  whom it could be (`also`).
- **Organisations.** "Yukos" joins "Yukos Oil Company"'s shorter legal form only
  through a designator ("Labour" -> "Labour Party", "Chelsea" -> "Chelsea FC"), and
  only when one organisation fits. A place before an organisation's name is not part
  of it ("U.S. Congress" -> "Congress"), when the corpus names that place.

Used by the index's entity registry (`store.index.registry`) and by `newsdesk extract`
(the `key` of each entity), so both group alike. No NLP model, no I/O; linear in the
number of names (people are compared only within one surname).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.campus_names import campus_key
from store.company_names import company_stem, is_bare_suffix, is_legal_suffix
from store.models import Entity
from store.name_lexicon import plain
from store.person_fit import NOT_WORD, apart_pairs, fits, name_words, surname_of
from store.person_names import FEM, HONORIFICS, MASC, first_name_gender, is_first_name, title_gender

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
VOTE_RATIO = 3
"""A type outvotes another for the same name when it has this many times its articles."""
ORG_DESIGNATORS = frozenset(
    """
party fc afc cf sc club inc inc. ltd ltd. plc llc corp corp. corporation company co co. group
holdings ag sa nv bank airlines airways
""".split()
)
"""Last words that only say a name is an organisation ("Labour Party", "Chelsea FC")."""
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_SAINT = re.compile(r"^(?:saint|st\.?)\s+(?=\w)", re.IGNORECASE)


@dataclass
class NameRecord:
    """One (type, name) of the corpus, as the articles' YAML files write it."""

    name: str
    type: str
    articles: int = 0
    """Articles with an entity of this name and type."""
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)
    """Every form the articles wrote for it (titles included: "Mr Blair")."""
    apart: set[str] | None = None
    """People's names an article keeps apart from this one though one fits the other
    (`store.person_fit.apart_pairs`): never joined to it."""

    @property
    def ident(self) -> tuple[str, str]:
        return (self.type, self.name)


@dataclass
class CorpusEntity:
    """One real thing of the corpus: the names that stand for it."""

    name: str
    """Canonical name: the longest person's name, else the most used spelling."""
    type: str
    """The type the corpus voted for."""
    members: list[NameRecord] = field(default_factory=list)
    also: list[tuple[str, int]] = field(default_factory=list)
    """For a short name several entities fit ("Bush"): their names and article counts."""

    @property
    def key(self) -> str:
        """Stable identity of the group: its type and canonical name."""
        return f"{self.type}:{self.name}"

    @property
    def articles(self) -> int:
        return sum(m.articles for m in self.members)

    @property
    def mentions(self) -> int:
        return sum(m.mentions for m in self.members)


@dataclass
class Grouping:
    """The corpus's entities and, for each (type, name), the one it belongs to."""

    entities: list[CorpusEntity]
    of: dict[tuple[str, str], CorpusEntity]

    def entity(self, entity_type: str, name: str) -> CorpusEntity | None:
        return self.of.get((entity_type, name))


def records_of(articles: Iterable[list[Entity]]) -> list[NameRecord]:
    """The corpus's names from each article's entities (as `newsdesk extract` has them)."""
    found: dict[tuple[str, str], NameRecord] = {}
    apart: list[tuple[str, str]] = []
    for entities in articles:
        apart += apart_pairs(entities)
        for entity in entities:
            if entity.only_within:
                continue  # "Texas" only in "University of Texas": no name the article uses alone
            record = found.get((entity.type, entity.name))
            if record is None:
                record = found[(entity.type, entity.name)] = NameRecord(entity.name, entity.type)
            record.articles += 1
            record.mentions += len(entity.mentions)
            record.aliases.update(entity.aliases)
    records = list(found.values())
    keep_apart(records, apart)
    return records


def keep_apart(records: list[NameRecord], pairs: Iterable[tuple[str, str]]) -> None:
    """Record on both people's names each (shorter, longer) pair an article kept apart."""
    people = {r.name: r for r in records if r.type == "PERSON"}
    for short, long in pairs:
        if short in people and long in people:
            for mine, other in ((people[short], long), (people[long], short)):
                if mine.apart is None:
                    mine.apart = set()
                mine.apart.add(other)


def compact(name: str) -> str:
    """The spelling-free form of a name: "The Kilroy-Silk's" -> "kilroysilk"."""
    if name[:4] in ("the ", "The ", "THE "):
        name = _LEADING_THE.sub("", name.strip())
    if "'" in name or "’" in name:
        name = _POSSESSIVE.sub("", name.strip())
    if name[:2] in ("St", "Sa", "ST", "SA", "st", "sa"):
        name = _SAINT.sub("st ", name)  # "Saint Petersburg", "St. Petersburg", "St Petersburg"
    folded = name.casefold() if name.isascii() else plain(name)  # "Dvořák" / "Dvorak"
    joined = "".join(folded.split())
    return joined if joined.isalnum() else NOT_WORD.sub("", folded)


def _in_reading_order(name: str) -> str:
    """A reference line's "Twain, Mark" is "Mark Twain": one surname, a comma, given names."""
    surname, comma, given = name.partition(", ")
    if comma and " " not in surname and given and "," not in given:
        return f"{given} {surname}"
    return name


def _singular(key: str) -> str | None:
    if key.endswith("ies") and len(key) > 4:
        return key[:-3] + "y"
    if key.endswith("s") and not key.endswith("ss") and len(key) > 3:
        return key[:-1]
    return None


class _Sets:
    """Union-find over record indices; the root keeps the entity's canonical record."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, keep: int, other: int) -> None:
        keep, other = self.find(keep), self.find(other)
        if keep != other:
            self.parent[other] = keep


def group_corpus(records: list[NameRecord]) -> Grouping:
    """Group the corpus's names into entities (see the module docstring)."""
    collecting = gc.isenabled()
    gc.disable()  # half a million small objects: the cyclic collector would rescan them all
    try:
        return _group(records)
    finally:
        if collecting:
            gc.enable()


def _group(records: list[NameRecord]) -> Grouping:
    sets = _Sets(len(records))
    weight = [(r.articles, r.mentions) for r in records]
    keys = [compact(_in_reading_order(r.name) if r.type == "PERSON" else campus_key(r.name)) for r in records]
    _vote_types(records, keys, sets, weight)
    roots = sorted({sets.find(i) for i in range(len(records))})
    also: dict[int, list[int]] = {}
    _join_aliased_people(records, sets, roots)
    _join_people(records, sets, roots, also)
    _join_designated(records, keys, sets, roots)
    _join_place_prefixed(records, keys, sets, roots)
    entities: dict[int, CorpusEntity] = {}
    of: dict[tuple[str, str], CorpusEntity] = {}
    for i, record in enumerate(records):
        root = sets.find(i)
        entity = entities.get(root)
        if entity is None:
            entity = entities[root] = CorpusEntity(records[root].name, records[root].type)
        entity.members.append(record)
        of[record.ident] = entity
    for i, candidates in also.items():
        owner = entities[sets.find(i)]
        listed = {entities[sets.find(c)].name: entities[sets.find(c)] for c in candidates}
        owner.also = sorted(((n, e.articles) for n, e in listed.items()), key=lambda x: (-x[1], x[0]))
    return Grouping(list(entities.values()), of)


# --- spellings and the type vote ---------------------------------------------------------


def _coarse(entity_type: str) -> str:
    return "PLACE" if entity_type in PLACE_TYPES else entity_type


def _titled(record: NameRecord) -> bool:
    """Some article calls it by a person's title ("Mr Jordan", "President Obama")."""
    return any(" " in a and a.split()[0].casefold() in HONORIFICS for a in record.aliases)


def _vote_types(
    records: list[NameRecord], keys: list[str], sets: _Sets, weight: list[tuple[int, int]]
) -> None:
    """One entity per spelling-free name and type class; outvoted types join the winner."""
    by_key: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        by_key.setdefault(key, []).append(i)
    for key in list(by_key):
        singular = _singular(key)
        if key not in by_key:
            continue
        if singular and singular in by_key and not _any_person(records, by_key[key] + by_key[singular]):
            by_key[singular] += by_key.pop(key)  # "Tories" / "Tory"
    for members in by_key.values():
        if len(members) < 2:
            continue
        votes: dict[str, list[int]] = {}
        for i in members:
            votes.setdefault(_coarse(records[i].type), []).append(i)
        classes = {}
        for coarse, indices in votes.items():
            best = max(indices, key=lambda i: (weight[i], records[i].type == records[indices[0]].type))
            for i in indices:
                sets.join(best, i)
            classes[coarse] = (sum(records[i].articles for i in indices), best, indices)
        if len(classes) < 2:
            continue
        winner = max(classes, key=lambda c: (classes[c][0], c != "PERSON"))
        total, best, _ = classes[winner]
        for coarse, (articles, other, indices) in classes.items():
            if coarse == winner or total < VOTE_RATIO * max(articles, 1):
                continue
            if coarse == "PERSON" and any(_titled(records[i]) for i in indices):
                continue  # a person with a title: a real person sharing the name
            sets.join(best, other)


def _any_person(records: list[NameRecord], indices: list[int]) -> bool:
    return any(records[i].type == "PERSON" for i in indices)


# --- people -------------------------------------------------------------------------------


def _gender(record: NameRecord, words: list[str]) -> str | None:
    """From the titles the articles used ("Mrs Howard"), else from a common first name."""
    votes = {MASC: 0, FEM: 0}
    for alias in record.aliases:
        first = alias.split()[0] if " " in alias else ""
        found = title_gender(first) if first else None
        if found:
            votes[found] += 1
    if votes[MASC] != votes[FEM]:
        return MASC if votes[MASC] > votes[FEM] else FEM
    return first_name_gender(words[0]) if len(words) > 1 else None


def _join_aliased_people(records: list[NameRecord], sets: _Sets, roots: list[int]) -> None:
    """ "Otto Jespersen" -> "Jens Otto Harry Jespersen": a person's full name that some
    article wrote as an alias of exactly one other person with the same surname (the
    article said they are one: "Jens Otto Harry Jespersen or Otto Jespersen")."""
    owners: dict[str, set[int]] = {}
    people = [i for i in roots if records[i].type == "PERSON" and " " in records[i].name]
    for i in people:
        record = records[i]
        last = record.name.rsplit(None, 1)[-1]
        for alias in record.aliases:
            if alias == record.name or " " not in alias or alias.rsplit(None, 1)[-1] != last:
                continue  # most aliases: the name itself, a surname, a title with the surname
            words = name_words(alias)
            if words[0] not in HONORIFICS:
                owners.setdefault(" ".join(words), set()).add(i)
    if not owners:
        return
    for i in people:
        found = owners.get(" ".join(name_words(records[i].name)))
        if found:
            targets = {sets.find(j) for j in found} - {sets.find(i)}
            if len(targets) == 1:
                sets.join(targets.pop(), i)


def _join_people(
    records: list[NameRecord], sets: _Sets, roots: list[int], also: dict[int, list[int]]
) -> None:
    """Shorter names of people join the one longer name they fit (module docstring)."""
    people = [i for i in roots if records[i].type == "PERSON"]
    words = {i: name_words(records[i].name) for i in people}
    people = [i for i in people if words[i]]
    surname = {i: surname_of(words[i]) for i in people}
    by_surname: dict[str, list[int]] = {}
    for i in people:
        if len(words[i]) > 1:
            by_surname.setdefault(surname[i], []).append(i)
    gender = {i: _gender(records[i], words[i]) for i in people}
    for i in sorted(people, key=lambda i: -len(words[i])):
        mine = words[i]
        if len(mine) == 1 and is_first_name(mine[0]):
            continue  # a bare first name never joins across articles
        if is_legal_suffix(mine[-1]):
            continue  # "Maffei Inc" typed PERSON: a company's suffix is no surname
        candidates = [
            j
            for j in by_surname.get(surname[i], ())
            if j != i
            and fits(mine, words[j])
            and (gender[i] is None or gender[j] is None or gender[i] == gender[j])
        ]
        if not candidates:
            continue
        apart = records[i].apart
        if apart and any(records[j].name in apart for j in candidates):
            also[i] = sorted({sets.find(j) for j in candidates} - {sets.find(i)})
            continue  # an article names both as two people: the short name is either
        targets = {sets.find(j) for j in candidates}
        targets.discard(sets.find(i))
        if len(targets) == 1:
            sets.join(targets.pop(), i)
        elif targets:
            also[i] = sorted(targets)


def _join_designated(records: list[NameRecord], keys: list[str], sets: _Sets, roots: list[int]) -> None:
    """ "Labour" -> "Labour Party": a name and the same name with a designator, when one fits."""
    by_stem: dict[str, set[int]] = {}
    for i in roots:
        record = records[i]
        words = record.name.split()
        if record.type == "ORG" and len(words) > 1 and words[-1].casefold() in ORG_DESIGNATORS:
            stem = company_stem(record.name) or " ".join(words[:-1])  # "Goldman, Sachs and Co"
            by_stem.setdefault(compact(stem), set()).add(sets.find(i))
    for i in roots:
        record = records[i]
        found = by_stem.get(keys[i])
        if found and record.type in ("ORG", "PERSON", "GPE") and sets.find(i) == i:
            targets = found - {i}
            if len(targets) == 1 and records[next(iter(targets))].type == "ORG":
                target = next(iter(targets))
                if record.type == "ORG" or record.articles * VOTE_RATIO <= records[target].articles:
                    sets.join(target, i)


def _join_place_prefixed(records: list[NameRecord], keys: list[str], sets: _Sets, roots: list[int]) -> None:
    """ "U.S. Congress", "United States Congress" -> "Congress": an organisation's name after
    a place the corpus names (a place's name or alias) joins the organisation of the rest
    of the name, when the corpus has exactly one and no other place leads it ("UK Supreme
    Court" and "U.S. Supreme Court" leave a bare "Supreme Court" apart: it names neither;
    "U.S. Supreme Court" and "United States Supreme Court" are still one)."""
    place_of = _places(records)
    organisations: dict[str, list[int]] = {}
    for i in roots:
        if records[i].type == "ORG":
            organisations.setdefault(keys[i], []).append(i)
    wanted: dict[int, list[tuple[int, int]]] = {}  # bare organisation -> (longer name, place)
    for i in roots:
        record = records[i]
        words = record.name.split()
        if record.type != "ORG" or len(words) < 2:
            continue
        for cut in range(1, min(4, len(words))):
            place = place_of.get(compact(" ".join(words[:cut])))
            if place is None or is_bare_suffix(" ".join(words[cut:])):
                continue  # "Taft Co" is not the "Co" of another company
            targets = {sets.find(j) for j in organisations.get(compact(" ".join(words[cut:])), ())}
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
            sets.join(target, longer[0][0])


def _places(records: list[NameRecord]) -> dict[str, int]:
    """Each spelling-free name or alias of a place -> one number per place: names that
    share an alias are one place ("United States", "U.S.", "US")."""
    found: dict[str, int] = {}
    places = _Sets(len(records))
    for i, record in enumerate(records):
        if record.type in PLACE_TYPES:
            for alias in record.aliases | {record.name}:
                key = compact(alias)
                if key:
                    places.join(found.setdefault(key, i), i)
    return {key: places.find(i) for key, i in found.items()}
