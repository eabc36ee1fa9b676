"""What kind of thing a name is: works, fields of study and awards are no entities; a
first name makes a person of a name the model called an organisation."""

from __future__ import annotations

from spacy.language import Language

from store.aliases import AliasTable
from store.extract.entities import extract_entities
from store.extract.pipeline import body_of, parse_bodies
from store.models import Entity, Paragraph
from store.name_lexicon import is_census_first_name

THINGS = ("EVENT", "WORK_OF_ART", "AWARD", "LAW")
"""Events, works, awards and laws: entities too, no people, organisations or places."""


def extract(nlp: Language, texts: list[str]) -> dict[str, Entity]:
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    return {e.name: e for e in extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable())}


def test_titles_of_works_are_no_entities(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Marlow starred in the romantic comedy Harbour Lights (2004) and in the television series "
            "Quiet Street, produced by Olivia Brandt in Toronto.",
            "His films include Paper Moons (2007), Stone Orchard (2009) and Late Trains (2011).",
        ],
    )
    for title in ("Harbour Lights", "Quiet Street", "Paper Moons", "Stone Orchard", "Late Trains"):
        assert not any(title in e.aliases for e in entities.values() if e.type not in THINGS), title
    for title in ("Harbour Lights", "Quiet Street"):
        assert entities[title].type == "WORK_OF_ART", title  # what the text shows to be a title
    assert entities["Olivia Brandt"].type == "PERSON"
    assert entities["Toronto"].type == "GPE"


def test_a_place_or_author_before_a_year_stays(nlp: Language) -> None:
    entities = extract(nlp, ["He lectured in Paris (1927) and wrote with Cruse and Croft (2004) on grammar."])
    assert "Paris" in entities


def test_fields_of_study_and_awards_are_no_entities(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Ada Lindqvist was Professor of East Asian Studies at Harvard University.",
            "She won the Pritzker Architecture Prize in 2004 and the Stirling Prize in 2010.",
        ],
    )
    aliases = {a for e in entities.values() for a in e.aliases if e.type not in THINGS}
    assert "Harvard University" in aliases
    assert not any("Studies" in a or "Prize" in a for a in aliases)
    assert entities["Pritzker Architecture Prize"].type == entities["Stirling Prize"].type == "AWARD"
    assert "East Asian Studies" not in entities  # a field of study is no entity


def test_a_first_name_makes_a_person_of_an_organisation(nlp: Language) -> None:
    entities = extract(nlp, ["She worked with Jean Cocteau and Giovanni Bellini in the summer."])
    assert entities["Jean Cocteau"].type == "PERSON"
    assert entities["Giovanni Bellini"].type == "PERSON"


def test_census_first_names() -> None:
    assert is_census_first_name("Gérard") and is_census_first_name("Pierre-Simon")
    assert not is_census_first_name("Paris")  # rare as a first name: left out
    assert not is_census_first_name("Cocteau")


def test_a_place_before_an_organisation_joins_it(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "The U.S. Congress met on Tuesday in Washington.",
            "Members of Congress said the bill would pass, and the Boston Red Sox agreed.",
            "The Red Sox had lobbied for it.",
        ],
    )
    congress = [e for e in entities.values() if "Congress" in e.aliases]
    assert len(congress) == 1 and "U.S. Congress" in congress[0].aliases
    sox = [e for e in entities.values() if "Red Sox" in e.aliases]
    assert len(sox) == 1 and "Boston Red Sox" in sox[0].aliases


def test_first_and_last_name_join_the_full_name(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Joshua Abraham Norton was a businessman in San Francisco.",
            "Later that year Joshua Norton lost his fortune.",
        ],
    )
    assert "Joshua Norton" in entities["Joshua Abraham Norton"].aliases


def test_a_person_the_model_missed_named_twice(nlp: Language) -> None:
    texts = [
        "Aner Shalev is an Israeli mathematician and writer born in 1958.",
        "Currently Shalev is a professor in Jerusalem.",
    ]
    doc = next(parse_bodies([texts], nlp))
    headline = next(parse_bodies([["Wikinews interviews writer Aner Shalev"]], nlp))
    _, starts = body_of(texts)
    found = extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable(), headline)
    person = next(e for e in found if e.name == "Aner Shalev")
    assert person.type == "PERSON" and "Shalev" in person.aliases
    assert len(person.mentions) == 2


def test_a_city_with_its_region_and_a_lone_name_after_in(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Matthew Goode was born in Exeter, Devon. He grew up near Clyst on a farm.",
            "L'Enfant was born in Paris, France on August 2, 1754.",
            "Tanks were moved to Latakia, US officials said.",
        ],
    )
    assert "Paris, France" in entities["Paris"].aliases
    assert entities["Latakia"].aliases == ["Latakia"]  # "US" modifies "officials"
    assert entities["Exeter"].type == "GPE"


def test_a_place_an_event_is_named_after(nlp: Language) -> None:
    entities = extract(nlp, ["She was head of the jury at the 33rd Berlin International Film Festival."])
    assert entities["Berlin"].type == "GPE"  # keeps its mention inside the festival's name
    assert entities["Berlin International Film Festival"].type == "EVENT"
    assert not any("Festival" in a for e in entities.values() for a in e.aliases if e.type not in THINGS)


def test_a_name_in_the_other_order_and_saint_spelled_out(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Author Tanaka Hiroshi spoke on Monday. Hiroshi Tanaka said he would return.",
            "St Jerome translated the Bible; Saint Jerome died in Bethlehem.",
        ],
    )
    owners = {e.name for e in entities.values() if {"Tanaka Hiroshi", "Hiroshi Tanaka"} & set(e.aliases)}
    assert len(owners) == 1
    jerome = [e for e in entities.values() if {"St Jerome", "Saint Jerome"} & set(e.aliases)]
    assert len(jerome) == 1
