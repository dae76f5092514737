"""Causes found on typeset pages (tests/typesetgen.py), one test each: squeezed marks, wraps."""

from __future__ import annotations

from reader.parse.lines import make_lines
from reader.parse.squeeze import squeezed_width
from reader.parse.stacks import parts, split_stack
from reader.parse.stories import parse_text

# A 13-em column set with ，、 at half an em: 13 to 14 characters a full line, the
# first line of a paragraph indented 2 ems (no space for it in the extracted text).
SQUEEZED = [
    "云南大理的风景是美丽",
    "的，而盛开在中国民用航空大",
    "理站的文明之花，则为大理增",
    "添了又一道风景线。",
    "大理航站是个年轻的航",
    "站，１９９５年１１月建站，机",
    "场建在海拔２１５５米的山顶",
    "上，这里原是裸露黄土的荒山",
    "草坝，周围几里地无村庄。在站",
    "长张德安的带领下，全站职工",
    "利用保障航班的间隙，从１９",
    "９６年春开始，挖坑种树，运土",
    "植草，清理绿化区带乱石３３",
    "００多立方米，从３０多公里",
    "远的苍山脚下运来山基土５６",
    "００多方，抢在雨季前种下了",
    "各种风景树８０２５棵。",
]


def test_squeezed_marks_are_measured_at_half_an_em() -> None:
    lines = make_lines(SQUEEZED * 2)
    full = [ln.width for ln in lines[5:16]]
    assert max(full) - min(full) <= 0.5  # 13 and 14 characters, one width
    assert lines[4].short  # the indented first line, not a full one


def test_every_squeezable_mark_counts_half_an_em() -> None:
    assert squeezed_width("大理，“航站”（１９９５）") == 10.5  # five marks, eight characters
    assert squeezed_width("《人民》、『日报』〈一〉；：？！‘’「」") == 12.5  # 15 marks, 5 more
    assert squeezed_width("好——……") == 5.0  # dashes and ellipses keep their two ems
    assert squeezed_width("A股，涨 5%") == 4.5  # ASCII (the space too) half an em
    assert squeezed_width("ab") == 1.0


def test_an_indented_first_line_after_a_closed_paragraph_is_no_headline() -> None:
    (item,) = parse_text("\n".join(["航站的故事", *SQUEEZED * 2])).items
    assert item.headline == "航站的故事"
    assert len(item.paragraphs) == 4
    assert item.paragraphs[1].startswith("大理航站是个年轻的航站，")


def test_a_wrapped_headline_is_one_headline() -> None:
    assert split_stack(["工行北京分行效益上新", "台阶"]) == (None, "工行北京分行效益上新台阶", None)
    assert split_stack(["戏剧界专家盛赞《虎踞钟", "山》"])[1] == "戏剧界专家盛赞《虎踞钟山》"
    kicker, headline, subtitle = split_stack(
        ["强强回故乡", "格主张和平解决阿布哈", "兹", "——全国男篮甲Ａ联赛北京", "首钢队大胜空军队"]
    )
    assert kicker == "强强回故乡"
    assert headline == "格主张和平解决阿布哈兹"
    assert subtitle == "——全国男篮甲Ａ联赛北京首钢队大胜空军队"


def test_parts_of_a_stack_are_not_joined() -> None:
    # A longer line never continues a shorter one; dashes end and start parts.
    assert len(parts(["强强回故乡", "中国社科院实现计算机联网"])) == 2
    assert len(parts(["大连军人出行真方便——", "决赛"])) == 2
    assert split_stack(["市委书记开“后门”", "——王兆国就人选作说明"])[2] == "——王兆国就人选作说明"


def test_a_tall_stack_of_wrapped_lines_is_still_a_stack() -> None:
    stack = ["乐得清贫", "国际广播电台听众来信超", "过", "——莫道新程", "刚起步"]
    (item,) = parse_text("\n".join([*stack, "本报记者何洋", *SQUEEZED * 2])).items
    assert (item.kicker, item.headline) == ("乐得清贫", "国际广播电台听众来信超过")
    assert item.subtitle == "——莫道新程刚起步"
    assert item.byline == "本报记者何洋"


def test_masthead_first_and_the_whole_date_band_in_the_header() -> None:
    band = ["1998 年 1 月 17 日 星期六", "人民日报", "第 1 版 今日 16 版"]
    page = parse_text("\n".join([*band, "统一思想认识加大整顿力度", *SQUEEZED * 2]))
    assert page.header == "人民日报 1998 年 1 月 17 日 星期六 第 1 版 今日 16 版"
    assert page.items[0].headline == "统一思想认识加大整顿力度"


def test_a_caption_under_a_story_is_an_item_of_its_own() -> None:
    caption = ["江苏新秀张勇憋足劲将奥运冠军刘国梁拉下马。", "本报记者 赵超 摄"]
    page = parse_text("\n".join(["航站的故事", *SQUEEZED * 2, *caption]))
    story, photo = page.items
    assert story.headline == "航站的故事"
    assert story.paragraphs[-1].endswith("各种风景树８０２５棵。")
    assert photo.kind == "caption"
    assert photo.paragraphs == ("江苏新秀张勇憋足劲将奥运冠军刘国梁拉下马。",)
    assert photo.credit == "本报记者 赵超 摄"


def test_a_note_alone_under_the_last_line_is_the_last_paragraph() -> None:
    # A note is text, only a `（来源：…）` line the source (round 17, `reader.parse.notes`).
    for note in ("（据新华社电）", "（郑雪）"):
        (item,) = parse_text("\n".join(["航站的故事", *SQUEEZED * 2, note])).items
        assert item.source is None
        assert item.paragraphs[-1] == note
        assert item.paragraphs[-2].endswith("。")


def test_the_rest_of_a_wrapped_byline_stays_in_the_byline() -> None:
    for first, rest in (("本报记者 邓芳涛 通讯员", "许洋"), ("本报记者 曾霞 通讯员 宋", "超磊")):
        (item,) = parse_text("\n".join(["航站的故事", first, rest, *SQUEEZED * 2])).items
        assert item.headline == "航站的故事"
        assert item.byline == f"{first} {rest}"


def test_a_credit_closing_a_paragraph_in_the_story_column_ends_a_caption() -> None:
    # The corpus prints this caption as a picture item of its own (军民鱼水情（图片）),
    # not in a story's text: set in the story's column, it is still the picture's.
    tail = [
        "新春伊始，塞外某炮兵团",
        "进行３００公里徒步行军拉练，",
        "行至涿鹿县辉耀村。（田青春摄）",
    ]
    page = parse_text("\n".join(["航站的故事", *SQUEEZED * 2, *tail]))
    story, photo = page.items
    assert story.headline == "航站的故事"
    assert photo.kind == "caption"
    assert photo.paragraphs == (
        "新春伊始，塞外某炮兵团进行３００公里徒步行军拉练，行至涿鹿县辉耀村。",
    )
    assert photo.credit == "（田青春摄）"


def test_a_headline_and_a_body_line_on_one_baseline_are_split_at_the_gap() -> None:
    # MuPDF writes a headline set beside a column's line as one line, one space at
    # the gap; the body line continues its paragraph on the next line.
    text = "\n".join(
        [
            "种特别的韵味和美感殊异于",
            "世。",
            "雪，以河为床 哈桑国王首先对钱其",
            "琛的来访表示欢迎。他说，",
            "他对发展摩中友谊是坚定",
            "不移的，摩洛哥愿同中国",
            "加强合作。",
        ]
    )
    items = parse_text(text).items
    assert [it.headline for it in items] == [None, "雪，以河为床"]
    assert "".join(items[1].paragraphs).startswith("哈桑国王首先对钱其琛的来访表示欢迎。")


def test_spaces_of_body_text_split_no_line() -> None:
    from reader.parse.joined import split_gaps

    body = [
        "九十年代初， 国有大型企业北方钢铁厂面",  # after a comma
        "上缴财政罚没收入 32.8亿元，充分发挥了",  # before digits
        "在 谈 到 双 边 经 贸 关",  # spaced out
        "产化，” 徐汇区大数据中心相关",  # after a closing quote
        "几个车匪持枪抢劫。 车匪当着一车乘客的面，",  # after a full stop
    ]
    assert split_gaps(body) == body
    assert split_gaps(["趋利与避险，投资者反反复复 ——济南：明亮工程色彩缤纷"]) == [
        "趋利与避险，投资者反反复复",
        "——济南：明亮工程色彩缤纷",
    ]
    assert split_gaps(["黄土陡壁的缝缝上，在 本报记者 彭敏"]) == [
        "黄土陡壁的缝缝上，在",
        "本报记者 彭敏",
    ]
