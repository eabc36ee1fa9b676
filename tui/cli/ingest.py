"""`newsdesk import PATH...` and `newsdesk check`: filling the store and validating it."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from store.articles import ArticleStore
from store.errors import Problem
from store.ingest.dates import DATE_ORDERS, DAY_FIRST
from store.ingest.files import MAX_FILE_BYTES
from store.ingest.pipeline import import_paths
from store.notebook_file import check_notebook_files
from tui.cli.progress import ProgressBar, visible


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `import` and `check` to the `newsdesk` parser."""
    parser = commands.add_parser(
        "import",
        help="import .txt, .jsonl and .html articles into the store",
        description=(
            "Import articles: text files (headline, blank line, paragraphs, optional 'Source:' line), "
            "JSON Lines (one {title, text, standfirst, date, source, url, ...} per line; other fields "
            "such as id, category, author or tags are kept under meta:) and HTML pages. "
            "Folders are read recursively; a folder's manifest.jsonl gives its .txt files' metadata. "
            "An article is identified by the id its record gives, else its URL, else its file (.txt, "
            ".html), else its content: importing it again updates it in place, an unchanged one is "
            "not rewritten, and every input taken as an article from elsewhere is listed. "
            f"Text and HTML files over {MAX_FILE_BYTES // 1_048_576} MB are refused (JSON Lines stream)."
        ),
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders to import")
    data_option(parser)
    parser.add_argument(
        "--no-extract", action="store_true", help="skip quote and entity extraction (import the text only)"
    )
    parser.add_argument(
        "--processes", type=_positive, default=1, metavar="N", help="processes for extraction (default 1)"
    )
    parser.add_argument(
        "--show-dropped", action="store_true", help="list every line left out as page furniture"
    )
    parser.add_argument(
        "--date-order",
        choices=DATE_ORDERS,
        default=DAY_FIRST,
        help="how numeric dates such as 03/04/2005 are read: dmy, day first (3 April, the default), "
        "or mdy, month first (4 March)",
    )
    parser.set_defaults(run=run_import)

    parser = commands.add_parser(
        "check",
        help="validate every article file in the store",
        description=(
            "Validate every YAML file in the store: syntax, fields and types, offsets inside their "
            "paragraph, quotes against their text, speakers against entities, ids against file names. "
            "Prints 'path:line: what is wrong' per problem; exit status 1 if there is any."
        ),
    )
    data_option(parser)
    parser.set_defaults(run=run_check)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def run_import(args: argparse.Namespace) -> int:
    started = time.monotonic()
    bar = ProgressBar("articles")
    try:
        report = import_paths(
            list(args.paths),
            args.data,
            extract=not args.no_extract,
            processes=args.processes,
            progress=bar,
            date_order=args.date_order,
        )
    finally:
        bar.close()
    if args.show_dropped:
        for where, block in report.dropped:
            line = f":{block.line}" if block.line and ":" not in where else ""
            print(visible(f"{where}{line}: dropped {block.text!r}"))
    _print_problems(report.merges)
    _print_problems(report.warnings, "warning: ", collapse=True)
    _print_problems(report.problems)
    elapsed = time.monotonic() - started
    merged = f", {len(report.merges)} merged (listed above)" if report.merges else ""
    print(
        visible(
            f"imported {report.imported}, updated {report.updated}, unchanged {report.unchanged}, "
            f"failed {report.failed}{merged} ({len(report.dropped)} furniture lines dropped, "
            f"{report.extracted} extracted) into {Path(args.data) / 'articles'} in {elapsed:.1f}s"
        )
    )
    if report.imported or report.updated:
        _update_index(args.data)
    return 1 if report.failed else 0


def _update_index(data: Path) -> None:
    try:
        from store.corpus import open_corpus
    except ImportError:
        return  # no index yet in this build: the app builds it when it opens
    bar = ProgressBar("indexed")
    try:
        corpus = open_corpus(Path(data))
        try:
            corpus.ensure_index(bar)
        finally:
            corpus.close()
    finally:
        bar.close()


def run_check(args: argparse.Namespace) -> int:
    started = time.monotonic()
    store = ArticleStore(args.data)
    bar = ProgressBar("checked")
    try:
        files = len(store.files())
        problems = store.check(progress=bar)
    finally:
        bar.close()
    problems += check_notebook_files(args.data)  # notebook.yaml, history.yaml, config.yaml
    _print_problems(problems)
    broken = len({p.path for p in problems})
    elapsed = time.monotonic() - started
    if problems:
        print(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {broken} "
            f"file{'s' if broken != 1 else ''} ({files} article files checked in {elapsed:.1f}s)",
            file=sys.stderr,
        )
        return 1
    print(f"{files} article files checked, no problems ({elapsed:.1f}s)")
    return 0


SAME_MESSAGE_SHOWN = 5
"""Lines shown for one message that many inputs share (a feed of 1,800 briefs says so 5 times)."""


def _print_problems(problems: list[Problem], prefix: str = "", *, collapse: bool = False) -> None:
    """Each problem as `path:line: message`, inert; with `collapse`, a message many
    inputs share is shown `SAME_MESSAGE_SHOWN` times, then counted."""
    shown: dict[str, int] = {}
    for problem in problems:
        seen = shown[problem.message] = shown.get(problem.message, 0) + 1
        if not collapse or seen <= SAME_MESSAGE_SHOWN:
            print(
                visible(str(Problem(problem.path, problem.line, prefix + problem.message))), file=sys.stderr
            )
    for message, count in shown.items():
        if collapse and count > SAME_MESSAGE_SHOWN:
            print(visible(f"... and {count - SAME_MESSAGE_SHOWN} more: {prefix}{message}"), file=sys.stderr)
