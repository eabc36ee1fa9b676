"""Person, place or organisation, told by the sentence and the article: a town standing
for its university or club (`store.extract.town_names`), a character an actor plays
(`store.extract.roles_played`), a "person" an occurrence shows to be a place
(`store.extract.lone_places`), a name the article shortens as people's names are
(`store.extract.surname_use`). Fixtures are written for these tests; each hands the
rule forms with the type the model is known to give, so the rule alone decides."""

from __future__ import annotations

from spacy.language import Language

from store.extract.entity_groups import Group, find
from store.extract.entity_spans import Form, Reading
from store.extract.lone_places import places_by_occurrence, places_travelled
from store.extract.roles_played import roles_played
from store.extract.surname_use import people_by_naming
from store.extract.town_names import join_town_names
from tests.extract.test_entity_types import form, reading_of


def _grouped(forms: list[Form]) -> tuple[dict[str, Group], dict[str, str]]:
    groups: dict[str, Group] = {}
    for item in forms:
        groups.setdefault(item.text.casefold(), Group()).forms.append(item)
    return groups, {key: key for key in groups}


def _owner(groups: dict[str, Group], parent: dict[str, str], item: Form) -> str:
    return next(find(parent, key) for key, group in groups.items() if item in group.forms)


def test_a_town_after_at_is_the_university_the_article_names(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "Nick Bos, of the University of Helsinki, studies ants.",
        "He began postdoctoral research at Helsinki in 2012. He was born at Helsinki in 1980.",
    )
    university = form(reading, "University of Helsinki", "ORG")
    research, born = form(reading, "Helsinki", "GPE", nth=1), form(reading, "Helsinki", "GPE", nth=2)
    groups, parent = _grouped([university, research, born])
    join_town_names(reading, groups, parent)
    assert _owner(groups, parent, research) == "university of helsinki"
    assert groups["university of helsinki"].type() == "ORG"
    assert _owner(groups, parent, born) == "helsinki"  # born there: the town
    assert groups["helsinki"].type() == "GPE"


def test_a_town_after_a_college_and_its_comma_is_that_college(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "In 1805 he went up to Trinity College, Cambridge, to read law.",
        "While at Cambridge he took up boxing.",
    )
    college = form(reading, "Trinity College", "ORG")
    campus, later = form(reading, "Cambridge", "GPE"), form(reading, "Cambridge", "GPE", nth=1)
    groups, parent = _grouped([college, campus, later])
    join_town_names(reading, groups, parent)
    assert _owner(groups, parent, later) == "trinity college"
    assert _owner(groups, parent, campus) == "cambridge"  # the college's town itself


def test_a_town_a_player_plays_for_is_the_club_named_after_it(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "Holt began the 2011 season with the Altoona Curve.",
        "Holt opened 2012 with Altoona. In June he left for Altoona to see his family.",
    )
    club = form(reading, "Altoona Curve", "ORG")
    played, went = form(reading, "Altoona", "GPE", nth=1), form(reading, "Altoona", "GPE", nth=2)
    groups, parent = _grouped([club, played, went])
    join_town_names(reading, groups, parent)
    assert _owner(groups, parent, played) == "altoona curve"
    assert played.label == "ORG"
    assert _owner(groups, parent, went) == "altoona"  # travelled there: the town


def test_a_town_is_no_club_of_a_company_with_a_head_word(nlp: Language) -> None:
    reading = reading_of(nlp, "She joined Boston University in 2001. She played for Boston in 2003.")
    university = form(reading, "Boston University", "ORG")
    town = form(reading, "Boston", "GPE", nth=1)
    groups, parent = _grouped([university, town])
    join_town_names(reading, groups, parent)
    assert _owner(groups, parent, town) == "boston"


def test_a_role_played_in_a_film_is_a_person(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "He won praise for his performance as Ozymandias in the superhero film Watchmen (2009).",
        "The novel was published as Watchmen in Britain.",
    )
    role = form(reading, "Ozymandias", "GPE")
    title = form(reading, "Watchmen", "ORG", nth=1)
    roles_played(reading, [role, title])
    assert (role.label, role.evidence) == ("PERSON", True)
    assert title.label == "ORG"  # "in Britain" names no work: no role


def _person(reading: Reading, text: str, nth: int = 0) -> Form:
    return form(reading, text, "PERSON", nth)


def test_a_person_buried_at_is_a_place(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "In 1696 the rampart helped the Russians take Azov.",
        "His remains were reinterred at Azov in 1877. Critics laughed at Zelig in 1990.",
    )
    town, film = _person(reading, "Azov"), _person(reading, "Zelig")
    places_by_occurrence(reading, [town, film])
    assert town.label == "GPE"  # the untagged "reinterred at Azov" shows the place
    assert film.label == "PERSON"  # one laughs at a person too


def test_a_name_journeyed_through_is_a_place(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "About 373 he set out on a journey through Thrace and Asia Minor into northern Syria.",
        "The shoes are sold through Zalando in Europe.",
    )
    region, shop = form(reading, "Thrace", "ORG"), form(reading, "Zalando", "ORG")
    places_travelled(reading, [region, shop])
    assert region.label == "GPE"
    assert shop.label == "ORG"  # sold through a shop: no travel


def test_a_name_the_article_shortens_to_its_last_word_is_a_person(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "Siméon Poisson reviewed the paper. Around July, Poisson declared it unclear.",
        "Goldman Sachs advised the seller. Goldman earned a fee.",
        "The band Grateful Dead toured. He worked with Dead associates and played for the Dead.",
    )
    groups, parent = _grouped(
        [
            form(reading, "Siméon Poisson", "ORG"),
            form(reading, "Goldman Sachs", "ORG"),
            form(reading, "Grateful Dead", "ORG"),
        ]
    )
    people_by_naming(reading, groups, parent)
    assert groups["siméon poisson"].type() == "PERSON"
    assert groups["goldman sachs"].type() == "ORG"  # shortened to its first word: a company
    assert groups["grateful dead"].type() == "ORG"  # "the Dead", "Dead associates": a band


def test_a_first_name_of_a_place_is_a_person(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "He copied the commentaries of Hilary of Poitiers for Rufinus.",
        "The samples were measured by Wilson of C-MORE and the Bank of Hawaii.",
    )
    groups, parent = _grouped(
        [
            form(reading, "Hilary of Poitiers", "ORG"),
            form(reading, "Wilson of C-MORE", "ORG"),
            form(reading, "Bank of Hawaii", "ORG"),
        ]
    )
    people_by_naming(reading, groups, parent)
    assert groups["hilary of poitiers"].type() == "PERSON"
    assert groups["wilson of c-more"].type() == "ORG"  # a laboratory's initials: no place's style
    assert groups["bank of hawaii"].type() == "ORG"
