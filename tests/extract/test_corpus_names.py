"""Names the articles of a batch agree on are found where the model missed them
(store.extract.corpus_names). Plain records, no model: texts written for these tests."""

from __future__ import annotations

import re

from store.extract.corpus_names import propagate_names
from store.extract.digest import extraction_digest
from store.models import Article, Entity, Mention, Paragraph


def article(text: str, *entities: tuple[str, str]) -> Article:
    """One paragraph; each (name, type) entity gets every whole-word occurrence of its name."""
    found = [
        Entity(
            name, kind, [name], [Mention(0, m.start(), m.end()) for m in re.finditer(rf"\b{name}\b", text)]
        )
        for name, kind in entities
    ]
    result = Article(id=text[:10], title="", paragraphs=[Paragraph(text)], entities=found)
    result.extraction_digest = extraction_digest(result)
    return result


def names_in(one: Article) -> dict[str, list[str]]:
    text = one.paragraphs[0].text
    return {e.name: [text[m.start : m.end] for m in e.mentions] for e in one.entities}


def test_a_name_two_other_articles_know_becomes_a_mention_where_the_model_missed_it() -> None:
    batch = [
        article("Staff at Quillfeather spoke to the press.", ("Quillfeather", "ORG")),
        article("A reporter from Quillfeather asked the minister.", ("Quillfeather", "ORG")),
        article("Quillfeather interviewed the mayor of Lintby.", ("Lintby", "GPE")),
    ]
    before = batch[2].extraction_digest
    assert propagate_names(batch) == 1
    assert names_in(batch[2]) == {"Lintby": ["Lintby"], "Quillfeather": ["Quillfeather"]}
    assert batch[2].entities[-1].type == "ORG"
    assert batch[2].extraction_digest != before  # the digest follows, so no hand edit is seen


def test_one_other_article_is_not_enough() -> None:
    batch = [
        article("Staff at Quillfeather spoke to the press.", ("Quillfeather", "ORG")),
        article("Quillfeather interviewed the mayor."),
    ]
    assert propagate_names(batch) == 0


def test_a_surname_alone_is_never_carried_to_another_article() -> None:
    batch = [
        article("Marta Ostrowska said Ostrowska would run.", ("Ostrowska", "PERSON")),
        article("Ostrowska won the vote in Gdansk.", ("Ostrowska", "PERSON")),
        article("A different Ostrowska ran the bakery."),
    ]
    assert propagate_names(batch) == 0


def test_a_full_name_is_carried() -> None:
    batch = [
        article("Marta Ostrowska won the vote.", ("Marta Ostrowska", "PERSON")),
        article("Marta Ostrowska spoke in Gdansk.", ("Marta Ostrowska", "PERSON")),
        article("On Monday, Marta Ostrowska resigned."),
    ]
    assert propagate_names(batch) == 1
    assert names_in(batch[2]) == {"Marta Ostrowska": ["Marta Ostrowska"]}


def test_a_word_the_batch_writes_in_lower_case_is_not_carried() -> None:
    batch = [
        article("Fans travelled to Reading on Saturday.", ("Reading", "GPE")),
        article("The club from Reading lost again.", ("Reading", "GPE")),
        article("Reading the report took an hour; reading it twice took longer."),
    ]
    assert propagate_names(batch) == 0


def test_names_of_two_types_or_inside_longer_names_are_not_carried() -> None:
    batch = [
        article("Halden opened a new plant.", ("Halden", "ORG")),
        article("Halden is a town by the fjord.", ("Halden", "GPE")),
        article("The Halden plant closed."),
        article("New Lintby fans cheered."),
        article("Lintby is small.", ("Lintby", "GPE")),
        article("Lintby votes today.", ("Lintby", "GPE")),
    ]
    assert propagate_names(batch) == 0


def test_a_hyphenated_modifier_is_no_mention() -> None:
    batch = [
        article("Lintby is small.", ("Lintby", "GPE")),
        article("Lintby votes today.", ("Lintby", "GPE")),
        article("The pro-Lintby camp won and Lintby-based firms cheered."),
    ]
    assert propagate_names(batch) == 0
