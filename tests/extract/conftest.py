"""Extraction tests share one spaCy model, loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from store.aliases import AliasTable
from store.extract import extract_article
from store.extract.pipeline import load_model, parse_bodies
from store.models import Article, Paragraph
from store.name_lexicon import load_first_names


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The pinned English model (NEWSDESK_SPACY_MODEL to use another), with the
    first-name lists read once too, as `extract_articles` does."""
    load_first_names()
    return load_model()


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., Article]:
    """Run the whole extraction on a small article given as paragraph texts."""

    def run(*paragraphs: str, headings: tuple[int, ...] = (), captions: tuple[int, ...] = ()) -> Article:
        kinds = {i: "heading" for i in headings} | {i: "caption" for i in captions}
        article = Article(
            id="test",
            title="A test article",
            paragraphs=[Paragraph(text, kinds.get(i, "text")) for i, text in enumerate(paragraphs)],
        )
        doc = next(parse_bodies([list(paragraphs)], nlp))
        return extract_article(article, doc, AliasTable())

    return run


def speakers(article: Article) -> list[str | None]:
    """The speaker of each quote, in order."""
    return [quote.speaker for quote in article.quotes]
