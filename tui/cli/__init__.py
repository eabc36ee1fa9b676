"""The `newsdesk` command: the TUI with no sub-command, otherwise a thin CLI.

Each sub-command lives in a module of this package with a `register(commands)`
function that adds its parser and sets `run` to a function taking the parsed
arguments and returning the exit status. The CLI parses, calls `store`, prints.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.cli import curate, export, extract, ingest, search, views
from tui.cli.progress import visible

DEFAULT_DATA = Path(os.environ.get("NEWSDESK_DATA", "data"))
STORE_COMMANDS = (
    "check",
    "reextract",
    "search",
    "mentions",
    "quotes",
    "entities",
    "index",
    "entity",
    "export",
    "cooccur",
    "speakers",
    "timeline",
)
"""Commands that read a store: `--data` must name one (a folder with articles/ in it);
nothing is created in a folder that is not one."""


def data_option(parser: argparse.ArgumentParser) -> None:
    """The `--data DIR` option every command shares."""
    parser.add_argument(
        "--data",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help=f"the store: a folder holding articles/ (default: $NEWSDESK_DATA or {DEFAULT_DATA})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Explore a corpus of news articles: who said what, who is named, and where.",
        epilog="With no command, opens the terminal explorer on the store.",
    )
    data_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (ingest, extract, search, curate, export, views):
        module.register(commands, data_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "data"):
        args.data = DEFAULT_DATA
    try:
        if args.command is None:
            from tui.cli.launch import run_app

            return run_app(args)
        if args.command in STORE_COMMANDS and not (Path(args.data) / "articles").is_dir():
            print(
                visible(f"newsdesk {args.command}: no store at {args.data}; create one with newsdesk import"),
                file=sys.stderr,
            )
            return 2
        status: int = args.run(args)
        return status
    except KeyboardInterrupt:
        print("newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `newsdesk search x | head`: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
