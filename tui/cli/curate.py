"""`newsdesk entity rename|retype|merge|split|drop|undo`: curation from the command line.

Each action is saved in `DIR/aliases.yaml` (see README: aliases.yaml) and is in
effect at once in the app, the index and every command; `undo` takes back the last.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from store.corpus import open_corpus
from store.curation_edit import CurationChange
from store.errors import StoreError
from store.hits import UnknownEntity
from tui.cli.progress import ProgressBar
from tui.cli.search import index_command
from tui.results_text import count

ACTIONS: dict[str, tuple[str, str | None, str | None]] = {
    "rename": ("give an entity a new name (its old name stays an alias)", "NEW_NAME", "the new name"),
    "retype": ("change an entity's type everywhere", "TYPE", "PERSON, ORG, GPE, LOC, NORP, FAC, ..."),
    "merge": ("merge an entity into another", "INTO", "the entity to merge it into (any of its names)"),
    "split": ("split an alias off an entity, into an entity of its own", "ALIAS", "one of its aliases"),
    "drop": ("an entity that is not one ('MPs'): leave it out everywhere", None, None),
    "undo": ("take back the last curation action", None, None),
}


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `entity` and its actions to the `newsdesk` parser."""
    entity = commands.add_parser(
        "entity",
        help="curate entities: rename, retype, merge, split, drop, undo (saved in aliases.yaml)",
        description="Curate entities. Every change is saved in DIR/aliases.yaml and applies at once.",
    )
    actions = entity.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, (help_text, value, value_help) in ACTIONS.items():
        parser = index_command(actions, data_option, action, help_text, run_entity)
        if action != "undo":
            parser.add_argument("name", metavar="NAME", help="the entity: its name or any alias, any case")
            parser.add_argument(
                "--type", metavar="T", help="the entity of this type, when several share the name"
            )
        if value:
            parser.add_argument("value", metavar=value, help=value_help)
        parser.add_argument("--json", action="store_true", help="print what was done as one JSON object")


def run_entity(args: argparse.Namespace) -> int:
    corpus = open_corpus(args.data, args.index)
    bar = ProgressBar("articles")
    try:
        try:
            corpus.ensure_index(bar)
        finally:
            bar.close()
        change = corpus.curate(
            args.action,
            getattr(args, "name", None),
            getattr(args, "value", None),
            type=getattr(args, "type", None),
        )
    except UnknownEntity as exc:
        return _fail(args, str(exc), suggestions=exc.suggestions)
    except StoreError as exc:
        return _fail(args, str(exc))
    finally:
        corpus.close()
    _report(args, change)
    return 0


def _report(args: argparse.Namespace, change: CurationChange) -> None:
    if args.json:
        document = asdict(change)
        document["problems"] = [str(problem) for problem in change.problems]
        print(json.dumps(document, ensure_ascii=False))
    else:
        print(change.summary)
        if change.articles:
            done = "restored" if change.action == "undo" else "rewrote"
            print(f"{done} {count(len(change.articles), 'article file')}: {', '.join(change.articles)}")
    for problem in change.problems:
        print(f"newsdesk entity: {problem}", file=sys.stderr)


def _fail(args: argparse.Namespace, message: str, **extra: Any) -> int:
    print(f"newsdesk entity {args.action}: {message}", file=sys.stderr)
    if args.json:
        print(json.dumps({"error": message, **extra}, ensure_ascii=False))
    return 1
