"""Capitalised common words the model takes for names, told by an English lexicon and the syntax.

Writers capitalise common nouns for emphasis, in lists of aims, in song lines and at the
start of a sentence, and the model tags them: "I took the Oath to our Constitution … it
was an Oath to ALL of our people", "Ivy League elites and Professors", "Customs cannot
check what a scientist has in his mind". A name whose every word the lexicon lists only
in lower case (`store.word_lexicon`: "oath", "professor"; not "Virginia", "Bush") is
still often a real name ("the Royal Society", "Labour", "Creative Commons"), so the
lexicon alone drops nothing. It takes one of these too:

- an indefinite article heads its phrase ("an Oath", "a Hybrid Organization", "a unique
  Pilot Training Program"): a name takes none (not "a Creative Commons license", where
  the name only modifies the noun);
- it opens with a superlative and is what one is nominated for or wins ("a nomination
  for Best Actor", "won Best Actor"): an award's category;
- with no head word ("Pilot Training School" stays), it is a plural listed with a
  common noun in lower case ("Ivy League elites and Professors", "Genesis chips,
  Meteorites, and Interplanetary Dust Particles"; not "Rangers and Celtic", nor "the far
  right organization Proud Boys");
- with no head word, the article writes it once, as the first word of a sentence, where any word has a
  capital ("Customs cannot check", "Normalcy returned"), and nothing there reads it as a
  name: no name beside it in a list ("Apple and Google"), no verb of saying it is the
  subject of ("Cons Gold said"), no region after a comma ("Valley Cottage, N.Y.").

An acronym is a common noun's too where the article spells it out in lower case before
it in brackets ("the source text (ST)").

A name with a first name, a gazetteer entry, an acronym, or that is part of a longer
name of the article ("Shell" beside "Royal Dutch Shell") is kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from store.extract.cues import is_cue
from store.extract.name_heads import HEAD_TYPES, head_word
from store.extract.names import known_type
from store.name_lexicon import is_first_name
from store.word_lexicon import is_common_word, is_plural_noun, is_superlative

if TYPE_CHECKING:
    from spacy.tokens import Span

    from store.extract.entity_spans import Form, Reading

INNER_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "or", "to", "&"})
"""Small words a phrase of common words may hold inside ("Peace and Security")."""
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
INDEFINITE = frozenset({"a", "an"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
"""A phrase in these relations modifies a noun after it ("a Creative Commons license")."""
PRIZE_VERBS = frozenset({"win", "earn", "receive", "take", "scoop", "collect"})
ACRONYM = re.compile(r"[A-Z]{2,5}")
OPENERS = re.compile(r"[\"'“‘(\[]+")
REGION_AFTER = re.compile(r", [A-Z]")
SENTENCE_END = re.compile(r"[.!?]+|\s*\n\s*")


def without_common_words(reading: Reading, forms: list[Form]) -> list[Form]:
    """`forms` less the capitalised common words and phrases (module docstring)."""
    texts: dict[str, set[str]] = defaultdict(set)
    for form in forms:
        texts[form.text].add(form.label)
    dropped = {
        text
        for text, labels in texts.items()
        if labels <= LABELS
        and (
            (
                _common_words(text)
                and not any(text != other and f" {text} " in f" {other} " for other in texts)
                and _reads_common(reading, text)
            )
            or _abbreviates_common(reading.body, text)
        )
    }
    return [f for f in forms if f.text not in dropped]


def _abbreviates_common(body: str, text: str) -> bool:
    """An acronym the article gives in brackets after the lower-case words it spells:
    "an understanding of the source text (ST)" abbreviates a common noun."""
    if not ACRONYM.fullmatch(text):
        return False
    words = r"\s+".join([r"([a-z][\w-]*)"] * len(text))
    for match in re.finditer(rf"(?<![\w-]){words}\s+\({text}\)", body):
        if "".join(word[0] for word in match.groups()) == text.lower():
            return True
    return False


def _common_words(text: str) -> bool:
    """Every word common in the lexicon, with no first name or gazetteer entry."""
    words = text.split()
    if words[0].lower() in INNER_WORDS or words[-1].lower() in INNER_WORDS:
        return False
    if not all(w.lower() in INNER_WORDS or is_common_word(w) or is_superlative(w) for w in words):
        return False
    return not (known_type(text) or is_first_name(words[0]))


def _reads_common(reading: Reading, text: str) -> bool:
    """The article gives `text` the article, the plural or the sentence start of a common noun."""
    spans = list(reading.name_spans(text))
    if not spans:
        return False
    if any(_indefinite(span) for span in spans):
        return True  # "an Oath", "a Hybrid Organization"
    if is_superlative(text.split()[0]) and any(_prized(span) for span in spans):
        return True  # "a nomination for Best Actor": an award's category
    if head_word(text) in HEAD_TYPES:
        return False  # "Pilot Training School"
    if is_plural_noun(text.split()[-1]) and any(_listed_with_noun(span) for span in spans):
        return True  # "Ivy League elites and Professors", "Genesis chips, Meteorites, and …"
    # at a sentence's start only the first capital is the sentence's: "Amnesty International"
    # keeps a capital of its own, "Customs cannot check" none
    if " " in text or len(spans) != 1:
        return False
    return _opens_sentence(reading, spans[0]) and not _named_there(reading, spans[0])


def _indefinite(span: Span) -> bool:
    """"a"/"an" before the phrase, which heads its noun phrase ("an Oath to ALL of our people")."""
    root = span.root
    if root.dep_ in MODIFIER_DEPS or root.i != span.end - 1:
        return False
    return any(c.dep_ == "det" and c.lower_ in INDEFINITE and c.i < span.start for c in root.children)


def _prized(span: Span) -> bool:
    """The phrase is what one is nominated for or wins ("a nomination for Best Actor",
    "won Best Actor")."""
    root, doc = span.root, span.doc
    if span.start > 0 and doc[span.start - 1].lower_ == "for":
        return True
    return root.dep_ == "dobj" and root.head.lemma_ in PRIZE_VERBS


def _opens_sentence(reading: Reading, span: Span) -> bool:
    """The phrase is the first word of its sentence (after a full stop, a paragraph break or
    the start of the text, and any quotation mark or bracket that opens it)."""
    doc, first = reading.doc, span.start
    while first > 0 and OPENERS.fullmatch(doc[first - 1].text):
        first -= 1
    return first == 0 or bool(SENTENCE_END.fullmatch(doc[first - 1].text))


def _named_there(reading: Reading, span: Span) -> bool:
    """The words around the phrase read it as a name: it is coordinated with a capitalised
    word ("Apple and Google"), says something ("Cons Gold said") or has a region after a
    comma ("Valley Cottage, N.Y.")."""
    root = span.root
    if any(partner.text[:1].isupper() for partner in root.conjuncts):
        return True
    if root.dep_ in ("nsubj", "nsubjpass") and is_cue(root.head):
        return True
    return bool(REGION_AFTER.match(reading.body, span.end_char))


def _listed_with_noun(span: Span) -> bool:
    """The phrase is coordinated with a common noun in lower case ("elites and Professors")."""
    return any(partner.is_lower and partner.pos_ == "NOUN" for partner in span.root.conjuncts)
