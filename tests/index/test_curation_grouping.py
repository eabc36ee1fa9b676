"""A curated entity keeps what the corpus grouped under it: renaming "Labour Party" (which
the corpus joined with "Labour") renames the whole entity, and the name the user gave
is the one shown, whichever of the group's names the grouping happens to keep."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store.corpus import Corpus, open_corpus
from store.identity import CorpusEntity
from store.index.registry import _named
from store.models import Article, Entity, Mention, Paragraph
from store.name_records import NameRecord
from store.yamlio.save import save_article


def _article(number: int, name: str) -> Article:
    text = f"{name} said on Monday that the budget was wrong."
    return Article(
        id=f"story-{number}",
        title=f"Budget row, day {number}",
        paragraphs=[Paragraph(text)],
        published=f"2020-01-{number:02d}",
        entities=[Entity(name, "ORG", mentions=[Mention(0, 0, len(name))])],
    )


@pytest.fixture
def party(tmp_path: Path) -> Iterator[Corpus]:
    """One article names the Labour Party, three say Labour: one entity of the corpus."""
    articles = tmp_path / "store" / "articles"
    articles.mkdir(parents=True)
    for number, name in enumerate(["Labour Party", "Labour", "Labour", "Labour"], 1):
        save_article(articles / f"story-{number}.yaml", _article(number, name))
    corpus = open_corpus(tmp_path / "store")
    corpus.ensure_index()
    yield corpus
    corpus.close()


def test_a_rename_to_a_new_name_keeps_the_whole_entity(party: Corpus) -> None:
    [before] = party.entities()
    assert (before.name, before.aliases, before.articles) == ("Labour Party", ["Labour"], 4)
    party.curate("rename", "Labour Party", "British Labour Party")
    [after] = party.entities()
    assert after.name == "British Labour Party"
    assert after.articles == 4  # not 1, with "Labour" left apart under its own name
    assert after.aliases == ["Labour", "Labour Party"]  # no lower-cased copy of a variant
    assert party.mentions("Labour").entity.name == "British Labour Party"
    party.curate("undo")
    assert [(e.name, e.articles) for e in party.entities()] == [("Labour Party", 4)]


def test_the_name_the_user_gave_wins_over_the_groupings_pick() -> None:
    members = [
        NameRecord("Community", "ORG", 4, 9),
        NameRecord("European Community", "ORG", 24, 60),
        NameRecord("EC", "ORG", 9, 30),
    ]
    entity = CorpusEntity("Community", "ORG", members)
    assert _named(entity, {"european community"}) == "European Community"
    assert _named(entity, set()) == "Community"
    assert _named(entity, {"community"}) == "Community"
    assert _named(entity, {"somebody else"}) == "Community"
