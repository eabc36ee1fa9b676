"""Plain-text articles: the seed's layout, its furniture and headings, and bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from store.errors import ImportFailed
from store.ingest import files as files_module
from store.ingest.files import MAX_FILE_BYTES, Manifests, read_text
from store.ingest.layout import is_standfirst
from store.ingest.text import NO_BODY, parse_text
from store.yamlio.load import load_yaml_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "kerry-assad-aljazeera.txt"
GOLD = FIXTURES / "kerry-assad-aljazeera.gold.yaml"
WIKINEWS = FIXTURES / "ingest" / "wikinews"


def parse_file(path: Path, manifests: Manifests | None = None):  # type: ignore[no-untyped-def]
    return parse_text(read_text(path), path, (manifests or Manifests()).meta_for(path))


def seed_blocks() -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8")) if b.strip()]


# ---------------------------------------------------------------- the seed against its annotation


def test_seed_matches_the_gold_annotation() -> None:
    gold = load_yaml_file(GOLD)
    parsed = parse_file(SEED)
    article = parsed.article
    assert article.title == gold["title"]
    assert article.standfirst == gold["standfirst"]
    assert article.source == gold["source"]
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == gold["headings"]
    assert [block.text for block in parsed.dropped] == gold["furniture"]
    # every other block of the file, in order, is a body paragraph, verbatim but for
    # the no-break spaces the scrape left at two paragraph ends
    annotated = {gold["title"], gold["standfirst"], *gold["headings"], *gold["furniture"]}
    expected = [b for b in seed_blocks() if b not in annotated and not b.startswith("Source:")]
    body = [p.text for p in article.paragraphs if p.kind == "text"]
    assert body == [b.rstrip("\u00a0") for b in expected]
    # The gold file says `body_paragraphs: 14`, but its own lists leave 15: 22 blocks
    # minus title, standfirst, Source line, 3 furniture lines and 1 heading.
    assert len(body) == 15 == len(seed_blocks()) - 7
    assert [p.kind for p in article.paragraphs].index("heading") == 7


def test_seed_keeps_the_heading_between_the_paragraphs_it_divides() -> None:
    kinds = [(p.kind, p.text[:20]) for p in parse_file(SEED).article.paragraphs]
    at = kinds.index(("heading", "Geneva process"))
    assert kinds[at - 1][1].startswith("Heavy Russian")
    assert kinds[at + 1][1].startswith("Kerry said that")


def test_no_break_spaces_inside_a_paragraph_stay_and_at_its_end_are_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "nbsp.txt"
    path.write_text(
        "Headline here\n\nThe minister\u00a0said the plan was ready.\u00a0\n\nA second paragraph follows.\n",
        encoding="utf-8",
    )
    (first, second) = parse_file(path).article.paragraphs
    assert first.text == "The minister\u00a0said the plan was ready."
    assert second.text == "A second paragraph follows."
    seed = parse_file(SEED).article.paragraphs
    assert not any(p.text.endswith("\u00a0") for p in seed)


def test_windows_line_endings_give_the_same_article(tmp_path: Path) -> None:
    crlf = tmp_path / "kerry-crlf.txt"
    crlf.write_bytes(SEED.read_bytes().replace(b"\n", b"\r\n"))
    assert b"\r\n" in crlf.read_bytes()
    original, windows = parse_file(SEED).article, parse_file(crlf).article
    assert windows.paragraphs == original.paragraphs
    assert (windows.title, windows.standfirst, windows.source) == (
        original.title,
        original.standfirst,
        original.source,
    )
    assert not any("\r" in p.text for p in windows.paragraphs)


def test_a_byte_order_mark_is_not_part_of_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\n\nBody text here.\n")
    assert parse_file(path).article.title == "Headline"


# ---------------------------------------------------------------- bad input


def test_not_utf8_names_the_file_and_suggests_iconv(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café owner says prices rise\n\nThe café will charge more.\n".encode("latin-1"))
    with pytest.raises(ImportFailed) as caught:
        read_text(path)
    problem = caught.value.problem
    assert problem.path == path and problem.line == 1
    assert "not UTF-8" in problem.message and "iconv -f latin1 -t utf-8" in problem.message
    assert str(path) in str(caught.value)


def test_utf16_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Headline\n\nBody.\n".encode("utf-16"))
    with pytest.raises(ImportFailed, match="UTF-16.*iconv -f utf-16"):
        read_text(path)


@pytest.mark.parametrize("content", ["", "\n\n   \n", "\r\n\r\n"])
def test_empty_file_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match="empty"):
        parse_file(path)


@pytest.mark.parametrize(
    "content",
    ["Just a headline\n", "Just a headline", "Just a headline\n\nSource: Wire\n", "Headline\n\nundefined\n"],
)
def test_a_file_that_is_only_a_headline_is_a_brief(tmp_path: Path, content: str) -> None:
    path = tmp_path / "headline.txt"
    path.write_text(content, encoding="utf-8")
    parsed = parse_file(path)  # not an error: a brief with no paragraphs, and it says so
    assert parsed.article.paragraphs == []
    assert parsed.warnings == [NO_BODY] and "headline only" in NO_BODY


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"PNG\x00\x00\x00")
    with pytest.raises(ImportFailed, match="binary"):
        read_text(path)


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(ImportFailed) as caught:
        read_text(path)
    message = caught.value.problem.message
    assert "50.0 MB" in message and f"{MAX_FILE_BYTES // 1_048_576} MB" in message
    assert caught.value.problem.path == path


def test_size_limit_is_what_the_module_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 20)
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nA body that is longer than twenty bytes.\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="is more than"):
        read_text(path)


def test_a_first_line_too_long_for_a_headline_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no-headline.txt"
    path.write_text("word " * 100 + "\n\nMore text.\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="too long for a headline"):
        parse_file(path)


# ---------------------------------------------------------------- layout rules, generally


def article_from(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


LEDE = "The city council on Monday approved a budget that raises spending on schools and roads."
BODY = "Councillors argued for three hours before the vote, which passed by nine votes to four."


def test_a_heading_is_kept_when_the_text_under_it_continues_it(tmp_path: Path) -> None:
    parsed = article_from(
        tmp_path,
        f"Budget passes\n\n{LEDE}\n\nSchool spending\n\nSpending on schools rises by a tenth.\n\n{BODY}\n",
    )
    assert ("heading", "School spending") in [(p.kind, p.text) for p in parsed.article.paragraphs]
    assert parsed.dropped == []


def test_a_teaser_the_story_never_mentions_is_dropped(tmp_path: Path) -> None:
    teaser = "The lighthouse keeper of Rathlin, and the storm that changed everything"
    parsed = article_from(tmp_path, f"Budget passes\n\n{LEDE}\n\n{teaser}\n\n{BODY}\n\nA third paragraph.\n")
    assert [b.text for b in parsed.dropped] == [teaser]
    assert teaser not in [p.text for p in parsed.article.paragraphs]


@pytest.mark.parametrize(
    "line",
    [
        "Related: Five things to know about the budget",
        "READ MORE: Council tax to rise",
        "See also: How the vote unfolded",
        "null",
        "Advertisement",
        "* * *",
    ],
)
def test_page_furniture_is_dropped(tmp_path: Path, line: str) -> None:
    parsed = article_from(tmp_path, f"Budget passes\n\n{LEDE}\n\n{line}\n\n{BODY}\n")
    assert [b.text for b in parsed.dropped] == [line]
    assert [p.text for p in parsed.article.paragraphs] == [LEDE, BODY]


@pytest.mark.parametrize(
    "line", ["The council chamber on Monday. Photo: Jane Roe", "Mayor Ann Diaz (left). Image: City Hall."]
)
def test_a_photo_caption_is_kept_as_a_caption(tmp_path: Path, line: str) -> None:
    parsed = article_from(tmp_path, f"Budget passes\n\n{LEDE}\n\n{line}\n\n{BODY}\n")
    assert parsed.dropped == []
    assert [(p.kind, p.text) for p in parsed.article.paragraphs] == [
        ("text", LEDE),
        ("caption", line),
        ("text", BODY),
    ]


def test_a_short_line_ending_a_sentence_is_text(tmp_path: Path) -> None:
    parsed = article_from(
        tmp_path, f"Budget passes\n\n{LEDE}\n\nIt passed.\n\nOther items included:\n\n{BODY}\n"
    )
    assert [p.text for p in parsed.article.paragraphs] == [LEDE, "It passed.", "Other items included:", BODY]


def test_lines_of_a_list_are_text_not_headings(tmp_path: Path) -> None:
    parsed = article_from(
        tmp_path, f"Budget passes\n\n{LEDE}\n\nThe plan will:\n\nFix the roads\nHire teachers\n\n{BODY}\n"
    )
    texts = [(p.kind, p.text) for p in parsed.article.paragraphs]
    assert ("text", "Fix the roads") in texts and ("text", "Hire teachers") in texts


def test_hard_wrapped_paragraphs_are_joined(tmp_path: Path) -> None:
    text = (
        "Budget passes\n\nThe city council on Monday approved a budget that raises\n"
        "spending on schools and roads by a tenth over two years, the\nmayor said.\n\n"
        "Councillors argued for three hours before the vote, which passed\nby nine votes to four.\n"
    )
    paragraphs = [p.text for p in article_from(tmp_path, text).article.paragraphs]
    assert paragraphs[0].startswith("The city council") and paragraphs[0].endswith("the mayor said.")
    assert len(paragraphs) == 2


def test_a_dateline_line_gives_the_date_and_is_not_text(tmp_path: Path) -> None:
    parsed = article_from(tmp_path, f"Budget passes\n\nMonday, March 1, 2021\n\n{LEDE}\n\n{BODY}\n")
    assert parsed.article.published == "2021-03-01"
    assert [p.text for p in parsed.article.paragraphs] == [LEDE, BODY]


# ---------------------------------------------------------------- standfirst


def test_no_wikinews_lede_is_taken_for_a_standfirst() -> None:
    ledes = [
        json.loads(line) for line in (FIXTURES / "ingest" / "wikinews-ledes.jsonl").open(encoding="utf-8")
    ]
    assert len(ledes) == 201
    wrong = [r["file"] for r in ledes if is_standfirst(r["first"], "word " * r["next_words"])]
    assert wrong == []


@pytest.mark.parametrize(
    "first",
    [
        "Opposition leader urges calm as talks on a new coalition government resume.",
        "Engineers warn the crossing needs a new deck before the winter storms arrive",
    ],
)
def test_a_one_sentence_summary_in_headline_tense_is_a_standfirst(tmp_path: Path, first: str) -> None:
    parsed = article_from(tmp_path, f"Budget passes\n\n{first}\n\n{LEDE}\n\n{BODY}\n")
    assert parsed.article.standfirst == first
    assert parsed.article.paragraphs[0].text == LEDE


@pytest.mark.parametrize(
    "first",
    [
        "LONDON (Reuters) - Britain's opposition leader urges calm as talks on a new coalition resume.",
        "“We will not back down,” the opposition leader told a rally in the capital.",
        "The opposition leader urged calm as talks on a new coalition government resumed.",
        "Opposition leader urges calm. Talks on a new coalition government resume today.",
    ],
)
def test_a_lede_is_not_a_standfirst(tmp_path: Path, first: str) -> None:
    parsed = article_from(tmp_path, f"Budget passes\n\n{first}\n\n{LEDE} {BODY}\n\n{BODY}\n")
    assert parsed.article.standfirst is None
    assert parsed.article.paragraphs[0].text == first


# ---------------------------------------------------------------- metadata


def test_manifest_supplies_date_url_and_source() -> None:
    manifests = Manifests()
    for path in sorted(WIKINEWS.glob("*.txt")):
        article = parse_file(path, manifests).article
        assert article.source == "Wikinews"
        assert article.url and article.url.startswith("https://en.wikinews.org/wiki/")
        assert article.published == path.name[:10]
        assert article.standfirst is None
    assert manifests.problems == []


def test_date_from_the_file_name_without_a_manifest(tmp_path: Path) -> None:
    for name, date in [("2019-01-04_fire.txt", "2019-01-04"), ("2019-01-04-fire.txt", "2019-01-04"),
                       ("20190104_fire.txt", None), ("2019-13-40_fire.txt", None)]:  # fmt: skip
        path = tmp_path / name
        path.write_text(
            "Fire in the old mill\n\nThe old mill burned down on Sunday night.\n", encoding="utf-8"
        )
        assert parse_file(path).article.published == date, name


def test_a_bad_manifest_line_is_reported_and_the_rest_used(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fire\n\nThe mill burned down.\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        '{not json\n{"file": "a.txt", "date": "2020-02-02", "url": "https://x.example/a"}\n{"date": "x"}\n',
        encoding="utf-8",
    )
    manifests = Manifests()
    article = parse_file(tmp_path / "a.txt", manifests).article
    assert (article.published, article.url) == ("2020-02-02", "https://x.example/a")
    assert [p.line for p in manifests.problems] == [1, 3]


def test_wikinews_texts_lose_no_paragraph() -> None:
    for path in sorted(WIKINEWS.glob("*.txt")):
        blocks = [b for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if b.strip()]
        parsed = parse_file(path)
        assert parsed.dropped == []
        assert len(parsed.article.paragraphs) == len(blocks) - 2  # headline and Source line


def test_a_manifest_lines_further_fields_are_kept_as_meta(tmp_path: Path) -> None:
    (tmp_path / "mill.txt").write_text("Mill burns down\n\nThe old mill burned down.\n", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "mill.txt", "date": "03/04/2005", "category": "local", "tags": ["fire", "mill"]}\n',
        encoding="utf-8",
    )
    manifests = Manifests()
    meta = manifests.meta_for(tmp_path / "mill.txt")
    parsed = parse_text(read_text(tmp_path / "mill.txt"), tmp_path / "mill.txt", meta)
    assert parsed.article.meta == {"category": "local", "tags": ["fire", "mill"]}
    assert parsed.article.published == "2005-04-03" and manifests.problems == []
