"""Quotes shown as quotes: the bar beside the quoted lines only, each speaker named once
at the quote, the speaker a `speaker:` hit asked for, and the "Check speakers" view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_helpers import HAMMOND_ARTICLE, settle

from store.models import Article, Entity, Mention, Paragraph, Quote
from store.yamlio.load import load_article
from store.yamlio.save import save_article
from tui.app import NewsdeskApp
from tui.cli import main
from tui.navigation import ArticleTarget, ListSource
from tui.screens.picker_screen import PickerScreen
from tui.screens.speaker_review_screen import SpeakerReviewScreen
from tui.widgets.quoted_paragraph import BAR, GAP, QuotedParagraph, QuoteMark, labels
from tui.widgets.results_list import ResultsList

DEBATE = "2020-01-01-two-voices-in-one-paragraph"
TEXT = (
    "The council met on Monday to settle the budget after a long and bitter dispute between "
    "the two parties. “We will not cut the libraries,” said Anna Berg. Her rival was unmoved. "
    "“The numbers do not add up,” Tom Quill replied, and the meeting went on late into the night."
)


@pytest.fixture
def debate(store: Path) -> Path:
    """An article (written for the test) with two speakers in one long paragraph."""
    first = TEXT.index("We will")
    second = TEXT.index("The numbers")
    article = Article(
        id=DEBATE,
        title="Two voices in one paragraph",
        published="2020-01-01",
        paragraphs=[Paragraph(TEXT)],
        quotes=[
            Quote(TEXT[first : TEXT.index(",”")], 0, first, TEXT.index(",”"), "Anna Berg", "said"),
            Quote(
                TEXT[second : TEXT.index(",” Tom")], 0, second, TEXT.index(",” Tom"), "Tom Quill", "replied"
            ),
        ],
        entities=[
            Entity(
                "Anna Berg", "PERSON", ["Anna Berg"], [Mention(0, TEXT.index("Anna"), TEXT.index("Anna") + 9)]
            ),
            Entity(
                "Tom Quill", "PERSON", ["Tom Quill"], [Mention(0, TEXT.index("Tom"), TEXT.index("Tom") + 9)]
            ),
        ],
    )
    save_article(store / "articles" / f"{DEBATE}.yaml", article)
    return store


def test_each_run_of_quotes_by_one_speaker_is_named_once() -> None:
    quotes = [QuoteMark(1, 5, "A"), QuoteMark(9, 12, "A"), QuoteMark(20, 30, "B"), QuoteMark(40, 45, None)]
    assert labels(quotes) == {12: "— A", 30: "— B", 45: "— speaker not known"}


async def test_the_bar_covers_the_quoted_lines_and_names_each_speaker(app: NewsdeskApp, debate: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.article.open(ArticleTarget(DEBATE, 0))  # type: ignore[attr-defined]
        await settle(pilot)
        block = app.screen.query_one("#p-0", QuotedParagraph)
        lines = [line.plain for line in block.lines(40)]
        assert lines[0].startswith(GAP) and "council met" in lines[0]  # narrative: no bar
        quoted = [line for line in lines if line.startswith(BAR)]
        assert any("libraries" in line for line in quoted) and any("numbers" in line for line in quoted)
        assert lines[-1].startswith(GAP) and "night" in lines[-1]  # narrative after the last quote
        assert [line for line in lines if "—" in line] == [BAR + "— Anna Berg", BAR + "— Tom Quill"]
        anna = lines.index(BAR + "— Anna Berg")
        assert "libraries" in lines[anna - 1] or "libraries" in lines[anna - 2]
        # the quoted words carry the quote style, the narrative does not
        styled = block.text
        quote_style = app.screen.article._style("article--quote")  # type: ignore[attr-defined]
        inside = TEXT.index("libraries")
        assert any(s.start <= inside < s.end and s.style == quote_style for s in styled.spans)
        assert not any(s.start <= 5 < s.end and s.style == quote_style for s in styled.spans)


async def test_a_partial_quote_is_labelled_partial_in_the_article_and_in_quotes_json(
    app: NewsdeskApp, debate: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = debate / "articles" / f"{DEBATE}.yaml"
    article = load_article(path)
    article.quotes[1].partial = True
    save_article(path, article)
    assert "partial: true" in path.read_text(encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.article.open(ArticleTarget(DEBATE, 0))  # type: ignore[attr-defined]
        await settle(pilot)
        block = app.screen.query_one("#p-0", QuotedParagraph)
        labelled = [line.plain for line in block.lines(40) if "—" in line.plain]
        assert labelled == [BAR + "— Anna Berg", BAR + "— Tom Quill (partial)"]
    capsys.readouterr()
    assert main(["quotes", "--data", str(debate), "--speaker", "Tom Quill", "--json"]) == 0
    (quote,) = json.loads(capsys.readouterr().out)["quotes"]
    assert quote["partial"] is True and quote["text"] == "The numbers do not add up"


async def test_a_speaker_hit_names_the_speaker_asked_for(app: NewsdeskApp, debate: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        results.show(ListSource("search", 'speaker:"Tom Quill"'))
        await settle(pilot)
        assert [e.speaker for e in results.entries] == ["Tom Quill"]
        results.show(ListSource("search", 'speaker:"anna berg" council'))
        await settle(pilot)
        assert [e.speaker for e in results.entries] == ["Anna Berg"]


async def test_setting_a_speaker_in_the_review_survives_reextract(
    app: NewsdeskApp, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from store.extract.digest import extraction_digest

    path = store / "articles" / f"{HAMMOND_ARTICLE}.yaml"
    stale = load_article(path)
    stale.quotes[0].cue = "stale"  # as an older extractor wrote it (its digest agrees)
    stale.extraction_digest = extraction_digest(stale)
    save_article(path, stale)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "C")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, SpeakerReviewScreen)
        index = next(i for i, q in enumerate(review.quotes) if q.speaker == "State Department")
        assert review.quotes[index].reason == "credited to an organisation"
        review.options.highlighted = index
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        app.screen.query_one(Input).value = "hamond"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert review.quotes[index].speaker == "Philip Hammond" and index in review.fixed
        await pilot.press("escape")
        await settle(pilot)
    assert [q.speaker for q in load_article(path).quotes][-1] == "Philip Hammond"
    assert main(["reextract", "--data", str(store), HAMMOND_ARTICLE]) == 0
    assert "1 updated" in capsys.readouterr().out  # extracted again: not kept whole as a hand edit
    quotes = load_article(path).quotes
    assert (quotes[-1].speaker, quotes[-1].speaker_by_hand) == ("Philip Hammond", True)
    assert quotes[0].cue != "stale"  # the rest of the article's extraction was refreshed
