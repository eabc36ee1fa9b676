"""The city list of GeoNames (store/place_lexicon.py) as evidence: a city inside an
organisation's, a building's or an event's name is a name of its own
(store/extract/within_names.py), and a city the model read as a person or a group is a
place (store/extract/city_types.py). No model needed."""

from __future__ import annotations

from store.aliases import AliasTable
from store.extract.city_types import retype_cities
from store.extract.within_names import add_names_within
from store.models import Article, Entity, Mention, Paragraph, Quote
from store.place_lexicon import is_city


def article(*texts: str, names: tuple[tuple[str, str], ...] = ()) -> Article:
    """An article whose entities are `names` ((name, type)), each with a mention where
    its name is first written."""
    entities = []
    for name, kind in names:
        entity = Entity(name, kind, [name])
        for number, text in enumerate(texts):
            at = text.find(name)
            if at >= 0:
                entity.mentions.append(Mention(number, at, at + len(name)))
                break
        entities.append(entity)
    paragraphs = [Paragraph(t) for t in texts]
    return Article(id="a", title="A test article", paragraphs=paragraphs, entities=entities)


def named(found: Article, name: str) -> Entity | None:
    return next((e for e in found.entities if e.name == name), None)


def test_cities_of_the_list_and_the_names_it_refuses() -> None:
    assert is_city("Kyoto") and is_city("San Diego") and is_city("Pawtucket")
    assert not is_city("Ellon")  # 10,000 people: below the list
    assert not is_city("Stephenville")  # one word, 20,000 people: towns so small are named like words
    assert not is_city("Austin") and not is_city("Savannah")  # first names
    assert not is_city("Kennedy")  # a common surname
    assert not is_city("Of")  # a Turkish town, and a stop word
    assert not is_city("Mobile") and not is_city("Metro")  # common words
    assert not is_city("kyoto") and not is_city("Gotham")


def test_a_city_inside_an_organisations_name_is_named_within_it() -> None:
    found = article("She studied at Kyoto University.", names=(("Kyoto University", "ORG"),))
    add_names_within([found])
    kyoto = named(found, "Kyoto")
    assert kyoto is not None and kyoto.type == "GPE"
    assert kyoto.within == ["Kyoto University"] and kyoto.only_within


def test_a_city_after_of_and_in_an_events_name() -> None:
    found = article(
        "She taught at the University of Pisa and acted at the Avignon Festival.",
        names=(("University of Pisa", "ORG"), ("Avignon Festival", "EVENT")),
    )
    add_names_within([found])
    pisa, avignon = named(found, "Pisa"), named(found, "Avignon")
    assert pisa is not None and pisa.within == ["University of Pisa"]
    assert avignon is not None and avignon.type == "GPE" and avignon.within == ["Avignon Festival"]


def test_no_city_inside_a_companys_name_a_places_name_or_a_word_the_article_writes() -> None:
    found = article(
        "Irvine Sensors Corp raised prices. Ships anchored in Mobile Bay. The union met at Union Station.",
        "The fair was at the Metro Toronto Convention Centre.",
        names=(
            ("Irvine Sensors Corp", "ORG"),
            ("Mobile Bay", "LOC"),
            ("Union Station", "FAC"),
            ("Metro Toronto Convention Centre", "FAC"),
        ),
    )
    add_names_within([found])
    assert named(found, "Metro") is None  # before another place's name: it qualifies Toronto
    assert named(found, "Irvine") is None  # a company's own name
    assert named(found, "Mobile") is None  # a place's own words
    assert named(found, "Union") is None  # "union" is a word here


def test_no_city_named_like_a_person() -> None:
    found = article(
        "Austin High School and the Kennedy Space Center opened.",
        names=(("Austin High School", "ORG"), ("Kennedy Space Center", "FAC")),
    )
    add_names_within([found])
    assert named(found, "Austin") is None and named(found, "Kennedy") is None


def test_a_city_read_as_a_person_or_a_nationality_is_a_place() -> None:
    found = article(
        "The Russians took Azov in 1696.",
        "She won the Cannes Golden Palm.",
        names=(("Azov", "PERSON"), ("Cannes", "NORP")),
    )
    assert retype_cities([found]) == [0]
    azov, cannes = named(found, "Azov"), named(found, "Cannes")
    assert azov is not None and azov.type == "GPE" and len(azov.mentions) == 1
    assert cannes is not None and cannes.type == "GPE"


def test_a_person_named_like_a_city_stays_a_person() -> None:
    titled = article("He served with Major General Lafayette.", names=(("Lafayette", "PERSON"),))
    entity = titled.entities[0]
    entity.mentions = [Mention(0, 15, 38)]  # the title is part of the mention
    speaker = article("Azov said he would stay.", names=(("Azov", "PERSON"),))
    speaker.quotes = [Quote(text="he would stay", paragraph=0, start=10, end=23, speaker="Azov")]
    family = article(
        "Marquis de Lafayette arrived. Lafayette stayed.",
        names=(("Marquis de Lafayette", "PERSON"), ("Lafayette", "PERSON")),
    )
    company = article("Paramount said it would sell.", names=(("Paramount", "ORG"),))
    assert retype_cities([titled, speaker, family, company]) == []
    assert [e.type for a in (titled, speaker, family, company) for e in a.entities] == [
        "PERSON",
        "PERSON",
        "PERSON",
        "PERSON",
        "ORG",
    ]


def test_the_users_table_keeps_its_type() -> None:
    found = article("Jolo arrived late.", names=(("Jolo", "PERSON"),))
    assert retype_cities([found], AliasTable(types={"jolo": "PERSON"})) == []
    assert found.entities[0].type == "PERSON"
