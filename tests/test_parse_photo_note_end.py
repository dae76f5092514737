"""A paragraph that ends in `（附图片１张）` on a full line, over a picture's caption (issue 12).

The corpus writes `（附图片１张）` only at the end of a title or a paragraph (293 of 293).
TeX sets `…过着平静` / `而温馨的日子———（附图片１张）` full to the column; the caption
under it, set across the page, was read up to the story's headline as one caption
(whole-tex 400): the story became a caption.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

STORY = ["岁月如歌", "梁军是新中国的第一个女拖", "拉机手，她的事迹曾经鼓舞成千上"]
STORY += ["万的青年向农业现代化进军。如今，", "这位备受尊敬的老大姐，过着平静"]
NOTE_END = "而温馨的日子———（附图片１张）"
CAPTION = [
    "福建省建阳市将口镇东田小学成立的红领巾义务送报队，利用业余时间及时给村民送报、送信件，被誉为深山里的“绿",
    "衣小使者”。这是红领巾义务送报队在学校领取报纸和信件，准备送往各自然村的村民手中。（张国俊摄）",
]
NEXT = [
    "《学人文库》展理性魅力",
    "本报讯新华出版社新近推出",
    "《学人文库》，从文学、戏曲、历史、风",
    "俗等方面展示理性魅力。",
]


def test_a_full_line_ending_in_a_picture_note_ends_the_story_above_a_caption() -> None:
    items = parse_text("\n".join([*STORY, NOTE_END, "山区小信使", *CAPTION, *NEXT])).items
    story, caption = items[0], items[1]
    assert story.headline == "岁月如歌"
    assert story.paragraphs == ("".join(STORY[1:]) + NOTE_END,)
    assert caption.kind == "caption"
    assert caption.credit == "（张国俊摄）"
    # (The picture's title, read as no headline after an open line, opens its text.)
    assert "".join(caption.paragraphs).endswith("".join(CAPTION)[: -len("（张国俊摄）")])
