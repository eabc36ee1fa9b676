"""A search hit on an article's standfirst (paragraph -2) opens at the standfirst."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input, Static
from tui_helpers import HAMMOND_ARTICLE, LAVROV_ARTICLE, settle

from store.numbering import STANDFIRST
from tui.app import NewsdeskApp
from tui.navigation import ArticleTarget
from tui.widgets.article_view import ArticleView
from tui.widgets.results_list import ResultsList

HAMMOND_STANDFIRST = "The foreign secretary softens Britain’s line on the Syrian president."


def spans_of(block: Static) -> list[tuple[int, int]]:
    content = block.content
    assert isinstance(content, Text)
    return [(span.start, span.end) for span in content.spans]


async def test_a_standfirst_hit_is_labelled_and_opens_highlighted_at_the_standfirst(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.query_one("#query", Input).value = "softens"
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert [(e.article_id, e.paragraph) for e in results.entries] == [(HAMMOND_ARTICLE, STANDFIRST)]
        rows = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert rows[-1] == f"standfirst: {HAMMOND_STANDFIRST}"

        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.article is not None and article.article.id == HAMMOND_ARTICLE
        assert article.cursor == STANDFIRST
        assert str(article.border_subtitle).startswith("standfirst")  # then the name selected in it
        standfirst = article.query_one("#standfirst", Static)
        headline = article.query_one("#headline", Static)
        assert standfirst.has_class("-cursor") and not headline.has_class("-cursor")
        softens = HAMMOND_STANDFIRST.index("softens")
        assert (softens, softens + len("softens")) in spans_of(standfirst)
        # the match is not painted onto the headline (only its names are underlined)
        names = [(start, end) for start, end, _ in article._mentions[-1]]  # noqa: SLF001
        assert [span for span in spans_of(headline) if span not in names] == []
        assert str(standfirst.content) == HAMMOND_STANDFIRST

        # the cursor walks in reading order: headline, standfirst, first paragraph
        await pilot.press("k")
        assert article.cursor == -1 and headline.has_class("-cursor")
        await pilot.press("j", "j")
        assert article.cursor == 0
        await pilot.press("k")
        assert article.cursor == STANDFIRST


async def test_an_article_without_a_standfirst_puts_the_cursor_on_its_headline(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        article.open(ArticleTarget(LAVROV_ARTICLE, STANDFIRST))
        await settle(pilot)
        assert article.article is not None and article.article.standfirst is None
        assert article.cursor == -1 and not article.query("#standfirst")
        article.focus()
        await pilot.press("j")
        assert article.cursor == 0
