"""The views' part of the Corpus facade: co-mentions, who is quoted, timelines.

Mixed into `store.corpus.Corpus`; each method is a thin call into store.index
(cooccur, speakers_view, timeline) over arrays read once per index version
(store.index.forward). Every count is exact: all matching passages are counted.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
from whoosh import query as wq

from store.hits import MentionsPage, QueryError
from store.index import cooccur as co
from store.index import speakers_view as sv
from store.index.docset import DocSet
from store.index.forward import Forward, IntArray, distinct, load_forward
from store.index.group_ids import GroupIds, Named, named_pairs
from store.index.name_ids import NO_ID
from store.index.timeline import UNITS, timeline
from store.views import CoMentions, Count, Overrepresented, SpeakerProfile, Speakers, Timeline

if TYPE_CHECKING:
    from collections.abc import Callable

    from store.index.registry import EntityGroup, EntityRegistry
    from store.index.searcher import PassageSearcher

    T = TypeVar("T")

MIN_COUNT = 3
"""Pairs named together fewer times are left out of the association ranking."""
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


class CorpusViews:
    """Co-mentions, speakers and timelines (see store.corpus.Corpus for the rest)."""

    if TYPE_CHECKING:  # what the views use of store.corpus.Corpus
        _reader: PassageSearcher

        def _run(self, action: Callable[[], T]) -> T: ...
        def registry(self) -> EntityRegistry: ...
        def _searcher(self) -> Any: ...
        def _parse(self, query: str) -> wq.Query: ...
        def _group(self, name: str, entity_type: str | None, *, speaker: bool = False) -> EntityGroup: ...
        def _ordered(self, fieldname: str, terms: list[str]) -> list[int]: ...

    def _views(self) -> tuple[Forward, GroupIds, _ViewCache]:
        registry = self.registry()
        cache: _ViewCache = self.__dict__.setdefault("_view_cache", _ViewCache())
        key = (self._reader.generation(), id(registry))
        if cache.key != key or cache.forward is None or cache.ids is None:
            reader = self._searcher().reader()
            forward = load_forward(reader, self._reader.dates(), self._reader.article_starts())
            cache.__init__(key, forward, GroupIds(registry))  # type: ignore[misc]
        assert cache.forward is not None and cache.ids is not None
        return cache.forward, cache.ids, cache

    def _docs(self, query: str) -> IntArray:
        """Every passage matching `query` ("" = every article's lead passage, as search has it)."""
        forward, _, _ = self._views()
        q = self._parse(query) if query.strip() else None
        docset = DocSet(self._searcher(), forward.live)
        if q is None:
            return docset.docnums(wq.Term("kind", "lead"))
        return docset.docnums(q)

    def _named(self) -> tuple[Named, _ViewCache]:
        """The (passage, entity) pairs and per-entity corpus counts, once per index version."""
        forward, ids, cache = self._views()
        if cache.named is None:
            cache.named = named_pairs(forward, ids)
            cache.counts["passage"] = co.corpus_counts(cache.named, "passage", len(forward.live))
            cache.counts["article"] = co.corpus_counts(cache.named, "article", len(forward.starts))
        return cache.named, cache

    # co-mentions -----------------------------------------------------------------

    def cooccur(
        self,
        name: str,
        *,
        type: str | None = None,
        by: str = "passage",
        rank: str = "count",
        partner_type: str | None = None,
        min_count: int = MIN_COUNT,
        limit: int | None = 20,
    ) -> CoMentions:
        """The entities named in the same passages (or articles) as `name`."""
        if by not in ("passage", "article") or rank not in ("count", "association"):
            raise ValueError("by is passage or article; rank is count or association")
        return self._run(lambda: self._cooccur(name, type, by, rank, partner_type, min_count, limit))

    def _cooccur(
        self, name: str, entity_type: str | None, by: str, rank: str,
        partner_type: str | None, min_count: int, limit: int | None,
    ) -> CoMentions:  # fmt: skip
        started = time.perf_counter()
        group = self._group(name, entity_type)
        forward, ids, _ = self._views()
        named, cache = self._named()
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

    def pair_mentions(
        self,
        name: str,
        other: str,
        *,
        type: str | None = None,
        other_type: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> MentionsPage:
        """Passages naming both entities, oldest article first, both marked."""
        return self._run(lambda: self._pair(name, type, other, other_type, offset, limit))

    def _pair(
        self, name: str, entity_type: str | None, other: str, other_type: str | None,
        offset: int, limit: int,
    ) -> MentionsPage:  # fmt: skip
        first, second = self._group(name, entity_type), self._group(other, other_type)
        theirs = set(self._ordered("entity", second.keys))
        docnums = [d for d in self._ordered("entity", first.keys) if d in theirs]
        keys = first.keys + second.keys
        page = self._reader.stored(docnums[offset : offset + limit])
        articles = len(distinct(self._views()[0].article_of(np.asarray(docnums, dtype=np.int64))))
        return MentionsPage(
            entity=first.ref(),
            total=len(docnums),
            articles=articles,
            passages=[self._reader.mention_passage(fields, keys) for fields in page],
            offset=offset,
            other=second.ref(),
        )

    def overrepresented(
        self, query: str, *, limit: int | None = 20, min_count: int = MIN_COUNT
    ) -> Overrepresented:
        """Entities named in the passages matching `query` more often than corpus-wide."""
        return self._run(lambda: self._overrepresented(query, limit, min_count))

    def _overrepresented(self, query: str, limit: int | None, min_count: int) -> Overrepresented:
        started = time.perf_counter()
        docs = self._docs(query)
        forward, ids, _ = self._views()
        named, cache = self._named()
        both, first = co.named_with(named, forward, docs, "passage")
        marked = self._reader.highlight_terms(self._parse(query)).entities if query.strip() else set()
        own = {ids.index_of(g) for key in marked if (g := self.registry().display_key(key)) is not None}
        found, _ = co.ranked(
            ids, both, first, cache.counts["passage"], rank="association", min_count=min_count,
            limit=limit, leave_out=own,
        )  # fmt: skip
        return Overrepresented(
            query=query, matches=first, universe=cache.counts["passage"].universe, min_count=min_count,
            entities=[c for c in found if c.score > 0],
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )  # fmt: skip

    # who is quoted ---------------------------------------------------------------

    def speakers(
        self,
        query: str | None = None,
        *,
        entity: str | None = None,
        entity_type: str | None = None,
        by: str | None = None,
        limit: int | None = 20,
    ) -> Speakers:
        """Who is quoted in the passages matching `query`, in the articles naming `entity`,
        or (neither given) in the whole corpus."""
        if by not in (None, "month", "source"):
            raise ValueError("by is month or source")
        return self._run(lambda: self._speakers(query, entity, entity_type, by, limit))

    def _speakers(
        self, query: str | None, entity: str | None, entity_type: str | None, by: str | None,
        limit: int | None,
    ) -> Speakers:  # fmt: skip
        started = time.perf_counter()
        forward, ids, _ = self._views()
        quoted = forward.quoted()
        ref = None
        if entity:
            group = self._group(entity, entity_type)
            ref = group.ref()
            titles = np.asarray(
                sorted({d for key in group.keys for d in self._reader.posting_ids("article_entity", key)}),
                dtype=np.int64,
            )
            quoted = quoted[np.isin(forward.article_of(quoted), forward.article_of(titles))]
        if query is not None and query.strip():
            quoted = np.intersect1d(quoted, self._docs(query), assume_unique=True)
        owners, speaker_ids = forward.speakers_of(quoted)
        groups = ids.speaker_groups(speaker_ids)
        attributed = groups >= 0
        who, which = owners[attributed], groups[attributed]
        names = self._source_names
        return Speakers(
            query=query, entity=ref, total_quotes=len(owners), unattributed=int((~attributed).sum()),
            speaker_count=len(distinct(which)),
            speakers=sv.speaker_stats(forward, ids, who, which, limit),
            types=sv.type_shares(ids, which), sources=sv.source_shares(forward, owners, names),
            by=by, groups=sv.grouped(forward, ids, who, which, by, names, limit) if by else [],
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )  # fmt: skip

    def _source_names(self, source_id: int) -> str:
        forward, _, cache = self._views()
        if source_id == NO_ID:
            return sv.NO_SOURCE
        if source_id not in cache.sources:
            docnum = int(np.flatnonzero(forward.source_ids == source_id)[0])
            cache.sources[source_id] = self._searcher().stored_fields(docnum).get("publisher") or sv.NO_SOURCE
        return cache.sources[source_id]

    def speaker_profile(self, name: str, *, limit: int = 15) -> SpeakerProfile:
        """The words and names most frequent inside one speaker's quotes."""
        return self._run(lambda: self._profile(name, limit))

    def _profile(self, name: str, limit: int) -> SpeakerProfile:
        group = self._group(name, None, speaker=True)
        terms = set(group.speaker_terms)
        docnums = self._ordered("speaker", group.speaker_terms)[-PROFILE_QUOTES:]
        texts: list[str] = []
        spans: list[tuple[dict[str, Any], int, int]] = []
        for fields in self._reader.stored(docnums):
            text = fields.get("text") or ""
            for speaker, start, end, _ in fields.get("quotes") or []:
                if speaker in terms:
                    texts.append(text[start:end])
                    spans.append((fields, start, end))
        registry = self.registry()
        names = sv.quoted_names(spans, registry.display_key)
        names.pop(group.name, None)
        return SpeakerProfile(
            speaker=group.ref(),
            quotes=group.quotes,
            read=len(texts),
            words=sv.quote_words(texts, limit),
            entities=[Count(n, c) for n, c in sorted(names.items(), key=lambda i: (-i[1], i[0]))[:limit]],
        )

    # timelines -------------------------------------------------------------------

    def timeline(
        self,
        query: str = "",
        *,
        by: str | None = None,
        entity: str | None = None,
        entity_type: str | None = None,
        speaker: str | None = None,
        other: str | None = None,
        other_type: str | None = None,
    ) -> Timeline:
        """Passages matching `query` per period; or an entity's passages (those naming
        `other` too, if given); or a speaker's quotes."""
        if by is not None and by not in UNITS:
            raise QueryError(query, f"by must be one of {', '.join(UNITS)}, not {by!r}")
        return self._run(lambda: self._timeline(query, by, entity, entity_type, speaker, other, other_type))

    def _timeline(
        self, query: str, by: str | None, entity: str | None, entity_type: str | None,
        speaker: str | None,
        other: str | None = None,
        other_type: str | None = None,
    ) -> Timeline:  # fmt: skip
        started = time.perf_counter()
        forward, ids, _ = self._views()
        counts = "passages"
        if speaker:
            group = self._group(speaker, None, speaker=True)
            quoted = np.asarray(self._ordered("speaker", group.speaker_terms), dtype=np.int64)
            owners, speaker_ids = forward.speakers_of(np.sort(quoted))
            docs = owners[ids.speaker_groups(speaker_ids) == ids.index_of(group)]
            counts = "quotes"
        elif entity:
            named, _ = self._named()
            docs = named.passages_of(ids.index_of(self._group(entity, entity_type)))
            if other:
                theirs = named.passages_of(ids.index_of(self._group(other, other_type)))
                docs = np.intersect1d(docs, theirs, assume_unique=True)
        else:
            docs = self._docs(query)
        found = timeline(forward.dates[docs], query, by, counts)
        found.elapsed_ms = (time.perf_counter() - started) * 1000
        return found
