"""The reader's plain parts: line breaking, config, saved state, targets, issue lookup."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from tui_scenes import make_library

from reader.config import Config, load_config, merge_words, split_words
from reader.errors import NotFound, ReaderError
from reader.fields import Ref, field_rank
from reader.library import Library
from reader.state import load_position, load_search, save_position, save_search, state_file
from reader.tui import session
from reader.tui.hit_walk import occurrences, snippet
from reader.tui.launch import build_app, resolve_target
from reader.tui.marks import Highlights
from reader.tui.wrap import NO_START, wrap

TEXT = st.text(
    alphabet=st.sampled_from(list("徐汇区数据，。、“”（）ab c1-\n\uff21—\u0301")), max_size=200
)


@given(TEXT, st.integers(min_value=2, max_value=40), st.integers(min_value=0, max_value=8))
def test_wrap_fits_and_loses_nothing(text: str, width: int, first: int) -> None:
    lines = wrap(text, width, first)
    kept = "".join(text[s:e] for s, e in lines)
    assert kept.replace(" ", "") == text.replace(" ", "").replace("\n", "")
    previous = 0
    for number, (start, end) in enumerate(lines):
        assert previous <= start <= end
        previous = end
        room = width - (min(first, width - 2) if number == 0 else 0)
        assert cell_len(text[start:end]) <= room or end - start == 1


def test_wrap_keeps_closing_punctuation_off_line_starts() -> None:
    text = "早晨7点，当第一缕阳光探出地平线，徐汇滨江浩渺的江面上，船影如织，往来不绝。"
    for width in range(6, 40):
        for start, end in wrap(text, width):
            assert text[start] not in NO_START
            assert cell_len(text[start:end]) <= width


def test_wrap_keeps_latin_words_whole() -> None:
    text = "hello world, reader shows 12.31PB of data"
    assert [text[s:e] for s, e in wrap(text, 12)] == [
        "hello world,",
        "reader shows",
        "12.31PB of",
        "data",
    ]


def test_wrap_a_long_paragraph_quickly() -> None:
    import time

    text = "徐汇区数据" * 20000
    started = time.process_time()
    lines = wrap(text, 60)
    assert len(lines) == 3334 and time.process_time() - started < 1


def test_config_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_config(path) == Config()
    path.write_text('highlight = ["数据", "徐汇", "数据"]\ntheme = "light"\n', encoding="utf-8")
    assert load_config(path) == Config(("数据", "徐汇"), "light")
    assert load_config(env={"READER_CONFIG": str(path)}).theme == "light"
    path.write_text('highlight = "数据，徐汇"\n', encoding="utf-8")
    assert load_config(path).highlight == ("数据", "徐汇")
    for bad in ("highlight = 3\n", 'theme = "blue"\n', "highlight = [\n"):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(ReaderError):
            load_config(path)


def test_words() -> None:
    assert split_words("数据,徐汇，上海、 北京 ") == ("数据", "徐汇", "上海", "北京")
    assert merge_words(["数据"], ("徐汇", "数据"), [" "]) == ("数据", "徐汇")


def test_state_round_trip(tmp_path: Path) -> None:
    env = {"READER_DATA_DIR": str(tmp_path / "data")}
    path = state_file(tmp_path / "lib", env)
    assert path.parent == tmp_path / "data" / "state"
    assert load_position(path) is None and load_search(path) is None
    assert save_position(path, Ref("xuhui", "sample", 1, 4))
    assert save_search(path, "数据")
    assert load_position(path) == Ref("xuhui", "sample", 1, 4)
    assert load_search(path) == "数据"
    path.write_text("{not json", encoding="utf-8")
    assert load_position(path) is None
    path.write_text('{"position": {"paper": 1}}', encoding="utf-8")
    assert load_position(path) is None
    path.write_text("[" * 200_000, encoding="utf-8")  # deeper than the JSON decoder goes
    assert load_position(path) is None and load_search(path) is None
    assert state_file(tmp_path / "lib", env) != state_file(tmp_path / "other", env)


def test_state_survives_a_read_only_data_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert not save_position(blocker / "state" / "x.json", Ref("a", "b"))


def test_targets(tmp_path: Path) -> None:
    lib = Library(make_library(tmp_path, [("2025-03-27", 3), ("2025-03-28", 2)]))
    assert resolve_target(lib, None) is None
    assert resolve_target(lib, None, 2) == Ref("xuhui", "2025-03-28", 2)
    assert resolve_target(lib, "xuhui/2025-03-27") == Ref("xuhui", "2025-03-27")
    assert resolve_target(lib, "2025-03-27", 3) == Ref("xuhui", "2025-03-27", 3)
    assert resolve_target(lib, "xuhui/2025-03-27/02/6") == Ref("xuhui", "2025-03-27", 2, 6)
    for bad, error in (
        ("xuhui/2025-01-01", NotFound),
        ("xuhui/2025-03-27/09", NotFound),
        ("xuhui/2025-03-27/01/99", NotFound),
        ("nope", NotFound),
        ("a b/c", ReaderError),
    ):
        with pytest.raises(error):
            resolve_target(lib, bad)
    with pytest.raises(ReaderError):
        resolve_target(lib, "xuhui/2025-03-27/01", 2)


def test_build_app_merges_words_and_recalls_the_last_search(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", [("2025-03-28", 1)])
    config = tmp_path / "config.toml"
    config.write_text('highlight = ["徐汇"]\ntheme = "light"\n', encoding="utf-8")
    env = {"READER_CONFIG": str(config), "READER_DATA_DIR": str(tmp_path / "data")}
    app = build_app(Library(root), "xuhui/2025-03-28/01/4", highlight="数据", env=env)
    assert app.main.watch_words == ("徐汇", "数据") and app.initial_theme == "textual-light"
    assert app.main.finder.query_text is None
    save_search(state_file(root, env), "数据")
    recalled = build_app(Library(root), "xuhui/2025-03-28/01/4", env=env)
    assert recalled.main.finder.query_text == "数据"
    assert build_app(Library(root), "xuhui/2025-03-28", env=env).main.finder.query_text is None
    assert build_app(Library(root), search=" 徐汇 ", env=env).main.finder.query_text == "徐汇"


def test_goto_and_neighbours(tmp_path: Path) -> None:
    lib = Library(make_library(tmp_path, [("2025-03-21", 1), ("2025-03-27", 1), ("extra", 1)]))
    issues = lib.issues()
    assert session.parse_day("2025年3月27日") == date(2025, 3, 27)
    assert session.parse_day("20250327") == date(2025, 3, 27)
    assert session.parse_day("2025-02-30") is None
    assert [i.key for i in issues] == ["2025-03-21", "2025-03-27", "extra"]
    found = session.goto(issues, "2025-03-27", "xuhui")
    assert found is not None and found.key == "2025-03-27"
    found = session.goto(issues, "2025-03-30", "xuhui")
    assert found is not None and found.key == "2025-03-27"
    found = session.goto(issues, "2024-01-01", "xuhui")
    assert found is not None and found.key == "2025-03-21"
    found = session.goto(issues, "ext", "xuhui")
    assert found is not None and found.key == "extra"
    assert session.goto(issues, "zzz", "xuhui") is None
    first = issues[0]
    make_library(tmp_path, [("1998-01-05", 1), ("1998-01-06", 1)], paper="rmrb")
    (tmp_path / "rmrb" / "paper.toml").write_text('name = "人民日报"\n', encoding="utf-8")
    issues = Library(tmp_path).issues()
    asks = ("rmrb 1998-01-06", "人民日报 1998-01-07", "rmrb/1998-01-06", " rmrb  1998-01-06 ")
    for asked in asks:
        found = session.goto(issues, asked, "xuhui")
        assert found is not None and found.id == "rmrb/1998-01-06", asked
    found = session.goto(issues, "rmrb 1997-01-01", "xuhui")  # before its first: its first
    assert found is not None and found.id == "rmrb/1998-01-05"
    found = session.goto(issues, "2025-03-27", "xuhui")  # no paper named: this paper's
    assert found is not None and found.id == "xuhui/2025-03-27"
    assert session.neighbour(issues, first, -1) is None
    nxt = session.neighbour(issues, first, 1)
    assert nxt is not None and nxt.key == "2025-03-27"


def test_occurrences_walk_in_reading_order() -> None:
    class Hit:
        def __init__(self, ident: str, spans: dict[str, list[tuple[int, int]]]) -> None:
            self.id, self.spans = ident, spans

    hits = [
        Hit("p/i/02/1", {"headline": [(0, 2)]}),
        Hit("p/i/01/3", {"paragraphs.1": [(5, 7)], "paragraphs.0": [(9, 11), (1, 3)]}),
        Hit("p/i/01/3", {}),
        Hit("p/i/01/2", {"derived_headline": [(0, 2)], "credit": [(0, 2)]}),
    ]
    found, spans = occurrences(hits)
    assert [(o.page, o.number, o.field, o.start) for o in found] == [
        (1, 2, "credit", 0),
        (1, 3, "paragraphs.0", 1),
        (1, 3, "paragraphs.0", 9),
        (1, 3, "paragraphs.1", 5),
        (2, 1, "headline", 0),
    ]
    assert spans["p/i/01/2"]["derived_headline"] == [(0, 2)]
    assert field_rank("kicker") < field_rank("credit") < field_rank("paragraphs.0")
    assert snippet("一二三四五六七八九十", 5, 6, before=2, after=2) == ("…四五六七八…", 3)


def test_the_start_comes_back_with_the_place_in_its_article(tmp_path: Path) -> None:
    root = make_library(tmp_path / "lib", [("2025-03-27", 2), ("2025-03-28", 2)])
    library = Library(root)
    state = tmp_path / "state.json"
    assert session.read_start(library, None, state).place is None
    save_position(state, Ref("xuhui", "2025-03-27", 2, 3), (4, 17))
    loaded = session.read_start(library, None, state)
    assert loaded.opened is not None and loaded.opened.issue.key == "2025-03-27"
    assert (loaded.opened.page, loaded.opened.item, loaded.place) == (1, 2, (4, 17))
    # A start asked for opens at its top, whatever was saved.
    asked = session.read_start(library, Ref("xuhui", "2025-03-27", 2, 3), state)
    assert asked.place is None and asked.issues is not None and len(asked.issues) == 2


def test_an_issue_that_cannot_be_read_is_a_message_not_an_error(tmp_path: Path) -> None:
    root = make_library(tmp_path, [("2025-03-27", 1)])
    library = Library(root)
    issue = library.issues()[0]
    (root / "xuhui" / "2025-03-27" / "01.txt").unlink()
    (root / "xuhui" / "2025-03-27").rmdir()
    loaded = session.read_issue(library, issue)
    assert loaded.opened is None and loaded.error and "2025-03-27" in loaded.error


def test_highlights_find_watch_words_once_and_switch_off(tmp_path: Path) -> None:
    root = make_library(tmp_path, [("2025-03-27", 1)])
    library = Library(root)
    opened = session.load_issue(library, library.issues()[0])
    items = [item for page in opened.pages for item in page.items]
    marks = Highlights(("数据",))
    marks.open(items)
    lead = items[3].id
    assert marks.has(lead) and not marks.has(lead + "9")
    found = marks.marks(lead, None, None)
    assert found["headline"] and all(kind == "watch" for m in found.values() for *_, kind in m)
    assert marks.marks(lead, {"headline": [(0, 2)]}, ("headline", 0, 2))["headline"][-2:] == [
        (0, 2, "hit"),
        (0, 2, "current"),
    ]
    marks.on = False
    assert marks.marks(lead, None, None) == {}
