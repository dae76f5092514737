"""An editor's label alone on its line (`编者：`, `编者按：`) is a paragraph of its own
(issue 12, round 27: `reader.parse.notelabels`). Invented lines in the shapes of the cases
(whole-tex 580-08, whole-chrome 563: a stack, the label, the note)."""

from __future__ import annotations

from reader.parse.stories import parse_text

STACK = ["京剧的明天", "———某地召开京剧研讨", "会发言摘要"]
NOTE = [
    "日前，来自各地的戏剧评",
    "论家和艺术家集聚一堂，就",
    "京剧的继承和发展进行了研",
    "讨。下面刊出发言摘要。",
]


def paragraphs(*lines: str) -> list[str]:
    return [p for item in parse_text("\n".join(lines)).items for p in item.paragraphs]


def test_an_editor_s_label_alone_is_a_paragraph() -> None:
    for label in ("编者：", "编者按："):
        got = paragraphs(*STACK, label, *NOTE)
        assert label in got
        assert "".join(NOTE) in got


def test_a_label_run_on_into_its_note_stays_in_it() -> None:
    got = paragraphs(*STACK, "编者：日前，来自各地的戏", *NOTE[1:])
    assert not any(p == "编者：" for p in got)
