"""Correcting a quote's speaker in its article file (the "Check speakers" view).

The quote is marked `speaker_by: hand`. Re-extraction (`newsdesk reextract`) then
extracts the article again and carries each hand-set speaker over to the quote it
belongs to (same place, or the same words where the new extraction moved its
edges), so the rest of the article's extraction is refreshed and the correction
stays. A speaker is one of the article's entities, so `newsdesk check` stays
clean; a name the article has no entity for gets one, with its mentions.
"""

from __future__ import annotations

import re
from pathlib import Path

from store.errors import StoreError
from store.joint import joint_parts, known_names
from store.models import Article, Entity, Mention, Quote
from store.yamlio.load import load_article
from store.yamlio.save import save_article


def set_speaker(path: Path, paragraph: int, start: int, speaker: str | None) -> Article:
    """Set (or clear, with None) the speaker of the quote at `paragraph`/`start`; save atomically."""
    from store.extract.digest import edited_by_hand, extraction_digest  # (imports the extraction package)

    article = load_article(path)
    quote = next((q for q in article.quotes if q.paragraph == paragraph and q.start == start), None)
    if quote is None:
        raise StoreError(f"{path}: no quote starts at paragraph {paragraph}, character {start} any more")
    edited_before = edited_by_hand(article)
    speaker = speaker.strip() if speaker else None
    quote.speaker = speaker or None
    mark_by_hand(quote)
    add_speaker_entity(article, quote.speaker)
    if not edited_before and article.extraction_digest is not None:
        # the correction is recorded on the quote, so the article stays open to re-extraction;
        # an article edited in other ways before stays as it is (its digest is left alone)
        article.extraction_digest = extraction_digest(article)
    save_article(path, article)
    return article


def carry_hand_speakers(article: Article, hand: list[Quote]) -> None:
    """Put the speakers set by hand (`hand`, the quotes as they were before extraction ran
    again) back on the newly extracted quotes; a hand-attributed quote extraction no longer
    finds is kept as it was."""
    for kept in hand:
        quote = _same_quote(article.quotes, kept)
        if quote is None:
            article.quotes.append(kept)
            article.quotes.sort(key=lambda q: (q.paragraph, q.start))
        else:
            quote.speaker = kept.speaker
            mark_by_hand(quote)
        add_speaker_entity(article, kept.speaker)


def mark_by_hand(quote: Quote) -> None:
    """A person set this speaker (or cleared it): sure, and no route of extraction's."""
    quote.speaker_by_hand = True
    quote.confidence = "high" if quote.speaker else None
    quote.speaker_from = None


def _same_quote(quotes: list[Quote], kept: Quote) -> Quote | None:
    """The quote at the same place, else the one in the same paragraph sharing most of its words."""
    best: Quote | None = None
    best_shared = 0
    for quote in quotes:
        if quote.paragraph != kept.paragraph:
            continue
        if (quote.start, quote.end) == (kept.start, kept.end):
            return quote
        shared = min(quote.end, kept.end) - max(quote.start, kept.start)
        if shared * 2 > min(quote.end - quote.start, kept.end - kept.start) and shared > best_shared:
            best, best_shared = quote, shared
    return best


def add_speaker_entity(article: Article, speaker: str | None) -> None:
    """Give a speaker the article has no entity for one, with its mentions."""
    known = known_names(article.entities)
    if speaker and speaker not in known and not joint_parts(speaker, known):
        article.entities.append(_entity(article, speaker))


def _entity(article: Article, name: str) -> Entity:
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    mentions = [
        Mention(index, match.start(), match.end())
        for index, paragraph in enumerate(article.paragraphs)
        for match in pattern.finditer(paragraph.text)
    ]
    return Entity(name=name, type="PERSON", aliases=[name], mentions=mentions)
