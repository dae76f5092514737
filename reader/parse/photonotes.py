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

from itertools import compress
from operator import attrgetter

from reader.parse.kinds import PHOTO_HEAD_RE
from reader.parse.lines import Line


def unmark_photo_notes(lines: list[Line]) -> None:
    """Unmark the headline lines of the stack part that ends in `（附图片Ｎ张）`: they are a
    paragraph, of the story above or of the headline over them in the stack.

    The note may wrap (`…（附图` / `片１张）`): the part runs up from it over the lines
    about as wide as the one under them, or wider (a wrap's lines fill the measure, its
    last is short); a headline over the note is set apart, shorter (`朱景有吕冠强` /
    `老寿星８９岁，五代同` / `堂大家庭１４４人，其乐融` / `融（附图片３张）`).
    """
    # The headline lines only, picked in C (read as the loop goes: it unmarks lines above).
    for i in compress(range(len(lines)), map(attrgetter("head"), lines)):
        line = lines[i]
        if not (line.last in "）)" and "张" in line.text[-4:]):
            continue
        top = i
        while top and lines[top - 1].head and lines[top - 1].width >= lines[top].width - 2:
            top -= 1
        if not top and lines[0].head:
            continue  # (the page's top: no story above to end)
        if PHOTO_HEAD_RE.search("".join(ln.text for ln in lines[top : i + 1])) is None:
            continue
        for ln in lines[top : i + 1]:
            ln.head = False
        # The note ends its paragraph as a full stop would: the text under it opens one
        # (`…社会` / `主义公益事业（附图片１张）` / `张发强（国家体委副主任）：…`).
        if i + 1 < len(lines) and not lines[i + 1].head:
            lines[i + 1].indent = True
