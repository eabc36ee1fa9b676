"""The evidence that decides what a name is: the syntax around it (a work in apposition,
the object of a verb of making, a battle's place, a peer's title, a place closing a
place's phrase, the subject of a verb only people do) and an international list of first
names. Fixtures are written for these tests."""

from __future__ import annotations

from spacy.language import Language

from store.aliases import AliasTable
from store.extract.entities import extract_entities
from store.extract.entity_context import people_by_position
from store.extract.entity_spans import Form, Reading
from store.extract.name_heads import retype
from store.extract.pipeline import body_of, parse_bodies
from store.models import Entity, Paragraph
from store.name_lexicon import is_census_first_name, is_first_name


def extract(nlp: Language, texts: list[str]) -> dict[str, Entity]:
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    return {e.name: e for e in extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable())}


def aliases_of(entities: dict[str, Entity]) -> set[str]:
    return {a for e in entities.values() for a in e.aliases}


def _not_works(entities: dict[str, Entity]) -> dict[str, Entity]:
    """The people, organisations, places and groups (events and works are entities too)."""
    return {name: e for name, e in entities.items() if e.type not in ("EVENT", "WORK_OF_ART", "AWARD", "LAW")}


def test_international_first_names() -> None:
    for name in ("Noam", "Enver", "Leonhard"):
        assert not is_census_first_name(name)
        assert is_first_name(name), name
    for word in ("Thrace", "Louvre", "Snowdon", "General"):
        assert not is_first_name(word), word


def test_works_told_by_the_syntax(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "In 2005, Dana Holm appeared in Cold Harbour, another horror film, as a nurse.",
            "In 1890 the composer wrote his Dumky Trio, one of his most successful works.",
            "The most successful of his operas is Marienka.",
            "In 1968 he published his theory of Case Grammar, which shaped the field.",
        ],
    )
    aliases = aliases_of(_not_works(entities))
    for title in ("Cold Harbour", "Dumky Trio", "Marienka", "Case Grammar"):
        assert not any(title in a for a in aliases), title
    for title in ("Cold Harbour", "Dumky Trio", "Marienka"):
        assert entities[title].type == "WORK_OF_ART", title  # works a reporter can jump to
    assert "Case Grammar" not in entities  # a theory is no work
    assert entities["Dana Holm"].type == "PERSON"


def test_a_title_shown_once_is_a_title_everywhere(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "The novelist wrote the novel Glass Harbour in a single winter.",
            "Critics praised Glass Harbour for its ending.",
        ],
    )
    assert not any("Glass Harbour" in a for a in aliases_of(_not_works(entities)))
    assert len(entities["Glass Harbour"].mentions) == 2  # the work, at both places


def test_the_place_a_battle_is_named_after(nlp: Language) -> None:
    entities = extract(nlp, ["At the Battle of Chudnov in 1660, the colonel was wounded."])
    assert entities["Chudnov"].type == "GPE"


def test_a_peers_title_names_a_place(nlp: Language) -> None:
    entities = extract(
        nlp, ["His closest friendship was with John FitzGerald, 2nd Earl of Clare, whom he met in Italy."]
    )
    assert "Earl of Clare" not in " ".join(aliases_of(entities))
    assert entities["Clare"].type == "GPE"


def test_an_estate_after_of_is_no_surname(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Patrick Leopold Gordon of Auchleuchries was a general in the Russian army.",
            "He was born at Auchleuchries, Aberdeenshire, in 1635.",
        ],
    )
    person = next(e for e in entities.values() if e.type == "PERSON" and "Gordon" in e.name)
    assert not any(a.startswith("Auchleuchries") for a in person.aliases)


def test_a_place_closing_a_places_phrase(nlp: Language) -> None:
    entities = extract(nlp, ["Kit Marlow was born in Exeter, Devon. His father was a geologist."])
    assert entities["Devon"].type == "GPE"


def test_a_list_of_places_is_no_place_with_its_region(nlp: Language) -> None:
    entities = extract(nlp, ["Daniel studied medicine at Basel, Heidelberg, and Strasbourg, and taught."])
    assert "Basel, Heidelberg" not in aliases_of(entities)


def test_the_subject_of_a_verb_only_people_do(nlp: Language) -> None:
    doc = next(parse_bodies([["In his memory Fenwick composed a cycle of elegies."]], nlp))
    start = doc.text.index("Fenwick")
    form = Form("Fenwick", "ORG", start)
    people_by_position(Reading.of(doc), [form])
    assert form.label == "PERSON"


def test_head_words_of_works_places_and_events() -> None:
    assert retype("Seventh Symphony", "PERSON") == "WORK_OF_ART"
    assert retype("Holy Roman Empire", "ORG") == "GPE"
    assert retype("American Revolutionary War", "ORG") == "EVENT"
    assert retype("Major League Baseball Draft", "ORG") == "EVENT"


def test_a_sitcom_named_again_and_a_premiered_work(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "He is best known for the sitcom Harlow Street.",
            "Harlow Street made him famous, and Harlow Street fans still write to him in San Diego.",
            "Her Stabat Mater was premiered in Prague in 1880.",
        ],
    )
    aliases = aliases_of(_not_works(entities))
    assert not any("Harlow Street" in a or "Stabat Mater" in a for a in aliases)
    assert entities["Harlow Street"].type == "WORK_OF_ART"
    assert "San Diego" in entities


def test_a_heading_is_no_name_unless_the_text_names_it(nlp: Language) -> None:
    texts = ["Background", "Ada Lindqvist moved to Uppsala in 1990.", "Ada Lindqvist", "She taught there."]
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    paragraphs = [Paragraph(t, kind="heading" if i in (0, 2) else "text") for i, t in enumerate(texts)]
    names = {e.name for e in extract_entities(doc, paragraphs, starts, AliasTable())}
    assert "Background" not in names
    assert "Ada Lindqvist" in names


def test_cited_authors_and_a_shared_surname_are_people(nlp: Language) -> None:
    doc = next(
        parse_bodies(
            [["The chapter by Tamsin and Orrell (2004) cites Natsu Higuchi, also called Higuchi Natsu."]], nlp
        )
    )
    body = doc.text
    forms = [
        Form("Tamsin", "ORG", body.index("Tamsin")),
        Form("Orrell", "ORG", body.index("Orrell")),
        Form("Natsu Higuchi", "PERSON", body.index("Natsu Higuchi")),
        Form("Higuchi Natsu", "FAC", body.index("Higuchi Natsu")),
    ]
    people_by_position(Reading.of(doc), forms)
    assert [f.label for f in forms] == ["PERSON"] * 4


def test_a_place_a_series_is_named_after_stays_a_place(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Viewers praised the drama series Pripyat, shown last year.",
            "The families who lived in Pripyat were moved out in 1986, and Pripyat stayed empty.",
        ],
    )
    assert "Pripyat" in entities


def test_a_caption_ending_in_a_places_region(nlp: Language) -> None:
    entities = extract(
        nlp, ["A bust of the general in Yekaterinburg, Russia", "Patrick Gordon served the tsar for decades."]
    )
    assert "Yekaterinburg, Russia" in entities["Yekaterinburg"].aliases
