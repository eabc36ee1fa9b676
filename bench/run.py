"""`make bench`: scale a real corpus up, build, measure, compare with SQLite FTS5.

    python -m bench.run [--articles N] [--corpus FILE.jsonl[.gz] | STORE] [--workdir DIR]
                        [--reuse] [--no-tui]

The corpus (default: this repository's data/, else the test fixtures) is scaled to N
articles by recombining real paragraphs (bench.recombine): every passage distinct.
Each measuring step runs in a fresh process (bench.steps). Prints one table, the
per-query details, and last one JSON line with the figures.

Honest by construction:
- every query's `complete` flag is reported; for the ones cut short by the time
  budget, recall@20 against the exact top 20 (computed once with no budget);
- ratios to FTS5 are taken only on the queries FTS5 answers the same way (words,
  phrases, prefixes, title:, date ranges, AND/OR/NOT: bench.fts5) and newsdesk
  answered completely; fuzzy queries and newsdesk-only fields are reported apart;
- warm means: every query ran once before the three timed rounds, so both
  indexes are in the OS page cache (the machine has RAM to spare for them).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench import fts5
from bench import views as view_bench
from bench.process import run_step
from bench.queries import query_mix
from bench.recombine import passages, write_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = 5000
"""Articles the query mix is drawn from (the first ones written)."""
ROUNDS = 3


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _default_corpus() -> Path:
    data = ROOT / "data"
    return data if any((data / "articles").glob("*.yaml")) else ROOT / "tests" / "fixtures" / "store"


def prepare(corpus: Path, count: int, workdir: Path, reuse: bool) -> tuple[Path, list[Any], int, bool]:
    """The recombined store, the query-mix sample, the passage count, and whether the
    store (and its index) were reused from an earlier run with the same arguments."""
    store = workdir / f"store-{count}"
    stamp = f"{corpus.resolve()} {count} v1"
    stamp_file = workdir / f"store-{count}.stamp"
    reused = (
        reuse and stamp_file.exists() and stamp_file.read_text() == stamp and (workdir / "fts5.db").exists()
    )
    if reused:
        sample_file = workdir / f"store-{count}.sample.json"
        info = json.loads(sample_file.read_text())
        from store.yamlio.load import load_article

        sample = [load_article(store / "articles" / f"{name}.yaml") for name in info["sample"]]
        return store, sample, int(info["passages"]), True
    stamp_file.unlink(missing_ok=True)
    yardstick = fts5.Yardstick(workdir / "fts5.db")
    sample, rows = [], 0
    for number, article in enumerate(write_store(corpus, count, store), 1):
        batch = passages(article)
        rows += len(batch)
        yardstick.add(batch)
        if len(sample) < SAMPLE:
            sample.append(article)
        if number % 5000 == 0:
            print(f"bench: {number:,} articles written", file=sys.stderr, flush=True)
    yardstick.close()
    (workdir / f"store-{count}.sample.json").write_text(
        json.dumps({"sample": [a.id for a in sample], "passages": rows, "fts5_build_s": yardstick.seconds})
    )
    stamp_file.write_text(stamp)
    return store, sample, rows, False


def fts5_timings(db_path: Path, mix: list[tuple[str, str]]) -> dict[str, list[float]]:
    """Milliseconds of each translatable query, ROUNDS runs after one warm-up run."""
    import sqlite3

    db = sqlite3.connect(db_path)
    translated = {query: fts5.translate(query) for _, query in mix}
    runnable = {query: t for query, t in translated.items() if t is not None}
    for t in runnable.values():
        fts5.search(db, t)
    timings: dict[str, list[float]] = {query: [] for query in runnable}
    for _ in range(ROUNDS):
        for query, t in runnable.items():
            started = time.perf_counter()
            fts5.search(db, t)
            timings[query].append((time.perf_counter() - started) * 1000)
    db.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--articles", type=int, default=10_000, help="articles to scale up to (default 10,000)"
    )
    parser.add_argument(
        "--corpus", type=Path, default=None, help="JSON Lines file (.gz too) or store folder (default data/)"
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/newsdesk-bench"), help="scratch folder")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse the store, FTS5 table and index of an identical earlier run",
    )
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI start-up measurement")
    args = parser.parse_args()
    corpus = args.corpus or _default_corpus()
    if not corpus.exists():
        raise SystemExit(f"bench: {corpus} does not exist")
    args.workdir.mkdir(parents=True, exist_ok=True)
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731

    say(f"bench: recombining {corpus} into {args.articles:,} articles in {args.workdir}")
    started = time.perf_counter()
    store, sample, passage_count, reused = prepare(corpus, args.articles, args.workdir, args.reuse)
    prepare_s = time.perf_counter() - started
    mix = query_mix(sample)
    queries_path = args.workdir / "queries.json"
    queries_path.write_text(json.dumps(mix))

    build: dict[str, Any] = {}
    build_peak = None
    if not reused or not (store / ".index").exists():
        say("bench: building the index (2 writer processes)")
        build, build_peak = run_step("build", str(store), sample_tree=True)
    say("bench: fresh-process open + first query (median of 3)")
    fresh = [run_step("fresh", str(store), mix[1][1])[0]["open_first_query_s"] for _ in range(3)]
    say("bench: warm queries, exact answers of the cut ones, entity jump, incremental update")
    search, _ = run_step("search", str(store), str(queries_path))
    say("bench: the views: co-mentions, who is quoted, a timeline")
    views = view_bench.run(store)
    say("bench: SQLite FTS5 on the same passages")
    fts5_ms = fts5_timings(args.workdir / "fts5.db", mix)
    tui: dict[str, Any] = {}
    if not args.no_tui:
        say("bench: TUI start-up until the first results render")
        try:
            tui = run_step("tui", str(store))[0]
        except SystemExit as exc:
            say(f"bench: TUI measurement skipped ({exc})")

    from bench.report import figures_of, print_report

    figures = figures_of(
        corpus=corpus,
        articles=args.articles,
        passages=passage_count,
        build=build,
        build_peak=build_peak,
        fresh=statistics.median(fresh),
        search=search,
        fts5_ms=fts5_ms,
        tui=tui,
    )
    print_report(figures, search, fts5_ms, prepare_s=prepare_s, reused=reused)
    view_bench.print_rows(views, figures["articles"])
    figures.update({key: value for key, value in views.items() if key.endswith("_ms")})
    figures["load"] = round(os.getloadavg()[0], 2)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
