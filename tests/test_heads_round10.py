"""Headline stacks in page text laid out by others, issue 12 round 10 (branch `heads11`).

Each test is a cause counted on PDFium's text of pages no round had read before
(bench/README.md, "Headlines in page text laid out by others, issue 12 round 10").
"""

from __future__ import annotations

from reader.parse.stories import parse_text, split_gaps

# A 12-em column: full lines of 12 characters, a paragraph's first line 2 ems in.
BODY = [
    "江泽民对联邦快递公司来北",
    "京举行董事会表示欢迎，希望",
    "董事会成员通过访问更好地了",
    "解中国，并与中国有关公司共",
    "同探讨合作的机会。",
]
CLOSED = ["为欢度虎年新春，中国京剧院", "在大会堂三楼小礼堂举行了专", "场演出。"]


def test_a_wrapped_headlines_last_characters_a_space_before_its_subtitles_dashes() -> None:
    # PDFium writes the stub of a wrapped headline and the subtitle, set in smaller
    # type on the same baseline band, as one line with a space at the gap.
    for stack, headline, subtitle in (
        (
            ["承德：科技良种作年", "礼 ——翟俊杰拍出《挺立潮头》"],
            "承德：科技良种作年礼",
            "——翟俊杰拍出《挺立潮头》",
        ),
        (
            ["河北实施共富工", "程贫困人口脱贫", "率达到８０％ ——１９９７世界十大科技进", "展"],
            "河北实施共富工程贫困人口脱贫率达到８０％",
            "——１９９７世界十大科技进展",
        ),
    ):
        page = parse_text("\n".join([*CLOSED, *stack, "新华社记者 张 敏", *BODY]))
        assert (page.items[-1].headline, page.items[-1].subtitle) == (headline, subtitle)


def test_a_space_before_three_dashes_is_no_gap_of_a_stack() -> None:
    # `———` in a line of text is a paragraph's dash (round 9), not a subtitle's.
    line = "是巨大的透明玻璃！ ———“透明”到这个份儿上"
    assert split_gaps([line]) == [line]
    assert split_gaps(["礼 ——翟俊杰拍出《挺立潮头》"]) == ["礼", "——翟俊杰拍出《挺立潮头》"]
