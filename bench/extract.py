"""Extraction throughput: articles per second with one process and with two.

    python -m bench.extract [--data DIR] [--processes 1 2] [PATH ...]

Measures `extract_articles` (parse + quotes + speakers + entities) on the
store's articles (default `data/`), or on the text files given. Model loading
is timed apart: it happens once per process, before the clock starts.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import sys
import time
from pathlib import Path

from store.extract import extract_articles
from store.extract.pipeline import load_model
from store.models import Article
from store.yamlio.load import iter_article_files, load_article


def corpus(data: Path, paths: list[Path]) -> list[Article]:
    if not paths:
        return [load_article(path) for path in iter_article_files(data / "articles")]
    from store.ingest.files import read_text
    from store.ingest.text import parse_text

    return [parse_text(read_text(path), path).article for path in paths]


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished workers: the machine may be shared,
    and wall-clock rates then understate what the code does."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--data", type=Path, default=Path("data"), help="the store to read (default data/)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="process counts to time")
    parser.add_argument("paths", type=Path, nargs="*", help="article text files instead of the store")
    args = parser.parse_args()
    articles = corpus(args.data, args.paths)
    if not articles:
        print(f"no articles in {args.data / 'articles'}", file=sys.stderr)
        return 1
    words = sum(len(p.text.split()) for a in articles for p in a.paragraphs)
    started = time.perf_counter()
    load_model()
    print(f"model loaded in {time.perf_counter() - started:.2f} s", file=sys.stderr)
    summary: dict[str, object] = {"articles": len(articles), "words": words}
    for processes in args.processes:
        batch = copy.deepcopy(articles)
        cpu_before = _cpu_seconds()
        started = time.perf_counter()
        extract_articles(batch, processes=processes)
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_before
        rate = len(batch) / seconds
        quotes = sum(len(a.quotes) for a in batch)
        print(
            f"{processes} process{'es' if processes > 1 else ''}: {len(batch)} articles in {seconds:.1f} s "
            f"= {rate:.1f} articles/s ({words / seconds:,.0f} words/s, {quotes} quotes; "
            f"{cpu:.1f} CPU s = {len(batch) / cpu:.1f} articles per CPU second)"
        )
        summary[f"articles_per_s_{processes}"] = round(rate, 2)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
