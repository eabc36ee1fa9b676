"""Saving article files: atomic and durable, one file or a batch.

The writing itself is `store.fileio`'s: a temporary file beside the target, fsynced,
renamed into place, then one fsync of the folder (never `os.sync()`, which would
flush every disk of the machine).
"""

from __future__ import annotations

from pathlib import Path

from store.fileio import create_many, read_regular, write_atomic, write_many
from store.models import Article
from store.yamlio.dump import dump_article, top_level_keys


def save_article(path: Path, article: Article) -> bool:
    """Write an article atomically; returns False (and writes nothing) when the
    file already holds exactly this text. A file's own order of top-level keys
    (a person may have moved `source` below `paragraphs`) is kept."""
    text = _text_to_save(path, article)
    if text is None:
        return False
    write_atomic(path, text)
    return True


def save_articles(files: list[tuple[Path, Article]]) -> list[bool]:
    """`save_article` for many files at once: each file is written and fsynced, then
    all are renamed into place and the folder is fsynced once (`fileio.write_many`)."""
    texts = [_text_to_save(path, article) for path, article in files]
    write_many([(path, text) for (path, _), text in zip(files, texts, strict=True) if text is not None])
    return [text is not None for text in texts]


def create_articles(files: list[tuple[Path, Article]]) -> list[bool]:
    """New article files, each written only if its name is free (False where it is
    taken: another process created it meanwhile). See `fileio.create_many`."""
    return create_many([(path, dump_article(article)) for path, article in files])


def _text_to_save(path: Path, article: Article) -> str | None:
    """The article's YAML in the file's own key order, or None when the file already holds it."""
    try:
        old: str | None = read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        old = None
    text = dump_article(article, top_level_keys(old) if old else None)
    return None if old == text else text
