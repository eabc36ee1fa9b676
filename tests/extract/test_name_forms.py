"""The written form of names: a place with the chain of regions the article writes after
it, an institution with its place, a generational suffix before the sentence's full stop,
two names the model joined parted by their punctuation, a double first name. Fixtures
are written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_entity_evidence import aliases_of, extract


def test_a_generational_suffix_before_the_sentences_full_stop(nlp: Language) -> None:
    entities = extract(
        nlp, ["The Cubs traded the pitcher to Houston for Marco Delgado, Jr.. Delgado started in Iowa."]
    )
    assert "Marco Delgado, Jr." in aliases_of(entities)


def test_a_dateline_running_into_its_sentence(nlp: Language) -> None:
    entities = extract(
        nlp,
        ["Ballarat, Victoria, Australia On Monday, the local council met the swimmer Jane Orr at her club."],
    )
    aliases = aliases_of(entities)
    assert "Ballarat, Victoria, Australia" in aliases
    assert "Victoria, Australia" in aliases


def test_a_region_chain_before_a_dash(nlp: Language) -> None:
    entities = extract(
        nlp,
        ["Walter Innes (1640 in Kintore, Aberdeenshire, Scotland – 1701 in Riga) was a colonel."],
    )
    assert "Kintore, Aberdeenshire, Scotland" in aliases_of(entities)


def test_a_continent_holds_no_country(nlp: Language) -> None:
    entities = extract(
        nlp, ["The plan put new radar stations in Eastern Europe, Hungary and Romania last year."]
    )
    assert not any(a.startswith("Eastern Europe,") for a in aliases_of(entities))


def test_the_subject_of_the_next_clause_is_no_region(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Soon after the siege of Mosul, Kirkuk fell to the rebels.",
            "According to the Associated Press, Peru has signed the treaty.",
            "Jared Soto decided to move to Los Angeles, California instead to pursue acting.",
        ],
    )
    aliases = aliases_of(entities)
    assert not any(a.startswith(("Mosul,", "Associated Press,")) for a in aliases)
    assert "Los Angeles, California" in aliases


def test_an_abbreviation_starting_a_name_is_no_region(nlp: Language) -> None:
    entities = extract(
        nlp, ["In a suit by the group Fathers for Equality, U.S. District Judge Ann Moss ruled for the men."]
    )
    assert not any(a.endswith((", U.S", ", U.S.")) for a in aliases_of(entities))


def test_an_institution_with_its_place(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "In 1805 he went up to Magdalene College, Cambridge, where he met the poet.",
            "He became pastor of Grace Church of Fresno, California following the death of its founder.",
        ],
    )
    aliases = aliases_of(entities)
    assert "Magdalene College, Cambridge" in aliases
    assert "Grace Church of Fresno, California" in aliases


def test_an_organisation_without_a_head_word_in_a_region_chain_is_a_place(nlp: Language) -> None:
    entities = extract(
        nlp, ["At the moment Brenner is in Levico Terme, Trento, Italy for a conference on logic."]
    )
    place = next(e for e in entities.values() if "Levico Terme, Trento, Italy" in e.aliases)
    assert place.type == "GPE"


def test_names_joined_by_a_slash_or_a_lists_comma(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "The latest Quinnipiac / Marist poll from early May placed him at 9 percent.",
            "The Navy picked 90 officers a year from the Academy, Naval War College and ROTC to attend.",
        ],
    )
    assert {"Quinnipiac", "Marist", "Naval War College"} <= set(entities)
    assert not any("/" in a or "Academy," in a for a in aliases_of(entities))


def test_a_subject_named_with_a_slash_stays_whole(nlp: Language) -> None:
    entities = extract(
        nlp, ["She teaches Educational / Counseling Psychology at Tulane University in Louisiana."]
    )
    assert "Educational" not in entities


def test_a_double_first_name(nlp: Language) -> None:
    entities = extract(nlp, ["In 2001 he married María Elena Ortiz-Campos, a lawyer and diplomat."])
    assert "María Elena Ortiz-Campos" in entities


def test_a_role_after_as_is_no_part_of_the_works_name(nlp: Language) -> None:
    entities = extract(nlp, ["In 2009, Brandt starred opposite Mia Kole in House of Wax as Wade."])
    assert not any(" as " in a for a in aliases_of(entities))
    assert entities["Wade"].type == "PERSON"
