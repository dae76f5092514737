"""A bracketed note alone on its line under a paragraph's closed end (issue 12, round 14).

`…出席音乐会。` / `（李德安任记）`: the note stands as a paragraph of its own, as the
paper printed it. In the 1998 corpus 309 such notes of names are a line (a paragraph)
of their own and 716 run on at a paragraph's end; a run-on note falls alone on a line
only when the line breaks just before it (about one in a column's width of those), so
alone it is most often its own. Joining it to the paragraph above (office16, 36bafcb)
took the held-out whole-article rows from paragraph F1 0.951 to 0.931. The shorter
notes (`（冯伟）`, `（据新华社电）`) stand so too (round 17, `reader.parse.notes`); only a
`（来源：…）` line is the story's source.
"""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = "悄悄进京"
FIRST = [
    "据报道，昆士兰大学已取得",
    "了关于亚硝化螺菌的专利，将花",
    "三年时间研究这种细菌生长的理",
    "想环境，然后进行大规模培养，为",
    "全面推广这项技术创造条件。",
]
NEXT = [
    "这场音乐会演奏的曲目多为",
    "贝多芬、海顿所作的古典名曲。山",
    "下真澄女士是日本著名青年小提",
    "琴演奏家，曾获多种奖励。首都",
    "中日友好人士和音乐界人士近千",
    "人出席音乐会。",
]


def _page(note: str) -> list[tuple[str, ...]]:
    page = parse_text("\n".join(["全国政协举行迎春茶话会", *FIRST, *NEXT, note, HEAD, *FIRST]))
    return [item.paragraphs for item in page.items]


def test_a_writer_s_note_alone_on_its_line_is_its_own_paragraph() -> None:
    paragraphs = _page("（李德安任记）")
    assert paragraphs[0] == ("".join(FIRST), "".join(NEXT), "（李德安任记）")


def test_an_office_s_note_with_a_colon_alone_on_its_line_is_its_own_paragraph() -> None:
    paragraphs = _page("（作者单位：光明日报）")
    assert paragraphs[0][-2:] == ("".join(NEXT), "（作者单位：光明日报）")


def test_a_short_note_alone_is_its_own_paragraph_and_ends_the_story() -> None:
    for note in ("（据新华社电）", "（冯伟）"):
        page = parse_text("\n".join(["全国政协举行迎春茶话会", *FIRST, *NEXT, note, HEAD, *FIRST]))
        assert page.items[0].source is None
        assert page.items[0].paragraphs[-2:] == ("".join(NEXT), note)
        assert page.items[1].headline == HEAD


def test_a_source_line_stays_the_source() -> None:
    note = "（来源：经济日报）"
    page = parse_text("\n".join(["全国政协举行迎春茶话会", *FIRST, *NEXT, note, HEAD, *FIRST]))
    assert page.items[0].source == note
    assert page.items[0].paragraphs[-1] == "".join(NEXT)


def test_a_picture_s_title_note_is_no_paragraph_end() -> None:
    paragraphs = _page("（附图片１张）")
    assert "".join(NEXT) in paragraphs[0]


def test_a_jump_line_opening_the_next_story_is_no_paragraph_end() -> None:
    # Chromium's pages of real papers' typography: `（上接第一版）` opens its story.
    paragraphs = _page("（上接第一版）")
    assert "".join(NEXT) in paragraphs[0]


def test_a_note_above_a_source_line_is_text_and_the_source_line_the_source() -> None:
    # pagegen2 `（项宁）` / `（来源：本报综合）`: before round 17 the note took `source`
    # and the source line became a paragraph.
    notes = ["（项宁）", "（来源：本报综合）"]
    lines = ["全国政协举行迎春茶话会", *FIRST, *NEXT, *notes, HEAD, *FIRST]
    item = parse_text("\n".join(lines)).items[0]
    assert item.source == "（来源：本报综合）"
    assert item.paragraphs[-2:] == ("".join(NEXT), "（项宁）")
