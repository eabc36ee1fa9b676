"""How each quote's speaker was found (`speaker_from`) and how sure it is (`confidence`).

Fixture paragraphs written for these tests, one per route.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from store.confidence import confidence_of, reason, speaker_from, split_speaker_from
from store.models import Article
from store.person_names import strip_post_nominals

Extract = Callable[..., Article]


def graded(article: Article) -> list[tuple[str | None, str | None, str | None]]:
    return [(q.speaker, q.speaker_from, q.confidence) for q in article.quotes]


def test_a_cue_right_after_the_quote_with_a_named_subject_is_high(extract: Extract) -> None:
    article = extract("“The ferry will run again in May,” said Peter Novak, the harbour master.")
    assert graded(article) == [("Peter Novak", "cue-after", "high")]


def test_a_lead_in_cue_in_the_quote_s_sentence_is_high(extract: Extract) -> None:
    article = extract("Harbour master Peter Novak told reporters: “The ferry will run again in May.”")
    assert graded(article) == [("Peter Novak", "cue", "high")]


def test_a_pronoun_resolved_in_the_sentence_before_is_high(extract: Extract) -> None:
    article = extract("Peter Novak runs the harbour at Kilmory. “The ferry will run again in May,” he said.")
    assert graded(article) == [("Peter Novak", "cue-after-pronoun", "high")]


def test_a_pronoun_far_from_its_person_is_low(extract: Extract) -> None:
    article = extract(
        "Peter Novak has run the harbour at Kilmory since 2009. The port was closed in the winter. "
        "Storms damaged the pier twice. Repairs cost more than the council planned. "
        "“The ferry will run again in May,” he said."
    )
    assert graded(article) == [("Peter Novak", "cue-after-far-pronoun", "low")]
    assert reason("cue-after-far-pronoun").startswith("speaker from a pronoun two or more sentences")


def test_a_role_resolved_to_the_person_introduced_with_it_is_medium(extract: Extract) -> None:
    article = extract(
        "Transport minister Carla Jensen visited the harbour on Monday.",
        "“The ferry will run again in May,” said the minister.",
    )
    assert graded(article) == [("Carla Jensen", "cue-after-role", "medium")]


def test_a_later_quote_of_the_paragraph_carries_the_speaker_over_at_medium(extract: Extract) -> None:
    article = extract(
        "Peter Novak said: “The ferry will run again in May.” The pier has been rebuilt. "
        "Three boats wait in the bay. “We are ready for the summer.”"
    )
    assert graded(article) == [("Peter Novak", "cue", "high"), ("Peter Novak", "carried", "medium")]


def test_a_quote_after_its_speaker_s_cue_sentence_shares_that_cue(extract: Extract) -> None:
    article = extract("“The ferry will run again,” said Peter Novak. “We are ready for the summer.”")
    assert graded(article) == [("Peter Novak", "cue-after", "high")] * 2


def test_a_quote_continued_from_the_paragraph_before_keeps_its_grade(extract: Extract) -> None:
    article = extract(
        "Peter Novak said: “The ferry will run again in May. The pier has been rebuilt.",
        "“We are ready for the summer.”",
    )
    assert graded(article) == [("Peter Novak", "cue", "high"), ("Peter Novak", "continued", "high")]


def test_a_bare_quote_paragraph_takes_the_speaker_of_the_paragraph_before_at_medium(
    extract: Extract,
) -> None:
    article = extract(
        "Peter Novak said the harbour would reopen in the spring once the pier was rebuilt.",
        "“We are ready for the summer.”",
    )
    assert graded(article) == [("Peter Novak", "previous-paragraph", "medium")]


def test_a_speaker_introduced_a_sentence_before_is_low(extract: Extract) -> None:
    article = extract("Peter Novak spoke after the vote on Monday night. “This town deserves better.”")
    assert graded(article) == [("Peter Novak", "lead-in", "low")]
    assert reason("lead-in") == "speaker introduced by a speech verb a sentence or two before"


def test_a_partial_quote_takes_its_framing_verb_at_high(extract: Extract) -> None:
    article = extract("Peter Novak said the old pier was “a danger to every boat in the bay” last winter.")
    quote = article.quotes[0]
    assert (quote.partial, quote.speaker, quote.speaker_from, quote.confidence) == (
        True,
        "Peter Novak",
        "partial",
        "high",
    )


def test_a_name_before_a_colon_is_medium(extract: Extract) -> None:
    article = extract("Peter Novak: “The ferry will run again in May.”")
    assert graded(article) == [("Peter Novak", "colon", "medium")]


def test_a_cue_in_the_sentence_the_quote_runs_into_is_medium(extract: Extract) -> None:
    article = extract("“Will the ferry run again in May?” The harbour master Peter Novak asked the council.")
    assert graded(article) == [("Peter Novak", "next-sentence", "medium")]


def test_a_body_named_by_a_common_noun_is_high(extract: Extract) -> None:
    article = extract(
        "Brightwave Energy opened a plant in Kilmory on Monday. “We will hire 200 people,” the company said."
    )
    assert graded(article) == [("Brightwave Energy", "cue-after-body", "high")]


def test_a_group_is_medium(extract: Extract) -> None:
    article = extract(
        "Emma Clarke and Tom Reid opened a bakery in Kilmory last year. "
        "“We never expected such queues,” the couple said."
    )
    assert graded(article) == [("Emma Clarke and Tom Reid", "cue-after-group", "medium")]


def test_a_verb_of_thinking_a_sentence_before_is_low(extract: Extract) -> None:
    article = extract(
        "Peter Novak believes the harbour will recover. “The ferry will bring the visitors back.”"
    )
    assert graded(article) == [("Peter Novak", "reporting", "low")]


def test_a_quote_nobody_is_credited_with_has_no_grade(extract: Extract) -> None:
    article = extract("The sign on the pier read: “Closed until further notice.”")
    assert [(q.speaker_from, q.confidence) for q in article.quotes] == [(None, None)]


def test_post_nominal_letters_are_not_part_of_the_speaker(extract: Extract) -> None:
    article = extract(
        "“Buildings are for people, not for prizes,” said Dame Mirela Kostova DBE RA at the gala.",
        "Professor Alan Reid FRS, who chaired the jury, said: “It was a unanimous choice.”",
    )
    assert [q.speaker for q in article.quotes] == ["Mirela Kostova", "Alan Reid"]
    names = {e.name for e in article.entities}
    assert not any(name.endswith(("DBE RA", "FRS")) for name in names)


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("Dame Zaha Hadid DBE RA", "Dame Zaha Hadid"),
        ("Sarah Lund QC", "Sarah Lund"),
        ("Ann Lee, KC", "Ann Lee"),
        ("Mark Jones MP", "Mark Jones"),
        ("Alan Reid PhD", "Alan Reid"),
        ("Martin Luther King Jr.", "Martin Luther King Jr."),
        ("Henry Ford III", "Henry Ford III"),
        ("Jack Ma", "Jack Ma"),
        ("OBE", "OBE"),
    ],
)
def test_post_nominals_are_stripped_by_rule(name: str, cleaned: str) -> None:
    assert strip_post_nominals(name) == cleaned


def test_the_grading_rule() -> None:
    assert confidence_of("cue", "name") == "high"
    assert confidence_of("cue-after", "pronoun") == "high"
    assert confidence_of("cue-after", "role") == "medium"
    assert confidence_of("next-sentence", "name") == "medium"
    assert confidence_of("carried", "role") == "low"
    assert confidence_of("cue", "far-pronoun") == "low"
    assert confidence_of("lead-in", "name") == "low"
    assert confidence_of("hand") == "high"
    assert speaker_from("lead-in", "pronoun") == "lead-in-pronoun"
    assert split_speaker_from("previous-paragraph-far-pronoun") == ("previous-paragraph", "far-pronoun")
    assert split_speaker_from("cue-after") == ("cue-after", "name")
    assert split_speaker_from("guessed") is None
