"""`SearchResult.articles`: distinct articles among all matches, exact or None (never 0)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from store import corpus as corpus_module
from store.corpus import Corpus
from store.index import collect, search_page
from tests.index.conftest import HAMMOND, KERRY, LAVROV, replicated_corpus
from tui.cli import main

QUERIES = [
    "Assad",
    "Syria",
    "Kerry",
    "negot*",
    "speaker:kerry",
    '"Syrian president"',
    "kerry~",
    "Assad OR library",
]


def every_article(corpus: Corpus, query: str, sort: str) -> set[str]:
    result = corpus.search(query, sort=sort, limit=10_000)
    assert result.complete and len(result.hits) == result.total
    return {hit.article_id for hit in result.hits}


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_articles_counts_distinct_articles_of_every_match(corpus: Corpus, sort: str) -> None:
    for query in QUERIES:
        result = corpus.search(query, sort=sort, limit=1)  # counted over all matches, not the page
        assert result.total_exact
        assert result.articles == len(every_article(corpus, query, sort)), query
    assert corpus.search("Assad", sort=sort).articles == 2
    assert corpus.search("softens", sort=sort).articles == 1  # a standfirst passage
    assert corpus.search("zeppelin", sort=sort).articles == 0
    assert corpus.search("", sort=sort).articles == 5


def test_articles_stay_right_after_an_incremental_update(store: Path, corpus: Corpus) -> None:
    # the changed article's passages are deleted and re-added at the end of the index
    path = store / "articles" / f"{HAMMOND}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("softens", "soft-pedals"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    (store / "articles" / f"{LAVROV}.yaml").unlink()
    report = corpus.ensure_index()
    assert report.updated == 1 and report.removed == 1 and not report.rebuilt
    for query in QUERIES:
        for sort in ("relevance", "date"):
            assert corpus.search(query, sort=sort).articles == len(every_article(corpus, query, sort))
    assert every_article(corpus, "Assad", "date") == {KERRY, HAMMOND}
    assert corpus.search("pedals").articles == 1


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The fixture store replicated to 60 articles."""
    return replicated_corpus(tmp_path_factory, 60, "count")


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_articles_of_a_broad_search(big: Corpus, sort: str) -> None:
    result = big.search("Syria", sort=sort)
    assert result.complete and result.total_exact
    assert result.articles == len(every_article(big, "Syria", sort)) > 20


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_a_search_cut_short_leaves_articles_unknown(big: Corpus, monkeypatch, sort: str) -> None:
    monkeypatch.setattr(corpus_module, "SEARCH_BUDGET_S", 0.0)
    monkeypatch.setattr(collect, "CHECK_EVERY", 1)
    result = big.search("Syria", sort=sort)
    assert not result.complete
    assert result.articles is None


def test_search_json_says_articles_or_null(store: Path, capsys, monkeypatch) -> None:
    # the exact count is taken when the search was quick: not a matter of timing here
    monkeypatch.setattr(search_page, "COUNT_IF_UNDER_S", 60.0)
    assert main(["search", "Assad", "--json", "--data", str(store)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["articles"] == 2 and document["total"] == 12
    assert main(["search", "Assad", "--data", str(store)]) == 0
    assert capsys.readouterr().out.startswith("12 passages match 'Assad' in 2 articles")
    monkeypatch.setattr(corpus_module, "SEARCH_BUDGET_S", 0.0)
    # with no time at all, an OR reads its first word only: cut short, no article count
    # (a single word of this small store has one posting block per segment: complete)
    assert main(["search", "Assad OR Kerry", "--json", "--data", str(store)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["complete"] is False
    assert "articles" in document and document["articles"] is None
