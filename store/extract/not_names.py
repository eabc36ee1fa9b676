"""Capitalised words that name nothing: common phrases and words, plural marks, epithets.

The model takes capitals for names. Five kinds of capitals are not:

- a phrase the article also writes in lower case: "Conservation of Energy" beside "the
  conservation of energy". The capitals are the writer's emphasis. Each word written in
  lower case somewhere is no evidence: companies are named with common words ("the
  Farmers Daily said"). A head word ("Security Council"), a first name or a gazetteer
  entry keeps a name;
- a noun with "(s)" after it: "Spouse(s)", "Virginia Governor(s)", a form's label;
- the epithet after a person's name: "Peter the Great", "Theodore the Sanctified";
- a one-word "person" the article writes in lower case: "Normalcy returned" (not a
  first name, nor a word of a person named in full);
- an acronym in the plural: "43 RBIs", "three MPs", "NGOs".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from store.extract.name_heads import HEAD_TYPES, head_word
from store.extract.names import known_type
from store.mention_scan import name_matches
from store.name_lexicon import is_first_name

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from store.extract.entity_spans import Form, Reading

PLURAL_MARK = re.compile(r"\(s\)")


def common_phrase(text: str, body: str, common: set[str]) -> bool:
    """A phrase of two or more words that the article also writes in lower case as a
    whole ("Conservation of Energy" beside "the conservation of energy"), with no head
    word, no first name and no gazetteer entry. `common` holds the words the article
    writes in lower case: the body is searched only for a phrase whose words are all there."""
    words = text.split()
    if len(words) < 2 or any(w.lower() not in common for w in words):
        return False
    if known_type(text) or head_word(text) in HEAD_TYPES or is_first_name(words[0]):
        return False
    return any(name_matches(body, text.lower(), hyphen_joined=True))


def plural_marked(body: str, start: int, end: int) -> bool:
    """A noun with its plural in brackets ("Spouse(s)"): a label, not a name."""
    return bool(PLURAL_MARK.match(body, end)) or body[start:end].endswith("(s")


def epithet(doc: Doc, first: int, size: int, label: str) -> bool:
    """One word the model calls a person after a person's name and "the": their epithet
    ("Peter the Great"; not "In the Hague", nor "told Smith the Fed would")."""
    if label != "PERSON" or size != 1 or first < 2 or doc[first - 1].lower_ != "the":
        return False
    before = doc[first - 2]
    return before.pos_ == "PROPN" and (before.ent_type_ == "PERSON" or is_first_name(before.text))


def without_common_people(reading: Reading, forms: list[Form]) -> list[Form]:
    """`forms` less the one-word "people" the article writes in lower case ("Order",
    "Normalcy", "Character"): a capital at the start of a sentence or a heading. A first
    name ("Will", "Rose") or a word of a person the article names in full ("Brown" after
    "Gordon Brown") stays."""
    named = {word for f in forms if f.label == "PERSON" and " " in f.text for word in f.text.split()}
    return [
        f
        for f in forms
        if not (
            f.label == "PERSON"
            and " " not in f.text
            and f.text.lower() in reading.common
            and f.text not in named
            and not is_first_name(f.text)
        )
    ]


ACRONYM = re.compile(r"[A-Z]{2,5}")


def plural_acronym(body: str, text: str) -> bool:
    """An acronym the article writes in the plural ("43 RBIs", "three MPs", "NGOs"): a
    common noun's short form, not a name, also where it stands in the singular ("3 RBI")."""
    if not ACRONYM.fullmatch(text):
        return False
    return re.search(rf"(?<![\w&.-]){text}s(?![\w&-])", body) is not None
