"""Co-mentions: who is named where an entity is named; what a search over-represents.

Counts are exact: every passage naming the entity (or matching the query) is
counted, from the per-passage entity ids (store.index.forward). An entity that
stands for several names (aliases) counts once per passage or article.

The association score is Dunning's log-likelihood ratio G² on the 2x2 table of
units (passages or articles) naming one, the other, both or neither. Unlike a raw
count it does not favour what is named everywhere ("United States" co-occurs with
everything at about its base rate, so it scores low), and unlike pointwise mutual
information it does not favour names seen once or twice; a minimum count still
keeps one-off pairs out of the association ranking. The score is signed:
negative when two are named together less often than chance would have it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from store.index.forward import Forward, IntArray
from store.index.group_ids import GroupIds, Named, adjacent_distinct
from store.views import CoMention

FloatArray = npt.NDArray[np.float64]


@dataclass
class UnitCounts:
    """How many units (passages or articles) name each entity, corpus-wide."""

    per_group: IntArray
    universe: int


def corpus_counts(named: Named, by: str, universe: int) -> UnitCounts:
    """Per-entity passage (or article) counts over the whole corpus."""
    if by == "article":
        per_group = named.count_units(named.article, named.group, repeats=True)
    else:
        per_group = named.count_units(named.owner, named.group, repeats=False)
    return UnitCounts(per_group, universe)


def g2(both: IntArray, first: int, second: IntArray, universe: int) -> tuple[FloatArray, FloatArray]:
    """Signed log-likelihood G² and the expected count, for each pair (vectorised).

    `both` units name the two, `first` name the one, `second` name the other, of `universe`."""
    n = float(max(universe, 1))
    o11 = both.astype(np.float64)
    o12 = first - o11
    o21 = second - o11
    o22 = n - first - second + o11
    expected = first * second.astype(np.float64) / n
    e11, e12 = expected, first - expected
    e21, e22 = second - expected, n - first - second + expected
    total = np.zeros_like(o11)
    for observed, wanted in ((o11, e11), (o12, e12), (o21, e21), (o22, e22)):
        ok = (observed > 0) & (wanted > 0)
        total[ok] += observed[ok] * np.log(observed[ok] / wanted[ok])
    score = 2.0 * total
    return np.where(o11 < expected, -score, score), expected


def ranked(
    ids: GroupIds,
    both: IntArray,
    first: int,
    corpus: UnitCounts,
    *,
    rank: str,
    min_count: int,
    limit: int | None,
    entity_type: str | None = None,
    leave_out: set[int] | None = None,
) -> tuple[list[CoMention], int]:
    """The entities with a nonzero `both`, best first, and how many there were in all."""
    candidates = np.flatnonzero(both)
    if leave_out:
        candidates = candidates[~np.isin(candidates, list(leave_out))]
    distinct = len(candidates)
    if entity_type:
        wanted = entity_type.upper()
        candidates = np.array(
            [c for c in candidates.tolist() if ids.groups[c].type == wanted], dtype=np.int64
        )
    if not len(candidates):
        return [], distinct
    counts = both[candidates]
    scores, expected = g2(counts, first, corpus.per_group[candidates], corpus.universe)
    names = [ids.groups[c].name.casefold() for c in candidates.tolist()]
    if rank == "association":
        keep = counts >= min_count
        order = sorted(np.flatnonzero(keep).tolist(), key=lambda i: (-scores[i], -counts[i], names[i]))
    else:
        order = sorted(range(len(candidates)), key=lambda i: (-counts[i], -scores[i], names[i]))
    if limit is not None:
        order = order[:limit]
    found = []
    for i in order:
        group = ids.groups[int(candidates[i])]
        found.append(
            CoMention(
                name=group.name,
                type=group.type,
                count=int(counts[i]),
                score=round(float(scores[i]), 3),
                corpus=int(corpus.per_group[candidates[i]]),
                expected=round(float(expected[i]), 3),
            )
        )
    return found, distinct


def named_with(named: Named, forward: Forward, docnums: IntArray, by: str) -> tuple[IntArray, int]:
    """Per-entity units shared with the passages `docnums` (ascending), and how many
    units those are: passages, or (by article) the articles holding them."""
    if by == "article":
        articles = adjacent_distinct(forward.article_of(docnums))
        chosen = np.zeros(len(forward.starts), dtype=bool)
        chosen[articles] = True
        inside = chosen[named.article]
        return named.count_units(named.article[inside], named.group[inside], repeats=True), len(articles)
    chosen = np.zeros(len(forward.dates), dtype=bool)
    chosen[docnums] = True
    inside = chosen[named.owner]
    return named.count_units(named.owner[inside], named.group[inside], repeats=False), len(docnums)
