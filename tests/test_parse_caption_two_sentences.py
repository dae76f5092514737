"""A picture's title over a caption whose second sentence opens `图为` (issue 12).

Writer sets a picture story's caption flush under its title on a page that sets its
paragraphs in: `欢欢喜喜迎接虎年` / `今年中央电视台春节联欢晚会进入` / … / `独特、新颖、
欢快、祥和的气氛。` / `图为歌舞《迎春贺岁》在彩排中。` / `（新华社记者杨飞摄）`. The first
line under the title is not set in, so no story's paragraph opens there: the whole run is
the title's caption (para17's rule). `caption_starts` now says so, from the title's next
line to the credit, so its `图为` opens no story of its own (whole-office 402: the title
and the first sentence were an article, `图为…` a caption without its title).
"""

from __future__ import annotations

from reader.parse.captions import caption_starts
from reader.parse.heads import mark_heads
from reader.parse.lines import make_lines
from reader.parse.stories import parse_text

STORY = ["天气趋势分析", "据中央气象台提供的信息：", "过去两天，我国中部和东部地区"]
STORY += ["经历了一场大范围的较强雨雪天", "气。尤其是江南、华南出现了往"]
STORY += ["年同期罕见的大到暴雨。目前，", "上述雨雪区已经明显减弱南移，"]
STORY += ["我国的大部分地区将转为多云到", "阴天气，但１５日晚上到１６"]
STORY += ["日，东南和华南沿海仍将有小到", "中雨，华北北部和西北的部分地", "区将有小雪。"]
CAPTION = [
    "今年中央电视台春节联欢晚会进入",
    "彩排阶段，晚会将向观众呈现一派",
    "独特、新颖、欢快、祥和的气氛。",
    "图为歌舞《迎春贺岁》在彩排中。",
]
NEXT = ["高压氧舱添活力", "高压氧治疗是利用在高浓度", "和高压力氧的作用下，机体对氧"]
NEXT += ["的摄取和利用方式发生的改变，", "力增强。", "高压氧治疗疾病的种类涉及"]
NEXT += ["临床各科，如急性脑缺氧、脑水", "肿、一氧化碳中毒和减压病等，", "疗效显著。"]
NEXT += ["这种治疗在我国已有三十年", "的历史，在各地医院得到了推广", "和应用，为许多危重病人赢得了"]
NEXT += ["时间。", "目前全国已有高压氧舱近两", "千台，分布在各地的大中型医"]
NEXT += ["院，每年治疗的病人达数十万人", "次。", "专家提醒，患者应在医生的"]
NEXT += ["指导下接受治疗，不可自行其", "是，以免发生耳痛等不良反应和", "意外。"]
PAGE = [*STORY, "欢欢喜喜迎接虎年", *CAPTION, "（新华社记者杨飞摄）", *NEXT]


def test_the_run_under_a_picture_title_is_marked_one_caption() -> None:
    lines = make_lines(PAGE)
    mark_heads(lines)
    title = PAGE.index("欢欢喜喜迎接虎年")
    assert lines[title].head
    assert caption_starts(lines) == {title + 1: title + len(CAPTION)}


def test_the_caption_keeps_its_title_and_both_sentences() -> None:
    items = parse_text("\n".join(PAGE)).items
    heads = ["天气趋势分析", "欢欢喜喜迎接虎年", "高压氧舱添活力"]
    assert [item.headline for item in items] == heads
    caption = items[1]
    assert caption.kind == "caption"
    assert caption.credit == "（新华社记者杨飞摄）"
    assert "".join(caption.paragraphs) == "".join(CAPTION)
