"""Corpus-wide entity grouping (store.identity.group_corpus) at the scale of 100,000 articles.

    python -m bench.identity [--articles 100000] [--seed 1]

A replicated store repeats the same few thousand names, which would flatter the
grouping; this builds a synthetic registry with the distinct names a real archive of
that size has instead (about 6 distinct names per article: people from a pool of
first names and surnames, surname-only and first-name-only people, multi-word
organisations, places, some names under two types), with Zipf-like article counts,
and times `group_corpus` over it. The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import time

from store.identity import NameRecord, group_corpus


def _word(rng: random.Random, length: int) -> str:
    return rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.ascii_lowercase, k=length - 1))


def synthetic_names(articles: int, seed: int = 1) -> list[NameRecord]:
    rng = random.Random(seed)
    firsts = [_word(rng, rng.randint(3, 8)) for _ in range(3_000)]
    surnames = [_word(rng, rng.randint(4, 10)) for _ in range(articles // 2)]
    words = [_word(rng, rng.randint(4, 9)) for _ in range(20_000)]
    records: dict[tuple[str, str], NameRecord] = {}

    def add(name: str, kind: str, *aliases: str) -> None:
        count = max(1, int(rng.paretovariate(1.2)))
        record = records.setdefault((kind, name), NameRecord(name, kind))
        record.articles += count
        record.mentions += count * rng.randint(1, 6)
        record.aliases.update((name, *aliases))

    distinct = 6 * articles
    for _ in range(distinct * 45 // 100):
        surname = rng.choice(surnames)
        first = rng.choice(firsts)
        if rng.random() < 0.1:
            add(f"{first} {rng.choice(string.ascii_uppercase)} {surname}", "PERSON")
        else:
            add(f"{first} {surname}", "PERSON", surname, f"Mr {surname}")
    for _ in range(distinct * 10 // 100):
        surname = rng.choice(surnames)
        add(surname, "PERSON", rng.choice(["Mr ", "Mrs ", "Dr "]) + surname)
    for _ in range(distinct * 3 // 100):
        add(rng.choice(firsts), "PERSON")
    for _ in range(distinct * 25 // 100):
        name = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        add(name, "ORG")
        if rng.random() < 0.1:
            add(name, rng.choice(["PERSON", "GPE"]))
        if rng.random() < 0.05:
            add(f"{name} Party", "ORG")
    for _ in range(distinct * 17 // 100):
        add(" ".join(rng.choice(words) for _ in range(rng.randint(1, 2))), rng.choice(["GPE", "LOC", "FAC"]))
    return list(records.values())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=100_000, help="articles the registry stands for")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    records = synthetic_names(args.articles, args.seed)
    began = time.process_time()
    wall = time.perf_counter()
    grouping = group_corpus(records)
    cpu = time.process_time() - began
    elapsed = time.perf_counter() - wall
    found = len(grouping.entities)
    print(f"{len(records):,} names -> {found:,} entities in {elapsed:.2f} s ({cpu:.2f} CPU-s)")
    print(
        json.dumps(
            {
                "articles": args.articles,
                "names": len(records),
                "entities": len(grouping.entities),
                "group_s": round(elapsed, 2),
                "group_cpu_s": round(cpu, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
