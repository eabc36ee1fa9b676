"""A huge article opens at once: a window of paragraphs is mounted, long paragraphs are cut
with a way to see the rest, and pageup/pagedown carry the paragraph cursor along."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from tui_helpers import settle

from store.corpus import open_corpus
from store.models import Article, Paragraph
from store.yamlio.save import save_article
from tui.app import NewsdeskApp
from tui.article_window import SHOW_CHARS, WINDOW
from tui.widgets.article_view import ArticleView

LONG = "word " * 20_000  # 100,000 characters in one paragraph
PARAGRAPHS = 1000


def huge_store(tmp_path: Path, first: str = LONG) -> Path:
    articles = tmp_path / "store" / "articles"
    articles.mkdir(parents=True)
    paragraphs = [Paragraph(first)] + [Paragraph(f"Paragraph number {n}.") for n in range(1, PARAGRAPHS)]
    save_article(articles / "huge.yaml", Article("huge", "A very long article", paragraphs))
    return tmp_path / "store"


async def test_a_huge_article_mounts_a_window_and_cuts_long_paragraphs(tmp_path: Path) -> None:
    corpus = open_corpus(huge_store(tmp_path))
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.open_article("huge")  # type: ignore[attr-defined]
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and len(view.article.paragraphs) == PARAGRAPHS
        assert len(view.query(".paragraph")) <= WINDOW
        first = str(view.query_one("#p-0", Static).render())
        assert len(first) < SHOW_CHARS + 200 and "more characters — press + to show more" in first
        view.focus()
        await pilot.press("j", "plus")
        await settle(pilot)
        assert len(str(view.query_one("#p-0", Static).render())) > 4 * SHOW_CHARS
        await pilot.press("G")  # one press: the real end, mounted on the way
        await settle(pilot)
        assert view.cursor == PARAGRAPHS - 1
        assert "Paragraph number 999." in str(view.query_one(f"#p-{PARAGRAPHS - 1}", Static).render())
        assert len(view.query(".paragraph")) <= WINDOW
        await pilot.press("g")
        await settle(pilot)
        assert view.cursor == -1
    corpus.close()


async def test_pagedown_moves_the_paragraph_cursor_with_the_view(tmp_path: Path) -> None:
    corpus = open_corpus(huge_store(tmp_path, first="A short first paragraph."))
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.open_article("huge")  # type: ignore[attr-defined]
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        view.focus()
        await pilot.press("pagedown", "pagedown")
        await settle(pilot)
        assert view.cursor > 0
        block = view.query_one(f"#p-{view.cursor}", Static)
        top, bottom = view.scroll_offset.y, view.scroll_offset.y + view.scrollable_content_region.height
        assert block.virtual_region.y < bottom and block.virtual_region.bottom > top  # in view
        before = view.cursor
        await pilot.press("pageup")
        await settle(pilot)
        assert view.cursor < before
    corpus.close()
