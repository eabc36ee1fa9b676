"""Turn one `Article` into the Whoosh documents of its passages (no I/O)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

from store.confidence import is_uncertain
from store.hits import P
from store.index.name_ids import name_id, pack_ids
from store.index.schema import (
    LIST_SEP,
    META_PREFIX,
    NO_SPEAKER,
    SEP,
    STANDFIRST_PARAGRAPH,
    TITLE_PARAGRAPH,
)
from store.mention_scan import text_mentions
from store.models import Article, Entity
from store.person_fit import apart_pairs

HEADLINE_BOOST = 2.0
"""A word in the headline counts as much as two in a paragraph."""
QUOTE_BOOST = 1.3
"""Passages holding a quote weigh a little more: what people said is what readers look for."""


def entity_key(entity_type: str, name: str) -> str:
    """The term an entity is indexed under: its type and name as the YAML writes them."""
    return f"{entity_type}{SEP}{name}"


def day_terms(published: str) -> str:
    """`2019-06-01` -> "y2019 m201906 d20190601" (as precise as the date is)."""
    digits = published.replace("-", "")
    return " ".join(
        f"{mark}{digits[:size]}" for mark, size in (("y", 4), ("m", 6), ("d", 8)) if len(digits) >= size
    )


def published_datetime(published: str | None) -> datetime | None:
    """`2015`, `2015-09` or `2015-09-19` as the first moment it names."""
    if not published:
        return None
    parts = published.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2]) if len(parts) > 2 else 1
        return datetime(year, month, day)
    except (ValueError, IndexError):
        return None


def stored_passage(fields: Mapping[str, Any], record: type[P], **more: Any) -> P:
    """The passage a document's stored fields describe, as `record` (`Passage` or one of
    its hit types, whose own fields `more` gives): the one place that reads back what
    `article_documents` stores."""
    return record(
        article_id=fields["article_id"],
        title=fields.get("headline") or "",
        date=fields.get("published"),
        source=fields.get("publisher"),
        paragraph=fields.get("paragraph", 0),
        **({"text": fields.get("text") or ""} | more),
    )


class StoredQuote(NamedTuple):
    """One quote as a passage document stores it (see `article_documents`)."""

    speaker: str | None
    start: int
    end: int
    cue: str | None
    partial: bool = False
    by_hand: bool = False
    confidence: str | None = None
    speaker_from: str | None = None

    @property
    def uncertain(self) -> bool:
        """As `store.models.Quote.uncertain`: a speaker extraction is not sure of."""
        return is_uncertain(self.speaker, self.confidence, self.by_hand)


def stored_quotes(fields: Mapping[str, Any]) -> list[StoredQuote]:
    """The quotes of a passage document, read back: the one place that decodes them."""
    return [StoredQuote(*entry) for entry in fields.get("quotes") or []]


def _named_in(text: str, named: list[Entity]) -> dict[str, list[int]]:
    """The mentions in a headline or standfirst, which extraction does not read: the
    aliases of the article's `named` entities found there, as the article view and
    `extract`'s spans find them."""
    found: dict[str, list[int]] = {}
    for index, start, end in text_mentions(text, named):
        entity = named[index]
        found.setdefault(entity_key(entity.type, entity.name), []).extend((start, end))
    return found


def _add_mentions(document: dict[str, Any], mentions: dict[str, list[int]] | None) -> None:
    """A passage's mentions: their offsets (stored), and the terms the jump looks up."""
    if mentions:
        document["mentions"] = mentions
        keys = (key for key, spans in mentions.items() for _ in range(len(spans) // 2))
        document["entity"] = LIST_SEP.join(keys)
        document["entity_ids"] = pack_ids(mentions)


def article_documents(article: Article, article_id: str) -> list[dict[str, Any]]:
    """One document per passage: headline (-1), standfirst (-2), then each paragraph."""
    common: dict[str, Any] = {
        "article_id": article_id,
        "headline": article.title,
        "published": article.published,
        "publisher": article.source,
    }
    when = published_datetime(article.published)
    if when is not None:
        common["date"] = when.toordinal()
        common["day"] = day_terms(article.published or "")
    if article.source:
        common["source"] = article.source
        common["source_id"] = name_id(article.source)
    for key, value in article.meta.items():
        text = ", ".join(value) if isinstance(value, list) else value
        if text:
            common[META_PREFIX + key] = text

    first_text = next((i for i, p in enumerate(article.paragraphs) if p.kind == "text" and p.text), None)
    documents: list[dict[str, Any]] = []

    keys = []
    alias_terms = []
    # "Texas" only in "University of Texas": the article does not count for Texas
    named = [entity for entity in article.entities if not entity.only_within]
    for entity in named:
        key = entity_key(entity.type, entity.name)
        keys.append(key)
        # the name itself is in the key already (store.index.registry reads both)
        for alias in dict.fromkeys(entity.aliases):
            if alias != entity.name:
                alias_terms.append(f"{key}{SEP}{alias}")
    title = dict(common, paragraph=TITLE_PARAGRAPH, pkind="title", text=article.title, title=article.title)
    title["_text_boost"] = HEADLINE_BOOST
    title["kind"] = "title lead" if first_text is None else "title"
    if keys:
        title["article_entity"] = LIST_SEP.join(dict.fromkeys(keys))
        title["entity_keys"] = list(dict.fromkeys(keys))
    if alias_terms:
        title["alias"] = LIST_SEP.join(alias_terms)
    apart = [f"{entity_key('PERSON', short)}{SEP}{long}" for short, long in apart_pairs(named)]
    if apart:  # two people the corpus must not join (store.person_fit)
        title["apart"] = LIST_SEP.join(apart)
    _add_mentions(title, _named_in(article.title, named))
    documents.append(title)

    if article.standfirst:
        standfirst = dict(common, paragraph=STANDFIRST_PARAGRAPH, pkind="standfirst", kind="standfirst")
        standfirst["text"] = article.standfirst
        _add_mentions(standfirst, _named_in(article.standfirst, named))
        documents.append(standfirst)

    quotes_by_paragraph: dict[int, list[list[Any]]] = {}
    quote_text: dict[int, list[str]] = {}
    for quote in article.quotes:
        # [speaker, start, end, cue], then [partial, set by hand, confidence, speaker_from] when any is set
        flags: list[Any] = []
        if quote.partial or quote.speaker_by_hand or quote.confidence or quote.speaker_from:
            flags = [quote.partial, quote.speaker_by_hand, quote.confidence, quote.speaker_from]
        quotes_by_paragraph.setdefault(quote.paragraph, []).append(
            [quote.speaker, quote.start, quote.end, quote.cue, *flags]
        )
        quote_text.setdefault(quote.paragraph, []).append(quote.text)
    mentions_by_paragraph: dict[int, dict[str, list[int]]] = {}
    for entity in article.entities:
        key = entity_key(entity.type, entity.name)
        for mention in entity.mentions:
            spans = mentions_by_paragraph.setdefault(mention.paragraph, {}).setdefault(key, [])
            spans += [mention.start, mention.end]

    for number, paragraph in enumerate(article.paragraphs):
        kinds = [paragraph.kind]
        document = dict(common, paragraph=number, pkind=paragraph.kind, text=paragraph.text)
        quotes = quotes_by_paragraph.get(number)
        if quotes:
            kinds.append("quote")
            document["quotes"] = quotes
            document["nquotes"] = len(quotes)
            document["quote"] = " ".join(quote_text[number])
            document["speaker"] = LIST_SEP.join(q[0] or NO_SPEAKER for q in quotes)
            document["speaker_ids"] = pack_ids(q[0] or NO_SPEAKER for q in quotes)
            document["_text_boost"] = QUOTE_BOOST
        _add_mentions(document, mentions_by_paragraph.get(number))
        if number == first_text:
            kinds.append("lead")
        document["kind"] = " ".join(kinds)
        documents.append(document)
    return documents
