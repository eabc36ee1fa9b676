"""The name written another way in the parenthesis after it (a pronunciation, the name in
another script) is a mention of that name. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_entity_identity_rules import extract
from tests.extract.test_entity_titles import mentioned


def test_a_pronunciation_and_its_respelling_are_mentions_not_aliases(nlp: Language) -> None:
    texts = [
        "Marta Kowalczyk (/ kɒˈvɑːltʃɪk / ko-VAHL-chik; Polish: [ˈmarta kɔˈvalt͡ʂɨk]; born 4 May 1950)"
        " is a Polish chemist who works in Gdańsk.",
    ]
    person = extract(nlp, texts)["Marta Kowalczyk"]
    assert mentioned(texts, person) == ["Marta Kowalczyk", "kɒˈvɑːltʃɪk", "ko-VAHL-chik", "ˈmarta kɔˈvalt͡ʂɨk"]
    assert person.aliases == ["Marta Kowalczyk"]  # sounds are no name to look her up by


def test_slashes_and_brackets_without_phonetic_letters_are_no_pronunciation(nlp: Language) -> None:
    texts = ["Helen Marsh (see [Appendix B] and / online / archive; born 1961) writes about rivers."]
    person = extract(nlp, texts)["Helen Marsh"]
    assert mentioned(texts, person) == ["Helen Marsh"]


def test_the_name_in_another_script_joins_the_name_before_it(nlp: Language) -> None:
    texts = [
        "Vladimir Sorokin (Russian: Владимир Георгиевич Сорокин; born 7 August 1955) is a Russian writer.",
        "Sorokin lives in Moscow.",
    ]
    entities = extract(nlp, texts)
    person = entities["Vladimir Sorokin"]  # named in Latin letters still
    assert "Владимир Георгиевич Сорокин" in person.aliases
    assert mentioned(texts, person) == ["Vladimir Sorokin", "Владимир Георгиевич Сорокин", "Sorokin"]
    assert [e.name for e in entities.values() if e.type == "PERSON"] == ["Vladimir Sorokin"]
