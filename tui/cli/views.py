"""`newsdesk cooccur | speakers | timeline`: the views from the command line.

Thin like the search commands (tui.cli.search): parse, bring the index up to date,
call the Corpus, print a table (or `--json`, documented in the README).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from store.numbering import json_document
from store.views import SpeakerStat
from tui.cli.search import (
    _guarded,
    _open,
    _positive,
    _print_json,
    _say_report,
    _visible,
    index_command,
)
from tui.results_text import count

BAR = "█"
BAR_WIDTH = 40


def register(commands: Any, data_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add cooccur, speakers and timeline to the `newsdesk` parser."""

    def command(
        name: str, help_text: str, run: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        parser = index_command(commands, data_option, name, help_text, run)
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        return parser

    cooccur = command("cooccur", "the entities named together with an entity", run_cooccur)
    cooccur.add_argument("name", metavar="NAME", help='a name or any alias, e.g. "John Kerry" or Kerry')
    cooccur.add_argument(
        "--by",
        choices=("passage", "article"),
        default="passage",
        help="count shared passages (default) or articles",
    )
    cooccur.add_argument(
        "--rank",
        choices=("count", "association"),
        default="count",
        help="most often named together (default), or most strongly associated (log-likelihood G²)",
    )
    cooccur.add_argument(
        "--type", metavar="T", help="only co-mentioned entities of this type (PERSON, ORG, GPE, ...)"
    )
    cooccur.add_argument("--entity-type", metavar="T", help="the type of NAME, when the name is ambiguous")
    cooccur.add_argument(
        "--min-count",
        type=_positive,
        default=3,
        metavar="N",
        help="for --rank association: at least N together (default 3)",
    )
    cooccur.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="entities to show (default 20)"
    )

    speakers = command("speakers", "who is quoted, how often and when", run_speakers)
    speakers.add_argument(
        "query", metavar="QUERY", nargs="?", default=None, help="only quotes in passages matching QUERY"
    )
    speakers.add_argument("--entity", metavar="NAME", help="only quotes in the articles naming this entity")
    speakers.add_argument(
        "--by", choices=("source", "month"), default=None, help="break the speakers down by source or month"
    )
    speakers.add_argument(
        "--limit",
        type=_positive,
        default=20,
        metavar="N",
        help="speakers to show (default 20; per group with --by)",
    )

    timeline = command(
        "timeline", "how many passages match a query, day by day, week by week, ...", run_timeline
    )
    timeline.add_argument("query", metavar="QUERY", help='the query (as for search); "" for every article')
    timeline.add_argument(
        "--by",
        choices=("day", "week", "month", "year"),
        default=None,
        help="the period (default: chosen from the span of the dates)",
    )
    timeline.add_argument(
        "--entity",
        metavar="NAME",
        help="count the passages naming this entity instead (QUERY is then ignored)",
    )
    timeline.add_argument("--speaker", metavar="NAME", help="count this speaker's quotes instead")


@_guarded
def run_cooccur(args: argparse.Namespace) -> int:
    corpus, report = _open(args)
    _say_report(report)
    found = corpus.cooccur(
        args.name, type=args.entity_type, by=args.by, rank=args.rank, partner_type=args.type,
        min_count=args.min_count, limit=args.limit,
    )  # fmt: skip
    if args.json:
        _print_json(json_document(found))
        return 0
    unit = found.by + ("s" if found.total != 1 else "")
    print(
        f"{_visible(found.entity.name)} [{found.entity.type}]: named in {found.total:,} {unit} "
        f"of {found.universe:,}; {found.distinct:,} entities named with it"
    )
    ranking = (
        "by count" if found.rank == "count" else f"by association (G², at least {found.min_count} together)"
    )
    print(f"ranked {ranking}; score > 0: more often together than chance\n")
    print(f"{'together':>8} {'score':>8} {'expected':>8}  entity")
    for entry in found.cooccurring:
        numbers = f"{entry.count:>8,} {entry.score:>8.1f} {entry.expected:>8.1f}"
        print(f"{numbers}  {_visible(entry.name)} [{entry.type}]")
    if not found.cooccurring:
        print("(none)" if found.rank == "count" else f"(no entity named with it {found.min_count}+ times)")
    return 0


@_guarded
def run_speakers(args: argparse.Namespace) -> int:
    corpus, report = _open(args)
    _say_report(report)
    found = corpus.speakers(args.query, entity=args.entity, by=args.by, limit=args.limit)
    if args.json:
        _print_json(json_document(found))
        return 0
    scope = "the corpus"
    if found.entity:
        scope = f"articles naming {_visible(found.entity.name)}"
    if args.query:
        scope = f"passages matching {_visible(args.query)!r}" + (f" in {scope}" if found.entity else "")
    print(
        f"{count(found.total_quotes, 'quote')} in {scope}: {count(found.speaker_count, 'speaker')}, "
        f"{count(found.unattributed, 'quote')} unattributed"
    )
    if found.types:
        print("by type: " + ", ".join(f"{s.key} {s.share:.0%}" for s in found.types))
    if found.sources:
        print("by source: " + ", ".join(f"{_visible(s.key)} {s.share:.0%}" for s in found.sources[:5]))
    if found.by:
        for group in found.groups:
            print(f"\n{_visible(group.key)} — {count(group.quotes, 'quote')}")
            _speaker_table(group.speakers)
    else:
        print()
        _speaker_table(found.speakers)
    return 0


def _speaker_table(speakers: list[SpeakerStat]) -> None:
    print(f"{'quotes':>7} {'articles':>8}  {'first':<10}  {'last':<10}  speaker")
    for s in speakers:
        print(
            f"{s.quotes:>7,} {s.articles:>8,}  {s.first or '-':<10}  {s.last or '-':<10}  "
            f"{_visible(s.name)} [{s.type}]"
        )


@_guarded
def run_timeline(args: argparse.Namespace) -> int:
    corpus, report = _open(args)
    _say_report(report)
    found = corpus.timeline(args.query, by=args.by, entity=args.entity, speaker=args.speaker)
    if args.json:
        _print_json(json_document(found))
        return 0
    what = found.counts
    print(f"{found.total:,} {what} by {found.by}; {found.undated:,} undated")
    if not found.buckets:
        print("no dated articles among them" if found.total else "nothing matches")
        return 0
    top = max(b.count for b in found.buckets) or 1
    for bucket in found.buckets:
        label = (
            bucket.start if found.by in ("day", "week") else bucket.start[: 7 if found.by == "month" else 4]
        )
        bar = BAR * round(bucket.count / top * BAR_WIDTH) if bucket.count else ""
        print(f"{label:<10} {bucket.count:>7,} {bar}")
    if found.undated:
        print(f"{'undated':<10} {found.undated:>7,}")
    return 0
