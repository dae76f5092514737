"""The stack-role tools of issue 12 (tools/stack_roles.py, tools/seam_evidence.py).

They wrap `stories.split_stack` to see each stack as the parser splits it; the
wrapper must pass on every argument the parser gives (seam_evidence's took three
and failed on the page's column, parts and measures added since).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from reader.parse import stacks, stories
from reader.parse.stories import parse_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
seam_evidence = importlib.import_module("seam_evidence")  # (tools/ is no package)
stack_roles = importlib.import_module("stack_roles")

_PAGE = [
    "1998 年 1 月 29 日 星期四",
    "人民日报",
    "第 1 版",
    "春节期间香港将举行盛大烟花",
    "汇演",
    "坚定信心稳步前进",
    "本报记者 刘红",
    "在春节前夕，中国唱片总公",
    "司出版的多媒体光盘上市发",
    "行，作为节日礼物献给全国",
    "的少年儿童朋友们。这是中",
    "国当代杰出漫画家的代表作",
    "之一，完整收录了漫画全集。",
    "工行以多种方式支持国企改革",
    "坚持解放生产力不动摇",
    "本报北京1月29日讯",
    "今年的晚会照样有京剧和地",
    "方戏，但节目的设计和编排",
    "将在节奏把握和表现形式上",
    "尽量丰富多彩，并且特意安",
    "排了少儿戏曲表演，观众也",
    "能看下去。孟欣这样说道。",
]


def _item(kicker: str, headline: str, byline: str, lines: list[str]) -> dict[str, Any]:
    return {
        "kind": "article",
        "kicker": kicker,
        "headline": headline,
        "subtitle": None,
        "derived_headline": None,
        "byline": byline,
        "paragraphs": ["".join(lines)],
        "source": None,
        "credit": None,
        "marker": None,
    }


_TRUTH = {
    "items": [
        _item("春节期间香港将举行盛大烟花汇演", "坚定信心稳步前进", "本报记者 刘红", _PAGE[7:13]),
        _item(
            "工行以多种方式支持国企改革", "坚持解放生产力不动摇", "本报北京1月29日讯", _PAGE[16:]
        ),
    ]
}


def test_causes_name_what_the_parse_made_of_the_stack() -> None:
    cause = stack_roles.cause
    assert cause(("甲乙", "丙丁", ""), ("甲乙", "丙丁", "")) == "right"
    assert cause(("甲乙", "丙丁", ""), ("", "甲乙", "丙丁")) == stack_roles.CAUSES[1]
    assert cause(("", "甲乙", "丙丁"), ("甲乙", "丙丁", "")) == stack_roles.CAUSES[2]
    assert cause(("甲乙", "丙丁", ""), ("", "甲乙丙丁", "")) == stack_roles.CAUSES[3]
    assert cause(("", "甲乙", "丙丁"), ("", "甲乙丙丁", "")) == stack_roles.CAUSES[4]
    assert cause(("", "甲乙丙丁", ""), ("", "甲乙", "丙丁")) == stack_roles.CAUSES[5]
    assert cause(("", "甲乙丙丁", "戊己"), ("甲乙", "丙丁", "戊己")) == stack_roles.CAUSES[6]
    assert cause(("", "甲乙", "丙丁戊己"), ("甲乙", "丙丁", "戊己")) == stack_roles.CAUSES[7]
    assert cause(("甲乙", "丙丁", ""), None) == "story not found"
    assert cause(("甲乙", "丙丁", ""), ("", "戊己", "")) == "other"


def test_every_kicker_story_is_counted_and_a_plain_pair_by_its_widths() -> None:
    text = "\n".join(_PAGE)
    table: Counter[tuple[str, ...]] = Counter()
    stack_roles.page_counts(text, _TRUTH, table)
    assert sum(n for key, n in table.items() if key[0] == "kicker") == 2
    got = json.loads(parse_text(text).to_json())["items"][1]
    reads = "kicker + headline" if got["kicker"] else "headline + subtitle"
    # 工行以多种方式支持国企改革 (13) over 坚持解放生产力不动摇 (10): two plain lines.
    assert table["pair", "kicker + headline", reads, "upper wider"] == 1
    assert vars(stories)["split_stack"] is stacks.split_stack  # the parser's own again


def test_seam_evidence_sees_the_breaks_of_a_page_the_parser_reads_today() -> None:
    breaks = seam_evidence.page_breaks("\n".join(_PAGE), _TRUTH)
    assert ("工行以多种方式支持国企改革", "坚持解放生产力不动摇", "kh") in [b[:3] for b in breaks]
    assert vars(stories)["split_stack"] is stacks.split_stack
