"""From a speech cue to a speaker's name: the cue's subject, and who that subject is.

`X said`, `said X`, `X, who …, said`, `X told Y`, `adding …` (its governing
verb's subject), the object of "according to". The subject is then named:
- a name maps to the article's entity (`resolve`); two names joined by "and"
  are a joint speaker ("Maria Lopez and Peter Novak"); a place closing a person's
  "of ORG, Place" is part of the person ("X of the University of California, Los
  Angeles"); a title before the name is not part of it ("Prosecutor Jane Doe");
- "he"/"she" goes to the person it stands for (`pronouns`), "it" to the body
  named last as a subject ("In a statement, it said");
- "the minister", "the Tory leader", "the 28-year-old" go to the person the
  article introduced with that role (`roles`); a club, party or country in such
  a description is never the speaker;
- "the company", "the party", "the US government" are the body ("the army" the one
  organisation named "… Army"); "the couple" is
  the two people named together; "a statement from X", "X's spokesman" are X
  (the organisation, never the person an aide speaks for).
Anything else stays None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from store.extract.context import SUBJECTS, QuoteContext
from store.extract.cues import is_cue
from store.extract.names import is_title_word, split_title
from store.extract.pronouns import PERSONAL_GENDER, PronounResolver, body_subject
from store.extract.roles import STATE_NOUNS, is_group_noun, is_org_noun
from store.joint import joint_parts, joint_speaker, known_names

if TYPE_CHECKING:
    from spacy.tokens import Token

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
_BODY_TYPES = ("ORG", "GPE", "NORP")
_INDEFINITE = frozenset({"a", "an", "another", "some", "one"})


class Named(NamedTuple):
    """A speaker, and how the subject standing for them was named (`confidence.NAMINGS`)."""

    name: str | None
    how: str = "name"
    back: int = 0
    """For a pronoun, how many sentences back its person was found (0: its own sentence)."""


NOBODY = Named(None, "")


class SpeakerNamer:
    """Names the subject of a cue, for one article."""

    def __init__(self, ctx: QuoteContext, pronouns: PronounResolver) -> None:
        self.ctx = ctx
        self.pronouns = pronouns
        self.roles = pronouns.roles
        self._nouns: frozenset[str] | None = None

    def speaker_of_cue(self, cue: Token) -> Named:
        if cue.lower_ == "according":
            to = cue.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            return self.named(objects[0]) if objects else NOBODY
        # "were described by Johnson as a “historic mandate”": a passive's agent speaks
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        if agent is not None:
            objects = [c for c in agent.children if c.dep_ == "pobj" and not self.ctx.in_quote[c.i]]
            if objects:
                return self.named(objects[0])
        subject = self.subject_of(cue)
        return self.named(subject) if subject is not None else NOBODY

    def subject_of(self, verb: Token, depth: int = 0) -> Token | None:
        ctx = self.ctx
        in_quote = ctx.in_quote
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS and not in_quote[c.i]]
        if subjects:
            child = subjects[-1] if len(subjects) > 1 else subjects[0]
            if len(subjects) > 1:
                # "Usdaw general secretary John Hannett added", parsed with two subjects: the name
                named = [s for s in subjects if s.pos_ == "PROPN" or s.ent_type_ == "PERSON"]
                child = named[-1] if named else subjects[-1]
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head
            hyphenated = child.i + 1 < len(ctx.doc) and ctx.doc[child.i + 1].text == "-"
            if child.pos_ == "NOUN" and (hyphenated or not child.is_alpha):
                # "mused co-host Stu Burguiere" parsed with "co" as the subject
                for right in verb.rights:
                    if right.pos_ == "PROPN" and not in_quote[right.i]:
                        return right
            return self.owner_of_place(child) or child
        # "said Kerry" parsed with Kerry as an object, attribute or modifier
        for child in verb.rights:
            if child.pos_ == "PROPN" and child.dep_ in ("dobj", "attr", "npadvmod", "appos", "dep", "oprd"):
                if not in_quote[child.i]:
                    return self._person_in_coordination(child)
        # "…,” Novak notes." parsed as a compound noun "Novak notes"
        for child in verb.lefts:
            if child.dep_ in ("compound", "npadvmod", "nmod", "dep") and ctx.is_name(child):
                if not in_quote[child.i]:
                    return child
        # "Said Novak:" parsed with the verb as a modifier of the name
        if verb.dep_ in ("compound", "amod", "nmod") and ctx.is_name(verb.head) and not in_quote[verb.head.i]:
            return verb.head
        after = verb.i + 1
        if after < len(ctx.doc) and ctx.is_name(ctx.doc[after]) and not in_quote[after]:
            if ctx.doc[after].dep_ not in SUBJECTS + ("poss",):  # not "saying Lopez would …"
                return ctx.doc[after]
        if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "prep", "pcomp", "acl"):
            head = verb.head
            if verb.dep_ == "conj" and head.dep_ == "ccomp" and not is_cue(head) and is_cue(head.head):
                head = head.head  # "X said it was early but added, …": X added
            # "went on the radio, saying …": climb through the nouns to the governing verb
            while head.pos_ not in ("VERB", "AUX") and head.head is not head and depth < 3:
                head, depth = head.head, depth + 1
            if head is not verb:
                return self.subject_of(head, depth + 1)
        if verb.dep_ == "relcl" and verb.head is not verb:
            return verb.head
        return None

    def owner_of_place(self, subject: Token) -> Token | None:
        """ "Jane Doe of the University of California, Los Angeles said": a place closing a
        person's "of ORG" postmodifier is part of it; the person speaks, never the place."""
        ctx = self.ctx
        doc = ctx.doc
        i = subject.i
        while i > 0 and doc[i].ent_iob_ == "I":  # to the first word of "Los Angeles"
            i -= 1
        if i < 2 or doc[i - 1].text != ",":  # the cheap test first: most subjects have no comma
            return None
        if subject.ent_type_ not in ("GPE", "LOC"):
            entity = ctx.entity_of(subject) if ctx.is_name(subject) else None
            if entity is None or entity.type not in ("GPE", "LOC"):
                return None
        floor = max(ctx.sents[ctx.sent_of[subject.i]].start, i - 14)
        for j in range(i - 2, floor - 1, -1):
            token = doc[j]
            if ctx.in_quote[j] or not (ctx.is_name(token) or token.lower_ in ("of", "the", "and", ",", "at")):
                return None
            if token.lower_ == "of" and j > 0 and self._is_person(doc[j - 1]):
                return doc[j - 1]
        return None

    def _is_person(self, token: Token) -> bool:
        if not self.ctx.is_name(token):
            return False
        entity = self.ctx.entity_of(token)
        return entity.type == "PERSON" if entity is not None else token.ent_type_ == "PERSON"

    def _person_in_coordination(self, token: Token) -> Token:
        """`added Ernst and Young's Sanjay Mehta`: the person among names joined by "and"."""
        if token.ent_type_ == "PERSON":
            return token
        for conj in token.children:
            if conj.dep_ == "conj" and conj.ent_type_ == "PERSON" and not self.ctx.in_quote[conj.i]:
                if any(c.dep_ == "poss" for c in conj.children):
                    return conj
        return token

    # ------------------------------------------------------------------ naming

    def name_of(self, token: Token) -> str | None:
        """The canonical name of the speaker a subject token stands for."""
        return self.named(token).name

    def named(self, token: Token) -> Named:
        """The speaker a subject token stands for, and how it was named (see `confidence`)."""
        ctx = self.ctx
        if token.pos_ == "PRON":
            word = token.lower_
            gender = PERSONAL_GENDER.get(word)
            if gender is not None:
                person, back = self.pronouns.resolve_back(token, gender)
                return Named(person, "pronoun", back)
            if word == "it":
                body = body_subject(ctx, token)
                return Named(self.name_of(body), "body") if body is not None else NOBODY
            if word == "they":
                return Named(self._they(token), "group")
            return NOBODY
        word = token.lower_
        if word in _DESCRIPTIVE_CARRIERS or word in _SPOKESPEOPLE:
            return self._carrier(token, aide=word in _SPOKESPEOPLE)
        if word not in _SPOKESPEOPLE and any(
            c.dep_ == "det" and c.lower_ in _INDEFINITE for c in token.children
        ):
            return self._description(token)  # "another Labour MP": someone new, unless named
        if token.is_lower and token.pos_ in ("NOUN", "ADJ"):
            return self._description(token)  # "the minister", "the company", "the 28-year-old"
        if token.is_lower and token.pos_ == "PROPN" and any(c.dep_ == "appos" for c in token.children):
            return self._description(token)  # "the current bishop, Ana Cruz, said": a mistagged role
        joint = self._joint(token)
        if joint is not None:
            return Named(joint, "joint")
        if self._unnamed_partner(token):
            return NOBODY  # "Emma Clarke and her husband said": both speak, never one of them
        title = ctx.proper_name(token) if is_title_word(token.text) else None
        if title and not split_title(title)[1]:
            # "The Senate Minority Leader, Chuck Schumer, said": the named apposition speaks
            for child in token.children:
                if child.dep_ == "appos" and ctx.is_name(child) and not ctx.in_quote[child.i]:
                    return self.named(child)
        surfaces = ctx.surfaces(token)
        untitled = [self.untitled(surface) for surface in surfaces]
        for surface in dict.fromkeys([s for s in untitled if s] + surfaces):
            entity = ctx.resolve(surface, ctx.entities)
            if entity is not None:
                return Named(entity.name)
        if not ctx.is_name(token):
            return self._description(token)
        name = ctx.proper_name(token)
        return Named(self.untitled(name) or name if name else None)

    def untitled(self, surface: str) -> str | None:
        """The name without the title before it ("Prosecutor Jane Doe" -> "Jane Doe"), or None
        when it has none: a title word (`names.TITLE_WORDS`), or a capitalised role noun the
        article also writes in lower case ("prosecutors"), followed by a capitalised name."""
        title, rest = split_title(surface)
        words = (rest if title and rest else surface).split()
        while len(words) > 2 and words[0][:1].isupper() and words[0].casefold() in self._lower_nouns():
            words = words[1:]
        untitled = " ".join(words)
        return untitled if untitled != surface and words and words[0][:1].isupper() else None

    def _lower_nouns(self) -> frozenset[str]:
        """The common nouns the article writes in lower case, and their lemmas (read once)."""
        if self._nouns is None:
            doc = self.ctx.doc
            self._nouns = frozenset(
                w for t in doc if t.pos_ == "NOUN" and t.is_lower for w in (t.lower_, t.lemma_.lower())
            )
        return self._nouns

    def _carrier(self, token: Token, aide: bool) -> Named:
        """ "the statement said", "a tweet from X read", "a Siemens press release reads",
        "an official from the ministry stated" (the organisation speaks, never a person's aide)."""
        ctx = self.ctx
        if aide:
            for child in token.children:
                # "Ryan's spokeswoman, Jane Strong,": the spokeswoman is named
                if child.dep_ == "appos" and child.pos_ == "PROPN" and not ctx.in_quote[child.i]:
                    return self.named(child)
        for child in token.children:
            if child.dep_ == "compound" and ctx.is_name(child) and not ctx.in_quote[child.i]:
                return Named(self._organisation(child), "body") if aide else self.named(child)
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ in ("from", "by", "for", "of")):
                inner = (
                    child
                    if child.dep_ == "poss"
                    else next((c for c in child.children if c.dep_ == "pobj"), None)
                )
                if inner is not None:
                    return Named(self._organisation(inner), "body") if aide else self.named(inner)
        return NOBODY

    def _description(self, token: Token) -> Named:
        """A common noun as subject: a named apposition, a body, a group, or a role."""
        ctx = self.ctx
        # "a spokesman, John Smith," / "campaign chief Anna Keller"
        for child in token.children:
            if ctx.in_quote[child.i] or child.pos_ != "PROPN":
                continue
            if child.dep_ == "appos" or (child.dep_ == "compound" and child.ent_type_ == "PERSON"):
                return self.named(child)
        determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
        if determiners & _INDEFINITE:
            return NOBODY  # an indefinite description introduces someone new
        if is_org_noun(token):
            return Named(self._body(token), "body")
        if is_group_noun(token):
            return Named(self.roles.pair_before(token.i), "group")
        if token.pos_ == "NOUN" or token.lower_ == "old":
            return Named(self.roles.person_for(token), "role")
        return NOBODY

    def _body(self, token: Token) -> str | None:
        """ "the Labour party" (Labour), "the US government", "the company" (the last body named)."""
        ctx = self.ctx
        names = [
            c
            for c in token.children
            if c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper() and not ctx.in_quote[c.i]
        ]
        if names:
            name = names[0]
            entity = ctx.entity_of(name)
            state = token.lemma_.lower() in STATE_NOUNS
            if not state and (entity is not None and entity.type == "ORG" or name.ent_type_ == "ORG"):
                return entity.name if entity is not None else ctx.proper_name(name)
            # a country's or a people's government is not the country: "US government"
            words = [t.text for t in ctx.doc[min(c.i for c in names) : token.i + 1] if not t.is_punct]
            return " ".join(words)
        named = self._body_named_so(token)
        if named is not None:
            return named
        body = body_subject(ctx, token, 6)
        if body is not None and body.i != token.i:
            return self.name_of(body)
        return None

    def _body_named_so(self, token: Token) -> str | None:
        """The one organisation of the article whose name is headed by the noun: "the army" for
        "the Kenyan Army", "the ministry" for "the Ministry of Health"; None when none or several."""
        noun = token.lemma_.lower()
        found = {
            entity.name
            for entity in self.ctx.entities
            if entity.type == "ORG"
            and len(words := entity.name.split()) > 1
            and noun in (words[-1].casefold(), words[0].casefold() if "of" in words else "")
        }
        return found.pop() if len(found) == 1 else None

    def _joint(self, token: Token) -> str | None:
        """ "Maria Lopez and Peter Novak said": both, as one joint speaker."""
        ctx = self.ctx
        if token.dep_ not in SUBJECTS or not ctx.is_name(token):
            return None
        partners = [
            c for c in token.children if c.dep_ == "conj" and ctx.is_name(c) and not ctx.in_quote[c.i]
        ]
        if not partners:
            return None
        names = []
        for person in [token, *partners]:
            entity = ctx.entity_of(person)
            if entity is None or entity.type != "PERSON":
                return None
            names.append(entity.name)
        return joint_speaker(names) if len(set(names)) > 1 else None

    def _they(self, token: Token) -> str | None:
        """ "“…,” they added": the joint speaker of the quote just before, a few sentences back."""
        ctx = self.ctx
        done, starts = self.pronouns.done, self.pronouns.quote_starts
        before = [q for q in range(len(done)) if starts[q] < token.i]
        if not before:
            return None
        last = before[-1]
        speaker = done[last].speaker
        if speaker is None or ctx.sent_of[token.i] - ctx.sent_of[starts[last]] > 3:
            return None
        return speaker if joint_parts(speaker, known_names(ctx.entities)) else None

    def _unnamed_partner(self, token: Token) -> bool:
        """The subject is a name joined by "and" to someone described, not named ("Emma Clarke
        and her husband"); a bare role noun is the same person's second role ("Jane Doe of
        the university and contributor to the paper")."""
        return token.dep_ in SUBJECTS and any(
            c.dep_ == "conj"
            and c.pos_ == "NOUN"
            and not self.ctx.in_quote[c.i]
            and any(d.dep_ in ("det", "poss") for d in c.children)
            for c in token.children
        )

    def _organisation(self, token: Token) -> str | None:
        """The organisation a spokesperson speaks for; None for a person (their aide is not them)."""
        entity = self.ctx.entity_of(token)
        if entity is not None:
            return entity.name if entity.type != "PERSON" else None
        return None
