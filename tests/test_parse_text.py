"""Joining the wrapped lines of a paragraph (`reader.parse.text.join_lines`)."""

from __future__ import annotations

from reader.parse.text import join_lines


def test_cjk_lines_join_with_nothing_between() -> None:
    assert join_lines(["取得新的", "重大成就，", "１９９７年"]) == "取得新的重大成就，１９９７年"


def test_latin_words_broken_at_the_line_end_get_one_space() -> None:
    assert join_lines(["他说，WTO", "rules 已定"]) == "他说，WTO rules 已定"
    assert join_lines(["增长8.8", "%"]) == "增长8.8%"  # no word starts with %
    assert join_lines(["达到", "98", "万吨"]) == "达到98万吨"  # an ideograph on one side: no space


def test_empty_lines_are_skipped_and_no_space_is_made_across_them() -> None:
    assert join_lines(["abc", "", "def"]) == "abc def"
    assert join_lines(["", "中文"]) == "中文"
    assert join_lines([]) == ""
