"""Sub-commands of `newsdesk` (placeholder until its issue lands)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add this module's sub-commands to the `newsdesk` parser."""
