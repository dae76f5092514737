"""A paragraph that ends in a dash leading into the text below (`请看———`) ends there
(issue 12, round 20; `reader.parse.leadins`)."""

from __future__ import annotations

from reader.parse.stories import parse_text

# A 14-em column, first lines set in 2 ems.
HEAD = "路桥区巨变"
LEAD = [
    "三年前，路桥区仅有两所中",
    "学和一家医院文化体育设施几乎",
    "为零现在全区学校医院书店等达",
    "何以如此？请看———",
]
TEXT = ["浙江省中部，有一个台州市", "路桥区是经国务院批准设立的县", "级新区。"]
HEAD2 = "读书天地见面"
BODY = ["读书天地作为大地周刊", "的一个专版在新年之初与读者见", "面了。"]
# A caption's sentence with a dash at a line's end, over its short last line.
CAPTION = ["图为北京最大", "的住宅小区———", "方庄小区。"]


def parse(*lines: str) -> list[tuple[str, ...]]:
    return [item.paragraphs for item in parse_text("\n".join(lines)).items]


def test_a_short_line_ending_in_a_dash_over_a_set_in_line_ends_its_paragraph() -> None:
    got = parse(HEAD, *LEAD, *TEXT, HEAD2, *BODY)
    assert got[0][-2].endswith("".join(LEAD))  # (with the headline or without)
    assert got[0][-1] == "".join(TEXT)


def test_a_dash_over_a_short_closed_line_goes_on() -> None:
    got = parse(HEAD, *LEAD[:3], "为何变化这么大呢。", *CAPTION, "宋连峰 摄", HEAD2, *BODY)
    assert any("".join(CAPTION) in p for ps in got for p in ps)


# The same, the dash filling its line (round 25): `…这么大的变化？请看———` in XeTeX's column.
FULL = [*LEAD[:3], "为零现在全区学校医请看———"]


def test_a_full_line_ending_in_a_dash_over_a_set_in_line_ends_its_paragraph() -> None:
    got = parse(HEAD, *FULL, *TEXT, HEAD2, *BODY)
    assert got[0][-2].endswith("".join(FULL))
    assert got[0][-1] == "".join(TEXT)


def test_a_full_line_ending_in_a_dash_over_a_full_line_goes_on() -> None:
    on = ["浙江省中部有一个台州市路桥", "区是经国务院批准设立的县级", "新区。"]
    got = parse(HEAD, *FULL, *on, HEAD2, *BODY)
    assert got[0][-1].endswith("".join(FULL) + "".join(on))


def test_a_full_line_ending_in_a_dash_over_a_short_last_line_goes_on() -> None:
    last = ["浙江省中部有一个台州市", "路桥区是经国务院批准设立的县"]
    got = parse(HEAD, *FULL, last[0] + "。", HEAD2, *BODY)
    assert got[0][-1].endswith("".join(FULL) + last[0] + "。")


def test_a_set_in_line_short_by_the_dash_under_it_goes_on() -> None:
    # `启迪是：一、投入———` / `播种希望；二、途径` / `———联办之路；…`: the dash under the short
    # line did not fit at its end; the line is not set in.
    listed = [
        "在全区学校医院一、投入———",
        "播种希望；二、途径加快了",
        "———联办之路；三、定位为上",
        "求实。",
    ]
    got = parse(HEAD, *LEAD[:3], *listed, HEAD2, *BODY)
    assert got[0][-1].endswith("".join(listed))
