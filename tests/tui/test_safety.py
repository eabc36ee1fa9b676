"""Article text stays data; broken files, broken indexes and missing stores are explained."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static
from tui_helpers import FIXTURE_STORE, MARKUP_ARTICLE, settle

from store.corpus import Corpus, open_corpus
from tui.app import NewsdeskApp
from tui.cli.launch import run_app
from tui.screens.help_screen import HelpScreen
from tui.screens.main_screen import MainScreen
from tui.screens.problems_screen import ProblemsScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import ResultsList


def shown(widget: Widget) -> str:
    """The text a widget puts on the screen, its lines joined and spaces collapsed."""
    return " ".join(" ".join(widget.render_line(y).text for y in range(widget.size.height)).split())


async def test_markup_and_terminal_escapes_in_an_article_are_shown_inert(app: NewsdeskApp) -> None:
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        await pilot.press(*"markup", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.entries[0].article_id == MARKUP_ARTICLE
        assert "[bold]markup[/bold]" in str(results.options[0].prompt)
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        headline = shown(article.query_one("#headline", Static))
        assert "Editors warn about [bold]markup[/bold] in copy" in headline
        first = shown(article.query_one("#p-0", Static))
        assert "[bold]not bold[/bold] and [link=https://example.com]a fake link[/link]" in first
        second = shown(article.query_one("#p-1", Static))
        assert "\x1b" not in second and "\a" not in second
        assert "␛[31mred text␛[0m" in second and "a bell␇ character" in second


async def test_unreadable_files_are_counted_in_the_status_line_and_listed_by_bang(tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(FIXTURE_STORE.parent / "store-with-errors", store)
    corpus = open_corpus(store)
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        status = str(app.screen.query_one("#status-problems", Static).render())
        assert status == "2 YAML files could not be read — press ! to see them"
        app.screen.query_one(ResultsList).focus()
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        listed = " ".join(str(problem.render()) for problem in app.screen.query(".problem"))
        assert "broken-yaml.yaml" in listed and "town-council" not in listed
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
    corpus.close()


async def test_a_corrupt_index_is_rebuilt_with_a_notification(store: Path) -> None:
    corpus = open_corpus(store)
    corpus.ensure_index()
    corpus.close()
    for segment in (store / ".index").glob("*.seg"):
        segment.write_bytes(b"not a whoosh segment")
    corpus = open_corpus(store)
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press(*"Assad", "enter")
        await settle(pilot)
        assert app.screen.query_one(ResultsList).total > 0
        messages = [notification.message for notification in app._notifications]
        assert any(message.startswith("The index was rebuilt") for message in messages), messages
    corpus.close()


@pytest.mark.parametrize(
    "owner", [NewsdeskApp, MainScreen, ResultsList, ArticleView, EntitiesPane, HelpScreen, ProblemsScreen]
)
def test_every_binding_has_a_description(owner: Any) -> None:
    bindings = [binding for binding in owner.BINDINGS if isinstance(binding, Binding)]
    assert bindings and len(bindings) == len(owner.BINDINGS)
    for binding in bindings:
        assert binding.description.strip(), f"{owner.__name__}: {binding.key} has no description"


def test_the_issue_keys_are_all_bound() -> None:
    keys = {
        key
        for owner in (NewsdeskApp, MainScreen, ResultsList, ArticleView, EntitiesPane)
        for binding in owner.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    }
    wanted = {"slash", "enter", "j", "k", "g", "G", "tab", "shift+tab", "e", "Q", "n", "N", "escape"}
    wanted |= {"backspace", "question_mark", "f1", "ctrl+p", "q", "down", "up"}
    assert wanted <= keys


def test_launch_explains_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = run_app(argparse.Namespace(data=tmp_path / "nowhere"))
    assert status == 2
    error = capsys.readouterr().err
    assert f"no store at {tmp_path / 'nowhere'}" in error and "newsdesk import" in error


async def test_an_unexpected_store_failure_is_a_message_not_a_traceback(
    corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("segment vanished")

    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(corpus, "search", broken)
        await pilot.press(*"Assad", "enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        messages = [notification.message for notification in app._notifications]
        assert any("RuntimeError: segment vanished" in message for message in messages), messages
