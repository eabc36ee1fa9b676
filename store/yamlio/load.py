"""Loading YAML: text and files to plain data, and an article file to an `Article`.

Fast path: libyaml's events (`store.yamlio.events`), then `CSafeLoader`. Types are
validated by `store.yamlio.validate`; a problem is reported with the file and line
it is on. Line numbers come from a second, slower parse that only runs when
something is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from store.errors import ArticleFileError, Problem
from store.fileio import read_regular, store_root
from store.models import Article
from store.yamlio.events import NotPlain, fast_load
from store.yamlio.validate import Problems, article_from_document, check_references, located


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


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text; a syntax error becomes an `ArticleFileError` with its line."""
    try:
        return fast_load(text, ArticleLoader.yaml_implicit_resolvers)
    except (NotPlain, yaml.YAMLError, UnicodeError):
        pass
    except (RecursionError, ValueError, MemoryError) as exc:
        raise ArticleFileError([Problem(path, None, unreadable(exc))]) from None
    try:
        return yaml.load(text, Loader=ArticleLoader)  # noqa: S506 - a safe loader
    except (RecursionError, ValueError, MemoryError) as exc:
        raise ArticleFileError([Problem(path, None, unreadable(exc))]) from None
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


def unreadable(exc: BaseException) -> str:
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
    problems: Problems = []
    try:
        article = article_from_document(document, problems)
    except (RecursionError, ValueError, TypeError, MemoryError) as exc:  # whatever the file holds
        raise ArticleFileError([Problem(path, None, unreadable(exc))]) from None
    if problems or article is None:
        raise ArticleFileError(located(text, path, problems))
    return article


def check_text(text: str, path: Path) -> list[Problem]:
    """Every problem in one article file's text (empty when it is fine)."""
    try:
        article = article_from_text(text, path)
    except ArticleFileError as exc:
        return exc.problems
    problems: Problems = []
    check_references(article, problems)
    return located(text, path, problems)


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


def iter_article_files(articles_dir: Path) -> Iterator[Path]:
    """Article files in a stable order (hidden and temporary files skipped)."""
    if not articles_dir.is_dir():
        return iter(())
    return iter(sorted(p for p in articles_dir.glob("*.yaml") if not p.name.startswith(".")))
