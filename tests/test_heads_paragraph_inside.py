"""A story's only paragraph, open at its end, between two stacks (issue 12, round 13).

PDFium's text of a Typst page (`tests/typesetgen.py`, seed 1524), as written: a
paragraph that ends in a note and no full stop (`艺术家（附图片１张）`) was marked
with the wrapped stack above it and the stack below, the run was too tall to be a
stack, and the story above lost its headline (`长野冬奥会火炬接` / `力开始`): its
first line is set in from the full line under it, so the stack ends over it
(branch `heads15`).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

ABOVE = [
    "工区，设专职检验员”和",
    "“定岗、定工时、定质量指",
    "标，按数量和质量计酬”",
    "等管理办法，把工人的利",
    "益同企业的效益挂钩，使",
    "产品质量有了可靠保证，",
    "从未被退过一次货，产品",
    "出厂合格率一直保持在９",
    "９％以上，出口产品合格",
    "率达到１００％。",
]
FIRST = ["演出前会见了参加中", "国话剧９０年纪念活动的", "艺术家（附图片１张）"]
SECOND = [
    "调整和优化经济结",
    "构，要加快投资体制改革，",
    "彻底改变传统的计划投资",
    "方式和粗放型增长方式。",
]


def _items(lines: list[str]) -> list[tuple[str | None, list[str]]]:
    return [(it.headline, list(it.paragraphs)) for it in parse_text("\n".join(lines)).items]


def test_the_stack_over_an_open_paragraph_and_a_stack_is_a_headline() -> None:
    lines = [*ABOVE, "长野冬奥会火炬接", "力开始", *FIRST, "湖南１１个部门服", "务到基层", *SECOND]
    assert _items(lines)[1:] == [
        ("长野冬奥会火炬接力开始", ["".join(FIRST)]),
        ("湖南１１个部门服务到基层", ["".join(SECOND)]),
    ]


def test_a_run_whose_paragraph_is_not_seen_to_end_is_read_as_before() -> None:
    # Typst 1532: `出门在外，想念亲人` is set in from the line under it, but nothing
    # closes after it before the stack below (`第八世…` / `——天然物质催熟保鲜`), which
    # the run keeps: cut there, the stack below went with the paragraph.
    lines = [
        "于韩国的李宙泫。",
        "中国女双选手除龚睿",
        "娜、叶钊颖不敌印尼好手",
        "泽琳、郑丽梦外，种子选",
        "手葛菲、顾俊、唐永淑、",
        "秦艺源、黄楠雁、刘仲分",
        "别轻松获胜。",
        "民革中央举行迎春茶话会",
        "“请您放心，我会",
        "替您安排好",
        "的……”",
        "出门在外，想念亲人",
        "明天气象预报（１９９８",
        "年１月３日２０时—１９",
        "９８年１月４日２０时）",
        "第八世夏茸尕布活佛转世灵童认定",
        "——天然物质催熟保鲜",
        "新华社记者 傅 春",
        "秦华孙说，在过去一",
        "年里，７７国集团在联合",
        "国一系列重要谈判中顶",
        "住压力，显示了集团的力",
        "量，为维护发展中国家的",
    ]
    page = parse_text("\n".join(lines))
    assert "——天然物质催熟保鲜" in [it.subtitle for it in page.items]
