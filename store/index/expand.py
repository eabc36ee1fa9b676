"""Prefixes, wildcards and ranges, expanded once and within the search's time budget.

Whoosh expands `negot*`, `ne?t` or `[a to z]` into every matching word each time it
builds a matcher, estimates a size or lists terms to highlight, and ORs them all
into one union: 130 two-letter prefixes made a tree of tens of thousands of term
matchers (12 s at 20,000 articles), and `[a to z]` every word of the corpus (8 s),
all before the collector's clock could stop anything. Here each such leaf becomes
an `ExpandedTerms` leaf: its words are listed once, with the clock checked as they
are listed; a few words are ORed as usual (scored, as before); many words are read
as one list of passages, again against the clock. Whatever the clock cuts short is
reported, so the search says its result is incomplete.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

FEW_WORDS = 48
"""Up to this many words a prefix is an OR of its words, each scored as a word."""
CHECK_EVERY = 16
"""Words listed between two looks at the clock."""
SAMPLE = 100
"""Words highlighted (a hit shows a few lines)."""
ESTIMATE_FROM = 4
"""Words looked up to estimate how many passages match (a word lookup costs a file read)."""


T = TypeVar("T")

@dataclass
class Budget:
    """A deadline shared by everything one search does, and a way to give up early."""

    seconds: float
    started: float = field(default_factory=time.perf_counter)
    stop: Callable[[], bool] | None = None
    """True once the caller no longer wants the result (a newer keystroke)."""
    cut: bool = False
    """Set once anything stopped short because of the clock (or `stop`)."""
    words_read: int = 0
    """Expanded words whose passages were read: the first is read whatever the clock says."""
    words_listed: int = 0
    """Words listed by expansions so far: the first expansion runs whatever the clock says."""

    @property
    def deadline(self) -> float:
        return self.started + self.seconds

    def over(self) -> bool:
        """Whether time is up (or the caller gave up); remembers that it was."""
        if time.perf_counter() > self.deadline or self.stopped():
            self.cut = True
        return self.cut

    def off_the_clock(self, read: Callable[[], T]) -> T:
        """`read()`, its time not counted: a one-off load is not the query's own work."""
        before = time.perf_counter()
        try:
            return read()
        finally:
            self.started += time.perf_counter() - before

    def stopped(self) -> bool:
        """Whether the caller gave up (`stop`); the clock is the collectors' own business."""
        if self.stop is not None and self.stop():
            self.cut = True
        return self.cut


class ExpandedTerms(wq.Query):  # type: ignore[misc]
    """The words a prefix, wildcard or range stood for (see the module doc)."""

    def __init__(self, fieldname: str, words: list[bytes], budget: Budget, boost: float = 1.0) -> None:
        self.fieldname = fieldname
        self.words = words
        self.budget = budget
        self.boost = boost
        self._estimate: int | None = None
        self._read: dict[int, list[int]] = {}
        """Passages read per segment reader (this query lives for one search)."""

    def __repr__(self) -> str:
        return f"ExpandedTerms({self.fieldname!r}, {len(self.words)} words)"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ExpandedTerms)
            and other.fieldname == self.fieldname
            and other.words == self.words
            and other.boost == self.boost
        )

    def __hash__(self) -> int:
        return hash((self.fieldname, len(self.words), self.boost))

    def is_leaf(self) -> bool:
        return True

    def field(self) -> str:
        return self.fieldname

    def terms(self, phrases: bool = False) -> Iterator[tuple[str, bytes]]:
        for word in self.words:
            yield (self.fieldname, word)

    def expanded_terms(self, ixreader: Any, phrases: bool = False) -> Iterator[tuple[str, bytes]]:
        """The words to highlight: the first SAMPLE (a hit shows a few lines)."""
        for word in self.words[:SAMPLE]:
            yield (self.fieldname, word)

    def estimate_size(self, ixreader: Any) -> int:
        if self._estimate is None:
            sample = self.words[:ESTIMATE_FROM]
            found = sum(ixreader.doc_frequency(self.fieldname, word) for word in sample)
            self._estimate = int(found * len(self.words) / max(len(sample), 1))
        return self._estimate

    def estimate_min_size(self, ixreader: Any) -> int:
        return min((ixreader.doc_frequency(self.fieldname, w) for w in self.words[:ESTIMATE_FROM]), default=0)

    def _or(self) -> wq.Query:
        return wq.Or([wq.Term(self.fieldname, word, boost=self.boost) for word in self.words])

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        budget = self.budget
        if not self.words or (budget.words_read and budget.over()):
            return NullMatcher()
        if len(self.words) <= FEW_WORDS:
            budget.words_read += len(self.words)
            return self._or().matcher(searcher, context)
        reader = searcher.reader()
        known = self._read.get(id(reader))
        if known is not None:  # counting runs the query again: the same passages as collected
            return ListMatcher(known, all_weights=self.boost) if known else NullMatcher()
        found: set[int] = set()
        for word in self.words:
            if budget.words_read and budget.over():
                break
            budget.words_read += 1
            if (self.fieldname, word) not in reader:
                continue
            postings = reader.postings(self.fieldname, word)
            seen = 0
            while postings.is_active():
                found.add(postings.id())
                postings.next()
                seen += 1
                if seen % 4096 == 0 and budget.over():
                    break
        ids = self._read[id(reader)] = sorted(found)
        return ListMatcher(ids, all_weights=self.boost) if ids else NullMatcher()


def expand_words(q: wq.Query, reader: Any, budget: Budget) -> wq.Query:
    """Replace every prefix, wildcard, regex and range on a word field by ExpandedTerms."""
    if isinstance(q, (wq.Prefix, wq.Wildcard, wq.Regex, wq.TermRange)) and not isinstance(q, wq.FuzzyTerm):
        fieldname = q.field()
        if fieldname not in reader.schema:
            return wq.NullQuery
        words: list[bytes] = []
        if budget.words_listed and budget.over():
            return ExpandedTerms(fieldname, words, budget, boost=q.boost)  # no time left: nothing
        for number, word in enumerate(q._btexts(reader)):
            if number and number % CHECK_EVERY == 0 and budget.over():
                break  # the words listed so far stand for the rest
            words.append(word)
        budget.words_listed += len(words)
        return ExpandedTerms(fieldname, words, budget, boost=q.boost)
    if q.is_leaf():
        return q
    return q.apply(lambda child: expand_words(child, reader, budget))
