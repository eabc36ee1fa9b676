"""The article store: one YAML file per article in `<data>/articles/<id>.yaml`.

Loading never stops at a broken file: it is skipped and reported. Only regular
files are read, up to a size limit, and links out of the store are refused
(store.fileio). Writes are atomic and durable (temp file, fsync, rename, folder
fsync); temp files start with a dot and are never read as articles. A new article's
file is created exclusively: a concurrent import never overwrites it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from store.aliases import load_aliases
from store.errors import ArticleFileError, Problem, StoreError
from store.ingest.ids import is_safe_id
from store.models import Article
from store.yamlio.load import (
    check_text,
    iter_article_files,
    load_article,
    read_store_file,
    scan_meta,
    scan_top_level,
)
from store.yamlio.save import create_articles, save_article, save_articles

Progress = Callable[[int, int, str], None]

ARTICLES = "articles"
SUFFIX = ".yaml"
PARALLEL_CHECK_FROM = 2000
"""`check` uses two processes from this many files on (start-up costs ~0.1 s)."""


class UnsafeId(StoreError):
    """An id that cannot name a file inside the articles folder."""


@dataclass
class CatalogEntry:
    """What an import needs to know about a stored article, read cheaply."""

    id: str
    title: str | None
    published: str | None
    url: str | None
    imported_from: str | None
    source_digest: str | None = None
    extraction_digest: str | None = None
    given_id: str | None = None
    """The id the import record gave (`meta.id`), which identifies the article."""


class ArticleStore:
    """The YAML files of one store folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.articles_dir = self.data_dir / ARTICLES

    # ------------------------------------------------------------ paths

    def files(self) -> list[Path]:
        """Every article file, sorted (hidden and temporary files left out)."""
        return list(iter_article_files(self.articles_dir))

    def path_for(self, article_id: str) -> Path:
        """The file of an article; raises `UnsafeId` for an id that could leave the folder."""
        if not is_safe_id(article_id):
            raise UnsafeId(f"{article_id!r} is not a valid article id (letters, digits, '-', '_')")
        return self.articles_dir / f"{article_id}{SUFFIX}"

    def exists(self, article_id: str) -> bool:
        return is_safe_id(article_id) and self.path_for(article_id).is_file()

    # ------------------------------------------------------------ reading

    def load(self, article_id: str) -> Article:
        """One article; raises `ArticleFileError` naming file and line."""
        return load_article(self.path_for(article_id))

    def load_all(self, progress: Progress | None = None) -> tuple[list[Article], list[Problem]]:
        """Every article that can be read, and a problem for every file that cannot."""
        articles: list[Article] = []
        problems: list[Problem] = []
        files = self.files()
        for done, path in enumerate(files, 1):
            try:
                articles.append(load_article(path))
            except ArticleFileError as exc:
                problems.extend(exc.problems)
            if progress:
                progress(done, len(files), path.stem)
        return articles, problems

    def catalog(self) -> Iterator[CatalogEntry]:
        """Title, date, URL and origin of every article, without parsing whole files."""
        keys = ("id", "title", "published", "url", "imported_from", "source_digest", "extraction_digest")
        for path in self.files():
            try:
                text = read_store_file(path).decode("utf-8")
            except (ArticleFileError, UnicodeDecodeError):
                continue
            fields = scan_top_level(text, keys)
            given = scan_meta(text).get("id") if "\nmeta:" in text else None
            yield CatalogEntry(
                id=path.stem,
                title=_str(fields.get("title")),
                published=_str(fields.get("published")),
                url=_str(fields.get("url")),
                imported_from=_str(fields.get("imported_from")),
                source_digest=_str(fields.get("source_digest")),
                extraction_digest=_str(fields.get("extraction_digest")),
                given_id=_str(given),
            )

    # ------------------------------------------------------------ writing

    def save(self, article: Article) -> bool:
        """Write an article atomically under its id; False when the file was already identical."""
        return save_article(self.path_for(article.id), article)

    def save_many(self, articles: list[Article]) -> list[bool]:
        """`save` for a batch, with one folder sync for all (see `yamlio.save.save_articles`)."""
        return save_articles([(self.path_for(article.id), article) for article in articles])

    def create_many(self, articles: list[Article]) -> list[bool]:
        """New articles, each saved only if no file has its id yet (False where one has:
        another process took the name meanwhile; give it another id and try again)."""
        return create_articles([(self.path_for(article.id), article) for article in articles])

    # ------------------------------------------------------------ checking

    def check(self, progress: Progress | None = None, processes: int | None = None) -> list[Problem]:
        """Every problem in every article file (and in `aliases.yaml`), file by file."""
        files = self.files()
        problems: list[Problem] = []
        if processes is None:
            processes = 2 if len(files) >= PARALLEL_CHECK_FROM and (os.cpu_count() or 1) > 1 else 1
        results: Iterator[tuple[str | None, list[Problem]]]
        if processes > 1:
            pool = ProcessPoolExecutor(processes)
            results = pool.map(check_file, files, chunksize=200)
        else:
            pool = None
            results = map(check_file, files)
        owners: dict[str, Path] = {}
        try:
            for done, (path, (article_id, found)) in enumerate(zip(files, results, strict=True), 1):
                problems.extend(found)
                if article_id is not None and article_id in owners:
                    problems.append(
                        Problem(
                            path,
                            1,
                            f"id {article_id!r} is also used by {owners[article_id].name}; "
                            "ids must be unique",
                        )
                    )
                elif article_id is not None:
                    owners[article_id] = path
                if progress:
                    progress(done, len(files), path.stem)
        finally:
            if pool is not None:
                pool.shutdown()
        problems.extend(self._stray_files())
        problems.extend(load_aliases(self.data_dir)[1])
        return problems

    def _stray_files(self) -> list[Problem]:
        if not self.articles_dir.is_dir():
            return [Problem(self.articles_dir, None, "no articles folder here; import articles first")]
        return [
            Problem(path, None, f"not read: article files end in {SUFFIX}")
            for path in sorted(self.articles_dir.iterdir())
            if path.is_file() and not path.name.startswith(".") and path.suffix in (".yml", ".YAML", ".Yaml")
        ]


def check_file(path: Path) -> tuple[str | None, list[Problem]]:
    """(the id the file declares, its problems): the article checks plus the
    store's own: the id must be the file's name."""
    try:
        raw = read_store_file(path)
    except ArticleFileError as exc:
        return None, exc.problems
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(path, line, "not UTF-8 text; save the file as UTF-8")]
    problems = check_text(text, path)
    article_id = _str(scan_top_level(text, ("id",)).get("id"))
    if article_id is not None and article_id != path.stem:
        line = next((n for n, t in enumerate(text.split("\n"), 1) if t.startswith("id:")), 1)
        problems.append(
            Problem(
                path,
                line,
                f"id {article_id!r} does not match the file name; "
                f"the id must be {path.stem!r} (or rename the file)",
            )
        )
    if not is_safe_id(path.stem):
        problems.append(
            Problem(
                path,
                None,
                f"the file name {path.stem!r} is not an article id (letters, digits, '-', '_'); "
                "rename the file and its id",
            )
        )
    return article_id, problems


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None
