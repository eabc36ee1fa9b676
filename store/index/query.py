"""The query language: Whoosh's parser plus checks that explain a bad query.

Words are stemmed and searched in the passages (headline, standfirst and
paragraphs; a headline, and a passage holding a quote, weigh more); `"phrases"`, `AND OR NOT ( )`, `-word`,
`word*`, `word~`, and the fields `speaker:`, `entity:`, `title:`, `source:`,
`date:`, `kind:`, `text:`, `quote:`. Names in `entity:`/`speaker:` are looked up
among every alias in the corpus (`entity:Kerry` finds John Kerry).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from whoosh import query as wq
from whoosh.qparser import AndGroup, FuzzyTermPlugin, PlusMinusPlugin, QueryParser
from whoosh.qparser.plugins import EveryPlugin
from whoosh.support.levenshtein import distance
from whoosh.util.times import long_to_datetime

from store.hits import QueryError
from store.index.filters import lift_article_fields
from store.index.notebook_filter import NOTEBOOK_FIELDS, add_notebook_fields
from store.index.registry import EntityRegistry
from store.index.schema import META_PREFIX, USER_FIELDS, make_query_schema, word_analyzer

MAX_QUERY = 1000
"""Longest query accepted, in characters."""
KINDS = ("title", "standfirst", "text", "heading", "caption", "quote", "lead")

_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]\w*):")
_WORD = re.compile(r"[^\s()\[\]{}]+")


def check_query(text: str, meta_fields: tuple[str, ...] = ()) -> None:
    """Raise QueryError saying what is wrong and where; None when the query can be parsed.
    `meta_fields` are the articles' meta keys the index holds (`category`)."""
    if len(text) > MAX_QUERY:
        raise QueryError(
            text, f"the query is {len(text):,} characters long; the limit is {MAX_QUERY:,}", MAX_QUERY
        )
    for position, char in enumerate(text):
        if unicodedata.category(char) == "Cc" and char not in "\t\n\r":
            raise QueryError(
                text, f"control character U+{ord(char):04X} at position {position + 1}; remove it", position
            )
    outside = _check_brackets(text)
    _check_operators(text, outside)
    for match in _FIELD.finditer(outside):
        name = match.group(1)
        if name not in USER_FIELDS + NOTEBOOK_FIELDS and _meta_field(name, meta_fields) is None:
            known = [
                f + ":"
                for f in USER_FIELDS + NOTEBOOK_FIELDS + tuple(k for k in meta_fields if k not in USER_FIELDS)
            ]
            raise QueryError(
                text,
                f"unknown field {name!r} at position {match.start() + 1}; fields are {', '.join(known)}",
                match.start(),
            )
        after = text[match.end() : match.end() + 1]
        if after == "" or after.isspace() or after == ")":
            raise QueryError(
                text,
                f"{name}: at position {match.start() + 1} has nothing after it; "
                f"write a value, e.g. {name}:{_EXAMPLES.get(name, 'kerry')}",
                match.start(),
            )
        if name == "date":
            _check_date(text, match.end())
    for match in _WORD.finditer(outside):
        word = match.group()
        value = word.lstrip("+-")
        value = value.split(":", 1)[1] if _FIELD.match(value) else value
        start = match.start() + len(word) - len(value)
        if value and set(value) <= {"*", "?"}:
            raise QueryError(
                text,
                f"a lone {value} at position {start + 1} would match everything; "
                "put at least two letters before it, e.g. negot*",
                start,
            )
        if value[:1] in ("*", "?"):
            raise QueryError(
                text, f"{value!r} at position {start + 1}: a word cannot start with * or ?", start
            )
        star = min((i for i in (value.find("*"), value.find("?")) if i >= 0), default=-1)
        if 0 <= star < 2:
            raise QueryError(
                text,
                f"{value!r} at position {start + 1}: put at least two letters before {value[star]}",
                start,
            )


_OPERATOR = re.compile(r"[()]|[^\s()]+")
_BINARY = {"AND", "OR", "ANDNOT", "ANDMAYBE"}


def _check_operators(text: str, outside: str) -> None:
    """AND, OR and NOT need a word (or a group) where they point: `NOT NOT NOT`, `kerry
    AND` or `OR assad` say so here instead of failing inside Whoosh's parser."""
    located = [(m.group(), m.start()) for m in _OPERATOR.finditer(outside)]
    for i, (token, position) in enumerate(located):
        if token not in _BINARY and token != "NOT":
            continue
        after = located[i + 1][0] if i + 1 < len(located) else None
        before = located[i - 1][0] if i > 0 else None
        if token == "NOT" and after == "NOT":
            raise QueryError(
                text, f"NOT NOT at position {position + 1} cancels itself out; remove both", position
            )
        if token == "NOT" and (after is None or after in _BINARY or after in ("NOT", ")")):
            raise QueryError(
                text,
                f"NOT at position {position + 1} has nothing to leave out; "
                "write NOT and a word, e.g. NOT kerry",
                position,
            )
        if token in _BINARY and (before is None or before in _BINARY or before in ("NOT", "(")):
            raise QueryError(
                text,
                f"{token} at position {position + 1} has nothing before it; write a word on each side, "
                f"e.g. kerry {token} assad",
                position,
            )
        if token in _BINARY and (after is None or after in _BINARY or after == ")"):
            raise QueryError(
                text,
                f"{token} at position {position + 1} has nothing after it; write a word on each side, "
                f"e.g. kerry {token} assad",
                position,
            )


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_RANGE = re.compile(r"\[\s*(\S*?)\s*\bto\b\s*(\S*?)\s*\]", re.IGNORECASE)
_DASHED_DATE = re.compile(r"(?<![\w.])date:(\d{4})-(\d{2})(?:-(\d{2}))?")


def _check_date(text: str, start: int) -> None:
    """`date:` takes YYYY, YYYY-MM, YYYY-MM-DD or a range [FROM to TO]."""
    rest = text[start:]
    if rest.startswith("["):
        found = _RANGE.match(rest)
        if not found:
            raise QueryError(
                text, f"a date range at position {start + 1} is written [2019-01 to 2019-06]", start
            )
        values = [(found.group(1), start + found.start(1)), (found.group(2), start + found.start(2))]
    else:
        value = re.match(r"[^\s()]*", rest).group()  # type: ignore[union-attr]
        values = [(value, start)]
    for value, position in values:
        if not value and rest.startswith("["):
            continue  # an open end: [2019 to]
        parts = _DATE.fullmatch(value)
        month = int(parts.group(2) or 1) if parts else 0
        day = int(parts.group(3) or 1) if parts else 0
        if not parts or not 1 <= month <= 12 or not 1 <= day <= 31:
            raise QueryError(
                text,
                f"date:{value} at position {position + 1} is not a date; write 2019, 2019-06 or 2019-06-01",
                position,
            )


_EXAMPLES = {
    "speaker": "kerry",
    "entity": '"John Kerry"',
    "date": "2019 or date:[2019-01 to 2019-06]",
    "kind": "quote",
    "source": "reuters",
    "title": "assad",
    "is": "starred",
    "collection": '"Syria piece"',
}


def _check_brackets(text: str) -> str:
    """Check quotes, parentheses and range brackets; return the text with quoted parts blanked."""
    stack: list[tuple[str, int]] = []
    blanked = []
    quote_at: int | None = None
    for position, char in enumerate(text):
        if quote_at is not None:
            if char == '"':
                quote_at = None
                blanked.append(char)
            else:
                blanked.append(" ")
            continue
        blanked.append(char)
        if char == '"':
            quote_at = position
        elif char in "([":
            stack.append((char, position))
        elif char in ")]":
            opener = "(" if char == ")" else "["
            if not stack or stack[-1][0] != opener:
                raise QueryError(
                    text,
                    f"{char} at position {position + 1} closes nothing; remove it or add {opener}",
                    position,
                )
            stack.pop()
    if quote_at is not None:
        raise QueryError(
            text, f'the quotation mark at position {quote_at + 1} is never closed; add a closing "', quote_at
        )
    if stack:
        char, position = stack[-1]
        closer = ")" if char == "(" else "]"
        raise QueryError(text, f"{char} at position {position + 1} is never closed; add {closer}", position)
    return "".join(blanked)


def _meta_field(name: str, meta_fields: tuple[str, ...]) -> str | None:
    """The index field of a meta key typed in a query (`category` -> meta_category)."""
    key = name.removeprefix(META_PREFIX)
    if key in meta_fields and (name != key or name not in USER_FIELDS + NOTEBOOK_FIELDS):
        return META_PREFIX + key
    return None


def _meta_names(text: str, meta_fields: tuple[str, ...]) -> str:
    """`category:sport` -> `meta_category:sport` outside quoted phrases."""
    if not meta_fields:
        return text
    outside = _check_brackets(text)
    parts: list[str] = []
    last = 0
    for match in _FIELD.finditer(outside):
        field = _meta_field(match.group(1), meta_fields)
        if field is not None and field != match.group(1):
            parts += [text[last : match.start(1)], field]
            last = match.end(1)
    return "".join(parts) + text[last:]


class QueryBuilder:
    """Parses query text into a Whoosh query against the passage schema."""

    def __init__(self) -> None:
        parser = QueryParser("text", add_notebook_fields(make_query_schema()), group=AndGroup)
        parser.remove_plugin_class(EveryPlugin)
        parser.add_plugin(PlusMinusPlugin())
        parser.add_plugin(FuzzyTermPlugin())
        self.parser = parser

    def parse(
        self, text: str, registry: Callable[[], EntityRegistry], meta_fields: tuple[str, ...] = ()
    ) -> wq.Query:
        """The Whoosh query for `text`; `registry` is called only when names must be looked up."""
        check_query(text, meta_fields)
        cleaned = _meta_names(re.sub(r"[\t\n\r]", " ", text), meta_fields)
        # date:2019-06 would read as date:2019 NOT 06; Whoosh drops the dashes anyway
        cleaned = _DASHED_DATE.sub(lambda m: "date:" + "".join(g for g in m.groups() if g), cleaned)
        try:
            parsed = self.parser.parse(cleaned)
        except Exception as exc:  # the parser's own errors are not user-friendly; say it plainly
            raise QueryError(text, f"cannot read the query: {exc}") from None
        problem = _first_error(parsed)
        if problem:
            raise QueryError(text, problem)
        if parsed is wq.NullQuery:
            raise QueryError(text, _all_stop_words(text))
        return lift_article_fields(_resolve_names(parsed, text, registry))


def _all_stop_words(text: str) -> str:
    """Why a query that parsed to nothing finds nothing: its words are all too common
    (or too short) to be indexed."""
    analyzer = word_analyzer()
    dropped = [
        word
        for word in re.findall(r"\w+", _FIELD.sub(" ", text))
        if word not in ("AND", "OR", "NOT") and not list(analyzer(word.lower(), mode="query"))
    ]
    shown = ", ".join(f"“{word}”" for word in dict.fromkeys(w.lower() for w in dropped))
    verb = "is" if len(set(w.lower() for w in dropped)) == 1 else "are"
    return (
        f"{shown or 'the query'} {verb} too common (or too short) to be indexed, so nothing can match; "
        "add a rarer word or a name, e.g. the ceasefire"
    )


def _first_error(q: wq.Query) -> str | None:
    error = getattr(q, "error", None)
    if error:
        field = getattr(q, "fieldname", None)
        if field == "date":
            return f"date: expects a date like 2019, 2019-06 or 2019-06-01 ({error})"
        return str(error)
    if not q.is_leaf():
        for child in q.children():
            found = _first_error(child)
            if found:
                return found
    return None


def _resolve_names(q: wq.Query, text: str, registry: Callable[[], EntityRegistry]) -> wq.Query:
    field = getattr(q, "fieldname", None)
    if field in ("entity", "speaker"):
        return _name_query(q, field, text, registry())
    if field == "date":
        return _date_query(q)
    if field == "kind" and isinstance(q, wq.Term) and q.text not in KINDS:
        raise QueryError(text, f"kind:{q.text} is not a passage kind; kinds are {', '.join(KINDS)}")
    if q.is_leaf():
        return q
    return q.apply(lambda child: _resolve_names(child, text, registry))


def _date_query(q: wq.Query) -> wq.Query:
    """A parsed date or date range as the fewest `day` terms that cover it: whole
    years, then whole months, then days (a range over thousands of distinct dates
    would otherwise be a union of thousands of terms)."""
    if isinstance(q, wq.Term):
        return wq.Term("day", "d" + q.text.strftime("%Y%m%d") if isinstance(q.text, datetime) else q.text)
    start = long_to_datetime(q.start).date() if q.start is not None else date(1900, 1, 1)
    end = long_to_datetime(q.end).date() if q.end is not None else date(2099, 12, 31)
    terms: list[str] = []
    day = start
    while day <= end and len(terms) < 2000:
        year_end = date(day.year, 12, 31)
        next_month = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        if day.month == 1 and day.day == 1 and year_end <= end:
            terms.append(f"y{day.year}")
            day = year_end + timedelta(days=1)
        elif day.day == 1 and next_month - timedelta(days=1) <= end:
            terms.append(f"m{day.year}{day.month:02d}")
            day = next_month
        else:
            terms.append(f"d{day:%Y%m%d}")
            day += timedelta(days=1)
    return wq.Or([wq.Term("day", term) for term in terms]) if terms else wq.NullQuery


def _name_query(q: wq.Query, field: str, text: str, registry: EntityRegistry) -> wq.Query:
    if isinstance(q, wq.Prefix):
        groups = registry.prefix(q.text)
    elif isinstance(q, wq.Term):
        groups = registry.lookup(q.text)
    elif isinstance(q, wq.Phrase):
        groups = registry.lookup(" ".join(q.words))
    else:
        raise QueryError(text, f'{field}: takes a name, e.g. {field}:kerry or {field}:"John Kerry"')
    if field == "entity":
        terms = [key for group in groups for key in group.keys]
    else:
        terms = [name for group in groups for name in group.speaker_terms]
    if not terms:
        return wq.NullQuery
    return wq.Or([wq.Term(field, term, boost=q.boost) for term in terms])


def estimate_matches(q: wq.Query, reader: Any) -> int:
    """Roughly how many passages match, without running the query."""
    total = reader.doc_count()
    if isinstance(q, wq.AndMaybe):
        return estimate_matches(q.a, reader)
    if isinstance(q, wq.AndNot):
        return estimate_matches(q.a, reader)
    if isinstance(q, wq.Not):
        return max(total - estimate_matches(q.query, reader), 0)
    if isinstance(q, wq.And):
        return min((estimate_matches(child, reader) for child in q.children()), default=0)
    if isinstance(q, wq.Or):
        return min(sum(estimate_matches(child, reader) for child in q.children()), total)
    try:
        return min(int(q.estimate_size(reader)), total)
    except Exception:
        return total


class FuzzyWords:
    """The words of a field grouped by first letter, to expand `word~` quickly.

    Whoosh expands a fuzzy term by walking the term list with a Python automaton,
    once for matching, again for highlighting and again for counting (300 ms a time
    at 1,000 articles). Here it is expanded once, against words of about the same
    length that share its first letters."""

    def __init__(self, reader: Any, fieldname: str) -> None:
        self.by_initial: dict[str, list[str]] = {}
        for btext in reader.lexicon(fieldname):
            word = btext.decode("utf-8")
            self.by_initial.setdefault(word[:1], []).append(word)

    def near(self, text: str, maxdist: int, prefixlength: int) -> list[str]:
        prefix = text[: max(prefixlength, 1)]
        return [
            word
            for word in self.by_initial.get(text[:1], [])
            if abs(len(word) - len(text)) <= maxdist
            and word.startswith(prefix)
            and distance(word, text, limit=maxdist) <= maxdist
        ]


def expand_fuzzy(q: wq.Query, words: Callable[[str], FuzzyWords]) -> wq.Query:
    """Replace each `word~` by the words within its edit distance (or nothing)."""
    if isinstance(q, wq.FuzzyTerm):
        near = words(q.fieldname).near(q.text, q.maxdist, q.prefixlength)
        if not near:
            return wq.NullQuery
        return wq.Or([wq.Term(q.fieldname, word, boost=q.boost) for word in near])
    if q.is_leaf():
        return q
    return q.apply(lambda child: expand_fuzzy(child, words))
