"""bench.speaker_routes: quotes matched to gold ones and counted by how their speaker was found."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bench.speaker_routes import tally


class _Located:
    """The scorer's text locator, reduced to a plain search (the fixture needs no normalising)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def find(self, needle: str) -> tuple[int, int] | None:
        at = self.text.find(needle)
        return None if at < 0 or not needle else (at, at + len(needle))


SCORE = SimpleNamespace(
    Located=_Located,
    overlap=lambda a, b: max(0, min(a[1], b[1]) - max(a[0], b[0])),
    is_named=lambda speaker: bool(speaker) and speaker[0].isupper() and speaker.lower() not in ("he", "she"),
    same_person=lambda gold, pred: bool(pred) and gold.split()[-1] in pred.split(),
)


def test_each_route_counts_its_right_and_wrong_speakers() -> None:
    text = "“One,” said Ann Lee. “Two,” he said. “Three,” she added. “Four.”"
    gold: dict[str, Any] = {
        "id": "a",
        "text": text,
        "quotes": [
            {"start": 1, "end": 5, "speaker": "Ann Lee"},
            {"start": text.index("Two"), "end": text.index("Two") + 4, "speaker": "he"},
            {"start": text.index("Three"), "end": text.index("Three") + 6, "speaker": "Ann Lee"},
        ],
    }
    pred = {
        "quotes": [
            {"text": "One,", "speaker": "Ann Lee", "speaker_from": "cue-after", "confidence": "high"},
            {
                "text": "Two,",
                "speaker": "Tom Bell",
                "speaker_from": "cue-after-pronoun",
                "confidence": "high",
            },
            {
                "text": "Three,",
                "speaker": "Tom Bell",
                "speaker_from": "cue-after-far-pronoun",
                "confidence": "low",
            },
            {"text": "Four.", "speaker": None, "speaker_from": None, "confidence": None},
        ]
    }
    resolved = {("a", text.index("Two")): "Tom Bell"}
    table = tally(SCORE, [gold], [pred], resolved)  # type: ignore[arg-type]
    assert table["cue-after [high]"] == [1, 1, 0, 0, 1]
    assert table["cue-after-pronoun [high]"] == [0, 0, 1, 1, 1]  # a pronoun in gold: scored as resolved
    assert table["cue-after-far-pronoun [low]"] == [1, 0, 0, 0, 1]
    assert "(no speaker)" not in table  # "Four." is no gold quote
