"""Citations: one template, changeable in the store's `config.yaml`.

    citation: '[{speaker}, in ]"{title}"[, {source}][, {date}][, {url}][, {place}]'

Fields: `{title}` (the headline), `{source}`, `{date}`, `{url}`, `{speaker}` (a
quote's speaker), `{place}` (`¶4`, `headline` or `standfirst`), `{paragraph}` (the
paragraph's number, 1-based), `{article_id}`. A part in `[ ]` is left out when any
field in it is unknown. Copying a passage gives `“text” — citation`; the Markdown
export gives the text as a quote, then the citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from store import numbering
from store.errors import ArticleFileError, Problem, StoreError
from store.hits import Passage
from store.yamlio.load import load_yaml_file

CONFIG_FILE = "config.yaml"
DEFAULT_TEMPLATE = '[{speaker}, in ]"{title}"[, {source}][, {date}][, {url}][, {place}]'
FIELDS = ("title", "source", "date", "url", "speaker", "place", "paragraph", "article_id")
_FIELD = re.compile(r"\{([^{}]*)\}")


class CitationError(StoreError):
    """The citation template in config.yaml cannot be used; says where and why."""


@dataclass(frozen=True)
class Citable(Passage):
    """What a citation needs to know about a passage, a quote or an article: the passage
    (its `text` is the passage, the quote's words, or the headline for an article;
    `paragraph` is -1 for the headline, -2 the standfirst, else 0-based) and what a
    citation adds."""

    kind: str = "passage"
    """`passage`, `quote` or `article`."""
    url: str | None = None
    speaker: str | None = None


def place(paragraph: int, kind: str = "passage") -> str:
    if kind == "article":
        return ""
    return numbering.place(paragraph)


class CitationStyle:
    """A parsed template."""

    def __init__(self, template: str = DEFAULT_TEMPLATE, where: str = "the citation template") -> None:
        self.template = template
        self.parts: list[tuple[str, bool]] = []
        """(text, optional) in order; optional parts are the bracketed ones."""
        depth_at, start = None, 0
        for i, char in enumerate(template):
            if char == "[" and depth_at is None:
                self.parts.append((template[start:i], False))
                depth_at, start = i, i + 1
            elif char == "]" and depth_at is not None:
                self.parts.append((template[start:i], True))
                depth_at, start = None, i + 1
            elif char in "[]":
                raise CitationError(
                    f"{where}: the {char} at position {i + 1} does not pair up; brackets cannot nest"
                )
        if depth_at is not None:
            raise CitationError(f"{where}: the [ at position {depth_at + 1} is never closed; add ]")
        self.parts.append((template[start:], False))
        for text, _ in self.parts:
            for name in _FIELD.findall(text):
                if name not in FIELDS:
                    raise CitationError(
                        f"{where}: unknown field {{{name}}}; fields are "
                        + ", ".join("{" + f + "}" for f in FIELDS)
                    )

    def cite(self, item: Citable) -> str:
        """The citation line for `item`."""
        values = {
            "title": item.title,
            "source": item.source or "",
            "date": item.date or "",
            "url": item.url or "",
            "speaker": item.speaker or "",
            "place": place(item.paragraph, item.kind),
            "paragraph": str(item.paragraph + 1) if item.paragraph >= 0 and item.kind != "article" else "",
            "article_id": item.article_id,
        }
        out = []
        for text, optional in self.parts:
            names = _FIELD.findall(text)
            if optional and any(not values[name] for name in names):
                continue
            out.append(_FIELD.sub(lambda m: values[m.group(1)], text))
        return " ".join("".join(out).split())

    def clip(self, item: Citable) -> str:
        """What "copy with citation" puts on the clipboard: “text” — citation."""
        if item.kind == "article":
            return self.cite(item)
        text = item.text.strip()
        if item.kind == "quote":  # “…has not changed,” he said: standing alone, without its comma
            text = f"“{text.rstrip(',;: ')}”"
        elif text[:1] not in "“\"‘'":  # a passage opening with a quote keeps its own marks
            text = f"“{text}”"
        return f"{text} — {self.cite(item)}"


def load_style(data_dir: Path) -> CitationStyle:
    """The store's citation style: `citation:` in DIR/config.yaml, else the default."""
    path = data_dir / CONFIG_FILE
    if not path.exists():
        return CitationStyle()
    try:
        document = load_yaml_file(path)
    except ArticleFileError as exc:
        raise CitationError(str(exc.problems[0]).replace(" or re-import it", "")) from None
    if document is None:
        return CitationStyle()
    if not isinstance(document, dict):
        raise CitationError(str(Problem(path, 1, "config.yaml must be a mapping, e.g. citation: '...'")))
    template = document.get("citation")
    if template is None:
        return CitationStyle()
    if not isinstance(template, str) or not template.strip():
        raise CitationError(str(Problem(path, None, "citation: must be a text template (see the README)")))
    return CitationStyle(template, f"{path}: citation")
