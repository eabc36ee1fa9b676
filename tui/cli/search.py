"""`newsdesk search | mentions | quotes | entities | index`: the index from the command line.

Thin: parse arguments, bring the index up to date (with a progress bar), call the
Corpus, print. `--json` output is documented in the README; human output marks
highlights in bold when stdout is a terminal, and never lets article text reach the
terminal as control sequences.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from store.corpus import Corpus, open_corpus
from store.errors import StoreError
from store.hits import IndexReport, QueryError, Span, UnknownEntity
from store.index.review import CHECK_ALL, CHECK_KINDS
from store.numbering import json_document, place
from tui.cli.progress import ProgressBar
from tui.results_text import count

BOLD, RESET, DIM = "\x1b[1m", "\x1b[0m", "\x1b[2m"


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add search, mentions, quotes, entities and index to the `newsdesk` parser."""

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        return index_command(commands, data_option, name, help_text, run)

    search = command("search", "search passages with the query language (see README: Searching)", run_search)
    search.add_argument(
        "query", metavar="QUERY", help="e.g. 'speaker:kerry negotiat*' or '\"Assad must go\"'"
    )
    _paging(search, "passages", 20)
    search.add_argument(
        "--sort",
        choices=("relevance", "date"),
        default="relevance",
        help="best first (default) or newest first",
    )
    search.add_argument("--json", action="store_true", help="print one JSON object")

    mentions = command("mentions", "every passage that mentions an entity, oldest first", run_mentions)
    mentions.add_argument("name", metavar="NAME", help='a name or any alias, e.g. "John Kerry" or Kerry')
    mentions.add_argument("--type", metavar="T", help="only an entity of this type (PERSON, ORG, GPE, ...)")
    _paging(mentions, "passages", 50)
    mentions.add_argument("--json", action="store_true", help="print one JSON object")

    quotes = command("quotes", "quotes in the corpus, oldest first", run_quotes)
    quotes.add_argument("--speaker", metavar="NAME", help="only quotes by this person (any alias)")
    quotes.add_argument(
        "--check",
        nargs="?",
        const="all",
        choices=["all", *CHECK_KINDS],
        help="the quotes whose speaker deserves a second look, as the TUI's Check speakers view "
        "lists them: all, or only low (low confidence), none (no speaker), body (an organisation or place)",
    )
    _paging(quotes, "quotes", 50)
    quotes.add_argument("--json", action="store_true", help="print one JSON object")

    entities = command("entities", "entities with their article, mention and quote counts", run_entities)
    entities.add_argument("--type", metavar="T", help="only this type (PERSON, ORG, GPE, LOC, NORP, ...)")
    entities.add_argument("--limit", type=_positive, default=None, metavar="N", help="show only the first N")
    entities.add_argument("--json", action="store_true", help="print one JSON object")

    index = command("index", "bring the search index up to date with the article files", run_index)
    index.add_argument("--rebuild", action="store_true", help="rebuild it from scratch")
    index.add_argument("--json", action="store_true", help="print what was done as one JSON object")


def index_command(
    commands: Any,
    data_option: Callable[[argparse.ArgumentParser], None],
    name: str,
    help_text: str,
    run: Callable[[argparse.Namespace], int],
) -> argparse.ArgumentParser:
    """A sub-command that reads the index: `--data`, `--index`, and `run` to call."""
    parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text, description=help_text)
    data_option(parser)
    parser.add_argument(
        "--index", type=Path, metavar="DIR", default=None, help="the index folder (default: DIR/.index)"
    )
    parser.set_defaults(run=run)
    return parser


def _paging(parser: argparse.ArgumentParser, what: str, default: int) -> None:
    """The `--limit N` and `--offset N` options of the listing commands."""
    parser.add_argument(
        "--limit", type=_positive, default=default, metavar="N", help=f"{what} to show (default {default})"
    )
    parser.add_argument(
        "--offset", type=_not_negative, default=0, metavar="N", help=f"skip the first N {what}"
    )


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _not_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


# -------------------------------------------------------------- running


def _open(args: argparse.Namespace, *, rebuild: bool = False) -> tuple[Corpus, IndexReport]:
    corpus = open_corpus(args.data, args.index)
    bar = ProgressBar("articles")

    def progress(done: int, total: int, label: str) -> None:
        if total == 0 and label:  # a message, e.g. waiting for another process's lock
            bar.close()
            print(f"newsdesk: {label}", file=sys.stderr)
        else:
            bar(done, total, label)

    try:
        report = corpus.ensure_index(progress, rebuild=rebuild)
    finally:
        bar.close()
    return corpus, report


def _guarded(action: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn store errors into a message and an exit status (never a traceback)."""

    def run(args: argparse.Namespace) -> int:
        try:
            return action(args)
        except QueryError as exc:
            _query_error(args, exc)
            return 2
        except UnknownEntity as exc:
            _fail(args, str(exc), suggestions=exc.suggestions)
            return 1
        except StoreError as exc:
            _fail(args, str(exc))
            return 1

    return run


def _fail(args: argparse.Namespace, message: str, **extra: Any) -> None:
    print(f"newsdesk {args.command}: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"error": message, **extra}, ensure_ascii=False))


def _query_error(args: argparse.Namespace, exc: QueryError) -> None:
    print(f"newsdesk search: {exc.message}", file=sys.stderr)
    if exc.position is not None and len(exc.query) <= 200:
        shown = _visible(exc.query)
        print(f"  {shown}\n  {' ' * min(exc.position, len(shown))}^", file=sys.stderr)
    if getattr(args, "json", False):
        # 1-based, as the message says it ("at position 3"); null when no place is to blame
        position = exc.position + 1 if exc.position is not None else None
        print(json.dumps({"error": exc.message, "position": position}, ensure_ascii=False))


def _say_report(report: IndexReport, *, always: bool = False) -> None:
    for note in report.notes:
        print(f"newsdesk: {note}", file=sys.stderr)
    if report.rebuilt:
        print(
            f"newsdesk: index built ({report.reason}): {report.added} articles in {report.seconds:.1f} s",
            file=sys.stderr,
        )
    elif report.added or report.updated or report.removed:
        print(
            f"newsdesk: index updated: {report.added} added, {report.updated} changed, "
            f"{report.removed} removed in {report.seconds:.1f} s",
            file=sys.stderr,
        )
    elif always:
        print("newsdesk: the index is up to date", file=sys.stderr)
    if report.problems and (always or report.rebuilt or report.added or report.updated):
        problems = count(len(report.problems), "problem")
        left_out = "this file is" if len(report.problems) == 1 else "these files are"
        print(f"newsdesk: {problems}; {left_out} left out:", file=sys.stderr)
        for problem in report.problems:
            print(f"  {_visible(str(problem))}", file=sys.stderr)


@_guarded
def run_search(args: argparse.Namespace) -> int:
    corpus, report = _open(args)
    _say_report(report)
    result = corpus.search(args.query, limit=args.limit, offset=args.offset, sort=args.sort)
    if args.json:
        _print_json(json_document(result))
        return 0
    shown = f"{result.offset + 1}-{result.offset + len(result.hits)}" if result.hits else "none"
    if not args.query.strip():
        if result.dated:
            what = count(result.total, "newest article")
        else:
            what = count(result.total, "article") + "; none has a date, so they are in index order"
    else:
        what = count(result.total, "passage") + (" matches" if result.total == 1 else " match")
        what = f"{what} {_visible(args.query)!r}"
        if result.articles is not None:
            what += f" in {count(result.articles, 'article')}"
    if not result.total_exact:
        what = f"about {what}"
    print(f"{what} (showing {shown}, {result.elapsed_ms:.0f} ms)")
    style = _Style(sys.stdout.isatty())
    for hit in result.hits:
        where = place(hit.paragraph)
        speaker = f"  — {_visible(hit.speaker)}" if hit.speaker else ""
        print()
        print(
            style.dim(
                f"{hit.date or '(no date)'}  {_visible(hit.title)}  {where}{speaker}  [{hit.article_id}]"
            )
        )
        print("  " + style.marked(hit.text, hit.highlights))
    return 0


@_guarded
def run_mentions(args: argparse.Namespace) -> int:
    corpus, report = _open(args)
    _say_report(report)
    page = corpus.mentions(args.name, type=args.type, offset=args.offset, limit=args.limit)
    if args.json:
        _print_json(json_document(page))
        return 0
    entity = page.entity
    aliases = f" (also {', '.join(_visible(a) for a in entity.aliases)})" if entity.aliases else ""
    counts = f"{count(page.total, 'passage')} in {count(page.articles, 'article')}"
    print(f"{_visible(entity.name)} [{entity.type}]{aliases}: {counts}")
    if page.could_be():
        named = ", ".join(f"{_visible(name)} ({count(n, 'article')})" for name, n in page.could_be())
        print(f"{_visible(args.name)!r} could also be {named}: give the full name, or --type")
    style = _Style(sys.stdout.isatty())
    for passage in page.passages:
        print()
        print(
            style.dim(f"{passage.date or '(no date)'}  {_visible(passage.title)}  {place(passage.paragraph)}")
        )
        print("  " + style.marked(passage.text, passage.mentions))
    _more(page.offset, len(page.passages), page.total, "passages")
    return 0


@_guarded
def run_quotes(args: argparse.Namespace) -> int:
    corpus, report = _open(args)
    _say_report(report)
    if args.check:
        if args.speaker:
            print(
                "newsdesk quotes: --check lists every speaker's quotes to check; leave out --speaker",
                file=sys.stderr,
            )
            return 2
        return _quotes_to_check(corpus, args)
    page = corpus.quotes(args.speaker, offset=args.offset, limit=args.limit)
    if args.json:
        _print_json(json_document(page))
        return 0
    who = f" by {_visible(page.speaker.name)}" if page.speaker else ""
    print(f"{count(page.total, 'quote')}{who}")
    for quote in page.quotes:
        print()
        shown, left_out = _cut(quote.text)
        print(f"“{_visible(shown)}”" + (f" […{left_out:,} more characters]" if left_out else ""))
        cue = f" ({_visible(quote.cue)})" if quote.cue else ""
        cue += " (partial)" if quote.partial else ""
        cue += " (low confidence)" if quote.uncertain else ""
        print(
            f"  — {_visible(quote.speaker or 'unknown speaker')}{cue}, {quote.date or '(no date)'}, "
            f"{_visible(quote.title)} {place(quote.paragraph)}"
        )
    _more(page.offset, len(page.quotes), page.total, "quotes")
    return 0


@_guarded
def run_entities(args: argparse.Namespace) -> int:
    corpus, report = _open(args)
    _say_report(report)
    entities = corpus.entities(args.type)
    total = len(entities)
    if args.limit:
        entities = entities[: args.limit]
    if args.json:
        _print_json({"total": total, "entities": [json_document(entity) for entity in entities]})
        return 0
    print(f"{'mentions':>8} {'articles':>8} {'quotes':>6}  entity")
    for entity in entities:
        aliases = f"  (also {', '.join(entity.aliases)})" if entity.aliases else ""
        print(
            f"{entity.mentions:>8,} {entity.articles:>8,} {entity.quotes:>6,}  "
            f"{_visible(entity.name)} [{entity.type}]{_visible(aliases)}"
        )
    return 0


@_guarded
def run_index(args: argparse.Namespace) -> int:
    corpus, report = _open(args, rebuild=args.rebuild)
    if args.json:
        document = json_document(report)
        document["problems"] = [str(problem) for problem in report.problems]
        document["state"] = corpus.index_state()
        _print_json(document)
    else:
        _say_report(report, always=True)
    return 1 if report.problems else 0


# -------------------------------------------------------------- output


def _print_json(document: Any) -> None:
    print(json.dumps(document, ensure_ascii=False))


def _quotes_to_check(corpus: Corpus, args: argparse.Namespace) -> int:
    """`quotes --check`: what the Check speakers view lists, with why, oldest article first."""
    kinds = CHECK_ALL if args.check == "all" else (args.check,)
    found = corpus.quotes_to_check(limit=args.offset + args.limit + 1, kinds=kinds)
    shown = found[args.offset : args.offset + args.limit]
    more = len(found) > args.offset + args.limit
    if args.json:
        _print_json(
            {
                "check": args.check,
                "offset": args.offset,
                "more": more,
                "quotes": [json_document(q) for q in shown],
            }
        )
        return 0
    print(
        f"{count(len(shown), 'quote')} to check"
        + (f" ({CHECK_KINDS[args.check]})" if args.check != "all" else "")
    )
    for quote in shown:
        print()
        print(f"“{_visible(_cut(quote.text[quote.start : quote.end])[0])}”")
        print(f"  — {_visible(quote.speaker or 'nobody')}: {quote.reason}")
        print(f"  {quote.date or '(no date)'}, {_visible(quote.title)} {place(quote.paragraph)}")
    if more:
        print(f"\n… more quotes to check (use --offset {args.offset + len(shown)})")
    return 0


def _more(offset: int, shown: int, total: int, what: str) -> None:
    if offset + shown < total:
        print(f"\n… {total - offset - shown:,} more {what} (use --offset {offset + shown})")


def _visible(text: str) -> str:
    """Article text is data: control characters are shown, never sent to the terminal."""
    return "".join(
        ch if ch.isprintable() or ch == " " else (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else "\ufffd")
        for ch in text
    )


PRINT_CHARS = 2000
"""The most of one passage the human output prints (a passage can be megabytes)."""


def _cut(text: str) -> tuple[str, int]:
    if len(text) <= PRINT_CHARS:
        return text, 0
    cut = text.rfind(" ", 0, PRINT_CHARS)
    cut = cut if cut > PRINT_CHARS // 2 else PRINT_CHARS
    return text[:cut], len(text) - cut


class _Style:
    """ANSI bold/dim when writing to a terminal, plain text otherwise."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def dim(self, text: str) -> str:
        return f"{DIM}{text}{RESET}" if self.enabled else text

    def marked(self, text: str, spans: Iterable[Span]) -> str:
        text, left_out = _cut(text)
        if left_out:
            return self._marked(text, [s for s in spans if s[1] <= len(text)]) + self.dim(
                f" […{left_out:,} more characters; --json prints the whole passage]"
            )
        return self._marked(text, spans)

    def _marked(self, text: str, spans: Iterable[Span]) -> str:
        if not self.enabled:
            return _visible(text)
        out, at = [], 0
        for start, end in sorted(spans):
            if start < at:
                continue
            out += [_visible(text[at:start]), BOLD, _visible(text[start:end]), RESET]
            at = end
        out.append(_visible(text[at:]))
        return "".join(out)
