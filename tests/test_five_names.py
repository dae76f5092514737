"""Two names of five characters set together as a byline (issue 12, round 22:
`reader.parse.names._five_under`): under a headline longer than they are, the byline
(`汪洋中的小木屋` / `李德润葛洪`); under a shorter one, the corpus prints them as the
headline's subtitle (`扼住疯狂` / `赵志文王桦`)."""

from __future__ import annotations

import json

from reader.parse.stories import parse_text

_BEFORE = "这是上一篇文章的最后一段文字，\n它在这里结束了。\n"
_TEXT = "今年以来，这个县的农民\n纷纷走出家门，到城里学习种植\n和养殖的新技术，收入大增。\n"


def _item(stack: str) -> dict[str, object]:
    page: dict[str, list[dict[str, object]]] = json.loads(
        parse_text(_BEFORE + stack + _TEXT).to_json()
    )
    (item,) = [item for item in page["items"] if item["headline"]]
    return item


def test_two_names_of_five_under_a_longer_headline_are_its_byline() -> None:
    item = _item("春风吹绿了小山乡\n李德明葛红\n")
    assert item["headline"] == "春风吹绿了小山乡"
    assert item["byline"] == "李德明葛红"


def test_two_names_of_five_under_a_shorter_headline_are_no_byline() -> None:
    item = _item("扼住风浪\n李德明葛红\n")
    assert item["byline"] is None


def test_five_characters_with_a_word_inside_are_no_byline() -> None:
    # `words_inside`: a word of the text across the names (`建设`) reads on.
    item = _item("春风吹绿了小山乡\n李建设葛红\n")
    assert item["byline"] is None
