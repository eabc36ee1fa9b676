"""Broad searches stop at a time budget and say so; the newest articles come first."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.replicate import load_templates, write_store
from store import corpus as corpus_module
from store.corpus import Corpus
from store.index import collect
from tests.index.conftest import FIXTURE_STORE, replicated_corpus


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The fixture store replicated to 150 articles (dates shifted back per round)."""
    return replicated_corpus(tmp_path_factory, 150, "big")


def test_unhurried_search_is_complete_and_exact(big: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus_module, "SEARCH_BUDGET_S", 60.0)  # unhurried even on a busy machine
    result = big.search("Syria")
    assert result.complete and result.total_exact
    assert result.total == len(big.search("Syria", limit=1000).hits)


def test_budget_cuts_a_broad_search_short_and_says_so(big: Corpus, monkeypatch) -> None:
    full = big.search("Syria", limit=1000).total
    monkeypatch.setattr(corpus_module, "SEARCH_BUDGET_S", 0.0)
    monkeypatch.setattr(collect, "CHECK_EVERY", 1)
    result = big.search("Syria")
    assert not result.complete and not result.total_exact
    assert result.hits  # the best among what was examined
    assert result.total >= full  # an estimate, never below the truth for one word


def test_cut_short_date_search_returns_the_newest(big: Corpus, monkeypatch) -> None:
    newest = big.search("Syria", sort="date", limit=5)
    monkeypatch.setattr(corpus_module, "SEARCH_BUDGET_S", 0.0)
    monkeypatch.setattr(collect, "CHECK_EVERY", 1)
    cut = big.search("Syria", sort="date", limit=5)
    assert not cut.complete
    # articles are indexed newest first, so even one document examined is the newest one
    assert cut.hits[0].date == newest.hits[0].date


def test_index_order_is_newest_first(big: Corpus) -> None:
    searcher = big._searcher()  # noqa: SLF001 - the order is what the budget relies on
    dates = [searcher.stored_fields(docnum).get("published") for docnum in range(0, 200, 20)]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)


def test_replicated_store_keeps_dates_in_ids(tmp_path: Path) -> None:
    write_store(load_templates(FIXTURE_STORE), 12, tmp_path)
    names = sorted(p.name for p in (tmp_path / "articles").iterdir())
    assert names[0].startswith("2015-09-1") and len(names) == 12


def test_reading_the_names_is_not_the_querys_time(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process's first `speaker:` query reads the entity registry; a slow read (a big
    corpus, a busy machine) must not leave the AND no time for its second word."""
    from store.corpus import open_corpus
    from store.index import registry as registry_module

    slow = registry_module.EntityRegistry.__init__

    def slow_read(self, *args, **kwargs) -> None:
        time.sleep(corpus_module.SEARCH_BUDGET_S * 2)
        slow(self, *args, **kwargs)

    monkeypatch.setattr(registry_module.EntityRegistry, "__init__", slow_read)
    corpus = open_corpus(store)
    corpus.ensure_index()
    result = corpus.search("speaker:Kerry negotiate")
    corpus.close()
    assert result.complete and [h.paragraph for h in result.hits] == [4, 3]  # ¶5 and ¶4
