"""Facets: the people, organisations, places, speakers and events, works, awards and
laws most often among the passages matching a query (or in the whole corpus, from the
entity registry)."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq

from store.hits import Facet, Facets
from store.index.collect import top_by_score
from store.index.documents import stored_quotes
from store.index.expand import Budget
from store.index.registry import EntityGroup, EntityRegistry
from store.mention_scan import THING_TYPES

FACET_SAMPLE = 500
"""Facets are counted over at most this many best-matching passages."""
FACET_BUDGET_S = 0.2
"""...found within this time (a broad query's facets must not hold the index for seconds)."""
FACET_GROUPS = {
    "PERSON": "people",
    "ORG": "organisations",
    "GPE": "places",
    "LOC": "places",
    "FAC": "places",
    **dict.fromkeys(THING_TYPES, "things"),
}

Counts = dict[str, dict[tuple[str, str], int]]
"""facet -> (name, type) -> passages."""


def corpus_facets(registry: EntityRegistry, limit: int) -> Facets:
    """The top entries of each facet over the whole corpus (the registry's counts)."""
    counts = _empty()
    for group in registry.groups.values():
        bucket = FACET_GROUPS.get(group.type)
        if bucket and group.passages > 0:
            counts[bucket][(group.name, group.type)] = group.passages
        if group.quotes > 0:
            counts["speakers"][(group.name, group.type)] = group.quotes
    return _top(counts, limit)


def query_facets(registry: EntityRegistry, searcher: Any, q: wq.Query, budget: Budget, limit: int) -> Facets:
    """The top entries of each facet among the best FACET_SAMPLE passages matching `q`."""
    counts = _empty()
    collected = top_by_score(searcher, q, FACET_SAMPLE, budget)
    for docnum in collected.docnums:
        fields = searcher.stored_fields(docnum)
        seen: set[tuple[str, str, str]] = set()
        named = [registry.display_key(key) for key in fields.get("mentions") or {}]
        for entity in named:
            bucket = FACET_GROUPS.get(entity.type) if entity else None
            if entity and bucket:
                _tally(counts, seen, bucket, entity)
        for quote in stored_quotes(fields):
            quoted = registry.speaker_entity(quote.speaker)
            if quoted:
                _tally(counts, seen, "speakers", quoted)
    return _top(counts, limit)


def _empty() -> Counts:
    return {"people": {}, "organisations": {}, "places": {}, "speakers": {}, "things": {}}


def _top(counts: Counts, limit: int) -> Facets:
    def top(bucket: str) -> list[Facet]:
        ranked = sorted(counts[bucket].items(), key=lambda item: (-item[1], item[0][0].casefold()))
        return [Facet(name, entity_type, count) for (name, entity_type), count in ranked[:limit]]

    return Facets(top("people"), top("organisations"), top("places"), top("speakers"), top("things"))


def _tally(counts: Counts, seen: set[tuple[str, str, str]], bucket: str, group: EntityGroup) -> None:
    """Count a passage once per facet entry."""
    if (bucket, group.name, group.type) in seen:
        return
    seen.add((bucket, group.name, group.type))
    ident = (group.name, group.type)
    counts[bucket][ident] = counts[bucket].get(ident, 0) + 1
