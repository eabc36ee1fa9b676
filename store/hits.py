"""Plain result records the search side returns to the CLI and the TUI.

They are built inside the searcher's `with` block (a Whoosh hit dies with its
searcher) and hold only plain values, so they can cross threads freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from store.confidence import is_uncertain
from store.errors import Problem, StoreError

Span = tuple[int, int]
"""(start, end) character offsets into a passage's text."""


class QueryError(StoreError):
    """A query that cannot be parsed or run; `message` says what and where."""

    def __init__(self, query: str, message: str, position: int | None = None) -> None:
        self.query = query
        self.message = message
        self.position = position
        super().__init__(message)


class UnknownEntity(StoreError):
    """No entity in the corpus has that name or alias."""

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.suggestions = suggestions or []
        hint = f" (did you mean {', '.join(self.suggestions[:3])}?)" if self.suggestions else ""
        super().__init__(f"no entity called {name!r}{hint}")


P = TypeVar("P", bound="Passage")


@dataclass(frozen=True)
class Passage:
    """A passage (a paragraph, the headline or the standfirst) of an article: the one
    record every list of passages shares. The hits below and the TUI's rows extend it;
    `store.index.documents.stored_passage` reads it from the index, the one mapping
    from stored fields."""

    article_id: str
    """Id of the article (its YAML file name without `.yaml`)."""
    title: str
    """The article's headline."""
    date: str | None
    """Publication date, ISO text, when known."""
    source: str | None
    """Publisher, when known."""
    paragraph: int
    """Index of the paragraph in the article (-1 the headline, -2 the standfirst)."""
    text: str
    """The passage's full text (a quote's own text for a `QuoteHit`)."""

    @classmethod
    def of(cls: type[P], passage: Passage, **more: Any) -> P:
        """This record type for the same passage (a hit as a row, a quote as a hit);
        `more` gives the fields the type adds, or replaces the passage's own."""
        found = {f.name: getattr(passage, f.name) for f in fields(Passage)}
        return cls(**(found | more))


@dataclass(frozen=True)
class PassageHit(Passage):
    """One matching passage of an article."""

    kind: str = "text"
    """`text`, `heading`, `title` (paragraph -1) or `standfirst` (paragraph -2)."""
    speaker: str | None = None
    """Who is quoted: the speaker a `speaker:` query asked for, else the first named one."""
    highlights: list[Span] = field(default_factory=list)
    """Offsets of the matched terms in `text`."""
    score: float = 0.0
    """Relevance score (0 when sorted by date)."""
    confidence: str | None = None
    """How sure extraction was of `speaker` (high, medium, low; None: no speaker or not graded)."""

    @property
    def uncertain(self) -> bool:
        """Extraction named a speaker it is not sure of (as `store.models.Quote.uncertain`)."""
        return is_uncertain(self.speaker, self.confidence)


@dataclass
class SearchResult:
    """One page of passages matching a query."""

    query: str
    total: int
    """Matching passages in the whole corpus (not only this page)."""
    hits: list[PassageHit]
    sort: str = "relevance"
    """`relevance` or `date` (newest first)."""
    offset: int = 0
    elapsed_ms: float = 0.0
    articles: int | None = None
    """Distinct articles among all matching passages; None when unknown (the search
    was cut short by its time budget, or `total` is an estimate)."""
    total_exact: bool = True
    """False when `total` is an estimate (broad queries stop counting after the best page)."""
    dated: bool = True
    """False when no article in the store has a date: the empty query's list is then
    not "the newest", only the articles in index order."""
    complete: bool = True
    """False when a very broad search hit its time budget: the hits are then the best
    (or newest) among the newest passages examined, not necessarily of the whole corpus."""


@dataclass
class EntityRef:
    """An entity as the corpus knows it: identity is (name, type)."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    also: list[tuple[str, int]] = field(default_factory=list)
    """Other entities a short name could be ("Bush": George W Bush, Kate Bush), with
    their article counts, most first; empty when the name is unambiguous."""


@dataclass(frozen=True)
class MentionPassage(Passage):
    """A passage that mentions an entity, with where the mentions are."""

    mentions: list[Span] = field(default_factory=list)


@dataclass
class MentionsPage:
    """The entity jump: passages mentioning an entity, in article date order."""

    entity: EntityRef
    total: int
    """Passages mentioning the entity in the whole corpus."""
    articles: int
    """Distinct articles among them."""
    passages: list[MentionPassage]
    offset: int = 0
    others: list[EntitySummary] = field(default_factory=list)
    """Other entities the name asked for also stands for ("Bush": George W Bush, Kate
    Bush), most mentioned first: the jump names them so the reader knows it chose one."""
    other: EntityRef | None = None
    """For passages naming two entities (a co-mention), the second one."""

    def could_be(self) -> list[tuple[str, int]]:
        """Whom else the name could mean, with their article counts: the corpus grouping's
        `also` ("Bush": George W Bush (69), Kate Bush (3)), then other entities that answer
        to the name asked for."""
        found = dict(self.entity.also)
        for other in self.others:
            found.setdefault(other.name, other.articles)
        found.pop(self.entity.name, None)
        return list(found.items())


@dataclass(frozen=True)
class QuoteHit(Passage):
    """A quote in the corpus with where it stands; `text` is the quote's own text."""

    speaker: str | None = None
    cue: str | None = None
    start: int = 0
    end: int = 0
    partial: bool = False
    """A fragment of the speaker's words inside reported speech ("said it was “dead”")."""
    confidence: str | None = None
    """How sure the speaker is: high, medium or low (None: not graded, an older file)."""
    speaker_from: str | None = None
    """How extraction found the speaker ("cue", "lead-in-pronoun"), as in the YAML file."""

    @property
    def uncertain(self) -> bool:
        """Extraction named a speaker it is not sure of (a speaker set by hand is graded high)."""
        return is_uncertain(self.speaker, self.confidence)


@dataclass
class QuotesPage:
    """One page of quotes, in article date order (oldest first)."""

    speaker: EntityRef | None
    """The speaker asked for, or None for every quote."""
    total: int
    """Quotes (not passages) in the whole corpus matching the request."""
    quotes: list[QuoteHit]
    offset: int = 0


@dataclass
class EntitySummary:
    """An entity across the corpus, with how often it appears."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    articles: int = 0
    mentions: int = 0
    quotes: int = 0
    """Quotes attributed to it (as speaker)."""
    also: list[tuple[str, int]] = field(default_factory=list)
    """Other entities a short name could be, with their article counts (see `EntityRef`)."""


@dataclass
class Facet:
    """One entry of a facet list: a name and how many matching passages carry it."""

    name: str
    type: str
    count: int


@dataclass
class Facets:
    """Top entities and speakers among the passages matching a query."""

    people: list[Facet] = field(default_factory=list)
    organisations: list[Facet] = field(default_factory=list)
    places: list[Facet] = field(default_factory=list)
    speakers: list[Facet] = field(default_factory=list)
    things: list[Facet] = field(default_factory=list)
    """Events, works, awards and laws."""


@dataclass
class ArticleSummary:
    """What lists of articles show, read from the index (no YAML parsing)."""

    id: str
    title: str
    date: str | None
    source: str | None


@dataclass
class IndexReport:
    """What bringing the index up to date did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    rebuilt: bool = False
    reason: str | None = None
    """Why it was rebuilt ("missing", "older schema", "corrupt: ..."), if it was."""
    problems: list[Problem] = field(default_factory=list)
    """Article files that could not be read (they are left out of the index)."""
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    """What else happened, for the user ("recovered a stale index lock left by process 123")."""


@dataclass
class CorpusStats:
    """Counts for the status line."""

    articles: int
    quotes: int
    entities: int
    passages: int = 0
    dated: int = 0
    """Articles with a date (none: "newest first" and `date:` have nothing to go by)."""
