"""Finding and reading input files: which files a path means, their text, their
metadata from a folder's `manifest.jsonl` or from the file name.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from store.errors import ImportFailed, Problem
from store.ingest.dates import DAY_FIRST, DateError, normalise_date, parse_date
from store.ingest.meta import record_meta

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Largest text or HTML article file that is read (10 MiB; a long article is ~100 KB).
JSON Lines files are streamed line by line and may be any size; each line (one
article) has the same limit."""

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl",)
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + HTML_SUFFIXES
MANIFEST = "manifest.jsonl"
MANIFEST_FIELDS = ("file", "title", "date", "source", "url")
"""A manifest line's own fields; any other is kept as the article's meta."""

_DATE_PREFIX = re.compile(r"^(\d{4}-\d{2}-\d{2})[_-]")


@dataclass
class Inputs:
    """What the paths on the command line resolve to."""

    files: list[Path] = field(default_factory=list)
    """Article files to import, in a stable order, each once."""
    problems: list[Problem] = field(default_factory=list)
    """Paths that cannot be imported (missing, unsupported kind)."""


def find_inputs(paths: list[Path]) -> Inputs:
    """Expand folders recursively into their .txt, .jsonl, .html and .htm files.

    Hidden files and folders are skipped, and so is a folder's `manifest.jsonl`
    (it describes the .txt files beside it). A file named on the command line
    is imported whatever its suffix says, if it is one of the known kinds.
    """
    inputs = Inputs()
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            inputs.files.append(path)

    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and p.name != MANIFEST
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.is_file()
            )
            if not found:
                inputs.problems.append(
                    Problem(path, None, "no .txt, .jsonl, .html or .htm files in this folder")
                )
            for file in found:
                add(file)
        elif path.is_file():
            if path.name == MANIFEST:
                inputs.problems.append(
                    Problem(
                        path, None, "a manifest describes the .txt files beside it; import the folder instead"
                    )
                )
            elif path.suffix.lower() not in SUFFIXES:
                inputs.problems.append(
                    Problem(
                        path,
                        None,
                        f"unknown kind of file {path.suffix or '(no suffix)'!r}; "
                        "newsdesk imports .txt, .jsonl, .html and .htm",
                    )
                )
            else:
                add(path)
        elif path.exists():  # a FIFO, a device: never read (it could block or never end)
            inputs.problems.append(
                Problem(path, None, "not a regular file; only files and folders are imported")
            )
        else:
            inputs.problems.append(Problem(path, None, "no such file or folder"))
    return inputs


def read_text(path: Path) -> str:
    """The whole text of an article file, refusing files over `MAX_FILE_BYTES`
    (checked before reading) and files that are not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailed(path, too_big(size))
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(path, f"cannot read: {exc.strerror}") from None
    return decode(raw, path)


def too_big(size: int) -> str:
    return (
        f"{size / 1_048_576:.1f} MB is more than the {MAX_FILE_BYTES // 1_048_576} MB an article may have; "
        "is it really one article? Split it, or put many articles in a .jsonl file (one per line)"
    )


def decode(raw: bytes, path: Path, first_line: int = 1) -> str:
    """UTF-8 text with a byte-order mark dropped and line endings normalised to \\n."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed(
            path, f"UTF-16 text; convert it to UTF-8 first: iconv -f utf-16 -t utf-8 '{path}' > converted.txt"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + raw[: exc.start].count(b"\n")
        raise ImportFailed(
            path,
            f"not UTF-8 text (byte 0x{raw[exc.start]:02X} in line {line}); convert it first, e.g. "
            f"iconv -f latin1 -t utf-8 '{path}' > converted{path.suffix}",
            line,
        ) from None
    if "\x00" in text:
        raise ImportFailed(path, "a binary file, not text")
    return normalise_newlines(text.removeprefix("\ufeff"))


def normalise_newlines(text: str) -> str:
    """Windows (\\r\\n) and old Mac (\\r) line endings become \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------- metadata


@dataclass
class FileMeta:
    """Metadata for one .txt file from its folder's manifest or its name."""

    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, str | list[str]] = field(default_factory=dict)
    """The manifest line's further fields (`category`, `author`, ...), kept as the article's meta."""


def date_from_name(path: Path) -> str | None:
    """`2019-01-04_magnitogorsk.txt` or `2019-01-04-magnitogorsk.txt` -> "2019-01-04"."""
    match = _DATE_PREFIX.match(path.name)
    return normalise_date(match.group(1)) if match else None


class Manifests:
    """`manifest.jsonl` files, read once per folder: {"file", "title", "date", "source", "url"}."""

    def __init__(self, date_order: str = DAY_FIRST) -> None:
        self._folders: dict[Path, dict[str, FileMeta]] = {}
        self.problems: list[Problem] = []
        self.date_order = date_order

    def meta_for(self, path: Path) -> FileMeta:
        folder = path.parent.resolve()
        if folder not in self._folders:
            self._folders[folder] = self._read(path.parent / MANIFEST)
        meta = self._folders[folder].get(path.name, FileMeta())
        if meta.published is None:
            meta.published = date_from_name(path)
        return meta

    def _read(self, manifest: Path) -> dict[str, FileMeta]:
        entries: dict[str, FileMeta] = {}
        if not manifest.is_file():
            return entries
        try:
            text = read_text(manifest)
        except ImportFailed as exc:
            self.problems.append(exc.problem)
            return entries
        for number, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                self.problems.append(Problem(manifest, number, f"not JSON ({exc.msg}); line ignored"))
                continue
            if not isinstance(record, dict) or not isinstance(record.get("file"), str):
                self.problems.append(Problem(manifest, number, 'needs a "file" name; line ignored'))
                continue
            published = None
            if isinstance(record.get("date"), str) and record["date"].strip():
                try:
                    published = parse_date(record["date"], self.date_order)
                except DateError as exc:
                    self.problems.append(Problem(manifest, number, f"{exc}; imported without a date"))
            elif record.get("date") is not None:
                self.problems.append(
                    Problem(manifest, number, f"date {record['date']!r} is not text; imported without a date")
                )
            kept: list[str] = []
            entries[record["file"]] = FileMeta(
                meta=record_meta(record, MANIFEST_FIELDS, kept),
                title=_text(record.get("title")),
                published=published,
                source=_text(record.get("source")),
                url=_text(record.get("url")),
            )
            self.problems.extend(Problem(manifest, number, message) for message in kept)
        return entries


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
