"""The "Check speakers" list, read from stored passage fields."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from store.index.review import quotes_to_check


def test_a_quote_whose_speaker_was_set_by_hand_is_not_listed_again() -> None:
    passage: dict[str, Any] = {
        "article_id": "a",
        "paragraph": 2,
        "text": "“Later,” one said. “Never,” said another.",
        # [speaker, start, end, cue] and, when set, [partial, speaker set by hand]
        "quotes": [[None, 1, 7, None, True, False], [None, 20, 26, None, False, True]],
    }
    listed = quotes_to_check([passage], registry=None, limit=10)  # type: ignore[arg-type]
    assert [(q.start, q.reason, q.partial) for q in listed] == [(1, "no speaker", True)]


def test_a_low_confidence_speaker_is_listed_with_how_it_was_found() -> None:
    registry = SimpleNamespace(speaker_entity=lambda name: None)  # every speaker a person
    passage: dict[str, Any] = {
        "article_id": "a",
        "paragraph": 0,
        "text": "“Soon,” she said. “Later,” he said. “Never,” said Ann Lee. “Now,” said Tom Bell.",
        "quotes": [
            [None, 1, 6, "said", False, False, None, None],
            ["Ann Lee", 19, 25, "said", False, False, "low", "cue-after-far-pronoun"],
            ["Ann Lee", 37, 43, "said", False, False, "high", "cue-after"],
            ["Tom Bell", 60, 64, "said", False, False, "low", None],  # graded by hand, no route
        ],
    }
    listed = quotes_to_check([passage], registry=registry, limit=10)  # type: ignore[arg-type]
    assert [(q.start, q.kind, q.reason) for q in listed] == [
        (1, "none", "no speaker"),
        (
            19,
            "low",
            "low confidence: speaker from a pronoun two or more sentences back, "
            "by a speech verb right after the quote",
        ),
        (60, "low", "low confidence"),
    ]
    low = quotes_to_check([passage], registry=registry, limit=10, kinds=["low"])  # type: ignore[arg-type]
    assert [q.start for q in low] == [19, 60]
