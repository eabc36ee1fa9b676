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
  only when one organisation fits, and not when an article writes that name alone for
  a longer organisation it heads ("Community" of "European Community" is not "Community
  Bank"). A place before an organisation's name is not part
  of it ("U.S. Congress" -> "Congress"), when the corpus names that place; and names of
  one type after spellings of one place are one ("U.S. Constitution", "United States
  Constitution").

Used by the index's entity registry (`store.index.registry`) and by `newsdesk extract`
(the `key` of each entity), so both group alike. No NLP model, no I/O; linear in the
number of names (people are compared only within one surname).
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from store.campus_names import campus_key
from store.company_names import is_legal_suffix
from store.identity_orgs import join_designated, join_place_prefixed, join_thing_tails
from store.name_records import (
    PLACE_TYPES,
    VOTE_RATIO,
    NameRecord,
    NameSets,
    compact,
    keep_apart,
    records_of,
)
from store.person_fit import fits, name_words, surname_of
from store.person_names import FEM, HONORIFICS, MASC, first_name_gender, is_first_name, title_gender

__all__ = ["CorpusEntity", "Grouping", "NameRecord", "compact", "group_corpus", "keep_apart", "records_of"]


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
    sets = NameSets(len(records))
    weight = [(r.articles, r.mentions) for r in records]
    keys = [compact(_in_reading_order(r.name) if r.type == "PERSON" else campus_key(r.name)) for r in records]
    _vote_types(records, keys, sets, weight)
    roots = sorted({sets.find(i) for i in range(len(records))})
    also: dict[int, list[int]] = {}
    _join_aliased_people(records, sets, roots)
    _join_people(records, sets, roots, also)
    join_designated(records, keys, sets, roots)
    join_place_prefixed(records, keys, sets, roots)
    join_thing_tails(records, sets, roots)
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
    records: list[NameRecord], keys: list[str], sets: NameSets, weight: list[tuple[int, int]]
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


def _join_aliased_people(records: list[NameRecord], sets: NameSets, roots: list[int]) -> None:
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
    records: list[NameRecord], sets: NameSets, roots: list[int], also: dict[int, list[int]]
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
