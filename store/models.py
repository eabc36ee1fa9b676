"""The newsroom's records: articles, paragraphs, quotes, entities and mentions.

Plain dataclasses with no I/O. `store.yamlio` turns them into YAML and back;
everything else (import, extraction, index, TUI) meets in these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from store.confidence import is_uncertain

PARAGRAPH_KINDS = ("text", "heading", "caption")
META_KEY = r"[a-z][a-z0-9_]{0,39}"
"""What a `meta` key looks like (it is also a query field: `category:sport`)."""
ENTITY_TYPES = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "PRODUCT",
    "WORK_OF_ART",
    "LAW",
    "AWARD",
)


@dataclass
class Paragraph:
    """One block of the article body, in reading order."""

    text: str
    """The paragraph's text, verbatim from the source (one line, no markup)."""
    kind: str = "text"
    """`text` for running copy, `heading` for a crosshead such as "Geneva process",
    `caption` for a photo's caption ending in its credit ("Belle Image: Nick Moreau.")."""


@dataclass
class Mention:
    """One place in an article where an entity is named."""

    paragraph: int
    """Index into `Article.paragraphs` (0-based)."""
    start: int
    """Character offset of the first character inside that paragraph's text."""
    end: int
    """Character offset one past the last character."""


@dataclass
class Quote:
    """A direct quotation: the words inside one pair of quotation marks."""

    text: str
    """The quoted words, verbatim, without the surrounding quotation marks."""
    paragraph: int
    """Index into `Article.paragraphs` of the paragraph holding the quote."""
    start: int
    """Offset of the first quoted character in that paragraph (after the opening mark)."""
    end: int
    """Offset one past the last quoted character (before the closing mark)."""
    speaker: str | None = None
    """Canonical name of who said it ("John Kerry"), or None when unknown."""
    cue: str | None = None
    """The attribution verb ("said", "told", "according to"), when there is one."""
    partial: bool = False
    """A fragment of the speaker's words inside reported speech ("said the plan was “dead in
    the water”"), not a whole sentence of theirs."""
    speaker_by_hand: bool = False
    """The speaker was set (or cleared) by a person; re-extraction keeps it for this quote."""
    confidence: str | None = None
    """How sure the speaker is: "high", "medium" or "low" (`store.confidence`); None for
    no speaker, or a file written before speakers were graded."""
    speaker_from: str | None = None
    """How extraction found the speaker, as a route word ("cue", "lead-in-pronoun"); None for
    no speaker, a speaker set by hand, or a file written before routes were recorded."""

    @property
    def uncertain(self) -> bool:
        """Extraction named a speaker it is not sure of, and no person has set it since."""
        return is_uncertain(self.speaker, self.confidence, self.speaker_by_hand)


@dataclass
class Entity:
    """One real-world person, organisation or place named in an article."""

    name: str
    """Canonical name ("John Kerry"); identity across the corpus is (name, type)."""
    type: str
    """Entity type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, WORK_OF_ART, LAW, AWARD, ..."""
    aliases: list[str] = field(default_factory=list)
    """Every surface form the article uses for it ("Kerry", "John Kerry")."""
    mentions: list[Mention] = field(default_factory=list)
    """Every occurrence of any alias in the article, in reading order."""
    within: list[str] = field(default_factory=list)
    """The longer names, as the article writes them, that hold this name ("University of
    Texas" for Texas). An entity with these and no mentions is named only inside them:
    it is no mention of its own, and neither the index nor the jump counts it here."""

    @property
    def only_within(self) -> bool:
        """Named only inside longer names ("Texas" in "University of Texas")."""
        return bool(self.within) and not self.mentions


@dataclass
class Article:
    """A news article as newsdesk stores it: one YAML file in `data/articles/`."""

    id: str
    """Stable, file-name-safe slug: `<date>-<headline-slug>` or `<headline-slug>`."""
    title: str
    """The headline."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    """Body paragraphs and headings in reading order (page furniture dropped)."""
    standfirst: str | None = None
    """The summary line under the headline, when the article has one."""
    source: str | None = None
    """Publisher, from a closing `Source:` line or the import record."""
    published: str | None = None
    """Publication date as ISO text (`2015-09-19`), or None when unknown."""
    url: str | None = None
    """Where the article was published, when known."""
    meta: dict[str, str | list[str]] = field(default_factory=dict)
    """Further fields the import record gave (`id`, `category`, `author`, `tags`, ...):
    lower-case keys, text or lists of text. Searchable as `key:value`."""
    quotes: list[Quote] = field(default_factory=list)
    """Direct quotations in reading order."""
    entities: list[Entity] = field(default_factory=list)
    """People, organisations and places named in the article."""
    imported_from: str | None = None
    """The file the article was imported from (for the user's reference)."""
    source_digest: str | None = None
    """Digest of the imported text; an unchanged re-import is skipped by it."""
    extraction_digest: str | None = None
    """Digest of the quotes and entities as extraction wrote them; a mismatch
    means a person edited them by hand, and re-extraction leaves them alone."""

    def texts(self) -> list[str]:
        """All the article writes: the headline, the standfirst ("" when none) and each
        paragraph's text."""
        return [self.title, self.standfirst or ""] + [p.text for p in self.paragraphs]
