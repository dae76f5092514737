"""A work of art's title and its artist, each a paragraph of its own (issue 12, round 16).

A page of pictures prints `细语（中国画）` / `（杨光利）` under a story's last paragraph: the
title is a paragraph and the artist's name in brackets another (the corpus sets such a
title on a line of its own 20 times of 20). The title's line closes no sentence, so
the name ran on into it (`细语（中国画）（杨光利）`, whole-typeset 420, whole-office 404).
"""

from __future__ import annotations

from reader.parse.stories import parse_text

HEAD = "贺新年"
BODY = ["河北省蔚县剪纸历史悠久，", "它出自民间扎根于劳动人民", "之中。"]
BODY2 = ["“贺新年”一组剪纸，", "由我国目前最大的剪纸艺", "术品工厂———蔚县剪纸", "厂供稿。"]
NEXT = [
    "今年普高招生数比去年增",
    "七万人",
    "本报北京１月１３日讯根据党",
    "的十五大精神，今年要扩大",
    "普通高中的招生规模。",
]


def test_a_picture_title_over_its_artist_is_a_paragraph_of_its_own() -> None:
    lines = [HEAD, *BODY, *BODY2, "细语（中国画）", "（杨光利）", *NEXT]
    story = parse_text("\n".join(lines)).items[0]
    assert story.headline == HEAD
    assert story.paragraphs[:3] == ("".join(BODY), "".join(BODY2), "细语（中国画）")
    assert "".join(story.paragraphs[3:]) + (story.source or "") == "（杨光利）"


def test_a_short_line_ending_in_another_note_goes_on_as_before() -> None:
    # `（上）` is no work of art's kind: the line may run on into the next.
    lines = [HEAD, *BODY, "哥斯达黎加见闻（上）", "（杨光利）", *NEXT]
    story = parse_text("\n".join(lines)).items[0]
    assert "哥斯达黎加见闻（上）" not in story.paragraphs


def test_two_drawing_titles_one_under_the_other_are_two_paragraphs() -> None:
    # (round 25) `燕子垭（速写）（高莽）` / `千年古杉（速写）（高莽）`, both read as head lines
    # over a short headline in a 14-em column.
    above = [
        "你会听到它从亘古带来的传说，",
        "沧桑的经历。中华民族就是在风",
        "风雨雨中，在神州大地上茁壮成",
    ]
    gift = ["捐献", "１３日，一名３９岁的男子怀抱儿", "子在曼谷捐献泰铢，以帮助国家渡", "过难关。"]
    titles = ["燕子垭（速写）（高莽）", "千年古杉（速写）（高莽）"]
    lines = ["神农架", *above, "长起来的。", *titles, *gift]
    story = parse_text("\n".join(lines)).items[0]
    assert story.paragraphs[-2:] == tuple(titles)


def test_a_drawing_title_wrapped_inside_its_brackets_is_a_paragraph() -> None:
    # (round 25) `苍岩山桥殿飞虹（写` / `生）（罗雪村）` in an 11-em column, a headline under it.
    lines = [HEAD, *BODY, "苍岩山桥殿飞虹（写", "生）（罗雪村）", *NEXT]
    items = parse_text("\n".join(lines)).items
    assert items[0].paragraphs[-1] == "苍岩山桥殿飞虹（写生）（罗雪村）"
    assert items[1].headline is not None and items[1].headline.startswith("今年普高")
