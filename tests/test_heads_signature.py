"""`———编者` signs an editor's note: it closes the note, and the stack under it is the next story's.

`…愿与读者共勉。———编者` over `立陶宛总统选举揭晓`: the signature (split off its line)
read as a stack line, and the next headline came out as `———编者立陶宛总统选举揭晓`
(issue 12). `lines.make_lines` reads the signature as closing, as a full stop does,
and `stories._add_body` keeps it in the paragraph it signs.
Cut from TeX's whole-article page in PDFium's text (bench/structure.py,
whole-tex-pdfium 404).
"""

from __future__ import annotations

from pagelines import items_of

NOTE = [
    "编者按",
    "读书天地作为《大地周刊》的",
    "一个专版在新年之初与读者见面",
    "了。今后每月一期的读书天地是在",
    "本报原有书评版的基础上创办的，",
    "为的是把品种更多、范围更广的人",
    "文社科新书介绍给更广大的读者。",
    "读书风气。一个人的时间和精力是",
    "有限的，而读书学习是无限的，愿与",
    "读者共勉。———编者",
]
STORY = [
    "立陶宛总统选举揭晓",
    "新华社莫斯科１月５日电立",
    "陶宛总统选举第二轮投票结果于５",
    "日揭晓，立陶宛出生的美国生态学",
    "家瓦尔达斯・阿达姆库斯以微弱优",
    "势获胜，当选立陶宛新总统。",
]


def test_the_signature_ends_the_note_and_the_next_headline_stands_alone() -> None:
    items = items_of(NOTE + STORY)
    assert any(it.get("headline") == "立陶宛总统选举揭晓" for it in items)
    assert not any("编者" in (it.get("headline") or "") for it in items[1:])
    note = next(it for it in items if it.get("headline") == "编者按")
    assert note["paragraphs"][-1].endswith("愿与读者共勉。———编者")  # the note's end, signed


def test_dashes_before_a_subtitle_still_open_it() -> None:
    # `——` before words other than the signature is a subtitle's (or a kicker's).
    lines = [*NOTE[:-1], "读者共勉。", "立陶宛总统选举揭晓", "——阿达姆库斯当选新总统", *STORY[1:]]
    story = next(it for it in items_of(lines) if it.get("headline") == "立陶宛总统选举揭晓")
    assert story.get("subtitle") == "——阿达姆库斯当选新总统"
