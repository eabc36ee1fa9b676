"""The type of a name from the article's own evidence: reference lines ("Austen, Jane.
Pride and Prejudice"), a person's possessive before a work's title, a noun for a person
beside the name, what only a person owns, the first person's company, a first name
paired with a full name. Fixtures are written for these tests; each hands the rule a
form with the wrong type the model is known to give, so the rule alone decides."""

from __future__ import annotations

from spacy.language import Language

from store.extract.entity_context import list_members, places_by_position
from store.extract.entity_spans import Form, Reading
from store.extract.name_heads import retype
from store.extract.not_names import epithet, plural_acronym, plural_marked, without_common_people
from store.extract.person_evidence import people_by_company
from store.extract.pipeline import parse_bodies
from store.extract.references import reference_authors
from store.extract.works import without_works
from tests.extract.test_entity_evidence import aliases_of, extract


def reading_of(nlp: Language, *paragraphs: str) -> Reading:
    return Reading.of(next(parse_bodies([list(paragraphs)], nlp)))


def form(reading: Reading, text: str, label: str, nth: int = 0) -> Form:
    start = -1
    for _ in range(nth + 1):
        start = reading.body.index(text, start + 1)
    return Form(text, label, start)


def test_reference_lines_give_their_authors(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "Some favourite recordings:",
        "London, Jack. White Fang",
        "Marx, Karl and Engels, Friedrich. The Communist Manifesto",
        "Tolkien, J. R. R. The Hobbit",
    )
    forms = [
        form(reading, "London", "GPE"),
        form(reading, "Jack", "GPE"),
        form(reading, "White Fang", "ORG"),
        form(reading, "Marx", "PERSON"),
        form(reading, "Friedrich", "PERSON"),
        form(reading, "Communist Manifesto", "ORG"),
    ]
    found = {(f.text, f.label) for f in reference_authors(reading, forms)}
    assert found == {
        ("London, Jack", "PERSON"),
        ("Marx, Karl", "PERSON"),
        ("Engels, Friedrich", "PERSON"),
        ("Tolkien, J. R. R.", "PERSON"),
    }


def test_a_place_and_its_state_is_no_reference(nlp: Language) -> None:
    reading = reading_of(
        nlp, "Atlanta, Georgia. The city council met on Monday.", "Paris, March 3. Prices rose."
    )
    forms = [form(reading, "Atlanta", "GPE"), form(reading, "Georgia", "GPE"), form(reading, "Paris", "GPE")]
    assert reference_authors(reading, forms) == forms


def test_reference_authors_in_the_whole_extraction(nlp: Language) -> None:
    entities = extract(
        nlp,
        [
            "Other good ones:",
            "Austen, Jane. Pride and Prejudice",
            "London, Jack. White Fang",
            "Christie, Agatha. The Secret Adversary",
            "Critics say Austen wrote the best of them.",
            "While Pride and Prejudice will attract many readers, the others may not.",
        ],
    )
    assert entities["London, Jack"].type == "PERSON"
    assert entities["Christie, Agatha"].aliases == ["Christie, Agatha"]  # not "Christie", inside the name
    assert entities["Austen, Jane"].aliases == ["Austen, Jane", "Austen"]  # her surname; not "Jane"
    assert "Prejudice" not in aliases_of(entities)


def test_a_persons_possessive_before_a_title_makes_a_work(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "The book appeared after Marcel Verdier's Traité Général and before Anna Ross's Tesla shares rose.",
        "Later Tesla said sales grew, and Dana Cole's Omar Haddad joined the board.",
    )
    forms = [
        form(reading, "Marcel Verdier", "PERSON"),
        form(reading, "Traité Général", "ORG"),
        form(reading, "Anna Ross", "PERSON"),
        form(reading, "Tesla", "ORG"),
        form(reading, "Dana Cole", "PERSON"),
        form(reading, "Omar Haddad", "PERSON"),
    ]
    kept = {f.text for f in without_works(reading.doc, reading.body, forms)}
    assert "Traité Général" not in kept  # named once, owned by a person: a work
    assert {"Tesla", "Omar Haddad"} <= kept  # named again; a person's first name


def _people(nlp: Language, text: str, *named: tuple[str, str]) -> dict[str, str]:
    reading = reading_of(nlp, text)
    forms = [form(reading, name, label) for name, label in named]
    people_by_company(reading, forms)
    return {f.text: f.label for f in forms}


def test_a_noun_for_a_person_beside_the_name(nlp: Language) -> None:
    text = "Her style owed much to Ihara Saikaku, a 17th-century writer, and to the actor Fernandel."
    found = _people(nlp, text, ("Ihara Saikaku", "FAC"), ("Fernandel", "ORG"))
    assert found == {"Ihara Saikaku": "PERSON", "Fernandel": "PERSON"}
    maker = _people(nlp, "Sales rose at Korvane, the biggest carmaker in the region.", ("Korvane", "ORG"))
    assert maker == {"Korvane": "ORG"}  # a company's apposition is no person's


def test_the_owner_of_an_adviser_is_a_person(nlp: Language) -> None:
    found = _people(nlp, "Mbeki's national security adviser spoke first.", ("Mbeki", "GPE"))
    assert found == {"Mbeki": "PERSON"}


def test_the_first_persons_company_is_a_person(nlp: Language) -> None:
    found = _people(
        nlp,
        "Rebecca and I put it together, and then me and Tamsin fixed it.",
        ("Rebecca", "GPE"),
        ("Tamsin", "ORG"),
    )
    assert found == {"Rebecca": "PERSON", "Tamsin": "PERSON"}


def test_a_first_name_paired_with_a_full_name(nlp: Language) -> None:
    text = "He appeared in the Mary-Kate and Ashley Olsen comedy that summer."
    found = _people(nlp, text, ("Mary-Kate", "FAC"), ("Ashley Olsen", "PERSON"))
    assert found["Mary-Kate"] == "PERSON"


def test_a_name_said_twice_is_no_place_and_its_region(nlp: Language) -> None:
    reading = reading_of(nlp, "Take Mbeki, Mbeki's adviser is on record.")
    forms = [form(reading, "Mbeki", "GPE"), form(reading, "Mbeki", "PERSON", nth=1)]
    places_by_position(reading, forms)
    assert forms[1].label == "PERSON" and forms[0].titled is None


def test_capitals_that_name_nothing(nlp: Language) -> None:
    entities = extract(nlp, ["The law of Conservation of Energy says that the conservation of energy holds."])
    assert "Conservation of Energy" not in aliases_of(entities)
    reading = reading_of(
        nlp, "Spouse(s) Lena Morrow. Tsar Peter the Great ruled, and Ivan told Smith the Fed met."
    )
    body = reading.body
    assert plural_marked(body, 0, len("Spouse"))
    assert not plural_marked(body, body.index("Lena"), body.index("Lena") + 4)
    tokens = {t.text: t.i for t in reading.doc}
    assert epithet(reading.doc, tokens["Great"], 1, "PERSON")  # "Peter the Great"
    assert not epithet(reading.doc, tokens["Fed"], 1, "ORG")  # "told Smith the Fed"


def test_scriptures_and_storms_are_no_people_or_places() -> None:
    assert retype("Gospel of the Hebrews", "ORG") == "WORK_OF_ART"
    assert retype("Psalms", "PERSON") == "WORK_OF_ART"
    assert retype("Cyclone Phailin", "PERSON") == "EVENT"
    assert retype("Tropical Storm Alberto", "PERSON") == "EVENT"
    assert retype("Paralympics", "ORG") == "EVENT"
    assert retype("Bible Society", "ORG") == "ORG"


CREDITS = (
    "She worked with directors such as Anton Brevik (The Glass Garden and Low Tide), Maria Castellano "
    "(Quiet Summer), Peter Olsen (Vessel), and Hana Ito (Sarah Lind's story). The Lovers (Les Étoiles, "
    "1959) followed, and a talk (Paris, 1961)."
)


def test_credits_in_brackets_after_people_are_works(nlp: Language) -> None:
    reading = reading_of(nlp, CREDITS)
    people = [
        form(reading, name, "PERSON")
        for name in ("Anton Brevik", "Maria Castellano", "Peter Olsen", "Hana Ito")
    ]
    named = [
        form(reading, "Glass Garden", "PERSON"),
        form(reading, "Low Tide", "ORG"),
        form(reading, "Quiet Summer", "GPE"),
        form(reading, "Vessel", "ORG"),
        form(reading, "Sarah Lind", "PERSON"),
        form(reading, "Les Étoiles", "GPE"),
        form(reading, "Paris", "GPE"),
    ]
    kept = {f.text for f in without_works(reading.doc, reading.body, people + named)}
    assert kept == {"Anton Brevik", "Maria Castellano", "Peter Olsen", "Hana Ito", "Sarah Lind", "Paris"}


def test_a_list_in_brackets_is_no_member_of_the_list_outside(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "She admired Orson Welles (The Trial, Chimes at Midnight), Elia Kazan, Carl Foreman and Wim Wenders.",
    )
    people = [
        form(reading, name, "PERSON")
        for name in ("Orson Welles", "Elia Kazan", "Carl Foreman", "Wim Wenders")
    ]
    added = {f.text for f in list_members(reading, people)}
    assert not added & {"Trial", "Chimes"}


def test_what_an_author_wrote_and_a_composer_set_are_works(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "The best known is Lewis Carroll, author of Alice in Wonderland. "
        "His setting of Dies Irae was first heard in Brno, and a setting of Anna Akhmatova followed.",
    )
    forms = [
        form(reading, "Lewis Carroll", "PERSON"),
        form(reading, "Alice", "GPE"),
        form(reading, "Wonderland", "GPE"),
        form(reading, "Dies Irae", "PERSON"),
        form(reading, "Brno", "GPE"),
        form(reading, "Anna Akhmatova", "PERSON"),
    ]
    kept = {f.text for f in without_works(reading.doc, reading.body, forms)}
    assert kept == {"Lewis Carroll", "Brno", "Anna Akhmatova"}


def test_a_one_word_person_the_article_writes_in_lower_case(nlp: Language) -> None:
    reading = reading_of(
        nlp,
        "Normalcy returned.",
        "Will Brown said normalcy was near, and Brown left the brown dog with Rose, who rose early.",
    )
    forms = [
        form(reading, "Normalcy", "PERSON"),
        form(reading, "Will Brown", "PERSON"),
        form(reading, "Brown", "PERSON", nth=1),
        form(reading, "Rose", "PERSON"),
    ]
    kept = [f.text for f in without_common_people(reading, forms)]
    assert kept == ["Will Brown", "Brown", "Rose"]


def test_a_person_by_what_they_are(nlp: Language) -> None:
    found = _people(nlp, "By the way, Kessel was the first guy I know to do it.", ("Kessel", "GPE"))
    assert found == {"Kessel": "PERSON"}
    company = _people(nlp, "Korvane is the biggest carmaker in the region.", ("Korvane", "ORG"))
    assert company == {"Korvane": "ORG"}


def test_a_first_name_the_model_calls_an_organisation_with_its_surname(nlp: Language) -> None:
    entities = extract(nlp, ["The film was based on the Gregory Maguire novel of the same name."])
    assert entities["Gregory Maguire"].type == "PERSON"


def test_a_surname_after_a_place_and_a_comma_stays_a_person(nlp: Language) -> None:
    reading = reading_of(
        nlp, "Antonin Dvorak came to New York. While in the United States, Dvorak wrote a symphony."
    )
    forms = [
        form(reading, "Antonin Dvorak", "PERSON"),
        form(reading, "New York", "GPE"),
        form(reading, "United States", "GPE"),
        form(reading, "Dvorak", "PERSON", nth=1),
    ]
    places_by_position(reading, forms)
    assert forms[3].label == "PERSON" and forms[2].titled is None


def test_an_organisation_one_settles_in_is_a_place(nlp: Language) -> None:
    reading = reading_of(
        nlp, "He travelled to Gaul and settled in Trevara, where he studied. He bought shares in Korvane."
    )
    forms = [form(reading, "Gaul", "GPE"), form(reading, "Trevara", "ORG"), form(reading, "Korvane", "ORG")]
    places_by_position(reading, forms)
    assert [f.label for f in forms] == ["GPE", "GPE", "ORG"]


def test_an_acronym_in_the_plural_is_no_name(nlp: Language) -> None:
    entities = extract(
        nlp, ["Holt hit .290 with 43 RBIs in 59 games for the Owls.", "He added 3 RBI for ESPN fans in May."]
    )
    aliases = aliases_of(entities)
    assert "RBI" not in aliases and "RBIs" not in aliases
    assert plural_acronym("Three MPs voted.", "MP") and not plural_acronym("ESPN's coverage.", "ESPN")
