"""A speaker of low confidence: marked "(?)" in the article, listed in Check speakers with
how it was found, given in `quotes --json`, and gone from the list once set by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Input
from tui_helpers import settle

from store.models import Article, Entity, Mention, Paragraph, Quote
from store.yamlio.load import load_article
from store.yamlio.save import save_article
from tui.app import NewsdeskApp
from tui.cli import main
from tui.navigation import ArticleTarget, ListSource
from tui.screens.picker_screen import PickerScreen
from tui.screens.speaker_review_screen import SpeakerReviewScreen
from tui.widgets.quoted_paragraph import BAR, QuotedParagraph
from tui.widgets.results_list import ResultsList

HARBOUR = "2021-03-04-the-harbour-reopens"
TEXT = (
    "Greta Holm has run the harbour at Kilmory since 2009. The port was shut all winter. "
    "Storms broke the pier twice. “The ferry will run again in May,” she said."
)


@pytest.fixture
def harbour(store: Path) -> Path:
    """An article (written for the test) whose one quote hangs on a pronoun three sentences
    from its person: a speaker of low confidence."""
    start = TEXT.index("The ferry")
    end = TEXT.index(",” she")
    article = Article(
        id=HARBOUR,
        title="The harbour reopens",
        published="2021-03-04",
        paragraphs=[Paragraph(TEXT)],
        quotes=[
            Quote(
                TEXT[start:end],
                0,
                start,
                end,
                "Greta Holm",
                "said",
                confidence="low",
                speaker_from="cue-after-far-pronoun",
            )
        ],
        entities=[
            Entity("Greta Holm", "PERSON", ["Greta Holm"], [Mention(0, 0, 10)]),
            Entity(
                "Kilmory", "GPE", ["Kilmory"], [Mention(0, TEXT.index("Kilmory"), TEXT.index("Kilmory") + 7)]
            ),
        ],
    )
    save_article(store / "articles" / f"{HARBOUR}.yaml", article)
    return store


async def test_a_low_confidence_speaker_is_marked_in_the_article(app: NewsdeskApp, harbour: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.article.open(ArticleTarget(HARBOUR, 0))  # type: ignore[attr-defined]
        await settle(pilot)
        block = app.screen.query_one("#p-0", QuotedParagraph)
        assert [line.plain for line in block.lines(40) if "—" in line.plain] == [BAR + "— Greta Holm (?)"]


def test_quotes_json_gives_the_confidence_and_the_route(
    harbour: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", "--data", str(harbour), "--speaker", "Greta Holm", "--json"]) == 0
    (quote,) = json.loads(capsys.readouterr().out)["quotes"]
    assert (quote["confidence"], quote["speaker_from"]) == ("low", "cue-after-far-pronoun")


async def test_a_low_confidence_quote_is_listed_until_its_speaker_is_set_by_hand(
    app: NewsdeskApp, harbour: Path
) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "C")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, SpeakerReviewScreen)
        index = next(i for i, q in enumerate(review.quotes) if q.article_id == HARBOUR)
        assert review.quotes[index].reason == (
            "low confidence: speaker from a pronoun two or more sentences back, "
            "by a speech verb right after the quote"
        )
        await pilot.press("f")  # low confidence only
        await settle(pilot)
        assert review.quotes and {q.kind for q in review.quotes} == {"low"}
        review.options.highlighted = next(i for i, q in enumerate(review.quotes) if q.article_id == HARBOUR)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, PickerScreen)
        app.screen.query_one(Input).value = "holm"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        (quote,) = load_article(harbour / "articles" / f"{HARBOUR}.yaml").quotes
        assert (quote.speaker, quote.speaker_by_hand, quote.confidence, quote.speaker_from) == (
            "Greta Holm",
            True,
            "high",
            None,
        )
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerReviewScreen)
        assert HARBOUR not in {q.article_id for q in app.screen.quotes}


async def test_a_speaker_s_quotes_mark_the_uncertain_ones(app: NewsdeskApp, harbour: Path) -> None:
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        results.show(ListSource("quotes", "Greta Holm"))
        await settle(pilot)
        assert [(e.speaker, e.uncertain) for e in results.entries] == [("Greta Holm", True)]
        header = results._quote_row(results.entries[0], False, 0).renderables[0]
        assert isinstance(header, Text) and header.plain == "Greta Holm (?)"
