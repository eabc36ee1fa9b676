"""The YAML article format: round trips, the YAML 1.1 traps, errors with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.errors import ArticleFileError
from store.models import Article, Entity, Mention, Paragraph, Quote
from store.yamlio.dump import dump_article
from store.yamlio.load import article_from_text, check_text, load_article
from store.yamlio.save import save_article


def sample() -> Article:
    return Article(
        id="2015-09-19-kerry",
        title="Kerry says: Assad must go",
        published="2015-09-19",
        paragraphs=[
            Paragraph("“We need to get to the negotiation,” said Kerry. " * 3),
            Paragraph("Geneva process", kind="heading"),
        ],
        quotes=[Quote("We need to get to the negotiation,", 0, 1, 35, "John Kerry", "said")],
        entities=[Entity("John Kerry", "PERSON", ["Kerry"], [Mention(0, 42, 47)])],
    )


def test_round_trip_is_equal(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    assert save_article(path, sample())
    assert load_article(path) == sample()


def test_a_graded_speaker_round_trips_and_reads_as_written(tmp_path: Path) -> None:
    article = sample()
    article.quotes[0].confidence, article.quotes[0].speaker_from = "low", "lead-in-pronoun"
    text = dump_article(article)
    assert "  cue: said\n  confidence: low\n  speaker_from: lead-in-pronoun\n" in text
    path = tmp_path / "a.yaml"
    save_article(path, article)
    assert load_article(path) == article


def test_a_file_written_before_speakers_were_graded_loads_unchanged(tmp_path: Path) -> None:
    text = dump_article(sample())
    assert "confidence" not in text and "speaker_from" not in text
    (quote,) = article_from_text(text, tmp_path / "a.yaml").quotes
    assert (quote.speaker, quote.confidence, quote.speaker_from) == ("John Kerry", None, None)
    assert dump_article(article_from_text(text, tmp_path / "a.yaml")) == text


def test_unchanged_article_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    save_article(path, sample())
    before = path.stat().st_mtime_ns
    assert not save_article(path, sample())
    assert path.stat().st_mtime_ns == before


def test_no_is_text_and_dates_stay_text() -> None:
    text = dump_article(sample()).replace("speaker: John Kerry", "speaker: No")
    text = text.replace("published: '2015-09-19'", "published: 2015-09-19")
    article = article_from_text(text, Path("a.yaml"))
    assert article.quotes[0].speaker == "No"
    assert article.published == "2015-09-19"


def test_wrong_type_names_file_and_line() -> None:
    text = dump_article(sample()).replace("start: 1", "start: one")
    with pytest.raises(ArticleFileError) as caught:
        article_from_text(text, Path("a.yaml"))
    (problem,) = caught.value.problems
    assert problem.path == Path("a.yaml") and problem.line is not None
    assert text.splitlines()[problem.line - 1].strip() == "start: one"
    assert "whole number" in problem.message


def test_invalid_yaml_names_line() -> None:
    with pytest.raises(ArticleFileError) as caught:
        article_from_text("id: x\ntitle: [unclosed\n", Path("b.yaml"))
    assert caught.value.problems[0].line == 3
    assert "not valid YAML" in caught.value.problems[0].message


def test_check_finds_offsets_outside_paragraph() -> None:
    text = dump_article(sample()).replace("mentions: [[0, 42, 47]]", "mentions: [[0, 42, 4700]]")
    problems = check_text(text, Path("c.yaml"))
    assert len(problems) == 1 and "outside paragraph 0" in problems[0].message


FAST_PATH_CASES = [
    "a: 1\nb: -0\nc: 12\n",
    "a: 010\n",  # YAML 1.1 octal: left to PyYAML
    "a: +5\nb: 1_000\nc: 0x1f\n",
    "a: 1.5\nb: .inf\n",
    "a: yes\nb: No\nc: on\n",  # text, not booleans
    "a: true\nb: FALSE\nc: True\n",
    "a: ~\nb:\nc: null\nd: Null\n",
    "a: 2015-09-19\n",  # dates stay text
    "a: \"1\"\nb: 'true'\nc: |-\n  12\n",
    "- &x 1\n- *x\n",  # anchors and aliases
    "<<: {a: 1}\nb: 2\n",  # merge key
    "a: !!int '5'\n",
    "? [1]\n: 2\n",  # a key that is not a scalar
    "a: 1\n---\nb: 2\n",  # two documents
    "",
    "just text\n",
    "a: [1, [2, {b: c}]]\nd: {}\ne: []\n",
    "a: 'unterminated\n",
    "a:\n  - b: 1\n    c: [x, 'y']\n",
]


@pytest.mark.parametrize("text", FAST_PATH_CASES)
def test_fast_reader_gives_what_pyyaml_gives(text: str) -> None:
    """Articles are read from libyaml's events (store.yamlio.events.fast_load); what it does
    not handle itself goes to PyYAML, so the document or the error is the same."""
    import yaml

    from store.yamlio.load import ArticleLoader, parse_yaml

    try:
        expected = ("ok", yaml.load(text, Loader=ArticleLoader))  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        expected = ("error", None)
    try:
        got = ("ok", parse_yaml(text, Path("a.yaml")))
    except ArticleFileError:
        got = ("error", None)
    assert got == expected


def test_fast_reader_reads_every_fixture_file_like_pyyaml() -> None:
    import yaml

    from store.yamlio.events import NotPlain, fast_load
    from store.yamlio.load import ArticleLoader

    fixtures = Path(__file__).parent / "fixtures"
    for path in sorted(fixtures.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        try:
            expected = yaml.load(text, Loader=ArticleLoader)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            continue
        try:
            assert fast_load(text, ArticleLoader.yaml_implicit_resolvers) == expected, path
        except Exception as exc:  # noqa: BLE001 - falling back is allowed, a wrong document is not
            assert isinstance(exc, NotPlain), path
