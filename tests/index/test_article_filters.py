"""Article-level filters (title:), and queries that used to fail or mislead (issue 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from store.corpus import Corpus, open_corpus
from store.errors import StoreError
from store.hits import QueryError
from tests.index.conftest import FIXTURE_STORE, KERRY, LAVROV


def passages(corpus: Corpus, query: str) -> set[tuple[str, int]]:
    return {(hit.article_id, hit.paragraph) for hit in corpus.search(query, limit=200).hits}


def test_title_combines_with_a_passage_query(corpus: Corpus) -> None:
    found = passages(corpus, "title:Kerry negotiate")
    assert (KERRY, 4) in found  # "prepared to negotiate", in an article headlined "Kerry says ..."
    assert {article for article, _ in found} <= {KERRY, LAVROV}
    assert passages(corpus, "title:Kerry said") >= {(LAVROV, 2)}
    assert passages(corpus, "title:library said") <= {(a, p) for a, p in passages(corpus, "said")}
    # NOT and OR lift the same way: no passage of a ceasefire article
    assert all(article != LAVROV for article, _ in passages(corpus, "title:Kerry AND NOT title:ceasefire"))


def test_the_is_too_common(corpus: Corpus) -> None:
    with pytest.raises(QueryError, match="“the” is too common"):
        corpus.search("the")
    assert corpus.search("the ceasefire").total > 0  # a stop word beside a word is just dropped


@pytest.mark.parametrize(
    ("query", "message", "position"),
    [
        ("NOT NOT NOT", "NOT NOT at position 1", 0),
        ("kerry AND", "AND at position 7 has nothing after it", 6),
        ("OR kerry", "OR at position 1 has nothing before it", 0),
        ("kerry NOT", "NOT at position 7 has nothing to leave out", 6),
    ],
)
def test_dangling_operators(corpus: Corpus, query: str, message: str, position: int) -> None:
    with pytest.raises(QueryError) as raised:
        corpus.search(query)
    assert message in raised.value.message and raised.value.position == position


def test_unknown_type_lists_the_types(corpus: Corpus) -> None:
    with pytest.raises(StoreError, match="types in this store are GPE, ORG, PERSON"):
        corpus.entities("COMPANY")
    with pytest.raises(StoreError, match="COMPANY"):
        corpus.mentions("Kerry", type="COMPANY")
    assert corpus.entities("person")  # any case


@pytest.fixture
def undated(tmp_path: Path) -> Corpus:
    """The fixture store with every `published:` line taken out."""
    articles = tmp_path / "undated" / "articles"
    articles.mkdir(parents=True)
    for path in (FIXTURE_STORE / "articles").glob("*.yaml"):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        (articles / path.name).write_text(
            "".join(x for x in lines if not x.startswith("published:")), "utf-8"
        )
    corpus = open_corpus(articles.parent)
    corpus.ensure_index()
    return corpus


def test_undated_corpus_lists_articles_without_a_rebuild(undated: Corpus) -> None:
    report = undated.last_report
    headlines = undated.articles()
    assert len(headlines) == 5 and all(article.date is None for article in headlines)
    assert undated.last_report is report  # no rebuild: an undated corpus is not a corrupt one
    assert undated.dated_articles() == 0 and undated.stats().dated == 0
    assert not undated.search("").dated


def test_undated_corpus_says_so(undated: Corpus) -> None:
    with pytest.raises(QueryError, match="no article in this store has a date") as raised:
        undated.search("date:2005 kerry")
    assert raised.value.position == 0
    with pytest.raises(QueryError, match="no newest first"):
        undated.search("kerry", sort="date")


def test_empty_store_lists_nothing_without_error(tmp_path: Path) -> None:
    (tmp_path / "empty" / "articles").mkdir(parents=True)
    corpus = open_corpus(tmp_path / "empty")
    corpus.ensure_index()
    assert corpus.search("").total == 0
    assert corpus.quotes().total == 0
    assert corpus.articles() == []


def test_a_bug_is_not_taken_for_a_corrupt_index(corpus: Corpus, monkeypatch) -> None:
    report = corpus.last_report

    def broken(limit: int | None) -> list:
        raise KeyError("a bug, not damage")

    monkeypatch.setattr(corpus._reader, "newest_articles", broken)
    with pytest.raises(KeyError):
        corpus.articles()
    assert corpus.last_report is report  # nothing was rebuilt


def test_dated_store_copy_is_untouched(tmp_path: Path) -> None:
    copy = tmp_path / "store"
    shutil.copytree(FIXTURE_STORE, copy)
    assert open_corpus(copy).dated_articles() == 4


def test_the_cli_does_not_print_a_huge_passage_whole(tmp_path: Path, capsys) -> None:
    from store.models import Article, Paragraph
    from store.yamlio.save import save_article
    from tests.index.test_cli import run

    articles = tmp_path / "store" / "articles"
    articles.mkdir(parents=True)
    huge = "zanzibar " + "word " * 200_000  # a megabyte in one paragraph
    save_article(articles / "huge.yaml", Article("huge", "A huge paragraph", [Paragraph(huge)]))
    status, out, _ = run(capsys, "search", "zanzibar", "--data", str(tmp_path / "store"))
    assert status == 0 and len(out) < 5000
    assert "more characters; --json prints the whole passage" in out


def test_headlines_are_read_once_per_index_version(corpus: Corpus, store: Path, monkeypatch) -> None:
    first = corpus.articles()
    calls: list[int | None] = []
    newest = corpus._reader.newest_articles  # noqa: SLF001

    def counted(limit: int | None) -> list:
        calls.append(limit)
        return newest(limit)

    monkeypatch.setattr(corpus._reader, "newest_articles", counted)  # noqa: SLF001
    assert corpus.articles() == first and corpus.articles(limit=2) == first[:2] and not calls
    path = store / "articles" / f"{LAVROV}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Zanzibar ", 1), "utf-8")
    corpus.ensure_index()
    assert any(article.title.startswith("Zanzibar") for article in corpus.articles()) and calls
