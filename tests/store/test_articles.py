"""The article store: listing, loading (a broken file is skipped and reported),
saving atomically, round trips, and a hand-edited file kept as the person wrote it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from store.articles import ArticleStore
from store.errors import ArticleFileError
from store.models import Article, Paragraph, Quote
from store.yamlio.dump import dump_article, top_level_keys

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def good_store(tmp_path: Path) -> ArticleStore:
    shutil.copytree(FIXTURES / "store" / "articles", tmp_path / "articles")
    return ArticleStore(tmp_path)


@pytest.fixture
def broken_store(tmp_path: Path) -> ArticleStore:
    shutil.copytree(FIXTURES / "store-with-errors" / "articles", tmp_path / "articles")
    return ArticleStore(tmp_path)


def test_files_are_listed_in_order_without_temp_files(good_store: ArticleStore) -> None:
    (good_store.articles_dir / ".kerry.yaml.abc123.tmp").write_text("half an artic", encoding="utf-8")
    (good_store.articles_dir / ".hidden.yaml").write_text("id: x", encoding="utf-8")
    (good_store.articles_dir / "notes.txt").write_text("not an article", encoding="utf-8")
    names = [p.name for p in good_store.files()]
    assert names == sorted(names) and len(names) == 5
    assert all(n.endswith(".yaml") and not n.startswith(".") for n in names)


def test_load_all_skips_a_broken_file_and_reports_it(broken_store: ArticleStore) -> None:
    articles, problems = broken_store.load_all()
    assert sorted(a.id for a in articles) == [
        "2016-02-12-kerry-and-lavrov-agree-plan-for-syria-ceasefire",
        "town-council-approves-new-library",
    ]
    assert sorted(p.path.name for p in problems) == [
        "2019-03-01-editors-warn-about-markup-in-copy.yaml",
        "broken-yaml.yaml",
    ]
    assert all(p.line for p in problems)


def test_load_one_by_id(good_store: ArticleStore) -> None:
    article = good_store.load("town-council-approves-new-library")
    assert article.title == "Town council approves new library"
    with pytest.raises(ArticleFileError):
        good_store.load("no-such-article")


def test_round_trip_load_save_load(good_store: ArticleStore) -> None:
    for path in good_store.files():
        first = good_store.load(path.stem)
        good_store.save(first)
        assert good_store.load(path.stem) == first


def test_saving_an_unchanged_article_does_not_rewrite_it(good_store: ArticleStore) -> None:
    article = good_store.load("town-council-approves-new-library")
    path = good_store.path_for(article.id)
    os.utime(path, ns=(1, 1))
    assert good_store.save(article) is False
    assert path.stat().st_mtime_ns == 1


HAND_EDITED = """\
# my notes on this article
title: Town council approves new library
id: town-council-approves-new-library
paragraphs:
- text: The town council of Springfield approved a new library on Tuesday after a long debate.
- text: “Books are still the best investment a town can make,” said councillor Mary Smith.
source: Springfield Gazette
quotes:
- speaker: No
  text: Books are still the best investment a town can make,
  paragraph: 1
  start: 1
  end: 53
  cue: said
entities: []
"""


def test_a_hand_edited_file_keeps_its_key_order_when_saved(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    path = store.articles_dir / "town-council-approves-new-library.yaml"
    path.parent.mkdir()
    path.write_text(HAND_EDITED, encoding="utf-8")
    article = store.load("town-council-approves-new-library")
    assert article.quotes[0].speaker == "No"  # YAML 1.1 would say False
    article.quotes[0].speaker = "Mary Smith"
    article.standfirst = "A new standfirst."
    assert store.save(article)
    saved = path.read_text(encoding="utf-8")
    assert top_level_keys(saved) == [
        "title",
        "standfirst",
        "id",
        "paragraphs",
        "source",
        "quotes",
        "entities",
    ]  # fmt: skip  (a new key goes after its usual predecessor: standfirst after title)
    assert store.load(article.id) == article
    # the comment is the one thing a save cannot keep
    assert "# my notes" not in saved


def test_a_fresh_save_uses_the_documented_order(tmp_path: Path) -> None:
    article = Article(
        id="a", title="T", paragraphs=[Paragraph("p")], source="S", published="2020-01-01",
        imported_from="x.txt", source_digest="sha256:1",
    )  # fmt: skip
    assert top_level_keys(dump_article(article)) == [
        "id", "title", "source", "published", "paragraphs", "quotes", "entities",
        "imported_from", "source_digest",
    ]  # fmt: skip


def test_a_crash_while_saving_leaves_the_old_file(
    good_store: ArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = good_store.load("town-council-approves-new-library")
    path = good_store.path_for(article.id)
    before = path.read_bytes()
    article.title = "Changed"

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        good_store.save(article)
    assert path.read_bytes() == before
    assert [p.name for p in good_store.articles_dir.iterdir() if p.name.startswith(".")] == []


def test_long_ids_and_urls_stay_on_their_key_line(tmp_path: Path) -> None:
    article = Article(
        id="2015-09-19-kerry-says-syria-s-assad-must-go-but-timing-negotiable",
        title="Kerry says Syria’s Assad must go but timing negotiable",
        url="https://www.aljazeera.com/news/2015/9/19/kerry-says-syrias-assad-must-go-but-timing-negotiable",
        paragraphs=[Paragraph("A paragraph long enough to be written as a block scalar in the file.")],
        quotes=[Quote("A paragraph", 0, 0, 11)],
    )
    text = dump_article(article)
    assert f"id: {article.id}\n" in text and f"url: {article.url}\n" in text
    assert "- text: |-\n    A paragraph long enough" in text


def test_catalog_reads_fields_without_parsing_whole_files(good_store: ArticleStore) -> None:
    entries = {e.id: e for e in good_store.catalog()}
    kerry = entries["2015-09-19-kerry-says-syria-s-assad-must-go-but-timing-negotiable"]
    assert kerry.title == "Kerry says Syria’s Assad must go but timing negotiable"
    assert kerry.published == "2015-09-19"
    assert entries["town-council-approves-new-library"].published is None


def test_a_crash_in_a_batch_save_leaves_each_file_old_or_new(
    good_store: ArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [good_store.load(p.stem) for p in good_store.files()]
    before = {p.name: p.read_bytes() for p in good_store.files()}
    for article in articles:
        article.title += " (corrected)"
    real_replace = os.replace
    calls = []

    def crash_on_third(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(5, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crash_on_third)
    with pytest.raises(OSError):
        good_store.save_many(articles)
    after = {p.name: p.read_bytes() for p in good_store.files()}
    changed = [name for name in after if after[name] != before[name]]
    assert len(changed) == 2  # the two renamed before the crash are new; the rest are untouched
    for name in changed:
        assert good_store.load(name.removesuffix(".yaml")).title.endswith("(corrected)")
    assert [p.name for p in good_store.articles_dir.iterdir() if p.name.startswith(".")] == []


def test_a_batch_save_skips_identical_files(good_store: ArticleStore) -> None:
    articles = [good_store.load(p.stem) for p in good_store.files()]
    good_store.save_many(articles)  # the fixtures were written in an older style (ids as blocks)
    articles[0].title = "New title"
    assert good_store.save_many(articles) == [True, False, False, False, False]
