"""Source notes and credits in PDFium's text of pages set by others (issue 12, round 8)."""

from __future__ import annotations

from reader.model import Item
from reader.parse.stories import parse_text

# Paragraphs set in a 12-em column, first lines indented 2 ems.
HEAD = "全国政协举行迎春茶话会"
HEAD2 = "迎春茶话会在京举行"
OPEN = ["经济建设取得新的重大", "成就，各项事业全面发展，", "人民生活水平进一步提高，"]
SHORT_END = [*OPEN, "形势很好。"]  # room for a note on the last line
FULL_END = [*OPEN, "今年的形势比去年更好。"]  # no room for a note
BODY = ["社会主义现代化建设", "又取得了新的进展，城市面", "貌发生了新的变化。"]


def items(*lines: str) -> tuple[Item, ...]:
    return parse_text("\n".join(lines)).items


def test_a_note_under_a_full_line_is_paragraph_text_on_a_page_that_runs_notes_in() -> None:
    # `…更好。` fills the column, so `（据新华社电）` may be the paragraph's end that
    # did not fit: nothing on the page says otherwise (the corpus runs notes in).
    page = items(HEAD, *FULL_END, "（据新华社电）", HEAD2, *BODY)
    assert page[0].source is None
    assert page[0].paragraphs[-1].endswith("更好。（据新华社电）")


def test_a_page_that_sets_a_note_apart_sets_them_all_apart() -> None:
    # `（张三）` under `形势很好。` would have fitted on that line: set apart by
    # choice, so the note under the full line below is a source line too.
    first = [HEAD, *SHORT_END, "（张三）"]
    page = items(*first, HEAD2, "本报记者 李四", *FULL_END, "（据新华社电）", HEAD, *BODY)
    assert [i.source for i in page] == ["（张三）", "（据新华社电）", None]
    assert page[1].paragraphs == ("".join(FULL_END),)


def test_a_note_that_would_not_have_fitted_above_says_nothing_of_the_page() -> None:
    # Short of the column by more than a character, but by less than the note.
    end = [*OPEN, "今年形势比去年好。"]
    page = items(HEAD, *end, "（据新华社北京电）", HEAD2, *FULL_END, "（张三）", "春节", *BODY)
    assert page[0].source == "（据新华社北京电）"  # under a short line, as before
    assert page[1].source is None
    assert page[1].paragraphs[-1].endswith("更好。（张三）")
