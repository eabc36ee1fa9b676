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

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from store.extract.context import SUBJECTS, QuoteContext, Resolve
from store.extract.cues import is_cue
from store.extract.pronouns import PronounResolver
from store.extract.quotes import QuoteRegion
from store.extract.subjects import NOBODY, Named, SpeakerNamer
from store.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Attribution", "Attributor", "Resolve", "attribute_quotes", "is_cue"]


@dataclass
class Attribution:
    """The speaker and cue found for one quotation."""

    speaker: str | None
    """Canonical name, or None when the text does not say."""
    cue: str | None
    """The cue word as written ("said", "according to"), when one was found."""
    at: int = -1
    """Token index of the cue (-1 without one): a later quote under the same cue shares it."""
    route: str = ""
    """How the cue (or the lack of one) was found: a key of `confidence.ROUTES` ("" : no speaker)."""
    naming: str = ""
    """How the cue's subject was named: a key of `confidence.NAMINGS`."""
    back: int = 0
    """For a pronoun, how many sentences back its person was named."""

    @classmethod
    def of(cls, named: Named, cue: str | None, at: int, route: str) -> Attribution:
        """An attribution by `route` to the speaker a subject was `named`."""
        return cls(named.name, cue, at, route, named.how, named.back)

    def carried(self, route: str) -> Attribution:
        """This speaker, taken over by a quote of another paragraph by `route` (without the cue)."""
        return Attribution(self.speaker, None, -1, route, self.naming, self.back)


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
        frames: list[int] | None = None,
    ) -> None:
        self.ctx = ctx = QuoteContext.build(doc, paragraph_texts, starts, quotes, entities, resolve)
        self.frames = frames or [-1] * len(quotes)
        """Per quote, the verb framing a partial quote ("called it “…”"), or -1."""
        self.done: list[Attribution] = []
        """Attributions made so far, in quote order (the pronoun resolver reads them)."""
        self.pronouns = PronounResolver(ctx, self.done)
        self.namer = SpeakerNamer(ctx, self.pronouns)
        self.subject_of = self.namer.subject_of
        self.name_of = self.namer.name_of

    # ------------------------------------------------------------------ the cue

    def frame_cues(self, first_sent: int, last_sent: int, q: int) -> list[Token]:
        """Speech cues outside quotation marks in sentences `first_sent..last_sent` that
        govern quote `q`, nearest first (one the quote hangs from in the parse before all)."""
        ctx = self.ctx
        a, b = ctx.quote_tokens[q]
        paragraph = ctx.quotes[q].paragraph
        cues = []
        for s in range(first_sent, last_sent + 1):
            for token in ctx.sents[s]:
                if (
                    not ctx.in_quote[token.i]
                    and is_cue(token)
                    and ctx.paragraph_of_token(token.i) == paragraph
                ):
                    if self._governs(token, a, b):
                        cues.append(token)

        def rank(token: Token) -> tuple[int, int, int]:
            distance = a - token.i if token.i < a else token.i - b
            # the quote is the cue's complement; the cue hangs inside the quote (a misparse); neither
            attached = (
                0 if any(a <= child.i < b for child in token.children) else 1 if a <= token.head.i < b else 2
            )
            # a quote usually comes before its cue ("…," he said); a lead-in ends in a colon
            return (attached, distance, 0 if token.i >= b else 1)

        return sorted(cues, key=rank)

    @staticmethod
    def _attached(cue: Token, a: int, b: int) -> bool:
        return any(a <= child.i < b for child in cue.children) or a <= cue.head.i < b

    def _governs(self, cue: Token, a: int, b: int) -> bool:
        """The cue reports the quote: it hangs from it, leads into it, or follows it with
        nothing reported of its own ("…,” Novak said" but not "Novak said the plan had failed")."""
        if self._attached(cue, a, b):
            return True
        if cue.i < a:
            # a lead-in: the verb of a main clause ("Lopez said:", "Lopez, adding:"), not one
            # buried in a clause about something else ("a term Rubio used to describe …")
            return _main_clause(cue)
        if cue.lower_ == "according":
            return True
        if all(t.is_punct or t.is_space for t in self.ctx.doc[b : cue.i]):
            return True  # "…,” said Novak" / "…,” Novak said": right after the quote
        if not _main_clause(cue):
            return False
        if any(self.ctx.in_quote[c.i] and not a <= c.i < b for c in cue.children):
            return False  # "…” Neil Foster added: “…”": it leads into the next quote
        clause = [cue, *(c for c in cue.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for child in (c for verb in clause for c in verb.children):
            if self.ctx.in_quote[child.i]:
                continue
            if child.dep_ in ("ccomp", "xcomp"):
                return False
            if child.dep_ == "dobj" and cue.lemma_ not in _TELLING:
                return False
            if child.dep_ in ("advcl", "prep") and any(
                g.dep_ == "mark" and g.lower_ in ("if", "whether", "that") for g in child.children
            ):
                return False
        return True

    def cue_for(self, q: int) -> Token | None:
        ctx = self.ctx
        a, b = ctx.quote_tokens[q]
        if a >= len(ctx.doc):
            return None
        # the opening mark often ends the sentence before: start from the first quoted word
        first = ctx.sent_of[min(a + 1, b - 1, len(ctx.doc) - 1)]
        last = ctx.sent_of[min(max(b - 1, a), len(ctx.doc) - 1)]
        # a sentence split after the quote ("…?” the mayor asked): take the neighbour it runs into
        if last + 1 < len(ctx.sents) and (self._ends_open(q) or self._ends_sentence(q, last)):
            last += 1
        cues = self.frame_cues(first, last, q)
        return cues[0] if cues else None

    def lead_in(self, q: int) -> Attribution | None:
        """A speech cue, or a verb reporting what someone says or thinks, in the sentence or two
        before the quote since the previous quote of its paragraph ("Kerry spoke:",
        "Arnold believes short films …", "He added:")."""
        ctx = self.ctx
        a, _ = ctx.quote_tokens[q]
        first = ctx.sent_of[min(a + 1, len(ctx.doc) - 1)]
        paragraph = ctx.quotes[q].paragraph
        since = 0
        if q and ctx.quotes[q - 1].paragraph == paragraph:
            since = ctx.quote_tokens[q - 1][1]
        for s in range(first - 1 if ctx.sents[first].start >= a else first, max(-1, first - 3), -1):
            sentence = ctx.sents[s]
            if ctx.sentence_paragraph(s) != paragraph:
                break
            words = [t for t in sentence if not ctx.in_quote[t.i] and since <= t.i < a]
            cues = [t for t in words if is_cue(t) and _main_clause(t)]
            if cues:
                cue = cues[-1]
                if q and self.done[q - 1].at in {c.i for c in cues}:
                    return self.done[q - 1]  # "“…,” he said. “…”": the cue of the quote before
                return Attribution.of(self.namer.speaker_of_cue(cue), _cue_text(cue), cue.i, "lead-in")
            for verb in reversed(words):
                if (
                    verb.pos_ in ("VERB", "AUX")
                    and _main_clause(verb)
                    and any(c.dep_ == "ccomp" and not ctx.in_quote[c.i] for c in verb.children)
                ):
                    subject = self.subject_of(verb)
                    if subject is not None and self._person(subject):
                        named = self.namer.named(subject)
                        if named.name is not None:
                            return Attribution.of(named, None, -1, "reporting")
            if sentence.start < since:
                break
        return None

    def _person(self, subject: Token) -> bool:
        """A subject that is a person: "he"/"she", or a name the article has as a person."""
        if subject.pos_ == "PRON":
            return subject.lower_ in ("he", "she")
        if subject.ent_type_ == "PERSON":
            return True
        entity = self.ctx.entity_of(subject) if self.ctx.is_name(subject) else None
        return entity is not None and entity.type == "PERSON"

    def colon_speaker(self, q: int) -> Named:
        """`Name: “…”` (transcripts, round-ups): the name right before a colon before the quote."""
        ctx = self.ctx
        doc = ctx.doc
        a, _ = ctx.quote_tokens[q]
        i = a - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        if i < 1 or doc[i].text != ":":
            return NOBODY
        j = i - 1
        if doc[j].text == ")":  # "Rep. Jane Doe (D-Ore.):"
            while j > 0 and doc[j].text != "(" and i - j < 8:
                j -= 1
            j -= 1
        if j >= 0 and not ctx.in_quote[j] and ctx.is_name(doc[j]):
            return self.namer.named(doc[j])
        return self.lead_in_subject(i)

    def lead_in_subject(self, colon: int) -> Named:
        """`Lopez made the following comment: “…”`: the subject of the sentence the colon ends."""
        ctx = self.ctx
        sentence = ctx.sents[ctx.sent_of[colon]]
        for token in ctx.doc[sentence.start : colon]:
            if token.dep_ in SUBJECTS and not ctx.in_quote[token.i] and not ctx.in_quote[token.head.i]:
                return self.namer.named(self.namer.owner_of_place(token) or token)
        return NOBODY

    def _ends_sentence(self, q: int, last: int) -> bool:
        """The quote closes its sentence and the next one, in the same paragraph, starts with words."""
        ctx = self.ctx
        _, b = ctx.quote_tokens[q]
        sentence_end = ctx.sents[last].end
        if any(not (t.is_punct or t.is_space) for t in ctx.doc[b:sentence_end]):
            return False
        following = ctx.sents[last + 1]
        return (
            ctx.paragraph_of_token(following.start) == ctx.quotes[q].paragraph
            and not ctx.in_quote[following.start]
        )

    def _ends_open(self, q: int) -> bool:
        """The quote ends with a comma or dash, so its attribution follows."""
        return self.ctx.quotes[q].text.rstrip()[-1:] in (",", "—", "–", "-")

    # ------------------------------------------------------------------ all quotes

    def attribute(self) -> list[Attribution]:
        for q, region in enumerate(self.ctx.quotes):
            self.done.append(self.attribute_one(q, region, self.done))
        return self.done

    def attribute_one(self, q: int, region: QuoteRegion, done: list[Attribution]) -> Attribution:
        previous = done[-1] if done else None
        previous_region = self.ctx.quotes[q - 1] if q else None
        if region.continues and previous is not None:
            return replace(previous, route="continued")
        frame = self.frames[q]
        # a partial quote is the words of whoever the verb it hangs from has speaking
        cue = self.ctx.doc[frame] if frame >= 0 else self.cue_for(q)
        if cue is not None:
            if previous is not None and previous.at == cue.i:
                return previous
            route = "partial" if frame >= 0 else self._cue_route(q, cue)
            return Attribution.of(self.namer.speaker_of_cue(cue), _cue_text(cue), cue.i, route)
        # "X countered … He declared: “…”": a speaker introduced since the last quote
        introduced = self.lead_in(q)
        if introduced is not None:
            return introduced
        same_paragraph = previous_region is not None and previous_region.paragraph == region.paragraph
        if previous is not None and same_paragraph:
            return replace(previous, route="carried")
        named = self.colon_speaker(q)
        if named.name is not None:
            return Attribution.of(named, None, -1, "colon")
        return self.from_previous_paragraph(q, region, previous, previous_region)

    def _cue_route(self, q: int, cue: Token) -> str:
        """`cue` when the cue stands in the quote's own sentence before or around it, `cue-after`
        right after it, `next-sentence` when it was found in the sentence the quote runs into."""
        ctx = self.ctx
        a, b = ctx.quote_tokens[q]
        last = ctx.sent_of[min(max(b - 1, a), len(ctx.doc) - 1)]
        if ctx.sent_of[cue.i] > last:
            return "next-sentence"
        return "cue-after" if cue.i >= b else "cue"

    def from_previous_paragraph(
        self, q: int, region: QuoteRegion, previous: Attribution | None, previous_region: QuoteRegion | None
    ) -> Attribution:
        """A bare quote paragraph: the speaker the previous paragraph ends with. A paragraph
        that introduces its quote with a speech verb of its own ("Facebook released a statement
        which read, in part, “…”") is not bare: its own words decide, not the paragraph before."""
        ctx = self.ctx
        opening = ctx.token_at(ctx.starts[region.paragraph])
        if any(is_cue(t) and not ctx.in_quote[t.i] for t in ctx.doc[opening : ctx.quote_tokens[q][0]]):
            return Attribution(None, None)
        p = region.paragraph - 1
        while p >= 0 and not ctx.paragraph_texts[p].strip():
            p -= 1
        if p < 0:
            return Attribution(None, None)
        first_sent = ctx.sent_of[ctx.token_at(ctx.starts[p])]
        last_sent = ctx.sent_of[max(0, ctx.token_at(ctx.starts[region.paragraph]) - 1)]
        last_quote_end = -1
        if previous_region is not None and previous_region.paragraph == p:
            last_quote_end = ctx.quote_tokens[q - 1][1]
        for s in range(last_sent, first_sent - 1, -1):
            cues = [t for t in ctx.sents[s] if not ctx.in_quote[t.i] and is_cue(t)]
            if cues and cues[-1].i > last_quote_end:
                named = self.namer.speaker_of_cue(cues[0])
                if named.name is not None:
                    return Attribution.of(named, None, -1, "previous-paragraph")
        if previous is not None and previous_region is not None and previous_region.paragraph == p:
            return previous.carried("previous-paragraph")
        end = ctx.token_at(ctx.starts[p] + len(ctx.paragraph_texts[p].rstrip()) - 1)
        if ctx.doc[end].text == ":" and not ctx.in_quote[end]:
            named = self.lead_in_subject(end)
            return (
                Attribution.of(named, None, -1, "previous-paragraph")
                if named.name
                else Attribution(None, None)
            )
        return Attribution(None, None)


_TELLING = frozenset({"tell", "ask", "inform", "remind", "assure", "warn", "urge", "thank", "answer"})


def _main_clause(verb: Token) -> bool:
    """The verb of a main clause, or a participle hanging from one ("…, adding that …",
    "before asking her"): not one of a clause with its own subject inside another ("after
    outlets declared …") nor of a relative clause ("a term Rubio used to describe …")."""
    for _ in range(6):
        if verb.dep_ in ("ROOT", "conj", "parataxis"):
            return True
        if verb.dep_ in ("compound", "amod", "nmod") and verb.head.pos_ == "PROPN":
            return True  # "Said Novak:" parsed as a modifier of the name
        if verb.dep_ not in ("advcl", "xcomp", "pcomp", "prep") or any(
            c.dep_ in SUBJECTS for c in verb.children
        ):
            return False
        verb = verb.head
    return False


def _cue_text(cue: Token) -> str:
    return "according to" if cue.lower_ == "according" else cue.text


def attribute_quotes(
    doc: Doc,
    paragraph_texts: list[str],
    starts: list[int],
    quotes: list[QuoteRegion],
    entities: list[Entity],
    resolve: Resolve,
    frames: list[int] | None = None,
) -> list[Attribution]:
    """A speaker and cue for each quotation region, in order; `frames` gives, for a partial
    quote, the token of the speech or naming verb it hangs from (-1 for the others)."""
    if not quotes:
        return []
    return Attributor(doc, paragraph_texts, starts, quotes, entities, resolve, frames).attribute()
