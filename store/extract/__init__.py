"""Extraction: direct quotes with their speakers, and entities with mentions.

`extract_articles` fills each article's `quotes`, `entities` and
`extraction_digest`. The spaCy model is loaded once per process; articles go
through `nlp.pipe` in batches, and a large batch is shared by worker processes
forked after the model is loaded (so they do not load it again).
"""

from __future__ import annotations

import multiprocessing
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import TYPE_CHECKING

from store.aliases import AliasTable
from store.confidence import graded
from store.curation import curate_article
from store.errors import StoreError
from store.extract.city_types import retype_cities
from store.extract.corpus_names import propagate_names
from store.extract.digest import extraction_digest
from store.extract.entities import extract_entities
from store.extract.entity_mentions import resolve_name
from store.extract.fragments import Reading, ends_sentence, quote_kind, starts_lower
from store.extract.headed_chunks import LEADING_DROP
from store.extract.pipeline import body_of, load_model, parse_bodies, text_of, token_offsets
from store.extract.quotes import QuoteRegion, find_regions, is_quotation, looks_like_markup, looks_like_title
from store.extract.speakers import attribute_quotes, is_cue
from store.extract.within_names import add_names_within, settle_fragments
from store.models import Article, Entity, Mention, Quote
from store.name_lexicon import load_first_names
from store.processes import bind_to_parent, interrupts_deferred
from store.speaker_edit import add_speaker_entity
from store.word_lexicon import load_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

Progress = Callable[[int, int, str], None]
Failed = Callable[[Article, str], None]


class ExtractionFailed(StoreError):
    """Extraction of an article failed (a bug, reported with the article it happened on)."""


PARALLEL_FROM = 24
"""Fewer articles than this are extracted in this process: forking would cost more."""
_NAMING_VERBS = frozenset({"call", "describe", "label", "term", "dub", "brand", "deem"})
CHUNK = 8
"""Articles a worker parses per task (one `nlp.pipe` stream)."""


def extract_article(article: Article, doc: Doc, aliases: AliasTable, title: Doc | None = None) -> Article:
    """Fill one article's quotes, entities and digest from the parse of its body (and of
    its headline, which only lends entities their full names: "Jared Padalecki")."""
    texts = [p.text for p in article.paragraphs]
    _, starts = body_of(texts)
    entities = extract_entities(doc, article.paragraphs, starts, aliases, title)
    # a heading or a photo's caption neither holds a quote nor carries one across
    furniture = {i for i, p in enumerate(article.paragraphs) if p.kind in ("heading", "caption")}
    found = find_regions(texts, furniture)
    token_starts = token_offsets(doc) if found else []
    regions: list[QuoteRegion] = []
    readings: list[Reading] = []
    for r in found:
        reading = quote_kind(r, doc, token_starts, starts[r.paragraph], texts[r.paragraph])
        kind = reading.kind
        if kind == "narrator" and starts_lower(r) and not ends_sentence(r):
            continue  # "moved into “a living room in the valley” to watch": the writer's scare quote
        if _after_possessive(r, texts[r.paragraph]):
            continue  # "the network’s “Hannity,”": a show, a book, a film
        quoted = is_quotation(r, texts[r.paragraph]) and not _only_names(
            r, doc, token_starts, starts[r.paragraph]
        )
        # a fragment of one to three words only beside its speech verb ("said “never”"): further
        # off, such fragments are as often labels a speaker is reported to have objected to
        if quoted or (kind != "narrator" and _spoken(r, doc, token_starts, starts[r.paragraph])):
            regions.append(r)
            readings.append(reading)
    frames = [reading.frame for reading in readings]
    attributions = attribute_quotes(doc, texts, starts, regions, entities, resolve_name, frames)
    article.quotes = [
        Quote(
            text=r.text,
            paragraph=r.paragraph,
            start=r.start,
            end=r.end,
            speaker=a.speaker,
            cue=a.cue,
            partial=reading.kind == "partial",
            confidence=confidence,
            speaker_from=route,
        )
        for r, a, reading, (confidence, route) in zip(
            regions, attributions, readings, map(graded, attributions), strict=True
        )
    ]
    article.entities = entities
    _add_unlisted_speakers(article)
    curate_article(article, aliases)  # the user's renames, merges, splits and drops (aliases.yaml)
    article.entities = merge_duplicate_entities(article.entities)
    settle_fragments(article)  # "Texas" that lost its mentions to "University of Texas"
    article.extraction_digest = extraction_digest(article)
    return article


def merge_duplicate_entities(entities: list[Entity]) -> list[Entity]:
    """One entity per (name, type), as `check` requires: two groups that resolved to the
    same canonical name ("The Office" and "Office" both as "Office") become one, with
    the aliases and mentions of both, in reading order."""
    merged: dict[tuple[str, str], Entity] = {}
    for entity in entities:
        key = (entity.name, entity.type)
        first = merged.get(key)
        if first is None:
            merged[key] = Entity(
                entity.name, entity.type, list(entity.aliases), list(entity.mentions), list(entity.within)
            )
            continue
        first.aliases.extend(a for a in entity.aliases if a not in first.aliases)
        first.within.extend(w for w in entity.within if w not in first.within)
        spans = {(m.paragraph, m.start, m.end) for m in first.mentions + entity.mentions}
        first.mentions = [Mention(*span) for span in sorted(spans)]
    return list(merged.values())


def _spoken(region: QuoteRegion, doc: Doc, token_starts: list[int], offset: int) -> bool:
    """A short quoted span a speech verb governs: "Novak said, “Never.”", "“Indeed,” she said",
    "what Lopez called “a clear failure.”"."""
    if not token_starts or not 0 < region.words <= 3 or looks_like_markup(region, text_of(doc), offset):
        return False
    if looks_like_title(region.text) or _only_names(region, doc, token_starts, offset):
        return False  # "on “Morning Report,”", "“BBC”": a show or a name, even next to a verb
    end = bisect_left(token_starts, offset + region.end + 1)
    following = [t for t in doc[end : end + 4] if not t.is_punct]
    if any(is_cue(t) for t in following[:2]):
        return True
    at = bisect_left(token_starts, offset + region.start - 1)
    before = [t for t in doc[max(0, at - 6) : at] if not t.is_punct][-4:]
    if any(is_cue(t) for t in before[-3:]):
        return True
    # a phrase a person is said to have used, with its own full stop or comma
    return region.text.endswith((".", ",")) and any(t.lemma_ in _NAMING_VERBS for t in before)


_POSSESSIVE = re.compile(r"\w['’]s\s*$")


def _after_possessive(region: QuoteRegion, paragraph: str) -> bool:
    """A few capitalised words right after a possessive ("the network’s “Hannity,”") name a
    show, a book or a film; speech is never owned like that."""
    if region.continues or region.words > 4 or not region.text[:1].isupper():
        return False
    return _POSSESSIVE.search(paragraph, 0, max(0, region.start - 1)) is not None


def _only_names(region: QuoteRegion, doc: Doc, token_starts: list[int], offset: int) -> bool:
    """A short quoted span of proper nouns is a name or a title ("Novak,"), not speech."""
    if region.words > 3 or region.continues or region.text.rstrip()[-1:] in "!?":
        return False
    first = bisect_left(token_starts, offset + region.start)
    last = bisect_left(token_starts, offset + region.end)
    words = [t for t in doc[first:last] if not (t.is_punct or t.is_space)]
    return bool(words) and all(t.pos_ == "PROPN" for t in words)


def _add_unlisted_speakers(article: Article) -> None:
    """A speaker the entity model missed still gets an entity, so every speaker is one (a
    joint speaker is its people, each an entity already)."""
    for quote in article.quotes:
        if quote.speaker and (
            any(ch.isupper() for ch in quote.speaker) or _decased_name(article, quote.speaker)
        ):
            add_speaker_entity(article, quote.speaker)


def _decased_name(article: Article, speaker: str) -> bool:
    """A speaker in lower case is a name when the copy itself is in lower case (wire text
    with its capitals lost: "finance minister manuel azpurua told …"): the article writes
    it so, and it opens with no determiner."""
    return speaker.split()[0] not in LEADING_DROP and any(speaker in p.text for p in article.paragraphs)


def _extract_in_process(articles: list[Article], aliases: AliasTable) -> Iterator[tuple[Article, str | None]]:
    """Each article extracted, with what went wrong when its extraction failed."""
    bodies = ([p.text for p in article.paragraphs] for article in articles)
    titles = parse_bodies([article.title] for article in articles)
    for article, doc, title in zip(articles, parse_bodies(bodies), titles, strict=True):
        try:
            yield extract_article(article, doc, aliases, title), None
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
            yield article, f"extraction failed: {type(exc).__name__}: {exc}"


_worker_aliases = AliasTable()


def _extract_chunk(articles: list[Article]) -> list[tuple[Article, str | None]]:
    return list(_extract_in_process(articles, _worker_aliases))


def extract_articles(
    articles: list[Article],
    *,
    processes: int = 1,
    progress: Progress | None = None,
    aliases: AliasTable | None = None,
    failed: Failed | None = None,
) -> list[Article]:
    """Fill each article's quotes, entities and extraction_digest (in place; returned too).

    An article whose extraction fails keeps what it had; `failed(article, message)` is
    told, or without it the first failure raises `ExtractionFailed` once the batch is done.
    Raises `ModelMissing` (a `StoreError`) when the spaCy model is not installed.
    """
    global _worker_aliases
    aliases = aliases or AliasTable()
    total = len(articles)
    load_model()  # fail early, and let forked workers share the loaded model
    load_first_names()  # and the first-name lists
    load_words()  # and the English word lexicon
    outcomes: list[tuple[Article, str | None]] = []
    if processes <= 1 or total < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        for outcome in _extract_in_process(articles, aliases):
            outcomes.append(outcome)
            if progress:
                progress(len(outcomes), total, outcome[0].title)
    else:
        _worker_aliases = aliases
        chunks = [articles[i : i + CHUNK] for i in range(0, total, CHUNK)]
        context = multiprocessing.get_context("fork")
        # the workers die with this process and leave Ctrl-C to it (no traceback from each)
        with ExitStack() as stack:
            with interrupts_deferred():  # a Ctrl-C during the forks terminates the pool
                pool = stack.enter_context(
                    context.Pool(processes, initializer=bind_to_parent, initargs=(os.getpid(),))
                )
            for chunk in pool.imap(_extract_chunk, chunks):
                outcomes.extend(chunk)
                if progress:
                    progress(len(outcomes), total, chunk[-1][0].title)
        # copy the results into the caller's objects, which the workers only saw as copies
        for mine, (theirs, _) in zip(articles, outcomes, strict=True):
            mine.quotes, mine.entities = theirs.quotes, theirs.entities
            mine.extraction_digest = theirs.extraction_digest
    problems = [(mine, message) for mine, (_, message) in zip(articles, outcomes, strict=True) if message]
    broken = {id(mine) for mine, _ in problems}
    extracted = [a for a in articles if id(a) not in broken]
    propagate_names(extracted)  # the names the batch agrees on
    retyped = retype_cities(extracted, aliases)  # "Azov" read as a person
    for index in {*retyped, *add_names_within(extracted, aliases)}:  # "Texas" in "University of Texas"
        extracted[index].extraction_digest = extraction_digest(extracted[index])
    if problems and failed is None:
        article, message = problems[0]
        raise ExtractionFailed(f"{article.id or article.title}: {message}")
    for article, message in problems:
        if failed is not None:
            failed(article, message)
    return articles
