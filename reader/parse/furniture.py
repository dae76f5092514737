"""Page furniture: the masthead, date band and header band above a page's stories."""

from __future__ import annotations

import re

from reader.parse.kinds import is_header
from reader.parse.lines import Line

# A paper's name set alone at the top: 人民日报, 人民日报海外版, 新民晚报.
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|周报)(?:海外版)?$")
# A date band without a weekday: `1998年1月5日 第1版`, the page number alone, or the
# issue's page count alone (`今日 12 版`, set on a line of its own under the masthead).
_DATE_BAND = re.compile(
    r"^(?:[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日.{0,20}"
    r"|第\s*[0-9０-９]{1,3}\s*版(?:\s*今日\s*[0-9０-９]{1,3}\s*版)?|今日\s*[0-9０-９]{1,3}\s*版)$"
)
_MAX_LINES = 4
# ...and a band MuPDF wrote a cell a line (TeX's: `15` / `国际` / `１９９８年１月２０日` /
# `星期二` / `责任编辑：谢志燕`, `人民日报` / date / weekday / `第1 版` / `今日12 版`).
_MAX_CELLS = 6
_PAGE_CELL = re.compile(r"^(?:第\s*[0-9０-９]{1,3}\s*版\s*)?(?:今日\s*[0-9０-９]{1,3}\s*版)?$")
# A band written one piece a line (MuPDF): the page number and the section's name,
# each alone, set beside each other (`3` / `理论`, `社会` / `3`).
_PAGE_NUMBER = re.compile(r"^[0-9０-９]{1,3}$")
_SECTION = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_NUMBER_CELL = re.compile(r"^[0-9０-９]{1,3}(?:\s*[\u4e00-\u9fff]{2,4})?$")
# The section's name and the page number as one cell, in the band's order, which MuPDF
# writes with no space between them (LibreOffice's bands: `国际8`, `14文化`).
_SECTION_NUMBER = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*[0-9０-９]{1,3}$")


def is_furniture(text: str) -> bool:
    """A line of the band above the stories: masthead, date band, section header."""
    return is_header(text) or bool(_MASTHEAD.match(text) or _DATE_BAND.match(text))


def take_header(lines: list[Line]) -> str | None:
    """Remove the furniture lines at the top of a page; return them as the header.

    A masthead alone is furniture only when a date band or header line is set with
    it: a paper's name over a story may be that story's headline.
    """
    count = 0
    cells = len(lines) > 4 and all(len(line.text) <= 12 for line in lines[:4])
    while count < min(_MAX_CELLS if cells else _MAX_LINES, len(lines)):
        if is_furniture(lines[count].text):
            count += 1
        elif _number_and_section(lines, count):
            count += 2
        elif _number_over_band(lines, count):
            count += 1
        elif count and _SECTION_NUMBER.match(lines[count].raw.strip()):
            count += 1  # `责任编辑 陈海桂` / date / `国际8`: the band's last cell
        else:
            break
    texts = [line.text for line in lines[:count]]
    if not any(is_header(t) or _DATE_BAND.match(t) for t in texts):
        return None
    # The masthead is set above the band, whatever order the extractor wrote them in.
    top = sorted(lines[:count], key=lambda line: not _MASTHEAD.match(line.text))
    number = count < len(lines) and _PAGE_NUMBER.match(lines[count].text) is not None
    if number:  # the page number set large beside the band, cut apart from it (layout text)
        top.insert(0, lines[count])
    header = _masthead_first(" ".join(" ".join(line.raw.split()) for line in top))
    del lines[: count + number]
    if not any("版" in t for t in texts) and any(_DATE_BAND.match(t) for t in texts):
        header = _band_rest(lines, header)
    return header


def _band_rest(lines: list[Line], header: str) -> str:
    """A date band's page cells (`第 1 版`, `今日 20 版`) that layout text set apart.

    Cut into a cell of their own, they come out at the head of a column further
    down the page, where they would open a story or caption: under a date band
    without them, such a line anywhere is the band's.
    """
    k = 0
    while k < len(lines):
        text = lines[k].text
        if len(text) <= 16 and "版" in text and _PAGE_CELL.match(text):
            header += " " + " ".join(lines[k].raw.split())
            del lines[k]
        else:
            k += 1
    return header


def _number_and_section(lines: list[Line], i: int) -> bool:
    """Lines i and i+1 are a page number and a section's name, in either order."""
    if i + 1 >= len(lines):
        return False
    a, b = lines[i].text, lines[i + 1].text
    if _PAGE_NUMBER.match(a):
        return bool(_SECTION.match(b))
    return bool(_SECTION.match(a) and _PAGE_NUMBER.match(b))


def _number_over_band(lines: list[Line], i: int) -> bool:
    """Line i is the page number set large, alone or with the section's name, written
    before the band it heads (`8` / `国际 1998年1月16日 星期五 责任编辑 曹立`, `13 体育` /
    `1998年1月9日 星期五 责任编辑 林艳`)."""
    return (
        i + 1 < len(lines)
        and _NUMBER_CELL.match(lines[i].raw.strip()) is not None
        and is_header(lines[i + 1].text)
    )


def _masthead_first(header: str) -> str:
    """The paper's name first, where the extractor wrote it after the date in one line
    (`1998年1月5日 星期一 人民日报`): it is set above the band."""
    cells = header.split(" ")
    names = [c for c in cells if _MASTHEAD.match(c)]
    if not names or cells[0] == names[0]:
        return header
    return " ".join([*names, *(c for c in cells if not _MASTHEAD.match(c))])
