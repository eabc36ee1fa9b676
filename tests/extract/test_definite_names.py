"""A capitalised "The" inside a sentence begins a name the model may miss ("a writer for
The Onion"): named twice, it is an organisation. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_entity_identity_rules import extract


def test_a_name_with_a_capital_the_named_twice_is_an_organisation(nlp: Language) -> None:
    texts = [
        "She has written jokes for The Quillmark since 2004.",
        "Every headline in The Quillmark is a joke, and readers of The Quillmark know it.",
    ]
    entities = extract(nlp, texts)
    quillmark = entities["Quillmark"]
    assert quillmark.type == "ORG"
    assert len(quillmark.mentions) == 3


def test_once_is_not_enough_nor_a_word_the_article_writes_in_lower_case(nlp: Language) -> None:
    texts = [
        "She has written jokes for The Quillmark since 2004.",
        "A weevil ate the grain; readers of The Weevil laughed, and The Weevil sold out.",
    ]
    entities = extract(nlp, texts)
    assert not {"Quillmark", "Weevil"} & set(entities)
