"""Dumping: articles and other plain documents to YAML text in the files' style.

libyaml's dumper, long prose as block scalars (never folded), short lists inline,
keys in the documented order (or in a hand-edited file's own order).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from store.models import Article


class ArticleDumper(yaml.CSafeDumper):  # type: ignore[misc,name-defined]
    """libyaml dumper: long text as block scalars, short lists inline."""


class Flow(list):  # type: ignore[type-arg]
    """A list written in flow style: `[0, 31, 41]`."""


_BLOCK_AFTER = 60  # characters; longer text is written as a `|-` block, one line, never folded
_NO_FOLDING = 1_000_000


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    # prose (text with spaces) goes in a block; an id, a URL or a digest stays on its key's line
    if "\n" in value or (len(value) > _BLOCK_AFTER and " " in value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_flow(dumper: Any, value: Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


ArticleDumper.add_representer(str, _represent_str)
ArticleDumper.add_representer(Flow, _represent_flow)


def article_to_document(article: Article) -> dict[str, Any]:
    """The plain-data form of an article, keys in the documented order."""
    document: dict[str, Any] = {"id": article.id, "title": article.title}
    for key in ("standfirst", "source", "published", "url"):
        value = getattr(article, key)
        if value is not None:
            document[key] = value
    if article.meta:
        document["meta"] = {
            key: Flow(value) if isinstance(value, list) else value for key, value in article.meta.items()
        }
    document["paragraphs"] = [
        {"text": p.text} if p.kind == "text" else {"kind": p.kind, "text": p.text} for p in article.paragraphs
    ]
    document["quotes"] = [
        {
            "speaker": q.speaker,
            "text": q.text,
            "paragraph": q.paragraph,
            "start": q.start,
            "end": q.end,
            "cue": q.cue,
        }
        | ({"partial": True} if q.partial else {})
        | ({"speaker_by": "hand"} if q.speaker_by_hand else {})
        | ({"confidence": q.confidence} if q.confidence else {})
        | ({"speaker_from": q.speaker_from} if q.speaker_from else {})
        for q in article.quotes
    ]
    document["entities"] = [
        {
            "name": e.name,
            "type": e.type,
            "aliases": Flow(e.aliases),
            "mentions": Flow(Flow([m.paragraph, m.start, m.end]) for m in e.mentions),
        }
        | ({"within": Flow(e.within)} if e.within else {})
        for e in article.entities
    ]
    for key in ("imported_from", "source_digest", "extraction_digest"):
        value = getattr(article, key)
        if value is not None:
            document[key] = value
    return document


def dump_article(article: Article, key_order: list[str] | None = None) -> str:
    """The YAML text of an article; `key_order` keeps a hand-edited file's order
    of top-level keys (keys it lacks go after their usual predecessor)."""
    document = article_to_document(article)
    if key_order:
        document = _reordered(document, key_order)
    text: str = yaml.dump(
        document,
        Dumper=ArticleDumper,
        sort_keys=False,
        allow_unicode=True,
        width=_NO_FOLDING,
        default_flow_style=False,
    )
    return text


def dump_yaml(document: Any) -> str:
    """YAML text for any plain document, in the article files' style."""
    text: str = yaml.dump(
        document, Dumper=ArticleDumper, sort_keys=False, allow_unicode=True, width=_NO_FOLDING
    )
    return text


_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)", re.MULTILINE)


def top_level_keys(text: str) -> list[str]:
    """The top-level keys of an article file in the order they are written."""
    return [m.group(1) for m in _TOP_KEY.finditer(text)]


def _reordered(document: dict[str, Any], key_order: list[str]) -> dict[str, Any]:
    order = [key for key in dict.fromkeys(key_order) if key in document]
    canonical = list(document)
    for i, key in enumerate(canonical):
        if key in order:
            continue
        before = [k for k in canonical[:i] if k in order]
        order.insert(order.index(before[-1]) + 1 if before else 0, key)
    return {key: document[key] for key in order}
