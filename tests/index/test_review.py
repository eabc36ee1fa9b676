"""The "Check speakers" list, read from stored passage fields."""

from __future__ import annotations

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
