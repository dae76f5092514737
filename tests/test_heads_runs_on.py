"""A line that the next one continues is no headline (issue 12, WeasyPrint page text).

WeasyPrint justifies every line inside a paragraph to its narrow column, and Pango
breaks neither before nor after a quotation mark, so a line inside a paragraph may
count two or three characters short and read as an indented first line: the line
above it then looked like a headline standing over a paragraph. Three facts of the
text say the line runs on: the next line starts with a character that starts no
paragraph (的, 了, 们…, by the corpus), the line leaves a quote open, or the next
line is short only by the unit that the line after it opens with. The lines are
PDFium's text of bench/weasygen.py pages (seeds 24, 26, 40).
"""

from __future__ import annotations

import pytest

from reader.parse import wrapmodel
from reader.parse.lineends import lead_width
from reader.parse.stories import parse_text


def _stacks(lines: list[str]) -> list[str]:
    page = parse_text("\n".join(lines))
    return [(it.kicker or "") + (it.headline or "") + (it.subtitle or "") for it in page.items]


def test_a_line_over_one_that_starts_with_de_is_no_headline() -> None:
    # `上下级关系视为主人与仆人` (full) over `的关系，何为“老` (8 of 12 ems: it could not
    # take `板”？`): no paragraph starts with 的, so the full line runs on into it.
    lines = ["忧其一，把志同道合的", "同志关系蜕变为一般的人与", "人之间的“客套”，似路人"]
    lines += ["相遇，真情难觅。", "忧其二，把相互支持的"]
    lines += ["上下级关系视为主人与仆人", "的关系，何为“老", "板”？“公仆”安在？"]
    lines += ["忧其三，不管是一般的", "同志关系还是特定的上下级", "关系，都是有共同理想共同"]
    lines.append("宗旨的，淡化共同理想。")
    page = parse_text("\n".join(lines))
    assert _stacks(lines) == [""]
    assert "忧其二，把相互支持的上下级关系视为主人与仆人的关系，" in page.items[0].paragraphs[1]


def test_the_corpus_table_holds_particles_not_words_that_open_sentences() -> None:
    assert all(wrapmodel.runs_on(c) for c in "的了们")
    assert not any(wrapmodel.runs_on(c) for c in "业家我他在本新中")  # 业余…, 家乡…


def test_a_line_that_leaves_a_quote_open_is_no_headline() -> None:
    # A headline leaves no quote open: `可以称“小` goes on in `姐”…`.
    lines = ["县玩命干了５年，累得生过病，住", "过医院，输过液。", "郑州建大型污水处理厂"]
    lines += ["黄河的臂弯，秦岭的", "胸膛", "有些地方是可以称“小", "姐”或“先生”的，有些地方则不"]
    lines += ["可以。称“同志”为“小", "姐”或“先生”，称领导为“老", "板”或“大爷”，如此称谓，令人"]
    lines.append("堪忧。")
    page = parse_text("\n".join(lines))
    assert page.items[-1].paragraphs[0].startswith("有些地方是可以称“小姐”或“先生”的")
    assert "有些地方" not in "".join(_stacks(lines))


def test_a_line_short_only_by_the_unit_below_is_not_set_in() -> None:
    # `产运行，公司总经理部遵` is 11 of 13 ems, as short as an indented first line, but
    # `照“合` (no break on either side of “) would not have fitted on a full line
    # either: no paragraph starts there, and the full line above is no headline.
    lines = ["４厘米的每天也只需交７元", "钱。租彩电的人中，有不回家", "过年的学生和打工族。"]
    lines += ["鞍山破获特大", "抢枪案", "合营公司成立以后，随着", "工程建设的进展和核电站的投"]
    lines += ["产运行，公司总经理部遵", "照“合营公司章程”和董事会", "要求，组织制定了“公司政策"]
    lines += ["手册”、“公司各级管理权", "限的规定”等一系列制度。"]
    assert lead_width("照“合营") == 3
    assert _stacks(lines)[-1] == "鞍山破获特大抢枪案"
    assert parse_text("\n".join(lines)).items[-1].paragraphs[0].startswith("合营公司成立以后")


def test_a_headline_over_an_indented_first_line_stays_a_headline() -> None:
    # Two ems short, and the next unit (`关`) would have fitted on a full line: the
    # line under the headline is set in, a paragraph starts there.
    lines = ["钱。租彩电的人中，有不回家", "过年的学生和打工族。", "乡镇企业要转换机制"]
    lines += ["要加快乡镇企业改革，", "关键在于转换经营机制，建", "立现代企业制度，实行政企分"]
    lines.append("开，明确产权关系。")
    assert _stacks(lines)[-1] == "乡镇企业要转换机制"


def test_a_quote_that_opens_a_story_after_its_source_note_is_a_headline() -> None:
    # Typst page 347: a story ends with its source; the quoted question over an
    # indented first line opens the next one. Dialogue goes on in its own story.
    lines = ["的时候，不要忘记行使自己的", "监督职能和依法享有的权利。", "（来源：新华社）"]
    lines += ["“花好多钱吧？”", "这次西藏雪灾发生早、范", "围大，灾区气温低，持续时间"]
    lines += ["长，危害严重。灾情发生后，有", "关部门迅速组织救灾。"]
    assert [it.headline for it in parse_text("\n".join(lines)).items] == [None, "“花好多钱吧？”"]


def test_a_quote_after_a_closed_paragraph_stays_dialogue() -> None:
    lines = ["的时候，不要忘记行使自己的", "监督职能和依法享有的权利。", "“花好多钱吧？”"]
    lines += ["这次西藏雪灾发生早、范", "围大，灾区气温低，持续时间", "长，危害严重。"]
    assert [it.headline for it in parse_text("\n".join(lines)).items] == [None]


def test_a_wrapped_quote_set_short_of_the_column_over_a_paragraph_is_a_headline() -> None:
    # Typst page 90: `“旅人！别泄气，别急着回` (10.5 of 14.5 ems, its marks squeezed)
    # could have taken `去` even two ems in: no line of a paragraph but a quote set
    # in display type, here over a paragraph's indented first line.
    typesetgen = pytest.importorskip("typesetgen")
    pytest.importorskip("typst")
    pytest.importorskip("pypdfium2")
    if not typesetgen.fonts_ready():
        pytest.skip(f"Noto SC fonts not in {typesetgen.FONT_DIR}")
    page = typesetgen.generate(90)
    items = parse_text(typesetgen.pdfium_text(page.pdf)).items
    assert "“旅人！别泄气，别急着回去……”" in [it.headline for it in items]
