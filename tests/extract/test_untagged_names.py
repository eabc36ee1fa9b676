"""Names the model tags nowhere, found from the words around them
(store.extract.untagged_names): a title before a name, a role noun heading a name, a
place a verb of moving governs. Texts written for these tests."""

from __future__ import annotations

from spacy.language import Language

from store.aliases import AliasTable
from store.extract.entities import extract_entities
from store.extract.entity_spans import Reading
from store.extract.model_spans import model_forms
from store.extract.pipeline import body_of, parse_bodies
from store.extract.untagged_names import untagged_names
from store.models import Paragraph


def added(nlp: Language, text: str) -> dict[str, str]:
    """What the rules add to the model's forms: name -> type."""
    reading = Reading.of(next(parse_bodies([[text]], nlp)))
    return {f.text: f.label for f in untagged_names(reading, model_forms(reading))}


def entity_types(nlp: Language, texts: list[str]) -> dict[str, str]:
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    return {
        e.name: e.type for e in extract_entities(doc, [Paragraph(t) for t in texts], starts, AliasTable())
    }


def test_a_title_before_an_untagged_name_makes_a_person(nlp: Language) -> None:
    found = added(
        nlp, "He served as an engineer in the northern army with Major General Tallow. He was made a captain."
    )
    assert found.get("Tallow") == "PERSON", found


def test_a_regnal_number_stays_with_the_name(nlp: Language) -> None:
    found = added(nlp, "The protégé of Pope Sixtus I, who died in the winter, was known as a teacher.")
    assert found.get("Sixtus I") == "PERSON", found


def test_a_role_noun_heading_an_untagged_name_makes_a_person(nlp: Language) -> None:
    found = added(nlp, "He studied rhetoric under the rhetorician Priscian Caesar. Then he learned Greek.")
    assert found.get("Priscian Caesar") == "PERSON", found


def test_a_firms_business_noun_is_no_persons_role(nlp: Language) -> None:
    found = added(nlp, "Earlier that day, the Greek gas producer Energos signed a letter of intent.")
    assert found.get("Energos") != "PERSON", found


def test_a_place_a_verb_of_moving_governs(nlp: Language) -> None:
    found = added(nlp, "When she was a girl, the family moved south to Vierzon, where her uncle lived.")
    assert found.get("Vierzon") == "GPE", found


def test_the_surname_of_the_articles_person_is_no_place(nlp: Language) -> None:
    found = added(
        nlp,
        "Harold Vierzon praised the team. When she was a girl, the family moved south to Vierzon, "
        "where her uncle lived.",
    )
    assert "Vierzon" not in found, found


def test_the_rules_reach_the_articles_entities(nlp: Language) -> None:
    types = entity_types(
        nlp,
        [
            "He studied rhetoric under the rhetorician Priscian Caesar. Then he learned Greek.",
            "In 1895 the composer returned to Vierzon with his wife.",
            "He served as an engineer in the northern army with Major General Tallow. He was made a captain.",
        ],
    )
    assert types.get("Priscian Caesar") == "PERSON" and types.get("Tallow") == "PERSON", types
    assert types.get("Vierzon") == "GPE", types
