"""Candidate entity spans: the records the cleaning rules share, and the filters over them.

Each candidate is a `Form`: the cleaned surface text, exactly as it stands in the
article body, with its body offset and type; a `Reading` holds what the rules look up
in an article's parse. `model_spans.py` makes the forms of the model's spans,
`entities.py` folds forms into entities.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from store.company_names import is_bare_suffix
from store.extract.names import AcronymDefinition, find_acronym_definitions, split_title
from store.extract.pipeline import text_of
from store.extract.wire_copy import figure_lines
from store.mention_scan import name_matches

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
"""Model labels kept: people, organisations, places, nationalities and groups."""
NAME_LABELS = LABELS | {"EVENT", "WORK_OF_ART", "PRODUCT"}
"""Labels whose spans a head word may retype ("the Sydney Morning Herald" as an EVENT)."""
PLACE_OR_ORG = frozenset({"ORG", "GPE", "LOC", "FAC"})


@dataclass
class Form:
    """One cleaned span naming an entity, found in the article body."""

    text: str
    """The cleaned surface form, exactly as in the body text."""
    label: str
    """The type for this occurrence (the model's, corrected by gazetteer and head word)."""
    start: int
    """Body offset of the cleaned form."""
    titled: str | None = None
    """The form with its title, post-nominal or country ("Mark Tedeschi, QC", "Sydney,
    Australia") when the text has one: an alias, but mentions are found by `text`."""
    evidence: bool = False
    """The label comes from the syntax around this occurrence ("the Bolton striker"), which
    outweighs the gazetteer and the model's other votes for the entity's type."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Reading:
    """What the cleaning rules look up in an article's parse, computed once per article."""

    doc: Doc
    """The parse of the article body."""
    body: str
    """`doc.text`, kept: the property joins every token again on each access."""
    common: set[str]
    """Words the article writes in lower case: a capital on one of them is the sentence's."""
    firsts: set[int]
    """Indices of tokens that begin a sentence (`Token.is_sent_start` scans the doc)."""
    figures: list[tuple[int, int]]
    """Lines of figures (a table's rows: "Revs 82.0 mln vs 70.1 mln"), which give no names."""
    runs: list[tuple[str, int]] = field(default_factory=list)
    """Runs of capitalised words (`headed_chunks.capitalised_runs`), found by `model_forms`."""
    titles: list[Form] = field(default_factory=list)
    """The names `model_forms` found to be titles of works (store.extract.works)."""
    capitals: list[int] = field(default_factory=list)  # tokens with a capital first: scan these, not the doc

    def name_spans(self, name: str, *, hyphen_joined: bool = False) -> Iterator[Span]:
        """The spans of `name` where the body writes it as whole words
        (`store.mention_scan.name_matches`) on the parse's token boundaries."""
        for match in name_matches(self.body, name, hyphen_joined=hyphen_joined):
            span = self.doc.char_span(match.start(), match.end())
            if span is not None:
                yield span

    @classmethod
    def of(cls, doc: Doc) -> Reading:
        firsts = {s.start for s in doc.sents} if doc.has_annotation("SENT_START") else {0}
        words = [(token.text, token.is_lower) for token in doc]
        capitals = [i for i, (text, _) in enumerate(words) if text[:1].isupper()]
        body, common = text_of(doc), {text for text, lower in words if lower}
        return cls(doc, body, common, firsts, figure_lines(body), capitals=capitals)


def acronym_definitions(reading: Reading) -> list[AcronymDefinition]:
    """Acronyms the article defines for a name ("the Levant (ISIL)")."""
    ents = [span for span in reading.doc.ents if span.label_ in NAME_LABELS - {"PERSON"}]
    starts = [span.start_char for span in ents]
    return [d for d in find_acronym_definitions(reading.body) if _names_something(ents, starts, d)]


def without_fragments(forms: list[Form], definitions: list[AcronymDefinition]) -> list[Form]:
    """The forms of the kept types, less fragments of a long name defined in the text:
    "Levant" in "Islamic State of Iraq and the Levant (ISIL)"."""
    forms = sorted(forms, key=lambda f: f.start)
    covers = sorted((d.start, d.acronym_start + len(d.acronym) + 1) for d in definitions)
    cover_starts = [start for start, _ in covers]
    return [
        f
        for f in forms
        if f.label in LABELS and not _covered(f, covers, cover_starts) and not is_bare_suffix(f.text)
    ]


def _covered(form: Form, covers: list[tuple[int, int]], starts: list[int]) -> bool:
    """Inside one of the (sorted) spans: a fragment of a long name defined in the text."""
    at = bisect_right(starts, form.start) - 1
    return at >= 0 and covers[at][0] <= form.start and form.end <= covers[at][1]


def _names_something(ents: list[Span], starts: list[int], definition: AcronymDefinition) -> bool:
    """An acronym definition of a name: the model tagged part of it as something other
    than a person (a person over it is the model's error, "Levant"), and it is no bare
    title ("Chief Executive Officer (CEO)"). `ents` are in body order, `starts` theirs."""
    if not split_title(definition.name)[1]:
        return False
    end = definition.acronym_start + len(definition.acronym)
    at = bisect_left(starts, end) - 1  # the last span starting before the definition ends
    return at >= 0 and ents[at].end_char > definition.start
