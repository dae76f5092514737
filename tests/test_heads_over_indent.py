"""A one-line headline over an indented first line, after a story's end (issue 12, round 19).

Writer justifies a paragraph's first line inside its indent, so in the page's text
that line is short of the column by the indent (whole-office 572, 544, 576). A short
line left open between a story's end and such a line is a headline, even where no
line of the paragraph under it ends a sentence before its last.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

END = [
    "“党务、爱国主义教育、精神文明",
    "建设系列”等等。其中有些被列入",
    "中宣部等五部委推荐的百部爱国主",
    "义教育图书系列。",
    "（孙伟华）",
]
HEAD = "美容美发登门"
BODY = [
    "如 果 你 准 备 参 加 重 要 的 庆",
    "典、隆重的婚礼、高层次的会议",
    "或去其它正规场合，而又嫌自己",
    "的发型、容颜不适宜，有人可以",
    "上门服务，帮你设计，助你造",
    "型，使你有 一副得体的模样出",
    "门。",
]
NEXT = ["孟富林当选安徽省人大常", "委会主任回良玉当选安徽", "省省长"]
NEXT += [
    "新华社合肥１月２３日电（记",
    "者周剑虹、崔海教）安徽省第九届",
    "人民代表大会第一次会议１月２３",
]
NEXT += ["日选举孟富林为省人大常委会主", "任，刘广才为省人大常委会副主任。"]
FIRST = ["西苑出版社图书重质量", "本报讯西苑出版社狠抓图书质", "量和特色，自１９９３年成立以"]
FIRST += [
    "来，勇于探索，积极开拓，逐步形",
    "成了特色鲜明的出版系列，如“中",
    "南海大事记和相关伟人、名人轶",
]
FIRST += ["事、手迹以及经典故事系列”、"]


def _items(*lines: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(it.headline, it.paragraphs) for it in parse_text("\n".join(lines)).items]


def test_a_short_line_over_an_indented_first_line_after_a_note_is_a_headline() -> None:
    items = _items(*FIRST, *END, HEAD, *BODY, *NEXT)
    text = "".join(BODY).replace(" ", "")
    assert (HEAD, (text,)) in [(h, tuple(p.replace(" ", "") for p in ps)) for h, ps in items]


def test_a_full_open_line_after_a_closed_full_line_stays_in_its_paragraph() -> None:
    # `年６个月来的最低点。` fills its 10-em column: no story ends there, and the open
    # line under it, as wide, goes on the paragraph (whole-office 573).
    head = "后因传出日本政府要公"
    para = [
        "由于投资者对日本",
        "经济恢复缺乏信心以及",
        "亚洲金融市场动荡，纷",
        "纷抛售日元、购进美",
    ]
    para += [
        "元，致使日元汇率不断",
        "下挫，一度跌至１３４·",
        "３８日元兑换１美元的",
        "新低点。在日本中央银",
    ]
    para += [
        "行抛售美元的干预下，",
        "日元汇率有所回升。",
        "东京股市今天开盘",
        "后继续下跌，日经平均",
    ]
    para += ["股价指数一度跌至去年", "１２月２９日创下的２", "年６个月来的最低点。", head]
    para += [
        "布加强股市管理的措",
        "施，指数有所回升，最",
        "终以１４８９６·４０点",
        "报收，比上个交易日下",
    ]
    para += ["跌６０·４４点。"]
    items = _items(*FIRST, *END, HEAD, *BODY, *para, *NEXT)
    assert all(h != head for h, _ in items)
