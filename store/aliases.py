"""The user's alias and curation table, `data/aliases.yaml`.

Two forms of entry, freely mixed:

    # canonical name: [variants that mean the same]        (merge; the original form)
    Sarah Huckabee Sanders: [Sarah Sanders, Huckabee Sanders]

    # canonical name: what to do with that entity
    John Kerry:
      aliases: [Secretary Kerry]   # merged in, as above
      type: PERSON                 # its type everywhere (retype)
      split: [Kerry]               # names that are NOT this entity: each stands alone
    MPs: {drop: true}              # not an entity

Renaming X to Y is `Y: [X]`. The table is applied at extraction (so re-extraction
and re-import keep every change), when an article is opened, and when the index is
read (so an edit takes effect at once, without a rebuild). A variant claimed by two
entities, or names that are variants of each other (a cycle), are reported as
problems and left apart: the table never silently merges two people.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.aliases_file import entry_lines
from store.errors import ArticleFileError, Problem
from store.models import ENTITY_TYPES
from store.yamlio.load import load_yaml_file

ALIASES_FILE = "aliases.yaml"
ENTRY_KEYS = ("aliases", "type", "split", "drop")
"""The keys of the mapping form of an entry, in the order newsdesk writes them."""


@dataclass
class AliasEntry:
    """What the table says about one canonical name."""

    name: str
    """The canonical name as the user wrote it."""
    aliases: list[str] = field(default_factory=list)
    """Variants merged into it (the list form's list)."""
    type: str | None = None
    """Its type wherever it is found, when retyped."""
    split: list[str] = field(default_factory=list)
    """Names that are not this entity, each its own entity."""
    drop: bool = False
    """Not an entity at all."""
    line: int | None = None
    """Where the entry starts in the file (for problems)."""

    def is_list_form(self) -> bool:
        return self.type is None and not self.split and not self.drop

    def is_empty(self) -> bool:
        return self.is_list_form() and not self.aliases


@dataclass
class AliasTable:
    """Variant name -> canonical name (case-insensitive on the variant), with curation."""

    canonical_of: dict[str, str] = field(default_factory=dict)
    """Lower-cased variant -> canonical name as the user wrote it (chains followed)."""
    types: dict[str, str] = field(default_factory=dict)
    """Lower-cased canonical name -> the type the user gave it."""
    dropped: set[str] = field(default_factory=set)
    """Lower-cased names that are not entities."""
    splits: dict[str, set[str]] = field(default_factory=dict)
    """Lower-cased canonical name -> lower-cased names split off from it."""

    def canonical(self, name: str) -> str:
        """The canonical name for `name` (itself when the table does not know it)."""
        return self.canonical_of.get(name.casefold(), name)

    def variants(self, canonical: str) -> list[str]:
        """Every variant the table maps to `canonical`."""
        return [v for v, c in self.canonical_of.items() if c == canonical]

    def type_of(self, name: str, default: str) -> str:
        """The type the user gave `name` (its canonical name), else `default`."""
        return self.types.get(self.canonical(name).casefold(), default)

    def is_dropped(self, name: str) -> bool:
        return name.casefold() in self.dropped or self.canonical(name).casefold() in self.dropped

    def split_from(self, canonical: str) -> set[str]:
        """Lower-cased names split off from `canonical`."""
        return self.splits.get(canonical.casefold(), set())

    def is_empty(self) -> bool:
        return not (self.canonical_of or self.types or self.dropped or self.splits)

    def names(self) -> set[str]:
        """Every lower-cased name the table says something about (variants, canonical
        names, retyped, dropped, split): a name outside it is left as it is."""
        found = set(self.canonical_of) | {c.casefold() for c in self.canonical_of.values()}
        found |= set(self.types) | self.dropped | set(self.splits)
        for apart in self.splits.values():
            found |= apart
        return found


def load_aliases(data_dir: Path) -> tuple[AliasTable, list[Problem]]:
    """Read `aliases.yaml` from the store; a missing file is an empty table."""
    entries, problems = read_entries(data_dir / ALIASES_FILE)
    return build_table(entries, data_dir / ALIASES_FILE, problems), problems


def read_entries(path: Path) -> tuple[list[AliasEntry], list[Problem]]:
    """The entries of an aliases file in order, and what is wrong with it."""
    if not path.exists():
        return [], []
    try:
        document = load_yaml_file(path)
    except ArticleFileError as exc:
        return [], exc.problems
    if document is None:
        return [], []
    if not isinstance(document, dict):
        message = "aliases.yaml must map a canonical name to a list of variants (or to what to do with it)"
        return [], [Problem(path, 1, message)]
    try:
        lines = entry_lines(path.read_text(encoding="utf-8"))
    except Exception:
        lines = {}
    entries: list[AliasEntry] = []
    problems: list[Problem] = []
    for canonical, value in document.items():
        line = lines.get(str(canonical), (None, None))[0]
        if not isinstance(canonical, str) or not canonical.strip():
            problems.append(Problem(path, line, f"{canonical!r}: a canonical name must be text"))
            continue
        entry = _entry(canonical, value, _reporter(problems, path, line))
        if entry is not None:
            entry.line = line
            entries.append(entry)
    return entries, problems


def _reporter(problems: list[Problem], path: Path, line: int | None) -> Any:
    return lambda message: problems.append(Problem(path, line, message))


def _names(value: Any) -> list[str] | None:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _entry(canonical: str, value: Any, problem: Any) -> AliasEntry | None:
    entry = AliasEntry(canonical)
    if not isinstance(value, dict):
        names = _names(value)
        if names is None:
            problem(f"{canonical}: variants must be a list of names")
            return None
        entry.aliases = names
        return entry
    for key in value:
        if key not in ENTRY_KEYS:
            problem(f"{canonical}: unknown key {key!r} (use {', '.join(ENTRY_KEYS)})")
    for key in ("aliases", "split"):
        names = _names(value.get(key))
        if names is None:
            problem(f"{canonical}: {key} must be a list of names")
            names = []
        setattr(entry, key, names)
    kind = value.get("type")
    if kind is not None:
        if isinstance(kind, str) and kind.upper() in ENTITY_TYPES:
            entry.type = kind.upper()
        else:
            problem(f"{canonical}: type must be one of {' '.join(ENTITY_TYPES)}, not {kind!r}")
    drop = value.get("drop", False)
    if not isinstance(drop, bool):
        problem(f"{canonical}: drop must be true or false, not {drop!r}")
    entry.drop = drop is True
    return entry


def build_table(entries: list[AliasEntry], path: Path, problems: list[Problem]) -> AliasTable:
    """The table the entries make. Contradictions become problems and are left out."""
    table = AliasTable()
    claimed: dict[str, list[str]] = {}
    line_of = {entry.name: entry.line for entry in entries}
    for entry in entries:
        key = entry.name.casefold()
        if entry.type:
            table.types[key] = entry.type
        if entry.drop:
            table.dropped.add(key)
        if entry.split:
            table.splits.setdefault(key, set()).update(s.casefold() for s in entry.split)
        for variant in entry.aliases:
            if variant.casefold() != key and entry.name not in claimed.setdefault(variant.casefold(), []):
                claimed[variant.casefold()].append(entry.name)
    step: dict[str, str] = {}
    for variant, owners in claimed.items():
        if len(owners) > 1:
            problems.append(
                Problem(
                    path,
                    line_of.get(owners[-1]),
                    f"{variant!r} is listed as a variant of {' and of '.join(owners)}; "
                    "it is merged into neither — keep it under one name",
                )
            )
            continue
        if variant in table.split_from(owners[0]):
            problems.append(
                Problem(
                    path,
                    line_of.get(owners[0]),
                    f"{owners[0]}: {variant!r} is both a variant and split off; it stays apart",
                )
            )
            continue
        step[variant] = owners[0]
    cycles: list[list[str]] = []
    for variant in step:
        chain = [variant]
        current = step[variant].casefold()
        while current in step and current not in chain:
            chain.append(current)
            current = step[current].casefold()
        if current in chain:
            cycle = chain[chain.index(current) :]
            if not any(set(cycle) == set(seen) for seen in cycles):
                cycles.append(cycle)
    for cycle in cycles:
        names = [step[name] for name in cycle]
        problems.append(
            Problem(
                path,
                line_of.get(names[0]),
                f"{' → '.join([*names, names[0]])}: these names are variants of each other "
                "(a cycle), so newsdesk keeps them apart — remove one of the entries",
            )
        )
    for name in {name for cycle in cycles for name in cycle}:
        step.pop(name, None)
    for variant, current in step.items():
        hops = 0
        while current.casefold() in step and hops <= len(step):
            current = step[current.casefold()]
            hops += 1
        table.canonical_of[variant] = current
    return table
