"""HTML articles saved from a browser or a scraper (Python's own `html.parser`).

- Title: the first `<h1>` (inside `<article>` when there is one), else
  `og:title`, else `<title>`.
- Body: `<p>` elements become paragraphs, `<h2>`/`<h3>` headings; when the page
  has an `<article>` (or `<main>`) element only the paragraphs inside it count.
  Navigation, scripts, styles, asides, figures (and captions), headers, footers,
  forms and buttons are skipped. Page furniture is dropped as in text files.
- Standfirst: an element whose class names it (standfirst, subtitle, dek,
  deck, summary, strapline, subheadline), otherwise the text rule.
- Date: `article:published_time`, `og:published_time`, `date`/`pubdate` meta,
  or the first `<time datetime=…>`. Source: `og:site_name`. URL: `og:url` or
  the canonical link.
- Encoding: UTF-8, or the `<meta charset>` the page declares.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from store.errors import ImportFailed
from store.ingest.dates import DAY_FIRST, read_date
from store.ingest.files import normalise_date, normalise_newlines, read_text
from store.ingest.layout import Block, classify, split_source, split_standfirst
from store.ingest.text import ParsedArticle, finish
from store.models import Article, Paragraph

SKIPPED = {
    "nav", "script", "style", "aside", "figure", "figcaption", "header", "footer", "form",
    "button", "noscript", "template", "svg", "iframe", "select", "textarea", "object",
}  # fmt: skip
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
STANDFIRST_CLASS = re.compile(
    r"\b(standfirst|sub-?title|dek|deck|summary|strap(?:line)?|sub-?head(?:line)?)\b", re.I
)
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML whitespace; a no-break space is text


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.page_title = ""
        self.h1 = ""
        self.h1_in_article = ""
        self.blocks: list[tuple[str, str, bool]] = []  # (kind, text, inside <article>)
        self.standfirst = ""
        self.time = ""
        self.canonical = ""
        self._skip = 0
        self._article = 0
        self._capture: str | None = None  # "p", "heading", "h1", "title", "standfirst"
        self._capture_depth = 0
        self._buffer: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
            if values.get("charset"):
                self.meta.setdefault("charset", values["charset"])
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "")
            return
        if tag == "time" and not self.time:
            self.time = values.get("datetime", "")
        if tag in VOID:
            if tag == "br" and self._capture:
                self._buffer.append(" ")
            return
        if tag == "p" and self._capture == "p":
            self.handle_endtag("p")  # <p>one<p>two: a new paragraph closes the open one
        self._open.append(tag)
        if tag in SKIPPED:
            self._skip += 1
        if tag in ("article", "main"):
            self._article += 1
        if self._skip or self._capture:
            return
        if tag == "title":
            self._begin("title")
        elif tag == "h1":
            self._begin("h1")
        elif tag in ("h2", "h3"):
            self._begin("standfirst" if STANDFIRST_CLASS.search(values.get("class", "")) else "heading")
        elif tag in ("p", "div") and STANDFIRST_CLASS.search(values.get("class", "")) and not self.blocks:
            self._begin("standfirst")
        elif tag == "p":
            self._begin("p")

    def _begin(self, what: str) -> None:
        self._capture = what
        self._capture_depth = len(self._open)
        self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or tag not in self._open:
            return
        while self._open:  # close anything left open inside it, as browsers do
            closed = self._open.pop()
            if self._capture and len(self._open) < self._capture_depth:
                self._end()
            if closed in SKIPPED:
                self._skip -= 1
            if closed in ("article", "main"):
                self._article -= 1
            if closed == tag:
                break

    def _end(self) -> None:
        text = _SPACES.sub(" ", "".join(self._buffer)).strip()
        what, self._capture = self._capture, None
        if not text:
            return
        if what == "title":
            self.page_title = self.page_title or text
        elif what == "h1":
            self.h1 = self.h1 or text
            if self._article and not self.h1_in_article:
                self.h1_in_article = text
        elif what == "standfirst":
            self.standfirst = self.standfirst or text
        else:
            self.blocks.append(("heading" if what == "heading" else "text", text, self._article > 0))

    def handle_data(self, data: str) -> None:
        if self._capture and not self._skip:
            self._buffer.append(data)


def parse_html(path: Path) -> ParsedArticle:
    """Read one HTML article. Raises `ImportFailed` naming the file."""
    try:
        text = read_text(path)
    except ImportFailed as failed:
        text = _decode_declared(path, failed)
    return parse_html_text(text, path)


def _decode_declared(path: Path, failed: ImportFailed) -> str:
    """A page that is not UTF-8 but says which encoding it is in."""
    if "not UTF-8" not in failed.problem.message:
        raise failed
    raw = path.read_bytes()
    match = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", raw[:4096], re.I)
    if not match:
        raise failed
    try:
        return normalise_newlines(raw.decode(match.group(1).decode("ascii")))
    except (LookupError, UnicodeDecodeError):
        raise failed from None


def parse_html_text(text: str, path: Path) -> ParsedArticle:
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()
    meta = parser.meta
    title = parser.h1_in_article or parser.h1 or meta.get("og:title") or parser.page_title
    if not title:
        raise ImportFailed(path, "no headline found (no <h1>, og:title or <title>)")
    inside = [b for b in parser.blocks if b[2]]
    chosen = inside if any(kind == "text" for kind, _, _ in inside) else parser.blocks
    blocks = [Block(text, None, "heading" if kind == "heading" else None) for kind, text, _ in chosen]
    source, blocks = split_source(blocks)
    standfirst = parser.standfirst or None
    if standfirst is None:
        standfirst, blocks = split_standfirst(blocks)
    layout = classify(blocks)
    if not any(kind == "text" for kind, _ in layout.paragraphs):
        raise ImportFailed(path, "no paragraphs (<p>) of article text found")
    warnings: list[str] = []
    dates = [meta.get(key) for key in ("article:published_time", "og:published_time", "datepublished")]
    dates += [meta.get(key) for key in ("date", "pubdate", "dc.date")] + [parser.time]
    written = [value for value in dates if value and value.strip()]
    published = next((d for d in (normalise_date(value) for value in written) if d), None)
    if published is None and written:
        read_date(written[0], DAY_FIRST, warnings)  # says why the page's date cannot be read
    article = Article(
        id="",
        title=" ".join(title.split()),
        standfirst=standfirst,
        paragraphs=[Paragraph(text, kind) for kind, text in layout.paragraphs],
        source=meta.get("og:site_name") or source,
        published=published,
        url=meta.get("og:url") or parser.canonical or None,
    )
    finish(article, path)
    return ParsedArticle(article, path, dropped=layout.dropped, warnings=warnings)
