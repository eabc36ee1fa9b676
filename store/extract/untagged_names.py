"""Names the model tagged nowhere, found from the words around them.

- **A title before a name.** A run of capitalised proper nouns that opens with a
  person's title and ends in a name ("with Major General Lafayette", "the protégé of
  Pope Damasus I") is that person.
- **A role noun before a name.** A proper noun in apposition to a noun for what a person
  does, or compounded with it ("the grammarian Aelius Donatus", "his publisher,
  Simrock"), is a person.
- **A place one goes to or lives in.** A proper noun that is the object of a place
  preposition after a verb of moving or dwelling ("moved south to Vichy", "was born in
  Randers", "travelled to Gaul", "settled in Trier") is a place.

Each only where the model put the words in no entity and no other form holds them; the
name's words are capitalised proper nouns the article never writes in lower case, none
of them a title, and no known place, organisation or head word ("Major League", "King
Street") says otherwise. A place is never a first name or the surname of a person the
article names ("moved to Jordan" when the article has Michael Jordan).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from store.extract.entity_spans import Form, Reading
from store.extract.entity_titles import is_role_word
from store.extract.name_heads import HEAD_TYPES, retype
from store.extract.names import is_title_word, known_type
from store.name_lexicon import is_first_name as is_listed_first_name
from store.person_names import HONORIFICS, POST_NOMINALS, is_first_name

PERSON_TITLES = HONORIFICS | frozenset(
    """
major lieutenant lt lt. admiral marshal brigadier sergeant commander corporal commodore
cardinal archbishop bishop deacon pastor
emperor empress tsar czar tsarina czarina kaiser sultan emir shah pharaoh
duke duchess marquis marquess earl count countess baron baroness viscount
""".split()
)
"""Titles only a person bears before their name (HONORIFICS and ranks, church offices,
monarchs and peers): a run that opens with one and ends in a name is a person."""
PLACE_PREPOSITIONS = frozenset({"to", "in", "at", "from", "near", "into"})
MOVING_VERBS = frozenset(
    """
move travel return go come settle live bear die emigrate immigrate flee escape relocate arrive
stay reside retire grow raise send exile banish sail fly journey march
""".split()
)
"""Verbs whose place preposition names a place ("moved to", "born in", "settled in")."""
FIRM_ROLES = frozenset(
    """
producer manufacturer maker supplier provider operator carrier developer distributor exporter
importer lender insurer retailer broker miner refiner shipper builder explorer owner buyer seller
publisher broadcaster designer brewer distiller grocer wholesaler investor partner member
""".split()
)
"""Nouns of what a person does that name a firm's business as often ("the Greek gas
producer Energean", "the publisher Faber"): no evidence of a person."""
REGNAL = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})


def untagged_names(reading: Reading, forms: list[Form]) -> list[Form]:
    """The forms of the three rules above (people with a title or a role noun, places
    after a verb of moving), none overlapping a given form or each other."""
    doc = reading.doc
    taken = _taken(doc, forms)
    surnames = {f.text.split()[-1] for f in forms if f.label == "PERSON" and " " in f.text}
    added: list[Form] = []
    for token in doc:
        if token.i in taken or not _free(token, reading):
            continue
        found = _titled(reading, token) or _with_role(reading, token) or _moved_to(reading, token, surnames)
        if found is None:
            continue
        start, end, label = found
        if taken.isdisjoint(range(start, end)):
            span = doc[start:end]
            added.append(Form(span.text, label, span.start_char))
            taken.update(range(start, end))
    return added


def _taken(doc: Doc, forms: list[Form]) -> set[int]:
    taken: set[int] = set()
    for form in forms:
        span = doc.char_span(form.start, form.end, alignment_mode="expand")
        if span is not None:
            taken.update(range(span.start, span.end))
    return taken


def _free(token: Token, reading: Reading) -> bool:
    """A capitalised proper noun the model left out of every entity, that the article never
    writes in lower case and that is no title."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and not token.text.isupper()
        and token.text.replace("-", "").replace("'", "").isalpha()
        and not token.ent_type_
        and token.lower_ not in reading.common
        and not is_title_word(token.text)
        and token.text not in POST_NOMINALS
    )


def _name_run(reading: Reading, first: int) -> int:
    """The end of the run of free proper nouns from token `first` (a regnal number ends it:
    "Damasus I")."""
    doc = reading.doc
    end = first
    while end < len(doc) and _free(doc[end], reading) and (end == first or doc[end - 1].whitespace_ == " "):
        end += 1
        hyphen = end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
        if hyphen and not doc[end].whitespace_ and _free(doc[end + 1], reading):
            end += 2  # "Kilroy-Silk"
    if end > first and end < len(doc) and doc[end].text in REGNAL and doc[end - 1].whitespace_ == " ":
        end += 1
    return end


def _name_ok(text: str) -> bool:
    words = text.split()
    return not known_type(text) and words[-1] not in HEAD_TYPES and retype(text, "PERSON") == "PERSON"


def _titled(reading: Reading, token: Token) -> tuple[int, int, str] | None:
    """ "Major General Lafayette": title words right before a run of free proper nouns."""
    doc = reading.doc
    start = token.i
    while (
        start > 0
        and doc[start - 1].lower_ in PERSON_TITLES
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].whitespace_ == " "
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    if start == token.i:
        return None
    end = _name_run(reading, token.i)
    if not _name_ok(doc[token.i : end].text):
        return None
    return token.i, end, "PERSON"


def _is_role(noun: Token) -> bool:
    word = noun.lower_
    if noun.pos_ not in ("NOUN", "ADJ") or not noun.is_lower or word in FIRM_ROLES:
        return False  # ("the rhetorician X" may be parsed as an adjective)
    return is_role_word(word)


def _with_role(reading: Reading, token: Token) -> tuple[int, int, str] | None:
    """ "the grammarian Aelius Donatus", "his publisher, Simrock": a name that a role noun
    heads (in apposition or as its compound)."""
    doc = reading.doc
    if token.i == 0 or not _is_role(doc[token.i - 1]) and not (
        token.i > 1 and doc[token.i - 1].text == "," and _is_role(doc[token.i - 2])
    ):
        return None
    end = _name_run(reading, token.i)
    root = doc[end - 1] if doc[end - 1].text not in REGNAL else doc[end - 2]
    role = doc[token.i - 1] if doc[token.i - 1].text != "," else doc[token.i - 2]
    heads = (root.dep_ == "appos" and root.head.i == role.i) or (
        role.dep_ in ("compound", "amod") and role.head.i == root.i
    )
    if not heads or not _name_ok(doc[token.i : end].text):
        return None
    return token.i, end, "PERSON"


def _moved_to(reading: Reading, token: Token, surnames: set[str]) -> tuple[int, int, str] | None:
    """ "moved south to Vichy", "born in Randers": a place a verb of moving governs."""
    doc = reading.doc
    end = _name_run(reading, token.i)
    root = doc[end - 1]
    if token.i == 0 or doc[token.i - 1].lower_ not in PLACE_PREPOSITIONS:
        return None
    preposition = doc[token.i - 1]
    if root.dep_ != "pobj" or root.head.i != preposition.i:
        return None
    verb = preposition.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in MOVING_VERBS:
        return None
    text = doc[token.i : end].text
    words = text.split()
    if known_type(text) not in (None, "GPE", "LOC") or words[-1] in HEAD_TYPES:
        return None
    if is_first_name(words[0]) or is_listed_first_name(words[0]) or words[-1] in surnames:
        return None  # "moved to Jordan" beside Michael Jordan, "went to Lincoln"
    return token.i, end, known_type(text) or "GPE"
