"""Verse in page text: a line of verse is a paragraph (issue 12, round 16).

A ballad under a story's lead paragraph (whole-office 404): each line of verse ends in
a mark well short of the 15-em column, and half of them end in ，, where no line of
prose stops short of its column. They ran together into one paragraph.

A poem set narrower than its column (whole-office 454, 486, round 19): a line of verse
longer than that measure wraps its last character and mark onto a line of their own
(`只有经历高温的苦` / `楚，`); the pair is one line of verse, one paragraph.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = "演员片酬何其高"
LEAD = [
    "电视剧演员的片酬价码越来越",
    "高，一集电视剧动辄索取数千元，",
    "多的高达三四万元，互相打招呼时",
]
LEAD.append("竟戏称之为“抢银行”行动。")
VERSE = ["演员时兴“抢银行”，", "只费唇舌不用枪。", "拍摄电视连续剧，", "漫天要价最擅长。"]
VERSE += ["片酬行情天天涨，", "一集几千很寻常。", "明星更能抬身价，", "不出重金没商量。"]
NEXT = ["报纸副刊作品大赛评选揭晓", "由中华全国新闻工作者协会和", "中国报纸副刊研究会联合举办的一"]
NEXT += ["九九六年度全国报纸副刊作品大赛", "十二月六日在京评选揭晓，一百九", "十三件作品获奖。"]


def _first(*lines: str) -> tuple[str, ...]:
    return parse_text("\n".join(lines)).items[0].paragraphs


def test_each_line_of_verse_is_a_paragraph() -> None:
    assert _first(HEAD, *LEAD, *VERSE, *NEXT) == ("".join(LEAD), *VERSE)


def test_prose_whose_lines_end_in_marks_at_the_column_stays_one_paragraph() -> None:
    # Full lines that happen to end in ，: no line is short of the column.
    prose = [
        "国家黄岛动植物检疫局日前在对，",
        "某公司从韩国进口的五千公斤葵，",
        "花仁进行现场检疫时查获大量谷，",
    ]
    prose += ["斑皮蠹。为严防其扩散蔓延现已对，", "该批货物进行了熏蒸处理。"]
    assert any("".join(prose) in par for par in _first(HEAD, *LEAD, *prose, *NEXT))


def test_short_lines_with_figures_are_no_verse() -> None:
    # Figures, a clause a line, ending in ，: the widths of digits are guesses.
    figures = ["这项调查表明，", "74.09%的职工素质提高，", "74.54%的内部管理加强，"]
    figures += ["83.84%的单位信誉提高，", "62.88%的经营效益提高。"]
    assert any("".join(figures) in par for par in _first(HEAD, *LEAD, *figures, *NEXT))


# A poem set narrower than its column, two of its lines wrapped (`…的山` / `花，`).
NARROW = ["密林幽涧中的泉韵，", "催开簇簇冷艳的山", "花，", "烘托一种氛围，", "只有经历高温的苦"]
NARROW += ["楚，", "才能凝成这泥土的精华。", "奇山异水的灵秀，", "稀释后，", "缓缓游动于瓷身。"]


def test_a_line_of_verse_wrapped_in_a_narrow_column_is_one_paragraph() -> None:
    verse = ["密林幽涧中的泉韵，", "催开簇簇冷艳的山花，", "烘托一种氛围，", "只有经历高温的苦楚，"]
    verse += ["才能凝成这泥土的精华。", "奇山异水的灵秀，", "稀释后，", "缓缓游动于瓷身。"]
    assert _first(HEAD, *LEAD, *NARROW, *NEXT) == ("".join(LEAD), *verse)


def test_a_full_line_over_a_short_one_is_no_line_of_verse() -> None:
    # The same lines but the first of each pair as wide as the prose: a paragraph's
    # lines, its last wrapped, and no line of verse among them opens a paragraph there.
    lines = [*NARROW]
    lines[1] = "催开簇簇冷艳的山花和冬天的腊"
    lines[4] = "只有经历高温的苦难和严寒的折"
    paragraphs = _first(HEAD, *LEAD, *lines, *NEXT)
    assert "".join(LEAD) in paragraphs[0]
    assert not any(par.startswith(("催开", "只有")) for par in paragraphs)


# A poem set in its column a verse line a paragraph, each indented (whole-office 200,
# round 22): a line longer than the column less the indent wraps two characters and its
# mark (`…回家的` / `路途。`), and Writer spreads a wrapped line's few characters over the
# column (`这 个 冬 天 …`), which under a closed line reads as a head. Invented lines.
PROSE = ["县里的新水厂昨天正式通水", "了，城西三个小区的居民从", "此用上了干净的自来水。"]
PROSE += ["水厂日供水能力两万吨，可", "满足全城今后十年的需要。"]
POEM = ["风从山口吹来，", "落在安静的河面上。", "灯火一盏盏亮起，", "照着远行的人回家的", "路途。"]
LATER = ["新书发布会在京举行", "本报讯一套介绍农村实用技", "术的丛书日前在京首发，全"]
LATER += ["书共十二册，由多位专家编", "写，面向基层农技人员和广", "大农民朋友。"]


def _poem(*verse: str) -> tuple[str, ...]:
    page = parse_text("\n".join(["本地新闻", *PROSE, "冬夜", *verse, *LATER]))
    return next(item.paragraphs for item in page.items if item.headline == "冬夜")


def test_a_verse_line_that_wraps_two_characters_and_its_mark_is_one_paragraph() -> None:
    verse = [*POEM, "雪落无声，", "这个冬天格外漫长而", "温暖，", "我们守着炉火等春。"]
    assert _poem(*verse) == (
        *POEM[:3],
        "照着远行的人回家的路途。",
        "雪落无声，",
        "这个冬天格外漫长而温暖，",
        "我们守着炉火等春。",
    )


def test_a_wrapped_verse_line_spread_over_the_column_is_verse_not_a_head() -> None:
    verse = [*POEM, "这 个 冬 天 格 外 漫 长 而", "温暖，", "我们守着炉火等春。", "雪落无声，"]
    assert _poem(*verse, "山路弯弯。") == (
        *POEM[:3],
        "照着远行的人回家的路途。",
        "这个冬天格外漫长而温暖，",
        "我们守着炉火等春。",
        "雪落无声，",
        "山路弯弯。",
    )
