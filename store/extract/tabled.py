"""The English model's attribute ruler and lemmatizer, answered from tables.

Both components do per-token work in Python that depends only on a few attributes
of the token, and the same few values come back on every page:

- The attribute ruler (tag -> part of speech and morphology, plus exceptions by
  word and dependency) runs spaCy's Matcher with ~180 patterns over every token.
  Nearly all patterns are one token long, so a token's matches follow from the
  attributes those patterns read (here tag, dependency, lower case and "is space";
  a lower-case word no pattern names counts as any other). `TabledAttributeRuler`
  keeps the matches per combination, found by the stock Matcher on the first token
  that has it, and runs the stock Matcher only with the longer patterns. The match
  list, in the stock order, goes to the stock `set_annotations`.
- The rule lemmatizer's result depends on the token's text, part of speech and
  morphology (its own cache key), but it caches only part of its answers and
  visits each token through a Python `Token`. `TabledLemmatizer` keeps every answer
  per (text, part of speech, morphology) and reads and writes the lemmas as arrays.

The output is the stock components', token for token; `install` swaps them in only
where the loaded components are the stock ones in the configuration this assumes.
Together they took about a fifth of the parse time of the bundled articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.lang.en import English
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

RULER = "newsdesk_attribute_ruler"
LEMMATIZER = "newsdesk_lemmatizer"
_LEMMA_KEY = [ORTH, POS, MORPH, LEMMA]
_RULER_SCORER = {"@scorers": "spacy.attribute_ruler_scorer.v1"}
_LEMMATIZER_SCORER = {"@scorers": "spacy.lemmatizer_scorer.v1"}
_SIMPLE_STRING_OPS = frozenset({"IN", "NOT_IN", "REGEX"})

Match = tuple[int, int, int, int]
"""(pattern number, match id, start, end), as `AttributeRuler.match` gives them."""


class _Plan:
    """How one ruler's patterns are answered: which token attributes key the table,
    the Matchers for one-token and for longer patterns, and the table itself."""

    def __init__(self, ruler: AttributeRuler) -> None:
        vocab = ruler.vocab
        self.single = Matcher(vocab)
        self.longer: Matcher | None = None
        names: set[str] = set()
        lowers: set[str] = set()
        regexes: list[re.Pattern[str]] = []
        self.lower_simple = True
        self.answerable = True
        for number in range(len(ruler.attrs)):
            key = str(number)
            patterns = ruler.matcher.get(key)[1]
            if all(len(p) == 1 and "OP" not in p[0] for p in patterns):
                self.single.add(key, patterns)
                for pattern in patterns:
                    for name, value in pattern[0].items():
                        names.add(name.upper())
                        if name.upper() == "LOWER":
                            self._note_lower(value, lowers, regexes)
            else:
                if self.longer is None:
                    self.longer = Matcher(vocab)
                self.longer.add(key, patterns)
        if not names <= set(IDS) or "_" in names:
            self.answerable = False  # extension attributes or names to_array cannot read
        self.names = sorted(names)
        self.attr_ids = [IDS[name] for name in self.names]
        self.lower_column = self.names.index("LOWER") if "LOWER" in names and self.lower_simple else -1
        self.lowers = lowers
        self.regexes = regexes
        self.lower_class: dict[int, int] = {}
        self.table: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def _note_lower(self, value: Any, lowers: set[str], regexes: list[re.Pattern[str]]) -> None:
        if isinstance(value, str):
            lowers.add(value)
        elif isinstance(value, dict) and set(value) <= _SIMPLE_STRING_OPS:
            for op, argument in value.items():
                if op == "REGEX":
                    regexes.append(re.compile(argument))
                else:
                    lowers.update(argument)
        else:
            self.lower_simple = False  # another kind of test: key the table on every word

    def classify_lower(self, vocab: Any, lower: int) -> int:
        """The lower-case word itself if some pattern names it or its regex finds it, else 0:
        every test the patterns make on LOWER answers alike for all other words."""
        kind = self.lower_class.get(lower)
        if kind is None:
            text = vocab.strings[lower]
            named = text in self.lowers or any(r.search(text) for r in self.regexes)
            kind = self.lower_class[lower] = lower if named else 0
        return kind


class TabledAttributeRuler(AttributeRuler):
    """The stock attribute ruler, its one-token patterns answered per kind of token."""

    _plan: _Plan | None = None
    _planned_for: tuple[int, int] | None = None

    def match(self, doc: Doc) -> list[Match]:
        plan = self._current_plan()
        if not plan.answerable:
            return super().match(doc)  # type: ignore[no-any-return]
        strings = self.vocab.strings
        matches: list[Match] = []
        if len(doc):
            array: Any = doc.to_array(plan.attr_ids)
            rows: list[list[int]] = array.reshape(len(doc), -1).tolist()
            column = plan.lower_column
            table = plan.table
            for i, row in enumerate(rows):
                if column >= 0:
                    row[column] = plan.classify_lower(self.vocab, row[column])
                key = tuple(row)
                found = table.get(key)
                if found is None:
                    found = table[key] = [
                        (int(strings[m_id]), m_id)
                        for m_id, _, _ in plan.single(doc[i : i + 1], allow_missing=True)
                    ]
                for number, m_id in found:
                    matches.append((number, m_id, i, i + 1))
        if plan.longer is not None:
            for m_id, start, end in plan.longer(doc, allow_missing=True):
                matches.append((int(strings[m_id]), m_id, start, end))
        matches.sort()
        return matches

    def _current_plan(self) -> _Plan:
        """The plan for the patterns as they are now (rebuilt when patterns are added or cleared)."""
        state = (id(self.matcher), len(self.attrs))
        if self._plan is None or self._planned_for != state:
            self._plan = _Plan(self)
            self._planned_for = state
        return self._plan


class _WordIndex(list[str]):
    """A lemma index list (the words of one part of speech) that answers `in` from a set:
    the stock lemmatizer asks it of every candidate form, and the lists are long (57,528
    nouns), so each new word cost a linear scan."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._members


class TabledLemmatizer(EnglishLemmatizer):
    """The stock English rule lemmatizer, every answer kept per (text, part of speech,
    morphology), the lemmas read and written as arrays, the word index looked up in sets."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._indexed: Lookups | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.overwrite or self.mode != "rule" or not len(doc):
            return super().__call__(doc)  # type: ignore[no-any-return]
        if not self._validated:
            self._validate_tables()
        if self._indexed is not self.lookups:
            self._index_words()
        lemmas = self._lemmas
        strings = self.vocab.strings
        values = []
        changed = False
        rows: list[list[int]] = doc.to_array(_LEMMA_KEY).tolist()
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:
                key = (orth, pos, morph)
                known = lemmas.get(key)
                if known is None:
                    known = lemmas[key] = strings.add(self.lemmatize(doc[i])[0])
                lemma = known
                changed = True
            values.append(lemma)
        if changed:
            column: Any = numpy.asarray(values, dtype="uint64").reshape(-1, 1)
            doc.from_array([LEMMA], column)
        return doc

    def _index_words(self) -> None:
        """Lookups like the loaded ones, with each lemma index list a `_WordIndex`."""
        lookups = Lookups()
        for name in self.lookups.tables:
            table = self.lookups.get_table(name)
            if name == "lemma_index":
                indexed = Table(name=name)
                for key, words in table.items():
                    indexed[key] = _WordIndex(words) if isinstance(words, list) else words
                table = indexed
            lookups.set_table(name, table)
        self.lookups = self._indexed = lookups
        self._lemmas.clear()


@Language.factory(RULER, default_config={"validate": False, "scorer": _RULER_SCORER})
def make_tabled_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> TabledAttributeRuler:
    return TabledAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@English.factory(
    LEMMATIZER,
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False, "scorer": _LEMMATIZER_SCORER},
)
def make_tabled_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Callable[..., Any] | None
) -> TabledLemmatizer:
    return TabledLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def install(nlp: Language) -> list[str]:
    """Swap the stock attribute ruler and rule lemmatizer of `nlp` for their tabled
    equivalents, where they are the stock ones; the names of the components swapped."""
    swapped = []
    for name, component in list(nlp.pipeline):
        if type(component) is AttributeRuler:
            patterns = component.patterns
            config = {"validate": component.validate}
            ruler = nlp.replace_pipe(name, RULER, config=config)
            assert isinstance(ruler, TabledAttributeRuler)
            ruler.add_patterns(patterns)
            swapped.append(name)
        elif type(component) is EnglishLemmatizer and component.mode == "rule" and not component.overwrite:
            lookups = component.lookups
            lemmatizer = nlp.replace_pipe(name, LEMMATIZER, config={"mode": "rule", "overwrite": False})
            assert isinstance(lemmatizer, TabledLemmatizer)
            lemmatizer.initialize(lookups=lookups)
            swapped.append(name)
    return swapped
