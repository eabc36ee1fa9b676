"""The reporter's notebook, driven through the real app: copy, star, note, collect,
the notebook view, export, history, saved searches, the editor."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from tui_helpers import KERRY_ARTICLE, LAVROV_ARTICLE, settle

from store.corpus import Corpus, open_corpus
from store.listing import mentions_listing, search_listing
from store.notebook_file import NotebookFile
from store.numbering import paragraph_number
from tui import exporting
from tui.app import NewsdeskApp
from tui.navigation import ListSource
from tui.screens.notebook_screen import NotebookScreen
from tui.screens.text_screen import TextScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.entities_pane import EntitiesPane
from tui.widgets.results_list import ResultsList


async def search(pilot: Pilot[None], query: str) -> ResultsList:
    await pilot.press("slash")
    pilot.app.screen.query_one("#query", Input).value = query
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen.query_one(ResultsList)


async def answer(pilot: Pilot[None], text: str, *, save_key: str = "enter") -> None:
    """Type into the open prompt (replacing what it holds) and confirm."""
    assert isinstance(pilot.app.screen, TextScreen)
    for widget in pilot.app.screen.query("#text-input, #text-area"):
        if isinstance(widget, Input):
            widget.value = text
        elif isinstance(widget, TextArea):
            widget.text = text
    await pilot.press(save_key)
    await settle(pilot)


def notes(app: NewsdeskApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_copy_with_citation_and_plain(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = await search(pilot, 'speaker:kerry "We need to get to the negotiation"')
        assert results.entries[0].article_id == KERRY_ARTICLE
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == (
            "“We need to get to the negotiation. That is what we’re looking for and we hope Russia and "
            "Iran, and any other countries with influence, will help to bring about that, because "
            "that’s what is preventing this crisis from ending,” said Kerry. — "
            '"Kerry says Syria’s Assad must go but timing negotiable", Al Jazeera, News Agencies, '
            "2015-09-19, ¶4"
        )
        assert any("We need to get to the negotiation" in message for message in notes(app))
        await pilot.press("Y")
        await settle(pilot)
        assert app.clipboard == results.entries[0].text
        # a quote from the speaker's quotes: the speaker leads the citation
        await pilot.press("Q")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard.startswith("“We need to get to the negotiation.")
        assert app.clipboard.endswith(
            '” — John Kerry, in "Kerry says Syria’s Assad must go but timing negotiable", '
            "Al Jazeera, News Agencies, 2015-09-19, ¶4"
        )


async def test_star_note_collect_then_the_notebook_view(app: NewsdeskApp, corpus: Corpus) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = await search(pilot, "Lavrov agreement")
        entry = results.entries[0]
        await pilot.press("asterisk")
        await settle(pilot)
        book = NotebookFile(corpus.data_dir)
        assert [(i.article_id, i.text) for i in book.load().starred] == [(entry.article_id, entry.text)]
        prompt = results.get_option_at_index(results._option_of_entry[0]).prompt
        assert str(prompt).startswith("★ ")  # the star shows in the list
        await pilot.press("a")
        await answer(pilot, "Use in the second paragraph", save_key="ctrl+s")
        await pilot.press("plus")
        await answer(pilot, "Syria ceasefire piece")
        notebook = book.load()
        assert notebook.starred[0].note == "Use in the second paragraph"
        assert [i.text for i in notebook.collection("Syria ceasefire piece").items] == [entry.text]
        assert notebook.collection("Syria ceasefire piece").items[0].note == "Use in the second paragraph"
        # the notebook view lists it with its note; enter opens the passage in its article
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        shown = [
            str(screen.items_list.get_option_at_index(i).prompt)
            for i in range(screen.items_list.option_count)
        ]
        assert any("Syria ceasefire piece (1)" in line for line in shown)
        assert sum("✎ Use in the second paragraph" in line for line in shown) == 2
        item_rows = [i for i, row in screen.rows.items() if row.kind == "item" and row.collection]
        screen.items_list.highlighted = item_rows[0]
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        assert article.article is not None and article.article.id == LAVROV_ARTICLE
        assert article.cursor == entry.paragraph
        # is:starred finds it
        results = await search(pilot, "is:starred")
        assert [(e.article_id, e.paragraph) for e in results.entries] == [(entry.article_id, entry.paragraph)]


async def test_reorder_and_remove_in_the_notebook_view(app: NewsdeskApp, corpus: Corpus) -> None:
    book = NotebookFile(corpus.data_dir)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = await search(pilot, "Kerry")
        for index in range(3):
            results.highlight_entry(index)
            await pilot.press("plus")
            await answer(pilot, "Piece")
        texts = [i.text for i in book.load().collection("Piece").items]
        assert texts == [e.text for e in results.entries[:3]]
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        rows = [i for i, row in screen.rows.items() if row.kind == "item" and row.collection == "Piece"]
        screen.items_list.highlighted = rows[2]
        await pilot.press("K")
        await settle(pilot)
        assert [i.text for i in book.load().collection("Piece").items] == [texts[0], texts[2], texts[1]]
        screen.items_list.highlighted = rows[0]
        await pilot.press("d")
        await settle(pilot)
        assert [i.text for i in book.load().collection("Piece").items] == [texts[2], texts[1]]


async def test_export_writes_the_whole_list(app: NewsdeskApp, corpus: Corpus, tmp_path: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, "Syria OR Kerry OR Assad OR said")
        await pilot.press("x")
        await settle(pilot)
        target = tmp_path / "exports" / "syria.jsonl"
        await answer(pilot, str(target))
        await settle(pilot)
        rows = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
        expected = list(search_listing(corpus, "Syria OR Kerry OR Assad OR said").rows)
        assert len(rows) == len(expected) == 27  # every match, not the loaded page
        assert [(r["article_id"], r["paragraph"]) for r in rows] == [
            (h.article_id, paragraph_number(h.paragraph)) for h in expected
        ]
        assert all(r["citation"] for r in rows)
        assert any(f"to syria.jsonl in {target.parent}" in message for message in notes(app))
        said = [n for n in app._notifications if "syria.jsonl" in n.message]
        assert [n.title for n in said] == ["Export"]  # not "Notebook": nothing was starred


async def test_o_on_an_article_with_no_url_says_so_under_its_own_title(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = await search(pilot, "negotiable")
        assert results.entries and results.entries[0].article_id == KERRY_ARTICLE  # it has no url:
        await pilot.press("o")
        await settle(pilot)
        said = [n for n in app._notifications if n.message == "This article has no URL."]
        assert [n.title for n in said] == ["Open"]


async def test_up_after_running_a_query_recalls_the_one_before(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        for query in ("Assad", "Lavrov"):
            await search(pilot, query)
        await pilot.press("slash")
        box = app.screen.query_one("#query", Input)
        assert box.value == "Lavrov"
        await pilot.press("up")  # not "Lavrov" again, which the box holds
        assert box.value == "Assad"
        await pilot.press("down")
        assert box.value == "Lavrov"


async def test_history_is_recalled_with_up_and_down_and_kept(app: NewsdeskApp, corpus: Corpus) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        for query in ("Assad", "Lavrov"):
            await search(pilot, query)
        await pilot.press("slash")
        box = app.screen.query_one("#query", Input)
        box.value = "half-typed"
        await pilot.press("up")
        assert box.value == "Lavrov"
        await pilot.press("up", "up")
        assert box.value == "Assad"
        await pilot.press("down", "down")
        assert box.value == "half-typed"
    again = NewsdeskApp(open_corpus(corpus.data_dir))
    async with again.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("up")
        assert again.screen.query_one("#query", Input).value == "Lavrov"


async def test_save_a_search_then_open_it_from_the_notebook(app: NewsdeskApp, corpus: Corpus) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, "speaker:kerry")
        await pilot.press("slash", "ctrl+s")
        await answer(pilot, "Kerry quotes")
        saved = NotebookFile(corpus.data_dir).load().searches
        assert [(s.name, s.query, s.seen) for s in saved] == [("Kerry quotes", "speaker:kerry", 5)]
        await search(pilot, "Hammond")
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        shown = str(screen.items_list.get_option_at_index(1).prompt)
        assert "Kerry quotes — speaker:kerry · 5 passages, none new" in shown
        screen.items_list.highlighted = 1
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(ResultsList).source.query == "speaker:kerry"
        # ... and from the command palette
        await search(pilot, "Hammond")
        await pilot.press("ctrl+p", *"Saved search: Kerry")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(ResultsList).source.query == "speaker:kerry"
        assert NotebookFile(corpus.data_dir).load().searches[0].opened is not None


async def test_a_broken_notebook_is_reported_and_never_overwritten(store: Path) -> None:
    broken = "starred:\n- article: x\n  text: [unclosed\n"
    (store / "notebook.yaml").write_text(broken, encoding="utf-8")
    app = NewsdeskApp(open_corpus(store))
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert any("notebook.yaml:4" in message and "read-only" in message for message in notes(app))
        await search(pilot, "Lavrov")
        await pilot.press("asterisk")
        await settle(pilot)
        assert any("notebook.yaml:4" in message for message in notes(app)[1:])
    assert (store / "notebook.yaml").read_text(encoding="utf-8") == broken


async def test_editing_the_article_in_the_editor_reindexes_and_reloads(
    app: NewsdeskApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "line, path = int(sys.argv[1][1:]), pathlib.Path(sys.argv[2])\n"
        "pathlib.Path(sys.argv[0]).with_suffix('.line').write_text(str(line))\n"
        "path.write_text(path.read_text().replace('within a week', 'inside a week'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = await search(pilot, "Lavrov agreement")
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleView)
        paragraph = article.cursor
        await pilot.press("E")
        await settle(pilot)
        await pilot.pause(0.3)
        await settle(pilot)
        assert int(editor.with_suffix(".line").read_text()) > 5
        assert article.article is not None and article.cursor == paragraph
        assert "inside a week" in article.article.paragraphs[0].text  # the view reloaded
        results = await search(pilot, '"inside a week"')
        assert results.entries and results.entries[0].article_id == LAVROV_ARTICLE  # the index has it


async def test_a_quote_starred_in_the_entities_pane_shows_its_star(app: NewsdeskApp, corpus: Corpus) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await search(pilot, '"get to the negotiation"')
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        pane = app.screen.query_one(EntitiesPane)
        first_quote = min(i for i, row in pane.rows.items() if row.kind == "quote")
        pane.highlighted = first_quote
        await pilot.press("asterisk")
        await settle(pilot)
        starred = NotebookFile(corpus.data_dir).load().starred
        assert [(i.kind, i.speaker, i.text[:34]) for i in starred] == [
            ("quote", "John Kerry", "We need to get to the negotiation.")
        ]
        assert str(pane.get_option_at_index(first_quote).prompt).startswith("★ “We need to get")
        assert pane.highlighted == first_quote


async def test_any_other_list_is_exported_page_by_page(
    app: NewsdeskApp, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(exporting, "PAGE", 4)  # several pages from the fixture store
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        paged = exporting.paged_listing(corpus, ListSource("mentions", "John Kerry"))
        whole = mentions_listing(corpus, "John Kerry")
        assert paged.total == whole.total == 13
        assert [(h.article_id, h.paragraph, h.highlights) for h in paged.rows] == [
            (h.article_id, h.paragraph, h.highlights) for h in whole.rows
        ]


async def test_j_on_the_notebook_view_s_last_row_stays_there_as_in_the_results(app: NewsdeskApp) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = await search(pilot, "Kerry")
        for index in range(2):
            results.highlight_entry(index)
            await pilot.press("asterisk")
            await settle(pilot)
        results.highlight_entry(len(results.entries) - 1)
        last = results.highlighted
        await pilot.press("j")
        await settle(pilot)
        assert results.highlighted == last  # the results list stays on its last row
        await pilot.press("b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NotebookScreen)
        screen.items_list.action_last()
        last = screen.items_list.highlighted
        await pilot.press("j")
        await settle(pilot)
        assert screen.items_list.highlighted == last
        screen.items_list.action_first()
        first = screen.items_list.highlighted
        await pilot.press("k")
        await settle(pilot)
        assert screen.items_list.highlighted == first
