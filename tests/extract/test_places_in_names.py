"""Places named inside another name or by half of it: "Canada" closing "Toy Fair Canada",
"the North" in an article about North and South Korea; a party's lower-case head."""

from __future__ import annotations

from spacy.language import Language

from store.aliases import AliasTable
from store.extract.entities import extract_entities
from store.extract.pipeline import body_of, parse_bodies
from store.extract.regions import compass_mentions
from store.models import Paragraph

KOREAS = {"North Korea": "north korea", "South Korea": "south korea", "Seoul": "seoul"}


def test_the_north_and_the_south_are_the_halves_the_article_names() -> None:
    body = "North and South Korea traded fire. The North said the South had provoked it."
    found = [(key, body[start:end]) for key, start, end in compass_mentions(body, KOREAS)]
    assert found == [("north korea", "North"), ("north korea", "North"), ("south korea", "South")]


def test_without_both_halves_the_north_is_nobody() -> None:
    body = "The North said the talks with South Korea had failed."
    assert compass_mentions(body, {"South Korea": "south korea"}) == []


def test_a_compass_word_before_a_name_is_no_short_form() -> None:
    body = "The North Atlantic was calm; the South Pacific was not."
    assert compass_mentions(body, KOREAS) == []


def test_a_known_place_closing_an_events_name_is_a_mention(nlp: Language) -> None:
    texts = ["The Toy Fair Canada opened on Friday with more stalls than last year."]
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    entities = extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable())
    canada = [e for e in entities if e.name == "Canada"]
    assert canada and canada[0].type == "GPE", [(e.name, e.type) for e in entities]
    assert [texts[0][m.start : m.end] for m in canada[0].mentions] == ["Canada"]


def test_a_partys_name_takes_in_its_lower_case_head(nlp: Language) -> None:
    texts = [
        "She hopes to lead the Labour party into the next election.",
        "He left the Communist party in 1956 and never rejoined.",
    ]
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    entities = extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable())
    names = {e.name: e.type for e in entities}
    assert names.get("Labour party") == "ORG" and names.get("Communist party") == "ORG", names
