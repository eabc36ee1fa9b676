"""A query that cannot be read, or finds nothing: the explanation under the box says the
problem once, with its own fix, and `escape` still leaves the box for the results."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input
from tui_helpers import settle

from tui.app import NewsdeskApp
from tui.widgets.results_list import ResultsList


async def type_query(pilot: Pilot[None], query: str) -> Input:
    await pilot.press("slash")
    box = pilot.app.screen.query_one("#query", Input)
    box.value = query  # results follow typing
    await settle(pilot)
    return box


async def test_a_bad_date_is_explained_once_with_its_own_fix(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await type_query(pilot, "Kerry date:2015-13")
        shown = app.screen.query_one(ResultsList).empty_message
        assert "is not a date; write 2019, 2019-06 or 2019-06-01" in shown
        assert shown.count("position") == 1 and "at character" not in shown
        assert "Close quotes" not in shown  # advice for another problem


async def test_words_too_common_say_so_without_other_advice(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await type_query(pilot, "the of")
        shown = app.screen.query_one(ResultsList).empty_message
        assert "too common" in shown and "Close quotes" not in shown, shown


async def test_escape_leaves_the_box_when_the_query_cannot_be_read(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        box = await type_query(pilot, "Kerry AND")
        results = app.screen.query_one(ResultsList)
        assert not results.entries
        await pilot.press("escape")
        assert app.focused is results
        await pilot.press("j")  # a key for the list, not a letter for the query
        assert box.value == "Kerry AND"


async def test_escape_leaves_the_box_when_nothing_matches(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        box = await type_query(pilot, "zzyzx")
        assert not app.screen.query_one(ResultsList).entries
        await pilot.press("escape")
        assert app.focused is app.screen.query_one(ResultsList)
        await pilot.press("k")
        assert box.value == "zzyzx"
