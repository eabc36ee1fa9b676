"""Journeys through the views: co-mentions, speakers, the timeline (fixture store)."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static
from tui_helpers import KERRY_ARTICLE, settle

from tui.app import NewsdeskApp
from tui.navigation import ListSource
from tui.screens.cooccur_screen import CoMentionsScreen
from tui.screens.main_screen import MainScreen
from tui.screens.speakers_screen import SpeakersScreen
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import ResultsList
from tui.widgets.timeline_bar import TimelineBar


async def run_query(pilot: Pilot[None], query: str) -> None:
    box = pilot.app.screen.query_one("#query", Input)
    await pilot.press("slash")
    box.value = query
    await pilot.press("enter")
    await settle(pilot)


async def jump_to(pilot: Pilot[None], name: str) -> MainScreen:
    main = pilot.app.screen
    assert isinstance(main, MainScreen)
    main.jump(name)
    await settle(pilot)
    return main


async def test_entity_to_comentions_to_pair_passages_and_back(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        main = await jump_to(pilot, "John Kerry")
        jump = main.results.source
        await pilot.press("w")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, CoMentionsScreen)
        table = view.query_one(DataTable)
        names = [view.found.cooccurring[i].name for i in range(table.row_count)]
        assert names[0] == "Bashar al-Assad"  # 6 passages with Kerry (a headline among them), the most
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main
        results = main.query_one(ResultsList)
        source = results.source
        assert source is not None
        assert (source.kind, source.query, source.other) == ("pair", "John Kerry", "Bashar al-Assad")
        assert len(results.entries) == 6  # five paragraphs and a headline
        first = results.entries[0]
        marked = {first.text[s:e] for s, e in first.spans}
        assert any("Kerry" in m for m in marked) and any("Assad" in m for m in marked)
        await pilot.press("n")  # n/N walk the pair list like any list
        await settle(pilot)
        assert main.article.target is not None and main.article.target.article_id == first.article_id
        await pilot.press("escape")  # back: the pair list as it was before n
        await settle(pilot)
        if app.screen is main:
            assert main.results.source == source
            await pilot.press("escape")  # back again: the view, its cursor kept
            await settle(pilot)
        assert isinstance(app.screen, CoMentionsScreen)
        assert app.screen.query_one(DataTable).cursor_row == 0
        await pilot.press("r")  # association ranking
        await settle(pilot)
        assert app.screen.found.rank == "association"  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and main.results.source == jump


async def test_search_to_timeline_to_a_month_and_clear(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await run_query(pilot, "Kerry")
        main = app.screen
        assert isinstance(main, MainScreen)
        total = main.results.total
        await pilot.press("t")
        await settle(pilot)
        bar = main.query_one(TimelineBar)
        assert app.focused is bar and bar.timeline is not None
        assert bar.timeline.by == "week"  # 2015-09-19 to 2016-02-12: under a year
        assert sum(b.count for b in bar.timeline.buckets) + bar.timeline.undated == total
        await pilot.press("p", "p", "p")  # day, week, month
        await settle(pilot)
        assert bar.timeline.by == "month"
        await pilot.press("home")
        assert bar.bucket is not None and bar.bucket.start == "2015-09-01"
        september = bar.bucket.count
        await pilot.press("enter")
        await settle(pilot)
        assert main.search_box.value == "Kerry date:2015-09"
        assert main.results.total == september < total
        await pilot.press("X")
        await settle(pilot)
        assert main.search_box.value == "Kerry"
        assert main.results.total == total


async def test_timeline_of_a_jump_narrows_with_a_search(app: NewsdeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = await jump_to(pilot, "John Kerry")
        await pilot.press("t")
        await settle(pilot)
        bar = main.query_one(TimelineBar)
        await pilot.press("end", "enter")
        await settle(pilot)
        assert main.search_box.value == 'entity:"John Kerry" date:[2016-02-08 to 2016-02-14]'
        assert main.results.total == bar.bucket.count if bar.bucket else False


async def test_speakers_view_lists_quotes(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # out of the search box: S is a key, not a letter
        await pilot.press("S")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, SpeakersScreen)
        assert view.found.speakers[0].name == "John Kerry"
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert main.results.source == ListSource("quotes", "John Kerry")
        assert main.results.has_class("-quotes")
        await pilot.press("Q")  # Q works from the quotes list too
        await settle(pilot)
        assert main.results.source == ListSource("quotes", "John Kerry")


async def test_w_on_a_search_shows_what_it_over_represents(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await run_query(pilot, "ceasefire")
        await pilot.press("w")
        await settle(pilot)
        view = app.screen
        assert isinstance(view, CoMentionsScreen) and view.request.kind == "overrepresented"


async def test_views_from_the_entities_pane(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        await run_query(pilot, "Assad")
        results = main.results
        results.highlight_entry(
            next(i for i, e in enumerate(results.entries) if e.article_id == KERRY_ARTICLE)
        )
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        pane = main.query_one(EntitiesPane)
        pane.highlighted = next(i for i, row in pane.rows.items() if row.name == "Philip Hammond")
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, CoMentionsScreen)
        assert app.screen.found.entity.name == "Philip Hammond"  # type: ignore[attr-defined]


async def test_the_speakers_view_of_one_speaker_says_1_speaker(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        app.screen.query_one("#query", Input).value = 'speaker:"Philip Hammond"'
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, SpeakersScreen)
        summary = str(app.screen.query_one("#view-summary", Static).render())
        assert summary == "3 quotes · 1 speaker · 0 unattributed"


async def test_with_no_article_open_the_entities_pane_counts_the_jump_list(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(EntitiesPane)
        assert pane.border_title == "In the corpus"
        app.screen.query_one(ResultsList).show(ListSource("mentions", "Philip Hammond"))
        await settle(pilot)
        assert pane.border_title == "In these results"  # Hammond's passages, not the corpus
        people = {row.name for row in pane.rows.values() if row.entity_type == "PERSON"}
        assert "Philip Hammond" in people and "Sergei Lavrov" not in people
