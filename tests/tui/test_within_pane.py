"""A name the open article gives only inside a longer one: "Texas · in University of
Texas" in the entities pane, and enter jumps to the corpus's Texas (tests/fixtures/within)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tui_helpers import settle

from store.corpus import open_corpus
from tui.app import NewsdeskApp
from tui.navigation import ListSource
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import ResultsList

WITHIN_STORE = Path(__file__).resolve().parent.parent / "fixtures" / "within"
CAMPUS = "2024-05-01-university-of-texas-opens-its-library"
STORMS = "2024-05-02-storms-cross-texas"


async def test_the_pane_shows_the_name_within_and_enter_jumps_to_the_corpus(tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(WITHIN_STORE, store)
    app = NewsdeskApp(open_corpus(store))
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.open_article(CAMPUS)  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("e")
        pane = app.screen.query_one(EntitiesPane)
        lines = {index: str(pane.get_option_at_index(index).prompt) for index in pane.rows}
        texas = next(i for i, row in pane.rows.items() if row.name == "Texas")
        assert lines[texas].strip() == "· Texas · in University of Texas"
        assert any(line.strip() == "2 University of Texas" for line in lines.values())
        pane.highlighted = texas
        await pilot.press("enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.source == ListSource(
            "mentions", "Texas", "relevance", "GPE", within=("University of Texas",)
        )
        assert {entry.article_id for entry in results.entries} == {STORMS}  # never the campus article
        assert str(results.border_title) == "Texas — 3 passages in 1 article"


async def test_enter_says_where_the_article_named_it_when_no_article_names_it_alone(tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(WITHIN_STORE, store)
    storms = store / "articles" / f"{STORMS}.yaml"  # that article names Idaho instead
    storms.write_text(storms.read_text(encoding="utf-8").replace("Texas", "Idaho"), encoding="utf-8")
    app = NewsdeskApp(open_corpus(store))
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.open_article(CAMPUS)  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("e")
        pane = app.screen.query_one(EntitiesPane)
        pane.highlighted = next(i for i, row in pane.rows.items() if row.name == "Texas")
        await pilot.press("enter")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        expected = "No article names Texas on its own; this one names it only within University of Texas."
        assert expected in messages, messages
        assert app.screen.query_one(ResultsList).source != ListSource(
            "mentions", "Texas", "relevance", "GPE", within=("University of Texas",)
        )  # back where the reader was
