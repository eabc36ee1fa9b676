"""One bad file is that file's problem only; only regular files inside the store are read.

Each file below once took the whole store down (a crash in `check`, `index` and every
search) or hung every command; now each is one problem line and the rest works."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from store.articles import ArticleStore
from store.corpus import open_corpus
from store.errors import ArticleFileError
from store.fileio import MAX_STORE_FILE_BYTES
from store.models import Article, Paragraph
from store.yamlio import load_article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NEWSDESK = str(Path(sys.executable).parent / "newsdesk")
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


def _run(store: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NEWSDESK, *args, "--data", str(store)], capture_output=True, text=True, timeout=60)


def test_a_fifo_and_a_link_to_dev_zero_are_refused_not_read(store: Path) -> None:
    os.mkfifo(store / "articles" / "pipe.yaml")
    (store / "articles" / "zero.yaml").symlink_to("/dev/zero")
    checked = _run(store, "check")  # each would hang or read forever
    assert checked.returncode == 1
    assert "pipe.yaml: not a regular file (a FIFO)" in checked.stderr
    assert "zero.yaml: " in checked.stderr
    found = _run(store, "search", "kerry", "--json")
    assert found.returncode == 0, found.stderr
    assert "pipe.yaml" in found.stderr and "zero.yaml" in found.stderr


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


def test_file_names_are_shown_inert_by_check(store: Path) -> None:
    name = "evil\x1b]0;owned\x07.yaml"
    (store / "articles" / name).write_text("id: [\n", encoding="utf-8")
    checked = _run(store, "check")
    assert checked.returncode == 1
    assert "\x1b" not in checked.stderr + checked.stdout
    assert "evil\\x1b]0;owned\\x07.yaml" in checked.stderr


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
