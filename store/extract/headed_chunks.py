"""Names the model cut short or missed, found by their head word: a run of capitalised
words ending in an organisation's or a place's head word ("Saudi Interior Ministry",
"Grand Mosque", "Plains of Arafat")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from store.extract.name_heads import HEAD_TYPES, head_word, retype

LEADING_DROP = frozenset("the a an this that these those his her its their our my your".split())
"""Words a name never begins with ("the Senate" is "Senate")."""
CHUNK_JOINERS = frozenset({"of", "for", "de", "al"})


def _capital(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def headed_chunks(runs: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
    """(text, type, body offset) of the runs of capitalised words (`capitalised_runs`)
    ending in an organisation or place head word.

    Finds what the model cut short or missed: "Saudi Interior Ministry", "Grand Mosque",
    "Plains of Arafat", "Joint Council for the Welfare of Immigrants".
    """
    return [
        (text, retype(text, HEAD_TYPES[head_word(text)]), start)
        for text, start in runs
        if head_word(text) in HEAD_TYPES
    ]


def capitalised_runs(doc: Doc, firsts: set[int]) -> list[tuple[str, int]]:
    """(text, body offset) of each run of two or more capitalised words, joined by "of",
    "for", "de", "al", "the" after those, or a hyphen ("Joint Council for the Welfare of
    Immigrants", "Comic-Con"); a sentence's first word only when it is a noun."""
    runs: list[tuple[str, int]] = []
    tokens = len(doc)
    i = 0
    while i < tokens:
        if not _capital(doc[i]) or doc[i].lower_ in LEADING_DROP:
            i += 1
            continue
        last = j = i
        while j + 1 < tokens:
            following = doc[j + 1]
            if _capital(following) and doc[j].whitespace_ != "\n":
                j = last = j + 1
            elif following.text == "-" and not doc[j].whitespace_ and j + 2 < tokens and _capital(doc[j + 2]):
                j += 1
            elif following.lower_ in CHUNK_JOINERS and doc[j].lower_ not in CHUNK_JOINERS:
                j += 1
            elif following.lower_ == "the" and doc[j].lower_ in CHUNK_JOINERS:
                j += 1
            else:
                break
        while i < last and i in firsts and doc[i].pos_ not in ("PROPN", "NOUN"):
            i += 1
        span = doc[i : last + 1]
        if len(span) > 1 and "\n" not in span.text:
            runs.append((span.text, span.start_char))
        i = last + 1
    return runs
