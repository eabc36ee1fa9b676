"""Two imports at once whose headlines give the same file names keep every article.

Real processes, started together (each waits for a signal file after its imports, so
both read the empty store before either writes): a new article's file is created
exclusively, and the second to claim a name takes the next free id."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from store.articles import ArticleStore

RECORDS = 400

DRIVER = """
import pathlib, sys, time
from store.ingest.pipeline import import_paths
go = pathlib.Path(sys.argv[1])
while not go.exists():
    time.sleep(0.005)
report = import_paths([pathlib.Path(sys.argv[2])], pathlib.Path(sys.argv[3]), extract=False)
print(f"imported {report.imported}, failed {report.failed}")
"""


def _feed(path: Path, who: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for number in range(RECORDS):
            record = {"title": f"Story number {number}", "text": f"Told by {who}, version {number}."}
            handle.write(json.dumps(record) + "\n")


def test_two_imports_at_once_never_overwrite_each_other(tmp_path: Path) -> None:
    store = tmp_path / "store"
    go = tmp_path / "go"
    feeds = []
    for who in ("alpha", "beta"):
        feeds.append(tmp_path / f"{who}.jsonl")
        _feed(feeds[-1], who)
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(go), str(feed), str(store)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for feed in feeds
    ]
    time.sleep(0.5)  # both have imported newsdesk and wait
    go.touch()
    outputs = [run.communicate(timeout=120) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert f"imported {RECORDS}," in out
    texts = {a.paragraphs[0].text for a in ArticleStore(store).load_all()[0]}
    assert len(texts) == 2 * RECORDS  # nothing overwritten
    assert len(ArticleStore(store).files()) == 2 * RECORDS
