"""Issue 12's page-text shapes in variants the other tests lack, through the real CLI.

Written by hand: a byline with a name of four characters, or a credit with `摄` set
against the name (`本报记者 吴萍磊摄`), in PDFium's shape (a line a line) and MuPDF's
(a blank line between lines). The extractor's space after the role is the byline's
own, not a gap between two blocks set side by side.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Two 11-em columns' worth of text, each paragraph's first line indented 2 ems.
P1 = ["我国经济建设取得新", "的重大成就，各项事业全", "面发展，人民生活水平进", "一步提高。"]
P2 = ["农业生产再次获得好", "的收成，企业改革继续深", "化，对外经济技术合作与", "交流不断扩大。"]
P3 = ["民主法制建设、精神", "文明建设和其他各项事业", "都有新的进展，社会保持", "稳定。"]


def _parse(tmp_path: Path, lines: list[str], sep: str) -> list[dict[str, object]]:
    page = tmp_path / "page.txt"
    page.write_text(sep.join(lines) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "reader", "parse", str(page), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    items: list[dict[str, object]] = json.loads(out.stdout)["items"]
    return items


SHAPES = pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["pdfium", "mupdf"])


@SHAPES
@pytest.mark.parametrize(
    "credit", ["本报记者 吴萍磊摄", "新华社记者 欧阳小明摄", "本报记者 欧阳小明 摄"]
)
def test_caption_credit_with_the_mark_against_the_name(
    tmp_path: Path, sep: str, credit: str
) -> None:
    lines = [
        "全国农业工作会议召开",
        "本报记者陈鹏",
        *P1,
        *P2,
        "图为农民在田间劳作。",
        credit,
        "全国政协举行迎春茶话会",
        *P3,
    ]
    items = _parse(tmp_path, lines, sep)
    assert [(i["kind"], i["headline"]) for i in items] == [
        ("article", "全国农业工作会议召开"),
        ("caption", None),
        ("article", "全国政协举行迎春茶话会"),
    ]
    assert items[0]["byline"] == "本报记者陈鹏"
    assert len(items[0]["paragraphs"]) == 2  # type: ignore[arg-type]
    assert items[1]["paragraphs"] == ["图为农民在田间劳作。"]
    assert items[1]["credit"] == credit
    assert items[2]["paragraphs"] == ["".join(P3)]


@SHAPES
@pytest.mark.parametrize("where", ["first", "last"])
@pytest.mark.parametrize(
    "byline", ["本报记者 欧阳小明", "新华社记者 司马光明", "本报记者 张三 欧阳小明"]
)
def test_byline_with_a_four_character_name(
    tmp_path: Path, sep: str, where: str, byline: str
) -> None:
    story = ["全国农业工作会议召开", byline, *P1, *P2]
    other = ["全国政协举行迎春茶话会", *P3]
    items = _parse(tmp_path, story + other if where == "first" else other + story, sep)
    assert [i["headline"] for i in items] == (
        ["全国农业工作会议召开", "全国政协举行迎春茶话会"]
        if where == "first"
        else ["全国政协举行迎春茶话会", "全国农业工作会议召开"]
    )
    (ours,) = [i for i in items if i["headline"] == "全国农业工作会议召开"]
    assert ours["byline"] == byline
    assert ours["subtitle"] is None
    assert ours["paragraphs"] == ["".join(P1), "".join(P2)]


@SHAPES
@pytest.mark.parametrize("credit", ["本报记者 吴萍磊摄", "新华社记者 欧阳小明摄"])
def test_caption_at_the_top_of_the_page_keeps_its_credit(
    tmp_path: Path, sep: str, credit: str
) -> None:
    lines = ["图为农民在田间劳作。", credit, "全国农业工作会议召开", "本报记者陈鹏", *P1, *P2]
    items = _parse(tmp_path, lines, sep)
    assert [(i["kind"], i["headline"], i["credit"], i["byline"]) for i in items] == [
        ("caption", None, credit, None),
        ("article", "全国农业工作会议召开", None, "本报记者陈鹏"),
    ]
    assert items[1]["paragraphs"] == ["".join(P1), "".join(P2)]


@SHAPES
@pytest.mark.parametrize("where", ["first", "last"])
@pytest.mark.parametrize(
    ("printed", "byline"),
    [
        (["本报记者 张三", "实习生 李四"], "本报记者 张三 实习生 李四"),
        (["本报记者 张三", "实习生 李四", "通讯员 王五"], "本报记者 张三 实习生 李四 通讯员 王五"),
        (["本报记者陈鹏\u3000通讯员王伟"], "本报记者陈鹏 通讯员王伟"),  # split at the gap
    ],
)
def test_second_role_of_a_byline_stays_in_the_byline(
    tmp_path: Path, sep: str, where: str, printed: list[str], byline: str
) -> None:
    story = ["全国农业工作会议召开", *printed, *P1, *P2]
    other = ["全国政协举行迎春茶话会", *P3]
    items = _parse(tmp_path, story + other if where == "first" else other + story, sep)
    (ours,) = [i for i in items if i["headline"] == "全国农业工作会议召开"]
    assert ours["byline"] == byline
    assert ours["paragraphs"] == ["".join(P1), "".join(P2)]
    assert len(items) == 2


def test_a_paragraph_opening_with_a_role_is_no_byline(tmp_path: Path) -> None:
    lines = ["全国农业工作会议召开", "本报记者陈鹏", "通讯员在现场看到", *P1[1:]]
    (item,) = _parse(tmp_path, lines, "\n")
    assert item["byline"] == "本报记者陈鹏"
    assert item["paragraphs"] == ["通讯员在现场看到" + "".join(P1[1:])]


# Three stories pasted from the web: one paragraph a line, each set in with `　　`.
_WEB = [
    "我国经济建设取得新的重大成就，各项事业全面发展，人民生活水平进一步提高。",
    "农业生产再次获得好的收成，企业改革继续深化，对外经济技术合作与交流不断扩大。",
    "民主法制建设、精神文明建设和其他各项事业都有新的进展，社会保持稳定。",
    "今天的晚会内容丰富，形式多样，异彩纷呈，到处是笑语欢歌，洋溢着节日的喜庆气氛。",
]


@SHAPES
@pytest.mark.parametrize("indent", ["\u3000\u3000", "  "], ids=["fullwidth", "halfwidth"])
@pytest.mark.parametrize("bylines", [False, True])
def test_web_paste_with_indented_paragraphs(
    tmp_path: Path, sep: str, indent: str, bylines: bool
) -> None:
    heads = ["全国农业工作会议召开", "抢占市场制高点，靠的是不断进取精神", "菜篮子：十年巨变"]
    stories = [(0, 1), (2, 3), (1, 0)]
    lines: list[str] = []
    for head, paras in zip(heads, stories, strict=True):
        lines += [head, *(["本报记者陈鹏"] if bylines else [])]
        lines += [indent + _WEB[p] for p in paras]
    items = _parse(tmp_path, lines, sep)
    assert [i["headline"] for i in items] == heads
    for item, paras in zip(items, stories, strict=True):
        assert item["paragraphs"] == [_WEB[p] for p in paras]
        assert item["byline"] == ("本报记者陈鹏" if bylines else None)


@SHAPES
@pytest.mark.parametrize("where", ["first", "last"])
@pytest.mark.parametrize(
    "head",
    [
        "全国粮食产量达到４９００亿公斤",  # full-width digits
        "WTO与中国农业",
        "《人民日报》创刊50周年",
        "农民、企业、政府：三方共赢",
        "篇幅缩为1/6，适合中等文化程度读者",  # a half-width solidus
    ],
)
def test_headline_marks_in_either_position_under_a_byline(
    tmp_path: Path, sep: str, where: str, head: str
) -> None:
    story = [head, "新华社记者 王 伟", *P1, *P2]
    other = ["全国政协举行迎春茶话会", *P3]
    items = _parse(tmp_path, story + other if where == "first" else other + story, sep)
    (ours,) = [i for i in items if i["byline"] == "新华社记者 王 伟"]
    assert ours["headline"] == head
    assert ours["subtitle"] is None
    assert ours["paragraphs"] == ["".join(P1), "".join(P2)]
    assert len(items) == 2


@SHAPES
@pytest.mark.parametrize("hint", [" ", "\u3000"], ids=["halfwidth", "fullwidth"])
def test_hint_after_a_credit_opens_a_story_with_a_byline(
    tmp_path: Path, sep: str, hint: str
) -> None:
    closing = [*P3[:-1], P3[-1] + "（张春启）"]
    lines = ["全国政协举行迎春茶话会", *closing, hint + "全国农业工作会议召开", "本报记者陈鹏", *P1]
    items = _parse(tmp_path, lines, sep)
    assert [(i["headline"], i["byline"]) for i in items] == [
        ("全国政协举行迎春茶话会", None),
        ("全国农业工作会议召开", "本报记者陈鹏"),
    ]
    assert items[0]["paragraphs"] == ["".join(closing)]


@SHAPES
@pytest.mark.parametrize("where", ["first", "last"])
@pytest.mark.parametrize(
    "byline",
    [["通讯员王伟报道"], ["记者陈鹏、通讯员王伟报道"], ["本报记者陈鹏", "通讯员王伟报道"]],
    ids=["one", "two-roles", "second-line"],
)
def test_a_byline_that_says_reported_is_no_subtitle(
    tmp_path: Path, sep: str, where: str, byline: list[str]
) -> None:
    story = ["全国农业工作会议召开", *byline, *P1, *P2]
    other = ["全国政协举行迎春茶话会", *P3]
    items = _parse(tmp_path, story + other if where == "first" else other + story, sep)
    (ours,) = [i for i in items if i["headline"] == "全国农业工作会议召开"]
    assert ours["subtitle"] is None
    assert ours["byline"] == " ".join(byline)
    assert ours["paragraphs"] == ["".join(P1), "".join(P2)]
    assert len(items) == 2
