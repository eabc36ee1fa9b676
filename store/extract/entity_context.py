"""Names the model missed or mistyped, found from their place in the sentence.

Lists ("Zeus, Hera, Poseidon and Athena") share a type; an organisation noun before
an untagged name ("US team Cloud9", "the broadcaster Sky") makes it an organisation.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from store.company_names import is_bare_suffix, is_legal_suffix
from store.extract.entity_spans import PLACE_OR_ORG, Form, Reading
from store.extract.model_spans import untagged_proper_word
from store.extract.name_heads import EVENT_HEADS, HEAD_TYPES, WORK_HEADS, retype
from store.extract.names import is_title_word, known_type
from store.models import Paragraph
from store.name_lexicon import is_census_first_name, is_first_name, plain
from store.person_names import PEERAGE_TITLES

ORG_NOUNS = frozenset(
    """
team club band group company firm carmaker automaker airline broadcaster network channel newspaper
magazine agency party charity union league studio label publisher developer startup retailer chain
brand outlet website
""".split()
)
"""Nouns that, right before an untagged name, say it is an organisation."""


def _taken(doc: Doc, forms: list[Form]) -> tuple[dict[int, Form], set[int]]:
    """Each form by its root token, and every token inside a form."""
    at: dict[int, Form] = {}
    taken: set[int] = set()
    for form in forms:
        span = doc.char_span(form.start, form.end)
        if span is not None:
            at[span.root.i] = form
            taken.update(range(span.start, span.end))
    return at, taken


def _capital(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _untagged_name(token: Token, taken: set[int], common: set[str]) -> bool:
    """A capitalised word no form holds, that the article never writes in lower case."""
    return (
        _capital(token)
        and not token.ent_type_
        and token.i not in taken
        and token.pos_ in ("PROPN", "NOUN", "X")
        and token.lower_ not in common
        and not is_title_word(token.text)
    )


def _with_compounds(doc: Doc, token: Token) -> Token:
    """The first token of `token`'s name: capitalised compounds to its left."""
    start = token
    while start.i > 0 and doc[start.i - 1].dep_ == "compound" and _capital(doc[start.i - 1]):
        start = doc[start.i - 1]
    return start


def list_members(reading: Reading, forms: list[Form]) -> list[Form]:
    """Names in a list with tagged names take their type: "Zeus, Hera, Poseidon and Athena".

    Untagged members are added; a member the model typed against two or more others
    (and no gazetteer says otherwise) takes the list's type. Returns the added forms.
    """
    doc = reading.doc
    at, taken = _taken(doc, forms)
    added: list[Form] = []
    done: set[int] = set()
    for root in list(at):
        members = [doc[root], *doc[root].conjuncts]
        if root in done or len(members) < 3:
            continue
        done.update(m.i for m in members)
        if any(m.i in at and is_legal_suffix(at[m.i].text.split()[-1]) for m in members):
            continue  # "McCarthy, Crisanti and Maffei Inc": one company's name, not a list
        votes = Counter(at[m.i].label for m in members if m.i in at)
        label, count = votes.most_common(1)[0]
        if count < 2 or label not in ("PERSON", "GPE", "ORG", "LOC"):
            continue
        outside = _in_brackets(reading.body, doc[root])
        for member in members:
            if _in_brackets(reading.body, member) != outside:
                continue  # "Orson Welles (The Trial, Chimes at Midnight)": credits, no members
            tagged = at.get(member.i)
            if tagged is not None:
                if tagged.label != label and votes[tagged.label] == 1 and not known_type(tagged.text):
                    tagged.label = label
            elif member.pos_ == "PROPN" and _capital(member) and member.lower_ not in reading.common:
                start = member
                while start.i > 0 and doc[start.i - 1].dep_ == "compound" and _capital(doc[start.i - 1]):
                    start = doc[start.i - 1]
                text = reading.body[start.idx : member.idx + len(member)]
                if "\n" not in text and taken.isdisjoint(range(start.i, member.i + 1)):
                    added.append(Form(text, retype(text, label), start.idx))
    return added


def _in_brackets(body: str, token: Token) -> bool:
    """Inside an open bracket of its sentence."""
    start = token.sent.start_char
    return body.rfind("(", start, token.idx) > body.rfind(")", start, token.idx)


def appositive_names(reading: Reading, forms: list[Form]) -> list[Form]:
    """ "US team Cloud9 and Immortals": untagged names after an organisation noun, and
    the names in a list with them, are organisations. Returns the added forms."""
    doc = reading.doc
    _, taken = _taken(doc, forms)
    added: list[Form] = []
    for token in doc:
        if token.lower_ not in ORG_NOUNS or token.i + 1 >= len(doc) or not token.whitespace_:
            continue
        first = last = doc[token.i + 1]
        if not _untagged_name(first, taken, reading.common):
            continue
        while last.i + 1 < len(doc) and last.whitespace_ == " ":
            if not _untagged_name(doc[last.i + 1], taken, reading.common):
                break
            last = doc[last.i + 1]
        names = [(first, last)]
        for member in last.conjuncts:
            if _untagged_name(member, taken, reading.common) and member.i > last.i:
                names.append((_with_compounds(doc, member), member))
        for start, end in names:
            if taken.isdisjoint(range(start.i, end.i + 1)):
                text = reading.body[start.idx : end.idx + len(end)]
                if "\n" not in text and not known_type(text) and not is_bare_suffix(text):
                    added.append(Form(text, "ORG", start.idx))
                    taken.update(range(start.i, end.i + 1))
    return added


CLUB_ROLES = frozenset(
    """
striker midfielder defender goalkeeper keeper winger forward fullback full-back centre-back playmaker
manager boss coach captain skipper chairman squad side player players fans supporters
""".split()
)
"""Nouns a club's name modifies: "the Bolton striker", "Blackburn's manager"."""
COMPANY_ROLES = frozenset(
    """
spokesman spokeswoman spokesperson shareholders shareholder chief executive boss board subsidiary
shares stake bosses employees staff workers
""".split()
)
"""Nouns an organisation's name modifies: "a Gazprom spokesman", "Yukos shares"."""


def organisation_roles(reading: Reading, forms: list[Form]) -> list[Form]:
    """A name modifying a club's or company's role noun names an organisation: "the
    Bolton striker", "Blackburn's manager", "a Gazprom spokesman" (countries excepted
    for companies' roles: "a US spokesman" is the government's). Marks the forms, and
    returns the names the model missed there."""
    doc = reading.doc
    at, taken = _taken(doc, forms)
    added = []
    roles = CLUB_ROLES | COMPANY_ROLES
    for role in doc:
        if role.i == 0 or role.lower_ not in roles:
            continue
        token = doc[role.i - 1]
        if (
            token.dep_ == "compound"
            and token.head.i == role.i
            and token.pos_ == "PROPN"
            and _untagged_name(token, taken, reading.common)
            and token.i not in reading.firsts
            and not known_type(token.text)
            and len(token.text) > 1
        ):  # "Class B shares": a letter is no company
            added.append(Form(token.text, "ORG", token.idx, evidence=True))
    for root, form in at.items():
        token = doc[root]
        head = token.head
        if form.label == "ORG" or head.i <= token.i or token.dep_ not in ("compound", "poss", "nmod", "amod"):
            continue
        noun = head.lower_
        if noun in CLUB_ROLES and form.label in ("GPE", "PERSON", "LOC", "NORP"):
            if form.label == "NORP" or (form.label == "PERSON" and " " in form.text):
                continue  # "the French striker", "the Wayne Rooney fans": not a club
            form.label, form.evidence = "ORG", True
        elif noun in COMPANY_ROLES and form.label in ("GPE", "PERSON") and not known_type(form.text):
            if form.label == "PERSON" and " " in form.text:
                continue
            form.label, form.evidence = "ORG", True
    return added


def repeated_names(reading: Reading, forms: list[Form], headline: str = "") -> list[Form]:
    """People the model missed: a run of two or three capitalised proper nouns that no
    form holds, named at least twice (the headline counts), whose first word is a first
    name or whose last word the article also uses alone ("Aner Shalev ... Shalev said").
    Returns one form per occurrence."""
    doc = reading.doc
    _, taken = _taken(doc, forms)
    runs: dict[str, list[int]] = {}
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and _loose_name(doc[j], taken, reading.common) and j - i < 3:
            if j > i and doc[j - 1].whitespace_ != " ":
                break
            j += 1
        if j - i >= 2:
            text = reading.body[doc[i].idx : doc[j - 1].idx + len(doc[j - 1])]
            runs.setdefault(text, []).append(doc[i].idx)
        i = max(j, i + 1)
    if not runs:
        return []
    alone = Counter(t.text for t in doc if t.pos_ in ("PROPN", "NOUN") and t.i not in taken)
    added = []
    for text, starts in runs.items():
        words = text.split()
        if len(starts) + headline.count(text) < 2 or known_type(text) or any(known_type(w) for w in words):
            continue
        if is_first_name(words[0]) or alone[words[-1]] > len(starts):
            added += [Form(text, "PERSON", start, evidence=True) for start in starts]
    return added


def _loose_name(token: Token, taken: set[int], common: set[str]) -> bool:
    return (
        untagged_proper_word(token)
        and token.i not in taken
        and token.lower_ not in common
        and not is_title_word(token.text)
    )


PLACE_PREPOSITIONS = frozenset({"in", "near", "outside"})
"""Prepositions after which a lone name the model calls a person is a place ("born in Exeter")."""
TERRITORIAL_TITLES = frozenset({t.lower() for t in PEERAGE_TITLES} | {"lord", "lady", "prince", "princess"})
"""Titles whose "of" names a place: "1st Earl of Snowdon", "Duke of Edinburgh"."""
CLOSES_NAME = frozenset(".,;:)[")


def places_by_position(reading: Reading, forms: list[Form]) -> None:
    """One-word names the model called people that their place shows to be places: after
    "in" or "near" ("born in Exeter"), after a title's "of" ("1st Earl of Snowdon"), or
    beside a place across a comma ("Exeter, Devon", "Auchleuchries, Aberdeenshire,
    Scotland"). A first name of the census stays a person unless it ends the place's
    phrase ("Exeter, Devon."), and so does the surname of a person the article names in
    full ("the United States, Dvořák wrote"). An organisation one lives in is a place
    ("settled in Trier")."""
    body = reading.body
    ordered = sorted(forms, key=lambda f: f.start)
    doc = reading.doc
    for form in ordered:
        if form.label != "PERSON" or " " in form.text or form.evidence or is_census_first_name(form.text):
            continue
        span = doc.char_span(form.start, form.end)
        if span is None or span.start == 0:
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if doc[span.start - 1].lower_ in PLACE_PREPOSITIONS and not (
            after is not None and after.pos_ == "PROPN"
        ):
            form.label = "GPE"
    for form in ordered:
        if form.label == "ORG" and " " not in form.text and not form.evidence and not known_type(form.text):
            span = doc.char_span(form.start, form.end)
            if span is not None and _lived_in(span.root):
                form.label = "GPE"  # "settled in Trier", "died in Cochin"
    for form in ordered:
        if form.label in ("PERSON", "ORG") and " " not in form.text and not form.evidence:
            span = doc.char_span(form.start, form.end)
            if span is not None and span.start >= 2 and doc[span.start - 1].lower_ == "of":
                if doc[span.start - 2].lower_ in TERRITORIAL_TITLES:
                    form.label = "GPE"  # "1st Earl of Snowdon"
    surnames = {f.text.split()[-1] for f in forms if f.label == "PERSON" and " " in f.text}
    for one, other in zip(ordered, ordered[1:], strict=False):
        if body[one.end : other.start] != ", " or one.text == other.text:
            continue  # "on Obama, Obama's adviser": one name said twice is no place and its region
        for lone, place in ((one, other), (other, one)):
            if lone.label == "PERSON" and " " not in lone.text and place.label in ("GPE", "LOC"):
                closed = lone is other and body[other.end : other.end + 1] in CLOSES_NAME
                if lone.text in surnames:
                    continue  # "While in the United States, Dvořák wrote": the article's Antonín Dvořák
                if (closed or not is_census_first_name(lone.text)) and not lone.evidence:
                    lone.label = "GPE"  # "born in Exeter, Devon." (Devon is a first name too)
                    if lone is other and one.titled is None:
                        one.titled = body[one.start : other.end]  # "Exeter, Devon" as an alias


RESIDING_VERBS = frozenset("settle live reside bear die base raise stay".split())
"""Verbs whose "in" is where someone lives or was: "settled in Trier", "based in Tulsa"."""


def _lived_in(token: Token) -> bool:
    """The object of "in" after a verb of living ("settled in Trier")."""
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ == "in"
        and preposition.head.pos_ == "VERB"
        and preposition.head.lemma_ in RESIDING_VERBS
    )


PERSON_VERBS = frozenset("die marry wed divorce compose paint sing".split())
"""Verbs only a person does: their subject is a person ("Byron composed Thyrza"). Not
"study", "graduate" or "retire": a university studies, a racing team retires."""
KIN_NOUNS = frozenset(
    """
wife husband son daughter father mother brother sister widow widower uncle aunt nephew niece
grandson granddaughter grandfather grandmother cousin fiancé fiancée stepfather stepmother
""".split()
)
"""A name owning one of these is a person ("Washington's wife")."""
RETYPED = PLACE_OR_ORG
"""Labels the evidence for a person overrides (not a work's or an event's: "Savage Love")."""


CITED = re.compile(
    r"\bby ([A-Z][\w'’-]+(?:(?:, | and | & )[A-Z][\w'’-]+){0,3}),? \((?:1[5-9]|20)\d\d[a-z]?\)"
)
"""Authors cited with a year: "by Cruse and Croft (2004)"."""


def people_by_position(reading: Reading, forms: list[Form]) -> None:
    """Names the model typed as organisations or places that the sentence shows to be
    people: the subject of a verb only people do ("Byron composed", "Goldbach died",
    "Tosui was born") or the owner of kin ("Rebecca's husband"). And a one-word "person"
    after "in the" or "at the" is a building ("at the Royal Academy in the Louvre"). An
    author cited with a year is a person ("by Cruse and Croft (2004)"), and so is a name of
    two words, one of them the surname of a person the article names in full, and no
    head word or word the article writes in lower case ("Higuchi Natsuko" beside "Natsu
    Higuchi"; not "Kennedy Center", "Savage Love")."""
    doc = reading.doc
    cited = {
        name for found in CITED.finditer(reading.body) for name in re.split(r", | and | & ", found.group(1))
    }
    surnames = {plain(f.text.split()[-1]) for f in forms if f.label == "PERSON" and " " in f.text}
    for form in forms:
        if form.evidence or known_type(form.text):
            continue
        if form.label in RETYPED and (
            form.text in cited or _shares_a_surname(form.text, surnames, reading.common)
        ):
            form.label = "PERSON"  # "by Cruse and Croft (2004)"; "Higuchi Natsuko" after "Natsu Higuchi"
            continue
        span = doc.char_span(form.start, form.end)
        if span is None:
            continue
        root = span.root
        if form.label in RETYPED:
            head = root.head
            acts = root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_ in PERSON_VERBS
            born = root.dep_ == "nsubjpass" and head.lemma_ == "bear"
            kin = root.dep_ == "poss" and head.lower_ in KIN_NOUNS
            if acts or born or kin:
                form.label = "PERSON"
        elif len(span) == 1 and span.start > 1 and doc[span.start - 1].lower_ == "the":
            if doc[span.start - 2].lower_ in ("in", "at", "inside") and not is_first_name(form.text):
                form.label = "FAC"  # "in the Louvre" ("played the Joker" may be a character)


def outside_headings(forms: list[Form], paragraphs: list[Paragraph], starts: list[int]) -> list[Form]:
    """`forms` less those in a heading whose text no other paragraph has: a heading's
    capitals are the heading's ("Background", "Early life", "Always Keep Fighting"); a
    real name in a heading is named in the text too, or begins with a first name."""
    headings = [(starts[i], starts[i] + len(p.text)) for i, p in enumerate(paragraphs) if p.kind == "heading"]
    if not headings:
        return forms
    text = "\n".join(p.text for p in paragraphs if p.kind != "heading")
    return [
        form
        for form in forms
        if not any(start <= form.start < end for start, end in headings)
        or form.text in text
        or is_first_name(form.text.split()[0])  # an infobox line: "Children Jérôme Richard"
    ]


def _shares_a_surname(text: str, surnames: set[str], common: set[str]) -> bool:
    """Two words, one a surname of the article's people, neither a head word, a known
    name or a word the article writes in lower case ("Savage Love" is a column)."""
    words = text.split()
    if len(words) != 2 or not all(w[:1].isupper() and w.isalpha() and w.lower() not in common for w in words):
        return False
    if any(w in HEAD_TYPES or w in EVENT_HEADS or w in WORK_HEADS or known_type(w) for w in words):
        return False
    return any(plain(w) in surnames for w in words)
