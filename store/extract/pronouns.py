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
    from spacy.tokens import Token

    from store.extract.speakers import Attributor

MAX_SENTENCES_BACK = 8
MAX_PARAGRAPHS_BACK = 3
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MASC_WORDS = {"he", "his", "him", "himself"}
_FEM_WORDS = {"she", "her", "hers", "herself"}


class PronounResolver:
    """Person mentions of one article, by sentence, with what is known of their gender."""

    def __init__(self, attributor: Attributor) -> None:
        self.at = attributor
        self.votes = GenderVotes()
        # (token index, canonical name, is a subject)
        mentions: list[tuple[int, str, bool]] = []
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
                tokens = doc[first : last + 1]
                subject = any(t.dep_ in _SUBJECT_DEPS or (t.dep_ == "appos" and t.head.dep_ in _SUBJECT_DEPS)
                              for t in tokens)
                mentions.append((first, entity.name, subject))
                text = attributor.paragraph_texts[mention.paragraph]
                self.votes.add(entity.name, title_before(text, mention.start), 3)
                if subject:
                    self._vote_following(entity.name, last)
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
        at = self.at
        here = at.sent_of[pronoun.i]
        paragraph = at.paragraph_of_token(pronoun.i)
        spoken = self._quote_speakers(pronoun.i)
        for s in range(here, max(-1, here - MAX_SENTENCES_BACK), -1):
            sentence = at.sents[s]
            if paragraph - at.paragraph_of_token(sentence.start) > MAX_PARAGRAPHS_BACK:
                break
            end = min(sentence.end, pronoun.i)
            candidates: list[tuple[int, int, str]] = []  # (rank, position, name)
            lo = bisect_left(self.mention_index, sentence.start)
            for index, name, subject in self.mentions[lo:]:
                if index >= end:
                    break
                if compatible(self.votes.gender(name), gender):
                    candidates.append((0 if subject else 2, index, name))
            for index, name in spoken:
                if sentence.start <= index < end and compatible(self.votes.gender(name), gender):
                    candidates.append((1, index, name))
            if candidates:
                return min(candidates)[2]
        return None
