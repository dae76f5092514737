"""Two one-line parts of a one-part page that break where two parts would meet: one wrap.

`oneparts` joins a wrap's two lines only across a break that is no likely seam of
two parts (`wrapmodel.inside`) unless the upper line is at the page's measure. The
corpus's long headlines often run two statements together (`高手如林胜负无常全国冠军胜`
/ `奥运冠军不稀奇`, `艮秋艮新立交桥竣工通车` / `杭州敞开了东大门`), and a wrap falls
between them as often as anywhere: the seam model reads such a break as two parts.
On a page of one-part stacks (`oneparts`'s gate), the shape decides instead: the
upper line long, the lower shorter and no wider, and the lower a line of display
type, no wider than the widest full line of the page's wrapped heads (a kicker over
a long headline prints the headline as long as a line of text: `产业规模扩大近百倍国有
资产净增３０倍` / `东方通信引进高新技术业绩惊人`, whole-typeset 243). Wording keeps
two parts apart where it says so: an upper line that ends on a verb of saying is a
kicker (`…会议批示指出`, `stackodds`), a lower line of names a byline (`汪洋中的小木屋` /
`李德润葛洪`, `namelist`) and one ending in a photographer's credit a picture story's
(`乡野，扬起欢笑` / `邢永臣摄影报道`). Two lines of one length are one wrap too (both
full: `第四届全国城运会` / `筹备工作进展顺利`). Branch `heads25`, bench/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Set

from reader.parse import namelist, stackodds
from reader.parse.text import width

_FULL = 6  # characters: the least a full line of a wrapped headline holds (`oneparts._FULL`)
_SAME = 0.5  # ems: a line of a wrap no wider than the one above (a digit's half em)
_PHOTO = re.compile(r"摄影?(?:报道)?$")  # a photographer's credit under a picture story's title


def seam_wrap(upper: list[str], lower: list[str], full: Set[float]) -> bool:
    """Two one-line parts, no dash, are one headline wrapped at what reads as a seam
    (the module's rule); `full` holds the widths (ems) of the page's wraps' full lines."""
    if len(upper) != 1 or len(lower) != 1:
        return False
    above, line = upper[0], lower[0]
    if "—" in above + line or len(above) < _FULL or len(line) > len(above):
        return False
    return (
        width(line) <= width(above) + _SAME
        and (not full or width(line) <= max(full))
        and stackodds.features(above)["end"] != "saying"
        and not namelist.names(line)
        and not photo_credit(line)
    )


def photo_credit(line: str) -> bool:
    """The line ends in a photographer's credit (`邢永臣摄影报道`): a picture story's part,
    under its title, however wide (`oneparts._wrap` asks it of a line at the measure)."""
    return _PHOTO.search(line) is not None
