"""Entity extraction on small texts written for the tests, and on the seed article.

The model is loaded once per session (the `nlp` fixture in conftest.py).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from store.aliases import AliasTable
from store.extract.entities import extract_entities
from store.extract.entity_mentions import resolve_name
from store.extract.pipeline import body_of, parse_bodies
from store.models import Entity, Paragraph
from store.yamlio.load import load_yaml_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
COARSE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def extract(nlp: Language, texts: list[str], aliases: AliasTable | None = None) -> list[Entity]:
    """Parse like the import pipeline does, then extract entities."""
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    return extract_entities(doc, [Paragraph(t) for t in texts], starts, aliases or AliasTable())


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_possessive_and_leading_the(nlp: Language) -> None:
    entities = by_name(
        extract(
            nlp,
            ["Russia’s navy sailed past the United States.", "The United States said Russia's ships left."],
        )
    )
    assert entities["Russia"].aliases == ["Russia"]
    assert entities["Russia"].type == "GPE"
    assert entities["United States"].aliases == ["United States"]


def test_surname_and_title_fold_into_the_person(nlp: Language) -> None:
    texts = [
        "US Secretary of State John Kerry met Prime Minister Rishi Sunak in London.",
        "Kerry said the talks went well. Sunak agreed with Mr. Kerry.",
    ]
    entities = by_name(extract(nlp, texts))
    kerry = entities["John Kerry"]
    assert kerry.type == "PERSON"
    assert set(kerry.aliases) >= {"John Kerry", "Kerry"}
    assert not any(a.startswith(("US", "Secretary", "Mr")) for a in entities if a != "United States")
    found = [texts[m.paragraph][m.start : m.end] for m in kerry.mentions]
    assert found == ["Secretary of State John Kerry", "Kerry", "Mr. Kerry"]  # titles in the mention
    assert "Kerry" not in entities and "Sunak" not in entities
    assert "State" not in entities  # the title's "State" is no organisation


def test_surname_the_model_missed_is_still_an_alias(nlp: Language) -> None:
    texts = ["The novelist Margaret Atwood spoke first.", "Later, fans queued for an hour to meet Atwood."]
    atwood = by_name(extract(nlp, texts))["Margaret Atwood"]
    assert "Atwood" in atwood.aliases
    assert [(m.paragraph, texts[m.paragraph][m.start : m.end]) for m in atwood.mentions] == [
        (0, "novelist Margaret Atwood"),  # the role noun heading the name is in the mention
        (1, "Atwood"),
    ]


def test_acronym_defined_in_text_is_one_entity(nlp: Language) -> None:
    texts = [
        "Kerry welcomed the fight against the Islamic State of Iraq and the Levant (ISIL) group.",
        "ISIL fighters later withdrew.",
    ]
    entities = by_name(extract(nlp, texts))
    isil = entities["Islamic State of Iraq and the Levant"]
    assert isil.type == "ORG"
    assert isil.aliases == ["Islamic State of Iraq and the Levant", "ISIL"]
    assert [(m.paragraph, m.end - m.start) for m in isil.mentions] == [(0, 36), (0, 4), (1, 4)]
    assert "Levant" not in entities and "Iraq" not in entities  # fragments of the long name


def test_country_variants_are_one_entity(nlp: Language) -> None:
    texts = [
        "The United States and Britain signed the deal.",
        "Officials in the US said the UK would pay. America has allies; Britain has ships.",
    ]
    entities = by_name(extract(nlp, texts))
    assert set(entities["United States"].aliases) == {"United States", "US", "America"}
    assert set(entities["United Kingdom"].aliases) == {"Britain", "UK"}
    assert entities["United Kingdom"].type == entities["United States"].type == "GPE"
    assert len(entities["United Kingdom"].mentions) == 3


def test_junk_is_dropped(nlp: Language) -> None:
    texts = ["On Monday, 3,000 people marched in Paris.", "By 2015 the crowds had grown to 40,000 in Paris."]
    entities = extract(nlp, texts)
    assert [e.name for e in entities] == ["Paris"]


def test_mentions_are_complete_exact_and_do_not_overlap(nlp: Language) -> None:
    texts = [
        "Philip Hammond flew to Geneva. Hammond met Kerry's team.",
        "Hammond said Geneva was ready; John Kerry agreed with Hammond.",
        "No names here at all.",
    ]
    entities = extract(nlp, texts)
    spans = []
    for entity in entities:
        for mention in entity.mentions:
            assert texts[mention.paragraph][mention.start : mention.end] in entity.aliases
            spans.append((mention.paragraph, mention.start, mention.end))
        for alias in entity.aliases:
            expected = sum(
                len(re.findall(rf"(?<!\w){re.escape(alias)}(?!\w)", t)) for t in texts
            )  # whole-word occurrences, less those inside a longer alias
            inside_longer = sum(
                len(re.findall(rf"(?<!\w){re.escape(longer)}(?!\w)", t))
                for t in texts
                for other in entities
                for longer in other.aliases
                if len(longer) > len(alias) and re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", longer)
            )
            found = [m for m in entity.mentions if texts[m.paragraph][m.start : m.end] == alias]
            assert len(found) == expected - inside_longer, alias
    spans.sort()
    assert all(a[0] != b[0] or a[2] <= b[1] for a, b in zip(spans, spans[1:], strict=False))
    hammond = by_name(entities)["Philip Hammond"]
    assert len(hammond.mentions) == 4
    assert len(by_name(entities)["John Kerry"].mentions) == 2  # "Kerry's" counts


def test_aliases_yaml_renames_the_entity(nlp: Language) -> None:
    table = AliasTable({"sarah sanders": "Sarah Huckabee Sanders"})
    texts = ["Sarah Sanders told reporters the president was in Ohio.", "Sanders left early."]
    entities = by_name(extract(nlp, texts, table))
    sanders = entities["Sarah Huckabee Sanders"]
    assert {"Sarah Sanders", "Sanders"} <= set(sanders.aliases)
    assert len(sanders.mentions) == 2


def test_entities_are_sorted_people_organisations_places(nlp: Language) -> None:
    texts = ["In Paris, Reuters reported that Emmanuel Macron met officials from NATO."]
    kinds = [e.type for e in extract(nlp, texts)]
    order = {"PERSON": 0, "ORG": 1, "GPE": 2, "LOC": 2, "FAC": 2, "NORP": 3}
    assert kinds == sorted(kinds, key=order.__getitem__)
    assert kinds[0] == "PERSON"


def test_empty_and_nameless_articles(nlp: Language) -> None:
    assert extract(nlp, [""]) == []
    assert extract(nlp, ["it was a quiet day, and nothing happened."]) == []


@pytest.fixture(scope="module")
def seed(nlp: Language) -> tuple[list[str], list[Entity]]:
    lines = (FIXTURES / "kerry-assad-aljazeera.txt").read_text(encoding="utf-8").split("\n")
    texts = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lines[1:])) if p.strip()]
    return texts, extract(nlp, texts)


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Kerry", "John Kerry"),
        ("Mr. Kerry", "John Kerry"),
        ("US Secretary of State John Kerry", "John Kerry"),
        ("Kerry's", "John Kerry"),
        ("Secretary Kerry", "John Kerry"),
        ("Assad", "Bashar al-Assad"),
        ("President Bashar Assad", "Bashar al-Assad"),
        ("Philip", "Philip Hammond"),
        ("the US", "United States"),
        ("U.S.", "United States"),
        ("ISIL", "Islamic State of Iraq and the Levant"),
        ("Al Jazeera’s", "Al Jazeera"),
    ],
)
def test_resolve_name(seed: tuple[list[str], list[Entity]], surface: str, name: str) -> None:
    entity = resolve_name(surface, seed[1])
    assert entity is not None and entity.name == name


@pytest.mark.parametrize("surface", ["Sen. Ted Cruz", "he", "officials", "", "Obama"])
def test_resolve_name_unknown(seed: tuple[list[str], list[Entity]], surface: str) -> None:
    assert resolve_name(surface, seed[1]) is None


def test_seed_gold_precision_and_recall(seed: tuple[list[str], list[Entity]]) -> None:
    """Entity names typed, as ../shared/eval/score.py counts them: P >= 0.90, R >= 0.95."""
    gold_file = load_yaml_file(FIXTURES / "kerry-assad-aljazeera.gold.yaml")
    gold = {(norm(a), COARSE[e["type"]]) for e in gold_file["entities"] for a in e["aliases"]}
    predicted = {(norm(a), COARSE[e.type]) for e in seed[1] if e.type in COARSE for a in {*e.aliases, e.name}}
    right = predicted & gold
    precision, recall = len(right) / len(predicted), len(right) / len(gold)
    assert precision >= 0.90, sorted(predicted - gold)
    assert recall >= 0.95, sorted(gold - predicted)


def test_seed_mentions_offsets(seed: tuple[list[str], list[Entity]]) -> None:
    texts, entities = seed
    assad = by_name(entities)["Bashar al-Assad"]
    assert len(assad.mentions) == sum(t.count("Assad") for t in texts)
    for entity in entities:
        for m in entity.mentions:
            surface = texts[m.paragraph][m.start : m.end]
            assert any(surface.endswith(alias) for alias in entity.aliases), surface  # "Mr Kerry"


def test_entity_code_is_cheap_next_to_the_parse(nlp: Language) -> None:
    text = (FIXTURES / "kerry-assad-aljazeera.txt").read_text(encoding="utf-8")
    texts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()] * 10
    doc = next(parse_bodies([texts], nlp))
    _, starts = body_of(texts)
    paragraphs = [Paragraph(t) for t in texts]
    began = time.perf_counter()
    entities = extract_entities(doc, paragraphs, starts, AliasTable())
    assert time.perf_counter() - began < 2.0  # ~0.05 s; the parse of this text takes ~2 s
    assert len(by_name(entities)["Bashar al-Assad"].mentions) == sum(t.count("Assad") for t in texts)


def norm(form: str) -> str:
    form = form.lower().replace("’", "'")
    form = re.sub(r"'s$", "", form)
    return re.sub(r"^the ", "", form).strip(" .,;:")


def test_shared_surname_goes_to_the_person_named_most(nlp: Language) -> None:
    texts = [
        "Robert Mugabe ruled for decades. Robert Mugabe's wife Grace Mugabe stayed abroad.",
        "Mugabe said he would not resign. Robert Mugabe later fled.",
    ]
    entities = by_name(extract(nlp, texts))
    assert "Mugabe" in entities["Robert Mugabe"].aliases
    assert "Mugabe" not in entities and entities["Grace Mugabe"].aliases == ["Grace Mugabe"]


def test_head_words_lists_and_junk(nlp: Language) -> None:
    texts = [
        "Officials from the Saudi Interior Ministry said pilgrims gathered near the Grand Mosque.",
        "The ancient gods Zeus, Hera, Poseidon, Aphrodite and Athena were honoured.",
        "The flight left at 10:00 ET, the Korean People's Army said. The KPA, NATO and the BBC agreed.",
    ]
    entities = by_name(extract(nlp, texts))
    assert entities["Saudi Interior Ministry"].type == "ORG"  # the model saw "Saudi" + "Interior Ministry"
    assert entities["Grand Mosque"].type == "FAC"
    assert all(entities[god].type == "PERSON" for god in ("Zeus", "Hera", "Poseidon", "Aphrodite", "Athena"))
    assert entities["Korean People's Army"].aliases == ["Korean People's Army", "KPA"]  # an undefined acronym
    assert "ET" not in entities and "Interior Ministry" not in entities


def test_bare_surname_of_a_family_goes_to_the_person_named_first(nlp: Language) -> None:
    texts = [
        "Hillary Clinton received her first briefing. Her husband, Bill Clinton, stayed in New York.",
        "Clinton said the briefing was useful.",
    ]
    entities = by_name(extract(nlp, texts))
    assert entities["Hillary Clinton"].aliases == ["Hillary Clinton", "Clinton"]
    assert [(m.paragraph, m.start) for m in entities["Hillary Clinton"].mentions] == [(0, 0), (1, 0)]
    assert entities["Bill Clinton"].aliases == ["Bill Clinton"] and "Clinton" not in entities
    assert resolve_name("Mrs. Clinton", list(entities.values())) is entities["Hillary Clinton"]


def test_names_found_from_their_context(nlp: Language) -> None:
    texts = [
        "In the final, US team Cloud9 and Immortals faced off.",
        "Players tried Batman: Arkham VR at the Sony booth, and Kevin Conroy signed posters.",
    ]
    entities = by_name(extract(nlp, texts))
    assert entities["Cloud9"].type == entities["Immortals"].type == "ORG"  # "team X and Y"
    assert "Batman" not in entities and "Arkham VR" not in entities  # the title of a game
    assert entities["Kevin Conroy"].type == "PERSON" and entities["Sony"].type == "ORG"


def test_laws_amounts_and_half_tagged_names(nlp: Language) -> None:
    texts = [
        "The Member of Parliament (MP) voted for the Alabama Human Life Protection Act after Brexit.",
        "The prize of USD910 went to Didier Queloz and Michel Mayor of the University of Geneva.",
    ]
    entities = by_name(extract(nlp, texts))
    assert "Michel Mayor" in entities  # the model tagged only "Michel"
    assert entities["University of Geneva"].type == "ORG"
    assert not {"USD910", "Brexit", "MP", "Member of Parliament"} & set(entities)
    assert entities["Alabama Human Life Protection Act"].type == "LAW"  # a law, no organisation


def test_person_keeps_its_type_when_the_model_mistypes_the_surname(nlp: Language) -> None:
    texts = [
        "Donald Trump spoke in Ohio.",
        "Trump’s idea for a border wall is stupid, Calderon said.",
        "Trump’s aides disagreed, and Trump’s plan stayed.",
        "Jeb Bush-spent millions.",
    ]
    entities = by_name(extract(nlp, texts))
    assert entities["Donald Trump"].type == "PERSON"  # the model tagged each "Trump’s" ORG
    assert len(entities["Donald Trump"].mentions) == 4
    assert "Jeb Bush" in entities  # not "Jeb Bush-spent"
    assert "Kim Jong-un" in by_name(extract(nlp, ["He met Kim Jong-un."]))


def test_offices_and_modifiers_are_no_organisations(nlp: Language) -> None:
    texts = [
        "Roman Catholic Bishop Emeritus Dinualdo Gutierrez died, according to the Catholic Bishops' "
        "Conference of the Philippines (CBCP).",
        "Thousands joined the anti-Brexit march for Dinualdo Gutierrez, Bishop-Emeritus of Marbel.",
    ]
    entities = by_name(extract(nlp, texts))
    assert set(entities) == {"Dinualdo Gutierrez", "Catholic Bishops' Conference of the Philippines"}
    assert entities["Catholic Bishops' Conference of the Philippines"].aliases[-1] == "CBCP"
    assert entities["Catholic Bishops' Conference of the Philippines"].type == "ORG"


DIGITS_AS_LETTERS = str.maketrans("0123456789", "oabcdefghi")


def _people_text(nlp: Language, people: int) -> Doc:
    """`people` distinct people in one text, each "First Last met Last again." (a built
    Doc, no parse)."""
    words: list[str] = []
    spaces: list[bool] = []
    spans = []
    for number in range(people):
        letters = f"{number:04d}".translate(DIGITS_AS_LETTERS)  # a person's name has no figures
        first, last = f"Ann{letters}", f"Lee{letters}"
        at = len(words)
        words += [first, last, "met", last, "again", "."]
        spaces += [True, True, True, True, False, True]
        spans += [(at, at + 2), (at + 3, at + 4)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, start, end, label="PERSON") for start, end in spans]
    return doc


def test_many_distinct_names_stay_linear(nlp: Language) -> None:
    """3,000 people in one text: a quadratic merge took ~60 s. Four times the people must
    take well under sixteen times as long (the time of one size against another, so a
    busy machine slows both alike; no fixed limit in seconds)."""
    took = []
    for people in (750, 3000):
        doc = _people_text(nlp, people)
        began = time.process_time()
        entities = extract_entities(doc, [Paragraph(doc.text)], [0], AliasTable())
        took.append(time.process_time() - began)
        assert len(entities) == people and all(len(e.mentions) == 2 for e in entities)
    assert took[1] < 8 * took[0] + 0.5, took  # linear is about 4x; quadratic 16x
