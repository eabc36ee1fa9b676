"""Where the reader is: what the results pane lists, what the article pane shows,
and the history stack `escape`/`backspace` walk back through."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.hits import Passage

Span = tuple[int, int]


@dataclass(frozen=True)
class ListSource:
    """What the results pane lists."""

    kind: str
    """`search` (passages matching a query), `mentions` (the entity jump), `pair`
    (passages naming two entities) or `quotes`."""
    query: str = ""
    """The query for `search`; the entity's name for `mentions` and `quotes`."""
    sort: str = "relevance"
    """`relevance` or `date`, for `search`."""
    entity_type: str | None = None
    """The entity's type for `mentions`, when known (tells "Georgia" the state from the country)."""
    other: str = ""
    """For `pair`: the second entity's name."""
    other_type: str | None = None
    """For `pair`: the second entity's type."""
    within: tuple[str, ...] = ()
    """For `mentions` from a name the open article gives only inside longer ones
    ("Texas" in "University of Texas"): those names, to say so if no article names it."""

    def within_note(self) -> str:
        """What the jump says when no article names it alone: where this one named it."""
        longer = " and ".join(self.within)
        return f"No article names {self.query} on its own; this one names it only within {longer}."


@dataclass(frozen=True)
class ResultEntry(Passage):
    """One row of the results pane: a passage of an article (or a quote), whatever
    listed it; its text is data, never markup."""

    spans: tuple[Span, ...] = ()
    """What to highlight in `text`: matched terms, or the entity's mentions."""
    speaker: str | None = None
    """Who is quoted in the passage, when it holds a quote."""
    uncertain: bool = False
    """A quote whose speaker extraction is not sure of (low confidence): labelled "(?)"."""


@dataclass(frozen=True)
class ArticleTarget:
    """An article to show, and what in it to show first."""

    article_id: str
    """The article's id."""
    paragraph: int = 0
    """The paragraph to scroll to and put the cursor on."""
    spans: tuple[Span, ...] = ()
    """Spans in that paragraph to highlight (the match, the mention)."""
    terms: tuple[str, ...] = ()
    """Search terms to highlight throughout the article."""
    entity: tuple[str, str | None] | None = None
    """(name, type) of an entity whose every mention in the article is highlighted."""


@dataclass
class ViewState:
    """A snapshot of the main screen, restored by going back."""

    source: ListSource
    """What the results pane listed."""
    list_index: int | None
    """The highlighted row of the results pane."""
    article: ArticleTarget | None
    """The open article, if any."""
    article_paragraph: int = 0
    """The paragraph cursor in the article."""
    focus: str | None = None
    """Id of the focused pane."""
    view: ViewRequest | None = None
    """A view (co-mentions, speakers) that was open over the screen: going back reopens it."""


@dataclass(frozen=True)
class ViewRequest:
    """A view to open: co-mentions of an entity, the over-represented entities of a
    search, or who is quoted (in a search, an entity's articles or the corpus)."""

    kind: str
    """`cooccur`, `overrepresented` or `speakers`."""
    name: str = ""
    """The entity, for `cooccur` (and `speakers` of an entity's articles)."""
    entity_type: str | None = None
    query: str = ""
    """The search, for `overrepresented` and `speakers`."""
    by: str = "passage"
    """`passage` or `article` (co-mentions)."""
    rank: str = "count"
    """`count` or `association` (co-mentions)."""
    partner_type: str | None = None
    """Only co-mentioned entities of this type."""
    cursor: int = 0
    """The row to put the cursor on."""


@dataclass
class History:
    """The back stack: a snapshot is pushed before every move to a new view."""

    states: list[ViewState] = field(default_factory=list)
    """Oldest first."""
    limit: int = 200
    """Snapshots kept; the oldest are dropped past this."""

    def push(self, state: ViewState) -> None:
        self.states.append(state)
        del self.states[: -self.limit]

    def pop(self) -> ViewState | None:
        return self.states.pop() if self.states else None

    def __len__(self) -> int:
        return len(self.states)
