"""Reading an article file straight from libyaml's events (`store.yamlio.load` uses it).

PyYAML's loader composes a node tree and then constructs it in Python, asking the
resolver about every scalar: two thirds of the time it takes to read an article.
Article files are maps, lists and scalars, which `fast_load` builds in one pass over
libyaml's events. Anything else goes back to PyYAML (`NotPlain`), so the document or
the error is always the one PyYAML gives (tests/test_yamlio.py compares them).
"""

from __future__ import annotations

import re
from typing import Any

from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

Resolvers = dict[Any, list[tuple[str, Any]]]
"""A loader's implicit resolvers: first character -> [(tag, pattern)]."""


class NotPlain(Exception):
    """The text uses YAML the fast reader leaves to PyYAML (anchors, tags, floats, ...)."""


_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\Z")
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"


def _plain_scalar(value: str, resolvers: Resolvers) -> Any:
    """A plain (unquoted) scalar as ArticleLoader resolves it; `NotPlain` for the rare kinds."""
    if value.isdigit() and value.isascii() and (value[0] != "0" or len(value) == 1):
        return int(value)  # the common case, offsets and paragraph numbers
    if _DECIMAL.match(value):
        return int(value)
    for tag, regexp in resolvers.get(value[:1], []) + resolvers.get(None, []):
        if regexp.match(value):
            if tag == _NULL:
                return None
            if tag == _BOOL:
                return value.lower() == "true"
            raise NotPlain(tag)
    return value


def fast_load(text: str, resolvers: Resolvers) -> Any:
    """Build the document from libyaml's events directly.

    PyYAML's loader composes a node tree and then constructs it in Python, asking the
    resolver about every scalar: two thirds of reading an article. Article files are
    maps, lists and scalars, which this builds in one pass over the events, resolving
    plain scalars as ArticleLoader does. Anything else (anchors, aliases, tags,
    non-scalar keys, floats, several documents) raises `NotPlain`, and so does a
    syntax error: the caller then parses with PyYAML, which gives the same document
    or the same error as before."""
    parser = CParser(text)
    get_event: Any = parser.get_event
    stack: list[tuple[Any, bool]] = []
    current: Any = None
    in_map = False
    key: Any = _NO_KEY
    result: Any = None
    documents = 0
    while True:
        event: Any = get_event()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise NotPlain("anchor or tag")
            value: Any = event.value if event.style else _plain_scalar(event.value, resolvers)
            if in_map:
                if key is _NO_KEY:
                    key = value
                else:
                    current[key] = value
                    key = _NO_KEY
            elif current is None:
                result = value
            else:
                current.append(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise NotPlain("anchor or tag")
            container: Any = {} if kind is MappingStartEvent else []
            if current is None:
                result = container
            elif in_map:
                if key is _NO_KEY:
                    raise NotPlain("a key that is not a scalar")
                current[key] = container
                key = _NO_KEY
            else:
                current.append(container)
            stack.append((current, in_map))
            current, in_map = container, kind is MappingStartEvent
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            current, in_map = stack.pop()
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise NotPlain("more than one document")
        elif kind is StreamEndEvent:
            return result
        elif kind is AliasEvent:
            raise NotPlain("alias")


_NO_KEY = object()
