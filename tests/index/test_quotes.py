"""Quotes across the corpus, by speaker through any alias, paged by quote."""

from __future__ import annotations

import pytest

from store.corpus import Corpus
from store.hits import UnknownEntity
from tests.index.conftest import KERRY, LAVROV


def test_all_quotes_in_date_order_with_text_from_offsets(corpus: Corpus) -> None:
    page = corpus.quotes(limit=100)
    assert page.speaker is None
    assert page.total == len(page.quotes) == 14
    dated = [q.date for q in page.quotes if q.date]
    assert dated == sorted(dated)
    first = page.quotes[0]
    assert first.article_id == KERRY and first.text.startswith("We need to get to the negotiation")
    assert first.speaker == "John Kerry" and first.cue == "said"


def test_quotes_by_speaker_through_an_alias(corpus: Corpus) -> None:
    page = corpus.quotes("Kerry")
    assert page.speaker is not None and page.speaker.name == "John Kerry"
    assert page.total == 6
    assert {q.speaker for q in page.quotes} == {"John Kerry"}
    assert [q.article_id for q in page.quotes][-2:] == [LAVROV, LAVROV]


def test_paging_counts_quotes_not_passages(corpus: Corpus) -> None:
    everything = [(q.article_id, q.start) for q in corpus.quotes(limit=100).quotes]
    for offset in range(0, 14, 3):
        page = corpus.quotes(offset=offset, limit=3)
        assert [(q.article_id, q.start) for q in page.quotes] == everything[offset : offset + 3]
    # a passage with two Kerry quotes split across pages
    kerry = [(q.article_id, q.start) for q in corpus.quotes("Kerry", limit=100).quotes]
    assert [(q.article_id, q.start) for q in corpus.quotes("Kerry", offset=5, limit=5).quotes] == kerry[5:]


def test_unknown_speaker(corpus: Corpus) -> None:
    with pytest.raises(UnknownEntity):
        corpus.quotes("Nobody At All")
