"""The entities pane lists events, works, awards and laws in a section of their own,
each row saying what it is."""

from __future__ import annotations

from textual.app import App, ComposeResult

from store.corpus import Corpus
from store.models import Article, Entity, Mention, Paragraph
from tui.widgets.entities_pane import EntitiesPane


class _PaneApp(App[None]):
    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus

    def compose(self) -> ComposeResult:
        yield EntitiesPane(self.corpus, id="entities")


async def test_events_and_works_have_a_section_and_a_kind(corpus: Corpus) -> None:
    text = "Ada Vell won the Stirling Prize at the Avignon Festival."
    article = Article(
        id="prize",
        title="A prize",
        paragraphs=[Paragraph(text)],
        entities=[
            Entity("Ada Vell", "PERSON", ["Ada Vell"], [Mention(0, 0, 8)]),
            Entity("Stirling Prize", "AWARD", ["Stirling Prize"], [Mention(0, 17, 31)]),
            Entity("Avignon Festival", "EVENT", ["Avignon Festival"], [Mention(0, 39, 55)]),
        ],
    )
    app = _PaneApp(corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = app.query_one(EntitiesPane)
        pane.show_article(article)
        await pilot.pause()
        lines = [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]
    assert "Events, works and laws" in lines
    assert "  1 award · Stirling Prize" in lines  # the kind first: a narrow pane cuts the name, not it
    assert "  1 event · Avignon Festival" in lines
    assert any(line.endswith("Ada Vell") for line in lines)  # people say nothing more
    section = lines.index("Events, works and laws")
    assert section > next(i for i, line in enumerate(lines) if line.endswith("Ada Vell"))
