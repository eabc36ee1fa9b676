"""Who gets quoted: speakers of a set of quote passages, with counts, dates, shares.

Every quote in scope is counted (exact), from the per-passage speaker ids
(store.index.forward): one id per quote, so a passage quoting Kerry twice counts
two quotes. Speakers are the corpus's entities (store.index.registry), so the
names of one person (aliases) count together.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.analysis import STOP_WORDS

from store.index.collect import UNDATED
from store.index.forward import Forward, IntArray, distinct
from store.index.group_ids import GroupIds
from store.views import Count, Share, SpeakerGroup, SpeakerStat

_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]{3,}")
MIN_WORD = 3
NO_SOURCE = "(no source)"


def iso(day: int) -> str:
    return date.fromordinal(int(day)).isoformat()


def month_key(day: int) -> str:
    return "undated" if day == UNDATED else iso(day)[:7]


def speaker_stats(
    forward: Forward, ids: GroupIds, owners: IntArray, groups: IntArray, limit: int | None
) -> list[SpeakerStat]:
    """Per-speaker quotes, articles and first/last dates; most quoted first."""
    size = len(ids)
    if not len(groups):
        return []
    quotes = np.bincount(groups, minlength=size)
    articles_pairs = distinct(forward.article_of(owners) * size + groups)
    articles = np.bincount(articles_pairs % size, minlength=size)
    days = forward.dates[owners]
    dated = days != UNDATED
    first = np.full(size, UNDATED, dtype=np.int64)
    last = np.full(size, -1, dtype=np.int64)
    np.minimum.at(first, groups[dated], days[dated])
    np.maximum.at(last, groups[dated], days[dated])
    present = np.flatnonzero(quotes)
    order = sorted(present.tolist(), key=lambda g: (-int(quotes[g]), ids.groups[g].name.casefold()))
    if limit is not None:
        order = order[:limit]
    return [
        SpeakerStat(
            name=ids.groups[g].name,
            type=ids.groups[g].type,
            quotes=int(quotes[g]),
            articles=int(articles[g]),
            first=iso(first[g]) if first[g] != UNDATED else None,
            last=iso(last[g]) if last[g] >= 0 else None,
        )
        for g in order
    ]


def type_shares(ids: GroupIds, groups: IntArray) -> list[Share]:
    """Attributed quotes by the speaker's entity type."""
    per: Counter[str] = Counter()
    counts = np.bincount(groups, minlength=len(ids)) if len(groups) else np.zeros(0, dtype=np.int64)
    for g in np.flatnonzero(counts).tolist():
        per[ids.groups[g].type] += int(counts[g])
    return _shares(per)


def source_shares(forward: Forward, owners: IntArray, source_name: Callable[[int], str]) -> list[Share]:
    """Quotes by publisher (every quote given, attributed or not)."""
    if not len(owners):
        return []
    values, counts = np.unique(forward.source_ids[owners], return_counts=True)
    return _shares(Counter({source_name(int(v)): int(c) for v, c in zip(values, counts, strict=True)}))


def _shares(per: Counter[str]) -> list[Share]:
    total = sum(per.values()) or 1
    ranked = sorted(per.items(), key=lambda item: (-item[1], item[0].casefold()))
    return [Share(key, count, round(count / total, 4)) for key, count in ranked]


def grouped(
    forward: Forward,
    ids: GroupIds,
    owners: IntArray,
    groups: IntArray,
    by: str,
    source_name: Callable[[int], str],
    limit: int | None,
) -> list[SpeakerGroup]:
    """The speakers month by month (oldest first, undated last) or source by source (most first)."""
    if not len(owners):
        return []
    if by == "month":
        days = forward.dates[owners]
        months = np.where(days == UNDATED, np.int64(-1), _month_number(days))
        keys = np.unique(months)
        order = [k for k in keys.tolist() if k >= 0] + [k for k in keys.tolist() if k < 0]
        labels = {k: ("undated" if k < 0 else f"{k // 12:04d}-{k % 12 + 1:02d}") for k in order}
        selector = months
    else:
        selector = forward.source_ids[owners]
        values, counts = np.unique(selector, return_counts=True)
        order = [int(v) for _, v in sorted(zip((-counts).tolist(), values.tolist(), strict=True))]
        labels = {k: source_name(k) for k in order}
    found = []
    for key in order:
        mask = selector == key
        stats = speaker_stats(forward, ids, owners[mask], groups[mask], limit)
        found.append(SpeakerGroup(labels[key], int(mask.sum()), stats))
    return found


def _month_number(days: IntArray) -> IntArray:
    """year * 12 + month - 1 for day numbers (date.toordinal)."""
    as_dates = (days - date(1970, 1, 1).toordinal()).astype("datetime64[D]")
    months = as_dates.astype("datetime64[M]").astype(np.int64)  # months since 1970-01
    return months + 1970 * 12


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (326, a well-kept list), read as text from its source
    file, not imported (importing spaCy takes seconds, and the index never loads the NLP
    stack); Whoosh's shorter list if spaCy is not there."""
    spec = importlib.util.find_spec("spacy")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        try:
            source = (Path(folder) / "lang" / "en" / "stop_words.py").read_text(encoding="utf-8")
        except OSError:
            continue
        listed = re.search(r'STOP_WORDS = set\(\s*"""(.*?)"""', source, re.S)
        if listed:
            return frozenset(listed.group(1).split()) | STOP_WORDS
    return frozenset(STOP_WORDS)


def quote_words(texts: Iterable[str], limit: int) -> list[Count]:
    """The most frequent words of the quotes (lower-cased, stop words left out)."""
    counts: Counter[str] = Counter()
    stops = stop_words()
    for text in texts:
        for word in _WORD.findall(text.lower()):
            word = word.replace("’", "'")
            if len(word) >= MIN_WORD and word not in stops and word.split("'")[0] not in stops:
                counts[word] += 1
    return [Count(word, n) for word, n in sorted(counts.items(), key=lambda i: (-i[1], i[0]))[:limit]]


def quoted_names(
    quotes: Iterable[tuple[dict[str, Any], int, int]], display: Callable[[str], Any]
) -> Counter[str]:
    """Entities mentioned inside the quotes: (passage fields, quote start, quote end) each."""
    counts: Counter[str] = Counter()
    for fields, start, end in quotes:
        for key, spans in (fields.get("mentions") or {}).items():
            inside = sum(1 for i in range(0, len(spans), 2) if spans[i] >= start and spans[i + 1] <= end)
            group = display(key) if inside else None
            if group is not None:
                counts[group.name] += inside
    return counts
