"""Resolving a speaker pronoun ("he said") to the person it stands for.

Walk back from the pronoun, sentence by sentence (its own sentence first, then
earlier ones, a few paragraphs at most), and take the first sentence that names
a person of a compatible gender outside quotation marks; within it, a subject
or a quotation's speaker wins over a person merely mentioned. The speakers of
earlier quotations count as mentioned where their quotation stands, so a run
of "he said" quotes keeps its speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from store.extract.gender import GenderVotes, compatible, title_before

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from store.extract.speakers import Attributor

MAX_SENTENCES_BACK = 8
MAX_PARAGRAPHS_BACK = 3
NEAR_SENTENCES = 3
"""A person merely mentioned this close beats a subject further back."""
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MASC_WORDS = {"he", "his", "him", "himself"}
_FEM_WORDS = {"she", "her", "hers", "herself"}


class PronounResolver:
    """Person mentions of one article, by sentence, with what is known of their gender."""

    def __init__(self, attributor: Attributor) -> None:
        self.at = attributor
        self.votes = GenderVotes()
        # (token index, canonical name, salience rank: 0 main subject, 1 other subject, 2 mention)
        mentions: list[tuple[int, str, int]] = []
        doc = attributor.doc
        for entity in attributor.entities:
            if entity.type != "PERSON":
                continue
            self.votes.add(entity.name, None)
            for mention in entity.mentions:
                offset = attributor.starts[mention.paragraph] + mention.start
                first = attributor.token_at(offset)
                last = attributor.token_at(attributor.starts[mention.paragraph] + mention.end - 1)
                if attributor.in_quote[first]:
                    continue
                rank = min(_salience(t) for t in doc[first : last + 1])
                subject = rank < 2
                mentions.append((first, entity.name, rank))
                text = attributor.paragraph_texts[mention.paragraph]
                self.votes.add(entity.name, title_before(text, mention.start), 3)
                if subject:
                    self._vote_following(entity.name, last)
        # people the entity list missed but the model tagged ("Maryam Violet said")
        covered = {m[0] for m in mentions}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start in covered or attributor.in_quote[ent.start]:
                continue
            found = attributor.resolve(ent.text, attributor.entities)
            name = found.name if found is not None else ent.text.removesuffix("’s").removesuffix("'s")
            mentions.append((ent.start, name, min(_salience(t) for t in ent)))
        mentions.sort()
        self.mentions = mentions
        self.mention_index = [m[0] for m in mentions]

    def _vote_following(self, name: str, last: int) -> None:
        """The first he/his/she/her after a subject name, in its sentence and outside quotes."""
        at = self.at
        sentence = at.sents[at.sent_of[last]]
        for token in at.doc[last + 1 : sentence.end]:
            if at.in_quote[token.i]:
                continue
            if token.ent_type_ == "PERSON":
                return
            word = token.lower_
            if word in _MASC_WORDS:
                self.votes.add(name, "Masc")
                return
            if word in _FEM_WORDS:
                self.votes.add(name, "Fem")
                return

    def _quote_speakers(self, before: int) -> list[tuple[int, str]]:
        """(token index, speaker) of quotations attributed so far, starting before token `before`."""
        found = []
        for (a, _), attribution in zip(self.at.quote_tokens, self.at.done, strict=False):
            if a < before and attribution.speaker:
                found.append((a, attribution.speaker))
        return found

    def resolve(self, pronoun: Token, gender: str) -> str | None:
        """The nearest compatible subject or speaker; a mere mention only when none is near."""
        at = self.at
        here = at.sent_of[pronoun.i]
        paragraph = at.paragraph_of_token(pronoun.i)
        spoken = self._quote_speakers(pronoun.i)
        fallback: str | None = None
        for s in range(here, max(-1, here - MAX_SENTENCES_BACK), -1):
            sentence = at.sents[s]
            if paragraph - at.paragraph_of_token(sentence.start) > MAX_PARAGRAPHS_BACK:
                break
            end = min(sentence.end, pronoun.i)
            candidates: list[tuple[int, int, str]] = []  # (rank, position, name)
            # "He added that Clinton …": a sentence about the same "he" names someone else
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
            if best[0] < 2:
                return best[2]
            if fallback is None:
                fallback = best[2]
            if here - s >= NEAR_SENTENCES:
                return fallback
        return fallback

    def _pronoun_subject(self, sentence: Span, gender: str) -> bool:
        """The sentence's main subject, outside quotes, is a pronoun of this gender."""
        root = sentence.root
        for child in root.children:
            if child.dep_ in _SUBJECT_DEPS and not self.at.in_quote[child.i]:
                words = _MASC_WORDS if gender == "Masc" else _FEM_WORDS
                return child.lower_ in words
        return False


def _salience(token: Token) -> int:
    """0 for the subject of a main clause, 1 for another subject, 2 for anything else."""
    if token.dep_ == "appos":
        token = token.head
    if token.dep_ not in _SUBJECT_DEPS:
        # "Kukura, who had revived the chapter": the subject of its own clause
        if any(
            c.dep_ == "relcl" and any(g.tag_ == "WP" and g.dep_ in _SUBJECT_DEPS for g in c.children)
            for c in token.children
        ):
            return 1
        return 2
    verb = token.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return 0 if verb.dep_ == "ROOT" else 1
