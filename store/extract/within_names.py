"""Names inside longer names: "Texas" in "University of Texas", "Chicago" in "Chicago Cubs".

The article names Texas when it names the University of Texas, but that occurrence is
no mention of Texas: the jump from Texas must not list the passage, and `extract`
gives it no span. So such a name becomes an entity of the article with no mentions of
its own and `within` (the longer names that hold it, as the article writes them). When
the article also names it on its own, the ordinary entity records `within` too.

Which words inside a longer name are a name, and of what type, is decided by general
evidence only, never because a word is capitalised:

- the article's own entities: a name it gives elsewhere, or a person it names in full
  whose surname begins the longer name ("Carnegie" in "Carnegie Hall");
- the well-kept gazetteer of `store.extract.names` (countries, states, cities, regions,
  a few organisations): "California", "America" (the United States), "NATO";
- the batch extracted together (`newsdesk extract`'s files, an import batch,
  `reextract`): a place or a person's full name another article gives as an entity of
  its own, always under one type (a single-word person's name never counts: "Johnson"
  is many people; nor does an organisation: "Shearson Lehman" elsewhere is the short
  form of the "Shearson Lehman Brothers" it is inside);
- the model's own reading: a name it tagged there that lost every occurrence to the
  longer name.

Only the first words of a longer name ("Chicago" in "Chicago White Sox", "Tampa Bay"
in "Tampa Bay Rays") and the names after its "of", "at", "in" or "for" ("University
of California at Berkeley") are looked at, and never one half of a pair joined by
"and" ("Iraq" in "Islamic State of Iraq and the Levant": the pair may be one name). A
one-word fragment the article or batch also writes in lower case ("State", "World",
"Space"), a title or a head word ("University", "Centre") is never a name. Nor is an
organisation's own form: its name before a head word or legal suffix ("Federal
Reserve" in "Federal Reserve Board", "BBC" in "BBC News"), or anything but a place
inside a company's name ("Shearson Lehman" in "Shearson Lehman Brothers Inc", but
"Texas" in "Texas Air Corp").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from store.aliases import AliasTable
from store.company_names import DESIGNATORS, is_legal_suffix
from store.extract.corpus_names import COARSE, KnownName
from store.extract.name_heads import HEAD_TYPES, ORG_HEADS
from store.extract.names import country_name, is_title_word, known_type
from store.mention_scan import name_matches, text_mentions
from store.models import Article, Entity
from store.name_lexicon import is_census_first_name
from store.place_lexicon import is_city

OUTER_TYPES = frozenset({"ORG", "FAC", "GPE", "LOC", "EVENT"})
"""Types of the longer names looked into (a person's name holds no other name here)."""
CITY_OUTER = frozenset({"ORG", "FAC", "EVENT"})
"""Types of the longer names in which a city of `store.place_lexicon` is a name: "Kyoto
University", "Avignon Festival"; not a place's ("Mobile Bay") nor a company's."""
INNER_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
PLACES = frozenset({"GPE", "LOC"})
"""Places, which hold a name only after their "of" ("Bay of Bengal"; not "New Mexico")."""
BREAKS = frozenset({"of", "at", "in", "for"})
"""Words after which a new name starts inside a longer one ("University of Texas")."""
JOINERS = BREAKS | frozenset({"and", "the", "de", "&", "on"})
CAPITAL = re.compile(r"[A-Z]")
LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
WORD = re.compile(r"[^\s/,;:()\[\]]+|[/,;:()\[\]]")


def fragments(surface: str, outer_type: str) -> Iterator[str]:
    """The parts of a longer name that may be names of their own: its first words, and
    the names after "of", "at", "in" or "for" (each with its first words). A part
    joined to another by "and" is neither ("of Iraq and the Levant": the pair may be one
    name, as "Bosnia and Herzegovina" is)."""
    return (part for part, _ in _parts(surface, outer_type))


def _parts(surface: str, outer_type: str) -> Iterator[tuple[str, list[str]]]:
    """`fragments`, each with the words of its run of capitals after it ("Board" after
    "Federal Reserve" in "Federal Reserve Board")."""
    words = WORD.findall(surface)
    runs: list[list[str]] = []  # the runs of capitalised words that may be names
    run: list[str] = []
    opens = True  # the run being read starts the name or follows a break word
    for word in words + [""]:
        if word and CAPITAL.match(word) and word not in JOINERS:
            run.append(word)
            continue
        if run and opens and word not in ("and", "&"):
            runs.append(run)
        run = []
        opens = word in BREAKS
    if len(words) > 1 and "-" in words[0] and words[0] == surface.split()[0]:
        # "Euro-NATO Joint Jet Pilot Training"
        yield from ((part, words[1:]) for part in words[0].split("-") if part)
    for index, run in enumerate(runs):
        if outer_type in PLACES and index == 0 and run[0] == words[0]:
            continue  # "New Mexico", "West Virginia": no place inside a place's own words
        for size in range(1, len(run) + 1):
            part = " ".join(run[:size])
            if part != surface:
                yield part, run[size:]


def lower_words(texts: Iterable[str]) -> set[str]:
    """The words written in lower case (a fragment written so is a word, not a name)."""
    found: set[str] = set()
    for text in texts:
        found.update(LOWER_WORD.findall(text))
    return found


def _word_like(part: str, lower: set[str]) -> bool:
    """A fragment that is a word rather than a name: written in lower case somewhere, a
    title, a head word of names, a number, a single letter."""
    words = part.split()
    if len(part) < 2 or not any(ch.isalpha() for ch in part):
        return True
    if any(is_title_word(w) for w in words) or words[-1] in HEAD_TYPES or words[0] in HEAD_TYPES:
        return True
    # an acronym is no word for being one in lower case ("US Weekly": "us")
    return len(words) == 1 and not part.isupper() and part.casefold() in lower


def _outer_surfaces(article: Article) -> list[tuple[Entity, str]]:
    """(entity, surface) of each distinct longer name the article's body writes."""
    found: dict[tuple[int, str], tuple[Entity, str]] = {}
    for entity in article.entities:
        if entity.type not in OUTER_TYPES:
            continue
        for mention in entity.mentions:
            try:
                surface = article.paragraphs[mention.paragraph].text[mention.start : mention.end]
            except IndexError:
                continue
            words = surface.split()
            if not all(CAPITAL.match(w) or w in JOINERS for w in words):
                continue  # "Beauveria bassiana": no name of capitalised words
            if len(words) > 1 or "-" in surface:
                found.setdefault((id(entity), surface), (entity, surface))
    return list(found.values())


def known_names(articles: list[Article]) -> dict[str, KnownName]:
    """The forms the batch's entities give on their own (with mentions)."""
    names: dict[str, KnownName] = {}
    for index, article in enumerate(articles):
        for entity in article.entities:
            if entity.type not in COARSE or not entity.mentions:
                continue
            for form in dict.fromkeys([entity.name, *entity.aliases]):
                names.setdefault(form, KnownName()).add(index, entity)
    return names


def _corpus_type(form: str, record: KnownName | None, index: int) -> tuple[str, str] | None:
    """The (name, type) other articles give a form, when they agree on its kind."""
    if record is None or not record.articles - {index}:
        return None
    kinds = {COARSE[kind] for _, kind in record.owners}
    if len(kinds) != 1:
        return None
    (name, kind), _ = record.owners.most_common(1)[0]
    if kind == "PERSON" and " " not in form:
        return None  # a surname or first name alone is many people across a corpus
    # an organisation's name inside another's is, as often as not, the same organisation's
    # short form elsewhere ("Shearson Lehman", "Dow"): only the gazetteer's count
    return (name, kind) if kind in INNER_TYPES and kind != "ORG" else None


def _own_entity(article: Article, part: str, outer: Entity, company: bool) -> Entity | None:
    """The article's entity the fragment names: by name or alias, or a person named in
    full whose surname it is (the only one); inside a company's name, only a place."""
    canonical = country_name(part) or part
    kinds = PLACES if company else INNER_TYPES
    for entity in article.entities:
        if entity is outer or entity.type not in kinds:
            continue
        if entity.name == canonical or part in entity.aliases:
            return entity
    if " " in part or company:
        return None
    people = [
        e
        for e in article.entities
        if e.type == "PERSON" and len(e.name.split()) > 1 and e.name.split()[-1] == part
    ]
    return people[0] if len(people) == 1 else None


def add_names_within(articles: list[Article], aliases: AliasTable | None = None) -> list[int]:
    """Give each article the names inside its longer names (in place, see the module
    doc); returns the indexes of the articles that changed."""
    table = aliases or AliasTable()
    known = known_names(articles)
    batch_lower = lower_words(text for article in articles for text in article.texts())
    changed = []
    for index, article in enumerate(articles):
        if _add_to_article(article, index, known, batch_lower, table):
            changed.append(index)
    return changed


def _same_organisation(rest: list[str]) -> bool:
    """The rest of a name after an organisation's name inside it makes the same
    organisation or a part of it: a head word alone ("Federal Reserve Board", "BBC
    News", "Commerce Department") or legal suffixes ("Microsoft Corp")."""
    return bool(rest) and (
        (len(rest) == 1 and rest[0] in ORG_HEADS) or all(w.casefold() in DESIGNATORS for w in rest)
    )


def _person_after(rest: list[str]) -> bool:
    """A person's name after the part ("Vermont Bernie Sanders", "Scotland Nicola
    Sturgeon"): the model ran a place and a name together, and that is no longer name
    holding the place ("Virginia Mason Hospital", with its head word, is one)."""
    return len(rest) > 1 and is_census_first_name(rest[0]) and rest[-1] not in HEAD_TYPES


def _company(surface: str) -> bool:
    """A company's name ("Shearson Lehman Brothers Inc", "Honda Motor Co Ltd of Japan"):
    its first words are the company's own short forms and brand, so only the places it
    holds are names within it ("Texas Air Corp")."""
    return any(is_legal_suffix(w.rstrip(",.")) for w in surface.split()[1:])


def _add_to_article(
    article: Article, index: int, known: dict[str, KnownName], lower: set[str], table: AliasTable
) -> bool:
    changed = False
    for outer, surface in _outer_surfaces(article):
        company = _company(surface)
        for part, rest in _parts(surface, outer.type):
            if _word_like(part, lower) or _person_after(rest):
                continue
            entity = _own_entity(article, part, outer, company)
            if entity is None:
                evidence = _evidence(part, index, known, _city_may_be(outer, company, rest))
                entity = _new_entity(article, part, evidence, table, company)
            if entity is None or surface == entity.name or surface in entity.aliases:
                continue  # no evidence, or the longer name is a form of the same entity
            new = not any(e is entity for e in article.entities)
            if not (new or entity.mentions or entity.within):
                continue  # named only in the headline: the headline's name, left as it is
            if entity.type == "ORG" and _same_organisation(rest):
                continue
            if new:
                if _named_on_top(article, entity):
                    continue  # the headline names it alone: no name only within others
                article.entities.append(entity)
            if part not in entity.aliases and entity.name != part:
                entity.aliases.append(part)
            if surface not in entity.within:
                entity.within.append(surface)
                changed = True
    return changed


def _new_entity(
    article: Article, part: str, found: tuple[str, str] | None, table: AliasTable, company: bool
) -> Entity | None:
    """The entity the evidence gives a fragment, as the user's table names it: the
    article's own when it has one of that name and type, else a new one (not yet added)."""
    if found is None:
        return None
    name, kind = found
    if table.is_dropped(name) or table.is_dropped(part) or (company and kind not in PLACES):
        return None
    name = table.canonical(name)
    kind = table.type_of(name, kind)
    same = next((e for e in article.entities if e.name == name and e.type == kind), None)
    return same or Entity(name=name, type=kind, aliases=[part])


def _named_on_top(article: Article, entity: Entity) -> bool:
    """The headline or standfirst names `entity` outside the article's other names."""
    named = [e for e in article.entities if not e.only_within] + [entity]
    return any(
        index == len(named) - 1
        for text in (article.title, article.standfirst or "")
        for index, _, _ in text_mentions(text, named)
    )


def _city_may_be(outer: Entity, company: bool, rest: list[str]) -> bool:
    """A fragment may be a city of the city list: inside an organisation's, a
    building's or an event's name, not a company's, and not before another place's name
    ("Metro" in "Metro Toronto Convention Centre" qualifies Toronto)."""
    if outer.type not in CITY_OUTER or company:
        return False
    return not rest or (known_type(rest[0]) not in PLACES and not is_city(rest[0]))


def _evidence(part: str, index: int, known: dict[str, KnownName], city: bool) -> tuple[str, str] | None:
    """(name, type) for a fragment the article has no entity for: the gazetteer's, the
    batch's, or (where `city` allows) the city list's."""
    kind = known_type(part)
    if kind in INNER_TYPES:
        return country_name(part) or part, kind
    if kind is not None:
        return None  # a religion, a festival: no person, organisation or place
    found = _corpus_type(part, known.get(part), index)
    if found is None and city and is_city(part):
        return part, "GPE"
    return found


def settle_fragments(article: Article) -> None:
    """A name the model found only inside a longer one ("Democrats" in "Liberal
    Democrats") lost its mentions to it: an entity with none is dropped (in place),
    unless it speaks, the headline names it, or a longer name of the article holds it
    (then it is named `within` that name). The headline's names are read as its passage
    shows them: "Texas" in a headline's "University of Texas" is the university's."""
    speakers = {q.speaker for q in article.quotes}
    headline = {index for index, _, _ in text_mentions(article.title, article.entities)}
    unheard = [
        e for i, e in enumerate(article.entities) if not (e.mentions or e.name in speakers or i in headline)
    ]
    keep_model_fragments(article, unheard)
    dropped = {id(e) for e in unheard if not e.within}
    article.entities = [e for e in article.entities if id(e) not in dropped]


def keep_model_fragments(article: Article, keep: list[Entity]) -> None:
    """The model's names that lost every occurrence to a longer name ("Texas" tagged
    inside "University of Texas"): among `keep` (entities with no mentions), those a
    longer name of the article holds get `within` (in place)."""
    if not keep:
        return
    surfaces = _outer_surfaces(article)
    lower = lower_words(article.texts())
    for entity in keep:
        if entity.type not in INNER_TYPES:
            continue
        if _word_like(entity.name, lower):
            continue
        for outer, surface in surfaces:
            if outer is entity or (_company(surface) and entity.type not in PLACES):
                continue
            if any(name_matches(surface, entity.name, hyphen_joined=True)) and surface not in entity.within:
                entity.within.append(surface)
