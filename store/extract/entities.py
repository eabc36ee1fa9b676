"""Entities: people, organisations and places, one per real thing, with every mention.

The spaCy model finds spans; this module cleans them of the model's typical errors
(possessives, a leading "the", titles fused into names, fragments of longer names,
junk, mistyped countries), folds the surface forms of one thing into one entity
("Kerry" -> John Kerry, "US" -> United States, "ISIL" -> Islamic State of Iraq and
the Levant), then finds every occurrence of every alias in the article, whether the
model fired there or not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from spacy.tokens import Doc, Token

from store.aliases import AliasTable
from store.company_names import company_stem
from store.extract.campus_names import join_campuses_and_branches
from store.extract.common_words import without_common_words
from store.extract.company_forms import with_company_lists
from store.extract.definite_names import definite_names
from store.extract.entity_aka import join_stated_aliases
from store.extract.entity_context import (
    appositive_names,
    list_members,
    organisation_roles,
    outside_headings,
    people_by_position,
    places_by_position,
    repeated_names,
)
from store.extract.entity_groups import Group, find, roots, union
from store.extract.entity_joins import (
    add_middle_names,
    join_companies,
    join_institutions,
    join_nicknames,
    join_place_prefixed,
    join_reversed_names,
    join_saints,
    place_headline_names,
)
from store.extract.entity_mentions import add_extra_mentions, add_mentions
from store.extract.entity_spans import (
    Form,
    Reading,
    acronym_definitions,
    model_forms,
    without_fragments,
)
from store.extract.entity_titles import title_mentions
from store.extract.headline_names import named_alone, title_forms
from store.extract.kinship import relatives, subject
from store.extract.lone_places import places_shown
from store.extract.mention_extent import widen_mentions
from store.extract.name_edges import with_regnal_numbers, without_editors_brackets
from store.extract.name_heads import retype
from store.extract.named_things import settle_overlaps, thing_entities, thing_forms
from store.extract.names import (
    city_name,
    country_name,
    given_names_within,
    initials,
    known_type,
    leading_given_names,
    normal_spaces,
    strip_the,
    surname_matches,
)
from store.extract.not_names import without_common_people
from store.extract.person_evidence import people_by_company
from store.extract.predicate_titles import predicate_titles
from store.extract.references import reference_authors
from store.extract.regions import compass_mentions
from store.extract.renderings import join_renderings
from store.extract.roles_played import roles_played
from store.extract.surname_use import people_by_naming
from store.extract.town_names import join_town_names
from store.extract.type_clues import with_type_clues
from store.extract.untagged_names import untagged_names
from store.extract.works import places_in_events
from store.models import Entity, Paragraph
from store.name_lexicon import is_census_first_name, plain
from store.person_names import SAINT_PREFIX, first_name_gender, is_first_name, title_gender

TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3}
ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "ADV", "NUM"})


def extract_entities(
    doc: Doc, paragraphs: list[Paragraph], starts: list[int], aliases: AliasTable, title: Doc | None = None
) -> list[Entity]:
    """The article's people, organisations and places with aliases and every mention.

    `doc` is the parse of `"\\n\\n".join(p.text for p in paragraphs)`; `starts[i]` is
    the body offset of paragraph i. Entities come people first, then organisations,
    then places, then nationalities, each in order of first mention.
    """
    reading = Reading.of(doc)
    definitions = acronym_definitions(reading)
    forms = without_common_people(reading, reference_authors(reading, model_forms(reading)))
    forms += list_members(reading, forms)
    forms += appositive_names(reading, forms)
    forms += organisation_roles(reading, forms)
    forms += untagged_names(reading, forms)
    forms += repeated_names(reading, forms, title.text if title is not None else "")
    forms = with_company_lists(reading, forms)
    places_by_position(reading, forms)
    places_shown(reading, forms)
    people_by_position(reading, forms)
    people_by_company(reading, forms)
    roles_played(reading, forms)
    forms = with_type_clues(reading, forms)
    forms += places_in_events(doc, forms)
    forms += definite_names(reading, forms)
    forms = without_common_words(reading, forms)  # "an Oath", "Customs cannot check"
    things = thing_forms(reading, forms, reading.titles)  # events, works, awards, laws
    forms = with_regnal_numbers(
        reading, outside_headings(without_fragments(forms, definitions), paragraphs, starts)
    )
    if title is not None:
        forms = title_forms(title, TYPE_ORDER) + forms
    groups: dict[str, Group] = {}
    parent: dict[str, str] = {}
    for form in forms:
        _add(groups, parent, form, aliases)
    for definition in definitions:
        label = retype(definition.name, "ORG")
        if label not in TYPE_ORDER:
            continue  # a law or an event ("... Act (ACA)"): no person, organisation or place
        long_key = _add(groups, parent, Form(definition.name, label, definition.start), aliases)
        acronym_key = _add(groups, parent, Form(definition.acronym, label, definition.acronym_start), aliases)
        union(groups, parent, long_key, acronym_key)
        groups[find(parent, long_key)].long_name = definition.name
    place_headline_names(reading, groups, parent)
    join_companies(reading, groups, parent)
    people_by_naming(reading, groups, parent)
    _merge_people(reading, groups, parent)
    join_place_prefixed(reading, groups, parent)
    join_institutions(groups, parent)
    join_campuses_and_branches(groups, parent)
    join_town_names(reading, groups, parent)
    join_nicknames(groups, parent)
    join_reversed_names(groups, parent)
    join_saints(groups, parent)
    _merge_acronyms(groups, parent)
    _mark_families(groups, parent)
    _add_surnames(reading, groups, parent)
    add_middle_names(reading, groups, parent)
    join_stated_aliases(reading, groups, parent)
    spoken = join_renderings(reading, groups, parent)
    people = {k: groups[k].forms for k in roots(groups, parent) if groups[k].type() == "PERSON"}
    titles = title_mentions(reading, people, forms)
    places = {
        t: k for k in roots(groups, parent) if groups[k].type() in ("GPE", "LOC") for t in groups[k].texts()
    }
    titles += compass_mentions(reading.body, places)
    titles += [(find(parent, key), start, end) for key, start, end in spoken]
    # a name the headline alone gives is the article's too, unless the headline is set in
    # capitals ("SOUTHAM INC 1ST QTR NET"): its capitals say nothing about names
    headline_names = title is not None and any(ch.islower() for ch in title.text)
    built = {
        key: _entity(group, aliases)
        for key, group in groups.items()
        if find(parent, key) == key
        and group.forms
        and (any(f.start >= 0 for f in group.forms) or (headline_names and named_alone(group)))
    }
    entities = _one_per_name(list(built.values()))
    names = {text for group in groups.values() for text in group.texts()}
    add_mentions(entities, paragraphs, names)
    named_things = thing_entities(things, {alias for e in entities for alias in e.aliases})
    add_mentions(named_things, paragraphs, {f.text for f in things})
    settle_overlaps(entities, named_things)
    entities += named_things
    kept = {(e.name, e.type): e for e in entities}
    add_extra_mentions(
        [(kept[(built[k].name, built[k].type)], start, end) for k, start, end in titles if k in built],
        entities,
        starts,
    )
    texts = [p.text for p in paragraphs]
    add_extra_mentions(predicate_titles(reading, entities, texts, starts), entities, starts)
    widen_mentions(reading, entities, starts)
    first = {
        id(e): (e.mentions[0].paragraph, e.mentions[0].start) if e.mentions else (0, 0) for e in entities
    }
    entities.sort(key=lambda e: (TYPE_ORDER.get(e.type, 4), first[id(e)]))
    return entities


# --- one entity per real thing ----------------------------------------------------------


def _key(text: str, aliases: AliasTable) -> str:
    name = aliases.canonical(country_name(text) or city_name(text) or normal_spaces(text))
    folded = name.casefold() if name.isascii() else plain(name)  # "Ichiyō Higuchi" is "Ichiyo Higuchi"
    return SAINT_PREFIX.sub("st ", folded)  # "Saint Jerome" is "St. Jerome"


def _add(groups: dict[str, Group], parent: dict[str, str], form: Form, aliases: AliasTable) -> str:
    key = _key(form.text, aliases)
    if key not in groups:
        groups[key] = Group()
        parent[key] = key
    groups[key].forms.append(form)
    return key


def _merge_people(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Kerry" (and a mistyped "Kerry") -> John Kerry; a first name when it is unique;
    not a relative of the story's subject to the subject ("son of Pierre L'Enfant")."""
    full = {
        k: _without_territory(groups[k].longest()).split()
        for k in roots(groups, parent)
        if groups[k].type() == "PERSON"
    }
    people = {k: names for k, names in full.items() if len(names) > 1}  # merged ones keep their longest
    by_last: dict[str, list[str]] = {}
    by_first_name: dict[str, list[str]] = {}
    kin, main = relatives(reading.body, groups, parent), subject(groups, list(people))
    for person, names in people.items():
        for last in dict.fromkeys([names[-1], _surname(" ".join(names))]):
            by_last.setdefault(last, []).append(person)
        by_first_name.setdefault(names[0], []).append(person)
    for key in roots(groups, parent):
        group = groups[key]
        if not group.forms or known_type(group.longest()) or ACRONYM.match(group.longest()):
            continue
        words = group.longest().split()
        if group.type() != "PERSON" and len(words) > 1:
            continue  # a mistyped surname is one word ("Hamill" as ORG)
        by_surname = [
            person
            for person in by_last.get(words[-1], [])
            if person != key
            and groups[person].forms
            and len(words) < len(people[person])
            and (
                all(surname_matches(w, n) for w, n in zip(words, people[person][-len(words) :], strict=True))
                or (len(words) == 2 and words[0] == people[person][0] and words[1] == people[person][-1])
                or given_names_within(words, people[person])
            )
        ]  # "Kerry", "Huckabee Sanders", "Assad" for "Bashar al-Assad", "Joshua Norton" for
        # "Joshua Abraham Norton", "Otto Jespersen" for "Jens Otto Harry Jespersen"
        if not by_surname and len(words) > 1 and group.type() == "PERSON":
            by_surname = [
                person
                for person in by_first_name.get(words[0], [])
                if person != key and groups[person].forms and leading_given_names(words, people[person])
            ]  # "Pierre Charles" for "Pierre Charles L'Enfant"
        by_first = [
            person
            for person in by_first_name.get(words[0], [])
            if len(words) == 1 and person != key and groups[person].forms
        ]
        named = group.type() == "PERSON" or is_census_first_name(words[0])
        if any(f.titled for f in group.forms) or not named:
            by_first = []  # "Mr Charles" is a surname, "Prince Charles" a royal, "Koszalin" a town
        mine = _title_gender(group)
        candidates = [
            person
            for person in by_surname or by_first
            if _compatible(mine, _person_gender(groups[person], people[person]))
            and not (person == main and key in kin and len(words) > 1)
        ]  # "Mrs Howard" is not Michael Howard
        target = _dominant(groups, parent, candidates)
        if target is not None:
            for form in group.forms:
                form.label = "PERSON"  # "Trump" tagged ORG is still Donald Trump
            union(groups, parent, target, key)


def _title_gender(group: Group) -> str | None:
    """The gender the titles in the article give a person ("Mrs Howard"), if they agree."""
    found = {title_gender(f.titled.split()[0]) for f in group.forms if f.titled and " " in f.titled}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _person_gender(group: Group, names: list[str]) -> str | None:
    return _title_gender(group) or first_name_gender(names[0])


def _compatible(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one == other


def _dominant(groups: dict[str, Group], parent: dict[str, str], people: list[str]) -> str | None:
    """The one person a short name means: the only candidate, else the one the headline
    names (the story's subject), else the one named most, else the one named first
    ("Clinton" after "Hillary Clinton ... her husband Bill Clinton": news copy introduces
    its subject first and calls them by surname after)."""
    found = list(dict.fromkeys(find(parent, p) for p in people))
    if not found:
        return None
    return min(found, key=lambda k: (groups[k].first >= 0, -len(groups[k].forms), groups[k].first))


def _mark_families(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "the Sams" after Thomas Sam and Manju Sam: a family of people, not an organisation."""
    keys = roots(groups, parent)
    surnames = {
        _surname(groups[k].longest())
        for k in keys
        if groups[k].type() == "PERSON" and " " in groups[k].longest()
    }
    for key in keys:
        word = groups[key].longest()
        if " " not in word and word.endswith("s") and word[:-1] in surnames:
            for form in groups[key].forms:
                form.label = "PERSON"


def _merge_acronyms(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """An undefined acronym that spells exactly one longer name in the article ("KPA"), or
    the name without its legal suffix ("GE" for "General Electric Co")."""
    spelled: dict[str, list[str]] = {}
    for key in roots(groups, parent):
        name = groups[key].longest()
        if len(name.split()) > 1 and groups[key].type() != "PERSON":
            spelled.setdefault(initials(name), []).append(key)
            stem = company_stem(name)
            if stem is not None and len(stem.split()) > 1 and initials(stem) != initials(name):
                spelled.setdefault(initials(stem), []).append(key)
    for key in roots(groups, parent):
        if not groups[key].forms:
            continue
        acronym = groups[key].longest()
        if not ACRONYM.match(acronym) or country_name(acronym):
            continue
        matches = [other for other in spelled.get(acronym, []) if other != key and groups[other].forms]
        if len(matches) == 1:
            union(groups, parent, matches[0], key)


def _add_surnames(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """A person's surname standing alone where the model did not tag it ("Atwood said"),
    and their first name when no one else in the article shares it ("Jared decided")."""
    taken = {text for key in roots(groups, parent) for text in groups[key].texts()}
    people = [k for k in roots(groups, parent) if groups[k].type() == "PERSON"]
    surnames = Counter(_surname(groups[k].longest()) for k in people)
    wanted: dict[str, str] = {}
    headline = Counter(_surname(groups[k].longest()) for k in people if groups[k].first < 0)
    for key in people:
        name = groups[key].longest()
        surname = _surname(name)
        shared = surnames[surname] > 1 and not (groups[key].first < 0 and headline[surname] == 1)
        if len(name.split()) < 2 or shared or surname in taken or known_type(surname) or " the " in name:
            continue  # a shared surname goes to the headline's person; "Peter the Great" has none
        if len(surname) >= 3 and not surname.isupper():  # "VR" from "Arkham VR" is no surname
            wanted[surname] = key
    firsts = Counter(groups[k].longest().split()[0] for k in people)
    for key in people:
        words = groups[key].longest().split()
        first = words[0]
        if len(words) < 2 or firsts[first] > 1 or first in taken or first in surnames or first in wanted:
            continue
        if (is_first_name(first) or is_census_first_name(first)) and not known_type(first):
            wanted[first] = key  # "Jared" after "Jared Padalecki"
    doc = reading.doc
    held = sorted((f.start, f.end) for key in people for f in groups[key].forms)
    held_starts = [start for start, _ in held]
    reach = list(accumulate((end for _, end in held), max))  # the furthest end so far
    for token in doc:
        owner = wanted.get(token.text)
        if owner is None or not _proper(token, reading.common):
            continue
        at = bisect_right(held_starts, token.idx) - 1
        if at >= 0 and token.idx < reach[at]:
            continue  # inside a name already found: "Jane" in "Austen, Jane"
        bare_noun = token.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss") for c in token.children)
        if token.pos_ != "PROPN" and token.i not in reading.firsts and not bare_noun:
            continue  # untagged as a name in mid-sentence: a common word ("the Marine")
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        glued = before is not None and before.text == "-" and not before.whitespace_
        if glued or (before is not None and before.text[:1].isupper() and before.pos_ == "PROPN"):
            continue  # part of a longer name: "John Kerry", "Kerry Washington", "al-Kerry"
        if after is not None and after.text == "-" and not token.whitespace_:
            continue
        if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN" and token.whitespace_:
            continue  # the first word of another name: "Jared Leto"
        groups[owner].forms.append(Form(token.text, "PERSON", token.idx))
        del wanted[token.text]


def _proper(token: Token, common: set[str]) -> bool:
    """Used as a name here: tagged a proper noun, or (the tagger errs at the start of a
    sentence: "Sanders left early") no function word and never written in lower case."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ not in FUNCTION_POS and token.lower_ not in common


def _without_territory(name: str) -> str:
    """A person's name without the place they are "of", in its usual order: "Patrick
    Gordon of Auchleuchries" -> "Patrick Gordon" (Auchleuchries is an estate, not a
    surname), "Austen, Jane" (a reference's order) -> "Jane Austen"."""
    surname, comma, given = name.partition(", ")
    if comma and given and ", " not in given:
        name = f"{given} {surname}"
    words = name.split()
    if "of" in words[1:-1]:
        return " ".join(words[: words.index("of", 1)])
    return name


def _surname(name: str) -> str:
    """The last word without an attached particle or a place: "Bashar al-Assad" ->
    "Assad", "Patrick Gordon of Auchleuchries" -> "Gordon"."""
    last = _without_territory(name).split()[-1]
    head, dash, rest = last.partition("-")
    if dash and head.casefold() in {"al", "el", "ad", "as", "ash", "an", "at", "az", "bin", "ibn", "abu"}:
        return rest
    return last


def _one_per_name(entities: list[Entity]) -> list[Entity]:
    """Groups that end with the same name and type are one entity ("The Office" and
    "Office" both name "Office"): an article never lists an entity twice."""
    kept: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        same = kept.get((entity.name, entity.type))
        if same is None:
            kept[(entity.name, entity.type)] = entity
        else:
            same.aliases = list(dict.fromkeys(same.aliases + entity.aliases))
    return list(kept.values())


def _entity(group: Group, aliases: AliasTable) -> Entity:
    texts = group.texts()
    kind = group.type()
    name = group.long_name or next(
        (country_name(t) or city_name(t) for t in texts if country_name(t) or city_name(t)), None
    )
    if name is None:
        name = without_editors_brackets(strip_the(group.longest()))
    for text in [name, *texts]:
        if text.casefold() in aliases.canonical_of:
            name = aliases.canonical(text)
            break
    titled = [f.titled for f in group.forms if f.titled]
    return Entity(name=name, type=kind, aliases=list(dict.fromkeys(texts + titled)))
