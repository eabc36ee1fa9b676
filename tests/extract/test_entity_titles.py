"""A person's bare title ("the Emperor", "The Home Secretary") is a mention of the one person
the article introduced with it; "Saint X" is the article's person X. Texts written for these
tests."""

from __future__ import annotations

from spacy.language import Language

from store.models import Entity
from tests.extract.test_entity_identity_rules import extract


def mentioned(texts: list[str], entity: Entity) -> list[str]:
    return [texts[m.paragraph][m.start : m.end] for m in entity.mentions]


def holder_of(texts: list[str], entities: dict[str, Entity], paragraph: int, word: str) -> list[str]:
    """The entities with a mention of `word` in that paragraph."""
    at = texts[paragraph].index(word)
    return [
        e.name
        for e in entities.values()
        if any(m.paragraph == paragraph and m.start <= at < m.end for m in e.mentions)
    ]


def test_the_bare_title_is_the_one_person_introduced_with_it(nlp: Language) -> None:
    texts = [
        "Home Secretary Priya Castellane visited the border post at Dover on Monday.",
        "The Home Secretary said the new centre would open in the spring.",
        "Critics said the Secretary had not costed the plan.",
    ]
    entities = extract(nlp, texts)
    person = entities["Priya Castellane"]
    assert mentioned(texts, person) == ["Home Secretary Priya Castellane", "Home Secretary", "Secretary"]
    assert "Home Secretary" not in person.aliases  # a mention, not a name of hers


def test_a_title_in_apposition_gives_the_person_the_bare_title(nlp: Language) -> None:
    texts = [
        "In 1862 Tobias Whitlock, Emperor of the Pacific Isles, issued his first decree.",
        "The Emperor later abolished the harbour tax.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 1, "Emperor") == ["Tobias Whitlock"]


def test_two_people_with_one_title_leave_the_bare_title_to_neither(nlp: Language) -> None:
    texts = [
        "Governor Alma Reyes of Nevada met Governor Dale Whitcombe of Utah in Reno.",
        "The Governor said water rights were on the table.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 1, "Governor") == []


def test_a_former_holder_does_not_take_the_bare_title(nlp: Language) -> None:
    texts = [
        "Former President Harlan Vickery opened the library in Toledo.",
        "The President sent a message of support from the capital.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 1, "President") == []


def test_a_lower_case_title_is_no_mention(nlp: Language) -> None:
    texts = [
        "Mayor Irene Costa cut the ribbon at the new depot.",
        "A mayor from a nearby town also came.",
    ]
    entities = extract(nlp, texts)
    assert mentioned(texts, entities["Irene Costa"]) == ["Mayor Irene Costa"]


def test_saint_and_the_name_alone_are_one_person(nlp: Language) -> None:
    texts = [
        "Boniface preached in Frisia for many years.",
        "He is venerated as Saint Boniface across Germany.",
    ]
    entities = extract(nlp, texts)
    boniface = [e for e in entities.values() if "Boniface" in e.aliases]
    assert len(boniface) == 1 and boniface[0].type == "PERSON"
    assert "Saint Boniface" in boniface[0].aliases


def test_a_persons_mention_takes_in_the_title_or_role_before_the_name(nlp: Language) -> None:
    texts = [
        "Home Secretary Priya Castellane visited Dover on Monday.",
        "The plan was praised by the music critic Anselm Vogt in Berlin.",
        "Fans of the band met the singer Liam Gallagher.",
    ]
    entities = extract(nlp, texts)
    assert mentioned(texts, entities["Priya Castellane"]) == ["Home Secretary Priya Castellane"]
    assert mentioned(texts, entities["Anselm Vogt"]) == ["critic Anselm Vogt"]
    assert mentioned(texts, entities["Liam Gallagher"]) == ["singer Liam Gallagher"]


def test_a_full_name_with_a_middle_name_the_model_missed_is_the_person(nlp: Language) -> None:
    texts = [
        "Marcus Ellery Quimby (born June 3, 1970) [2] is a Canadian singer.",
        "In 1995, Quimby moved to Toronto.",
    ]
    entities = extract(nlp, texts, title="Marcus Quimby")
    quimby = entities["Marcus Ellery Quimby"]
    assert mentioned(texts, quimby) == ["Marcus Ellery Quimby", "Quimby"]


def test_a_first_name_of_the_census_list_alone_is_the_one_person_so_named(nlp: Language) -> None:
    texts = [
        "Roscoe Pettigrew is an English baker.",
        "After graduating in 2000, Roscoe decided to move to Leeds.",
    ]
    entities = extract(nlp, texts)
    assert (
        "Roscoe" in entities["Roscoe Pettigrew"].aliases and len(entities["Roscoe Pettigrew"].mentions) == 2
    )


def test_a_regnal_number_is_part_of_the_name(nlp: Language) -> None:
    """ "Queen Elizabeth II" when the model tags nothing there and the headline says "Queen
    Elizabeth": the sovereign is "Elizabeth II", not an "Elizabeth" of every article."""
    texts = [
        "Yesterday, the United Kingdom's Queen Elizabeth II announced she will comply with the request "
        "of the government to suspend Parliament for parts of September and October.",
        "The Queen is scheduled to give a speech on October 14.",
    ]
    entities = extract(nlp, texts, "Queen Elizabeth agrees to suspend Parliament")
    assert "Elizabeth II" in entities and "Elizabeth" not in entities
    assert "Queen Elizabeth II" in mentioned(texts, entities["Elizabeth II"])
    louis = extract(nlp, ["The palace was built for Louis XIV in 1682, and Louis XIV lived there."])
    assert "Louis XIV" in louis


def test_a_word_cut_by_an_editors_brackets_is_no_name(nlp: Language) -> None:
    texts = [
        '"[W]e must get the bill passed, because the town must [...] act by October 31st," '
        "Mayor Ada Quill said in a statement.",
    ]
    entities = extract(nlp, texts)
    assert not any("]" in name or "[" in name for name in entities)
    assert "Ada Quill" in entities


def test_of_two_holders_the_bare_title_is_the_one_named_last(nlp: Language) -> None:
    texts = [
        "Ewan Forsyth served in the army of Tsar Boris Volkov for ten years.",
        "In 1690 Tsar Dmitri Orlov made him a general and gave him an estate near Kaluga.",
        "He was for the rest of his life in high favour with the Tsar.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 2, "Tsar") == ["Dmitri Orlov"]


def test_a_former_holder_before_a_bare_title_gives_it_to_no_one(nlp: Language) -> None:
    texts = [
        "President Amara Keita opened the new bridge in Segou on Monday.",
        "The country mourned its founding father and former President, Moussa Diarra, last year.",
    ]
    entities = extract(nlp, texts)
    assert holder_of(texts, entities, 1, "President") != ["Amara Keita"]
