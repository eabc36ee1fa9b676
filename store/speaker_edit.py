"""Correcting a quote's speaker in its article file (the "Check speakers" view).

The change is a hand edit: the article's quotes no longer match its extraction
digest, so `newsdesk reextract` keeps the article as corrected (unless `--force`).
A speaker is one of the article's entities, so `newsdesk check` stays clean; a name
the article has no entity for gets one, with its mentions.
"""

from __future__ import annotations

import re
from pathlib import Path

from store.errors import StoreError
from store.models import Article, Entity, Mention
from store.yamlio.load import load_article
from store.yamlio.save import save_article


def set_speaker(path: Path, paragraph: int, start: int, speaker: str | None) -> Article:
    """Set (or clear, with None) the speaker of the quote at `paragraph`/`start`; save atomically."""
    article = load_article(path)
    quote = next((q for q in article.quotes if q.paragraph == paragraph and q.start == start), None)
    if quote is None:
        raise StoreError(f"{path}: no quote starts at paragraph {paragraph}, character {start} any more")
    speaker = speaker.strip() if speaker else None
    quote.speaker = speaker or None
    if speaker and not any(speaker == e.name or speaker in e.aliases for e in article.entities):
        article.entities.append(_entity(article, speaker))
    save_article(path, article)
    return article


def _entity(article: Article, name: str) -> Entity:
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    mentions = [
        Mention(index, match.start(), match.end())
        for index, paragraph in enumerate(article.paragraphs)
        for match in pattern.finditer(paragraph.text)
    ]
    return Entity(name=name, type="PERSON", aliases=[name], mentions=mentions)
