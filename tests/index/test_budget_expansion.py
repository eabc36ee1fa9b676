"""Prefixes, wildcards and ranges are expanded within the search's time budget, and a
search the caller gave up on stops."""

from __future__ import annotations

import pytest

from store import corpus as corpus_module
from store.corpus import Corpus
from store.index import collect, expand
from tests.index.conftest import KERRY, replicated_corpus


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return replicated_corpus(tmp_path_factory, 60, "expansion")


MANY_PREFIXES = " OR ".join(f"{a}{b}*" for a in "abcdefghst" for b in "aeiou")


def test_prefixes_are_complete_when_there_is_time(big: Corpus, monkeypatch) -> None:
    monkeypatch.setattr(corpus_module, "SEARCH_BUDGET_S", 60.0)  # a busy test machine is slow
    result = big.search(MANY_PREFIXES)
    assert result.complete and result.total > 0
    everything = big.search("[a TO z]")
    assert everything.complete and everything.total > 0


def test_a_prefix_of_a_few_words_is_scored_and_highlighted(corpus: Corpus) -> None:
    hits = corpus.search("negot*").hits
    assert hits and hits[0].highlights and hits[0].score > 0
    assert any(hit.article_id == KERRY for hit in hits)


def test_expansion_stops_at_the_budget_and_says_so(big: Corpus, monkeypatch) -> None:
    monkeypatch.setattr(corpus_module, "SEARCH_BUDGET_S", 0.0)
    monkeypatch.setattr(collect, "CHECK_EVERY", 1)
    monkeypatch.setattr(expand, "CHECK_EVERY", 1)
    for query in (MANY_PREFIXES, "[a TO z]", "sa*"):
        result = big.search(query)
        assert not result.complete, query
        assert result.hits, query  # what was read before the clock ran out is shown


def test_a_search_the_caller_gave_up_on_stops(big: Corpus) -> None:
    full = big.search("Syria")
    assert full.complete
    given_up = big.search("Syria", stop=lambda: True)
    assert not given_up.complete and len(given_up.hits) <= full.total
