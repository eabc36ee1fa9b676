"""A capitalised title the sentence says of a person is a mention of them ("he was elected
a Fellow of the Royal Society"). Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from tests.extract.test_entity_identity_rules import extract
from tests.extract.test_entity_titles import holder_of


def test_a_title_a_pronoun_is_elected_to_is_the_persons(nlp: Language) -> None:
    texts = [
        "Daniel Marsh was born in Leeds in 1900 and taught physics at Durham.",
        "In May 1950 he was elected a Fellow of the Royal Society.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 1, "Fellow") == ["Daniel Marsh"]
    assert "Fellow" not in entities["Daniel Marsh"].aliases  # a mention, not a name of his


def test_a_title_served_as_or_promoted_to_is_the_subjects(nlp: Language) -> None:
    texts = [
        "Lena Hartwell served as President of the Phonetics Society of Ohio in 1990.",
        "Julien Marchetti was promoted by brevet to Major in the Corps of Engineers in 1783.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 0, "President") == ["Lena Hartwell"]
    assert holder_of(texts, entities, 1, "Major") == ["Julien Marchetti"]


def test_a_title_conferred_on_the_object_is_the_objects(nlp: Language) -> None:
    texts = ["Ann Dale won the prize. In 2012, the Queen made her a Dame for services to architecture."]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 0, "Dame") == ["Ann Dale"]


def test_a_title_in_apposition_after_a_comma_but_not_a_work_in_brackets(nlp: Language) -> None:
    texts = [
        "Paul Reed wrote often to Francis Hodgkin, a Fellow at Queen's College.",
        "She worked with Luis Ortega (Diary of a Gardener) and Elena Kuznets (The Last Harbour).",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 0, "Fellow") == ["Francis Hodgkin"]
    assert holder_of(texts, entities, 1, "Diary") == []


def test_a_pronoun_inside_a_quotation_gives_no_one_the_title(nlp: Language) -> None:
    texts = [
        "Mark Osei spoke at the funeral in Accra.",
        '"He was a true Grand Commander of the nation," Osei said.',
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 1, "Commander") == []


def test_a_lower_case_predicate_is_no_title(nlp: Language) -> None:
    texts = ["Rosa Lindqvist studied in Uppsala. In 1961 she became professor of botany there."]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 0, "professor") == []


def test_a_title_described_as_or_in_apposition_before_the_name(nlp: Language) -> None:
    texts = [
        "Zora Mendel was born in Haifa. She was described by critics as the 'Queen of the arch'.",
        "His troops decided the day against the Regent, Princess Anna Petrovna.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 0, "Queen") == ["Zora Mendel"]
    assert holder_of(texts, entities, 1, "Regent") == [next(n for n in entities if "Anna Petrovna" in n)]


def test_the_subject_a_noun_for_the_named_person(nlp: Language) -> None:
    texts = ["His first daughter Mei Lin Shaw (1922 - 2013) was Professor of Asian Music at Yale."]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 0, "Professor") == ["Mei Lin Shaw"]


def test_a_body_beside_a_name_is_no_title(nlp: Language) -> None:
    texts = [
        "The director of the Hill Wellness Society, Bob Hughes, told reporters the clinic would stay open.",
        "Hughes was speaking in Kamloops.",
    ]
    entities = extract(nlp, texts)
    assert "Bob Hughes" not in holder_of(texts, entities, 0, "Society")


def test_an_office_the_model_took_for_a_body_is_still_a_title(nlp: Language) -> None:
    texts = [
        "Nils Lund was a professor of English at the University of Oslo from 1893 to 1925,"
        " and served as Rector of the university in 1920 – 21."
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 0, "Rector") == ["Nils Lund"]
