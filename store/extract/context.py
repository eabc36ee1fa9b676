"""What attribution and pronoun resolution both read about one article, frozen.

The parse, where each paragraph starts, which tokens lie inside quotation marks,
the sentences, and the article's entities. Built once per article by
`QuoteContext.build`; the speaker finder (`speakers`), the pronoun resolver
(`pronouns`) and the role resolver (`roles`) all take it, so none of them reads
another's attributes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.extract.pipeline import token_offsets
from store.extract.quotes import QuoteRegion
from store.models import Entity
from store.person_names import strip_post_nominals

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Resolve = Callable[[str, list[Entity]], Entity | None]

SUBJECTS = ("nsubj", "nsubjpass")
_NAME_JUNK = " \"'“”‘’<>()[]{}:;,-–—*#@/"


@dataclass(frozen=True)
class QuoteContext:
    """One parsed article with its quotation regions, read-only."""

    doc: Doc
    """The parse of the body (paragraphs joined by blank lines)."""
    paragraph_texts: list[str]
    """Each paragraph's text."""
    starts: list[int]
    """Where each paragraph starts in `doc.text`."""
    quotes: list[QuoteRegion]
    """The quotation regions being attributed, in reading order."""
    entities: list[Entity]
    """The article's entities (people, organisations, places)."""
    resolve: Resolve
    """Maps a surface form to one of `entities`, or None."""
    token_starts: list[int]
    """Character offset of each token (for bisecting)."""
    sents: list[Span]
    """The sentences of `doc`."""
    sent_of: list[int]
    """Sentence number of each token."""
    quote_tokens: list[tuple[int, int]]
    """Token range of each quote, its marks included."""
    in_quote: list[bool]
    """Whether each token lies inside a quotation (marks included)."""

    @classmethod
    def build(
        cls,
        doc: Doc,
        paragraph_texts: list[str],
        starts: list[int],
        quotes: list[QuoteRegion],
        entities: list[Entity],
        resolve: Resolve,
    ) -> QuoteContext:
        token_starts = token_offsets(doc)
        sents = list(doc.sents)
        sent_of = [0] * len(doc)
        for number, sent in enumerate(sents):
            for i in range(sent.start, sent.end):
                sent_of[i] = number
        in_quote = [False] * len(doc)
        quote_tokens: list[tuple[int, int]] = []
        for q in quotes:
            qs, qe = starts[q.paragraph] + q.start, starts[q.paragraph] + q.end
            a, b = bisect_left(token_starts, qs - 1), bisect_left(token_starts, qe + 1)
            quote_tokens.append((a, b))
            for i in range(a, b):
                in_quote[i] = True
        return cls(
            doc,
            paragraph_texts,
            starts,
            quotes,
            entities,
            resolve,
            token_starts,
            sents,
            sent_of,
            quote_tokens,
            in_quote,
        )

    # ------------------------------------------------------------------ positions

    def token_at(self, char: int) -> int:
        """The token holding character `char` of the body."""
        return max(0, bisect_right(self.token_starts, char) - 1)

    def paragraph_of_token(self, i: int) -> int:
        return max(0, bisect_right(self.starts, self.token_starts[i]) - 1)

    def sentence_paragraph(self, s: int) -> int:
        return self.paragraph_of_token(self.sents[s].start)

    # ------------------------------------------------------------------ names

    @staticmethod
    def is_name(token: Token) -> bool:
        """A proper noun, or a capitalised word the tagger took for a common one ("McAllister")."""
        if any(ch in token.text for ch in "<>/=@#"):
            return False  # markup and handles left in scraped copy
        if token.pos_ == "PROPN":
            return True
        if token.pos_ == "VERB" and token.dep_ in SUBJECTS and token.text[:1].isupper():
            return True  # a verb cannot be a subject: a name the tagger misread ("Novak said")
        if not token.text[:1].isupper() or token.pos_ not in ("NOUN", "ADJ", "ADV", "X"):
            return False
        return not token.is_sent_start or token.ent_type_ in ("PERSON", "ORG")

    def proper_name(self, token: Token) -> str | None:
        """The run of proper nouns around `token` ("Bashar al-Assad")."""
        if not self.is_name(token):
            return None
        start = end = token.i
        while start > 0 and self.is_name(self.doc[start - 1]) and not self.in_quote[start - 1]:
            start -= 1
        while end + 1 < len(self.doc) and self.is_name(self.doc[end + 1]) and not self.in_quote[end + 1]:
            end += 1
        text = self.doc[start : end + 1].text.removesuffix("’s").removesuffix("'s")
        return strip_post_nominals(text.strip(_NAME_JUNK)) or None

    def surfaces(self, token: Token) -> list[str]:
        """Ways to say the subject, longest first: its entity span, its name, the word."""
        found = []
        if token.ent_type_:
            for ent in self.doc.ents:
                if ent.start <= token.i < ent.end:
                    # a span the model ran over a verb ("Trump assured Jones") is not one name
                    if not any(t.pos_ in ("VERB", "AUX") for t in ent):
                        found.append(strip_post_nominals(ent.text))
                    break
        name = self.proper_name(token)
        if name:
            found.append(name)
        found.append(token.text)
        return list(dict.fromkeys(found))

    def entity_of(self, token: Token) -> Entity | None:
        """The article's entity a name token belongs to, if any."""
        for surface in self.surfaces(token):
            entity = self.resolve(surface, self.entities)
            if entity is not None:
                return entity
        return None
