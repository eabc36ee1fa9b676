"""A varied corpus, as real feeds are, imported with extraction and then checked.

tests/fixtures/varied holds undated records, one headline on two different stories
(and one record twice), a table of figures, a headline-only brief, extra fields, a
day/month date, an impossible date and an entity written "The Office" and "Office".
One import (with extraction: the spaCy model loads once for the module) feeds every
test here; each test works on a copy of the store."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import settle

from store.articles import ArticleStore
from store.corpus import Corpus, open_corpus
from store.ingest.pipeline import ImportReport, import_paths
from tui.app import NewsdeskApp
from tui.cli import main
from tui.navigation import ArticleTarget
from tui.widgets.article_view import ArticleView

VARIED = Path(__file__).resolve().parent.parent / "fixtures" / "varied"
FEED = VARIED / "feed.jsonl"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ImportReport]:
    store = tmp_path_factory.mktemp("varied") / "store"
    report = import_paths([FEED, VARIED / "story.txt"], store)
    return store, report


@pytest.fixture
def store(imported: tuple[Path, ImportReport], tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(imported[0], copy)
    return copy


@pytest.fixture
def corpus(store: Path) -> Iterator[Corpus]:
    corpus = open_corpus(store)
    corpus.ensure_index()
    yield corpus
    corpus.close()


def test_everything_is_imported_and_every_merge_and_caveat_is_named(
    imported: tuple[Path, ImportReport],
) -> None:
    _, report = imported
    assert (report.imported, report.updated, report.unchanged, report.failed) == (8, 0, 1, 0)
    assert report.extracted == 8
    (merge,) = report.merges  # the one record given twice, named with its line and why
    assert (merge.path, merge.line) == (FEED, 4)
    assert "the same content" in merge.message and f"{FEED}:2" in merge.message
    warnings = {(w.line, w.message.split(":")[0]) for w in report.warnings}
    assert (6, "headline only, no body text") in warnings
    assert any(w.line == 7 and "'2005-02-29' is not a date" in w.message for w in report.warnings)


def test_what_the_import_and_extraction_wrote_passes_check(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--data", str(store)]) == 0, capsys.readouterr().err
    articles, problems = ArticleStore(store).load_all()
    assert problems == []
    for article in articles:
        keys = [(e.name, e.type) for e in article.entities]
        assert len(keys) == len(set(keys)), article.id


def test_the_records_are_kept_as_they_were_given(store: Path) -> None:
    articles = {
        a.title + "|" + (a.paragraphs[0].text[:10] if a.paragraphs else ""): a
        for a in ArticleStore(store).load_all()[0]
    }
    budget = articles["Council approves new budget|The town c"]
    assert budget.published == "2005-04-03"  # 03/04/2005, day first
    assert budget.meta == {
        "id": "v-1",
        "category": "politics",
        "author": "Ann Lee",
        "tags": ["council", "budget"],
    }
    inks = [a for key, a in articles.items() if key.startswith("Ink helps drive democracy")]
    assert len(inks) == 2 and all(a.published is None for a in inks)
    table = articles["FIRST VALLEY BANK 4TH QTR NET|Shr 34 cts"]
    assert len(table.paragraphs) == 5 and table.published == "1987-02-26"
    brief = articles["VALLEY FERRY TALKS RESUME|"]
    assert brief.paragraphs == [] and brief.meta == {"category": "transport"}
    assert articles["Leap day festival planned|The valley"].published is None


def test_a_second_import_of_the_same_files_changes_nothing(store: Path) -> None:
    before = {p.name: p.read_bytes() for p in ArticleStore(store).files()}
    report = import_paths([FEED, VARIED / "story.txt"], store)
    assert (report.imported, report.updated, report.unchanged, report.failed) == (0, 0, 9, 0)
    assert {p.name: p.read_bytes() for p in ArticleStore(store).files()} == before


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("category:politics", {"Council approves new budget"}),
        ("section:world", {"Ink helps drive democracy"}),
        ("tags:budget library", {"Council approves new budget"}),  # a filter beside a passage query
        ('author:"Ann Lee"', {"Council approves new budget"}),
        ("category:transport", {"VALLEY FERRY TALKS RESUME"}),
    ],
)
def test_meta_fields_are_searchable_as_field_value(corpus: Corpus, query: str, titles: set[str]) -> None:
    result = corpus.search(query, limit=50)
    assert {hit.title for hit in result.hits} == titles


async def test_the_article_header_shows_the_meta_fields(corpus: Corpus) -> None:
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        budget = next(a for a in corpus.articles() if a.title == "Council approves new budget")
        view = app.screen.query_one(ArticleView)
        view.open(ArticleTarget(budget.id, -1))
        await settle(pilot)
        fields = str(view.query_one("#meta-fields", Static).content)
        assert fields == "id: v-1 · category: politics · author: Ann Lee · tags: council, budget"


async def test_the_palette_offers_the_varied_headlines_at_once(corpus: Corpus) -> None:
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        report = corpus.last_report
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        options = app.screen.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Ink helps drive democracy" in row for row in rows)
        assert any("Update index" in row for row in rows)
        assert corpus.last_report is report  # nothing rebuilt on the way


def test_title_filters_combine_with_passage_words(corpus: Corpus) -> None:
    hits = corpus.search("title:ink bottles").hits
    assert hits and {hit.title for hit in hits} == {"Ink helps drive democracy"}
    assert all(hit.paragraph >= 0 for hit in hits)  # a paragraph of the article, not its headline


async def test_a_live_edit_of_the_varied_store_reaches_the_open_app(corpus: Corpus, store: Path) -> None:
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        budget = next(a for a in corpus.articles() if a.title == "Council approves new budget")
        path = store / "articles" / f"{budget.id}.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("long debate", "long zanzibar debate"), "utf-8"
        )
        for _ in range(300):  # up to 30 s on a loaded machine; usually well under 2
            await pilot.pause(0.1)
            if corpus.search("zanzibar").total:
                break
        await settle(pilot)
        assert corpus.search("zanzibar").total == 1
        assert "index updated" in str(app.screen.query_one("#status-index", Static).render())
