"""An entity's article count when one article names it in two forms the corpus joins
("Nobel Peace Prize" and, later, "the 2002 Peace Prize"): each article counts once."""

from __future__ import annotations

from pathlib import Path

from store.corpus import open_corpus
from store.models import Article, Entity, Mention, Paragraph
from store.yamlio.save import save_article


def _article(article_id: str, text: str, entities: list[Entity]) -> Article:
    article = Article(article_id, f"Headline of {article_id}", [Paragraph(text)])
    article.entities = entities
    return article


def test_an_article_naming_an_entity_in_two_forms_counts_once(tmp_path: Path) -> None:
    articles = tmp_path / "store" / "articles"
    articles.mkdir(parents=True)
    both = "Roosevelt won the Nobel Peace Prize. Carter won the 2002 Peace Prize."
    one = "She was nominated for the Nobel Peace Prize."
    for article in (
        _article(
            "2020-01-01-both",
            both,
            [
                Entity("Nobel Peace Prize", "AWARD", ["Nobel Peace Prize"], [Mention(0, 19, 36)]),
                Entity("Peace Prize", "AWARD", ["Peace Prize"], [Mention(0, 58, 69)]),
            ],
        ),
        _article(
            "2020-01-02-one",
            one,
            [Entity("Nobel Peace Prize", "AWARD", ["Nobel Peace Prize"], [Mention(0, 27, 44)])],
        ),
    ):
        save_article(articles / f"{article.id}.yaml", article)
    corpus = open_corpus(tmp_path / "store")
    try:
        page = corpus.mentions("Nobel Peace Prize")
        assert page.entity.name == "Nobel Peace Prize" and "Peace Prize" in page.entity.aliases
        assert (page.total, page.articles) == (2, 2)  # not 3: the first article names it twice
    finally:
        corpus.close()
