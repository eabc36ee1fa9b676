"""Resolving a speaker pronoun ("he said") to the person it stands for.

Walk back from the pronoun, sentence by sentence (its own sentence first, then
earlier ones, a few paragraphs at most), and take the first sentence that names
a person of a compatible gender outside quotation marks; within it, a subject
or a quotation's speaker wins over a person merely mentioned. The speakers of
earlier quotations count as mentioned where their quotation stands, so a run
of "he said" quotes keeps its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from store.extract.context import QuoteContext
from store.extract.cues import is_cue
from store.extract.gender import GenderVotes, compatible, title_before
from store.extract.pipeline import text_of
from store.extract.roles import Roles
from store.person_names import strip_post_nominals

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from store.extract.speakers import Attribution

PERSONAL_GENDER = {"he": "Masc", "him": "Masc", "she": "Fem", "her": "Fem"}
"""The personal pronouns that stand for one person, and the gender each says."""

MAX_SENTENCES_BACK = 8
MAX_PARAGRAPHS_BACK = 3
_NOT_PEOPLE = {"ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "DATE"}
NEAR_SENTENCES = 3
"""A person merely mentioned this close beats a subject further back."""
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MASC_WORDS = {"he", "his", "him", "himself"}
_FEM_WORDS = {"she", "her", "hers", "herself"}


class PronounResolver:
    """Person mentions of one article, by sentence, with what is known of their gender."""

    def __init__(self, ctx: QuoteContext, done: list[Attribution]) -> None:
        """`done`: the attributions made so far, in quote order (grows as quotes are attributed)."""
        self.at = attributor = ctx
        self.done = done
        self.votes = GenderVotes()
        self.quote_starts = [a for a, _ in attributor.quote_tokens]
        # (token index, canonical name, salience rank: see `_salience`)
        mentions: list[tuple[int, str, int]] = []
        doc = attributor.doc
        forms = self._person_forms()
        covered: set[int] = set()
        if forms:
            alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
            for match in pattern.finditer(text_of(doc)):
                first = attributor.token_at(match.start())
                last = attributor.token_at(match.end() - 1)
                if attributor.in_quote[first]:
                    continue
                name = forms[match.group(0)]
                span = doc[first : last + 1]
                if all(t.dep_ in ("compound", "amod") and not first <= t.head.i <= last for t in span[-1:]):
                    if span[-1].head.pos_ == "NOUN" or span[-1].head.ent_type_ not in ("", "PERSON"):
                        continue  # "the Trump campaign", "LGBT Americans": a modifier, not a person
                rank = min(_salience(t) for t in span)
                mentions.append((first, name, rank))
                paragraph = attributor.paragraph_of_token(first)
                offset = match.start() - attributor.starts[paragraph]
                self.votes.add(name, title_before(attributor.paragraph_texts[paragraph], offset), 3)
                covered.update(range(first, last + 1))
                if rank < 3:
                    self._vote_following(name, last)
        # a subject that is a name nobody tagged as a person ("Zora Quennick announced")
        for token in doc:
            if token.dep_ in _SUBJECT_DEPS and token.pos_ == "PROPN" and token.i not in covered:
                if token.ent_type_ in _NOT_PEOPLE or attributor.in_quote[token.i]:
                    continue
                surface = attributor.proper_name(token)
                if surface and " " in surface:
                    found = attributor.resolve(surface, attributor.entities)
                    if found is None or found.type == "PERSON":
                        mentions.append((token.i, found.name if found else surface, _salience(token)))
        mentions.sort()
        self.roles = Roles(ctx, mentions)
        # "the Tory leader", "the 28-year-old": a description of a person counts as a mention of them
        for index, name in self.roles.epithet_mentions():
            mentions.append((index, name, _salience(doc[index])))
        mentions.sort()
        self.mentions = mentions
        self.mention_index = [m[0] for m in mentions]
        self.people = {m[1] for m in mentions}

    def _person_forms(self) -> dict[str, str]:
        """Every way the article names a person -> the person's canonical name.

        People come from the entity list and from the model's PERSON spans (which
        the entity list may have merged away or missed); a surname stands for a
        person when no other person of the article shares it.
        """
        at = self.at
        forms: dict[str, str] = {}
        people: list[str] = []
        for entity in at.entities:
            if entity.type == "PERSON":
                people.append(entity.name)
                for alias in entity.aliases:
                    forms.setdefault(alias, entity.name)
        for ent in at.doc.ents:
            if ent.label_ != "PERSON" or at.in_quote[ent.start]:
                continue
            while len(ent) > 1 and ent[0].pos_ != "PROPN":
                ent = ent[1:]  # "Telling Maria Lopez": the model's span took a verb along
            text = strip_post_nominals(ent.text.removesuffix("’s").removesuffix("'s").strip())
            if not text or text in forms:
                continue
            found = at.resolve(text, at.entities)
            if found is not None and found.type == "PERSON":
                forms[text] = found.name
            else:
                forms[text] = text
                people.append(text)
        surnames: dict[str, set[str]] = {}
        for person in set(forms.values()):
            words = person.split()
            if len(words) > 1:
                surnames.setdefault(words[-1], set()).add(person)
        for surname, owners in surnames.items():
            if len(owners) == 1 and surname not in forms:
                forms[surname] = next(iter(owners))
        for single in [f for f, p in forms.items() if f == p and " " not in f]:
            owners = surnames.get(single, set())
            if len(owners) == 1:  # the model tagged "Novak" alone: the same person
                full = next(iter(owners))
                for form, person in forms.items():
                    if person == single:
                        forms[form] = full
        return {form: person for form, person in forms.items() if len(form) > 1}

    def _vote_following(self, name: str, last: int) -> None:
        """The first he/his/she/her after a subject name, in its sentence and outside quotes."""
        at = self.at
        sentence = at.sents[at.sent_of[last]]
        passed_object = False
        for token in at.doc[last + 1 : sentence.end]:
            if at.in_quote[token.i]:
                continue
            if token.ent_type_ == "PERSON":
                return
            word = token.lower_
            if (token.dep_ == "poss" or passed_object) and _in_reported_clause(token):
                # "Podesta told them that her position …", "Trump mocked the front-runner,
                # saying she …": someone else's
                continue
            if token.dep_ in ("dobj", "pobj", "dative") and token.pos_ in ("NOUN", "PROPN"):
                passed_object = True
            if word in _MASC_WORDS:
                self.votes.add(name, "Masc")
                return
            if word in _FEM_WORDS:
                self.votes.add(name, "Fem")
                return

    def _quote_speakers(self, since: int, before: int) -> list[tuple[int, str]]:
        """(token index, speaker) of quotations attributed so far that start in `since:before`."""
        starts = self.quote_starts
        done = self.done
        lo, hi = bisect_left(starts, since), min(bisect_left(starts, before), len(done))
        return [(starts[q], done[q].speaker or "") for q in range(lo, hi) if self._person(done[q].speaker)]

    def _person(self, speaker: str | None) -> bool:
        """A speaker who can be "he" or "she": not an organisation, a place or a group."""
        if not speaker or " and " in speaker:
            return False
        if speaker in self.people:
            return True
        entity = self.at.resolve(speaker, self.at.entities)
        return entity is None or entity.type == "PERSON"

    def resolve_back(self, pronoun: Token, gender: str) -> tuple[str | None, int]:
        """The nearest compatible subject or speaker (a mere mention only when none is near),
        with how many sentences back the person was found (0: the pronoun's own)."""
        at = self.at
        here = at.sent_of[pronoun.i]
        paragraph = at.paragraph_of_token(pronoun.i)
        since = at.sents[max(0, here - MAX_SENTENCES_BACK + 1)].start
        spoken = self._quote_speakers(since, pronoun.i)
        fallback: tuple[str | None, int] = (None, 0)
        for s in range(here, max(-1, here - MAX_SENTENCES_BACK), -1):
            sentence = at.sents[s]
            if paragraph - at.paragraph_of_token(sentence.start) > MAX_PARAGRAPHS_BACK:
                break
            end = min(sentence.end, pronoun.i)
            if s == here:
                # "Asked about her vote if Clinton wins, she replied": the first "her" already
                # points back past the sentence, so a name after it is not the speaker
                end = self._first_pronoun(sentence.start, end, gender)
            candidates: list[tuple[int, int, str]] = []  # (rank, position, name)
            # "He added that Lopez …": a sentence about the same "he" names someone else
            same_topic = s != here and self._pronoun_subject(sentence, gender)
            lo = bisect_left(self.mention_index, sentence.start)
            for index, name, rank in self.mentions[lo:]:
                if index >= end or same_topic:
                    break
                if compatible(self.votes.gender(name), gender):
                    candidates.append((rank, index, name))
            for index, name in spoken:
                if sentence.start <= index < end and compatible(self.votes.gender(name), gender):
                    candidates.append((0, index, name))
            if not candidates:
                continue
            best = min(candidates)
            if best[0] < 3:
                return best[2], here - s
            if fallback[0] is None:
                fallback = (best[2], here - s)
            if here - s >= NEAR_SENTENCES:
                return fallback
        return fallback

    def _first_pronoun(self, start: int, end: int, gender: str) -> int:
        """Where the first pronoun of this gender outside quotes lies in `start:end`, else `end`."""
        words = _MASC_WORDS if gender == "Masc" else _FEM_WORDS
        for token in self.at.doc[start:end]:
            if token.lower_ in words and token.pos_ == "PRON" and not self.at.in_quote[token.i]:
                return token.i
        return end

    def _pronoun_subject(self, sentence: Span, gender: str) -> bool:
        """The sentence's main subject, outside quotes, is a pronoun of this gender."""
        root = sentence.root
        for child in root.children:
            if child.dep_ in _SUBJECT_DEPS and not self.at.in_quote[child.i]:
                words = _MASC_WORDS if gender == "Masc" else _FEM_WORDS
                return child.lower_ in words
        return False


def _in_reported_clause(token: Token) -> bool:
    """The token lies in a clause reported by a verb of its sentence ("said that her …")."""
    while token.head.i != token.i:
        if token.dep_ in ("ccomp", "advcl", "relcl"):
            return True
        token = token.head
    return False


def _salience(token: Token) -> int:
    """0 for the subject of a speech verb, 1 of a main clause, 2 of another clause, 3 otherwise."""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ not in _SUBJECT_DEPS:
        # "Novak, who had founded the club": the subject of its own clause
        if any(
            c.dep_ == "relcl" and any(g.tag_ == "WP" and g.dep_ in _SUBJECT_DEPS for g in c.children)
            for c in token.children
        ):
            return 2
        return 3
    verb = token.head
    if is_cue(verb):
        return 0
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return 1 if verb.dep_ == "ROOT" else 2


_BODY_TYPES = ("ORG", "GPE", "NORP")


def body_subject(ctx: QuoteContext, pronoun: Token, sentences_back: int = 4) -> Token | None:
    """The organisation "it" (or "the company") stands for: the nearest subject before it,
    outside quotes, that names a body ("EMI said …", "The US government denied …")."""
    from store.extract.roles import is_org_noun

    here = ctx.sent_of[pronoun.i]
    for s in range(here, max(-1, here - sentences_back - 1), -1):
        sentence = ctx.sents[s]
        subjects = [
            t
            for t in sentence
            if t.i < pronoun.i and t.dep_ in _SUBJECT_DEPS and not ctx.in_quote[t.i] and t.pos_ != "PRON"
        ]
        for token in reversed(subjects):
            if is_org_noun(token) and any(
                c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in token.children
            ):
                return token
            if ctx.is_name(token):
                entity = ctx.entity_of(token)
                if entity is not None and entity.type in _BODY_TYPES:
                    return token
                if entity is None and token.ent_type_ in _BODY_TYPES + ("",) and token.pos_ == "PROPN":
                    return token  # a name nobody tagged as a person ("Brightwave said")
    return None
