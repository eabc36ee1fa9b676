"""Who said it: attributing each quotation to a speaker on the dependency parse.

For each quotation, the *frame* is the words of its sentence(s) outside any
quotation. A cue (a speech verb such as said/told/added/wrote, or "according
to") is looked for there, preferring one the quote hangs from in the parse,
then the nearest. The speaker is the cue's subject (`X said`, `said X`,
`X, who …, said`, `X told Y`, `adding …` takes its governing verb's subject),
or the object of "according to". A name is mapped to the article's entity by
`resolve_name`; "he"/"she" goes to the person it stands for (see `pronouns`).
A quotation without a cue carries on the speaker of the quotation before it in
the paragraph, of a quotation it continues, or of the previous paragraph
("Kerry said that …" followed by a bare quote paragraph). Words inside
quotation marks are never searched for a speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.extract.cues import is_cue
from store.extract.pronouns import PronounResolver
from store.extract.quotes import QuoteRegion
from store.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Resolve = Callable[[str, list[Entity]], Entity | None]

_SUBJECTS = ("nsubj", "nsubjpass")
_NAME_JUNK = " \"'“”‘’<>()[]{}:;,-–—*#@/"
_PERSONAL = {"he": "Masc", "him": "Masc", "she": "Fem", "her": "Fem"}
_SPOKESPEOPLE = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "officials",
    "representative",
    "spokespeople",
}
_DESCRIPTIVE_CARRIERS = {"statement", "tweet", "post", "letter", "release", "email", "message", "memo"}


@dataclass
class Attribution:
    """The speaker and cue found for one quotation."""

    speaker: str | None
    """Canonical name, or None when the text does not say."""
    cue: str | None
    """The cue word as written ("said", "according to"), when one was found."""


class Attributor:
    """Attributes the quotations of one article."""

    def __init__(
        self,
        doc: Doc,
        paragraph_texts: list[str],
        starts: list[int],
        quotes: list[QuoteRegion],
        entities: list[Entity],
        resolve: Resolve,
    ) -> None:
        self.doc = doc
        self.paragraph_texts = paragraph_texts
        self.starts = starts
        self.quotes = quotes
        self.entities = entities
        self.resolve = resolve
        self.token_starts = [t.idx for t in doc]
        self.sents: list[Span] = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for number, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = number
        self.quote_spans = [(starts[q.paragraph] + q.start, starts[q.paragraph] + q.end) for q in quotes]
        self.in_quote = [False] * len(doc)
        self.quote_tokens: list[tuple[int, int]] = []
        for qs, qe in self.quote_spans:
            a, b = self._token_range(qs - 1, qe + 1)
            self.quote_tokens.append((a, b))
            for i in range(a, b):
                self.in_quote[i] = True
        self.done: list[Attribution] = []
        """Attributions made so far, in quote order (the pronoun resolver reads them)."""
        self.pronouns = PronounResolver(self)

    # ------------------------------------------------------------------ helpers

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices whose first character lies in `start:end`."""
        return bisect_left(self.token_starts, start), bisect_left(self.token_starts, end)

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.token_starts, char) - 1)

    def paragraph_of_token(self, i: int) -> int:
        return max(0, bisect_right(self.starts, self.token_starts[i]) - 1)

    # ------------------------------------------------------------------ the cue

    @staticmethod
    def is_cue(token: Token) -> bool:
        return is_cue(token)

    def frame_cues(self, first_sent: int, last_sent: int, q: int) -> list[Token]:
        """Speech cues outside quotation marks in sentences `first_sent..last_sent`,
        nearest to quote `q` first (one the quote hangs from in the parse before all)."""
        a, b = self.quote_tokens[q]
        paragraph = self.quotes[q].paragraph
        cues = []
        for s in range(first_sent, last_sent + 1):
            for token in self.sents[s]:
                if not self.in_quote[token.i] and self.is_cue(token):
                    if self.paragraph_of_token(token.i) == paragraph:
                        cues.append(token)

        def rank(token: Token) -> tuple[int, int, int]:
            attached = any(a <= child.i < b for child in token.children) or a <= token.head.i < b
            distance = a - token.i if token.i < a else token.i - b
            # a quote usually comes before its cue ("…," he said); a lead-in ends in a colon
            return (0 if attached else 1, distance, 0 if token.i >= b else 1)

        return sorted(cues, key=rank)

    def cue_for(self, q: int) -> Token | None:
        a, b = self.quote_tokens[q]
        if a >= len(self.doc):
            return None
        # the opening mark often ends the sentence before: start from the first quoted word
        first = self.sent_of[min(a + 1, b - 1, len(self.doc) - 1)]
        last = self.sent_of[min(max(b - 1, a), len(self.doc) - 1)]
        # a sentence split after the quote ("…?” the mayor asked): take the neighbour it runs into
        if last + 1 < len(self.sents) and (self._ends_open(q) or self._ends_sentence(q, last)):
            last += 1
        cues = self.frame_cues(first, last, q)
        return cues[0] if cues else None

    def lead_in_cue(self, q: int) -> Token | None:
        """A cue in the sentence or two before the quote, in its paragraph ("Kerry spoke:")."""
        a, b = self.quote_tokens[q]
        first = self.sent_of[min(a + 1, b - 1, len(self.doc) - 1)]
        paragraph = self.quotes[q].paragraph
        for s in range(first - 1, max(-1, first - 3), -1):
            if self.paragraph_of_token(self.sents[s].start) != paragraph:
                break
            cues = [t for t in self.sents[s] if not self.in_quote[t.i] and self.is_cue(t)]
            if cues:
                return cues[-1]
        return None

    def colon_speaker(self, q: int) -> str | None:
        """`Name: “…”` (transcripts, round-ups): the name right before a colon before the quote."""
        a, _ = self.quote_tokens[q]
        i = a - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 1 or self.doc[i].text != ":":
            return None
        j = i - 1
        if self.doc[j].text == ")":  # "Rep. Jane Doe (D-Ore.):"
            while j > 0 and self.doc[j].text != "(" and i - j < 8:
                j -= 1
            j -= 1
        if j >= 0 and not self.in_quote[j] and self.is_name(self.doc[j]):
            return self.name_of(self.doc[j])
        return self.lead_in_subject(i)

    def lead_in_subject(self, colon: int) -> str | None:
        """`Lopez made the following comment: “…”`: the subject of the sentence the colon ends."""
        sentence = self.sents[self.sent_of[colon]]
        for token in self.doc[sentence.start : colon]:
            if token.dep_ in _SUBJECTS and not self.in_quote[token.i] and not self.in_quote[token.head.i]:
                return self.name_of(token)
        return None

    def _ends_sentence(self, q: int, last: int) -> bool:
        """The quote closes its sentence and the next one, in the same paragraph, starts with words."""
        _, b = self.quote_tokens[q]
        sentence_end = self.sents[last].end
        if any(not (t.is_punct or t.is_space) for t in self.doc[b:sentence_end]):
            return False
        following = self.sents[last + 1]
        return (
            self.paragraph_of_token(following.start) == self.quotes[q].paragraph
            and not self.in_quote[following.start]
        )

    def _ends_open(self, q: int) -> bool:
        """The quote ends with a comma or dash, so its attribution follows."""
        return self.quotes[q].text.rstrip()[-1:] in (",", "—", "–", "-")

    # ------------------------------------------------------------------ the speaker

    def speaker_of_cue(self, cue: Token) -> str | None:
        if cue.lower_ == "according":
            to = cue.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            return self.name_of(objects[0]) if objects else None
        subject = self.subject_of(cue)
        return self.name_of(subject) if subject is not None else None

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        for child in verb.children:
            if child.dep_ in _SUBJECTS and not self.in_quote[child.i]:
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    return verb.head
                return child
        # "said Kerry" parsed with Kerry as an object, attribute or modifier
        for child in verb.rights:
            if child.pos_ == "PROPN" and child.dep_ in ("dobj", "attr", "npadvmod", "appos", "dep", "oprd"):
                if not self.in_quote[child.i]:
                    return child
        # "…,” Novak notes." parsed as a compound noun "Novak notes"
        for child in verb.lefts:
            if child.dep_ in ("compound", "npadvmod", "nmod", "dep") and self.is_name(child):
                if not self.in_quote[child.i]:
                    return child
        # "Said Novak:" parsed with the verb as a modifier of the name
        if (
            verb.dep_ in ("compound", "amod", "nmod")
            and self.is_name(verb.head)
            and not self.in_quote[verb.head.i]
        ):
            return verb.head
        after = verb.i + 1
        if after < len(self.doc) and self.is_name(self.doc[after]) and not self.in_quote[after]:
            if self.doc[after].dep_ not in _SUBJECTS + ("poss",):  # not "saying Lopez would …"
                return self.doc[after]
        if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "prep", "pcomp", "acl"):
            head = verb.head
            # "went on the radio, saying …": climb through the nouns to the governing verb
            while head.pos_ not in ("VERB", "AUX") and head.head is not head and depth < 3:
                head, depth = head.head, depth + 1
            if head is not verb:
                return self.subject_of(head, depth + 1)
        if verb.dep_ == "relcl" and verb.head is not verb:
            return verb.head
        return None

    def name_of(self, token: Token) -> str | None:
        """The canonical name of the speaker a subject token stands for."""
        if token.pos_ == "PRON":
            gender = _PERSONAL.get(token.lower_)
            if gender is None:
                return None
            return self.pronouns.resolve(token, gender)
        if token.lower_ in _DESCRIPTIVE_CARRIERS or token.lower_ in _SPOKESPEOPLE:
            # "the statement said", "a tweet from X read", "a Siemens press release reads",
            # "an official from the ministry stated" (the organisation speaks, never a person's aide)
            aide = token.lower_ in _SPOKESPEOPLE
            for child in token.children:
                if child.dep_ == "compound" and self.is_name(child) and not self.in_quote[child.i]:
                    return self._organisation(child) if aide else self.name_of(child)
                if child.dep_ == "poss" or (
                    child.dep_ == "prep" and child.lower_ in ("from", "by", "for", "of")
                ):
                    inner = (
                        child
                        if child.dep_ == "poss"
                        else next((c for c in child.children if c.dep_ == "pobj"), None)
                    )
                    if inner is not None:
                        return self._organisation(inner) if aide else self.name_of(inner)
            return None
        for surface in self.surfaces(token):
            entity = self.resolve(surface, self.entities)
            if entity is not None:
                return entity.name
        if not self.is_name(token):
            # "a spokesman, John Smith," / "White House spokesman Josh Earnest"
            for child in token.children:
                if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":
                    if not self.in_quote[child.i]:
                        return self.name_of(child)
            return None
        return self.proper_name(token)

    def _organisation(self, token: Token) -> str | None:
        """The organisation a spokesperson speaks for; None for a person (their aide is not them)."""
        for surface in self.surfaces(token):
            entity = self.resolve(surface, self.entities)
            if entity is not None:
                return entity.name if entity.type != "PERSON" else None
        return None

    def surfaces(self, token: Token) -> list[str]:
        """Ways to say the subject, longest first: its entity span, its name, the word."""
        found = []
        if token.ent_type_:
            for ent in self.doc.ents:
                if ent.start <= token.i < ent.end:
                    found.append(ent.text)
                    break
        name = self.proper_name(token)
        if name:
            found.append(name)
        found.append(token.text)
        return list(dict.fromkeys(found))

    @staticmethod
    def is_name(token: Token) -> bool:
        """A proper noun, or a capitalised word the tagger took for a common one ("McAllister")."""
        if any(ch in token.text for ch in "<>/=@#"):
            return False  # markup and handles left in scraped copy
        if token.pos_ == "PROPN":
            return True
        if token.pos_ == "VERB" and token.dep_ in _SUBJECTS and token.text[:1].isupper():
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
        return text.strip(_NAME_JUNK) or None

    # ------------------------------------------------------------------ all quotes

    def attribute(self) -> list[Attribution]:
        for q, region in enumerate(self.quotes):
            self.done.append(self.attribute_one(q, region, self.done))
        return self.done

    def attribute_one(self, q: int, region: QuoteRegion, done: list[Attribution]) -> Attribution:
        previous = done[-1] if done else None
        previous_region = self.quotes[q - 1] if q else None
        if region.continues and previous is not None:
            return Attribution(previous.speaker, previous.cue)
        cue = self.cue_for(q)
        if cue is None:
            same_paragraph = previous_region is not None and previous_region.paragraph == region.paragraph
            if previous is not None and same_paragraph:
                return Attribution(previous.speaker, previous.cue)
            cue = self.lead_in_cue(q)
        if cue is not None:
            cue_text = "according to" if cue.lower_ == "according" else cue.text
            return Attribution(self.speaker_of_cue(cue), cue_text)
        named = self.colon_speaker(q)
        if named is not None:
            return Attribution(named, None)
        return self.from_previous_paragraph(q, region, previous, previous_region)

    def from_previous_paragraph(
        self, q: int, region: QuoteRegion, previous: Attribution | None, previous_region: QuoteRegion | None
    ) -> Attribution:
        """A bare quote paragraph: the speaker the previous paragraph ends with."""
        p = region.paragraph - 1
        while p >= 0 and not self.paragraph_texts[p].strip():
            p -= 1
        if p < 0:
            return Attribution(None, None)
        first_sent = self.sent_of[self.token_at(self.starts[p])]
        last_sent = self.sent_of[max(0, self.token_at(self.starts[region.paragraph]) - 1)]
        last_quote_end = -1
        if previous_region is not None and previous_region.paragraph == p:
            last_quote_end = self.quote_tokens[q - 1][1]
        for s in range(last_sent, first_sent - 1, -1):
            cues = [t for t in self.sents[s] if not self.in_quote[t.i] and self.is_cue(t)]
            if cues and cues[-1].i > last_quote_end:
                speaker = self.speaker_of_cue(cues[0])
                if speaker is not None:
                    return Attribution(speaker, None)
        if previous is not None and previous_region is not None and previous_region.paragraph == p:
            return Attribution(previous.speaker, None)
        end = self.token_at(self.starts[p] + len(self.paragraph_texts[p].rstrip()) - 1)
        if self.doc[end].text == ":" and not self.in_quote[end]:
            return Attribution(self.lead_in_subject(end), None)
        return Attribution(None, None)


def attribute_quotes(
    doc: Doc,
    paragraph_texts: list[str],
    starts: list[int],
    quotes: list[QuoteRegion],
    entities: list[Entity],
    resolve: Resolve,
) -> list[Attribution]:
    """A speaker and cue for each quotation region, in order."""
    if not quotes:
        return []
    return Attributor(doc, paragraph_texts, starts, quotes, entities, resolve).attribute()
