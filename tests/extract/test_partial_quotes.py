"""Partial quotes, the narrator's scare quotes, titles after a possessive, and pronoun speakers.

Every paragraph is written for these tests (none is taken from a corpus).
"""

from __future__ import annotations

from collections.abc import Callable

from store.models import Article
from tests.extract.conftest import speakers

Extract = Callable[..., Article]


def _quotes(article: Article) -> list[tuple[str, str | None, bool]]:
    return [(q.text, q.speaker, q.partial) for q in article.quotes]


def test_fragment_inside_reported_speech_is_a_partial_quote_of_the_speaker(extract: Extract) -> None:
    article = extract(
        "Harbour master Peter Novak said on Monday that the plan to dredge the bay was "
        "“dead in the water” after the council cut its budget."
    )
    assert _quotes(article) == [("dead in the water", "Peter Novak", True)]


def test_a_phrase_someone_called_it_is_partial(extract: Extract) -> None:
    article = extract(
        "Mayor Ruth Okafor called the new ferry timetable “an insult to every commuter” and asked "
        "the operator to think again."
    )
    assert _quotes(article) == [("an insult to every commuter", "Ruth Okafor", True)]


def test_a_whole_clause_a_speaker_reports_is_not_partial(extract: Extract) -> None:
    article = extract(
        "Peter Novak said that “the harbour will open again next week and the ferries will run as before.”",
        "Ruth Okafor told reporters: “We have waited long enough for this bridge.”",
    )
    assert _quotes(article) == [
        ("the harbour will open again next week and the ferries will run as before.", "Peter Novak", False),
        ("We have waited long enough for this bridge.", "Ruth Okafor", False),
    ]


def test_a_clause_joined_to_reported_speech_is_partial(extract: Extract) -> None:
    article = extract(
        "Peter Novak said the port could not reopen this year “but the ferries will run again in the "
        "spring”, and left without taking questions."
    )
    assert _quotes(article) == [("but the ferries will run again in the spring", "Peter Novak", True)]


def test_according_to_frames_a_fragment(extract: Extract) -> None:
    article = extract(
        "According to the Harbour Trust, the risk of flooding in the old town is “far too high for comfort” "
        "this winter."
    )
    assert _quotes(article) == [("far too high for comfort", "Harbour Trust", True)]


def test_scare_quote_in_the_narrators_own_sentence_is_not_a_quote(extract: Extract) -> None:
    article = extract(
        "The visitors were shown into “a tidy room with a view of the harbour” to wait for the "
        "minister, who arrived an hour late.",
        "Analysts call this a case of “weak demand for new housing” in the region.",
    )
    assert [q.text for q in article.quotes] == ["weak demand for new housing"]
    assert article.quotes[0].partial  # analysts are someone: their words, in part


def test_term_named_by_nobody_is_not_a_quote(extract: Extract) -> None:
    article = extract(
        "The drop is caused by a pattern known to pollsters and often called “differential turnout.” "
        "It has been described as a “silent majority” in several countries. The so-called “rapid "
        "response” teams reported to the mayor."
    )
    assert article.quotes == []


def test_a_show_after_a_possessive_is_a_title_not_speech(extract: Extract) -> None:
    article = extract(
        "Kim Adler, star of the network’s “Harbour Lights,” thanked the crew for “keeping every one "
        "of us safe on the set all year.”"
    )
    assert [q.text for q in article.quotes] == ["keeping every one of us safe on the set all year."]


def test_a_pronoun_after_a_her_that_points_back_is_not_a_later_name(extract: Extract) -> None:
    article = extract(
        "The actress Maria Lopez spoke to reporters after the premiere in Rome.",
        "Asked about her next film if Joan Pelling directs it, she replied: “I have not decided yet.”",
    )
    assert speakers(article) == ["Maria Lopez"]


def test_one_pronoun_in_a_reported_clause_does_not_outvote_a_first_name(extract: Extract) -> None:
    article = extract(
        "Donald Pratt mocked the record of the front-runner, saying she would be a weak mayor.",
        "Ruth Okafor did not reply on Friday.",
        "“I am the only one who can fix the harbour,” he said.",
    )
    assert speakers(article) == ["Donald Pratt"]


def test_the_agent_of_a_passive_naming_verb_is_the_speaker(extract: Extract) -> None:
    article = extract(
        "Harbour master Peter Novak spoke after the vote. The new budget was described by Novak as "
        "“a lifeline for the fleet”, and he thanked the council."
    )
    assert _quotes(article) == [("a lifeline for the fleet", "Peter Novak", True)]
