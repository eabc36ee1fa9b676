"""Edits while the app runs: the folder watch pushes them into the index and the panes."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static
from tui_helpers import LAVROV_ARTICLE, settle

from store.corpus import open_corpus
from tui.app import NewsdeskApp
from tui.widgets.article_view import ArticleView
from tui.widgets.results_list import ResultsList


async def wait_for(pilot: Pilot[None], condition, rounds: int = 300) -> bool:
    """Let the app run (the watch looks every 0.75 s) until `condition()` holds: up to
    30 s, for a loaded machine; it usually holds within 2."""
    for _ in range(rounds):
        await pilot.pause(0.1)
        if condition():
            await settle(pilot)
            return True
    return False


def status(app: NewsdeskApp, part: str) -> str:
    return str(app.screen.query_one(f"#status-{part}", Static).render())


async def test_an_edit_a_new_file_and_a_repair_reach_the_open_app(store: Path) -> None:
    corpus = open_corpus(store)
    app = NewsdeskApp(corpus)
    articles = store / "articles"
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.screen.query_one("#query", Input).value = "zanzibar"
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.total == 0

        lavrov = articles / f"{LAVROV_ARTICLE}.yaml"
        lavrov.write_text(
            lavrov.read_text(encoding="utf-8").replace("title: ", "title: Zanzibar ", 1), "utf-8"
        )
        assert await wait_for(pilot, lambda: results.total > 0)  # no new query was typed
        assert {entry.article_id for entry in results.entries} == {LAVROV_ARTICLE}
        assert await wait_for(pilot, lambda: "index updated" in status(app, "index"))
        assert "1 changed" in status(app, "index")

        (articles / "broken.yaml").write_text("id: [\n", encoding="utf-8")
        assert await wait_for(pilot, lambda: "1 YAML file could not be read" in status(app, "problems"))
        (articles / "broken.yaml").write_text(
            "id: broken\ntitle: Zanzibar mended\nparagraphs:\n- text: Zanzibar is fine now.\n",
            encoding="utf-8",
        )
        assert await wait_for(pilot, lambda: not status(app, "problems"))
        assert await wait_for(pilot, lambda: "broken" in {entry.article_id for entry in results.entries})
        assert await wait_for(pilot, lambda: "6 articles" in status(app, "corpus"))

        (articles / "broken.yaml").unlink()
        assert await wait_for(pilot, lambda: "5 articles" in status(app, "corpus"))
        assert await wait_for(pilot, lambda: "1 removed" in status(app, "index"))
    corpus.close()


async def test_the_open_article_follows_its_file(store: Path) -> None:
    corpus = open_corpus(store)
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.open_article(LAVROV_ARTICLE)  # type: ignore[attr-defined]
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.article is not None and "Zanzibar" not in view.article.title
        path = store / "articles" / f"{LAVROV_ARTICLE}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Zanzibar ", 1), "utf-8")
        assert await wait_for(pilot, lambda: view.article is not None and "Zanzibar" in view.article.title)
    corpus.close()


async def test_another_process_importing_updates_the_article_count(store: Path, tmp_path: Path) -> None:
    corpus = open_corpus(store)
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert "5 articles" in status(app, "corpus")
        source = store / "articles" / f"{LAVROV_ARTICLE}.yaml"
        text = source.read_text(encoding="utf-8").replace(f"id: {LAVROV_ARTICLE}", "id: copy-of-lavrov", 1)
        (store / "articles" / "copy-of-lavrov.yaml").write_text(text, encoding="utf-8")
        other = open_corpus(store)  # "another process": its own Corpus, its own update
        other.ensure_index()
        other.close()
        assert await wait_for(pilot, lambda: "6 articles" in status(app, "corpus"))
    corpus.close()
    shutil.rmtree(tmp_path, ignore_errors=True)
