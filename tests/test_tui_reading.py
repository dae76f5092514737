"""The reading state without Textual: lead stories, page names, reading on across pages,
the words of both languages, and the `[keys]` table."""

from __future__ import annotations

from pathlib import Path
from string import Formatter

import pytest

from reader.errors import ReaderError
from reader.library import Issue, Paper
from reader.model import Item, Kind, Page
from reader.tui.help import ORDER, key_rows
from reader.tui.keys import ACTIONS, FIXED, keymap, shown_keys
from reader.tui.labels import LANGUAGES, Chinese, English, labels_for, language
from reader.tui.reading import Reading, page_name, section_name
from reader.tui.session import Opened, lead


def page(number: int, *kinds: Kind, header: str | None = None) -> Page:
    items = tuple(Item(f"p/i/{number}/{n}", kind) for n, kind in enumerate(kinds, 1))
    return Page("p", "i", number, header, items)


def reading(*pages: Page, at: tuple[int, int | None] = (0, 0)) -> Reading:
    state = Reading()
    issue = Issue(Paper("p", "测试报", Path("p")), "i", Path("p/i"))
    state.open(Opened(issue, tuple(pages), *at))
    return state


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def test_a_page_opens_at_its_first_article_not_a_caption() -> None:
    assert lead(page(1, "caption", "brief", "article", "article")) == 2
    assert lead(page(1, "caption", "brief")) == 1
    assert lead(page(1, "caption", "caption")) == 0
    assert lead(page(1)) is None


def test_the_page_is_named_from_its_header() -> None:
    assert section_name("3 要闻 1998年1月5日 星期一 责任编辑：王小明") == "要闻"
    assert section_name("人民日报 1998年1月5日 星期一 第1版 今日12版") is None
    assert section_name("第5版 日本 一九九八年一月五日 星期一") == "日本"
    assert section_name("1998年1月5日 星期一") is None
    assert section_name(None) is None
    assert page_name(page(4, header="4 国际 1998年1月5日 星期一")) == "第4版 国际"
    assert page_name(page(2)) == "第2版"


def test_next_item_crosses_pages_and_skips_empty_ones() -> None:
    state = reading(page(1, "caption", "article"), page(2), page(3, "brief"), at=(0, 1))
    assert state.step_item(1) == (2, 0)
    assert state.step_item(-1) == (0, 0)
    state.page, state.item = 2, 0
    assert state.step_item(1) is None
    assert state.step_item(-1) == (0, 1)  # back lands on the last item of the page before
    state.page, state.item = 0, 0
    assert state.step_item(-1) is None


def test_turning_pages_lands_on_the_lead_story() -> None:
    state = reading(page(1, "article"), page(2, "caption", "article"), page(3))
    assert state.turn(1) == (1, 1)
    assert state.turn(2) == (2, None)
    assert state.turn(-1) is None and state.turn(3) is None


def test_a_half_changed_position_is_clamped_for_saving() -> None:
    state = reading(page(1, "article"), page(2, "article", "article"))
    state.page, state.item = 5, 9
    assert state.clamped() == (1, 1)
    ref = state.ref()
    assert ref is not None and (ref.page, ref.item) == (2, 2)
    assert Reading().ref() is None and Reading().current_item is None


def test_both_languages_say_everything() -> None:
    names = [name for name in vars(English) if not name.startswith("_")]
    for name in names:
        english, chinese = getattr(English, name), getattr(Chinese, name)
        assert english and chinese, name
        if isinstance(english, str) and name != "language":
            # Every string is translated, and asks for no field English does not fill.
            assert name in vars(Chinese), name
            assert fields(chinese) <= fields(english), name
    for words in LANGUAGES.values():
        assert set(words.keys_help) == set(ORDER) | {"mouse"}
        assert set(words.kinds) == {"article", "caption", "brief"}
    assert Chinese.page_of.format(index=1, total=8) == "共8版"
    assert English.page_of.format(index=1, total=8) == "page 1 of 8"


@pytest.mark.parametrize(
    ("setting", "env", "expected"),
    [
        (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
        (None, {"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh"),
        (None, {"LC_ALL": "", "LC_MESSAGES": "C", "LANG": "zh_CN"}, "en"),
        (None, {}, "en"),
        ("en", {"LANG": "zh_CN.UTF-8"}, "en"),
        ("zh", {"LANG": "C.UTF-8"}, "zh"),
    ],
)
def test_the_language_follows_config_then_locale(
    setting: str | None, env: dict[str, str], expected: str
) -> None:
    assert language(setting, env) == expected
    assert labels_for(setting, env).language == expected


def test_every_action_is_in_the_help_in_both_languages() -> None:
    for words in (English, Chinese):
        rows = key_rows(words)
        assert len(rows) == len(ORDER) + 1
        assert {name for name, _ in FIXED} | {a.name for a in ACTIONS} == set(ORDER)
    rebound = dict(key_rows(English, {"next_article": "full_stop"}))
    assert "." in rebound and "J" not in rebound


def test_keys_table_is_checked_and_spelled_for_textual() -> None:
    assert keymap([("next_article", "."), ("next_page", "right, ctrl+n"), ("quit", "Q")]) == {
        "next_article": "full_stop",
        "next_page": "right,ctrl+n",
        "quit": "Q",
    }
    assert keymap([("search", ",")]) == {"search": "comma"}
    with pytest.raises(ReaderError, match=r"no action 'fly'; the actions are read_on"):
        keymap([("fly", "f")])
    with pytest.raises(ReaderError, match=r"'ctlr\+n' is not a key"):
        keymap([("next_page", "ctlr+n")])
    with pytest.raises(ReaderError, match="names no key"):
        keymap([("next_page", "")])
    with pytest.raises(ReaderError, match="'pgdn' is not a key"):
        keymap([("read_on", "pgdn")])


def test_keys_are_shown_as_people_write_them() -> None:
    assert shown_keys("right,l,right_square_bracket") == "→ l ]"
    assert shown_keys("b,shift+space") == "b Shift+Space"
    assert shown_keys("ctrl+z") == "Ctrl+Z"
    assert shown_keys("question_mark") == "?" and shown_keys("slash") == "/"
    assert shown_keys("full_stop,comma,left_curly_bracket") == ". , {"


def test_the_readme_documents_every_action_and_shows_every_scene() -> None:
    from tui_scenes import ROOT, SCENES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reading = readme[readme.index("## Reading") : readme.index("## Searching from the shell")]
    for action in ACTIONS:
        assert f"`{action.name}`" in reading, action.name
    for scene in SCENES:
        assert f"(screenshots/{scene.name}.svg)" in reading, scene.name
    assert reading.index("sample-100x30.svg") < reading.index("zh-100x30.svg")


def test_the_reading_state_and_the_words_need_no_textual() -> None:
    """The plain parts of the TUI import neither Textual nor Rich (as in harlequin)."""
    import subprocess
    import sys

    plain = ("reading", "labels", "keys", "session", "hit_walk", "hit_row", "issue_search")
    code = (
        "import sys\n"
        + "".join(f"import reader.tui.{name}\n" for name in plain)
        + "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
