"""Name normalisation: plain string rules and tables, no model."""

from __future__ import annotations

import pytest

from store.extract.names import (
    country_name,
    find_acronym_definitions,
    initials,
    is_country,
    known_type,
    split_title,
    strip_possessive,
    strip_the,
    surname_matches,
)


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Russia’s", "Russia"),
        ("Russia's", "Russia"),
        ("Thomas'", "Thomas"),
        ("Paris", "Paris"),
        ("Jones", "Jones"),
    ],
)
def test_possessive_is_stripped(surface: str, name: str) -> None:
    assert strip_possessive(surface) == name


def test_leading_the_is_stripped() -> None:
    assert strip_the("the United States") == "United States"
    assert strip_the("The Hague") == "Hague"
    assert strip_the("Theresa May") == "Theresa May"


@pytest.mark.parametrize(
    ("surface", "title", "name"),
    [
        ("US Secretary of State John Kerry", "US Secretary of State", "John Kerry"),
        ("British Foreign Secretary Philip Hammond", "British Foreign Secretary", "Philip Hammond"),
        ("Mr. Tedeschi", "Mr.", "Tedeschi"),
        ("Sen. Ted Cruz", "Sen.", "Ted Cruz"),
        ("President Bashar al-Assad", "President", "Bashar al-Assad"),
        ("John Kerry", "", "John Kerry"),
        ("Secretary of State", "Secretary of State", ""),
        ("Speaker of the House Nancy Pelosi", "Speaker of the House", "Nancy Pelosi"),
        ("Member of Parliament", "Member of Parliament", ""),
        ("Michel Mayor", "", "Michel Mayor"),  # a title word as the surname
        ("Larry King", "", "Larry King"),
        ("Assemblywoman Rosa Ibarra", "Assemblywoman", "Rosa Ibarra"),
    ],
)
def test_title_is_split_off(surface: str, title: str, name: str) -> None:
    assert split_title(surface) == (title, name)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("the United States", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Syria", "Syria"),
        ("Latakia", None),
        ("us", None),
    ],
)
def test_country_variants(variant: str, canonical: str | None) -> None:
    assert country_name(variant) == canonical


def test_gazetteer_types() -> None:
    assert known_type("Syria") == "GPE"
    assert known_type("the Middle East") == "LOC"
    assert known_type("NATO") == "ORG"
    assert known_type("Islam") == "NORP"
    assert known_type("Kerry") is None
    assert is_country("Australia") and is_country("U.S.") and not is_country("Sydney")


def test_acronym_defined_in_text() -> None:
    text = "Russia joined the fight against the Islamic State of Iraq and the Levant (ISIL) group."
    [definition] = find_acronym_definitions(text)
    assert definition.name == "Islamic State of Iraq and the Levant"
    assert text[definition.start : definition.end] == definition.name
    assert definition.acronym == "ISIL"
    assert text[definition.acronym_start : definition.acronym_start + 4] == "ISIL"


def test_brackets_that_are_no_acronym_definition() -> None:
    found = find_acronym_definitions("He met the Prime Minister (PM) and the press (AP).")
    assert [(d.name, d.acronym) for d in found] == [("Prime Minister", "PM")]
    assert find_acronym_definitions("Sales rose (see chart) in Paris (AFP).") == []


def test_initials_and_surnames() -> None:
    assert initials("Korean People's Army") == "KPA"
    assert surname_matches("Assad", "al-Assad")
    assert surname_matches("Kerry", "Kerry")
    assert not surname_matches("Kerr", "Kerry")


def test_a_possessive_before_the_acronym_is_not_part_of_the_name() -> None:
    text = "The Republic of Freedonia’s (RF) cabinet met the Allied Workers' (AW) fund."
    found = find_acronym_definitions(text)
    assert [(d.name, d.acronym) for d in found] == [("Republic of Freedonia", "RF"), ("Allied Workers", "AW")]
