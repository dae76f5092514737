"""A story's last paragraph naming a picture, `…（附图片１张）`, is no headline (issue 12).

The corpus prints such a line after a story's text (none is a headline, a kicker or a
subtitle in the read sets' truth). Over a picture story's title it became the title's
kicker, and the caption was missed (whole-typeset 454, whole-office 407, office 416).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

STORY = [
    "钱其琛会见美国参议员",
    "国务院副总理兼外长钱其琛今天在钓鱼",
    "台国宾馆会见了美国参议员哈钦森。",
    "钱其琛对客人来访表示欢迎。外交学",
    "会会长梅兆荣、美国驻华大使尚慕杰",
    "等参加了会见。",
]
NOTE = ["震不断的『银线』（附图", "片１张）"]
PICTURE = [
    "祈祷新年好运",
    "１９９８年１月１日，被严重金融危机所",
    "困扰的韩国汉城市民在一座寺庙里祈祷新",
    "年好运。（新华社发美联社照片）",
]
NEXT = ["湿地保护取得初步成效", "本报北京１月２４日讯", "我国已建立１５２处湿地自然保护区。"]


def test_a_picture_note_after_a_story_is_its_last_paragraph() -> None:
    items = parse_text("\n".join([*STORY, *NOTE, *PICTURE, *NEXT])).items
    story, caption = items[0], items[1]
    assert story.headline == "钱其琛会见美国参议员"
    assert story.paragraphs[-1] == "震不断的『银线』（附图片１张）"
    assert caption.kind == "caption"
    assert (caption.kicker, caption.headline) == (None, "祈祷新年好运")
    assert caption.credit == "（新华社发美联社照片）"


def test_a_picture_note_over_a_caption_with_no_title_is_no_headline() -> None:
    # Writer's office 416: the note on a line of its own, the caption under it untitled.
    note = "广州国际女足赛中国队名列第三（附图片１张）"
    items = parse_text("\n".join([*STORY, note, *PICTURE[1:], *NEXT])).items
    story, caption = items[0], items[1]
    assert story.paragraphs[-1] == note
    assert caption.kind == "caption"
    assert caption.headline is None


def test_the_text_under_a_picture_note_opens_a_paragraph() -> None:
    # The pooled pages print the note inside a story: its next line opens a paragraph.
    note = "体育是具有产业性的社会主义公益事业（附图片１张）"
    text = ["张发强（国家体委副主任）：体育发展", "还走过去的老路是不行的。从体制上说，"]
    text += ["体育应当是国家和社会共同兴办。"]
    items = parse_text("\n".join([*STORY, note, *text, *NEXT])).items
    assert items[0].paragraphs[-2:] == (note, "".join(text))
