"""`newsdesk export`: a whole list (a search, a jump, quotes, a collection) to a file.

Streamed: rows are written as they are read, so a list of 100,000 passages needs
no more memory than a page of them. Markdown, CSV or JSON Lines (README: Exporting).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store.citation import CitationError, load_style
from store.errors import StoreError
from store.export import FORMATS, ArticleFacts, export
from store.listing import Listing, collection_listing, mentions_listing, quotes_listing, search_listing
from tui.cli.progress import ProgressBar
from tui.cli.search import _guarded, _open, _say_report, index_command


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `export` to the `newsdesk` parser."""
    help_text = (
        "export a whole list (a search, an entity's passages, quotes, a collection) to md, csv or jsonl"
    )
    parser = index_command(commands, data_option, "export", help_text, run_export)
    parser.add_argument("query", metavar="QUERY", nargs="?", help="a search query (as for `newsdesk search`)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--entity", metavar="NAME", help="every passage mentioning this entity (the jump)")
    what.add_argument("--quotes-by", metavar="NAME", help="every quote by this speaker")
    what.add_argument("--all-quotes", action="store_true", help="every quote in the corpus")
    what.add_argument(
        "--collection", metavar="NAME", help="a notebook collection ('starred' for the starred items)"
    )
    parser.add_argument(
        "--type", metavar="T", help="with --entity: only an entity of this type (PERSON, ORG, ...)"
    )
    parser.add_argument(
        "--sort",
        choices=("relevance", "date"),
        default="relevance",
        help="for a query: best first or newest first",
    )
    parser.add_argument("--format", choices=FORMATS, required=True, help="md, csv or jsonl")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: stdout)")


def _listing(args: argparse.Namespace) -> Listing:
    chosen = [x for x in (args.query, args.entity, args.quotes_by, args.collection) if x is not None]
    if len(chosen) + args.all_quotes != 1:
        raise StoreError(
            "give exactly one of QUERY, --entity NAME, --quotes-by NAME, --all-quotes or --collection NAME"
        )
    corpus, report = _open(args)
    _say_report(report)
    args.corpus = corpus
    if args.entity is not None:
        return mentions_listing(corpus, args.entity, args.type)
    if args.quotes_by is not None or args.all_quotes:
        return quotes_listing(corpus, args.quotes_by)
    if args.collection is not None:
        name = None if args.collection.strip().casefold() == "starred" else args.collection
        return collection_listing(corpus, corpus.notebook, name)
    return search_listing(corpus, args.query, args.sort)


@_guarded
def run_export(args: argparse.Namespace) -> int:
    try:
        style = load_style(args.data)
    except CitationError as exc:
        print(f"newsdesk export: {exc}", file=sys.stderr)
        return 2
    listing = _listing(args)
    facts = ArticleFacts(args.corpus.articles_dir)
    if args.output is None:
        written = export(listing, args.format, sys.stdout, style, facts)
        sys.stdout.flush()
        return 0
    bar = ProgressBar("rows")
    partial = args.output.with_name(f".{args.output.name}.part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            written = export(
                listing, args.format, out, style, facts, lambda done, total: bar(done, total, "")
            )
        partial.replace(args.output)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        bar.close()
    where = args.output.resolve()
    print(
        f"newsdesk: {written:,} row{'' if written == 1 else 's'} ({listing.title}) "
        f"written to {where.name} in {where.parent}",
        file=sys.stderr,
    )
    return 0
