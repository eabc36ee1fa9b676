"""A headline's names are the article's entities even when the body never repeats them;
a headline set in capitals gives none; a name the batch knows is found in a headline."""

from __future__ import annotations

import re

from spacy.language import Language

from store.aliases import AliasTable
from store.extract import extract_article
from store.extract.corpus_names import propagate_names
from store.extract.digest import extraction_digest
from store.extract.name_heads import retype
from store.extract.pipeline import parse_bodies
from store.models import Article, Entity, Mention, Paragraph

BODY = [
    "The fair opened its doors on Thursday with more than four hundred stalls of comics and games.",
    "Visitors queued for hours to meet the artists who drew their favourite heroes.",
]


def extracted(nlp: Language, title: str, body: list[str] = BODY) -> Article:
    article = Article(id="t", title=title, paragraphs=[Paragraph(t) for t in body])
    doc = next(parse_bodies([body], nlp))
    headline = next(parse_bodies([[title]], nlp))
    return extract_article(article, doc, AliasTable(), headline)


def test_a_place_only_the_headline_names_is_an_entity(nlp: Language) -> None:
    article = extracted(nlp, "Pop culture celebrated at a comic fair in Toronto")
    toronto = [e for e in article.entities if e.name == "Toronto"]
    assert toronto and toronto[0].type == "GPE", [(e.name, e.type) for e in article.entities]
    assert toronto[0].mentions == []  # named in the headline, where the view finds it


def test_a_headline_in_capitals_gives_no_names(nlp: Language) -> None:
    article = extracted(nlp, "HALVERN INC 1ST QTR NET")
    assert article.entities == [], [(e.name, e.type) for e in article.entities]


def test_a_weekday_opening_a_date_is_no_part_of_a_name(nlp: Language) -> None:
    article = extracted(nlp, "Jack Horner, bakery founder interviewed by Wikinews Saturday, January 3, 2009")

    aliases = [a for e in article.entities for a in e.aliases]
    assert not [a for a in aliases if "Saturday" in a], aliases


def test_a_storms_name_is_an_event_not_a_person() -> None:
    assert retype("Cyclone Phailin", "PERSON") == "EVENT"
    assert retype("Hurricane Odile", "PERSON") == "EVENT"
    assert retype("Tropical Storm Ana", "ORG") == "EVENT"
    assert retype("Anna Storm", "PERSON") == "PERSON"


def _article(title: str, text: str, *names: tuple[str, str]) -> Article:
    entities = [
        Entity(n, t, [n], [Mention(0, m.start(), m.end()) for m in re.finditer(rf"\b{n}\b", text)])
        for n, t in names
    ]
    result = Article(id=title[:8], title=title, paragraphs=[Paragraph(text)], entities=entities)
    result.extraction_digest = extraction_digest(result)
    return result


def test_a_name_the_batch_knows_is_found_in_a_headline() -> None:
    batch = [
        _article("Storm hits coast", "Quillnews spoke to the harbour master.", ("Quillnews", "ORG")),
        _article("Mayor resigns", "A reporter from Quillnews asked the mayor.", ("Quillnews", "ORG")),
        _article("Quillnews interviews a baker", "The baker of Lintby bakes bread.", ("Lintby", "GPE")),
    ]
    before = batch[2].extraction_digest
    propagate_names(batch)
    found = {e.name: e for e in batch[2].entities}
    assert "Quillnews" in found and found["Quillnews"].type == "ORG"
    assert found["Quillnews"].mentions == []  # the body never names it
    assert batch[2].extraction_digest != before


def test_a_headline_only_name_must_say_what_it_is(nlp: Language) -> None:
    """The model reads telegraphic headlines badly: a headline-only name is kept when it is
    a known place or organisation, or a first name and surname."""
    titles = [
        "Millions don't turn up to storm fair in Toronto for 'Storm the Fair' event",
        "Former president of India Pranab Mukherjee dies aged 84",
        "Tributes paid to recently deceased actor Tomas Lindqvist",
    ]
    kept = {title: {(e.name, e.type) for e in extracted(nlp, title).entities} for title in titles}
    names = {name for found in kept.values() for name, _ in found}
    assert not {"Millions", "Tributes", "India Pranab"} & names, kept
    assert ("Toronto", "GPE") in kept[titles[0]], kept
    assert ("Tomas Lindqvist", "PERSON") in kept[titles[2]], kept


def test_a_speaker_in_lower_case_copy_is_an_entity(nlp: Language) -> None:
    body = [
        "venezuela seeks a flexible attitude from its banks, finance minister manuel azpurua told reporters.",
        'Azpurua said venezuela has shown solidarity with brazil. "We will pay what we can," azpurua said.',
    ]
    article = extracted(nlp, "Venezuela seeks flexibility", body)
    names = {alias for entity in article.entities for alias in entity.aliases}
    assert all(quote.speaker in names for quote in article.quotes if quote.speaker)
    assert any(quote.speaker for quote in article.quotes)
