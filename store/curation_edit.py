"""Curation actions on `aliases.yaml`: rename, retype, merge, split, drop, and undo.

Each action edits the entries of the file (store.aliases_file keeps every other
line as it was) and records what the files were before in a history beside it,
`.aliases-history.json`, so `undo` restores them exactly. A split also rewrites
the few articles in which the split-off name is a form of the entity, so the
index separates the two at the next (incremental) update.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.aliases import ALIASES_FILE, AliasEntry, build_table, read_entries
from store.aliases_file import updated_text
from store.curation import curate_article
from store.errors import ArticleFileError, Problem, StoreError
from store.fileio import write_atomic
from store.models import ENTITY_TYPES
from store.yamlio.load import load_article
from store.yamlio.save import save_article

HISTORY_FILE = ".aliases-history.json"
HISTORY_LIMIT = 50
"""Steps kept for undo."""


class CurationError(StoreError):
    """A curation action that cannot be done (an unknown name, a bad type, nothing to undo)."""


@dataclass
class CurationChange:
    """What a curation action did, for the app and the CLI to say."""

    action: str
    """rename, retype, merge, split, drop or undo."""
    summary: str
    """One sentence: "merged Kerry into John Kerry"."""
    name: str | None = None
    """The entity's name after the action (what to show or jump to), if it still exists."""
    type: str | None = None
    """Its type after the action."""
    articles: list[str] = field(default_factory=list)
    """Ids of article files the action rewrote (a split)."""
    problems: list[Problem] = field(default_factory=list)
    """Problems the file has after the action (e.g. a cycle the edit made)."""


class Curator:
    """Edits one store's `aliases.yaml`, with an undo history."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / ALIASES_FILE
        self.history_path = data_dir / HISTORY_FILE

    # -- the actions ---------------------------------------------------------------

    def rename(self, name: str, new_name: str, *, action: str = "rename") -> CurationChange:
        """`name` is called `new_name` from now on (a merge when `new_name` exists)."""
        new_name = new_name.strip()
        if not new_name:
            raise CurationError("the new name is empty")
        if new_name == name:
            raise CurationError(f"{name!r} is already called that")
        entries = self._entries()
        old = entries.pop(name, None)
        target = entries.get(new_name) or AliasEntry(new_name)
        entries[new_name] = target
        if old is not None:
            target.aliases.extend(a for a in old.aliases if a not in target.aliases)
            target.split.extend(s for s in old.split if s not in target.split)
            target.type = target.type or old.type
        if name not in target.aliases:
            target.aliases.append(name)
        target.aliases = [a for a in target.aliases if a.casefold() != new_name.casefold()]
        target.split = [s for s in target.split if s.casefold() != name.casefold()]
        verb = "merged" if action == "merge" else "renamed"
        summary = f"{verb} {name} {'into' if action == 'merge' else 'to'} {new_name}"
        return self._save(entries, {name, new_name}, action, summary, new_name)

    def retype(self, name: str, entity_type: str) -> CurationChange:
        kind = entity_type.strip().upper()
        if kind not in ENTITY_TYPES:
            raise CurationError(f"{entity_type!r} is not a type; use one of {' '.join(ENTITY_TYPES)}")
        entries = self._entries()
        entry = entries.setdefault(name, AliasEntry(name))
        entry.type = kind
        article = "an" if kind[0] in "AEIOU" else "a"
        return self._save(entries, {name}, "retype", f"{name} is now {article} {kind}", name, kind)

    def split(self, name: str, alias: str, articles: list[Path] | None = None) -> CurationChange:
        """`alias` is not `name`: it stands alone (rewriting `articles` where it is a form of it)."""
        if alias.casefold() == name.casefold():
            raise CurationError(f"{alias!r} is the entity's own name; rename it instead")
        entries = self._entries()
        entry = entries.setdefault(name, AliasEntry(name))
        entry.aliases = [a for a in entry.aliases if a.casefold() != alias.casefold()]
        if alias not in entry.split:
            entry.split.append(alias)
        summary = f"split {alias} off {name}: it is an entity of its own"
        return self._save(entries, {name}, "split", summary, alias, rewrite=articles or [])

    def drop(self, name: str) -> CurationChange:
        entries = self._entries()
        entry = entries.setdefault(name, AliasEntry(name))
        entry.drop = True
        return self._save(entries, {name}, "drop", f"{name} is not an entity any more", None)

    def undo(self) -> CurationChange:
        """Put back the files as they were before the last action."""
        steps = self._history()
        if not steps:
            raise CurationError("nothing to undo")
        step = steps.pop()
        skipped: list[str] = []
        restored: list[str] = []
        for record in step["files"]:
            path = self.data_dir / str(record["path"])
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if _digest(current) != record["after"]:
                skipped.append(str(record["path"]))  # changed since: keep the newer text
                continue
            if record["before"] is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, str(record["before"]))
            if path.parent.name == "articles":
                restored.append(path.stem)
        self._write_history(steps)
        summary = f"undid: {step['summary']}"
        if skipped:
            summary += f" (left {', '.join(skipped)} alone: changed since)"
        return CurationChange("undo", summary, articles=restored, problems=self._problems())

    def history(self) -> list[str]:
        """What undo would take back, oldest first."""
        return [str(step["summary"]) for step in self._history()]

    # -- files ---------------------------------------------------------------------

    def _entries(self) -> dict[str, AliasEntry]:
        entries, problems = read_entries(self.path)
        broken = [p for p in problems if "variants must" not in p.message and "type must" not in p.message]
        if broken and not entries and self.path.exists() and self.path.read_text(encoding="utf-8").strip():
            where = f"{self.path}:{broken[0].line}" if broken[0].line else str(self.path)
            raise CurationError(f"{where}: {broken[0].message} — fix the file first (newsdesk check)")
        return {entry.name: entry for entry in entries}

    def _save(
        self,
        entries: dict[str, AliasEntry],
        changed: set[str],
        action: str,
        summary: str,
        name: str | None,
        entity_type: str | None = None,
        *,
        rewrite: list[Path] | None = None,
    ) -> CurationChange:
        old_text = self.path.read_text(encoding="utf-8") if self.path.exists() else None
        new_text = updated_text(old_text, list(entries.values()), changed)
        records = [_record(ALIASES_FILE, old_text, new_text)]
        write_atomic(self.path, new_text)
        change = CurationChange(action, summary, name, entity_type)
        if rewrite:
            table = build_table(list(entries.values()), self.path, [])
            for path in rewrite:
                record = _rewrite(path, table)
                if record is not None:
                    records.append({**record, "path": str(path.relative_to(self.data_dir))})
                    change.articles.append(path.stem)
        steps = self._history()
        steps.append({"action": action, "summary": summary, "files": records})
        self._write_history(steps[-HISTORY_LIMIT:])
        change.problems = self._problems()
        return change

    def _problems(self) -> list[Problem]:
        entries, problems = read_entries(self.path)
        build_table(entries, self.path, problems)
        return problems

    def _history(self) -> list[dict[str, Any]]:
        try:
            steps = json.loads(self.history_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return []
        return steps if isinstance(steps, list) else []

    def _write_history(self, steps: list[dict[str, Any]]) -> None:
        write_atomic(self.history_path, json.dumps(steps, ensure_ascii=False, indent=1), durable=False)


def _digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


def _record(relative: str, before: str | None, after: str) -> dict[str, object]:
    return {"path": relative, "before": before, "after": _digest(after)}


def _rewrite(path: Path, table: object) -> dict[str, object] | None:
    """Apply the table to one stored article; its hand-edit status stays what it was."""
    from store.extract.digest import edited_by_hand, extraction_digest  # (imports the extraction package)

    try:
        before = path.read_text(encoding="utf-8")
        article = load_article(path)
    except (OSError, ArticleFileError):
        return None
    by_hand = edited_by_hand(article)
    curate_article(article, table)  # type: ignore[arg-type]
    if not by_hand and article.extraction_digest is not None:
        article.extraction_digest = extraction_digest(article)
    save_article(path, article)
    after = path.read_text(encoding="utf-8")
    if after == before:
        return None
    return {"before": before, "after": _digest(after)}
