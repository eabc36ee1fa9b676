"""Navigation details from issue 11: a burst of n, G at the end of a lazily loaded list,
the name that matched pre-selected, names in the headline."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from textual.widgets._footer import FooterKey
from tui_helpers import KERRY_ARTICLE, settle

from store.corpus import open_corpus
from store.models import Article, Paragraph
from store.yamlio.save import save_article
from tui.app import NewsdeskApp
from tui.navigation import ListSource
from tui.results_text import fit_title
from tui.widgets.article_view import ArticleView
from tui.widgets.results_list import PAGE_SIZE, ResultsList


async def test_a_burst_of_n_keeps_history_and_cursor_in_step(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#query", Input).value = "Assad"
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        view = app.screen.query_one(ArticleView)
        assert len(results.entries) >= 5
        await pilot.press("n", "n", "n", "n")  # faster than the articles load
        await settle(pilot)
        assert results.entry_index == 4
        for expected in (3, 2, 1):
            await pilot.press("escape")
            await settle(pilot)
            assert results.entry_index == expected
            entry = results.entries[expected]
            assert view.target is not None
            assert (view.target.article_id, view.target.paragraph) == (entry.article_id, entry.paragraph)
            assert view.article is not None and view.article.id == entry.article_id


async def test_G_reaches_the_real_end_of_a_long_list_in_one_press(tmp_path: Path) -> None:
    articles = tmp_path / "store" / "articles"
    articles.mkdir(parents=True)
    for number in range(130):
        article_id = f"2020-01-{number % 28 + 1:02d}-talks-in-geneva-{number}"
        paragraphs = [Paragraph(f"Delegates met in Geneva for round {number}."), Paragraph("Geneva again.")]
        save_article(
            articles / f"{article_id}.yaml", Article(article_id, f"Geneva talks, round {number}", paragraphs)
        )
    corpus = open_corpus(tmp_path / "store")
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#query", Input).value = "Geneva"
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.total == 390 and len(results.entries) == PAGE_SIZE
        await pilot.press("G")
        await settle(pilot)
        assert len(results.entries) == 390
        assert results.entry_index == 389
    corpus.close()


async def test_opening_a_hit_selects_the_name_that_matched(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#query", Input).value = "entity:Lavrov"
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        index = next(i for i, e in enumerate(results.entries) if e.paragraph >= 0 and e.spans)
        results.highlight_entry(index)
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.selected_entity is not None and view.selected_entity.name == "Sergei Lavrov"


async def test_names_in_the_headline_are_selectable(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.open_article(KERRY_ARTICLE)  # type: ignore[attr-defined]
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.cursor == -1
        names = set()
        for _ in range(4):
            await pilot.press("l")
            if view.selected_entity is not None:
                names.add(view.selected_entity.name)
        assert {"John Kerry", "Bashar al-Assad"} <= names


def test_a_cut_jump_title_keeps_its_counts() -> None:
    title = "United States — 262 passages in 107 articles · also US, U.S."
    keep = len("262 passages in 107 articles")
    assert fit_title(title, keep, 40) == "United S… — 262 passages in 107 articles"
    assert fit_title(title, keep, 200) == title


async def test_at_80x24_the_footer_keeps_help_and_the_pane_keys(app: NewsdeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one(ResultsList).focus()
        await settle(pilot)
        shown = {
            key.key_display or key.key
            for key in app.screen.query(FooterKey)
            if key.region.width and key.region.right <= 80
        }
        assert "?" in shown and "⏎" in shown and "Q" in shown


async def test_s_on_a_jump_list_says_it_has_one_order(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.jump("John Kerry", "PERSON")  # type: ignore[attr-defined]
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        source = results.source
        await pilot.press("s")
        await settle(pilot)
        assert results.source == source
        assert any("one order" in notification.message for notification in app._notifications)


async def test_the_problems_dialog_with_no_problems_says_so(app: NewsdeskApp) -> None:
    from textual.widgets import Static

    from tui.screens.problems_screen import ProblemsScreen

    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.query_one(ResultsList).focus()
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert isinstance(app.screen, ProblemsScreen)
        text = " ".join(str(block.render()) for block in app.screen.query(Static))
        assert "No problems" in text and "left out of the index" not in text


def test_help_lists_pageup_and_pagedown() -> None:
    from tui.widgets.article_view import ArticleView as View

    keys = {binding.key for binding in View.BINDINGS if hasattr(binding, "key")}
    assert {"pageup", "pagedown", "plus"} <= keys


async def test_a_list_title_uses_the_whole_border_and_follows_a_resize(app: NewsdeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        results.show(ListSource("mentions", "Bashar al-Assad"))
        await settle(pilot)
        assert str(results.border_title) == "12 passages in 2 articles"  # no room for the name
        await pilot.resize_terminal(120, 35)
        await settle(pilot)
        assert results.outer_size.width == 46  # its top border holds a title of 40 characters
        assert str(results.border_title) == "Bashar al-A… — 12 passages in 2 articles"


def test_a_name_cut_at_a_space_does_not_leave_it_before_the_ellipsis() -> None:
    assert fit_title("John Kerry — 13 passages in 3 articles", len("13 passages in 3 articles"), 34) == (
        "John… — 13 passages in 3 articles"
    )
