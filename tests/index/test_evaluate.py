"""Ranking on whole posting arrays (store.index.evaluate) gives the exact top 20.

The exact answer: Whoosh's own matcher tree stepped through every match (`id`,
`score`, `next`), sorted by score, then docnum. The arrays (what searches use) must
give the same documents in the same order with the same scores, float for float.
Whoosh's collector with block-quality skipping (what searches used before, and still
use past the time budget) gives it for single words, but not for every compound
query: the arrays are compared with it where it is exact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh import query as wq

from store.corpus import Corpus
from store.index import collect
from store.index.collect import matching_docnums
from store.index.expand import Budget
from store.index.searcher import PassageSearcher
from store.index.segment import PassageSegmentWriter
from tests.index.conftest import replicated_corpus
from tests.index.stock_vs_ours import QUERIES, build

T = lambda word, boost=1.0: wq.Term("text", word, boost=boost)  # noqa: E731

MORE: dict[str, wq.Query] = {
    "or3": wq.Or([T("rare"), T("mid"), T("odd")]),  # a tree of unions: sums in its order
    "or5_boosted": wq.Or([T("rare", 2.0), T("mid"), T("odd", 0.7), T("level"), T("w5", 3.0)]),
    "and_or": wq.And([T("common"), wq.Or([T("rare"), T("level")])]),
    "or_not": wq.And([wq.Or([T("mid"), T("seventh")]), wq.Not(T("odd"))]),
    "boosted_group": wq.Or([T("mid"), T("rare")], boost=1.7),
    "missing": wq.Or([T("nowhere"), T("rare")]),
    "nothing": T("nowhere"),
    "require": wq.Require(T("odd"), T("mid")),
    "pure_not": wq.Not(T("odd")),
    "not_in_and": wq.And([T("mid"), wq.Not(T("level"))]),
}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """tests/index/stock_vs_ours.py's index: 3,000 passages, two segments, deletions,
    weights that tie at the best score."""
    folder = tmp_path_factory.mktemp("evaluate")
    build(folder, PassageSegmentWriter)
    searcher = PassageSearcher(folder)
    yield searcher.get()
    searcher.close()


def exhaustive(searcher: Any, q: wq.Query, limit: int = 20) -> tuple[list[int], list[float]]:
    """Every match of Whoosh's matcher tree, stepped through, best first."""
    found = []
    for sub, offset in searcher.leaf_searchers():
        matcher = q.matcher(sub, searcher.context())
        while matcher.is_active():
            found.append((-matcher.score(), matcher.id() + offset))
            matcher.next()
    found.sort()
    return [docnum for _, docnum in found[:limit]], [-score for score, _ in found[:limit]]


def arrays(searcher: Any, q: wq.Query, starts: Any = None) -> collect.Collected:
    return collect._top_by_arrays(searcher, q, 20, Budget(600.0), starts)  # noqa: SLF001


def collector(searcher: Any, q: wq.Query, starts: Any = None) -> collect.Collected:
    return collect._top_by_collector(searcher, q, 20, Budget(600.0), starts)  # noqa: SLF001


ALL = {**QUERIES, **MORE}
COLLECTOR_INEXACT = {"and_or", "boosted_group", "or_not"}
"""Where Whoosh's skipping collector misses part of the exact top 20."""


@pytest.mark.parametrize("name", sorted(ALL))
def test_arrays_give_the_exact_ranking(synthetic: Any, name: str) -> None:
    q = ALL[name]
    found = arrays(synthetic, q)
    assert (found.docnums, found.scores) == exhaustive(synthetic, q)  # scores bit for bit
    assert found.complete and found.exact_count == len(list(matching_docnums(synthetic, q)))


@pytest.mark.parametrize("name", sorted(ALL))
def test_whoosh_collector_agrees_where_it_is_exact(synthetic: Any, name: str) -> None:
    q = ALL[name]
    found, skipping = arrays(synthetic, q), collector(synthetic, q)
    same = (found.docnums, found.scores) == (skipping.docnums, skipping.scores)
    assert same == (name not in COLLECTOR_INEXACT)


def test_ties_at_the_best_score_keep_the_lowest_docnums(synthetic: Any) -> None:
    found = arrays(synthetic, T("level"))  # hundreds of passages tie at the best score
    assert len(set(found.scores)) == 1
    assert found.docnums == sorted(found.docnums)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return replicated_corpus(tmp_path_factory, 60, "evaluate-news")


QUERY_TEXTS = [
    "Syria",
    "Kerry Assad",
    "Kerry OR library",
    "Assad -Kerry",
    "Syria NOT ceasefire",
    '"Bashar al-Assad"',
    "negot*",
    "ceasfire~",
    "title:Kerry Syria",
    "date:2015 Assad",
    "date:[2015-01 to 2015-12] Syria",
    "kind:quote Assad",
    'entity:"John Kerry"',
    "speaker:kerry",
    "(Kerry OR Hammond) AND (transition OR ceasefire)",
]


@pytest.mark.parametrize("text", QUERY_TEXTS)
def test_parsed_queries_get_the_exact_ranking(news: Corpus, text: str) -> None:
    searcher = news._searcher()  # noqa: SLF001 - ranking on the corpus's own searcher
    starts = news._reader.article_starts()  # noqa: SLF001
    parse = lambda: news._parse(text, Budget(600.0))  # noqa: E731, SLF001
    found = arrays(searcher, parse(), starts)
    assert found.docnums, text  # every query of the mix finds something
    assert (found.docnums, found.scores) == exhaustive(searcher, parse())
    exact = collect.count_matches(matching_docnums(searcher, parse()), starts)
    assert (found.exact_count, found.articles) == exact


def test_search_results_are_complete_with_exact_counts(news: Corpus) -> None:
    result = news.search("Kerry OR library")
    assert result.complete and result.total_exact


def test_past_the_budget_only_the_first_word_is_read(synthetic: Any) -> None:
    q = wq.Or([T("rare"), T("common")])
    for budget in (Budget(0.0), Budget(600.0, stop=lambda: True)):  # the clock, or the caller
        found = collect.top_by_score(synthetic, q, 20, budget)
        assert not found.complete and found.exact_count is None
        assert found.docnums == exhaustive(synthetic, T("rare"))[0]


def test_a_single_word_past_the_budget_is_the_best_examined(synthetic: Any) -> None:
    found = collect.top_by_score(synthetic, T("common"), 20, Budget(0.0))  # Whoosh's collector
    assert not found.complete and found.docnums


WORDS = {
    "common": T("common"),
    "level": T("level"),  # hundreds tie at the best score
    "rare": T("rare"),
    "boosted": T("mid", 2.5),
    "odd": T("odd", 0.3),
    "entity": wq.Term("entity", "PERSON\x1fAda"),
    "nowhere": T("nowhere"),
}


@pytest.mark.parametrize("name", sorted(WORDS))
def test_a_word_skips_blocks_and_still_gets_the_exact_ranking(synthetic: Any, name: str) -> None:
    q = WORDS[name]
    found = collect.top_by_score(synthetic, q, 20, Budget(600.0))
    assert found.complete and found.exact_count is None  # blocks were skipped: counted apart
    assert (found.docnums, found.scores) == exhaustive(synthetic, q)
    for limit in (1, 7, 300):
        found = collect.top_by_score(synthetic, q, limit, Budget(600.0))
        assert (found.docnums, found.scores) == exhaustive(synthetic, q, limit)


def test_a_word_missing_from_a_segment_is_still_ranked_a_block_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, PassageSegmentWriter)
    ix = whoosh_index.open_dir(str(tmp_path))
    writer = PassageSegmentWriter(ix)  # a third segment without "common" (an incremental update)
    writer.add_document(article_id="late", paragraph=0, kind="text", text="lonely words", date=740_000)
    writer.commit(merge=False)
    searcher = PassageSearcher(tmp_path)
    monkeypatch.setattr(collect, "_top_by_collector", None)  # Whoosh's collector is not needed
    found = collect.top_by_score(searcher.get(), T("common"), 20, Budget(600.0))
    assert found.complete and (found.docnums, found.scores) == exhaustive(searcher.get(), T("common"))
    searcher.close()


def test_every_match_of_a_word_in_one_ranking(synthetic: Any) -> None:
    """An export asks for every match (limit = every document): one ranking at the end."""
    everything = synthetic.doc_count_all()
    found = collect.top_by_score(synthetic, T("common"), everything, Budget(600.0))
    assert (found.docnums, found.scores) == exhaustive(synthetic, T("common"), everything)
    assert len(found.docnums) == len(list(matching_docnums(synthetic, T("common"))))  # live ones
