"""Names the corpus knows, found where the model missed them.

The model tags a name in one article and misses it in the next ("Wikinews interviewed
…" at the start of a paragraph, a small organisation it has never seen). Once articles
are extracted together (`newsdesk extract` on many files, an import batch,
`newsdesk reextract`), the names they agree on are looked for in every article of the
batch, and an occurrence the article's own entities do not cover becomes a mention of
that entity (a new one of the article when it had none). In the headline ("Wikinews
interviews …", where the model sees a sentence's first word) it makes the entity the
article's, named there, as the headline's names always are. A name counts when:

- at least `MIN_ARTICLES` other articles have it, all under one type;
- it is no single-word person's name: a surname or a first name alone names different
  people in different articles ("Bush"); full names ("Boris Johnson") do count;
- a one-word name is never written in lower case anywhere in the batch ("Reading",
  "Bath" and "Apple" are words too);
- the occurrence is written as the name is (case and all), as whole words, and is not
  part of a longer capitalised name ("New York" in "New York Times") or of a hyphenated
  modifier ("pro-Beijing").

One pass over each article's words (a dictionary lookup per word), so the cost grows
with the text, not with the number of names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from store.extract.digest import extraction_digest
from store.extract.names import is_title_word
from store.models import Article, Entity, Mention
from store.numbering import HEADLINE

MIN_ARTICLES = 2
"""Other articles that must have a name as an entity before it is looked for elsewhere."""
COARSE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "NORP": "NORP"}
WORD = re.compile(r"\w+")
WORD_CHAR = re.compile(r"\w")
CAPITALISED_WORD = re.compile(r"[A-Z]\w*")
CAPITALISED_BEFORE = re.compile(r"(?<![\w'’-])([A-Z]\w*) $")
SENTENCE_WORDS = frozenset(
    "In At On For From To By With As When After Before But And Then While If Since Under Over Of Like".split()
)
"""Capitalised words before a name that start a sentence rather than a longer name."""


@dataclass
class KnownName:
    """One surface form the batch's entities wrote, and who wrote it (here and in
    store.extract.within_names)."""

    articles: set[int] = field(default_factory=set)
    owners: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(entity name, type) of the entities carrying the form, counted by article."""
    kinds: set[str] = field(default_factory=set)
    """The coarse types (`COARSE`) of every entity carrying the form."""

    def add(self, index: int, entity: Entity) -> None:
        """Article `index` gives the form as `entity` (its first such entity is the owner)."""
        if index not in self.articles:
            self.articles.add(index)
            self.owners[(entity.name, entity.type)] += 1


def propagate_names(articles: list[Article]) -> int:
    """Add the mentions of names known elsewhere in `articles` (in place); returns how
    many mentions were added. Each changed article's extraction digest is renewed."""
    names = _known_names(articles)
    if not names:
        return 0
    by_first: dict[str, list[str]] = {}
    for form in sorted(names, key=len, reverse=True):
        first = WORD.match(form)
        if first is not None and first.start() == 0:
            by_first.setdefault(first.group(0), []).append(form)
    single = {form.lower(): form for form in names if " " not in form}
    in_lower: set[str] = set()
    found: list[tuple[int, str, int, int, int]] = []  # article, form, paragraph, start, end
    for index, article in enumerate(articles):
        own = {alias for e in article.entities for alias in e.aliases} | {e.name for e in article.entities}
        taken = _taken(article)
        pieces = [(HEADLINE, article.title)] + [(n, p.text) for n, p in enumerate(article.paragraphs)]
        for number, text in pieces:
            done = 0
            for word in WORD.finditer(text):
                token = word.group(0)
                if token in single and token != single[token]:
                    in_lower.add(single[token])  # "reading" makes "Reading" a word
                at = word.start()
                if at < done or token not in by_first:
                    continue
                for form in by_first[token]:
                    end = at + len(form)
                    if not text.startswith(form, at) or (end < len(text) and WORD_CHAR.match(text, end)):
                        continue
                    done = end
                    others = len(names[form].articles - {index})
                    if form in own or others < MIN_ARTICLES:
                        break  # the article's own name (its entities found it), or too few others
                    if _inside_longer_name(text, at, end) or _overlaps(taken.get(number, []), at, end):
                        break
                    found.append((index, form, number, at, end))
                    break
    added = 0
    changed: set[int] = set()
    for index, form, number, at, end in found:
        if form in in_lower and " " not in form:
            continue
        article = articles[index]
        (name, kind), _ = names[form].owners.most_common(1)[0]
        entity = next((e for e in article.entities if e.name == name and e.type == kind), None)
        if entity is None:
            entity = Entity(name=name, type=kind, aliases=[], mentions=[])
            article.entities.append(entity)
        if form not in entity.aliases:
            entity.aliases.append(form)
        changed.add(index)
        if number == HEADLINE:
            continue  # a headline's names are found where they are shown (`text_mentions`)
        entity.mentions.append(Mention(number, at, end))
        added += 1
    for index in changed:
        for entity in articles[index].entities:
            entity.mentions.sort(key=lambda m: (m.paragraph, m.start))
        articles[index].extraction_digest = extraction_digest(articles[index])
    return added


def _known_names(articles: list[Article]) -> dict[str, KnownName]:
    """The forms the batch's entities wrote that may be looked for in other articles."""
    names: dict[str, KnownName] = {}
    for index, article in enumerate(articles):
        for entity in article.entities:
            kind = COARSE.get(entity.type)
            if kind is None or entity.only_within:
                continue  # a name only inside a longer one is no evidence of the name alone
            for form in dict.fromkeys([entity.name, *entity.aliases]):
                if not _looks_for(form, kind):
                    continue
                record = names.setdefault(form, KnownName())
                record.add(index, entity)
                record.kinds.add(kind)
    return {
        form: record
        for form, record in names.items()
        if len(record.articles) >= MIN_ARTICLES and len(record.kinds) == 1
    }


def _looks_for(form: str, kind: str) -> bool:
    words = form.split()
    if not words or not all(w[:1].isupper() or w in ("of", "the", "and", "de", "for") for w in words):
        return False
    if not words[0][:1].isupper() or len(form) < 3 or not any(ch.isalpha() for ch in form):
        return False
    if kind == "PERSON" and len(words) < 2:
        return False  # a surname or first name alone is many people across a corpus
    return not is_title_word(words[0]) and not is_title_word(words[-1])


def _inside_longer_name(text: str, at: int, end: int) -> bool:
    """ "New York" in "New York Times", "Labour" in "Scottish Labour": a capitalised word
    right before (other than a sentence's "In", "At" …) or right after makes a longer name."""
    if text[at - 1 : at] == "-" or text[end : end + 1] == "-":
        return True  # "pro-Beijing", "Chinese-American", "African- and Asian-American"
    after = CAPITALISED_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if after is not None:
        return True
    before = CAPITALISED_BEFORE.search(text, max(0, at - 40), at) if at > 0 else None
    return before is not None and before.group(1) not in SENTENCE_WORDS


def _taken(article: Article) -> dict[int, list[tuple[int, int]]]:
    taken: dict[int, list[tuple[int, int]]] = {}
    for entity in article.entities:
        for mention in entity.mentions:
            taken.setdefault(mention.paragraph, []).append((mention.start, mention.end))
    return taken


def _overlaps(spans: list[tuple[int, int]], at: int, end: int) -> bool:
    return any(s < end and at < e for s, e in spans)
