"""One bad file is that file's problem only; only regular files inside the store are read.

Each file below once took the whole store down (a crash in `check`, `index` and every
search) or hung every command; now each is one problem line and the rest works."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from store.articles import ArticleStore
from store.corpus import open_corpus
from store.errors import ArticleFileError
from store.fileio import MAX_STORE_FILE_BYTES
from store.models import Article, Paragraph
from store.yamlio.load import load_article
from tui.cli import main

T = TypeVar("T")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
GOOD = 5  # articles in tests/fixtures/store


@pytest.fixture
def store(tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(FIXTURES / "store", target, ignore=shutil.ignore_patterns(".index*"))
    return target


def _deep(levels: int) -> str:
    return "id: deep\ntitle: Deep\nparagraphs: " + "[" * levels + "x" + "]" * levels + "\n"


HOSTILE_TEXTS = {
    "deep.yaml": _deep(600),  # RecursionError in the YAML reader
    "digits.yaml": "id: digits\ntitle: Digits\nparagraphs: []\nquotes:\n- paragraph: " + "9" * 5000 + "\n",
    "deepmap.yaml": "id: deepmap\ntitle: T\nparagraphs:\n- " + "{a: " * 600 + "1" + "}" * 600 + "\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXTS))
def test_a_file_the_yaml_reader_gives_up_on_is_one_problem(store: Path, name: str) -> None:
    path = store / "articles" / name
    path.write_text(HOSTILE_TEXTS[name], encoding="utf-8")
    with pytest.raises(ArticleFileError) as failed:
        load_article(path)
    assert failed.value.problems[0].path == path
    assert "sys." not in failed.value.problems[0].message  # said in the user's words
    problems = ArticleStore(store).check()
    assert [p.path.name for p in problems] == [name]
    corpus = open_corpus(store)
    try:
        report = corpus.ensure_index()
        assert [p.path.name for p in report.problems] == [name]
        assert corpus.search("kerry").total > 0
        assert len(corpus.articles()) == GOOD
    finally:
        corpus.close()


def _within(seconds: float, action: Callable[[], T]) -> T:
    """Run `action` in a daemon thread: a read that blocks fails the test, not the run."""
    result: list[T] = []
    worker = threading.Thread(target=lambda: result.append(action()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"still running after {seconds} s (blocked on a special file?)"
    return result[0]


def test_a_fifo_and_a_link_to_dev_zero_are_refused_not_read(store: Path) -> None:
    os.mkfifo(store / "articles" / "pipe.yaml")
    (store / "articles" / "zero.yaml").symlink_to("/dev/zero")
    problems = _within(30, ArticleStore(store).check)  # each would hang or read forever
    found = {p.path.name: p.message for p in problems}
    assert found["pipe.yaml"] == "not a regular file (a FIFO); only files are read"
    assert "zero.yaml" in found
    corpus = open_corpus(store)
    try:
        report = _within(30, corpus.ensure_index)
        assert {p.path.name for p in report.problems} == {"pipe.yaml", "zero.yaml"}
        assert corpus.search("kerry").total > 0
    finally:
        corpus.close()


def test_a_link_out_of_the_store_is_refused_and_not_searchable(store: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text(
        "id: secret\ntitle: Zanzibar passwords\nparagraphs:\n- text: hunter2\n", encoding="utf-8"
    )
    (store / "articles" / "secret.yaml").symlink_to(outside)
    inside = store / "articles" / "town-council-approves-new-library.yaml"
    (store / "articles" / "alias.yaml").symlink_to(inside)  # a link inside the store is read
    problems = ArticleStore(store).check()
    assert [
        (p.path.name, "outside the store" in p.message) for p in problems if p.path.name == "secret.yaml"
    ] == [("secret.yaml", True)]
    corpus = open_corpus(store)
    try:
        corpus.ensure_index()
        assert corpus.search("zanzibar").total == 0
    finally:
        corpus.close()


def test_an_oversized_file_is_refused_with_the_limit(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = store / "articles" / "huge.yaml"
    with path.open("wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_STORE_FILE_BYTES + 1)
    with pytest.raises(ArticleFileError, match=f"{MAX_STORE_FILE_BYTES // 1_048_576} MB"):
        load_article(path)


def test_file_names_are_shown_inert_by_check(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "evil\x1b]0;owned\x07.yaml"
    (store / "articles" / name).write_text("id: [\n", encoding="utf-8")
    assert main(["check", "--data", str(store)]) == 1
    captured = capsys.readouterr()
    assert "\x1b" not in captured.err + captured.out
    assert "evil\\x1b]0;owned\\x07.yaml" in captured.err


def test_saved_files_get_the_umask_permissions(store: Path) -> None:
    article = Article(id="permissions-test", title="Permissions", paragraphs=[Paragraph("Text.")])
    old = os.umask(0o022)
    try:
        ArticleStore(store).save(article)
        ArticleStore(store).save_many([Article(id="second", title="Second", paragraphs=[Paragraph("T.")])])
    finally:
        os.umask(old)
    for name in ("permissions-test.yaml", "second.yaml"):
        assert stat.S_IMODE((store / "articles" / name).stat().st_mode) == 0o644


def test_saving_syncs_each_file_and_the_folder_not_every_disk(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []

    def no_sync() -> None:
        raise AssertionError("os.sync() flushes every disk of the machine")

    real_fsync = os.fsync
    monkeypatch.setattr(os, "sync", no_sync)

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    articles = [Article(id=f"a{i}", title=f"A {i}", paragraphs=[Paragraph("T.")]) for i in range(3)]
    ArticleStore(store).save_many(articles)
    assert len(synced) == 4  # three files, then the folder once
    assert not [p for p in (store / "articles").iterdir() if p.name.endswith(".tmp")]


def _dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    return int(finished.stdout)


def test_what_a_killed_run_left_is_cleaned_at_the_next_run(store: Path) -> None:
    dead = _dead_pid()
    stale_temp = store / "articles" / f".town.yaml.{dead}.ab12cd34.tmp"
    live_temp = store / "articles" / f".town.yaml.{os.getpid()}.ab12cd34.tmp"  # a run still writing
    half_build = store / f".index.building-{dead}"
    for temp in (stale_temp, live_temp):
        temp.write_text("id: half\n", encoding="utf-8")
    half_build.mkdir()
    (half_build / "_MAIN_1.toc").write_bytes(b"x")
    corpus = open_corpus(store)
    try:
        corpus.ensure_index()
    finally:
        corpus.close()
    assert not stale_temp.exists() and not half_build.exists()
    assert live_temp.exists()


def test_a_fifo_given_to_import_is_refused_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    status = _within(30, lambda: main(["import", str(fifo), "--data", str(tmp_path / "d"), "--no-extract"]))
    assert status == 1
    assert "feed.jsonl: not a regular file" in capsys.readouterr().err
