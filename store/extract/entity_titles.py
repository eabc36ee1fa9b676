"""A person's title standing alone: "the Emperor", "The Home Secretary", "as Governor".

Once an article names one person with an office ("Emperor Norton", "Home Secretary Suella
Braverman", "outgoing governor Bob McDonnell", "Norton I, Emperor of the United States"),
the capitalised title alone elsewhere in the article is that person, and the jump from
them reaches it. Two people holding one title: the title alone is the one named last before
it, unless the other is named since that paragraph began (then neither). A title held
no longer or only in part ("former President", "Vice President", "Shadow Home Secretary")
gives no one the bare title, and a nationality before both must agree ("the French
President" is not the article's "US President Joe Biden").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import takewhile

from spacy.tokens import Doc, Span

from store.extract.entity_mentions import taken_spans
from store.extract.entity_spans import Form, Reading
from store.extract.names import is_title_word
from store.models import Entity, Mention

OFFICE_HEADS = frozenset(
    """
president senator governor mayor secretary minister chancellor premier ambassador emperor empress
tsar czar tsarina czarina kaiser king queen prince princess pope sultan emir ayatollah general
colonel admiral commissioner congressman congresswoman archbishop cardinal chairman chairwoman
sheriff
""".split()
)
"""Offices one person holds at a time, so that the title alone names its holder."""
NOT_THE_HOLDER = frozenset("former late ex then vice deputy assistant shadow junior acting".split())
"""Words that make a title another office, or one no longer held."""
DETERMINERS = frozenset({"the", "as", "mr", "mr.", "madam", "our", "his", "her", "their", "its"})
ANY_OFFICE = re.compile(r"\b(?:" + "|".join(sorted(OFFICE_HEADS)) + r")\b", re.IGNORECASE)
CAPITAL_OFFICE = re.compile(r"\b(?:" + "|".join(sorted(w.capitalize() for w in OFFICE_HEADS)) + r")\b")


def title_mentions(
    reading: Reading, people: dict[str, list[Form]], forms: list[Form]
) -> list[tuple[str, int, int]]:
    """(person's group key, body start, body end) of each bare title naming the one
    person of the article who holds it. `people` maps each person's group to its forms;
    `forms` are all the article's forms (a title inside a name is no bare title)."""
    doc = reading.doc
    if not people or ANY_OFFICE.search(reading.body) is None:
        return []  # most articles: no office named, nothing to look at
    holders: dict[str, set[str]] = {}
    styled: dict[str, set[str]] = {}  # the titles, in full, each person is given ("prime minister")
    modifier: dict[str, str | None] = {}
    for key, person_forms in people.items():
        for form in person_forms:
            if form.start < 0:
                continue  # the headline's
            span = doc.char_span(form.start, form.end, alignment_mode="expand")
            if span is None:
                continue
            for head, place, title in _held(doc, span.start, span.end):
                holders.setdefault(head, set()).add(key)
                styled.setdefault(key, set()).add(title)
                modifier[head] = modifier.get(head) or place
    if not holders:
        return []
    names = sorted((f.start, f.end) for f in forms if f.start >= 0)
    name_starts = [start for start, _ in names]
    found: list[tuple[str, int, int]] = []
    for match in CAPITAL_OFFICE.finditer(reading.body):
        low = match.group(0).lower()
        at = bisect_right(name_starts, match.start()) - 1
        if low not in holders or (at >= 0 and names[at][1] > match.start()):
            continue  # no one holds it, or it is inside a name ("Emperor Norton Bridge")
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.text[:1].isupper() and after.pos_ in ("PROPN", "NOUN"):
            continue  # a title before a name ("Governor McDonnell"), or a longer title
        start = _run_start(doc, token.i, capitalised=True)
        words = [t.lower_ for t in doc[start : token.i + 1]]
        before = doc[start - 1] if start > 0 else None
        if NOT_THE_HOLDER.intersection(words) or (before is not None and before.lower_ in NOT_THE_HOLDER):
            continue  # "former President", "the Vice President"
        if start in reading.firsts and low not in ("mr", "mr."):
            continue  # a capital the sentence gives
        if before is not None and before.lower_ not in DETERMINERS and before.text[:1].isupper():
            mine = modifier.get(low)
            if before.ent_type_ in ("NORP", "GPE") and mine is not None and mine != before.text:
                continue  # "the French President" is not "US President Joe Biden"
        keys = holders[low]
        if len(keys) > 1:  # of two holders, only one given this very title ("Prime Minister") may have it
            if _name_follows(doc, token.i, name_starts):
                continue  # "As Attorney General, Barr", "President of the United States Donald Trump"
            keys = {key for key in keys if " ".join(words) in styled[key]}
        holder = _holder(reading.body, {key: people[key] for key in keys}, match.start())
        if holder is not None:
            found.append((holder, doc[start].idx, token.idx + len(token)))
    return found


def _name_follows(doc: Doc, i: int, name_starts: list[int]) -> bool:
    """A name follows the title at token `i`, after a comma or the place it is "of": the
    title is that name's, not a bare one."""
    at = i + 1
    if at < len(doc) and doc[at].text == ",":
        at += 1
    elif at < len(doc) and doc[at].lower_ == "of":
        at += 1
        while at < len(doc) and (
            doc[at].lower_ in ("the", "of") or doc[at].ent_type_ in ("GPE", "ORG", "LOC")
        ):
            at += 1
    if at >= len(doc):
        return False
    found = bisect_right(name_starts, doc[at].idx) - 1
    return doc[at].ent_type_ == "PERSON" or (found >= 0 and name_starts[found] == doc[at].idx)


def _holder(body: str, holders: dict[str, list[Form]], at: int) -> str | None:
    """Who a bare title at `at` names: its one holder in the article; of two or more, the one
    named last before it (by any of their names), when no other holder is named since that
    paragraph began ("Tsar Aleksei I … Peter the Great … with the Tsar"; not "Governor Reyes
    met Governor Whitcombe. The Governor said": a reader could not tell)."""
    if len(holders) <= 1:
        return next(iter(holders), None)
    named: list[tuple[int, str]] = []
    for key, person_forms in holders.items():
        for text in {f.text for f in person_forms}:
            pattern = re.compile(rf"(?<![\w-]){re.escape(text)}(?![\w-])")
            named += [(m.start(), key) for m in pattern.finditer(body, 0, at)]
    if not named:
        return None
    named.sort()
    last_start, last = named[-1]
    since = body.rfind("\n\n", 0, last_start)
    if any(key != last and start > since for start, key in named):
        return None
    return last


def _held(tokens: Doc, first: int, end: int) -> list[tuple[str, str | None, str]]:
    """The offices the words right before (or, in apposition, right after) a person's
    name give them: (office head, the nationality or place before the title, the title)."""
    held: list[tuple[str, str | None, str]] = []
    start = _run_start(tokens, first - 1, capitalised=False) if first > 0 else first
    if start < first:
        run = tokens[start:first]
        words = [t.lower_ for t in run]
        if not NOT_THE_HOLDER.intersection(words) and (
            start == 0 or tokens[start - 1].lower_ not in NOT_THE_HOLDER
        ):
            head = _head(run)
            before = tokens[start - 1] if start > 0 else None
            place = before.text if before is not None and before.ent_type_ in ("NORP", "GPE") else None
            if head:
                held.append((head, place, " ".join(words)))
    # apposition: "Norton I, Emperor of the United States", "McDonnell, the Governor"
    at = end
    if at < len(tokens) and tokens[at].text == "I" and tokens[at].pos_ == "PROPN":
        at += 1  # a regnal number
    if at + 1 < len(tokens) and tokens[at].text == ",":
        at += 1
        if tokens[at].lower_ == "the":
            at += 1
        stop = at
        while (
            stop < len(tokens)
            and is_title_word(tokens[stop].text)
            and tokens[stop].lower_ not in NOT_THE_HOLDER
        ):
            stop += 1
        after = tokens[stop] if stop < len(tokens) else None
        if stop > at and (after is None or after.lower_ in ("of", ",", ".", ";") or after.is_punct):
            head = _head(tokens[at:stop])
            if head:
                held.append((head, None, " ".join(t.lower_ for t in tokens[at:stop])))
    return held


def _run_start(doc: Doc, last: int, *, capitalised: bool) -> int:
    """Where the run of title words ending at token `last` begins ("Home Secretary")."""
    start = last + 1
    while start > 0:
        token = doc[start - 1]
        if not is_title_word(token.text) or (capitalised and not token.text[:1].isupper()):
            break
        start -= 1
    return start


def _head(run: Span) -> str | None:
    """The office a run of title words names: its last office word ("Home Secretary" ->
    secretary, "Prime Minister" -> minister)."""
    heads = [t.lower_ for t in run if t.lower_ in OFFICE_HEADS]
    return heads[-1] if heads else None


def widen_person_mentions(reading: Reading, entities: list[Entity], starts: list[int]) -> None:
    """A person's mention takes in the title or role noun right before the name, which
    heads the phrase that names them: "Home Secretary Suella Braverman", "Secretary of
    State John Kerry", "the critic Louis Ehlert", "author Margaret Atwood". A role noun
    counts only when the parse puts it with the name (the name in apposition to it, or
    it a compound of the name), and never across another entity's mention."""
    doc = reading.doc
    taken = taken_spans(entities)
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for number, mention in enumerate(entity.mentions):
            offset = starts[mention.paragraph]
            span = doc.char_span(offset + mention.start, offset + mention.end, alignment_mode="expand")
            if span is None or span.start == 0 or span.start_char != offset + mention.start:
                continue
            first = span.start
            start = _title_before(doc, first)
            if start == first:
                start = _role_before(doc, first, offset + mention.end)
            if start == first:
                continue
            at = doc[start].idx - offset
            if at < 0 or any(at < e <= mention.start for _, e in taken[mention.paragraph]):
                continue  # another entity's mention stands in between
            entity.mentions[number] = Mention(mention.paragraph, at, mention.end)


def _title_before(doc: Doc, first: int) -> int:
    """Where the title words right before token `first` begin ("Secretary of State")."""
    start = first
    while start > 0:
        token = doc[start - 1]
        if not token.whitespace_ or token.is_space:
            break
        if is_title_word(token.text) and token.pos_ in ("PROPN", "NOUN", "ADJ"):
            start -= 1
        elif token.lower_ == "of" and start < first and start >= 2 and is_title_word(doc[start - 2].text):
            start -= 1
        else:
            break
    while start < first and doc[start].lower_ == "of":
        start += 1
    return start


ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ess", "man", "woman", "person")
"""Endings of nouns for what a person does ("presenter", "author", "journalist", "physician")."""
NOT_ROLES = frozenset(
    """
paper newspaper number letter chapter order border water matter corner cover power tower river
summer winter computer mirror error colour color floor door sector factor motor monitor harbour
harbor labour labor honour honor humour humor interior exterior center centre character register
poster trailer thriller blockbuster banner chamber member
""".split()
)
"""Nouns with those endings that name no person (a member is one, but of what is not said)."""
ROLE_NOUNS = frozenset(
    """
wife husband son daughter brother sister father mother uncle aunt cousin nephew niece grandson
granddaughter grandfather grandmother stepfather stepmother widow friend colleague partner fiancé
fiancée girlfriend boyfriend teammate co-star critic candidate student agent parent resident
correspondent assistant consultant lieutenant sergeant immigrant participant contestant actress
poet artist rival ally chef pilot cleric monk nun priest saint
""".split()
)
"""Roles and relations that end otherwise ("his wife", "the critic", "fellow candidate")."""


def is_role_word(word: str) -> bool:
    """A noun (in lower case) for what a person does or is to another: "presenter",
    "wife", "critic" (not "paper", "member")."""
    return word in ROLE_NOUNS or (word not in NOT_ROLES and word.endswith(ROLE_SUFFIXES))


def _role_before(doc: Doc, first: int, end: int) -> int:
    """The role noun right before a name that heads it ("the critic Louis Ehlert")."""
    noun = doc[first - 1]
    if noun.pos_ != "NOUN" or not noun.is_lower or not noun.whitespace_:
        return first
    if not is_role_word(noun.lower_):
        return first  # "the journal Miyako", "the film Jules et Jim": no person's role
    name = list(takewhile(lambda t: t.idx < end, doc[first:]))  # token offsets only grow
    if not name:
        return first
    root = name[-1]
    if (root.dep_ == "appos" and root.head.i == noun.i) or (
        noun.dep_ == "compound" and noun.head.i == root.i
    ):
        return noun.i
    return first
