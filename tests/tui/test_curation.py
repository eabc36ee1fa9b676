"""Curation from the keyboard: `c` on an entity, then rename, retype, merge, split or
drop; `u` undoes. Each change is in aliases.yaml and on screen at once."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import KERRY_ARTICLE, settle

from store.aliases import load_aliases
from store.models import Article, Entity, Mention, Paragraph
from store.yamlio.save import save_article
from tui.app import NewsdeskApp
from tui.navigation import ArticleTarget, ListSource
from tui.screens.curate_screen import CurateScreen
from tui.screens.picker_screen import PickerScreen
from tui.screens.prompt_screen import PromptScreen
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import ResultsList


async def open_on(pilot: Pilot[None], name: str) -> EntitiesPane:
    """Open the Kerry article, put the entities pane's cursor on `name`, press c."""
    await settle(pilot)
    pilot.app.screen.article.open(ArticleTarget(KERRY_ARTICLE, 0))  # type: ignore[attr-defined]
    await settle(pilot)
    pane = pilot.app.screen.query_one(EntitiesPane)
    pane.focus()
    pane.highlighted = next(i for i, row in pane.rows.items() if row.kind == "entity" and row.name == name)
    await pilot.pause()
    await pilot.press("c")
    await settle(pilot)
    assert isinstance(pilot.app.screen, CurateScreen)
    return pane


def people(pane: EntitiesPane) -> dict[str, str | None]:
    return {row.name or "": row.entity_type for row in pane.rows.values() if row.kind == "entity"}


async def type_into(pilot: Pilot[None], text: str) -> None:
    pilot.app.screen.query_one(Input).value = text
    await settle(pilot)


async def test_rename_then_undo(app: NewsdeskApp, store: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        pane = await open_on(pilot, "John Kerry")
        what = str(app.screen.query_one("#curate-what").render())
        assert "John Kerry — 13 passages in 3 articles · also Kerry" in what
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        await type_into(pilot, "John Forbes Kerry")
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, CurateScreen)
        assert "John Forbes Kerry" in people(pane) and "John Kerry" not in people(pane)
        assert load_aliases(store)[0].canonical("John Kerry") == "John Forbes Kerry"
        await pilot.press("u")
        await settle(pilot)
        assert "John Kerry" in people(pane)
        assert load_aliases(store)[0].canonical("John Kerry") == "John Kerry"


async def test_retype_picks_a_type(app: NewsdeskApp, store: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        pane = await open_on(pilot, "Syria")
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        await type_into(pilot, "org")
        await pilot.press("enter")
        await settle(pilot)
        assert people(pane)["Syria"] == "ORG"
        assert load_aliases(store)[0].types == {"syria": "ORG"}


async def test_merge_into_an_entity_found_by_fuzzy_search(app: NewsdeskApp, store: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        pane = await open_on(pilot, "Philip Hammond")
        await pilot.press("m")
        await settle(pilot)
        await type_into(pilot, "jkery")  # letters in order, with a typo's worth missing
        picker = app.screen
        assert isinstance(picker, PickerScreen) and picker.shown[0].value == "John Kerry"
        await pilot.press("enter")
        await settle(pilot)
        assert "Philip Hammond" not in people(pane)
        assert load_aliases(store)[0].canonical("Philip Hammond") == "John Kerry"
        await pilot.press("escape")  # back to the results
        app.screen.jump("Hammond")  # type: ignore[attr-defined]
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert str(results.border_title).startswith("John Kerry — ")


async def test_split_an_alias_off(app: NewsdeskApp, store: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        pane = await open_on(pilot, "John Kerry")
        await pilot.press("s")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, PickerScreen) and [c.value for c in picker.shown] == ["Kerry"]
        await pilot.press("enter")
        await settle(pilot)
        assert {"John Kerry", "Kerry"} <= set(people(pane))
        assert load_aliases(store)[0].split_from("John Kerry") == {"kerry"}
        app.screen.jump("John Kerry")  # type: ignore[attr-defined]
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        assert results.total < 13 and "also" not in str(results.border_title)
        await pilot.press("u")
        await settle(pilot)
        assert results.total == 13


async def test_drop_leaves_it_out_and_undo_brings_it_back(app: NewsdeskApp, store: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        pane = await open_on(pilot, "Syria")
        await pilot.press("d")
        await settle(pilot)
        assert "Syria" not in people(pane)
        assert "syria" in load_aliases(store)[0].dropped
        await pilot.press("u")
        await settle(pilot)
        assert "Syria" in people(pane)


async def test_c_with_no_entity_says_what_to_do(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.results.show(ListSource("search", "Assad"))  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("tab")
        await pilot.press("c")
        await settle(pilot)
        assert not isinstance(app.screen, CurateScreen)


async def test_the_jump_says_whom_else_a_name_could_be(app: NewsdeskApp, store: Path) -> None:
    text = "Kate Kerry sang on Sunday. Kerry said the tour would go on."
    singer = Entity("Kate Kerry", "PERSON", ["Kate Kerry", "Kerry"], [Mention(0, 0, 10), Mention(0, 27, 32)])
    article = Article(
        "2016-03-01-a-singer", "A singer", [Paragraph(text)], published="2016-03-01", entities=[singer]
    )
    save_article(store / "articles" / f"{article.id}.yaml", article)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.jump("Kerry")  # type: ignore[attr-defined]
        await settle(pilot)
        title = app.screen.query_one(ResultsList).full_title
        assert title.startswith("John Kerry — ") and title.endswith("· could also be Kate Kerry (1)")
        assert any("could also be Kate Kerry" in n.message for n in app._notifications)
