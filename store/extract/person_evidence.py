"""People the model typed as places or organisations, told by the words around them.

Four kinds of evidence, each read off the sentence and each outweighing the model's
vote for the name's type (the form is marked `evidence`):

- a noun for a person in apposition, right before the name or after its "is": "Ihara
  Saikaku, a 17th-century writer", "the actor Fernandel", "AKMA was the first guy";
- the owner of someone only a person has: a relative, a friend, an adviser ("Obama's
  national security advisor", "Rebecca's husband");
- the first person's company: "Rebecca and I", "me and Rebecca";
- a first name paired with a person's full name: "Mary-Kate and Ashley Olsen".

The nouns are people's and only people's: no "maker", "producer", "leader" or "player",
which news copy also uses for companies ("Apple, the iPhone maker"). A name the gazetteer
knows as a place or an organisation is left alone.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.entity_context import KIN_NOUNS, RETYPED
from store.extract.names import known_type
from store.name_lexicon import is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from store.extract.entity_spans import Form, Reading

PERSON_NOUNS = frozenset(
    """
writer author poet novelist playwright dramatist essayist journalist columnist critic biographer
actor actress comedian singer songwriter composer musician pianist violinist guitarist conductor
painter sculptor artist photographer architect philosopher mathematician physicist chemist
biologist scientist economist historian linguist philologist scholar theologian astronomer
inventor politician statesman diplomat lawyer priest monk nun bishop cardinal pope emperor empress
king queen prince princess tsar sultan pharaoh admiral soldier explorer dancer director
filmmaker novelist illustrator cartoonist footballer cricketer boxer
""".split()
)
"""Nouns for people and only people (module docstring)."""
PEOPLE = frozenset("man woman guy person boy girl lady gentleman".split())
"""Nouns for a person as such: "X was the first guy to do it"."""
PERSON_OWNED = KIN_NOUNS | frozenset(
    """
friend girlfriend boyfriend lover mistress adviser advisor aide mentor protégé protege pupil
biographer bodyguard
""".split()
)
"""What only a person has: "Obama's advisor", "his friend's", "Rebecca's husband"."""
PEOPLE_OR_RETYPED = RETYPED | {"PERSON"}
WITH_ME = re.compile(r"(?:\bme|\bI) and $")
"""The first person before a name joined to it: "me and Rebecca"."""
AND_ME = re.compile(r" and (?:I|me)\b")
"""The first person after a name joined to it: "Rebecca and I"."""


def people_by_company(reading: Reading, forms: list[Form]) -> None:
    """Mark as people the forms the words around them show to be people (module
    docstring), those the model already calls people too: the evidence outweighs the
    model's other votes for the name ("on Obama" as a place)."""
    doc = reading.doc
    body = reading.body
    ordered = sorted(forms, key=lambda f: f.start)
    for i, form in enumerate(ordered):
        if form.label not in PEOPLE_OR_RETYPED or form.evidence or known_type(form.text):
            continue
        span = doc.char_span(form.start, form.end)
        if span is None:
            continue
        root = span.root
        before = doc[span.start - 1] if span.start > 0 else None
        named = any(c.dep_ == "appos" and _person_noun(c) for c in root.children) or (
            before is not None
            and _person_noun(before)
            and before.i + 1 == span.start
            and before.dep_ != "poss"
        )  # "Ihara Saikaku, a 17th-century writer", "the actor Fernandel"
        owner = root.dep_ == "poss" and root.head.lower_ in PERSON_OWNED  # "Obama's advisor"
        named = named or (
            root.dep_ == "nsubj"
            and root.head.lemma_ == "be"
            and any(c.dep_ == "attr" and (_person_noun(c) or c.lemma_ in PEOPLE) for c in root.head.children)
        )  # "AKMA was the first guy", "Kessler is a novelist"
        first_person = bool(AND_ME.match(body, form.end)) or bool(
            WITH_ME.search(body, max(0, form.start - 8), form.start)
        )  # "Rebecca and I"
        following = ordered[i + 1] if i + 1 < len(ordered) else None
        paired = (
            following is not None
            and following.label == "PERSON"
            and len(following.text.split()) >= 2
            and " " not in form.text
            and body[form.end : following.start] == " and "
            and is_first_name(form.text)
        )  # "Mary-Kate and Ashley Olsen"
        if named or owner or first_person or paired:
            form.label, form.evidence = "PERSON", True


def _person_noun(token: Token) -> bool:
    return token.is_lower and token.pos_ == "NOUN" and token.lemma_ in PERSON_NOUNS
