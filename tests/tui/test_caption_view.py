"""A caption paragraph (`kind: caption`) is shown as a caption, not as running text."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static
from tui_helpers import HAMMOND_ARTICLE, settle

from store.corpus import open_corpus
from store.yamlio.dump import dump_article
from store.yamlio.load import load_article
from tui.app import NewsdeskApp
from tui.widgets.article_view import ArticleView


async def test_a_caption_is_set_apart_from_the_paragraphs(store: Path) -> None:
    path = store / "articles" / f"{HAMMOND_ARTICLE}.yaml"
    article = load_article(path)
    article.paragraphs[1].kind = "caption"
    path.write_text(dump_article(article), encoding="utf-8")
    corpus = open_corpus(store)
    app = NewsdeskApp(corpus)
    try:
        async with app.run_test(size=(120, 35)) as pilot:
            await settle(pilot)
            app.screen.query_one("#query", Input).value = "softens"
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            view = app.screen.query_one(ArticleView)
            assert view.article is not None and view.article.id == HAMMOND_ARTICLE
            caption = view.query_one("#p-1", Static)
            text = view.query_one("#p-2", Static)
            assert caption.has_class("caption") and caption.has_class("paragraph")
            assert not text.has_class("caption")
            assert caption.styles.text_style.italic
    finally:
        corpus.close()
