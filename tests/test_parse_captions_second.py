"""A caption's second sentence opening `图为` on a line PDFium joined (issue 12 round 12).

Chromium 363 in PDFium's text: `１、景德镇近日举办“陶瓷之` / `最作品展”。图为最大的瓷碗
———钧红景德大碗，直径` / `１．１米。（本报通讯员 高秀` / `摄）`. The joined line is far wider
than its neighbours, as a story's last line and a caption's first written on one line
are; but the open lines above it open as captions do (`１、`), so the `。图为` is the
caption's own second sentence, not where a caption starts. Text made up but the caption.
"""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

HEAD = "全国政协举行迎春茶话会"
STORY = [
    "同日，俄国家杜马地",
    "缘政治委员会主席米特罗",
    "法诺夫发表谈话说，如果",
    "对伊拉克实施导弹袭击或",
    "轰炸，将是“绝对不许可的",
    "大错误”。",
]
NEXT = ["晚会在京举行", "本报记者 王明", "迎春晚会昨晚在人民大", "会堂举行，节目丰富多彩。"]


def _captions(*lines: str) -> list[Item]:
    return [i for i in parse_text("\n".join(lines)).items if i.kind == "caption"]


def test_tu_wei_inside_a_numbered_caption_is_its_second_sentence() -> None:
    caption = [
        "１、景德镇近日举办“陶瓷之",
        "最作品展”。图为最大的瓷碗 ———钧红景德大碗，直径",
        "１．１米。（本报通讯员 高秀",
        "摄）",
    ]
    (got,) = _captions(HEAD, *STORY, *caption, *NEXT)
    assert got.paragraphs == (
        "１、景德镇近日举办“陶瓷之最作品展”。图为最大的瓷碗———钧红景德大碗，直径１．１米。",
    )


def test_a_numbered_caption_after_a_numbered_one_is_still_split() -> None:
    # `…供稿。２、…`: the next picture's number opens a caption of its own.
    caption = [
        "１、“贺新年”一组剪纸，由",
        "我国最大的剪纸工厂蔚县",
        "剪纸厂供稿。２、河南驻马店金融同城清算系统开通。",
    ]
    got = _captions(HEAD, *STORY, *caption, "吕秀伟 摄", *NEXT)
    assert [c.paragraphs for c in got][-1] == ("２、河南驻马店金融同城清算系统开通。",)
