"""Names under a stack's last line over a first line TeX sets in far (issue 12, round 22:
`reader.parse.names._name_under_stack`). TeX sets a narrow column's first line in by
three ems and more, so the line under the names reads as a headline over its text; but
a subtitle, or a headline's wrapped stub, ended the stack over them."""

from __future__ import annotations

import json

from reader.parse.stories import parse_text

_BEFORE = (
    "这是上一篇文章的第一段文字，\n"
    "它从这里开始一直写到那里为\n"
    "止，中间还有许多别的话要说\n"
    "给读者听，读者们都很爱听。\n"
)
# A first line of nine under a full line of thirteen: under three quarters of it.
_TEXT = (
    "在这次全国工作会议\n"
    "上，代表们提出：“要从多方\n"
    "面采取措施，加大扶贫攻坚力\n"
    "度，让群众早日过上好日子，\n"
    "大家都能早日富起来。”\n"
)


def _items(stack: str) -> list[dict[str, object]]:
    page = json.loads(parse_text(_BEFORE + stack + _TEXT).to_json())
    return [item for item in page["items"] if item["headline"]]


def test_a_name_under_a_wrapped_headlines_stub_is_its_byline() -> None:
    (item,) = _items("社会主义能够消\n除贫穷\n赵明林\n")
    assert item["byline"] == "赵明林"
    assert item["headline"] == "社会主义能够消除贫穷"


def test_names_under_a_subtitle_are_its_byline() -> None:
    (item,) = _items("伟大的军事家\n——读一部新出的文选\n刘明生杜宏林\n")
    assert item["byline"] == "刘明生杜宏林"
