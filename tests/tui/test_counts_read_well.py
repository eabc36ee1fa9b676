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
