"""Open an article elsewhere: its YAML file in the reader's editor, its URL in a browser.

The editor gets the terminal (the app is suspended) and the line of the paragraph
(`+LINE FILE`, which vi, vim, nano, emacs and micro understand); afterwards the
article is read again and the index brought up to date, so the edit shows at once.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import webbrowser
from typing import TYPE_CHECKING

from textual.app import SuspendNotSupported

from store.errors import StoreError
from store.passage_ref import paragraph_line

if TYPE_CHECKING:
    from tui.notebook_actions import NotebookActions


def editor_command() -> list[str]:
    """$VISUAL, else $EDITOR, else vi, split as a shell would."""
    return shlex.split(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")


def edit_in_editor(screen: NotebookActions, article_id: str, paragraph: int) -> None:
    """Open the article's file at the paragraph; reload the article and update the index after."""
    try:
        path = screen.corpus.article_path(article_id)
    except StoreError as error:
        screen.notify(str(error), severity="error", markup=False)
        return
    try:
        line = paragraph_line(path.read_text(encoding="utf-8"), paragraph)
    except OSError as error:
        screen.notify(f"Cannot open {path}: {error.strerror}", severity="error", markup=False)
        return
    editor = editor_command()
    command = [*editor, f"+{line}", str(path)]
    try:
        try:
            with screen.app.suspend():
                status = subprocess.run(command, check=False).returncode
        except SuspendNotSupported:  # headless (tests): run it without handing over the terminal
            status = subprocess.run(command, check=False).returncode
    except OSError as error:
        screen.notify(
            f"Cannot start {editor[0]}: {error.strerror}. Set $EDITOR.", severity="error", markup=False
        )
        return
    if status:
        screen.notify(f"{editor[0]} exited with status {status}.", severity="warning", markup=False)
    view = screen.article
    target = view.target
    if view.article is not None and target is not None and target.article_id == article_id:
        cursor = view.cursor
        view.clear()
        view.open(target, cursor=cursor)
    screen.prepare_index()  # the edit is indexed; the list reloads when it changed


def can_start_browser() -> bool:
    """A graphical browser can be started: not over SSH without a display (a text
    browser would take the terminal over from the app)."""
    if os.environ.get("BROWSER"):
        return True
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return True
    return os.uname().sysname == "Darwin" and not os.environ.get("SSH_CONNECTION")


def open_in_browser(url: str) -> bool:
    """Open `url`; False when no browser could be started (the caller shows the URL)."""
    try:
        return can_start_browser() and webbrowser.open(url)
    except webbrowser.Error:
        return False
