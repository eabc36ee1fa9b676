"""A place's or an organisation's mention takes in the common noun heading its phrase
(store/extract/mention_extent.py; fixtures written for these tests)."""

from __future__ import annotations

from spacy.language import Language

from store.aliases import AliasTable
from store.extract.entities import extract_entities
from store.extract.pipeline import body_of, parse_bodies
from store.models import Paragraph


def mentioned(nlp: Language, texts: list[str], name: str) -> list[str]:
    """What each mention of the entity called `name` covers, as written."""
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    entities = {e.name: e for e in extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable())}
    return [texts[m.paragraph][m.start : m.end] for m in entities[name].mentions]


def test_a_place_after_a_noun_for_a_kind_of_place_and_of(nlp: Language) -> None:
    texts = ["Her family spent the summers in the ancestral village of Mazirat, in the hills."]
    assert mentioned(nlp, texts, "Mazirat") == ["village of Mazirat"]


def test_the_noun_and_not_another_name_before_it(nlp: Language) -> None:
    texts = ["Reporters met her in a cafe in the leafy Melbourne suburb of Preston on Saturday."]
    assert mentioned(nlp, texts, "Preston") == ["suburb of Preston"]
    assert mentioned(nlp, texts, "Melbourne") == ["Melbourne"]


def test_an_organisation_that_modifies_a_noun_for_a_kind_of_body(nlp: Language) -> None:
    texts = ["He agreed to let a united Germany join the NATO military alliance in 1990."]
    assert mentioned(nlp, texts, "NATO") == ["NATO military alliance"]


def test_an_organisation_in_apposition_to_a_noun_for_a_kind_of_body(nlp: Language) -> None:
    texts = ["The militant group Hamas said it had fired rockets at the town overnight."]
    assert mentioned(nlp, texts, "Hamas") == ["group Hamas"]


def test_a_person_is_not_widened_over_a_noun_for_a_body(nlp: Language) -> None:
    texts = ["Daniel Bernoulli was born in Groningen. The Bernoulli family came from Antwerp."]
    assert all(not m.endswith("family") for m in mentioned(nlp, texts, "Daniel Bernoulli"))


def test_a_plain_name_keeps_its_extent(nlp: Language) -> None:
    texts = ["Officials in Jakarta said the talks in Geneva would resume on Monday."]
    assert mentioned(nlp, texts, "Geneva") == ["Geneva"]


def test_a_nationality_is_not_widened_over_the_noun_it_describes(nlp: Language) -> None:
    texts = ["A Chinese company bought the port, and Chinese officials welcomed the sale."]
    assert "Chinese company" not in mentioned(nlp, texts, "Chinese")
