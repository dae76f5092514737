"""A credit set up or down a picture's edge (type turned a quarter) in a PDF.

PDFium gives each glyph of a turned run its own box, one above the other: the import
read `新华社记者 王伟 摄` as eight lines of one character in reverse (`摄` / `伟` / `王` …)
and glued them to the story nearest. Now the run is one line, set under the picture's
caption, and the caption keeps it as its credit.
"""

from __future__ import annotations

from pathlib import Path

import pdfgen
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from reader.importing.pdf import read_pdf
from reader.importing.segment import make_glyph
from reader.importing.turned import lay_flat

CREDIT = "新华社记者 王伟 摄"
BODY = (
    "　　新华社北京１月５日电　国务院总理李鹏今天在人民大会堂会见了来访的客人，双方就"
    "共同关心的问题交换了意见。会见时，李鹏对客人的来访表示欢迎。"
)


def _page(path: Path, turn: int, caption: bool = True) -> bytes:
    """A story beside a picture whose credit runs up its right edge (`turn` 90) or down
    its left edge (-90), with a caption under the picture or none."""
    font = pdfgen.font()
    c = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    c.setFont(font, 20)
    c.drawString(60, height - 120, "李鹏会见外国客人")
    y, text = height - 150, BODY
    while text:
        c.setFont(font, 10)
        c.drawString(60, y, text[:18])
        text, y = text[18:], y - 15
    c.rect(300, height - 300, 200, 150)
    c.saveState()
    if turn == 90:
        c.translate(510, height - 300)
    else:
        c.translate(292, height - 150)
    c.rotate(turn)
    c.setFont(font, 8)
    c.drawString(0, 0, CREDIT)
    c.restoreState()
    if caption:
        c.setFont(font, 9)
        c.drawString(300, height - 315, "图为李鹏在会见中。")
    c.save()
    return path.read_bytes()


@pytest.mark.parametrize("turn", [90, -90])
def test_a_turned_credit_is_one_line_and_the_captions_credit(tmp_path: Path, turn: int) -> None:
    (page,) = read_pdf(_page(tmp_path / "p.pdf", turn), "p.pdf")
    lines = [line.strip() for line in page.text.splitlines()]
    assert CREDIT in lines, page.text
    assert lines.index(CREDIT) == lines.index("图为李鹏在会见中。") - 1 or (
        lines.index(CREDIT) == lines.index("图为李鹏在会见中。") + 1
    )
    assert not [line for line in lines if len(line) == 1], page.text  # no glyph a line
    assert page.structure is not None
    (caption,) = [i for i in page.structure[0].items if i.kind == "caption"]
    assert caption.credit is not None and "王伟" in caption.credit
    (story,) = [i for i in page.structure[0].items if "国务院" in "".join(i.paragraphs)]
    assert "摄" not in "".join(story.paragraphs)


def test_a_turned_credit_alone_under_its_picture(tmp_path: Path) -> None:
    (page,) = read_pdf(_page(tmp_path / "p.pdf", 90, caption=False), "p.pdf")
    assert CREDIT in [line.strip() for line in page.text.splitlines()], page.text


def test_a_run_keeps_its_order_and_its_gaps_where_no_picture_stands() -> None:
    # Turned left: read up the page, each glyph 8 points above the one before, a word
    # space (4 points) after the second.
    chars = "新华 摄"
    turned = []
    bottom = 100.0
    for n, char in enumerate(chars):
        advance = 4.0 if char == " " else 8.0
        glyph = make_glyph(char, 50.0, 58.0, bottom, bottom + advance, 50.0, 8.0, 400, n)
        turned.append((glyph, True))
        bottom += advance
    flat = sorted(lay_flat(turned, [], []), key=lambda g: g.x0)
    assert "".join(g.char for g in flat) == chars
    assert flat[3].x0 - flat[1].x1 == pytest.approx(4.0)  # the space's width, kept
    assert {g.baseline for g in flat} == {flat[0].baseline}
