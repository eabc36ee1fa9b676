"""Joins within one article that the model's spans leave apart.

- **A place before an organisation's name** is not part of its identity: "U.S.
  Congress", "United States Congress" and "Congress"; "United Kingdom Home Office" and
  "Home Office" are one organisation each, when the shorter name fits one longer name
  only. So are "Pittsburgh Pirates" and "Pirates": a shorter name that is no bare head
  word ("Council") needs no place before it.
- **An institution's name without its head word** ("Harvard" for "Harvard University",
  "Harrow" for "Harrow School"), when the article types the short name an organisation
  (a town of the name stays a place) and one institution fits.
- **A nickname**: "Larry Lessig" and "Lawrence Lessig" are one person when the rest of
  their names agree and the given names are a nickname pair of the `nicknames` lexicon
  (and of one gender: "Aaron" and "Erin" are two people).
- **A headline's name the model missed in the body**: the body's copy of it ("Aner
  Shalev is an Israeli mathematician…", untagged at the start of a sentence) makes it
  the article's entity, with every mention.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from store.campus_names import INSTITUTION_HEADS
from store.company_names import company_stem, is_legal_suffix
from store.extract.entity_groups import Group, find, roots, union
from store.extract.entity_spans import Form, Reading
from store.extract.name_edges import with_regnal_number
from store.extract.name_heads import HEAD_TYPES, head_word
from store.extract.names import NATIONALITY, country_name, is_title_word, known_type
from store.extract.wire_copy import ticker_after
from store.mention_scan import name_matches
from store.name_lexicon import same_given_name
from store.person_names import SAINT_PREFIX, first_name_gender
from store.word_lexicon import is_lower_case_word

PLACE_TYPES = frozenset({"GPE", "LOC"})
CAPITAL_BEFORE = re.compile(r"[A-Z][\w.'’]* $")
CAPITAL_AFTER = re.compile(r" [A-Z]")
SHORT_FORM_TYPES = frozenset({"PERSON", "ORG"})


def join_place_prefixed(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "U.S. Congress" + "Congress": a known place or one of the article's places before an
    organisation's name joins it to the organisation of the shorter name. A bare head word
    joins the one organisation it heads ("the Society" of the Society of the Cincinnati).
    A shorter name two longer ones end in ("Red Sox": "Boston Red Sox", "Triple-A Pawtucket
    Red Sox") joins only the one a place leads, when one does."""
    places = {
        text.casefold()
        for key in roots(groups, parent)
        if groups[key].type() in PLACE_TYPES
        for text in groups[key].texts()
    }
    organisations = [k for k in roots(groups, parent) if groups[k].type() == "ORG" and groups[k].forms]
    by_name: dict[str, list[str]] = {}
    for key in organisations:
        for text in groups[key].texts():
            by_name.setdefault(text, []).append(key)
    # a bare head word ("the Exchange") is the article's one organisation it heads:
    # "House" heads "White House" and "House of Representatives" alike
    ending = Counter(head_word(groups[k].longest()) for k in organisations if " " in groups[k].longest())
    wanted: dict[str, dict[str, str]] = {}  # shorter name's group -> longer ones -> the place leading
    for key in organisations:
        for text in groups[key].texts():
            words = text.split()
            for cut in range(1, min(4, len(words))):
                prefix, rest = " ".join(words[:cut]), " ".join(words[cut:])
                if rest not in by_name or _generic(rest):
                    continue
                # without a place before it, a shorter name must say which one: not "House"
                # when "U.S. House" and "White House" both end in it
                placed = _a_place(prefix, places)
                # after a word that is no place, one word is a short form of the name only
                # where it stands alone as a name: "the House" is not the White House
                alone = _alone(rest, ending) and (" " in rest or _stands_alone(reading, rest))
                if not (placed or alone or _sole_head(rest, ending)):
                    continue
                place = (country_name(prefix) or prefix.casefold()) if placed else ""
                _want(wanted, parent, by_name[rest], key, place)
            head = head_word(text)
            if head != words[-1] and head in by_name and (_sole_head(head, ending) or _alone(head, ending)):
                _want(wanted, parent, by_name[head], key, "")
    for short, longer in wanted.items():
        led = {place for place in longer.values() if place}
        chosen = (
            list(longer) if len(longer) == 1 else [k for k, p in longer.items() if p] if len(led) == 1 else []
        )
        for keep in chosen:
            union(groups, parent, keep, short)  # the longer name's group keeps


def _want(
    wanted: dict[str, dict[str, str]],
    parent: dict[str, str],
    owners: list[str],
    longer: str,
    place: str,
) -> None:
    """Note that the one group among `owners` (a shorter name's) may join `longer`, which
    `place` leads ("" for none)."""
    targets = {find(parent, k) for k in owners} - {find(parent, longer)}
    if len(targets) == 1:
        found = wanted.setdefault(targets.pop(), {})
        found[find(parent, longer)] = found.get(find(parent, longer)) or place


def _stands_alone(reading: Reading, word: str) -> bool:
    """The article writes the word as a name of its own ("Poisson declared"), never with
    "the" before it ("the House" is a noun naming a thing of its own) and not only as a
    modifier ("House Speaker Paul Ryan", "House-focused", "House members") or inside a
    longer name."""
    body = reading.body
    alone = False
    for match in name_matches(body, word):
        before = body[max(0, match.start() - 30) : match.start()]
        if before.endswith(("the ", "The ")):
            return False
        if CAPITAL_BEFORE.search(before) or CAPITAL_AFTER.match(body, match.end()):
            continue  # "White House", "House Speaker"
        if _modifies_a_noun(reading, match.start(), match.end()):
            continue  # "House members"
        alone = True
    return alone


def _modifies_a_noun(reading: Reading, start: int, end: int) -> bool:
    """A word of the language the parse makes a compound of a common noun after it
    ("House members"): an institution the word names, not a short form of a longer name
    ("Cantrex shares" is one)."""
    span = reading.doc.char_span(start, end)
    if span is None or len(span) != 1 or not is_lower_case_word(span.text):
        return False
    root = span.root
    return root.dep_ == "compound" and root.head.i > root.i and root.head.pos_ == "NOUN"


def _alone(name: str, ending: Counter[str]) -> bool:
    """A shorter name that says which organisation with no place before it."""
    return _distinctive(name) and ending[name] <= 1


def _distinctive(name: str) -> bool:
    """A name that says which organisation without its first words ("Red Sox", "Pirates"),
    unlike a bare head word ("Council", "Party"), a company's suffix ("Co": "Taft
    Broadcasting Co" is not "Goldman, Sachs and Co") or a known name ("Congress")."""
    last = name.split()[-1]
    if last in HEAD_TYPES or is_legal_suffix(last):
        return False
    return not known_type(name) and not name.isupper()


def _sole_head(name: str, ending: Counter[str]) -> bool:
    """A bare organisation head word ("Exchange") that one organisation's name ends in."""
    return HEAD_TYPES.get(name) == "ORG" and ending[name] == 1


def _generic(name: str) -> bool:
    """A company's suffix alone ("Co"): after a place it still names no one company
    ("Taft Co" is not the article's other "Co")."""
    return " " not in name and is_legal_suffix(name)


def _a_place(prefix: str, places: set[str]) -> bool:
    return bool(country_name(prefix)) or known_type(prefix) in PLACE_TYPES or prefix.casefold() in places


def place_headline_names(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """A group only the headline names gets its first whole-word occurrence in the body,
    where no other name stands (the mentions then find the rest)."""
    body = reading.body
    taken = sorted((f.start, f.end) for g in groups.values() for f in g.forms if f.start >= 0)
    for key in roots(groups, parent):
        group = groups[key]
        if not group.forms or any(f.start >= 0 for f in group.forms):
            continue
        label = group.type()
        for text in group.texts():
            for match in name_matches(body, text, hyphen_joined=True):
                if not any(s < match.end() and match.start() < e for s, e in taken):
                    named = with_regnal_number(reading, match.start(), text) if label == "PERSON" else text
                    group.forms.append(Form(named, label, match.start()))
                    taken.append((match.start(), match.end()))
                    break
            else:
                continue
            break


def join_reversed_names(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Higuchi Ichiyō" and "Ichiyō Higuchi": a two-word person written in the other
    order (family name first, as in Japanese, Chinese or Hungarian, or a reference line's
    "Twain, Mark") is the same person."""
    people: dict[tuple[str, ...], str] = {}
    for key in roots(groups, parent):
        if groups[key].type() != "PERSON":
            continue
        for text in groups[key].texts():
            words = tuple(text.replace(", ", " ", 1).split())  # "Twain, Mark" of a reference line
            if len(words) != 2 or words[0] == words[1]:
                continue
            other = people.get(words[::-1])
            if other is not None and find(parent, other) != find(parent, key):
                union(groups, parent, other, key)
            people.setdefault(words, key)


def join_saints(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Saint Jerome" and "St Jerome" (which the model often takes for a place) are the
    article's person "Jerome": the saint's name is exactly one person's name there. A
    known place ("St. Louis") or a name with more after it ("St Jerome's Church", a
    form of its own) stays apart."""
    if not any(SAINT_PREFIX.match(f.text) for group in groups.values() for f in group.forms):
        return  # no saint named
    people: dict[str, set[str]] = {}
    for key in roots(groups, parent):
        if groups[key].type() == "PERSON" and groups[key].forms:
            people.setdefault(groups[key].longest(), set()).add(key)
    for key in roots(groups, parent):
        group = groups[key]
        if not group.forms or group.type() == "PERSON":
            continue
        name = group.longest()
        rest = SAINT_PREFIX.sub("", name)
        if rest == name or known_type(name) or len(people.get(rest, ())) != 1:
            continue
        for form in group.forms:
            form.label = "PERSON"
        union(groups, parent, next(iter(people[rest])), key)


def join_companies(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """A company's short forms are the company: its name without the legal suffix ("Boeing"
    for "Boeing Co", "Goldman, Sachs" for "Goldman, Sachs and Co"), the first word of a
    longer name ("Alliant" for "Alliant Computer Systems Inc", when no person of the
    article bears it as a surname), the name without its head word ("Hang Seng" for
    "Hang Seng Bank Ltd") and the ticker in angle brackets after its name
    ("GE" for "General Electric Co <GE>"). Two names with the same stem and different
    suffixes are one company. A short form that fits two companies joins neither."""
    keys = [k for k in roots(groups, parent) if groups[k].forms]
    surnames = {
        text.split()[-1]
        for k in keys
        if groups[k].type() == "PERSON"
        for text in groups[k].texts()
        if " " in text
    }
    stems: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    for key in keys:
        if groups[key].type() != "ORG":
            continue
        for form in groups[key].forms:
            stem = company_stem(form.text)
            if stem is not None and not known_type(stem) and stem not in surnames:
                stems.setdefault(stem, set()).add(key)
                words = stem.split()
                if len(words) > 1 and _a_short_form(reading, words[0], surnames):
                    short.setdefault(words[0], set()).add(key)
                if len(words) > 2 and HEAD_TYPES.get(words[-1].removesuffix("s")) == "ORG":
                    short.setdefault(" ".join(words[:-1]), set()).add(key)  # "Hang Seng" (Bank Ltd)
            ticker = ticker_after(reading.body, form.end) if form.start >= 0 else None
            if ticker is not None:
                short.setdefault(ticker, set()).add(key)
    for found in stems.values():
        if len(found) > 1:
            first, *others = sorted(found, key=lambda k: groups[k].first)
            for other in others:
                union(groups, parent, first, other)  # "Merck and Co", "Merck Co"
    named = {text for k in keys for text in groups[k].texts()}
    for form_text, owners in [*stems.items(), *short.items()]:
        if len(owners) == 1 and form_text not in named:
            _add_short_form(reading, groups[find(parent, next(iter(owners)))], form_text)
    for key in keys:
        group = groups[key]
        if not group.forms or any(f.titled for f in group.forms):
            continue
        name = group.longest()
        targets = {find(parent, k) for k in stems.get(name, ())}
        if not targets and group.type() in SHORT_FORM_TYPES:
            targets = {find(parent, k) for k in short.get(name, ())}
        targets.discard(find(parent, key))
        if len(targets) == 1:
            for form in group.forms:
                form.label = "ORG"  # "Alliant said" typed PERSON is still the company
            union(groups, parent, targets.pop(), key)


def _a_short_form(reading: Reading, word: str, surnames: set[str]) -> bool:
    """A first word that can stand for its company alone: a capitalised word the article
    never writes in lower case, no known place, title or person's surname there."""
    return (
        word[:1].isupper()
        and word.isalpha()
        and word.lower() not in reading.common
        and word not in surnames
        and not known_type(word)
        and not is_title_word(word)
        and not NATIONALITY.match(word)
    )


def _add_short_form(reading: Reading, company: Group, short_form: str) -> None:
    """The first place the body uses a company's short form alone ("Orvane said", where the
    model tagged nothing), not as part of a longer name: the mentions find the rest."""
    body = reading.body
    for match in re.finditer(rf"(?<![\w<]){re.escape(short_form)}(?![\w>])", body):
        before = body[max(0, match.start() - 30) : match.start()].split(" ")
        after = body[match.end() : match.end() + 2]
        if re.match(r" [A-Z&]", after) or (len(before) > 1 and before[-1] == "" and before[-2][:1].isupper()):
            continue  # inside a longer name: "Orvane Aircraft Co", "New Orvane"
        token = reading.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if (
            token is None
            or token[0].ent_type_
            or (token[0].pos_ != "PROPN" and token[0].lower_ in reading.common)
        ):
            continue  # "Swiss francs": the model's other name; "First, the bank said": the sentence's capital
        company.forms.append(Form(short_form, "ORG", match.start()))
        return


def add_middle_names(reading: Reading, groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Jared Tristan Padalecki" where the article's person is "Jared Padalecki": their
    first name, one or two capitalised proper nouns the model put in no entity, and their
    surname are that person with middle names (the model often misses such a name)."""
    people: dict[str, list[tuple[str, str]]] = {}
    for key in roots(groups, parent):
        group = groups[key]
        if not any(f.label == "PERSON" for f in group.forms):
            continue
        words = group.longest().split()
        if len(words) == 2 and group.type() == "PERSON":
            people.setdefault(words[0], []).append((words[1], key))
    if not people:
        return
    doc = reading.doc
    taken = [(f.start, f.end) for g in groups.values() for f in g.forms if f.start >= 0]
    first_names = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in people) + r")\b")
    for match in first_names.finditer(reading.body):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        fits = people[token.text]
        if not token.whitespace_:
            continue
        for size in (1, 2):
            last = token.i + size + 1
            if last >= len(doc) or not _middle_name(doc[last - 1]):
                break
            owners = [key for surname, key in fits if surname == doc[last].text]
            start, end = token.idx, doc[last].idx + len(doc[last])
            if len(owners) == 1 and not any(s < end and start < e for s, e in taken):
                groups[owners[0]].forms.append(Form(reading.body[start:end], "PERSON", start))
                taken.append((start, end))
                break


def _middle_name(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.text.replace(".", "").isalpha()
        and not token.ent_type_
        and token.whitespace_ == " "
    )


def join_institutions(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Harvard" and "Harvard University": an organisation named by an institution's name
    without its head word is the institution, when one fits. So is a lone word the model
    called a person or a place that no other person of the article bears ("at Rice" beside
    "Rice University"): it takes the institution's type."""
    orgs = [k for k in roots(groups, parent) if groups[k].forms and groups[k].type() == "ORG"]
    institutions: dict[str, set[str]] = {}
    for key in orgs:
        for text in groups[key].texts():
            stem, _, head = text.rpartition(" ")
            if head in INSTITUTION_HEADS and stem and stem.split()[-1] not in ("of", "the", "and"):
                institutions.setdefault(stem, set()).add(key)
    lone = [
        k
        for k in roots(groups, parent)
        if groups[k].forms
        and groups[k].type() in ("PERSON", "GPE")
        and " " not in groups[k].longest()
        and not any(f.titled or f.evidence for f in groups[k].forms)
    ]
    for key in orgs + lone:
        name = groups[key].longest()
        targets = {find(parent, k) for k in institutions.get(name, ())} - {find(parent, key)}
        if len(targets) == 1 and not known_type(name):
            for form in groups[key].forms:
                form.label = "ORG"
            union(groups, parent, targets.pop(), key)


def join_nicknames(groups: dict[str, Group], parent: dict[str, str]) -> None:
    """ "Larry Lessig" and "Lawrence Lessig": the same names after given names that are a
    nickname pair, of one gender, are one person (the one named first keeps)."""
    by_rest: dict[tuple[str, ...], list[str]] = {}
    for key in roots(groups, parent):
        group = groups[key]
        if group.forms and group.type() == "PERSON":
            words = group.longest().split()
            if len(words) > 1:
                by_rest.setdefault(tuple(words[1:]), []).append(key)
    for keys in by_rest.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: groups[k].first)
        for i, one in enumerate(keys):
            for other in keys[i + 1 :]:
                if not groups[one].forms or not groups[other].forms:
                    continue  # folded into an earlier name already
                a, b = groups[one].longest().split()[0], groups[other].longest().split()[0]
                if a != b and same_given_name(a, b) and _one_gender(a, b):
                    union(groups, parent, one, other)


def _one_gender(one: str, other: str) -> bool:
    found = {first_name_gender(one), first_name_gender(other)} - {None}
    return len(found) < 2
