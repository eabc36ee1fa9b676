"""The entity jump: every passage mentioning an entity, in date order, with offsets."""

from __future__ import annotations

import pytest

from store.corpus import Corpus
from store.hits import UnknownEntity
from tests.index.conftest import HAMMOND, KERRY, LAVROV


def test_jump_lists_every_mention_in_date_then_paragraph_order(corpus: Corpus) -> None:
    page = corpus.mentions("John Kerry")
    assert page.entity.name == "John Kerry" and page.entity.type == "PERSON"
    assert "Kerry" in page.entity.aliases
    order = [(p.date, p.article_id, p.paragraph) for p in page.passages]
    assert order == sorted(order)
    assert [p.article_id for p in page.passages][0] == KERRY
    assert {p.article_id for p in page.passages} == {KERRY, HAMMOND, LAVROV}
    assert page.articles == 3
    # 6 + 2 + 3 paragraphs in the fixture mention him, and two headlines
    assert page.total == len(page.passages) == 13
    assert [p.paragraph for p in page.passages if p.article_id == KERRY][0] == -1  # the headline first


def test_mention_offsets_point_at_the_name(corpus: Corpus) -> None:
    for passage in corpus.mentions("Kerry").passages:
        assert passage.mentions
        for start, end in passage.mentions:
            assert passage.text[start:end] in ("John Kerry", "Kerry")
    two = [p for p in corpus.mentions("Kerry").passages if p.article_id == HAMMOND and p.paragraph == 2][0]
    assert len(two.mentions) == 2


def test_any_alias_and_any_case_finds_the_entity(corpus: Corpus) -> None:
    assert corpus.mentions("kerry").entity.name == "John Kerry"
    assert corpus.mentions("ISIL").entity.name == "Islamic State of Iraq and the Levant"
    assert corpus.mentions("Britain").entity.name == "United Kingdom"


def test_paging(corpus: Corpus) -> None:
    everything = [(p.article_id, p.paragraph) for p in corpus.mentions("Syria", limit=100).passages]
    page = corpus.mentions("Syria", offset=3, limit=4)
    assert [(p.article_id, p.paragraph) for p in page.passages] == everything[3:7]
    assert page.total == len(everything) and page.offset == 3


def test_type_narrows_the_entity(corpus: Corpus) -> None:
    assert corpus.mentions("Syria", type="GPE").entity.type == "GPE"
    with pytest.raises(UnknownEntity):
        corpus.mentions("Syria", type="PERSON")


def test_unknown_name_suggests_close_ones(corpus: Corpus) -> None:
    with pytest.raises(UnknownEntity) as caught:
        corpus.mentions("Kery")
    assert "John Kerry" in caught.value.suggestions
    assert "did you mean" in str(caught.value)
