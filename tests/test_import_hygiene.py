"""The layout's boundaries: store/ never pulls in Textual or Rich, tui/ never
imports Whoosh or YAML, extraction and the index stay apart."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def modules(package: str) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append(".".join(parts))
    return found


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_store_module_loads_textual() -> None:
    # One interpreter imports every store module in turn and names the first one after
    # which Textual is loaded (a process per module cost a second each). Rich is
    # checked statically below: spaCy itself loads it (through typer).
    code = (
        "import importlib, sys\n"
        f"for name in {modules('store')!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m.split('.')[0] == 'textual' for m in sys.modules):\n"
        "        print(name)\n"
        "        break\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"importing {result.stdout.strip()} loads Textual"


@pytest.mark.parametrize("path", sorted((ROOT / "store").rglob("*.py")), ids=str)
def test_store_does_not_import_textual_or_rich(path: Path) -> None:
    roots = {name.split(".")[0] for name in imported_names(path)}
    assert not roots & {"textual", "rich"}


def test_the_cli_starts_without_loading_the_nlp_model() -> None:
    code = "import sys, tui.cli; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.parametrize("path", sorted((ROOT / "tui").rglob("*.py")), ids=str)
def test_tui_does_not_import_whoosh_or_yaml(path: Path) -> None:
    roots = {name.split(".")[0] for name in imported_names(path)}
    assert not roots & {"whoosh", "yaml"}


def test_extraction_and_index_stay_apart() -> None:
    for path in (ROOT / "store" / "extract").rglob("*.py"):
        assert not any(n.startswith(("store.index", "whoosh")) for n in imported_names(path)), path
    for path in (ROOT / "store" / "index").rglob("*.py"):
        assert not any(n.startswith(("store.extract", "spacy")) for n in imported_names(path)), path
