"""Events, works, awards and laws: names a reporter jumps to that are no person,
organisation or place ("the 2022 FIFA World Cup", "the Stirling Prize", "the Second
Amendment", "Elevator to the Gallows").

The model's EVENT, WORK_OF_ART, LAW and PRODUCT tags are noisy (on news, half its works
are people, newspapers or degrees, and its products are aircraft numbers, tickers and
people), so a tag alone makes nothing. A name is kept when general evidence says what
it is:

- **Award**: its head word is Award, Prize, Medal or Trophy ("Pritzker Architecture
  Prize", "BAFTA Award for Best Foreign Actress"), tagged or not.
- **Law**: its head word is a law's (Act, Bill, Treaty, Agreement, Constitution,
  Amendment, Charter ...: `name_heads.LAW_HEADS`), or it is a case ("Roe v. Wade").
- **Event**: its head word is an event's (War, Festival, Cup, Games, Election, Summit,
  Revolution ...) or such a word comes before a number, "on" or "of" ("World War II",
  "War on Drugs", "Battle of Chudnov"), or it is a named storm ("Hurricane Dorian").
- **Work**: the text shows it is a title (`store.extract.works`: "the period drama
  Copying Beethoven", "he wrote …", a year in brackets after it, quotation marks around
  a name the model calls a work), or its head word is a work's ("Seventh Symphony").
  A run of title-case words right before a year in brackets is a title the model
  missed ("Elevator to the Gallows (1958)").

Products are not kept: no general evidence separates "the Crew Dragon" from "737",
"MAY7" or a person the model calls a product.

The outer name is the entity: the names inside it ("Stirling" in "the Stirling Prize",
"FIFA" in "FIFA World Cup") are no mentions of their own, because the mention scan
(`entity_mentions.add_mentions`) takes the longest alias at each word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.headed_chunks import LEADING_DROP
from store.extract.name_heads import (
    EVENT_HEADS,
    GAMES,
    LAW_HEADS,
    ORG_HEADS,
    STORM_WORDS,
    WORK_HEADS,
    head_word,
)
from store.extract.names import is_title_word, known_type, strip_possessive, strip_the
from store.extract.works import WORK_NOUNS, YEAR_AFTER, titled_here
from store.mention_scan import outer_wins
from store.models import Entity, Mention
from store.name_lexicon import is_first_name

if TYPE_CHECKING:
    from store.extract.entity_spans import Form, Reading

AWARD_HEADS = frozenset("Award Prize Medal Trophy".split())
EVENT_WORDS = (EVENT_HEADS - {"Forum", "Lectures"}) | frozenset(
    "Revolution Rebellion Uprising Massacre Crisis Conference Crusade Crusades Riots".split()
)
"""Words that make a name an event wherever they stand in it ("World War II", "War on
Drugs"). Not "Forum", which names bodies too ("World Economic Forum")."""
MODEL_LABELS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
CASE = re.compile(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)* v\.? [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)*$")
"""A court case: "Roe v. Wade", "Brown v Board"."""
TITLE_WORDS = frozenset("a an the of in on to at and".split())
"""Lower-case words a title in title case keeps ("Elevator to the Gallows")."""
DIGITS = re.compile(r"\d")
TITLE_STEP = re.compile(r"(?:['’]s)?((?: (?:a|an|the|of|in|on|to|at))*) ([A-Z][\w'’-]*)")
"""The next capitalised word of a title in title case, and the small words before it."""
NUMBERED = re.compile(r"^(?:[IVX]+|One|Two|Three|\d+)$")
"""The number after an event's word: "World War II", "World War Two"."""
SUBTITLE_BEFORE = re.compile(r"[A-Z][\w'’-]*: $")
"""A capitalised word and a colon right before a name: the name is a work's subtitle."""
CAPITAL_AFTER = re.compile(r" [A-Z]")
PLACING = frozenset("in at from near".split())
NAMED_LABELS = frozenset({"PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"})


def thing_type(text: str) -> str | None:
    """The type the words of the name `text` give it, else None (module docstring).
    Works need more evidence than the name."""
    words = text.split()
    if len(words) < 2 and text not in GAMES:
        return None  # "Constitution", "Watergate": a word alone says too little
    if known_type(text) or not words[0][:1].isupper():
        return None
    head = head_word(text)
    if head in AWARD_HEADS:
        return "AWARD"
    if (
        head in LAW_HEADS
        or CASE.match(text)
        or any(w in LAW_HEADS and a == "on" for w, a in zip(words, words[1:], strict=False))
    ):
        return "LAW"  # "Second Amendment", "Roe v. Wade", "General Agreement on Tariffs and Trade"
    if text in GAMES or head in EVENT_WORDS or (words[0] in STORM_WORDS and len(words) == 2):
        return "EVENT"
    if any(
        w in EVENT_WORDS and (after in ("on", "of") or NUMBERED.match(after))
        for w, after in zip(words, words[1:], strict=False)
    ):
        return "EVENT"  # "World War II", "War on Drugs", "Battle of Chudnov"
    if head in WORK_HEADS:
        return "WORK_OF_ART"  # "Seventh Symphony", "Gospel of the Hebrews"
    return None


def thing_forms(reading: Reading, forms: list[Form], titles: list[Form]) -> list[Form]:
    """The article's events, works, awards and laws, in body order, without overlaps
    (the longest wins). `forms` are the candidates the cleaning kept (with their
    retyped labels); `titles` the names `works.without_works` found to be titles."""
    from store.extract.entity_spans import Form
    from store.extract.model_spans import clean_span

    found: list[Form] = []
    for form in forms:
        if form.label not in MODEL_LABELS:
            continue
        text, start = _trimmed(form.text, form.start)
        kind = thing_type(text)
        if kind is None and _shown_work(reading, form):
            kind, text, start = "WORK_OF_ART", form.text, form.start
        if kind:
            found.append(Form(text, kind, start))
    for span in reading.doc.ents:
        if span.label_ == "LAW":  # the cleaning reads no laws: "the Endangered Species Act"
            law = clean_span(reading, span)
            text, start = _trimmed(law.text, law.start) if law is not None else ("", 0)
            if thing_type(text) == "LAW":
                found.append(Form(text, "LAW", start))
    shown = {
        t.text for t in titles if _shown_work(reading, t) and not _dated_line(reading.body, t)
    }  # where the text itself says so: once is enough, the mention scan finds the others
    for title in titles:
        if title.text not in shown or len(title.text) < 3 or DIGITS.search(title.text):
            continue
        if thing_type(_trimmed(title.text, title.start)[0]) in (None, "WORK_OF_ART"):  # an award: by its head
            found.append(_whole_title(reading, Form(title.text, "WORK_OF_ART", title.start)))
    for text, start in reading.runs:
        text, start = _trimmed(text, start)
        kind = thing_type(text)
        if kind in ("AWARD", "EVENT", "LAW"):
            found.append(Form(text, kind, start))
    found += _dated_titles(reading)
    found = [
        f
        for f in found
        if not _a_person_named_bill(reading.body, f)
        and not _no_storm(reading, f)
        and not (
            f.label != "WORK_OF_ART" and SUBTITLE_BEFORE.search(reading.body, max(0, f.start - 40), f.start)
        )
    ]  # "Captain America: Civil War", "Avengers: Infinity War" are films, no wars
    return _longest_first(found)


def _no_storm(reading: Reading, form: Form) -> bool:
    """ "Storm Area 51": a storm's name is no word the article writes in lower case."""
    words = form.text.split()
    return words[0] in STORM_WORDS and len(words) == 2 and words[1].lower() in reading.common


def _a_person_named_bill(body: str, form: Form) -> bool:
    """ "President Bill", "Sheriff Bill Brown": "Bill" after a title or before a
    capitalised word is a first name, not a bill."""
    words = form.text.split()
    if form.label != "LAW" or head_word(form.text) != "Bill":
        return False
    at = words.index("Bill")
    return (at > 0 and is_title_word(words[at - 1])) or CAPITAL_AFTER.match(body, form.end) is not None


def _whole_title(reading: Reading, form: Form) -> Form:
    """A title the model cut short, to its last capitalised word: "Band" -> "Band on the
    Run", "Kim" -> "Kim's Convenience"; not into a place ("Ulysses in Dublin")."""
    from store.extract.entity_spans import Form

    body, end = reading.body, form.end
    while (step := TITLE_STEP.match(body, end)) is not None:
        joiners = step.group(1).split()
        if joiners and joiners[0] in PLACING:
            word = reading.doc.char_span(step.start(2), step.end(2), alignment_mode="expand")
            if word is not None and word[0].ent_type_ in ("GPE", "LOC", "FAC"):
                break
        end = step.end()
    return form if end == form.end else Form(body[form.start : end], form.label, form.start)


def _shown_work(reading: Reading, form: Form) -> bool:
    """The text says the name `form` is a work (`works.titled_here`), or quotes it and
    the model calls it a work (quotation marks alone also mark nicknames). Not a
    nationality ("a single American life"), a name with an organisation's head word
    ("appeared in Christchurch District Court"; a place's may: "Cold Harbour"), a
    person's style in quotes ("Norton I, Emperor of the United States"), nor a person's name that only the
    syntax makes a title ("wrote, “Congratulations to Bill de Blasio …”"): that needs a
    noun for a work before it or a year after it."""
    how = titled_here(reading.doc, reading.body, form)
    if form.label == "NORP" or head_word(form.text) in ORG_HEADS:
        return False
    if how == "quoted" and form.label == "WORK_OF_ART":
        return not any(is_title_word(word.strip(",")) for word in form.text.split())
    if how != "said":
        return False
    if form.label == "PERSON" and is_first_name(form.text.split()[0]):
        before = reading.body[max(0, form.start - 40) : form.start].split()
        noun = next((w for w in reversed(before) if w.lower() not in ("the", "a", "an")), "")
        return noun in WORK_NOUNS or YEAR_AFTER.match(reading.body, form.end) is not None
    return True


def _trimmed(text: str, start: int) -> tuple[str, int]:
    """A run of capitalised words cut to the name of an event, award or law in it (its
    head word is the word before the first "of" or "for", or the last word): from
    after the last "of" or "for" before its head word ("MVP of the Eastern League
    All-Star Game"), and up to the end of the first phrase after it, unless that phrase
    names an organisation, the giver ("César Award for Best Actress for The Old Lady …",
    "Lifetime Achievement Award of the Association for Computational Linguistics")."""
    words = text.split(" ")
    heads = [i for i, w in enumerate(words) if w in AWARD_HEADS or w in LAW_HEADS or w in EVENT_WORDS]
    at = next((i for i in heads if i + 1 < len(words) and words[i + 1] in ("of", "for", "on")), None)
    if at is None and heads and heads[-1] == len(words) - 1:
        at = heads[-1]  # the last word: "Stirling Prize"; not "World War II", whose head is inside
    if at is None:
        return text, start
    first = max((i + 1 for i in range(at) if words[i] in ("of", "for")), default=0)
    if first and words[first] == "the":
        first += 1
    end = at + 1
    if end < len(words) and words[end] in ("of", "for", "on"):
        tail = end + 1
        while tail < len(words) and words[tail] not in ("of", "for"):
            tail += 1
        phrase = " ".join(words[end + 1 : tail])
        if head_word(strip_the(phrase)) not in ORG_HEADS and known_type(phrase) is None:
            end = tail
    offset = len(" ".join(words[:first])) + (1 if first else 0)
    return " ".join(words[first:end]), start + offset


def _dated_titles(reading: Reading) -> list[Form]:
    """Runs of title-case words right before a year in brackets: "Elevator to the
    Gallows (1958)", "The Old Lady Who Walked in the Sea (1992)"."""
    from store.extract.entity_spans import Form

    doc, body = reading.doc, reading.body
    named = {t.i for e in doc.ents if e.label_ in NAMED_LABELS for t in e}
    found = []
    for match in re.finditer(r" \((?:1[5-9]|20)\d\d\)", body):
        last = doc.char_span(match.start() - 1, match.start(), alignment_mode="expand")
        if last is None or not last[0].text[:1].isupper():
            continue
        i = last.start
        while i > 0 and i not in reading.firsts and doc[i - 1].whitespace_ == " ":
            if not (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in TITLE_WORDS):
                break
            i -= 1
        while i < last.start and (doc[i].lower_ in TITLE_WORDS - {"the"} or doc[i].is_lower):
            i += 1  # a title begins with a capital ("in Paris (1927)" is no title)
        if doc[i].i in reading.firsts and doc[i].lower_ in LEADING_DROP:
            i += 1
        span = doc[i : last.start + 1]
        text = strip_possessive(span.text)
        if len(span) < 2 or known_type(text) or all(t.i in named or t.is_lower for t in span):
            continue  # "Cruse and Croft (2004)": names and a year
        if span[-1].ent_type_ in ("GPE", "LOC") and span[-1].ent_iob_ == "B" and span[-2].lower_ in PLACING:
            continue  # "the Sorbonne in Paris (1927)": a place and a year
        form = Form(text, "WORK_OF_ART", span.start_char)
        if YEAR_AFTER.match(body, span.end_char) and not _dated_line(body, form):
            found.append(form)
    return found


def _dated_line(body: str, form: Form) -> bool:
    """The name and a year in brackets make a line of their own: a list's or a fact box's
    entry ("Pittsburgh Pirates (2012)" under "Teams"), which says nothing of titles."""
    year = YEAR_AFTER.match(body, form.end)
    if year is None or body.rfind("\n", 0, form.start) + 1 != form.start:
        return False
    return year.end() == len(body) or body[year.end()] == "\n"


def _longest_first(forms: list[Form]) -> list[Form]:
    """`forms` without those overlapping a longer one, in body order."""
    kept: list[Form] = []
    for form in sorted(forms, key=lambda f: (-len(f.text), f.start)):
        if not any(form.start < k.end and k.start < form.end for k in kept):
            kept.append(form)
    return sorted(kept, key=lambda f: f.start)


def thing_entities(forms: list[Form], taken: set[str]) -> list[Entity]:
    """One entity per distinct name (case aside) and type, in order of first mention;
    a name that is already another entity's alias (`taken`) is left to it."""
    found: dict[tuple[str, str], Entity] = {}
    for form in forms:
        if form.text in taken:
            continue
        key = (form.text.casefold(), form.label)
        entity = found.get(key)
        if entity is None:
            found[key] = Entity(name=form.text, type=form.label, aliases=[form.text])
        elif form.text not in entity.aliases:
            entity.aliases.append(form.text)
    return list(found.values())


def settle_overlaps(entities: list[Entity], things: list[Entity]) -> None:
    """Where a mention of one of `things` and one of `entities` overlap, the longer is
    the mention (`store.mention_scan.outer_wins`): "Stirling" in "the Stirling Prize",
    "FIFA" in "FIFA World Cup" are no mentions of their own."""
    held: dict[int, list[tuple[Entity, Mention]]] = {}
    for thing in things:
        for mention in thing.mentions:
            held.setdefault(mention.paragraph, []).append((thing, mention))
    names: dict[int, list[tuple[Entity, Mention]]] = {paragraph: [] for paragraph in held}
    for entity in entities:
        for mention in entity.mentions:
            if mention.paragraph in names:
                names[mention.paragraph].append((entity, mention))
    lost: set[int] = set()
    for paragraph, inside in held.items():
        beside = names[paragraph]
        lost_names, lost_things = outer_wins(
            [(e.type, m.start, m.end) for e, m in beside], [(t.type, m.start, m.end) for t, m in inside]
        )
        lost |= {id(beside[i][1]) for i in lost_names} | {id(inside[i][1]) for i in lost_things}
    if lost:
        for entity in entities + things:
            entity.mentions = [m for m in entity.mentions if id(m) not in lost]
