"""Counts read as English: "1 quote", "1 row", "1 item", never "1 quotes"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from store.hits import CorpusStats
from tui.cli import main
from tui.widgets.status_line import StatusLine


class _StatusOnly(App[None]):
    CSS_PATH = Path(__file__).resolve().parents[2] / "tui" / "app.tcss"  # the real line's layout

    def compose(self) -> ComposeResult:
        yield StatusLine()


@pytest.mark.parametrize(
    ("counts", "said"),
    [
        ((1, 1, 1), "1 article · 1 quote · 1 entity · sort: relevance"),
        ((3, 0, 10), "3 articles · 0 quotes · 10 entities · sort: relevance"),
    ],
)
async def test_the_status_line_says_1_quote(counts: tuple[int, int, int], said: str) -> None:
    app = _StatusOnly()
    async with app.run_test(size=(100, 3)):
        status = app.query_one(StatusLine)
        status.show_stats(CorpusStats(*counts), "relevance")
        assert str(status.query_one("#status-corpus", Static).render()) == said


def test_an_export_of_one_row_says_one_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    shutil.copytree(Path(__file__).resolve().parent.parent / "fixtures" / "store", store)
    target = tmp_path / "one.md"
    argv = ["export", "ceasefire", "--format", "md", "-o", str(target), "--data", str(store)]
    assert main(argv) == 0
    assert "newsdesk: 1 row (" in capsys.readouterr().err
    assert "\n\n1 item.\n" in target.read_text(encoding="utf-8")


async def test_a_narrow_status_line_leaves_out_counts_not_the_sort_order() -> None:
    app = _StatusOnly()
    async with app.run_test(size=(80, 3)) as pilot:
        status = app.query_one(StatusLine)
        status.show_stats(CorpusStats(1500, 693, 3724), "relevance")
        status.show_index("index up to date")
        await pilot.pause()
        shown = status.query_one("#status-corpus", Static)
        assert str(shown.render()) == "1,500 articles · 693 quotes · sort: relevance"  # not "sort: releva…"
        await pilot.resize_terminal(120, 3)
        await pilot.pause()
        assert str(shown.render()) == "1,500 articles · 693 quotes · 3,724 entities · sort: relevance"
