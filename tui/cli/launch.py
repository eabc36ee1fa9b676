"""Open the terminal explorer on a store: `newsdesk [--data DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run_app(args: argparse.Namespace) -> int:
    """Open the store in `args.data` and run the TUI; a missing store is a clear message."""
    data: Path = args.data
    if not (data / "articles").is_dir():
        where = "does not exist" if not data.exists() else "has no articles/ folder"
        print(
            f"newsdesk: no store at {data} ({where}).\n"
            f"  Open another one with `newsdesk --data DIR`, or import articles into this one with "
            f"`newsdesk import FILE... --data {data}`.",
            file=sys.stderr,
        )
        return 2
    from store.corpus import open_corpus
    from tui.app import NewsdeskApp

    corpus = open_corpus(data)
    try:
        NewsdeskApp(corpus).run()
    finally:
        corpus.close()
    return 0
