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
