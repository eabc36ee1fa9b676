"""Entities: people, organisations and places, one per real thing, with every mention.

The spaCy model finds spans; this module cleans them of the model's typical errors
(possessives, a leading "the", titles fused into names, fragments of longer names,
junk, mistyped countries), folds the surface forms of one thing into one entity
("Kerry" -> John Kerry, "US" -> United States, "ISIL" -> Islamic State of Iraq and
the Levant), then finds every occurrence of every alias in the article, whether the
model fired there or not.
"""

from __future__ import annotations

from spacy.tokens import Doc

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
from store.extract.entity_spans import Form, Reading, acronym_definitions, without_fragments
from store.extract.entity_titles import title_mentions
from store.extract.headline_names import named_alone, title_forms
from store.extract.lone_places import places_shown
from store.extract.mention_extent import widen_mentions
from store.extract.model_spans import model_forms
from store.extract.name_edges import with_regnal_numbers, without_editors_brackets
from store.extract.name_heads import retype
from store.extract.named_things import settle_overlaps, thing_entities, thing_forms
from store.extract.names import (
    ACRONYM,
    city_name,
    country_name,
    initials,
    normal_spaces,
    strip_the,
)
from store.extract.not_names import without_common_people
from store.extract.person_evidence import people_by_company
from store.extract.predicate_titles import predicate_titles
from store.extract.references import reference_authors
from store.extract.regions import compass_mentions
from store.extract.renderings import join_renderings
from store.extract.roles_played import roles_played
from store.extract.second_references import add_surnames, join_second_references, mark_families
from store.extract.surname_use import people_by_naming
from store.extract.town_names import join_town_names
from store.extract.type_clues import with_type_clues
from store.extract.untagged_names import untagged_names
from store.extract.works import places_in_events
from store.models import Entity, Paragraph
from store.name_lexicon import plain
from store.person_names import SAINT_PREFIX

TYPE_ORDER = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3}


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
    join_second_references(reading, groups, parent)
    join_place_prefixed(reading, groups, parent)
    join_institutions(groups, parent)
    join_campuses_and_branches(groups, parent)
    join_town_names(reading, groups, parent)
    join_nicknames(groups, parent)
    join_reversed_names(groups, parent)
    join_saints(groups, parent)
    _merge_acronyms(groups, parent)
    mark_families(groups, parent)
    add_surnames(reading, groups, parent)
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
