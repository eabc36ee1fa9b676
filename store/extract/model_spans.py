"""The model's spans, cleaned, plus names it cut short or missed.

`clean_span` takes "the", possessives, punctuation, titles and the sentence's capitals
off a span and drops junk; `model_forms` adds the head-word names (store.extract.headed_chunks)
in their place. The forms are `entity_spans.Form`s, which `entities.py` folds into entities.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Span, Token

from store.company_names import has_unit_word, is_bare_suffix, is_legal_suffix
from store.extract.entity_spans import NAME_LABELS, PLACE_OR_ORG, Form, Reading
from store.extract.headed_chunks import LEADING_DROP, capitalised_runs, headed_chunks
from store.extract.joined_names import parted
from store.extract.name_edges import is_credit_label, leads_no_name, opens_date
from store.extract.name_heads import EVENT_HEADS, HEAD_TYPES, head_word, retype
from store.extract.names import (
    NAME_JOINERS,
    is_country,
    is_title_word,
    known_type,
    split_title,
    strip_possessive,
)
from store.extract.not_names import common_phrase, epithet, plural_acronym, plural_marked
from store.extract.regions import COMPASS, with_address, with_regions
from store.extract.wire_copy import bracketed, in_lines, without_brackets
from store.extract.works import split_works
from store.name_lexicon import is_census_first_name, is_first_name
from store.person_names import PEERAGE, POST_NOMINALS

TRAILING_DROP = frozenset({"'s", "’s", "'", "’"})
POSTNOMINALS = POST_NOMINALS | {"Jr", "Jr.", "Sr", "Sr."}
"""Letters after a name (store.person_names), and the generational suffixes a span may end on."""
AMOUNT = re.compile(r"^[A-Z]{2,3}\$?\d")
"""An amount with its currency code glued on: "USD910", "US$5"."""
TIME_ZONES = frozenset("ET EST EDT PT PST PDT CT CST CDT MT MST GMT UTC BST CET CEST IST JST AEST".split())
POSTNOMINAL_WORDS = "|".join(re.escape(p) for p in sorted(POSTNOMINALS, key=len, reverse=True))
POSTNOMINAL_AFTER = re.compile(rf", ({POSTNOMINAL_WORDS})(?!\w)(?!(?<!\.)\.)")
"""A post-nominal after a comma ("Mark Tedeschi, QC"; "Iván DeJesús, Jr.." before a full stop)."""
FIGURE = re.compile(r"^(?!\d+(?:st|nd|rd|th)$).*\d")
"""A word with a digit that is no ordinal: "82.0", "A1", "G-6", "1987"."""
AMOUNT_WORD = re.compile(r"^\d[\d,]*[.,]\d")
"""A figure with a decimal point or thousands separator: "132.8", "1,000"."""
MODIFIER_PREFIX = re.compile(r"(?<![\w-])(?:anti|pro|non|ex|post|pre|neo|pan|mid|trans|ultra|intra|inter)-$")
PEERAGE_OF = re.compile(rf"^(?:\d+(?:st|nd|rd|th) )?(?:{PEERAGE}) of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)$")
"""A title of the peerage the model takes for a person: the place it is of is the name."""
PLACE_BEFORE = re.compile(
    r"\b(?:town|city|village|province|region|county|district|state|island|port|capital|suburb|desert|diocese"
    r"|kingdom) of $"
)

PARTY_AFTER = re.compile(r" party\b")
"""A party's name the writer ends in a lower-case "party" ("the Republican party"): the
noun heads the name, as "Party" does in "Republican Party" (not after a name with a head
word of its own: "the United Malays National Organisation party")."""
HONORIFIC_BEFORE = re.compile(
    r"(?<![\w.])(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lady|Lord|Prince|Princess|King|Queen)\.? $"
)
"""An honorific right before a person's name, which the model leaves out of the name."""


def model_forms(reading: Reading) -> list[Form]:
    """The model's spans, cleaned, with head-word names it cut short or missed in their
    place ("Saudi" + "Interior Ministry" -> "Saudi Interior Ministry"), in body order."""
    forms = [
        form
        for span in reading.doc.ents
        if span.label_ in NAME_LABELS
        for part in parted(span)
        for form in [clean_span(reading, part)]
        if form
    ]
    reading.runs = capitalised_runs(reading.doc, reading.firsts)
    chunks = [Form(text, label, start) for text, label, start in headed_chunks(reading.runs)]
    for chunk in (c for c in chunks if c.label in ("ORG", "FAC")):
        chunk.label, chunk.titled = with_address(
            reading.doc, reading.body, chunk.text, chunk.start, chunk.label
        )
    forms = _with_chunks(forms, chunks)
    kept, reading.titles = split_works(reading.doc, reading.body, forms)
    return sorted(kept, key=lambda f: f.start)


def _with_chunks(forms: list[Form], chunks: list[Form]) -> list[Form]:
    """Head-word names replace the model's spans inside them, unless a model span
    crosses one or holds it; both lists are in body order without overlaps."""
    starts = [f.start for f in forms]
    dropped: set[int] = set()
    added = []
    for chunk in chunks:
        first = max(0, bisect_right(starts, chunk.start) - 1)
        near = [i for i in range(first, bisect_left(starts, chunk.end)) if _overlap(forms[i], chunk)]
        if any(not _inside(forms[i], chunk) or forms[i].text == chunk.text for i in near):
            continue
        dropped.update(near)
        added.append(chunk)
    return [f for i, f in enumerate(forms) if i not in dropped] + added


def _inside(form: Form, outer: Form) -> bool:
    return outer.start <= form.start and form.end <= outer.end


def _overlap(form: Form, other: Form) -> bool:
    return form.start < other.end and other.start < form.end


def clean_span(reading: Reading, span: Span) -> Form | None:
    """The span without "the", possessive, punctuation and title; None for junk.

    A capital that is only the sentence's ("Homeopathy is ...") is no name.
    """
    body = reading.body
    tokens = list(span)
    definite = tokens[0].lower_ == "the"
    while tokens and (
        tokens[0].lower_ in LEADING_DROP
        or tokens[0].is_punct
        or tokens[0].is_space
        or is_credit_label(tokens[0])
        or (len(tokens) > 1 and leads_no_name(tokens[0]))
    ):
        tokens.pop(0)
    while tokens and (
        tokens[-1].lower_ in TRAILING_DROP
        or is_credit_label(tokens[-1])
        or (len(tokens) > 1 and opens_date(tokens[-1]))
        or tokens[-1].is_punct
        or tokens[-1].is_space
        or (tokens[-1].is_lower and tokens[-1].pos_ != "PROPN")
        or (tokens[-1].like_num and span.label_ == "PERSON")
        or (span.label_ == "PERSON" and len(tokens) > 1 and tokens[-1].text in POST_NOMINALS)
    ):
        tokens.pop()  # "Jeb Bush-spent": a lower-case word glued on ("Kim Jong-un" keeps "un"); "… FRS"
    while (
        tokens
        and tokens[0].i in reading.firsts
        and (
            (tokens[0].lower_ in reading.common and (len(tokens) == 1 or tokens[0].pos_ != "PROPN"))
            or ((len(tokens) > 1 or span.label_ != "NORP") and tokens[0].pos_ not in ("PROPN", "NOUN"))
        )
    ):
        tokens.pop(0)  # "Heavy Russian", "Writing by ...": a capital from the sentence
    for k, token in enumerate(tokens[1:-1], start=1):
        if token.is_lower and token.pos_ in ("VERB", "AUX") and token.lower_ not in NAME_JOINERS:
            tokens = tokens[:k]  # "Byron composed Thyrza": a verb inside ends the name
            break
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in NAME_JOINERS):
        tokens.pop()
    if not tokens or _in_work_title(reading, span, tokens):
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text, start = without_brackets(body[start:end].split(" (")[0], start)
    text = strip_possessive(text)
    if "\n" in text or not looks_like_name(text) or text in POSTNOMINALS or text in TIME_ZONES:
        return None
    if is_bare_suffix(text) or has_unit_word(text) or plural_acronym(body, text):
        return None  # "Co", "Plc": a company's suffix alone; "U.S. Dlrs": an amount
    if reading.figures and in_lines(reading.figures, start) and not _a_place_in_table(span, text):
        return None  # a table's row label ("Revs 82.0 mln vs 70.1 mln") is no name
    if " " not in text and span.label_ in ("ORG", "FAC", "LOC") and text.lower() in reading.common:
        return None  # "the Board", "the Project": a common noun with a capital
    if common_phrase(text, body, reading.common) or plural_marked(body, start, start + len(text)):
        return None  # "Peace and Security", "Spouse(s)" (store.extract.not_names)
    if epithet(reading.doc, tokens[0].i, len(tokens), span.label_):
        return None  # "Peter the Great"
    label = span.label_
    if any(AMOUNT_WORD.match(word) for word in text.split()):
        return None  # "Revs 132.8", "Silver 1,000 oz": a table's figures ("Channel 4" stays)
    if label == "PERSON" and any(FIGURE.match(word) for word in text.split()):
        return None  # "A1" (a rating), "Revs 82.0": a person's name has no figures ("2nd Earl" may)
    if label != "NORP" and (bracketed(body, start, start + len(text)) or is_legal_suffix(text.split()[-1])):
        label = "ORG"  # "<Kwinana Nitrogen Co>", "Maffei Inc": a company's name
    if MODIFIER_PREFIX.search(body, max(0, start - 8), start) or (
        label != "NORP" and MODIFIER_PREFIX.match(text.split("-")[0] + "-")
    ):
        return None  # "anti-Pyongyang propaganda", "anti-Brexit": part of a modifier, not a name
    head_part = text.split(" and ", 1)[0]
    if " and " in text and label in ("GPE", "LOC") and not known_type(text) and head_part in COMPASS:
        tail = text.rsplit(" and ", 1)[1]  # "North and South Korea": the tail names a place
        # ("Kensington and Chelsea" is one borough: only a compass word shares the tail)
        start, text = start + len(text) - len(tail), tail
        if not looks_like_name(text):
            return None
    peerage = PEERAGE_OF.match(text)
    if peerage and label == "PERSON":
        place = peerage.group(1)  # "2nd Earl of Clare": a title, and the place it is of
        return Form(place, known_type(place) or "GPE", start + peerage.start(1))
    title, name = split_title(text)
    if title and not name:
        return None  # "State" from "Secretary of State": a title alone is no entity
    if label != "PERSON" and is_title_word(text.split()[-1]) and " of " not in text:
        return None  # "Catholic Bishop", "Bank Governor": an office, not an organisation
    titled = None
    if title and label == "PERSON" and not known_type(name):
        titled, text, start = text, name, start + len(text) - len(name)
    if PLACE_BEFORE.search(body, max(0, start - 30), start) and not known_type(text):
        label = "GPE"  # "the town of Yeoncheon", "the city of Homs"
    name_span = reading.doc.char_span(start, start + len(text), alignment_mode="expand")
    if label in PLACE_OR_ORG and name_span is not None and not definite and _first_name_alone(text):
        widened = _with_surname(reading, name_span[-1], start, text)
        if widened != text and not is_legal_suffix(widened.split()[-1]):
            text, label = widened, "PERSON"  # "the Gregory Maguire novel", "Gregory" typed ORG
    if label == "PERSON" and name_span is not None:
        start, text = _with_first_name(reading, name_span[0], start, text)
        text = _with_surname(reading, name_span[-1], start, text)
    label = retype(text, "ORG" if definite and label == "PERSON" else label)  # "the Bat Cave"
    owned = definite and tokens[-1].i + 1 < len(reading.doc) and reading.doc[tokens[-1].i + 1].is_lower
    if label == "ORG" and not (definite and not owned) and _named_like_person(reading, text):
        label = "PERSON"  # "Jean Cocteau" typed ORG (not "The Brooklyn Paper")
    if label == "PERSON":
        postnominal = POSTNOMINAL_AFTER.match(body, start + len(text))
        if postnominal:
            titled = body[start : postnominal.end()]
        honorific = HONORIFIC_BEFORE.search(body, max(0, start - 12), start)
        if titled is None and honorific:
            titled = body[honorific.start(1) : start + len(text)]  # "Mrs Howard": the title tells who
    elif label in ("GPE", "LOC") and not is_country(text):
        titled = with_regions(reading.doc, body, text, start)
    elif label in ("ORG", "FAC"):
        label, titled = with_address(reading.doc, body, text, start, label)
    if (
        label in ("ORG", "NORP")
        and head_word(text) not in HEAD_TYPES
        and PARTY_AFTER.match(body, start + len(text))
    ):
        text, label = body[start : start + len(text) + len(" party")], "ORG"  # "the Republican party"
    return Form(text, label, start, titled)


PLACE_WORDS = frozenset(
    "City Town Village County Bay Beach Heights Springs Valley Island Port Fort Saint St".split()
)
"""Words of place names that a first name may begin ("Santos City", "Grace Bay")."""


def _named_like_person(reading: Reading, text: str) -> bool:
    """Two or three capitalised words, the first a first name (`store.name_lexicon`) and
    the last none of the census, and no word a known place, a head word or a word the article writes in lower
    case: "Jean Cocteau", "Brock Wyatt Holt" (not "Morgan Stanley", "Georgia Tech")."""
    words = text.split()
    if not 2 <= len(words) <= 3 or known_type(text):
        return False
    for word in words:
        letters = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
        if not (word[:1].isupper() and letters.isalpha()) or word.lower() in reading.common:
            return False
        if known_type(word) or word in HEAD_TYPES or word in EVENT_HEADS or is_legal_suffix(word):
            return False
    if PLACE_WORDS.intersection(words):
        return False
    return is_first_name(words[0]) and not is_census_first_name(words[-1])


def _a_place_in_table(span: Span, text: str) -> bool:
    """A market's place heading a table's row ("Minneapolis 2.65 2.71") is still a place."""
    return bool(known_type(text)) or (span.label_ in ("GPE", "LOC") and not text.isupper())


def _in_work_title(reading: Reading, span: Span, tokens: list[Token]) -> bool:
    """ "Batman: Arkham VR", "Counter-Strike: Global Offensive": a name with a colon and a
    subtitle inside a sentence is the title of a work, not a person or organisation."""
    doc = reading.doc
    last = tokens[-1].i
    if last + 2 < len(doc) and doc[last + 1].text == ":" and doc[last + 2].text[:1].isupper():
        return span.start not in reading.firsts and not tokens[-1].whitespace_
    first = tokens[0].i
    before = doc[first - 2] if first >= 2 else None
    if before is not None and doc[first - 1].text == ":" and not before.whitespace_ and before.ent_type_:
        head = first - 2
        while head > 0 and doc[head].ent_iob_ == "I":
            head -= 1
        return head not in reading.firsts
    return False


def _with_first_name(reading: Reading, first: Token, start: int, text: str) -> tuple[int, str]:
    """ "Enver Solomon" where the model tagged only "Solomon": an untagged capitalised
    proper noun right before a person's name is their first name. Before a longer name
    that opens with a first name, it is a first name the parse joins to the name ("María"
    in "María Elena Fernandez-Miranda")."""
    if first.i == 0:
        return start, text
    before = reading.doc[first.i - 1]
    if len(text.split()) > 1 and not (
        is_first_name(before.text)
        and is_first_name(text.split()[0])
        and first.i <= before.head.i
        and before.head.idx < start + len(text)
    ):
        return start, text
    if (
        untagged_proper_word(before)
        and before.i not in reading.firsts
        and before.whitespace_ == " "
        and not split_title(before.text)[0]
    ):
        return before.idx, reading.body[before.idx : start + len(text)]
    return start, text


def _first_name_alone(text: str) -> bool:
    """One word, a first name of the census and no known place or organisation."""
    return " " not in text and is_census_first_name(text) and not known_type(text)


def _with_surname(reading: Reading, last: Token, start: int, text: str) -> str:
    """ "Michel Mayor" where the model tagged only "Michel": an untagged capitalised
    proper noun right after a lone first name, ending the name, is the surname."""
    doc = reading.doc
    if " " in text or last.i + 1 >= len(doc) or last.whitespace_ != " ":
        return text
    after = doc[last.i + 1]
    following = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if (
        untagged_proper_word(after)
        and after.text not in HEAD_TYPES
        and after.text not in EVENT_HEADS
        and (following is None or not following.text[:1].isupper())
    ):
        return reading.body[start : after.idx + len(after)]
    return text


def untagged_proper_word(token: Token) -> bool:
    """A capitalised proper noun of letters the model put in no entity ("Mayor", not
    "NATO" or "3D")."""
    return (
        token.pos_ == "PROPN"
        and token.text.isalpha()
        and token.text[:1].isupper()
        and not token.text.isupper()
        and not token.ent_type_
    )


CUT_WORD = re.compile(r"\w[\[\]]\w")
"""A bracket inside a word: an editor's insertion ("[W]e"), not a name's ("[Phil] Gramm" is)."""


def looks_like_name(text: str) -> bool:
    """Junk filter: numbers, amounts, single characters, lower-case fragments and words cut
    by an editor's square brackets ("[W]e") are no names."""
    if len(text) < 2 or not any(ch.isalpha() for ch in text) or AMOUNT.match(text) or CUT_WORD.search(text):
        return False
    return any(word[:1].isupper() for word in re.split(r"[\s-]+", text))
