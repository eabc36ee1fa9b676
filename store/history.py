"""The search history: every query run, kept in the store's `history.yaml`.

Newest last, a query run again moves to the end, at most HISTORY_LIMIT kept. A
history file that cannot be read is left alone (and not overwritten): the queries
of this session are kept in memory and the problem is reported once.
"""

from __future__ import annotations

import threading
from pathlib import Path

from store.errors import ArticleFileError, Problem
from store.fileio import write_atomic
from store.yamlio.dump import dump_yaml
from store.yamlio.load import load_yaml_file

HISTORY_FILE = "history.yaml"
HISTORY_LIMIT = 500


class SearchHistory:
    """The queries of DIR/history.yaml, oldest first."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / HISTORY_FILE
        self.queries: list[str] = []
        self.problem: Problem | None = None
        """Why the file could not be read (it is then never written)."""
        self._lock = threading.Lock()
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            document = load_yaml_file(self.path)
        except ArticleFileError as exc:
            self.problem = Problem(
                self.path, exc.problems[0].line, "cannot be read; the history is not saved"
            )
            return
        queries = document.get("queries") if isinstance(document, dict) else None
        if document is not None and (
            not isinstance(queries, list) or not all(isinstance(q, str) for q in queries)
        ):
            self.problem = Problem(
                self.path, 1, "must hold queries: [a list of text]; the history is not saved"
            )
            return
        self.queries = list(queries or [])[-HISTORY_LIMIT:]

    def add(self, query: str) -> None:
        """Remember a query that was run (a repeat moves to the end) and save the file."""
        query = query.strip()
        if not query:
            return
        with self._lock:
            if query in self.queries:
                self.queries.remove(query)
            self.queries.append(query)
            del self.queries[:-HISTORY_LIMIT]
            if self.problem is None:
                header = "# newsdesk search history, oldest first (up/down in the search box recall it)\n"
                write_atomic(self.path, header + dump_yaml({"queries": self.queries}), durable=False)
