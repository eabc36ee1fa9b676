"""`newsdesk extract` (quotes and entities of files, nothing stored) and
`newsdesk reextract` (extraction again on stored articles, hand edits kept)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.errors import ImportFailed, StoreError
from store.ingest.files import read_text
from store.models import Article, Paragraph
from tui.cli.progress import ProgressBar, visible

if TYPE_CHECKING:
    from store.identity import Grouping

TEXT_SUFFIXES = (".txt", ".text", ".md", "")


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `extract` and `reextract` to the `newsdesk` parser."""
    extract = commands.add_parser(
        "extract",
        help="print the quotes, speakers and entities of article files (stores nothing)",
        description=(
            "Extract direct quotes with their speakers and named entities from article text files "
            "(headline on the first line, a blank line, then paragraphs separated by blank lines) "
            "and print one JSON object per file, in the order given. Nothing is stored."
        ),
    )
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article files (.txt or .html)")
    extract.add_argument(
        "--format", choices=["jsonl"], default="jsonl", help="output format: one JSON object a line (jsonl)"
    )
    extract.add_argument(
        "--processes",
        type=int,
        default=2,
        metavar="N",
        help="worker processes for many files (default 2; 1 to stay in one process)",
    )
    extract.set_defaults(run=run_extract)

    reextract = commands.add_parser(
        "reextract",
        help="extract quotes and entities again for stored articles, keeping hand edits",
        description=(
            "Run extraction again on the stored articles (all, or the ids given) and write the ones "
            "that change. Articles whose quotes or entities were corrected by hand are left alone "
            "unless --force. The index is updated afterwards."
        ),
    )
    data_option(reextract)
    reextract.add_argument("ids", nargs="*", metavar="ID", help="article ids (file names without .yaml)")
    reextract.add_argument(
        "--force", action="store_true", help="overwrite quotes and entities that were edited by hand"
    )
    reextract.add_argument(
        "--processes", type=int, default=2, metavar="N", help="worker processes (default 2)"
    )
    reextract.set_defaults(run=run_reextract)


# ---------------------------------------------------------------- extract


def read_article(path: Path) -> tuple[Article, str | None]:
    """One article file through the importer's parsers, and a warning when the importer
    refused its layout and the plain reading was used. Raises `ImportFailed` when unreadable."""
    if path.suffix.lower() in (".html", ".htm"):
        from store.ingest.html import parse_html

        return parse_html(path).article, None
    from store.ingest.text import parse_text

    text = read_text(path)
    try:
        return parse_text(text, path).article, None
    except ImportFailed as exc:
        # extraction still has something to say about a headline-only or unsplit text
        return plain_article(text), exc.problem.message


def plain_article(text: str) -> Article:
    """The plainest reading: first line the headline (when it is short enough), then
    paragraphs separated by blank lines."""
    blocks = [b.strip() for b in text.split("\n\n")]
    blocks = [" ".join(b.split("\n")) for b in blocks if b]
    title = ""
    if blocks and "\n" not in text.strip().split("\n\n")[0] and len(blocks[0]) <= 300:
        title = blocks.pop(0)
    return Article(id="", title=title, paragraphs=[Paragraph(b) for b in blocks])


def article_json(path: Path, article: Article, grouping: Grouping | None = None) -> dict[str, Any]:
    """One line of `newsdesk extract`; with the corpus's grouping, each entity gets its
    `spans` in the file, the corpus-wide `key` of its group and the corpus's type."""
    from store.extract.locate import entity_spans

    try:
        text = read_text(path)
    except ImportFailed:
        text = ""
    spans = entity_spans(text, article) if text else [[] for _ in article.entities]
    entities = []
    for entity, found in zip(article.entities, spans, strict=True):
        line: dict[str, Any] = {
            "name": entity.name,
            "type": entity.type,
            "aliases": entity.aliases,
            "mentions": len(entity.mentions),
            "spans": [list(s) for s in found],
        }
        group = grouping.entity(entity.type, entity.name) if grouping else None
        if group is not None:
            line |= {"type": group.type, "key": group.key}
            if group.also:
                line["also"] = [{"name": name, "articles": n} for name, n in group.also]
        entities.append(line)
    return {
        "path": str(path),
        "title": article.title,
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "cue": q.cue,
                "paragraph": q.paragraph,
                "start": q.start,
                "end": q.end,
            }
            for q in article.quotes
        ],
        "entities": entities,
    }


def run_extract(args: argparse.Namespace) -> int:
    from store.extract import extract_articles
    from store.identity import group_corpus, records_of

    lines: list[dict[str, Any] | None] = []  # None, a warning, or an error for each path
    articles: list[Article] = []
    for path in args.paths:
        try:
            article, warning = read_article(path)
        except ImportFailed as exc:
            lines.append(
                {"path": str(path), "title": None, "quotes": [], "entities": [], "error": exc.problem.message}
            )
            continue
        except IsADirectoryError:
            lines.append(
                {
                    "path": str(path),
                    "title": None,
                    "quotes": [],
                    "entities": [],
                    "error": "a folder, not an article file; give the files in it",
                }
            )
            continue
        articles.append(article)
        lines.append({"warning": warning} if warning else None)
    bar = ProgressBar("articles")
    broken: dict[int, str] = {}  # id(article) -> why its extraction failed
    try:
        extract_articles(
            articles,
            processes=max(1, args.processes),
            progress=bar,
            failed=lambda article, message: broken.__setitem__(id(article), message),
        )
    except StoreError as exc:
        bar.close()
        print(f"newsdesk extract: {exc}", file=sys.stderr)
        return 2
    bar.close()
    grouping = group_corpus(records_of(a.entities for a in articles if id(a) not in broken))
    extracted = iter(articles)
    failed = 0
    for path, line in zip(args.paths, lines, strict=True):
        if line is None or "warning" in line:
            article = next(extracted)
            line = article_json(path, article, grouping) | (line or {})
            if id(article) in broken:
                line |= {"quotes": [], "entities": [], "error": broken[id(article)]}
        if "error" in line:
            failed += 1
            print(visible(f"newsdesk extract: {path}: {line['error']}"), file=sys.stderr)
        print(json.dumps(line, ensure_ascii=False))
    return 1 if failed else 0


# ---------------------------------------------------------------- reextract


def run_reextract(args: argparse.Namespace) -> int:
    from store.extract.reextract import reextract

    bar = ProgressBar("articles")
    try:
        report = reextract(
            args.data, args.ids or None, force=args.force, processes=max(1, args.processes), progress=bar
        )
    except StoreError as exc:
        bar.close()
        print(f"newsdesk reextract: {exc}", file=sys.stderr)
        return 2
    bar.close()
    for problem in report.problems:
        print(f"newsdesk reextract: {visible(str(problem))}", file=sys.stderr)
    for article_id in report.kept_edits:
        print(f"kept hand edits: {article_id} (use --force to extract it again anyway)")
    print(
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.kept_edits)} kept for their hand edits"
    )
    if report.updated:
        _update_index(args.data)
    return 1 if report.problems else 0


def _update_index(data: Path) -> None:
    try:
        from store.corpus import open_corpus
    except ImportError:
        return
    bar = ProgressBar("index")
    try:
        open_corpus(data).ensure_index(progress=bar)
    except StoreError as exc:
        bar.close()
        print(f"newsdesk reextract: the index was not updated: {exc} (run `newsdesk index`)", file=sys.stderr)
        return
    bar.close()
