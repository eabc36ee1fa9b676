"""Modules stay small enough to read whole (STYLE.md 6 and 20): none in store/ or
tui/ is over 450 lines. A module that grows past it splits where its jobs part."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 450


def test_no_module_in_store_or_tui_is_over_450_lines() -> None:
    modules = [path for package in ("store", "tui") for path in sorted((ROOT / package).rglob("*.py"))]
    assert len(modules) > 50  # the packages were found
    too_long = {
        str(path.relative_to(ROOT)): lines
        for path in modules
        if (lines := len(path.read_bytes().splitlines())) > MAX_LINES
    }
    assert too_long == {}, f"split these along their seams: {too_long}"
