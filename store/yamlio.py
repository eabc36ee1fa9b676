"""All YAML reading and writing: articles to files and back.

Fast path: libyaml (`CSafeLoader`/`CSafeDumper`). Two YAML 1.1 traps are closed in
the loader: only `true`/`false` are booleans (`speaker: No` is the text "No"),
and dates stay text (`published: 2015-09-19` is "2015-09-19"). Types are then
validated; a problem is reported with the file and line it is on. Line numbers
come from a second, slower parse that only runs when something is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from store.errors import ArticleFileError, Problem
from store.fileio import create_many, read_regular, store_root, write_atomic, write_many
from store.models import ENTITY_TYPES, META_KEY, PARAGRAPH_KINDS, Article, Entity, Mention, Paragraph, Quote
from store.yaml_events import NotPlain, fast_load

# ---------------------------------------------------------------- loading


class ArticleLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
    """libyaml loader with YAML-1.2-like scalars: no yes/no booleans, no dates."""


ArticleLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
ArticleLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _LineLoader(yaml.SafeLoader):
    """Pure-Python composer used only to find the line of a problem."""


_LineLoader.yaml_implicit_resolvers = ArticleLoader.yaml_implicit_resolvers


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text; a syntax error becomes an `ArticleFileError` with its line."""
    try:
        return fast_load(text, ArticleLoader.yaml_implicit_resolvers)
    except (NotPlain, yaml.YAMLError, UnicodeError):
        pass
    except (RecursionError, ValueError, MemoryError) as exc:
        raise ArticleFileError([Problem(path, None, _unreadable(exc))]) from None
    try:
        return yaml.load(text, Loader=ArticleLoader)  # noqa: S506 - a safe loader
    except (RecursionError, ValueError, MemoryError) as exc:
        raise ArticleFileError([Problem(path, None, _unreadable(exc))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or "invalid YAML"
        if exc.context and exc.context_mark is not None and exc.context_mark.line + 1 != line:
            # "found unexpected end of stream" is found far from its cause: say where that began
            what += f" ({exc.context} that starts at line {exc.context_mark.line + 1})"
        raise ArticleFileError(
            [Problem(path, line, f"not valid YAML: {what} (fix the file by hand or re-import it)")]
        ) from None
    except yaml.YAMLError as exc:
        raise ArticleFileError([Problem(path, None, f"not valid YAML: {exc}")]) from None


def _unreadable(exc: BaseException) -> str:
    """What to say about a file the YAML reader gave up on (nesting hundreds deep, a
    number of thousands of digits): that file's problem, never the store's."""
    if isinstance(exc, RecursionError):
        return "not read: its YAML is nested too deeply (hundreds of levels); fix the file by hand"
    if isinstance(exc, MemoryError):
        return "not read: it needs more memory than there is"
    detail = str(exc).split("\n")[0][:160]
    digits = re.search(r"value has (\d+) digits", detail)
    if digits:
        return (
            f"not read: a number of {digits.group(1)} digits is too long to read "
            "(put it in quotes if it is text; fix the file by hand or re-import it)"
        )
    return f"not read: {detail} (fix the file by hand or re-import it)"


def read_store_file(path: Path) -> bytes:
    """The bytes of an article file; `ArticleFileError` when it is not a regular file,
    is over the size limit, is a link out of the store, or cannot be read."""
    try:
        return read_regular(path, root=store_root(path))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        prefix = "" if reason.startswith(("not ", "a ", "the ")) or "MB" in reason else "cannot read: "
        raise ArticleFileError([Problem(path, None, prefix + reason)]) from None


def load_article(path: Path) -> Article:
    """Read and validate one article file. Raises `ArticleFileError` naming file and line."""
    raw = read_store_file(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ArticleFileError([Problem(path, line, "not UTF-8 text; save the file as UTF-8")]) from None
    return article_from_text(text, path)


def article_from_text(text: str, path: Path) -> Article:
    """Build an `Article` from YAML text; all problems are reported together."""
    document = parse_yaml(text, path)
    problems: list[tuple[tuple[Any, ...], str]] = []
    try:
        article = _article_from_document(document, problems)
    except (RecursionError, ValueError, TypeError, MemoryError) as exc:  # whatever the file holds
        raise ArticleFileError([Problem(path, None, _unreadable(exc))]) from None
    if problems or article is None:
        lines = _locate(text, [where for where, _ in problems])
        located = zip(lines, problems, strict=True)
        raise ArticleFileError([Problem(path, line, message) for line, (_, message) in located])
    return article


def check_text(text: str, path: Path) -> list[Problem]:
    """Every problem in one article file's text (empty when it is fine)."""
    try:
        article = article_from_text(text, path)
    except ArticleFileError as exc:
        return exc.problems
    problems: list[tuple[tuple[Any, ...], str]] = []
    _check_references(article, problems)
    lines = _locate(text, [where for where, _ in problems])
    return [Problem(path, line, message) for line, (_, message) in zip(lines, problems, strict=True)]


# The validation below records (path-in-document, message); `_locate` turns the
# path ("quotes", 2, "speaker") into a line number.

_Problems = list[tuple[tuple[Any, ...], str]]


def _text(value: Any, where: tuple[Any, ...], problems: _Problems, *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float, bool)) and not isinstance(value, bool) or isinstance(value, bool):
        problems.append((where, f"{where[-1]} must be text, not {_yaml_kind(value)}; put it in quotes"))
        return str(value)
    problems.append((where, f"{where[-1]} must be text, not {_yaml_kind(value)}"))
    return None


def _int(value: Any, where: tuple[Any, ...], problems: _Problems) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    problems.append((where, f"{where[-1]} must be a whole number, not {_yaml_kind(value)}"))
    return 0


def _list(value: Any, where: tuple[Any, ...], problems: _Problems) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    problems.append((where, f"{where[-1]} must be a list, not {_yaml_kind(value)}"))
    return []


def _mapping(value: Any, where: tuple[Any, ...], problems: _Problems, what: str) -> dict[str, Any] | None:
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


def _article_from_document(document: Any, problems: _Problems) -> Article | None:
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


def _meta(raw: Any, problems: _Problems) -> dict[str, str | list[str]]:
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


def _paragraph(raw: Any, where: tuple[Any, ...], problems: _Problems) -> Paragraph | None:
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


def _quote(raw: Any, where: tuple[Any, ...], problems: _Problems) -> Quote | None:
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
    )


def _entity(raw: Any, where: tuple[Any, ...], problems: _Problems) -> Entity | None:
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
    return Entity(name=name, type=etype, aliases=aliases, mentions=mentions)


def _check_offsets(article: Article, problems: _Problems) -> None:
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


def _check_references(article: Article, problems: _Problems) -> None:
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
    names = {entity.name for entity in article.entities}
    aliases = {alias for entity in article.entities for alias in entity.aliases}
    for i, quote in enumerate(article.quotes):
        if quote.speaker and quote.speaker not in names and quote.speaker not in aliases and article.entities:
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


def _locate(text: str, paths: list[tuple[Any, ...]]) -> list[int | None]:
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


# ---------------------------------------------------------------- saving


class ArticleDumper(yaml.CSafeDumper):  # type: ignore[misc,name-defined]
    """libyaml dumper: long text as block scalars, short lists inline."""


class _Flow(list):  # type: ignore[type-arg]
    """A list written in flow style: `[0, 31, 41]`."""


_BLOCK_AFTER = 60  # characters; longer text is written as a `|-` block, one line, never folded
_NO_FOLDING = 1_000_000


def _represent_str(dumper: Any, value: str) -> yaml.ScalarNode:
    # prose (text with spaces) goes in a block; an id, a URL or a digest stays on its key's line
    if "\n" in value or (len(value) > _BLOCK_AFTER and " " in value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_flow(dumper: Any, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


ArticleDumper.add_representer(str, _represent_str)
ArticleDumper.add_representer(_Flow, _represent_flow)


def article_to_document(article: Article) -> dict[str, Any]:
    """The plain-data form of an article, keys in the documented order."""
    document: dict[str, Any] = {"id": article.id, "title": article.title}
    for key in ("standfirst", "source", "published", "url"):
        value = getattr(article, key)
        if value is not None:
            document[key] = value
    if article.meta:
        document["meta"] = {
            key: _Flow(value) if isinstance(value, list) else value for key, value in article.meta.items()
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
        for q in article.quotes
    ]
    document["entities"] = [
        {
            "name": e.name,
            "type": e.type,
            "aliases": _Flow(e.aliases),
            "mentions": _Flow(_Flow([m.paragraph, m.start, m.end]) for m in e.mentions),
        }
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


def save_article(path: Path, article: Article) -> bool:
    """Write an article atomically; returns False (and writes nothing) when the
    file already holds exactly this text. A file's own order of top-level keys
    (a person may have moved `source` below `paragraphs`) is kept."""
    text = _text_to_save(path, article)
    if text is None:
        return False
    write_atomic(path, text)
    return True


def save_articles(files: list[tuple[Path, Article]]) -> list[bool]:
    """`save_article` for many files at once: each file is written and fsynced, then
    all are renamed into place and the folder is fsynced once (`fileio.write_many`)."""
    texts = [_text_to_save(path, article) for path, article in files]
    write_many([(path, text) for (path, _), text in zip(files, texts, strict=True) if text is not None])
    return [text is not None for text in texts]


def create_articles(files: list[tuple[Path, Article]]) -> list[bool]:
    """New article files, each written only if its name is free (False where it is
    taken: another process created it meanwhile). See `fileio.create_many`."""
    return create_many([(path, dump_article(article)) for path, article in files])


def _text_to_save(path: Path, article: Article) -> str | None:
    """The article's YAML in the file's own key order, or None when the file already holds it."""
    try:
        old: str | None = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        old = None
    text = dump_article(article, top_level_keys(old) if old else None)
    return None if old == text else text


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


def scan_top_level(text: str, keys: tuple[str, ...]) -> dict[str, Any]:
    """Some top-level scalars of an article file without parsing all of it: the
    cheap look an import takes at every file to find the article it updates.
    A value that cannot be read is left out (the full load reports it)."""
    found: dict[str, Any] = {}
    pattern = _SCAN_PATTERNS.get(keys)
    if pattern is None:
        alternatives = "|".join(re.escape(k) for k in keys)
        pattern = _SCAN_PATTERNS[keys] = re.compile(rf"^({alternatives}):(.*)$", re.MULTILINE)
    for match in pattern.finditer(text):
        key, value = match.group(1), match.group(2).strip()
        if key in found:
            continue
        if value and value[0] not in "'\"|>&*!{[%@`#" and " #" not in value:
            found[key] = None if value in ("~", "null", "Null", "NULL") else value  # plain: as written
            continue
        rest = text[match.end() + 1 :].split("\n", 2)
        if value == "|-" and rest[0].startswith("  ") and len(rest) > 1 and not rest[1][:1].isspace():
            found[key] = rest[0].strip()  # our own one-line block scalar
            continue
        lines = [match.group(0)]
        for line in text[match.end() + 1 :].split("\n"):
            if line[:1] not in (" ", "\t") and line.strip():
                break
            lines.append(line)
        try:
            document = yaml.load("\n".join(lines), Loader=ArticleLoader)  # noqa: S506
        except yaml.YAMLError:
            continue
        if isinstance(document, dict) and isinstance(document.get(key), (str, type(None))):
            found[key] = document.get(key)
    return found


_SCAN_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}
_META_BLOCK = re.compile(r"^meta:[ \t]*\n((?:[ \t]+.*(?:\n|$))+)", re.MULTILINE)


def scan_meta(text: str) -> dict[str, Any]:
    """The `meta:` mapping of an article file without parsing all of it ({} when
    there is none or it cannot be read: the full load reports that)."""
    match = _META_BLOCK.search(text)
    if match is None:
        return {}
    try:
        document = yaml.load("meta:\n" + match.group(1), Loader=ArticleLoader)  # noqa: S506
    except (yaml.YAMLError, RecursionError, ValueError):
        return {}
    meta = document.get("meta") if isinstance(document, dict) else None
    return meta if isinstance(meta, dict) else {}


def load_yaml_file(path: Path) -> Any:
    """Any other YAML file newsdesk reads (e.g. `aliases.yaml`), with the same scalar rules."""
    try:
        text = read_store_file(path).decode("utf-8")
    except UnicodeDecodeError:
        raise ArticleFileError([Problem(path, None, "not UTF-8 text; save the file as UTF-8")]) from None
    return parse_yaml(text, path)


def dump_yaml(document: Any) -> str:
    """YAML text for any plain document, in the article files' style."""
    text: str = yaml.dump(
        document, Dumper=ArticleDumper, sort_keys=False, allow_unicode=True, width=_NO_FOLDING
    )
    return text


def iter_article_files(articles_dir: Path) -> Iterator[Path]:
    """Article files in a stable order (hidden and temporary files skipped)."""
    if not articles_dir.is_dir():
        return iter(())
    return iter(sorted(p for p in articles_dir.glob("*.yaml") if not p.name.startswith(".")))
