"""The views behind the Corpus facade: co-mentions, who is quoted, timelines.

store.corpus_views holds the facade methods; they import this module on first use
(numpy and the arrays are not needed to start the app or a CLI command). Each
function takes the index's IndexAccess and works over arrays read once per index version
(store.index.forward). Every count is exact: all matching passages are counted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh import query as wq

from store.hits import MentionsPage
from store.index import cooccur as co
from store.index import speakers_view as sv
from store.index import timeline as tl
from store.index.docset import DocSet
from store.index.documents import stored_quotes
from store.index.expand import Budget
from store.index.forward import Forward, IntArray, distinct, load_forward
from store.index.group_ids import GroupIds, Named, named_pairs
from store.index.name_ids import NO_ID
from store.views import CoMentions, Count, Overrepresented, SpeakerProfile, Speakers, Timeline

if TYPE_CHECKING:
    from store.index.access import IndexAccess

EXPANSION_BUDGET_S = 60.0
"""Prefixes and fuzzy words are expanded in full for the views (their counts are exact);
a search's own 0.12 s budget would cut a broad prefix short."""
PROFILE_QUOTES = 2000
"""A speaker profile reads at most this many of their newest quote passages."""


@dataclass
class _ViewCache:
    key: object = None
    forward: Forward | None = None
    ids: GroupIds | None = None
    named: Named | None = None
    counts: dict[str, co.UnitCounts] = field(default_factory=dict)
    sources: dict[int, str] = field(default_factory=dict)


def _state(index: IndexAccess) -> tuple[Forward, GroupIds, _ViewCache]:
    registry = index.registry()
    if index.view_cache is None:
        index.view_cache = _ViewCache()
    cache: _ViewCache = index.view_cache
    key = (index.reader.generation(), id(registry))
    if cache.key != key or cache.forward is None or cache.ids is None:
        reader = index.searcher().reader()
        forward = load_forward(reader, index.reader.dates(), index.reader.article_starts())
        cache.__init__(key, forward, GroupIds(registry))  # type: ignore[misc]
    assert cache.forward is not None and cache.ids is not None
    return cache.forward, cache.ids, cache


def _matching(index: IndexAccess, query: str) -> IntArray:
    """Every passage matching `query` ("" = every article's lead passage, as search has it)."""
    forward, _, _ = _state(index)
    q = index.parse(query, Budget(EXPANSION_BUDGET_S)) if query.strip() else None
    docset = DocSet(index.searcher(), forward.live)
    if q is None:
        return docset.docnums(wq.Term("kind", "lead"))
    return docset.docnums(q)


def _pairs(index: IndexAccess) -> tuple[Named, _ViewCache]:
    """The (passage, entity) pairs and per-entity index counts, once per index version."""
    forward, ids, cache = _state(index)
    if cache.named is None:
        cache.named = named_pairs(forward, ids)
        cache.counts["passage"] = co.corpus_counts(cache.named, "passage", len(forward.live))
        cache.counts["article"] = co.corpus_counts(cache.named, "article", len(forward.starts))
    return cache.named, cache


# co-mentions ------------------------------------------------------------


def cooccur(
    index: IndexAccess, name: str, entity_type: str | None, by: str, rank: str,
    partner_type: str | None, min_count: int, limit: int | None,
) -> CoMentions:  # fmt: skip
    started = time.perf_counter()
    group = index.group(name, entity_type)
    forward, ids, _ = _state(index)
    named, cache = _pairs(index)
    docs = named.passages_of(ids.index_of(group))
    both, first = co.named_with(named, forward, docs, by)
    found, distinct = co.ranked(
        ids, both, first, cache.counts[by], rank=rank, min_count=min_count, limit=limit,
        entity_type=partner_type, leave_out={ids.index_of(group)},
    )  # fmt: skip
    return CoMentions(
        entity=group.ref(), by=by, rank=rank, total=first, universe=cache.counts[by].universe,
        min_count=min_count, distinct=distinct, cooccurring=found,
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )  # fmt: skip


def pair(
    index: IndexAccess, name: str, entity_type: str | None, other: str, other_type: str | None,
    offset: int, limit: int,
) -> MentionsPage:  # fmt: skip
    first, second = index.group(name, entity_type), index.group(other, other_type)
    theirs = set(index.ordered("entity", second.keys))
    docnums = [d for d in index.ordered("entity", first.keys) if d in theirs]
    keys = first.keys + second.keys
    page = index.reader.stored(docnums[offset : offset + limit])
    articles = len(distinct(_state(index)[0].article_of(np.asarray(docnums, dtype=np.int64))))
    return MentionsPage(
        entity=first.ref(),
        total=len(docnums),
        articles=articles,
        passages=[index.reader.mention_passage(fields, keys) for fields in page],
        offset=offset,
        other=second.ref(),
    )


def overrepresented(index: IndexAccess, query: str, limit: int | None, min_count: int) -> Overrepresented:
    started = time.perf_counter()
    docs = _matching(index, query)
    forward, ids, _ = _state(index)
    named, cache = _pairs(index)
    both, first = co.named_with(named, forward, docs, "passage")
    marked = (
        index.reader.highlight_terms(index.parse(query, Budget(EXPANSION_BUDGET_S))).entities
        if query.strip()
        else set()
    )
    own = {ids.index_of(g) for key in marked if (g := index.registry().display_key(key)) is not None}
    found, _ = co.ranked(
        ids, both, first, cache.counts["passage"], rank="association", min_count=min_count,
        limit=limit, leave_out=own,
    )  # fmt: skip
    return Overrepresented(
        query=query, matches=first, universe=cache.counts["passage"].universe, min_count=min_count,
        entities=[c for c in found if c.score > 0],
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )  # fmt: skip


# who is quoted ------------------------------------------------------------


def speakers(
    index: IndexAccess, query: str | None, entity: str | None, entity_type: str | None, by: str | None,
    limit: int | None,
) -> Speakers:  # fmt: skip
    started = time.perf_counter()
    forward, ids, _ = _state(index)
    quoted = forward.quoted()
    ref = None
    if entity:
        group = index.group(entity, entity_type)
        ref = group.ref()
        titles = np.asarray(
            sorted({d for key in group.keys for d in index.reader.posting_ids("article_entity", key)}),
            dtype=np.int64,
        )
        quoted = quoted[np.isin(forward.article_of(quoted), forward.article_of(titles))]
    if query is not None and query.strip():
        quoted = np.intersect1d(quoted, _matching(index, query), assume_unique=True)
    owners, speaker_ids = forward.speakers_of(quoted)
    groups = ids.speaker_groups(speaker_ids)
    attributed = groups >= 0
    who, which = owners[attributed], groups[attributed]
    names = partial(_source_name, index)
    return Speakers(
        query=query, entity=ref, total_quotes=len(owners), unattributed=int((~attributed).sum()),
        speaker_count=len(distinct(which)),
        speakers=sv.speaker_stats(forward, ids, who, which, limit),
        types=sv.type_shares(ids, which), sources=sv.source_shares(forward, owners, names),
        by=by, groups=sv.grouped(forward, ids, who, which, by, names, limit) if by else [],
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )  # fmt: skip


def _source_name(index: IndexAccess, source_id: int) -> str:
    forward, _, cache = _state(index)
    if source_id == NO_ID:
        return sv.NO_SOURCE
    if source_id not in cache.sources:
        docnum = int(np.flatnonzero(forward.source_ids == source_id)[0])
        cache.sources[source_id] = index.searcher().stored_fields(docnum).get("publisher") or sv.NO_SOURCE
    return cache.sources[source_id]


def profile(index: IndexAccess, name: str, limit: int) -> SpeakerProfile:
    group = index.group(name, None, speaker=True)
    terms = set(group.speaker_terms)
    docnums = index.ordered("speaker", group.speaker_terms)[-PROFILE_QUOTES:]
    texts: list[str] = []
    spans: list[tuple[dict[str, Any], int, int]] = []
    for fields in index.reader.stored(docnums):
        text = fields.get("text") or ""
        for quote in stored_quotes(fields):
            if quote.speaker in terms:
                texts.append(text[quote.start : quote.end])
                spans.append((fields, quote.start, quote.end))
    registry = index.registry()
    names = sv.quoted_names(spans, registry.display_key)
    names.pop(group.name, None)
    return SpeakerProfile(
        speaker=group.ref(),
        quotes=group.quotes,
        read=len(texts),
        words=sv.quote_words(texts, limit),
        entities=[Count(n, c) for n, c in sorted(names.items(), key=lambda i: (-i[1], i[0]))[:limit]],
    )


# timelines ------------------------------------------------------------


def timeline(
    index: IndexAccess, query: str, by: str | None, entity: str | None, entity_type: str | None,
    speaker: str | None,
    other: str | None = None,
    other_type: str | None = None,
) -> Timeline:  # fmt: skip
    started = time.perf_counter()
    forward, ids, _ = _state(index)
    counts = "passages"
    if speaker:
        group = index.group(speaker, None, speaker=True)
        quoted = np.asarray(index.ordered("speaker", group.speaker_terms), dtype=np.int64)
        owners, speaker_ids = forward.speakers_of(np.sort(quoted))
        docs = owners[ids.speaker_groups(speaker_ids) == ids.index_of(group)]
        counts = "quotes"
    elif entity:
        named, _ = _pairs(index)
        docs = named.passages_of(ids.index_of(index.group(entity, entity_type)))
        if other:
            theirs = named.passages_of(ids.index_of(index.group(other, other_type)))
            docs = np.intersect1d(docs, theirs, assume_unique=True)
    else:
        docs = _matching(index, query)
    found = tl.timeline(forward.dates[docs], query, by, counts)
    found.elapsed_ms = (time.perf_counter() - started) * 1000
    return found
