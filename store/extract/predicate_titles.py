"""A title said of a person: "he was elected a Fellow of the Royal Society".

A capitalised title the sentence gives a person names that person, and the jump from
them reaches it: "he became Agassiz Professor of Oriental Languages", "Fillmore served as
President of the Linguistic Society of America", "was promoted by brevet to Major",
"claiming to be Protector of Mexico", "she was made a Dame", "is recognised as a saint and
Doctor of the Church", "described as the Queen of the curve", "Francis Hodgson, a Fellow at
King's College", "the Regent, Tsarevna Sophia Alekseyevna". Read off the parse:

- the complement of a verb of being or of designation (be, become, remain; elect, make,
  name, appoint, crown, proclaim, create …), the object of "as" after a verb that confers
  or holds an office, or that calls one by a title (serve, act, recognise, elect, describe,
  regard …), of "to" after promote, elevate, raise, or an apposition to the person's name
  (after it, following a comma; or before it: "the Regent, Sophia");
- its head a singular noun written with a capital inside the sentence and no person, place
  or nationality of the model's (not "a Democrat", "a Londoner"); the model takes an office
  "of" a body for the body at times ("Rector of the university"), and a name found there
  keeps its mention;
- the person: the subject (of the verb, or of the verb it depends on: "by claiming to be"),
  the object when an active verb confers the title ("the Queen made her a Dame" is hers,
  not the Queen's), the noun a "who" clause hangs from; a name of the article's person,
  or "he"/"she" as the quote speakers' pronoun resolver (`pronouns.py`) resolves it.

The mention is the title word with the capitalised modifiers before it ("Honorary
Fellow"), never another entity's name ("Agassiz" in "Agassiz Professor").
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from store.extract.context import QuoteContext
from store.extract.entity_mentions import resolve_name
from store.extract.entity_spans import Reading
from store.extract.names import is_title_word
from store.extract.pronouns import PERSONAL_GENDER, PronounResolver
from store.models import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

BEING = frozenset(
    "be become remain elect make name appoint crown proclaim declare create dub style title choose".split()
)
"""Verbs whose complement (attr, oprd) is what the subject, or the object, is."""
AS_VERBS = frozenset(
    """serve act recognise recognize elect appoint install ordain crown choose name swear consecrate
    confirm canonise canonize remain retire reelect re-elect nominate enthrone inaugurate describe
    regard hail bill style dub proclaim""".split()
)
"""Verbs whose "as" phrase is an office the person holds ("served as President")."""
TO_VERBS = frozenset("promote elevate raise appoint".split())
"""Verbs whose "to" phrase is a rank ("promoted to Major")."""
CONFERRING = frozenset("elect make name appoint crown proclaim declare create dub style title choose".split())
"""Active verbs that give the title to their object ("the Queen made her a Dame")."""
RELATIVE = frozenset({"who", "that", "whom"})
CLIMB = frozenset({"xcomp", "conj", "pcomp", "advcl", "ccomp"})
"""Dependencies through which a verb without a subject takes its governor's."""


def predicate_titles(
    reading: Reading, entities: list[Entity], texts: list[str], starts: list[int]
) -> list[tuple[Entity, int, int]]:
    """(person, body start, body end) of each capitalised title the syntax says of them."""
    people = [e for e in entities if e.type == "PERSON"]
    if not people:
        return []
    doc = reading.doc
    spans = sorted(
        (starts[m.paragraph] + m.start, starts[m.paragraph] + m.end, person)
        for person in people
        for m in person.mentions
    )
    owner = _Owners([start for start, _, _ in spans], spans)
    found: list[tuple[Entity, int, int]] = []
    resolver: PronounResolver | None = None
    for token in (doc[i] for i in reading.capitals):
        if not _title_word(token, reading):
            continue
        target = _holder(token)
        if target is None:
            continue
        if target.lower_ in PERSONAL_GENDER:
            if _quoted(reading.body, target.idx):
                continue  # "He was a true Bharat Ratna," said Goel: the quote's "he" is another
            if resolver is None:
                context = QuoteContext.build(doc, texts, starts, [], entities, resolve_name)
                resolver = PronounResolver(context, [])
            name, _ = resolver.resolve_back(target, PERSONAL_GENDER[target.lower_])
            holder = next((p for p in people if p.name == name), None)
        else:
            holder = owner.at(target.idx) or _named_in(target, owner)
        if holder is not None:
            found.append((holder, doc[_first_word(token)].idx, token.idx + len(token)))
    return found


class _Owners:
    """The person whose mention holds a body offset."""

    def __init__(self, starts: list[int], spans: list[tuple[int, int, Entity]]) -> None:
        self.starts, self.spans = starts, spans

    def at(self, offset: int) -> Entity | None:
        i = bisect_right(self.starts, offset) - 1
        return self.spans[i][2] if i >= 0 and offset < self.spans[i][1] else None


def _named_in(word: Token, owner: _Owners) -> Entity | None:
    """The person a noun for them is in apposition to: "His daughter Rulan Chao Pian (…) was"."""
    for child in word.children:
        if child.dep_ == "appos" and owner.at(child.idx) is not None:
            return owner.at(child.idx)
    return None


def _title_word(token: Token, reading: Reading) -> bool:
    """A singular noun with a capital the sentence does not give, no entity of the model's."""
    return (
        token.text[:1].isupper()
        and token.pos_ in ("PROPN", "NOUN")
        and token.tag_ not in ("NNS", "NNPS")
        and token.is_alpha
        and (not token.ent_type_ or (token.ent_type_ == "ORG" and token.ent_iob_ == "B"))
        and token.i not in reading.firsts
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i > token.i for c in token.children)
    )


def _holder(token: Token) -> Token | None:
    """The word for the person the title is said of, if the syntax says it of one."""
    if token.ent_type_ and token.dep_ not in ("attr", "oprd", "pobj"):
        return None  # a body's name ("the Ask Wellness Society, Bob Hughes"): only a predicate's
    # is an office the model took for the body ("served as Rector of the university")
    named = [c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if named and after is not None and after.text == "," and _titled(token):
        return named[0]  # "against the Regent, Tsarevna Sophia": the title, then the name
    if token.dep_ == "appos":
        opening = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        if opening is None or opening.text != "," or token.head.ent_type_ != "PERSON":
            return None  # "Luis Buñuel (Diary of a Chambermaid)": a bracket after a name holds a work
        if not _titled(token):
            return None  # "Tucker Anthony, R.L. Day": a name beside a name, not a title
        return token.head
    if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head  # "a saint and Doctor of the Church"
    verb, dep = token.head, token.dep_
    told = [c for c in token.children if c.dep_ == "nsubj"]
    if dep in ("ccomp", "xcomp") and told and verb.lemma_ in CONFERRING:
        return told[0]  # "the Queen made her a Dame": a small clause, parsed with its own subject
    if dep == "pobj":
        preposition = verb
        verb = preposition.head
        word = preposition.lower_
        if not ((word == "as" and verb.lemma_ in AS_VERBS) or (word == "to" and verb.lemma_ in TO_VERBS)):
            return None
    elif dep == "conj" and verb.pos_ in ("VERB", "AUX"):
        # the parse hangs "Doctor" in "recognised as a saint and Doctor" off the verb
        if not any(c.dep_ in ("attr", "oprd", "prep") for c in verb.children if c.i < token.i):
            return None
    elif dep not in ("attr", "oprd") or verb.lemma_ not in BEING:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:
        return objects[0] if verb.lemma_ in CONFERRING else None
    return _subject(verb)


def _titled(token: Token) -> bool:
    """An apposition is a title when it is a title word or has a determiner ("a Fellow"), not a
    name beside a name ("Tucker Anthony, R.L. Day") nor a vocative ("Rest in Power, Chadwick")."""
    return is_title_word(token.text) or any(c.dep_ in ("det", "poss") for c in token.children)


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or its governor's ("by claiming to be": who claims)."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ not in CLIMB:
            return None
        verb = verb.head
        if verb.pos_ == "ADP":
            verb = verb.head
    return None


def _quoted(body: str, at: int) -> bool:
    """The character at `at` lies inside quotation marks opened in its paragraph."""
    start = body.rfind("\n", 0, at) + 1
    before = body[start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _first_word(token: Token) -> int:
    """Where the title begins: the capitalised modifiers right before it that are no entity."""
    start = token.i
    doc = token.doc
    while start > 0:
        before = doc[start - 1]
        if (
            before.head.i == token.i
            and before.dep_ in ("amod", "compound")
            and before.text[:1].isupper()
            and not before.ent_type_
        ):
            start -= 1
        elif (
            before.text == "-" and not before.whitespace_ and start > 1 and doc[start - 2].text[:1].isupper()
        ):
            start -= 2  # "Director-General"
        else:
            break
    return start
