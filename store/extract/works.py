"""Titles of works: films, books, series, songs. The model tags them as people,
organisations or places ("Chasing Liberty", "Gilmore Girls", "Watchmen"); they are none.

A name is a title when the text says so: a year in brackets right after it ("Stoker
(2013)"), a noun for a work right before it ("the television series Gilmore Girls", "his
graphic novel Angel Catbird"), quotation marks around it alone ("“Umoregi”"), or a
list it shares with titles ("Silent Witness, Close to Home and …"). The syntax says so
too: a work in apposition ("Cry Wolf, another horror film"), the object of a verb of
making ("he wrote his Dumky Trio", "Byron composed Thyrza"), what one plays or appears in
("starred in Gilmore Girls"), what a work noun is ("the most successful of the operas is
Rusalka"), the subject of a theory ("his theory of Case Grammar"), what an author or a
setting is "of" ("author of Alice in Wonderland", "his setting of Stabat Mater") and a
name hanging by "in", "of" or "at" off a title ("Wonderland"), what a person
owns that the article names nowhere else ("Jean Anouilh's Antigone"), the names in
brackets after people a paragraph credits ("Orson Welles (The Trial, Chimes at
Midnight), Elia Kazan (The Last Tycoon), …") and a name opening a bracket a year closes
("(Les Amants, 1959)"). A name the
article once shows to be a title is a title wherever it stands, unless it is a known
place or the article also puts something in it ("the series Chernobyl … in Chernobyl").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.name_heads import EVENT_HEADS, HEAD_TYPES, head_word
from store.extract.names import known_type
from store.extract.pipeline import text_of
from store.name_lexicon import is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from store.extract.entity_spans import Form

WORK_NOUNS = frozenset(
    """
film films movie movies series miniseries sitcom drama dramas comedy comedies thriller documentary
novel novels novella book books poem poems play plays opera operas song songs album albums single
symphony painting paintings musical cartoon webcomic episode story stories essay memoir memoirs
autobiography biography textbook treatise dissertation show shows programme program videogame
prequel sequel remake trilogy
""".split()
)
"""Nouns that name a kind of work: the name right after one is its title."""
WORK_NOUN_THEN_CAPITAL = re.compile(r"\b(?:" + "|".join(sorted(WORK_NOUNS)) + r") (?=[A-Z])")
"""A noun for a work (in lower case) right before a capital: "the TV series Supernatural"."""
YEAR_AFTER = re.compile(r" ?\((?:[A-Za-z][A-Za-z .-]{0,30}, ?)?(?:1[5-9]|20)\d\d\)")
"""A year in brackets after a title: "(2004)", "(TV series, 2005)"."""
YEAR_CLOSING = re.compile(r", (?:1[5-9]|20)\d\d\)")
"""A year closing the bracket a name opens: "(Les Amants, 1959)"."""
OPENING = "\"“‘'"
CLOSING = "\"”’'"
NOT_BEFORE_TITLES = frozenset("in at from by and of as called named dubbed nicknamed".split())
"""Words before a name in brackets or quotes that make it a place, an author or a name."""
SKIPPED = frozenset({"the", "a", "an", '"', "“", "'", "‘"})
APPOSED_WORKS = WORK_NOUNS | frozenset(
    "work works piece pieces composition compositions elegy elegies".split()
)
"""Nouns that, in apposition to a name ("Cry Wolf, another horror film"), make it a work."""
MAKING_VERBS = frozenset("write co-write compose publish direct paint pen record co-direct".split())
"""Verbs whose object is a work ("he wrote his Dumky Trio"); not "release" or "produce",
which take people and goods."""
PLAYING_VERBS = frozenset("star co-star appear feature cast".split())
"""Verbs whose "in" names a work, unless it names a place ("starred in Gilmore Girls")."""
CONCEPT_NOUNS = frozenset(
    "theory theories principle principles concept notion hypothesis theorem doctrine".split()
)
"""Nouns whose "of" names an idea, not an entity ("his theory of Case Grammar")."""
AUTHOR_NOUNS = frozenset("author co-author composer librettist lyricist".split())
"""Nouns whose "of" names a work ("author of Alice in Wonderland")."""
RENDERING_NOUNS = frozenset("setting adaptation staging rendition".split())
"""Nouns whose "of" names the work rendered ("his setting of Stabat Mater")."""
WORK_OF_NOUNS = AUTHOR_NOUNS | RENDERING_NOUNS
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACED = re.compile(r"\b(?:in|at|near|from|to) $")
"""A preposition right before a name that places something there ("in Chernobyl")."""
OWNED_AFTER = re.compile(r"(?:'s|’s|'|’) (?:(?:The|La|Le|Les|Il|El|Der|Die|Das) )?")
"""A possessive, and the article that may begin a title, between an owner and a name."""
OWNED_LABELS = frozenset({"ORG", "PERSON", "LOC", "GPE", "FAC"})
CREDITED = 3
"""People with brackets after their names that make a paragraph a list of credits."""
FOUGHT_AT = re.compile(
    r"(?:[Tt]he )?(?:Battle|Siege|Sack|Fall|Liberation|Relief) of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)$"
)


def without_works(doc: Doc, body: str, forms: list[Form]) -> list[Form]:
    """`forms` less the titles of works (module docstring)."""
    return split_works(doc, body, forms)[0]


def split_works(doc: Doc, body: str, forms: list[Form]) -> tuple[list[Form], list[Form]]:
    """`forms` less the titles of works, and those titles (module docstring)."""
    found = {i: titled_here(doc, body, form) for i, form in enumerate(forms)}
    works = {i for i, how in found.items() if how} | _owned_by_people(body, forms)
    titles = {forms[i].text for i, how in found.items() if how == "said"} | _named_after_work_nouns(doc, body)
    titles = {t for t in titles if not known_type(t)}
    if titles:
        placed = {
            f.text for f in forms if f.text in titles and PLACED.search(body, max(0, f.start - 6), f.start)
        }
        titles -= placed  # "the HBO series Chernobyl" and "in Chernobyl": the place is meant there
        works |= {i for i, form in enumerate(forms) if form.text in titles}  # once shown, a title everywhere
    if works:
        roots = {}
        for i, form in enumerate(forms):
            span = doc.char_span(form.start, form.end, alignment_mode="expand")
            if span is not None:
                roots[span.root.i] = i
        for root, i in roots.items():
            if i not in works and any(roots.get(c.i) in works for c in doc[root].conjuncts):
                works.add(i)  # "Silent Witness, Close to Home, and …": a list of titles
        for root, i in roots.items():
            if i not in works and not known_type(forms[i].text) and _inside_title(doc, root, roots, works):
                works.add(i)  # "Wonderland" in "Alice in Wonderland"
    works |= _credits(body, forms)  # after the lists: the people credited are no titles
    return [form for i, form in enumerate(forms) if i not in works], [forms[i] for i in sorted(works)]


def titled_here(doc: Doc, body: str, form: Form) -> str | None:
    """ "said" where the text says this is a work, "quoted" where only quotation marks
    around it suggest so (a nickname is quoted too), "idea" where it names a theory
    ("his theory of Case Grammar"), else None."""
    span = doc.char_span(form.start, form.end, alignment_mode="expand")
    if span is None:
        return None
    at = span.start - 1
    while at >= 0 and doc[at].lower_ in SKIPPED:
        at -= 1
    word = doc[at].lower_ if at >= 0 else ""
    if word in WORK_NOUNS and doc[at].is_lower:
        return "said"
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in CONCEPT_NOUNS:
        return "idea"  # "his theory of Case Grammar": no entity, and no work either
    person = form.label == "PERSON" and is_first_name(form.text.split()[0])
    if not known_type(form.text) and _work_by_syntax(root, form.label, person):
        return "said"
    if word in NOT_BEFORE_TITLES or known_type(form.text):
        return None  # "in Paris (1927)", "by Cruse and Croft (2004)", "known as “Syrian Thebaid”"
    if YEAR_AFTER.match(body, form.end):
        return "said"
    if body[form.start - 1 : form.start] == "(" and YEAR_CLOSING.match(body, form.end):
        return "said"  # "The Lovers (Les Amants, 1959)": another title of a work, and its year
    after = form.end
    while after < len(body) and body[after] in ",.!?":
        after += 1
    before = form.start - 1
    quoted = before >= 0 and body[before] in OPENING and after < len(body) and body[after] in CLOSING
    return "quoted" if quoted else None


def _owned_by_people(body: str, forms: list[Form]) -> set[int]:
    """The indices of the names a person named in full owns that the article names nowhere else: "Isaac
    Newton's Philosophiae Naturalis Principia Mathematica", "Jean Anouilh's Antigone" are
    works. A name the article uses again ("Elon Musk's Tesla ... Tesla said"), a known
    place or a name with an organisation's or a place's head word ("Rupert Murdoch's News
    Corp") is what it names."""
    ends = {form.end: form for form in forms if form.label == "PERSON" and " " in form.text}
    owned = set()
    for i, form in enumerate(forms):
        if form.label not in OWNED_LABELS or form.start < 3:
            continue
        owner = next((ends[end] for end in range(form.start - 8, form.start - 1) if end in ends), None)
        if owner is None or not OWNED_AFTER.fullmatch(body, owner.end, form.start):
            continue
        if known_type(form.text) or head_word(form.text) in HEAD_TYPES or body.count(form.text) > 1:
            continue
        if form.label == "PERSON" and is_first_name(form.text.split()[0]):
            continue  # "Fairchild's Bill Fulwider": a person of the owner's
        owned.add(i)
    return owned


def _inside_title(doc: Doc, root: int, roots: dict[int, int], works: set[int]) -> bool:
    """The name whose head is `root` hangs by "in", "of" or "at" right off a title's head,
    with nothing between: "Alice in Wonderland", "Chimes at Midnight"."""
    token = doc[root]
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in ("in", "of", "at") or preposition.i + 1 > root:
        return False
    title = preposition.head
    between = doc[preposition.i + 1 : token.i]
    return (
        roots.get(title.i) in works
        and title.i + 1 == preposition.i
        and all(t.lower_ == "the" or t.dep_ == "compound" for t in between)
    )


def _credits(body: str, forms: list[Form]) -> set[int]:
    """The indices of the names in brackets after people, where a paragraph lists three
    or more people each with their brackets: "directors such as Orson Welles (The Trial,
    Chimes at Midnight), Elia Kazan (The Last Tycoon), Wim Wenders (…)" credits each with
    works. The names in them are titles unless the article names them elsewhere too, or
    they are known places, organisations by their head word or people by a first name."""
    opened = [
        (form.end + 2, body.find(")", form.end))
        for form in forms
        if form.label == "PERSON" and body.startswith(" (", form.end)
    ]
    brackets = [(start, end) for start, end in opened if end > start and "\n" not in body[start:end]]
    if len(brackets) < CREDITED:
        return set()
    found = set()
    for i, form in enumerate(forms):
        inside = next(((s, e) for s, e in brackets if s <= form.start and form.end <= e), None)
        if inside is None or not _credited_list(body, brackets, inside):
            continue
        if known_type(form.text) or head_word(form.text) in HEAD_TYPES or body.count(form.text) > 1:
            continue
        if form.label == "PERSON" and is_first_name(form.text.split()[0]):
            continue
        found.add(i)
    return found


def _credited_list(body: str, brackets: list[tuple[int, int]], inside: tuple[int, int]) -> bool:
    """The paragraph of the brackets `inside` holds `CREDITED` people's brackets or more."""
    start = body.rfind("\n", 0, inside[0]) + 1
    end = body.find("\n", inside[1])
    end = len(body) if end < 0 else end
    return sum(1 for s, e in brackets if start <= s and e <= end) >= CREDITED


def _work_by_syntax(root: Token, label: str, person: bool) -> bool:
    """The syntax makes the name whose head is `root` a work (module docstring); `person`
    when the model calls the name a person and it begins with a first name (the "of" of
    an author or a setting then names no work)."""
    for child in root.children:
        if child.dep_ == "appos" and child.is_lower and _work_noun(child):
            return True  # "Cry Wolf, another horror film", "his Dumky Trio, one of his works"
    head = root.head
    if root.dep_ == "dobj" and head.lemma_ in MAKING_VERBS:
        return True  # "he wrote his Dumky Trio"
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in ("premiere", "premier"):
        return True  # "Stabat Mater was premiered in Prague"
    if root.dep_ == "pobj" and head.lower_ == "in" and label not in PLACE_LABELS:
        verb = head.head
        if verb.pos_ == "VERB" and verb.lemma_ in PLAYING_VERBS:
            return True  # "he appeared in Cry Wolf"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in WORK_OF_NOUNS and not person:
        return True  # "Lewis Carroll, author of Alice in Wonderland", "his setting of Stabat Mater"
    if root.dep_ == "attr" and head.lemma_ == "be":
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        return any(_work_noun(s) or any(_work_noun(o) for o in _of_objects(s)) for s in subjects)
    return False  # "the most successful of the operas is Rusalka", "His chief work is Hydrodynamica"


def _named_after_work_nouns(doc: Doc, body: str) -> set[str]:
    """Names right after a noun for a work anywhere in the article ("the TV series
    Supernatural"), whether or not the model tagged them there. A regular expression
    finds the few places to look at; the parse is read only there."""
    found = set()
    for match in WORK_NOUN_THEN_CAPITAL.finditer(body):
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        end = first.start
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end > first.start:
            found.add(doc[first.start : end].text)
    return found


def _work_noun(token: Token) -> bool:
    """A noun for a work, or "one" of such ("one of his most successful works")."""
    if token.lower_ == "one":
        return any(_work_noun(o) for o in _of_objects(token))
    return token.pos_ == "NOUN" and token.lower_ in APPOSED_WORKS


def _of_objects(token: Token) -> list[Token]:
    return [
        o
        for p in token.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    ]


def places_in_events(doc: Doc, forms: list[Form]) -> list[Form]:
    """The known place an event or a work is named after: "Berlin" in "the 33rd Berlin
    International Film Festival", "London" in "the London 2012 Olympics". The event is no
    entity, so the place is no fragment of one. Only gazetteer places count, and the
    place a battle or a siege is named after ("the Battle of Chudnov")."""
    from store.extract.entity_spans import LABELS, Form
    from store.extract.name_heads import retype

    taken = [(f.start, f.end) for f in forms if f.label in LABELS]
    added = []
    for span in doc.ents:
        if len(span) < 2:
            continue
        if span.label_ not in ("EVENT", "WORK_OF_ART", "PRODUCT"):
            place = _place_closing_event(span)
            if place is not None and not any(s < place.end_char and place.start_char < e for s, e in taken):
                added.append(Form(place.text, known_type(place.text) or "GPE", place.start_char))
            continue
        fought = FOUGHT_AT.match(span.text)
        if fought and span.label_ == "EVENT":
            start = span.start_char + fought.start(1)
            if not any(s < start + len(fought.group(1)) and start < e for s, e in taken):
                added.append(Form(fought.group(1), known_type(fought.group(1)) or "GPE", start))
            continue  # "the Battle of Chudnov", "the siege of Aleppo": fought at a place
        if retype(span.text, span.label_) in LABELS:
            continue  # a newspaper or a club the head word makes an organisation
        tokens = [t for t in span if not (t.like_num or t.lower_ == "the" or t.is_punct)]
        for size in (2, 1):
            head = tokens[:size]
            if len(head) < size or head[-1].i - head[0].i != size - 1 or head[-1].i >= span.end - 1:
                continue
            text = text_of(doc)[head[0].idx : head[-1].idx + len(head[-1])]
            kind = known_type(text)
            start = head[0].idx
            if kind in ("GPE", "LOC") and not any(s < start + len(text) and start < e for s, e in taken):
                added.append(Form(text, kind, start))
                break
    return added


def _place_closing_event(span: Span) -> Span | None:
    """ "Canada" in "Fan Expo Canada" (which the model may call an organisation): a known
    place right after an event's head word ends the name."""
    last = span[-1]
    if len(span) < 3 or span[-2].text not in EVENT_HEADS or known_type(last.text) not in ("GPE", "LOC"):
        return None
    return span[-1:]
