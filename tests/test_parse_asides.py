"""Paragraph ends that PDFium's page text hides (issue 12, round 25): an aside wrapped
over three lines after a sentence (`reader.parse.notes.aside_over_three`), and a
lead-in's dash written on one line with the next paragraph's first
(`reader.parse.joined.split_gaps`); an editor's signature broken after its dash (round
27, `reader.parse.notes.rejoin_signature`, `signs_note`). Invented lines in the shapes of
the cases."""

from __future__ import annotations

from reader.parse.notes import rejoin_signature
from reader.parse.stories import parse_text

# An 11-em column, first lines set in 2 ems.
HEAD = "某集团原董事长被查处"
ASIDE = [
    "记者从有关部门获悉，某",
    "集团原董事长一案已由司",
    "法机关立案侦查。（长篇",
    "通讯《“某某大王”的人",
    "生悲剧》全文见第三版）",
]
NEXT = ["经查，此人利用职权", "和职务之便，主谋贪污私", "分公款多万元。"]
HEAD2 = "读书天地见面"
BODY = ["读书天地作为大地周", "刊的一个专版在新年之初", "与读者见面了。"]


def paragraphs(*lines: str) -> list[str]:
    return [p for item in parse_text("\n".join(lines)).items for p in item.paragraphs]


def test_an_aside_wrapped_over_three_lines_ends_its_paragraph() -> None:
    got = paragraphs(HEAD, *ASIDE, *NEXT, HEAD2, *BODY)
    assert any(p.endswith("".join(ASIDE)) for p in got)  # (with the headline or without)
    assert "".join(NEXT) in got


def test_a_bracket_closed_on_the_middle_line_is_no_aside_of_three() -> None:
    inside = [*ASIDE[:3], "通讯）《“某某大王”的人", "生悲剧》全文见第三版）"]
    got = paragraphs(HEAD, *inside, *NEXT, HEAD2, *BODY)
    assert not any(p.endswith("第三版）") for p in got)


# A 12-em column; PDFium writes a lead-in's last line and the next paragraph's first
# line as one, a space between.
DRAMA = [
    "一部电视剧日前首映，观众",
    "称赞。它讲述了古老民族在",
    "大潮中的故事——— 青年牧人为心上人治病",
]
REST = ["倾尽了家产，但爱情和金钱", "却没能够留住他的心上人。"]


def test_a_lead_in_dash_and_the_next_first_line_on_one_line_are_two_paragraphs() -> None:
    got = paragraphs(HEAD2, *BODY, "草原之歌", *DRAMA, *REST)
    assert any(p.endswith("称赞。它讲述了古老民族在大潮中的故事———") for p in got)
    assert any(p.startswith("青年牧人为心上人治病倾尽") for p in got)


# An editor's note whose signature wrapped before its last character (Writer, full line).
NOTE = ["今年的农业形势怎样？我们", "特邀部分专家进行笔谈，下", "面刊出的是笔谈摘要。———编"]


def test_an_editor_s_signature_wrapped_before_its_last_character_is_made_whole() -> None:
    got = paragraphs("新年话农桑", *NOTE, "者", HEAD2, *BODY)
    assert any(p.endswith("笔谈摘要。———编者") for p in got)
    # MuPDF's shape: a space at the dash's end.
    got = paragraphs("新年话农桑", *NOTE[:-1], NOTE[-1].replace("———", "——— "), "者", HEAD2, *BODY)
    assert any(p.endswith("笔谈摘要。———编者") for p in got)


# The same note's signature broken after its dash (Typst, a line with no room for `编者`).
NOTE_AT_DASH = ["今年的农业形势怎样？我们", "特邀部分专家进行笔谈，下", "面刊出的是笔谈摘要。———"]


def test_an_editor_s_signature_broken_after_its_dash_is_made_whole() -> None:
    for dash in ("———", "——— "):  # PDFium's shape, and a space at the dash's end
        note = [*NOTE_AT_DASH[:-1], NOTE_AT_DASH[-1].replace("———", dash)]
        got = paragraphs("新年话农桑", *note, "编者", HEAD2, *BODY)
        assert any(p.endswith("笔谈摘要。———编者") for p in got)
        assert "编者" not in got


def test_a_dash_that_leads_in_is_no_signature_s() -> None:
    # `请看———` leads into the text below: no sentence's end before the dash.
    lead = [*NOTE_AT_DASH[:-1], "面刊出的是他们的意见，请看———", "编者"]
    assert rejoin_signature(lead) == lead
    assert rejoin_signature([*NOTE_AT_DASH, "编者"])[-1].endswith("———编者")


def test_the_line_under_an_editor_s_signature_opens_a_paragraph() -> None:
    # `…多多来稿。———` / `编者` / `（图为原载《某某画` / `报》）`: the note ends at its
    # signature; the picture's note under it is a paragraph of its own.
    picture = ["（图为原载《某某画", "报》）"]
    got = paragraphs("新年话农桑", *NOTE_AT_DASH, "编者", *picture, HEAD2, *BODY)
    assert any(p.endswith("笔谈摘要。———编者") for p in got)
    assert "（图为原载《某某画报》）" in got
