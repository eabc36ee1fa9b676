"""Scale a store up by replication: fresh ids, dates shifted back one day per round.

Each source article is parsed once and dumped once with placeholder id and date;
replicas are written by substituting those, so writing 100,000 files is quick.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from store.models import Article
from store.yamlio.dump import dump_article
from store.yamlio.load import iter_article_files, load_article

ID_MARK = "benchplaceholderid"
DATE_MARK = "1111-11-11"


@dataclass
class Template:
    """One source article, ready to be stamped out."""

    article: Article
    text: str
    """YAML text with ID_MARK for the id and DATE_MARK for the date."""
    published: date | None


def load_templates(source_store: Path) -> list[Template]:
    templates = []
    for path in iter_article_files(source_store / "articles"):
        article = load_article(path)
        published = _date(article.published)
        stamped = replace(article, id=ID_MARK, published=DATE_MARK if published else None)
        templates.append(Template(article, dump_article(stamped), published))
    if not templates:
        raise SystemExit(f"bench: no articles in {source_store / 'articles'}")
    return templates


def _date(text: str | None) -> date | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@dataclass
class Replica:
    article_id: str
    published: str | None
    template: Template


def replicas(templates: list[Template], count: int) -> Iterator[Replica]:
    for number in range(count):
        template = templates[number % len(templates)]
        round_ = number // len(templates)
        published = (template.published - timedelta(days=round_)).isoformat() if template.published else None
        slug = template.article.id
        if template.published and slug[:10] == template.article.published:
            slug = slug[11:]
        # ids start with the date, as imported articles' do
        article_id = f"{published + '-' if published else ''}{slug[:90]}-r{number:06d}"
        yield Replica(article_id, published, template)


def write_store(templates: list[Template], count: int, target: Path) -> list[Replica]:
    """Write `count` replicas into target/articles (emptied first)."""
    articles = target / "articles"
    shutil.rmtree(target, ignore_errors=True)
    articles.mkdir(parents=True)
    written = []
    for replica in replicas(templates, count):
        text = replica.template.text.replace(ID_MARK, replica.article_id)
        if replica.published:
            text = text.replace(DATE_MARK, replica.published)
        (articles / f"{replica.article_id}.yaml").write_text(text, encoding="utf-8")
        written.append(replica)
    return written
