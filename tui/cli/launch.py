"""Open the terminal explorer (placeholder until the TUI issue lands)."""

from __future__ import annotations

import argparse
import sys


def run_app(args: argparse.Namespace) -> int:
    print(
        "newsdesk: the terminal explorer is being built; for now use the commands "
        "(`newsdesk --help`).",
        file=sys.stderr,
    )
    return 0
