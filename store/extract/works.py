"""Titles of works: films, books, series, songs. The model tags them as people,
organisations or places ("Chasing Liberty", "Gilmore Girls", "Watchmen"); they are none.

A name is a title when the text says so: a year in brackets right after it ("Stoker
(2013)"), a noun for a work right before it ("the television series Gilmore Girls", "his
graphic novel Angel Catbird"), quotation marks around it alone ("“Umoregi”"), or a
list it shares with titles ("Silent Witness, Close to Home and …").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.names import known_type

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from store.extract.entity_spans import Form

WORK_NOUNS = frozenset(
    """
film films movie movies series miniseries sitcom drama dramas comedy comedies thriller documentary
novel novels novella book books poem poems play plays opera operas song songs album albums single
symphony painting paintings musical cartoon webcomic episode story stories essay memoir memoirs
autobiography biography textbook treatise dissertation show shows programme program videogame
""".split()
)
"""Nouns that name a kind of work: the name right after one is its title."""
YEAR_AFTER = re.compile(r" ?\((?:[A-Za-z][A-Za-z .-]{0,30}, ?)?(?:1[5-9]|20)\d\d\)")
"""A year in brackets after a title: "(2004)", "(TV series, 2005)"."""
OPENING = "\"“‘'"
CLOSING = "\"”’'"
NOT_BEFORE_TITLES = frozenset("in at from by and of as called named dubbed nicknamed".split())
"""Words before a name in brackets or quotes that make it a place, an author or a name."""
SKIPPED = frozenset({"the", "a", "an", '"', "“", "'", "‘"})


def without_works(doc: Doc, body: str, forms: list[Form]) -> list[Form]:
    """`forms` less the titles of works (module docstring)."""
    works = {i for i, form in enumerate(forms) if _titled_here(doc, body, form)}
    if works:
        roots = {}
        for i, form in enumerate(forms):
            span = doc.char_span(form.start, form.end, alignment_mode="expand")
            if span is not None:
                roots[span.root.i] = i
        for root, i in roots.items():
            if i not in works and any(roots.get(c.i) in works for c in doc[root].conjuncts):
                works.add(i)  # "Silent Witness, Close to Home, and …": a list of titles
    return [form for i, form in enumerate(forms) if i not in works]


def _titled_here(doc: Doc, body: str, form: Form) -> bool:
    span = doc.char_span(form.start, form.end, alignment_mode="expand")
    if span is None:
        return False
    at = span.start - 1
    while at >= 0 and doc[at].lower_ in SKIPPED:
        at -= 1
    word = doc[at].lower_ if at >= 0 else ""
    if word in WORK_NOUNS and doc[at].is_lower:
        return True
    if word in NOT_BEFORE_TITLES or known_type(form.text):
        return False  # "in Paris (1927)", "by Cruse and Croft (2004)", "known as “Syrian Thebaid”"
    if YEAR_AFTER.match(body, form.end):
        return True
    after = form.end
    while after < len(body) and body[after] in ",.!?":
        after += 1
    before = form.start - 1
    return before >= 0 and body[before] in OPENING and after < len(body) and body[after] in CLOSING


def places_in_events(doc: Doc, forms: list[Form]) -> list[Form]:
    """The known place an event or a work is named after: "Berlin" in "the 33rd Berlin
    International Film Festival", "London" in "the London 2012 Olympics". The event is no
    entity, so the place is no fragment of one. Only gazetteer places count."""
    from store.extract.entity_spans import LABELS, Form
    from store.extract.name_heads import retype

    taken = [(f.start, f.end) for f in forms if f.label in LABELS]
    added = []
    for span in doc.ents:
        if span.label_ not in ("EVENT", "WORK_OF_ART", "PRODUCT") or len(span) < 2:
            continue
        if retype(span.text, span.label_) in LABELS:
            continue  # a newspaper or a club the head word makes an organisation
        tokens = [t for t in span if not (t.like_num or t.lower_ == "the" or t.is_punct)]
        for size in (2, 1):
            head = tokens[:size]
            if len(head) < size or head[-1].i - head[0].i != size - 1 or head[-1].i >= span.end - 1:
                continue
            text = doc.text[head[0].idx : head[-1].idx + len(head[-1])]
            kind = known_type(text)
            start = head[0].idx
            if kind in ("GPE", "LOC") and not any(s < start + len(text) and start < e for s, e in taken):
                added.append(Form(text, kind, start))
                break
    return added
