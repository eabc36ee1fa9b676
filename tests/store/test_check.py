"""`ArticleStore.check`: every problem in every file, as path:line: what is wrong."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from store.articles import ArticleStore, check_file
from store.models import Article, Paragraph
from store.yamlio.dump import dump_article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TOWN = "town-council-approves-new-library"


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    shutil.copytree(FIXTURES / "store" / "articles", tmp_path / "articles")
    return ArticleStore(tmp_path)


def edit(store: ArticleStore, article_id: str, old: str, new: str) -> Path:
    path = store.path_for(article_id)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


def test_a_good_store_has_no_problems(store: ArticleStore) -> None:
    assert store.check() == []


def test_the_broken_fixture_store(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "store-with-errors" / "articles", tmp_path / "articles")
    problems = ArticleStore(tmp_path).check()
    assert [(p.path.name, p.line) for p in problems] == [
        ("2019-03-01-editors-warn-about-markup-in-copy.yaml", 14),
        ("broken-yaml.yaml", 5),
    ]
    assert "whole number" in problems[0].message
    assert "not valid YAML" in problems[1].message and "line 2" in problems[1].message


def test_invalid_yaml_after_a_hand_edit(store: ArticleStore) -> None:
    path = edit(store, TOWN, "title: Town council approves new library", "title: [Town council")
    (problem,) = store.check()
    assert problem.path == path and problem.line is not None
    assert str(problem).startswith(f"{path}:{problem.line}: not valid YAML")


def test_speaker_no_is_a_name_not_a_boolean(store: ArticleStore) -> None:
    edit(store, TOWN, "speaker: Mary Smith", "speaker: No")
    problems = store.check()
    # "No" is kept as text; the only complaint is that no entity has that name
    assert len(problems) == 1 and "'No' is not among the article's entities" in problems[0].message


def test_wrong_types_and_offsets_are_located(store: ArticleStore) -> None:
    path = edit(store, TOWN, "  paragraph: 1\n", "  paragraph: yes\n")
    edit(store, TOWN, "mentions: [[0, 20, 31]]", "mentions: [[0, 20, 310]]")
    problems = store.check()
    assert {p.line for p in problems} == {line_of(path, "paragraph: yes"), line_of(path, "[0, 20, 310]")}
    assert any("paragraph must be a whole number" in p.message for p in problems)


def test_quote_text_must_match_its_offsets(store: ArticleStore) -> None:
    path = edit(store, TOWN, "  end: 53\n", "  end: 50\n")
    (problem,) = store.check()
    assert "quote text does not match" in problem.message and problem.path == path


def test_the_id_must_be_the_file_name(store: ArticleStore) -> None:
    path = edit(store, TOWN, f"id: {TOWN}", "id: something-else")
    (problem,) = store.check()
    assert problem.line == 1 and "does not match the file name" in problem.message and problem.path == path


def test_duplicate_ids_are_reported(store: ArticleStore) -> None:
    source = store.path_for(TOWN)
    copy = store.articles_dir / "town-copy.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    messages = [p.message for p in store.check()]
    assert any("also used by" in m for m in messages)
    assert any("does not match the file name" in m for m in messages)


def test_unknown_keys_and_missing_title(store: ArticleStore) -> None:
    edit(store, TOWN, "title: Town council approves new library\n", "headline: Town council\n")
    messages = sorted(p.message for p in store.check())
    assert any(m.startswith("unknown key 'headline'") for m in messages)
    assert "missing title" in messages


def test_not_utf8_and_stray_yml_files(store: ArticleStore) -> None:
    (store.articles_dir / "latin.yaml").write_bytes("id: latin\ntitle: Café\n".encode("latin-1"))
    (store.articles_dir / "other.yml").write_text("id: other\n", encoding="utf-8")
    (store.articles_dir / ".other.yaml.x1.tmp").write_text("id: [", encoding="utf-8")
    problems = {p.path.name: p for p in store.check()}
    assert set(problems) == {"latin.yaml", "other.yml"}
    assert problems["latin.yaml"].line == 2 and "UTF-8" in problems["latin.yaml"].message


def test_a_bad_aliases_file_is_a_problem_too(store: ArticleStore) -> None:
    (store.data_dir / "aliases.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (problem,) = store.check()
    assert problem.path.name == "aliases.yaml"


def test_a_store_with_no_articles_folder(tmp_path: Path) -> None:
    (problem,) = ArticleStore(tmp_path).check()
    assert "no articles folder" in problem.message


def test_check_file_returns_the_declared_id(store: ArticleStore) -> None:
    article_id, problems = check_file(store.path_for(TOWN))
    assert article_id == TOWN and problems == []


def test_thousands_of_files_check_quickly(tmp_path: Path) -> None:
    store = ArticleStore(tmp_path)
    store.articles_dir.mkdir()
    text = dump_article(
        Article(id="x", title="An article", paragraphs=[Paragraph("A sentence of body text. " * 40)] * 8)
    )
    for n in range(2000):
        (store.articles_dir / f"a{n:05}.yaml").write_text(
            text.replace("id: x", f"id: a{n:05}"), encoding="utf-8"
        )
    started = time.monotonic()
    assert store.check(processes=1) == []
    assert time.monotonic() - started < 30  # ~1 s idle; a generous limit on a loaded machine


def test_partial_and_hand_set_speaker_flags_are_read_and_checked(store: ArticleStore) -> None:
    path = edit(store, TOWN, "  cue: said\n", "  cue: said\n  partial: true\n  speaker_by: hand\n")
    assert store.check() == []
    (quote,) = store.load(TOWN).quotes
    assert quote.partial and quote.speaker_by_hand
    edit(store, TOWN, "  partial: true\n  speaker_by: hand\n", "  partial: maybe\n  speaker_by: robot\n")
    problems = store.check()
    assert {p.line for p in problems} == {line_of(path, "partial: maybe"), line_of(path, "speaker_by: robot")}
    assert any("partial must be true or false" in p.message for p in problems)
    assert any("speaker_by must be hand" in p.message for p in problems)


def test_a_speaker_s_confidence_and_route_are_read_and_checked(store: ArticleStore) -> None:
    path = edit(
        store, TOWN, "  cue: said\n", "  cue: said\n  confidence: low\n  speaker_from: lead-in-pronoun\n"
    )
    assert store.check() == []
    (quote,) = store.load(TOWN).quotes
    assert (quote.confidence, quote.speaker_from) == ("low", "lead-in-pronoun")
    edit(
        store,
        TOWN,
        "  confidence: low\n  speaker_from: lead-in-pronoun\n",
        "  confidence: 3\n  speaker_from: guess\n",
    )
    problems = store.check()
    assert {p.line for p in problems} == {
        line_of(path, "confidence: 3"),
        line_of(path, "speaker_from: guess"),
    }
    assert any(
        "confidence must be high, medium or low (or left out), not the number 3" in p.message
        for p in problems
    )
    assert any("speaker_from must be a route such as cue" in p.message for p in problems)


def test_a_joint_speaker_is_its_people_not_an_entity_of_its_own(store: ArticleStore) -> None:
    edit(store, TOWN, "speaker: Mary Smith", "speaker: Mary Smith and Springfield")
    assert store.check() == []
    edit(store, TOWN, "speaker: Mary Smith and Springfield", "speaker: Mary Smith and John Doe")
    (problem,) = store.check()
    assert "'Mary Smith and John Doe' is not among the article's entities" in problem.message


def test_a_file_whose_name_is_not_an_article_id_is_reported(store: ArticleStore, tmp_path: Path) -> None:
    """Ids are checked by one rule (`ingest.ids.is_safe_id`) everywhere: a hand-named file
    the app would refuse to open is named by `check`, with what to do."""
    path = store.articles_dir / "My Notes.yaml"
    path.write_text(dump_article(Article(id="My Notes", title="Notes", paragraphs=[Paragraph("x")])))
    problems = [p for p in store.check() if p.path == path]
    assert [p.message for p in problems] == [
        "the file name 'My Notes' is not an article id (letters, digits, '-', '_'); "
        "rename the file and its id"
    ]
