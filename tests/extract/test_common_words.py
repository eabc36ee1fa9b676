"""Capitalised common words taken for names (store/extract/common_words.py): an English
lexicon says every word is common, and the syntax or the article says the phrase is used
as a common noun. Fixtures are written for these tests; each hands the rule the forms the
model gives, so the rule alone decides."""

from __future__ import annotations

from spacy.language import Language

from store.extract.common_words import without_common_words
from store.extract.entity_spans import Form
from store.word_lexicon import is_common_word, is_plural_noun, is_superlative
from tests.extract.test_entity_evidence import aliases_of, extract
from tests.extract.test_entity_types import form, reading_of


def kept(nlp: Language, paragraphs: list[str], names: list[tuple[str, str]]) -> set[str]:
    reading = reading_of(nlp, *paragraphs)
    forms: list[Form] = [form(reading, text, label) for text, label in names]
    return {f.text for f in without_common_words(reading, forms)}


def test_the_lexicon_tells_common_words_from_names() -> None:
    assert is_common_word("Oath") and is_common_word("Professors") and is_common_word("Customs")
    assert not is_common_word("Virginia") and not is_common_word("Bush") and not is_common_word("EDGE")
    assert is_plural_noun("Professors") and not is_plural_noun("Miniseries") and not is_plural_noun("Oath")
    assert is_superlative("Best") and is_superlative("Greatest") and not is_superlative("Great")


def test_an_indefinite_article_makes_a_common_noun(nlp: Language) -> None:
    names = [
        ("Oath", "ORG"),
        ("Hybrid Organization", "ORG"),
        ("Creative Commons", "ORG"),
        ("Santorum", "PERSON"),
    ]
    paragraphs = [
        "I took the Oath to our Constitution at 22. I understood it was an Oath to all of our people.",
        "We are run as a Hybrid Organization, a for-profit company. We chose a Creative Commons licence.",
        "I thought, I will do a Santorum.",
    ]
    assert kept(nlp, paragraphs, names) == {"Creative Commons", "Santorum"}


def test_a_plural_listed_with_common_nouns(nlp: Language) -> None:
    names = [("Professors", "PERSON"), ("Meteorites", "ORG"), ("Rangers", "ORG"), ("Celtic", "ORG")]
    paragraphs = [
        "We have had too many decades of elites and Professors immersed in theory.",
        "The group handles returned samples (lunar rocks, Genesis chips, Meteorites, and dust).",
        "On Saturday Rangers and Celtic drew at Ibrox.",
    ]
    assert kept(nlp, paragraphs, names) == {"Rangers", "Celtic"}


def test_a_common_word_said_once_to_open_a_sentence(nlp: Language) -> None:
    names = [
        ("Customs", "ORG"),
        ("Normalcy", "PERSON"),
        ("Cons Gold", "PERSON"),
        ("Valley Cottage", "GPE"),
        ("Apple", "ORG"),
        ("Google", "ORG"),
        ("Amnesty International", "ORG"),
    ]
    paragraphs = [
        "Armies cannot conquer science. Customs cannot check what a scientist has in his mind.",
        "Normalcy returned, though never again would he trust his former protege.",
        "Cons Gold said last month that its unit would be sold.",
        "Valley Cottage, N.Y., based Omega is a developer of software.",
        "Apple and Google said they would appeal.",
        # only the first capital is the sentence's: the second is the name's own
        "Amnesty International has called for an investigation into the shooting.",
    ]
    kept_names = {"Cons Gold", "Valley Cottage", "Apple", "Google", "Amnesty International"}
    assert kept(nlp, paragraphs, names) == kept_names


def test_an_award_category(nlp: Language) -> None:
    names = [("Best Actor", "ORG"), ("Best Buy", "ORG")]
    paragraphs = ["The film earned him a nomination for Best Actor. He had worked at Best Buy for years."]
    assert kept(nlp, paragraphs, names) == {"Best Buy"}


def test_an_acronym_of_lower_case_words(nlp: Language) -> None:
    names = [("ST", "GPE"), ("NTS", "ORG")]
    paragraphs = [
        "An understanding of the source text (ST) can be achieved by reading.",
        "She joined the National Theatre School (NTS) in 1990.",
    ]
    assert kept(nlp, paragraphs, names) == {"NTS"}


def test_an_epithet_is_no_surname(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Patrick Gordon became a close friend of Tsar Peter the Great.",
            'His kinsman Alexander Gordon wrote "The History of Peter the Great, Emperor of Russia".',
        ],
    )
    assert "Peter the Great" in aliases_of(entities)
    assert "Great" not in aliases_of(entities)
