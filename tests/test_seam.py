"""The language across a stack's line break: a wrap cuts a phrase, a seam between parts does not.

Cases from PDFium's text of Typst and TeX pages (issue 12 round 12): each stack was
read as two or three parts on main and is one wrapped headline in the truth.
"""

from __future__ import annotations

from reader.parse import seam, seamdata
from reader.parse.stacks import parts, split_stack


def test_a_break_that_cuts_a_phrase_joins_the_lines() -> None:
    # 生活|质量: TeX's 15 + 4, a last line too long for a stub.
    assert seam.phrase_across("水质好树木多通讯灵杭州市民生活", "质量提高")
    stack = ["水质好树木多通讯灵杭州市民生活", "质量提高"]
    assert split_stack(stack) == (None, "水质好树木多通讯灵杭州市民生活质量提高", None)


def test_a_wrapped_headline_over_a_dashed_subtitle_keeps_its_lines_together() -> None:
    stack = ["公安部呼吁社会各界采取", "有力措施预防特大火灾", "——丁坚铭李建兴"]
    assert split_stack(stack) == (
        None,
        "公安部呼吁社会各界采取有力措施预防特大火灾",
        "——丁坚铭李建兴",
    )


def test_lines_of_one_measure_that_cut_a_phrase_are_no_kicker_and_headline() -> None:
    # TeX's lines: 9 + 9 + 4, 金融|体系 cut (`融体系`); main read kicker, headline, subtitle.
    stack = ["泰采取措施加强金融", "体系拉莫斯相信危机", "不会持久"]
    assert parts(stack)[0] == stack[:2]
    assert split_stack(stack)[0] is None


def test_a_seam_between_two_headlines_is_no_phrase() -> None:
    assert not seam.phrase_across("钱其琛会见陈方安生", "考试研究与“应试")
    # 关|各部 and 位|外国 are phrases of three (有关各部门, 一位外国), not of four.
    assert not seam.phrase_across("澳网公开赛第四轮桑普拉斯威廉姆斯顺利过关", "各部门共同“施工”")
    assert not seam.phrase_across("帮助选择市场定位", "外国政要电慰我地震灾民")
    assert not seam.phrase_across("中国民乐除夕回荡维也纳", "中奥两国元首题词祝贺")
    assert len(parts(["长野冬奥会火炬接力开始", "热土里扎下深根"])) == 2


def test_nothing_to_test_at_an_empty_edge() -> None:
    assert not seam.phrase_across("", "体系")
    assert not seam.phrase_across("金融", "")
    assert not seam.phrase_across("融", "体系")  # a phrase of four needs two on each side


def test_the_table_holds_whole_phrases_of_four() -> None:
    assert seamdata.PHRASES and len(seamdata.PHRASES) % 4 == 0
