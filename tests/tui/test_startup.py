"""Start-up: the first results come from the index as it is; the freshness check runs after."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from tui_helpers import settle

from store.corpus import Corpus
from store.models import Article, Paragraph
from store.yamlio.save import save_article
from tui.app import NewsdeskApp
from tui.widgets.results_list import ResultsList

NEW_ARTICLE = "2030-01-01-harbour-reopens-after-storm"


async def test_first_results_come_before_the_freshness_check_and_an_update_reloads_them(
    store: Path, corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraphs = [Paragraph("The harbour reopened on Monday.")]
    article = Article(NEW_ARTICLE, "Harbour reopens after storm", paragraphs)
    save_article(store / "articles" / f"{NEW_ARTICLE}.yaml", article)  # not in the index yet
    release = threading.Event()
    check = corpus.index_state

    def slow_check() -> str:
        release.wait(10)
        return check()

    monkeypatch.setattr(corpus, "index_state", slow_check)
    app = NewsdeskApp(corpus)
    async with app.run_test(size=(120, 35)) as pilot:
        results = app.screen.query_one(ResultsList)
        for _ in range(200):
            if results.entries:
                break
            await pilot.pause(0.02)
        assert results.entries, "no results while the freshness check was still running"
        assert NEW_ARTICLE not in {e.article_id for e in results.entries}
        release.set()
        await settle(pilot)
        assert results.entries[0].article_id == NEW_ARTICLE  # the newest article, after the update


def test_index_usable_is_true_only_for_an_index_of_this_schema(store: Path, corpus: Corpus) -> None:
    assert corpus.index_usable()
    manifest = corpus.index_dir / "newsdesk.json"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('"schema_version":', '"schema_version":9', 1), encoding="utf-8")
    assert not corpus.index_usable()
    manifest.unlink()
    assert not corpus.index_usable()
