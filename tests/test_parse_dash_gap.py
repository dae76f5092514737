"""A `———` line that PDFium writes after the line above it, across a space (issue 12).

Chromium's pages through PDFium: `资金以个人名义开立账户存储。 ———所有党政机关都要执行`
is a paragraph's last line and the next paragraph's first, which opens with the
dash; `新华社记者 郭松超 ———对外开放步伐显著` a byline and a first line. Text made
up for these tests.
"""

from __future__ import annotations

import pytest
import test_heads_order

from reader.parse.stories import parse_text

CLOSED = test_heads_order.CLOSED[:-1]  # a paragraph up to its last line, `品仍在继续…`
AFTER = ["与所办经济实体脱钩的规定，落实", "行政事业性收费、罚没收入实行", "“收支两条线”的规定。"]


def test_a_dash_line_after_a_closed_sentence_opens_a_paragraph() -> None:
    page = parse_text("\n".join([*CLOSED, "品仍在继续投放市场。 ———所有党政机关都要执行", *AFTER]))
    paragraphs = page.items[-1].paragraphs
    assert paragraphs[-2].endswith("伟易达等不符合国家标准的产品仍在继续投放市场。")
    assert paragraphs[-1] == "———所有党政机关都要执行" + "".join(AFTER)


def test_a_dash_line_after_a_byline_opens_the_story() -> None:
    stack = ["要有“拼”的", "精神"]
    page = parse_text(
        "\n".join(
            [
                *CLOSED,
                "品仍在继续投放市场。",
                *stack,
                "新华社记者 郭松超 ———所有党政机关都要执行",
                *AFTER,
            ]
        )
    )
    story = page.items[-1]
    assert (story.headline, story.byline) == ("要有“拼”的精神", "新华社记者 郭松超")
    assert story.paragraphs == ("———所有党政机关都要执行" + "".join(AFTER),)


def test_a_dash_line_right_after_a_full_stop_opens_a_paragraph() -> None:
    page = parse_text("\n".join([*CLOSED, "品仍在继续投放市场。———所有党政机关都要执行", *AFTER]))
    paragraphs = page.items[-1].paragraphs
    assert paragraphs[-2].endswith("伟易达等不符合国家标准的产品仍在继续投放市场。")
    assert paragraphs[-1] == "———所有党政机关都要执行" + "".join(AFTER)


@pytest.mark.parametrize("stop", ["。”", "？"])
def test_a_dash_after_a_closing_quote_or_a_question_goes_on_with_its_paragraph(
    stop: str,
) -> None:
    # `…渠道。”———一位驻外…`, `享受呢？———我看到` (pagegen2 367): the dash is the sentence's.
    line = f"品仍在继续投放市场{stop}———所有党政机关都要执行"
    page = parse_text("\n".join([*CLOSED, line, *AFTER]))
    assert (
        page.items[-1]
        .paragraphs[-1]
        .endswith(f"投放市场{stop}———所有党政机关都要执行" + "".join(AFTER))
    )


def test_a_dash_written_before_the_full_stop_above_goes_back_to_its_line() -> None:
    page = parse_text(
        "\n".join([*CLOSED, "品仍在继续投放市场———。", "所有党政机关都要执行", *AFTER])
    )
    paragraphs = page.items[-1].paragraphs
    assert paragraphs[-2].endswith("伟易达等不符合国家标准的产品仍在继续投放市场。")
    assert paragraphs[-1] == "———所有党政机关都要执行" + "".join(AFTER)


@pytest.mark.parametrize(
    "text",
    [
        "———。",  # the fuzzer's: no words before the dash, no line below to take it
        "————。",
        "正文在此。\n———。\n",
        "品仍在继续投放市场———。",  # the page's last line: nothing below
        "品仍在继续投放市场———。\n\n所有党政机关都要执行",  # a blank line below
        "品仍在继续投放市场———。\n———所有党政机关都要执行",  # a dash line below
    ],
)
def test_a_dash_before_a_full_stop_with_no_line_to_take_it_stays(text: str) -> None:
    """Moving the dash down lost it where no line of words stood below (`———。` alone
    lost three characters); with none, the line is printed as it stands."""
    page = parse_text(text)
    printed = "".join(
        "".join(filter(None, (i.kicker, i.headline, i.subtitle, i.byline, *i.paragraphs)))
        for i in page.items
    )
    assert sorted(printed) == sorted(text.replace("\n", "")), page
