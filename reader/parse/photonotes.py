"""A story's last paragraph that names a picture, `…（附图片１张）`, kept out of a headline stack.

The corpus prints a line such as `广州国际女足赛曲终人散中国队名列第三（附图片１张）` at the
end of a story's text: a paragraph of that story (61 of the 75 such lines in the read
sets' truth end an article, the rest are paragraphs inside one; none is a headline, a
kicker or a subtitle). Set short and with no full stop, it reads as a headline line: over
a picture story's title it became that title's kicker, over a caption with none its
headline (whole-typeset 454, whole-office 407, office 416). A stack part that ends in the
note is text.
"""

from __future__ import annotations

from reader.parse.kinds import PHOTO_HEAD_RE
from reader.parse.lines import Line

_MAX_PART = 4  # lines of one wrapped part at most


def unmark_photo_notes(lines: list[Line]) -> None:
    """Unmark the headline lines of a stack part that ends in `（附图片Ｎ张）` (the note
    may wrap, `…（附图` / `片１张）`) under the page's first line: they are the last
    paragraph of the story above (a stack starts after a closed line)."""
    for i, line in enumerate(lines):
        if not (line.head and line.last in "）)" and "张" in line.text[-4:]):
            continue
        top = i
        while top > 0 and i - top < _MAX_PART and lines[top - 1].head:
            top -= 1
        if not top or top == i - _MAX_PART:
            continue
        if PHOTO_HEAD_RE.search("".join(ln.text for ln in lines[top : i + 1])) is None:
            continue
        for ln in lines[top : i + 1]:
            ln.head = False
