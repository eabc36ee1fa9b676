"""Names that are no person, organisation or place, and types the sentence settles
(`store.extract.type_clues`). Fixtures are written for these tests; each hands the rule
forms with the type the model is known to give, so the rule alone decides."""

from __future__ import annotations

from spacy.language import Language

from store.extract.entity_groups import Group, find
from store.extract.entity_joins import join_institutions
from store.extract.entity_spans import Form
from store.extract.name_heads import retype
from store.extract.names import split_title
from store.extract.type_clues import (
    first_names_alone,
    lists_with_known_names,
    sources_by_position,
    without_event_words,
    without_species,
    without_things_called,
    without_title_tails,
)
from tests.extract.test_entity_types import form, reading_of


def test_a_scientific_name_and_its_genus_are_no_entities(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "The beetles were infected with Beauveria bassiana, a fungus found in soil.",
        "Formica fusca is a common ant, Smith said. Formica fusca lives under stones.",
    )
    forms = [
        form(reading, "Beauveria bassiana", "GPE"),
        form(reading, "Formica", "PERSON"),
        form(reading, "Formica fusca", "PERSON", nth=1),
        form(reading, "Smith", "PERSON"),
    ]
    assert [f.text for f in without_species(reading, forms)] == ["Smith"]


def test_a_name_before_a_common_word_is_no_genus(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "The Obama era ended. Obama left office in January.",
        "The Nokia camera team met in Paris. Each camera was tested.",
        "Airbus, a European consortium, builds aircraft.",
    )
    forms = [
        form(reading, "Obama", "PERSON"),
        form(reading, "Nokia", "ORG"),
        form(reading, "Paris", "GPE"),
        form(reading, "European", "NORP"),
    ]
    assert without_species(reading, forms) == forms


def test_a_source_is_no_place(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "The site is the 135th most popular, according to Quantcast.",
        "Prices rose, according to France, the largest producer.",
    )
    quantcast, france = form(reading, "Quantcast", "GPE"), form(reading, "France", "GPE")
    sources_by_position(reading, [quantcast, france])
    assert (quantcast.label, france.label) == ("ORG", "GPE")


def test_a_name_listed_with_a_known_organisation_is_one(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "Ubisoft and Microsoft had large areas set up for attendees.",
        "Bonds for Den Danske Bank and Iceland were trading outside fees.",
        "Barack Obama and Congress disagreed.",
    )
    ubisoft, microsoft = form(reading, "Ubisoft", "GPE"), form(reading, "Microsoft", "ORG")
    bank, iceland = form(reading, "Den Danske Bank", "ORG"), form(reading, "Iceland", "GPE")
    obama, congress = form(reading, "Barack Obama", "PERSON"), form(reading, "Congress", "ORG")
    lists_with_known_names(reading, [ubisoft, microsoft, bank, iceland, obama, congress])
    assert [f.label for f in (ubisoft, bank, obama)] == ["ORG", "ORG", "PERSON"]


def test_academic_offices_and_french_honorifics_are_titles() -> None:
    assert split_title("Rector") == ("Rector", "")
    assert split_title("Mlle. Dupont") == ("Mlle.", "Dupont")
    assert split_title("Mme Curie") == ("Mme", "Curie")


def test_a_lone_word_called_a_person_joins_the_institution_it_names() -> None:
    groups = {
        "rice university": Group([Form("Rice University", "ORG", 10)]),
        "rice": Group([Form("Rice", "PERSON", 40), Form("Rice", "PERSON", 90)]),
        "mr hale": Group([Form("Hale", "PERSON", 120, titled="Mr Hale")]),
        "hale college": Group([Form("Hale College", "ORG", 150)]),
    }
    parent = {key: key for key in groups}
    join_institutions(groups, parent)
    assert find(parent, "rice") == find(parent, "rice university")
    assert groups[find(parent, "rice")].type() == "ORG"
    assert find(parent, "mr hale") != find(parent, "hale college")  # a titled person stays one


def test_a_first_name_alone_is_a_person(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "Jerome used a quote from Virgil in the letter.",
        "Its star is cooler than the Sun, and SUN is a ticker.",
    )
    virgil, sun = form(reading, "Virgil", "ORG"), form(reading, "Sun", "ORG")
    ticker = form(reading, "SUN", "ORG")
    first_names_alone(reading, [virgil, sun, ticker])
    assert [f.label for f in (virgil, sun, ticker)] == ["PERSON", "ORG", "ORG"]


def test_what_a_speaker_called_it_is_no_person(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "I called it Character, walks and words.",
        "It is a book of openings, Overtures I called it.",
        "We called him Fred.",
    )
    forms = [
        form(reading, "Character", "PERSON"),
        form(reading, "Overtures", "PERSON"),
        form(reading, "Fred", "PERSON"),
    ]
    assert [f.text for f in without_things_called(reading, forms)] == ["Fred"]


def test_a_name_ending_a_capitalised_phrase_is_a_title_tail(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "He had a short role in the thriller Flight of the Phoenix alongside Dennis Quaid.",
        "He said he flew at the Top of the Spear. Born in the Netherlands, he moved to Iowa.",
        "Sales fell at the Bank of the West, and Finn Polmar appeared in the CBS drama.",
    )
    forms = [
        form(reading, "Phoenix", "GPE"),
        form(reading, "Spear", "ORG"),
        form(reading, "Netherlands", "GPE"),
        form(reading, "West", "LOC"),
        form(reading, "Finn Polmar", "PERSON"),
        form(reading, "CBS", "ORG"),
    ]
    kept = [f.text for f in without_title_tails(reading, forms)]
    assert kept == ["Netherlands", "West", "Finn Polmar", "CBS"]


def test_the_words_of_an_event_are_no_entities() -> None:
    forms = [
        Form("Paralympic", "GPE", 0),
        Form("Games", "FAC", 20),
        Form("Olympic", "ORG", 40),
        Form("Paralympic Games", "EVENT", 60),
        Form("Sochi", "GPE", 90),
    ]
    assert [f.text for f in without_event_words(forms)] == ["Paralympic Games", "Sochi"]


def test_tunnels_and_tubes_are_facilities() -> None:
    assert retype("Transbay Tube", "ORG") == "FAC"
    assert retype("Holland Tunnel", "ORG") == "FAC"
    assert retype("Hoover Dam", "PERSON") == "FAC"


def test_a_romance_building_word_opening_a_name_makes_a_facility() -> None:
    assert retype("Hôpital Cochin", "ORG") == "FAC"
    assert retype("Gare du Nord", "PERSON") == "FAC"
    assert retype("Musée d'Orsay", "ORG") == "FAC"
    assert retype("Plaza deal", "ORG") == "ORG"  # a lower-case word: no name after the head
    assert retype("Museo", "ORG") == "ORG"  # the head alone
    assert retype("Théâtre National Populaire", "ORG") == "ORG"  # a theatre may be its company
