"""HTML pages: headline, paragraphs and headings kept; navigation, scripts and asides gone."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.errors import ImportFailed
from store.ingest.html import parse_html, parse_html_text

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "ingest" / "article.html"


def test_the_article_and_nothing_around_it() -> None:
    parsed = parse_html(FIXTURE)
    article = parsed.article
    assert article.title == "Harbour bridge to close for repairs"
    assert article.standfirst == "Engineers warn the crossing needs a new deck before winter storms."
    assert (article.source, article.published, article.url) == (
        "The Coastal Gazette",
        "2021-03-04",
        "https://gazette.example/2021/03/harbour-bridge-to-close",
    )
    assert [(p.kind, p.text[:40]) for p in article.paragraphs] == [
        ("text", "The harbour bridge will close for six we"),
        ("text", "“We cannot put this off any longer,” sai"),
        ("heading", "Detours"),
        ("text", "Drivers will be sent over the old river "),
        ("text", "Cyclists can still use the\u00a0ferry, which "),
    ]
    assert article.paragraphs[3].text.endswith("to the trip & more at peak hours.")
    assert [b.text for b in parsed.dropped] == ["Related: Council approves new budget"]
    everything = " ".join(p.text for p in article.paragraphs)
    for gone in (
        "Home",
        "News",
        "Subscribe",
        "not text",
        "color",
        "Photo: Jane Roe",
        "Ferry timetables",
        "©",
    ):
        assert gone not in everything


def test_without_an_article_element_every_paragraph_counts() -> None:
    page = (
        "<html><head><title>Mill burns | Gazette</title></head><body><h1>Mill burns</h1>"
        "<p>The old mill burned on Sunday.<p>Nobody was hurt.</body></html>"
    )
    article = parse_html_text(page, Path("mill.html")).article
    assert article.title == "Mill burns"
    assert [p.text for p in article.paragraphs] == ["The old mill burned on Sunday.", "Nobody was hurt."]


def test_title_falls_back_to_the_title_element() -> None:
    page = "<title>Mill burns</title><p>The old mill burned on Sunday night.</p>"
    assert parse_html_text(page, Path("m.html")).article.title == "Mill burns"


def test_a_page_without_a_headline_or_text_is_refused() -> None:
    with pytest.raises(ImportFailed, match="no headline"):
        parse_html_text("<p>Text without a title.</p>", Path("a.html"))
    with pytest.raises(ImportFailed, match="no paragraphs"):
        parse_html_text("<h1>Title</h1><nav><p>Menu</p></nav>", Path("b.html"))


def test_a_declared_latin1_page_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.html"
    path.write_bytes(
        '<meta charset="iso-8859-1"><h1>Café prices rise</h1><p>The café will charge more.</p>'.encode(
            "latin-1"
        )
    )
    article = parse_html(path).article
    assert article.title == "Café prices rise"


def test_an_undeclared_latin1_page_is_refused_with_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "latin1.htm"
    path.write_bytes("<h1>Café</h1><p>The café will charge more.</p>".encode("latin-1"))
    with pytest.raises(ImportFailed, match="iconv -f latin1 -t utf-8"):
        parse_html(path)


def test_windows_line_endings_and_entities() -> None:
    page = "<h1>A &amp; B</h1>\r\n<p>One\r\nline &lt;b&gt; here.</p>\r\n"
    article = parse_html_text(page, Path("a.html")).article
    assert article.title == "A & B"
    assert article.paragraphs[0].text == "One line <b> here."


def test_an_impossible_page_date_is_a_warning(tmp_path: Path) -> None:

    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2019-02-30"></head>'
        "<body><h1>Ferry fares rise</h1>"
        "<p>Fares rise by ten percent in June, the operator said.</p></body></html>",
        encoding="utf-8",
    )
    parsed = parse_html(page)
    assert parsed.article.published is None
    assert parsed.warnings == [
        "'2019-02-30' is not a date (day is out of range for month); imported without a date"
    ]
