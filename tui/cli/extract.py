"""`newsdesk extract` (quotes and entities of files, nothing stored) and
`newsdesk reextract` (extraction again on stored articles, hand edits kept)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from store.errors import ImportFailed, StoreError
from store.ingest.files import read_text
from store.models import Article, Paragraph
from store.numbering import paragraph_number
from tui.cli.progress import ProgressBar, visible

if TYPE_CHECKING:
    from store.identity import Grouping


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add `extract` and `reextract` to the `newsdesk` parser."""
    extract = commands.add_parser(
        "extract",
        help="print the quotes, speakers and entities of article files (stores nothing)",
        description=(
            "Extract direct quotes with their speakers and named entities from article text files "
            "(headline on the first line, a blank line, then paragraphs separated by blank lines), "
            "HTML pages and JSON Lines files, each read as `newsdesk import` reads it, and print one "
            "JSON object per article in the order given: one per file, one per record of a .jsonl "
            'file (with its "line"). Nothing is stored.'
        ),
    )
    extract.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="article files (.txt, .html or .jsonl)"
    )
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


@dataclass
class ExtractInput:
    """One article `newsdesk extract` was given: a whole file, or one JSON Lines record."""

    path: Path
    line: int | None = None
    """The line of a JSON Lines file it is on."""
    article: Article | None = None
    """The article as `import` reads it (None when it cannot be read)."""
    warning: str | None = None
    error: str | None = None
    text: str | None = None
    """What entity spans point into: the file, or for a record its headline and
    paragraphs joined by blank lines (None: read the file)."""


def read_inputs(path: Path) -> list[ExtractInput]:
    """The articles of one file, read by the importer's parser for its kind
    (store.ingest.read.read_file): a .jsonl file gives one per record. A text the
    importer refuses is still read plainly, with its reason as a warning."""
    from store.ingest.read import read_file

    if path.is_dir():
        return [ExtractInput(path, error="a folder, not an article file; give the files in it")]
    found: list[ExtractInput] = []
    for item in read_file(path):
        if isinstance(item, ImportFailed):
            problem = item.problem
            if problem.line is None and path.suffix.lower() not in (".jsonl", ".html", ".htm"):
                try:  # extraction still has something to say about an unsplit text
                    text = read_text(path)
                except ImportFailed as exc:
                    found.append(ExtractInput(path, error=exc.problem.message))
                    continue
                found.append(ExtractInput(path, article=plain_article(text), warning=problem.message))
            else:
                found.append(ExtractInput(path, problem.line, error=problem.message))
            continue
        article = item.article
        record = (
            None if item.whole_file else "\n\n".join([article.title] + [p.text for p in article.paragraphs])
        )
        found.append(ExtractInput(path, item.line, article, "; ".join(item.warnings) or None, text=record))
    return found


def plain_article(text: str) -> Article:
    """The plainest reading: first line the headline (when it is short enough), then
    paragraphs separated by blank lines."""
    blocks = [b.strip() for b in text.split("\n\n")]
    blocks = [" ".join(b.split("\n")) for b in blocks if b]
    title = ""
    if blocks and "\n" not in text.strip().split("\n\n")[0] and len(blocks[0]) <= 300:
        title = blocks.pop(0)
    return Article(id="", title=title, paragraphs=[Paragraph(b) for b in blocks])


def article_json(
    path: Path, article: Article, grouping: Grouping | None = None, text: str | None = None
) -> dict[str, Any]:
    """One line of `newsdesk extract`; with the corpus's grouping, each entity gets its
    `spans` in the file (or in `text`), the corpus-wide `key` of its group and the corpus's type."""
    from store.extract.locate import entity_spans

    if text is None:
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
        if entity.within:
            line["within"] = entity.within
        group = grouping.entity(entity.type, entity.name) if grouping else None
        if group is not None:
            line |= {"type": group.type, "key": group.key}
            if group.also:
                line["also"] = [{"name": name, "articles": n} for name, n in group.also]
        elif grouping is not None and entity.only_within:
            line["key"] = f"{entity.type}:{entity.name}"  # as a group of its own would be keyed
        entities.append(line)
    return {
        "path": str(path),
        "title": article.title,
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "cue": q.cue,
                "partial": q.partial,
                "confidence": q.confidence,
                "speaker_from": q.speaker_from,
                "paragraph": paragraph_number(q.paragraph),
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

    inputs = [found for path in args.paths for found in read_inputs(path)]
    articles = [i.article for i in inputs if i.article is not None]
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
    failed = 0
    for found in inputs:
        where = {"path": str(found.path)} | ({"line": found.line} if found.line else {})
        if found.article is None:
            line: dict[str, Any] = where | {"title": None, "quotes": [], "entities": [], "error": found.error}
        else:
            line = article_json(found.path, found.article, grouping, found.text) | where
            if found.warning:
                line["warning"] = found.warning
            if id(found.article) in broken:
                line |= {"quotes": [], "entities": [], "error": broken[id(found.article)]}
        if "error" in line:
            failed += 1
            place = f"{found.path}:{found.line}" if found.line else str(found.path)
            print(visible(f"newsdesk extract: {place}: {line['error']}"), file=sys.stderr)
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
    for article_id in report.changed_meanwhile:
        print(f"kept the newer file: {article_id} changed while extraction ran (run reextract again for it)")
    print(
        f"{len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.kept_edits)} kept for their hand edits"
        + (
            f", {len(report.changed_meanwhile)} changed meanwhile and kept"
            if report.changed_meanwhile
            else ""
        )
        + (
            f"; {report.hand_speakers} speaker{'' if report.hand_speakers == 1 else 's'} set by hand kept"
            if report.hand_speakers
            else ""
        )
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
