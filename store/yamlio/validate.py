"""Validation: a loaded YAML document to an `Article`.

Every problem is recorded as (path-in-document, message), e.g.
(("quotes", 2, "speaker"), "speaker must be text, ..."), and all of them are
reported together; `locate` turns each path into the line it is on, with a second,
slower parse that only runs when something is wrong.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from store.confidence import CONFIDENCES, split_speaker_from
from store.errors import Problem
from store.joint import joint_parts, known_names
from store.mention_scan import name_matches
from store.models import ENTITY_TYPES, META_KEY, PARAGRAPH_KINDS, Article, Entity, Mention, Paragraph, Quote

Problems = list[tuple[tuple[Any, ...], str]]
"""What is wrong, as (path in the document, message)."""


class _LineLoader(yaml.SafeLoader):
    """Pure-Python composer used only to find the line of a problem."""


def _text(value: Any, where: tuple[Any, ...], problems: Problems, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)) and not isinstance(value, bool) or isinstance(value, bool):
        problems.append((where, f"{where[-1]} must be text, not {_yaml_kind(value)}; put it in quotes"))
        return str(value)
    problems.append((where, f"{where[-1]} must be text, not {_yaml_kind(value)}"))
    return None


def _int(value: Any, where: tuple[Any, ...], problems: Problems) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    problems.append((where, f"{where[-1]} must be a whole number, not {_yaml_kind(value)}"))
    return 0


def _list(value: Any, where: tuple[Any, ...], problems: Problems) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    problems.append((where, f"{where[-1]} must be a list, not {_yaml_kind(value)}"))
    return []


def _mapping(value: Any, where: tuple[Any, ...], problems: Problems, what: str) -> dict[str, Any] | None:
    if isinstance(value, dict):
        return value
    problems.append((where, f"{what} must be a mapping (key: value), not {_yaml_kind(value)}"))
    return None


def _yaml_kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_ARTICLE_KEYS = (
    "id", "title", "standfirst", "source", "published", "url", "meta", "imported_from",
    "source_digest", "extraction_digest", "paragraphs", "quotes", "entities",
)  # fmt: skip


def article_from_document(document: Any, problems: Problems) -> Article | None:
    top = _mapping(document, (), problems, "an article file")
    if top is None:
        return None
    for key in top:
        if key not in _ARTICLE_KEYS:
            problems.append(((key,), f"unknown key {key!r} (known: {', '.join(_ARTICLE_KEYS)})"))
    for key in ("id", "title"):
        if not top.get(key):
            problems.append(((), f"missing {key}"))
    published = top.get("published")
    if published is not None and not (
        isinstance(published, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", published)
    ):
        problems.append((("published",), "published must be a date written YYYY-MM-DD"))
    meta = _meta(top.get("meta"), problems)
    paragraphs = []
    for i, raw in enumerate(_list(top.get("paragraphs"), ("paragraphs",), problems)):
        paragraph = _paragraph(raw, ("paragraphs", i), problems)
        if paragraph is not None:
            paragraphs.append(paragraph)
    quotes = []
    for i, raw in enumerate(_list(top.get("quotes"), ("quotes",), problems)):
        quote = _quote(raw, ("quotes", i), problems)
        if quote is not None:
            quotes.append(quote)
    entities = []
    for i, raw in enumerate(_list(top.get("entities"), ("entities",), problems)):
        entity = _entity(raw, ("entities", i), problems)
        if entity is not None:
            entities.append(entity)
    article = Article(
        id=_text(top.get("id"), ("id",), problems) or "",
        title=_text(top.get("title"), ("title",), problems) or "",
        paragraphs=paragraphs,
        standfirst=_text(top.get("standfirst"), ("standfirst",), problems, optional=True),
        source=_text(top.get("source"), ("source",), problems, optional=True),
        published=published if isinstance(published, str) else None,
        url=_text(top.get("url"), ("url",), problems, optional=True),
        meta=meta,
        quotes=quotes,
        entities=entities,
        imported_from=_text(top.get("imported_from"), ("imported_from",), problems, optional=True),
        source_digest=_text(top.get("source_digest"), ("source_digest",), problems, optional=True),
        extraction_digest=_text(
            top.get("extraction_digest"), ("extraction_digest",), problems, optional=True
        ),
    )
    _check_offsets(article, problems)
    return article


_META_KEY = re.compile(META_KEY)


def _meta(raw: Any, problems: Problems) -> dict[str, str | list[str]]:
    """`meta:` — further fields of the article: key -> text, or a list of text."""
    if raw is None:
        return {}
    block = _mapping(raw, ("meta",), problems, "meta")
    if block is None:
        return {}
    meta: dict[str, str | list[str]] = {}
    for key, value in block.items():
        where = ("meta", key)
        if not isinstance(key, str) or not _META_KEY.fullmatch(key):
            problems.append(
                (where, f"meta key {key!r} must be lower-case letters, digits and _ (e.g. category)")
            )
            continue
        if isinstance(value, list):
            items = [_text(item, where + (i,), problems) for i, item in enumerate(value)]
            meta[key] = [item for item in items if item is not None]
        else:
            text = _text(value, where, problems)
            if text is not None:
                meta[key] = text
    return meta


def _paragraph(raw: Any, where: tuple[Any, ...], problems: Problems) -> Paragraph | None:
    if isinstance(raw, str):  # a bare string is a text paragraph
        return Paragraph(text=raw)
    block = _mapping(raw, where, problems, "a paragraph")
    if block is None:
        return None
    kind = block.get("kind", "text")
    if kind not in PARAGRAPH_KINDS:
        problems.append((where + ("kind",), f"kind must be one of {', '.join(PARAGRAPH_KINDS)}"))
        kind = "text"
    text = _text(block.get("text"), where + ("text",), problems)
    return Paragraph(text=text or "", kind=kind)


def _quote(raw: Any, where: tuple[Any, ...], problems: Problems) -> Quote | None:
    block = _mapping(raw, where, problems, "a quote")
    if block is None:
        return None
    for key in ("text", "paragraph", "start", "end"):
        if key not in block:
            problems.append((where, f"quote is missing {key}"))
    return Quote(
        text=_text(block.get("text", ""), where + ("text",), problems) or "",
        paragraph=_int(block.get("paragraph", 0), where + ("paragraph",), problems),
        start=_int(block.get("start", 0), where + ("start",), problems),
        end=_int(block.get("end", 0), where + ("end",), problems),
        speaker=_text(block.get("speaker"), where + ("speaker",), problems, optional=True),
        cue=_text(block.get("cue"), where + ("cue",), problems, optional=True),
        partial=_flag(block.get("partial", False), where + ("partial",), problems),
        speaker_by_hand=_speaker_by(block.get("speaker_by"), where + ("speaker_by",), problems),
        confidence=_confidence(block.get("confidence"), where + ("confidence",), problems),
        speaker_from=_speaker_from(block.get("speaker_from"), where + ("speaker_from",), problems),
    )


def _flag(value: Any, where: tuple[Any, ...], problems: Problems) -> bool:
    if isinstance(value, bool):
        return value
    problems.append((where, f"{where[-1]} must be true or false, not {_yaml_kind(value)}"))
    return False


def _speaker_by(value: Any, where: tuple[Any, ...], problems: Problems) -> bool:
    """`speaker_by: hand` marks a speaker a person set; absent, extraction's."""
    if value is None or value == "extraction":
        return False
    if value == "hand":
        return True
    problems.append((where, f"speaker_by must be hand (or left out), not {_yaml_kind(value)} {value!r}"))
    return False


def _confidence(value: Any, where: tuple[Any, ...], problems: Problems) -> str | None:
    """`confidence: high|medium|low`, how sure the speaker is; absent in older files."""
    if value is None or value in CONFIDENCES:
        return value  # type: ignore[no-any-return]
    problems.append(
        (where, f"confidence must be high, medium or low (or left out), not {_yaml_kind(value)} {value!r}")
    )
    return None


def _speaker_from(value: Any, where: tuple[Any, ...], problems: Problems) -> str | None:
    """`speaker_from: cue`, how extraction found the speaker; absent in older files."""
    if value is None:
        return None
    if isinstance(value, str) and split_speaker_from(value) is not None:
        return value
    problems.append(
        (
            where,
            f"speaker_from must be a route such as cue, cue-after, lead-in-pronoun (see the README), "
            f"not {_yaml_kind(value)} {value!r}; or leave it out",
        )
    )
    return None


def _entity(raw: Any, where: tuple[Any, ...], problems: Problems) -> Entity | None:
    block = _mapping(raw, where, problems, "an entity")
    if block is None:
        return None
    name = _text(block.get("name"), where + ("name",), problems) or ""
    etype = _text(block.get("type"), where + ("type",), problems) or ""
    if etype and etype not in ENTITY_TYPES:
        problems.append((where + ("type",), f"type must be one of {', '.join(ENTITY_TYPES)}"))
    aliases = []
    for i, alias in enumerate(_list(block.get("aliases"), where + ("aliases",), problems)):
        text = _text(alias, where + ("aliases", i), problems)
        if text:
            aliases.append(text)
    mentions = []
    for i, triple in enumerate(_list(block.get("mentions"), where + ("mentions",), problems)):
        if (
            isinstance(triple, list)
            and len(triple) == 3
            and all(isinstance(n, int) and not isinstance(n, bool) for n in triple)
        ):
            mentions.append(Mention(*triple))
        else:
            problems.append(
                (where + ("mentions", i), "a mention must be [paragraph, start, end] (three numbers)")
            )
    within = []
    for i, longer in enumerate(_list(block.get("within"), where + ("within",), problems)):
        text = _text(longer, where + ("within", i), problems)
        if text:
            within.append(text)
    return Entity(name=name, type=etype, aliases=aliases, mentions=mentions, within=within)


def _check_offsets(article: Article, problems: Problems) -> None:
    count = len(article.paragraphs)
    for i, quote in enumerate(article.quotes):
        where = ("quotes", i)
        if not 0 <= quote.paragraph < count:
            problems.append(
                (where + ("paragraph",), f"paragraph {quote.paragraph} does not exist (0..{count - 1})")
            )
            continue
        length = len(article.paragraphs[quote.paragraph].text)
        if not 0 <= quote.start <= quote.end <= length:
            problems.append(
                (
                    where + ("start",),
                    f"offsets {quote.start}..{quote.end} are outside paragraph "
                    f"{quote.paragraph} (length {length})",
                )
            )
    for i, entity in enumerate(article.entities):
        for j, mention in enumerate(entity.mentions):
            at: tuple[Any, ...] = ("entities", i, "mentions", j)
            if not 0 <= mention.paragraph < count:
                problems.append(
                    (at, f"mention of {entity.name!r}: paragraph {mention.paragraph} does not exist")
                )
                continue
            length = len(article.paragraphs[mention.paragraph].text)
            if not 0 <= mention.start < mention.end <= length:
                problems.append(
                    (
                        at,
                        f"mention of {entity.name!r}: offsets {mention.start}..{mention.end} "
                        f"are outside paragraph {mention.paragraph} (length {length})",
                    )
                )


def check_references(article: Article, problems: Problems) -> None:
    """Cross-checks `check` adds: quote text vs offsets, speakers vs entities, duplicates."""
    for i, quote in enumerate(article.quotes):
        body = article.paragraphs[quote.paragraph].text
        if body[quote.start : quote.end] != quote.text:
            problems.append(
                (
                    ("quotes", i, "text"),
                    f"quote text does not match paragraph {quote.paragraph} at {quote.start}..{quote.end}",
                )
            )
    known = known_names(article.entities)
    for i, quote in enumerate(article.quotes):
        if (
            quote.speaker
            and quote.speaker not in known
            and article.entities
            and not joint_parts(quote.speaker, known)  # "Emma Clarke and Tom Reid"
        ):
            problems.append(
                (
                    ("quotes", i, "speaker"),
                    f"speaker {quote.speaker!r} is not among the article's entities "
                    "(add it to entities, or fix the name)",
                )
            )
    seen: set[tuple[str, str]] = set()
    for i, entity in enumerate(article.entities):
        key = (entity.name, entity.type)
        if key in seen:
            problems.append(
                (("entities", i), f"entity {entity.name!r} ({entity.type}) is listed twice; merge the two")
            )
        seen.add(key)
    texts = article.texts()
    for i, entity in enumerate(article.entities):
        for j, longer in enumerate(entity.within):
            problem = _within_problem(entity, longer, texts)
            if problem:
                problems.append(
                    (("entities", i, "within", j), f"entity {entity.name!r}: within {longer!r} {problem}")
                )


def _within_problem(entity: Entity, longer: str, texts: list[str]) -> str | None:
    """What is wrong with one `within` entry: it must be a longer name the article writes
    that holds the entity's name or one of its aliases."""
    forms = [f for f in dict.fromkeys([entity.name, *entity.aliases]) if f]
    if any(longer.casefold() == f.casefold() for f in forms):
        return "is the entity's own name; list only longer names that hold it"
    if not any(any(name_matches(longer, f, hyphen_joined=True, ignore_case=True)) for f in forms):
        return "does not hold its name or any of its aliases (add the form it holds to aliases)"
    if not any(longer in text for text in texts):
        return "is not written in the article (copy the longer name as the text has it)"
    return None


def located(text: str, path: Path, problems: Problems) -> list[Problem]:
    """The problems as `Problem`s of the file at `path`, each with its line."""
    lines = locate(text, [where for where, _ in problems])
    return [Problem(path, line, message) for line, (_, message) in zip(lines, problems, strict=True)]


def locate(text: str, paths: list[tuple[Any, ...]]) -> list[int | None]:
    """Line numbers (1-based) of the document nodes at the given paths."""
    if not paths:
        return []
    try:
        root = yaml.compose(text, Loader=_LineLoader)
    except (yaml.YAMLError, RecursionError, ValueError, MemoryError):
        return [None] * len(paths)
    return [_line_of(root, path) for path in paths]


def _line_of(node: Any, path: tuple[Any, ...]) -> int | None:
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    # a missing value points at its key
                    node = value
                    line = key.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            return line
    return line
