"""The Whoosh schema of the passage index, defined once, with its version.

One Whoosh document per passage: the headline (paragraph -1, kind `title`), the
standfirst (paragraph -2, kind `standfirst`) and every body paragraph (0, 1, ...,
kind `text`, `heading` or `caption`). Entity and speaker names are indexed exactly as the
YAML files write them ("PERSON\\x1fJohn Kerry"); `aliases.yaml` and alias matching
are applied when the index is read (store.index.registry), so editing the alias
table never needs a rebuild.

Bump SCHEMA_VERSION whenever the schema or what goes into a field changes: an
index written with another version is rebuilt automatically.
"""

from __future__ import annotations

import errno
import pickle
import struct
import zlib
from pathlib import Path
from typing import Any

from whoosh import columns, fields, formats
from whoosh import index as windex
from whoosh.analysis import RegexTokenizer, SimpleAnalyzer
from whoosh.filedb.filestore import FileStorage

from store.index.analysis import WordAnalyzer
from store.index.codec import PostingsFormatError

SCHEMA_VERSION = 13
"""Version of the schema and of the document layout below (8: segments name
store.index.codec.PassageCodec as their codec; 9: the view columns entity_ids,
speaker_ids and source_id; 10: PassageCodec's posting blocks keep ids and weights
apart from positions; 11: a stored quote keeps its confidence and speaker_from; 12:
the headline and standfirst hold their mentions)."""

SEP = "\x1f"
"""Separates type, name and alias inside one name term."""
LIST_SEP = "\x1e"
"""Separates name terms inside one field value."""
NO_SPEAKER = "\x00"
"""Speaker term of a quote nobody is credited with (counted, never matched)."""

TITLE_PARAGRAPH = -1
STANDFIRST_PARAGRAPH = -2

USER_FIELDS = ("text", "title", "quote", "speaker", "entity", "source", "date", "kind")
"""Fields a user may type in a query (`speaker:kerry`); an article's `meta` keys too
(`category:sport`), each indexed as the field `meta_<key>` (META_PREFIX)."""
META_PREFIX = "meta_"


def name_field() -> fields.FieldType:
    """Whole names as terms, case kept, one term per occurrence (frequency = count)."""
    return fields.FieldType(formats.Frequency(), RegexTokenizer(r"[^\x1e]+"), scorable=False, stored=False)


def _unscored(field: fields.FieldType) -> fields.FieldType:
    """No per-document field lengths: the ranking (store.index.scoring) does not use
    them, and looking them up for every posting was a sixth of the indexing time."""
    field.scorable = False
    return field


class WordPositions(formats.Positions):  # type: ignore[misc]
    """Whoosh's `Positions` format (same postings, byte for byte), filled from
    `WordAnalyzer.positions` in one loop instead of a chain of token generators:
    a third less time per indexed passage."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str) or not isinstance(analyzer, WordAnalyzer):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        encode = self.encode
        for word, positions in analyzer.positions(value).items():
            yield (word, len(positions), len(positions) * boost, encode(positions))


def _words(*, stored: bool = False) -> fields.FieldType:
    """Searchable text: words with positions (for phrases), no field lengths."""
    field = _unscored(fields.TEXT(analyzer=word_analyzer(), stored=stored))
    field.format = WordPositions(field_boost=field.format.field_boost)
    return field


def word_analyzer() -> WordAnalyzer:
    """Words, lower-cased, stop words dropped, Porter2-stemmed ("negotiating" = "negotiate")."""
    return WordAnalyzer()


def make_schema() -> fields.Schema:
    """The passage schema. Stored fields are what a hit shows, so no YAML is parsed."""
    schema = fields.Schema(
        # identity and order
        article_id=fields.ID(stored=True),
        paragraph=fields.STORED(),
        # the article date: a column for ordering (day number, 0 = no date) and terms
        # for `date:` queries (y2019, m201906, d20190601; see store.index.query)
        date=fields.COLUMN(columns.NumericColumn("i")),
        day=fields.KEYWORD(),
        kind=fields.KEYWORD(lowercase=True),
        # searchable text
        text=_words(stored=True),
        # for title: and quote: queries; plain words are matched in `text` alone, where
        # headline and quote passages carry a document boost (store.index.documents)
        title=_words(),
        quote=_words(),
        source=_unscored(fields.TEXT(analyzer=SimpleAnalyzer())),
        # names: one term per mention / per quote
        entity=name_field(),
        speaker=name_field(),
        # on the title passage only: which entities the article names, and their aliases
        article_entity=name_field(),
        alias=name_field(),
        # (shorter, longer) names of two people the article keeps apart (store.person_fit)
        apart=name_field(),
        # quotes in the passage, for paging quotes without loading stored fields
        nquotes=fields.COLUMN(columns.NumericColumn("H")),
        # for the views (store.index.forward): per passage, the ids of the entities it
        # names (each once) and of the speaker of each quote, and its publisher's id
        entity_ids=fields.COLUMN(columns.VarBytesColumn()),
        speaker_ids=fields.COLUMN(columns.VarBytesColumn()),
        source_id=fields.COLUMN(columns.NumericColumn("q")),
        # shown with a hit
        headline=fields.STORED(),
        published=fields.STORED(),
        publisher=fields.STORED(),
        pkind=fields.STORED(),
        # [[speaker or None, start, end, cue or None], ...] for the quotes in the passage
        quotes=fields.STORED(),
        # {"TYPE\x1fName": [start, end, start, end, ...]} for the mentions in the passage
        mentions=fields.STORED(),
        # on the title passage: the article's entity terms (to discount deleted documents)
        entity_keys=fields.STORED(),
    )
    # the article's meta fields (`category: sport` -> meta_category), on every passage:
    # `category:sport` is an article-level filter, combinable with any passage query
    schema.add(META_PREFIX + "*", _unscored(fields.TEXT(analyzer=SimpleAnalyzer())), glob=True)
    return schema


def make_query_schema() -> fields.Schema:
    """The schema the query parser reads: `date:` parsed as a date (then turned into
    `day` terms), everything else as indexed."""
    schema = make_schema()
    schema.remove("date")
    schema.add("date", fields.DATETIME())
    return schema


def open_index(index_dir: Path) -> Any:
    """Open the Whoosh index for reading or updating, without memory-mapping it.

    Whoosh copies each memory-mapped segment's postings into a `BytesIO` when it
    opens it (30 MB per 10,000 articles, 300 MB at 100,000); read through plain
    files the search process stays small, and the OS cache keeps reads fast."""
    return FileStorage(str(index_dir), supports_mmap=False).open_index()


_DAMAGE = (EOFError, struct.error, pickle.UnpicklingError, zlib.error, windex.IndexError, PostingsFormatError)
"""What reading a truncated or garbled index file raises: short reads (EOFError,
struct.error), a broken pickled table of contents, a broken compressed block, and
Whoosh's own "this is no index of mine" errors (empty, wrong version)."""


def index_damage(exc: BaseException, index_dir: Path) -> str | None:
    """The one test of whether a failed read means damaged index files (so a rebuild
    cures it): the reason in words, or None for any other error, which is a bug or a
    query problem to report, never a reason to rebuild. An OSError counts only when it
    names a file inside the index folder (a segment deleted under a reader), or is
    EINVAL, what a seek to a garbled offset raises."""
    if isinstance(exc, _DAMAGE) or (isinstance(exc, OSError) and exc.errno == errno.EINVAL):
        return f"{type(exc).__name__}: {exc}"
    if isinstance(exc, OSError) and isinstance(exc.filename, str):
        try:
            Path(exc.filename).resolve().relative_to(index_dir.resolve())
        except ValueError:
            return None
        return f"{type(exc).__name__}: {exc}"
    return None
