"""What extraction writes passes `check`: never the same (name, type) twice."""

from __future__ import annotations

from store.extract import merge_duplicate_entities
from store.models import Entity, Mention


def test_two_groups_with_one_canonical_name_become_one_entity() -> None:
    entities = [
        Entity("Office", "WORK_OF_ART", ["The Office"], [Mention(0, 0, 10), Mention(2, 4, 14)]),
        Entity("BBC", "ORG", ["BBC"], [Mention(0, 30, 33)]),
        Entity("Office", "WORK_OF_ART", ["Office", "The Office"], [Mention(1, 8, 14), Mention(0, 0, 10)]),
        Entity("Office", "ORG", ["Office"], [Mention(3, 0, 6)]),  # another type: another entity
    ]
    merged = merge_duplicate_entities(entities)
    assert [(e.name, e.type) for e in merged] == [
        ("Office", "WORK_OF_ART"),
        ("BBC", "ORG"),
        ("Office", "ORG"),
    ]
    office = merged[0]
    assert office.aliases == ["The Office", "Office"]
    assert office.mentions == [Mention(0, 0, 10), Mention(1, 8, 14), Mention(2, 4, 14)]
    assert entities[0].aliases == ["The Office"]  # the input is left as it was
