"""Plain records of the views: co-mentions, who is quoted, timelines.

Built by store.index.cooccur, store.index.speakers_view and store.index.timeline
through the Corpus facade; plain values only, so they cross threads and become
JSON with `dataclasses.asdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.hits import EntityRef


@dataclass
class CoMention:
    """An entity named together with another (or over-represented in a search's results)."""

    name: str
    type: str
    count: int
    """Passages (or articles) naming both / results naming it."""
    score: float
    """Log-likelihood (G²) of the association: how surprising `count` is given how
    often each is named; negative when named together less often than by chance."""
    corpus: int = 0
    """Passages (or articles) of the whole corpus naming this entity."""
    expected: float = 0.0
    """`count` if the two were named independently of each other."""


@dataclass
class CoMentions:
    """Who else is named where an entity is named."""

    entity: EntityRef
    by: str
    """`passage` or `article`: what counts as being named together."""
    rank: str
    """`count` (most often first) or `association` (highest G² first, count >= min_count)."""
    total: int
    """Passages (or articles) naming the entity."""
    universe: int
    """Passages (or articles) in the corpus."""
    min_count: int
    distinct: int
    """Entities named with it at least once (before `rank` filters and the limit)."""
    cooccurring: list[CoMention] = field(default_factory=list)
    elapsed_ms: float = 0.0


@dataclass
class Overrepresented:
    """Entities named in a search's results more often than in the corpus as a whole."""

    query: str
    matches: int
    """Passages matching the query."""
    universe: int
    """Passages in the corpus."""
    min_count: int
    entities: list[CoMention] = field(default_factory=list)
    elapsed_ms: float = 0.0


@dataclass
class SpeakerStat:
    """One speaker within a set of quotes."""

    name: str
    type: str
    quotes: int
    articles: int
    first: str | None
    """Date of the first article quoting them (ISO), None when all are undated."""
    last: str | None


@dataclass
class Share:
    """Quotes of one kind (a type, a source) and their part of the whole."""

    key: str
    quotes: int
    share: float
    """quotes / the total, 0..1."""


@dataclass
class SpeakerGroup:
    """The speakers of one month or one source."""

    key: str
    """`2019-06` for a month (`undated` for none), or the publisher's name."""
    quotes: int
    speakers: list[SpeakerStat] = field(default_factory=list)


@dataclass
class Speakers:
    """Who gets quoted: in a query's passages, an entity's articles or the whole corpus."""

    query: str | None
    entity: EntityRef | None
    total_quotes: int
    """Every quote in scope, attributed or not."""
    unattributed: int
    """Quotes without a speaker."""
    speaker_count: int
    """Distinct speakers (the list may be cut by a limit)."""
    speakers: list[SpeakerStat] = field(default_factory=list)
    types: list[Share] = field(default_factory=list)
    """Attributed quotes by the speaker's entity type (PERSON, ORG, ...)."""
    sources: list[Share] = field(default_factory=list)
    """Quotes by publisher."""
    by: str | None = None
    """`month` or `source` when `groups` breaks the speakers down."""
    groups: list[SpeakerGroup] = field(default_factory=list)
    elapsed_ms: float = 0.0


@dataclass
class Count:
    """A word or a name and how often it occurs."""

    name: str
    count: int


@dataclass
class SpeakerProfile:
    """What one speaker talks about: the words and names inside their quotes."""

    speaker: EntityRef
    quotes: int
    """All their quotes in the corpus."""
    read: int
    """Quotes read for `words` and `entities` (the newest, when fewer than `quotes`)."""
    words: list[Count] = field(default_factory=list)
    entities: list[Count] = field(default_factory=list)


@dataclass
class TimelineBucket:
    """One day, week (Monday to Sunday), month or year of a timeline."""

    start: str
    """First day, ISO."""
    end: str
    """Last day, ISO."""
    count: int
    clause: str
    """The `date:` clause that selects this period in a query."""


@dataclass
class Timeline:
    """How a list's passages (or quotes) spread over time."""

    query: str
    by: str
    """`day`, `week`, `month` or `year`."""
    total: int
    """Everything counted: the bucket counts plus `undated`."""
    undated: int
    buckets: list[TimelineBucket] = field(default_factory=list)
    """From the first dated period to the last, empty periods included."""
    counts: str = "passages"
    """What is counted: `passages`, or `quotes` for a speaker's quotes."""
    elapsed_ms: float = 0.0
