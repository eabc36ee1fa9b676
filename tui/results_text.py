"""Words of the results pane: list titles cut to fit, counts, why a list is empty."""

from __future__ import annotations

from tui.navigation import ListSource, ResultEntry


def fit_title(title: str, keep: int, width: int) -> str:
    """`title` cut to `width`, keeping the `keep` characters of counts after " — "
    ("United States — 262 passages in 107 articles" -> "United St… — 262 passages in 107 articles")."""
    if len(title) <= width or not keep or " — " not in title:
        return title
    name, _, rest = title.partition(" — ")
    counts = rest[:keep]
    room = width - len(counts) - 3
    if room < 2:
        return counts
    return (name if len(name) <= room else name[: room - 1].rstrip() + "…") + " — " + counts


def grouped(entries: list[ResultEntry]) -> list[ResultEntry]:
    """The page's passages gathered under their articles, articles in order of their best passage."""
    by_article: dict[str, list[ResultEntry]] = {}
    for entry in entries:
        by_article.setdefault(entry.article_id, []).append(entry)
    return [entry for group in by_article.values() for entry in group]


def count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def nothing_found(source: ListSource) -> str:
    if source.kind == "search":
        return (
            f"No passage matches {source.query!r}. Try fewer words, a prefix (negot*), "
            "or a field: speaker:kerry, entity:Syria, title:ceasefire."
        )
    if source.kind == "quotes":
        return f"No quotes attributed to {source.query} — press escape to go back."
    return f"No passage mentions {source.query} — press escape to go back."
