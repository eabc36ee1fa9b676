"""Extraction: direct quotes with their speakers, and entities with mentions.

(Being built: until it lands, `extract_articles` returns the articles unchanged.)
"""

from __future__ import annotations

from collections.abc import Callable

from store.aliases import AliasTable
from store.models import Article

Progress = Callable[[int, int, str], None]


def extract_articles(
    articles: list[Article],
    *,
    processes: int = 1,
    progress: Progress | None = None,
    aliases: AliasTable | None = None,
) -> list[Article]:
    """Fill each article's quotes, entities and extraction_digest."""
    return articles
