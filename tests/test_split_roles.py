"""A byline's spaced words a line each, as PyMuPDF writes TeX's (issue 12, round 22:
`reader.parse.rolelines.split_rest`): `本报记者 张春` / `通讯员` / `胡` / `松`. On a whole
page the role alone under the byline was read as its text's first words (`通讯员胡松…`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise

from reader.parse.kinds import Kind
from reader.parse.rolelines import role_rest, split_rest
from reader.parse.stories import parse_text


@dataclass
class _Line:
    text: str
    width: float
    candidate: bool = True
    kind: Kind = Kind.BODY

    def measure(self) -> float:
        return 12.0


def test_a_role_and_a_spaced_name_a_line_each_are_the_bylines() -> None:
    run = [_Line("本报记者张春", 6.0, False, Kind.BYLINE), _Line("通讯员", 3.0)]
    run += [_Line("胡", 1.0), _Line("松", 1.0)]
    for above, line in pairwise(run):
        role_rest(above, line)
    assert [line.kind for line in run] == [Kind.BYLINE] * 4


def test_what_a_byline_run_takes() -> None:
    assert split_rest("本报记者张明", "通讯员")
    assert split_rest("通讯员", "胡")
    assert split_rest("胡", "松")
    assert not split_rest("本报记者张明", "在这次")  # no role above, three characters
    assert not split_rest("本报记者张明", "在这次全国工作会议上，代")


def test_the_page_keeps_the_run_one_byline() -> None:
    text = (
        "这是上一篇文章的第一段文字，\n它从这里开始一直写到那里为\n"
        "止，中间还有许多别的话要说\n给读者听，读者们都很爱听。\n"
        "阿地力在京初试身手\n本报记者 张明\n通讯员\n胡\n松\n"
        "数字时代新技术的掌\n握者，不再是那些老牌的大\n公司，而多是新兴的创业者。\n"
    )
    page = json.loads(parse_text(text).to_json())
    (item,) = [item for item in page["items"] if item["headline"]]
    assert item["byline"] == "本报记者 张明 通讯员 胡 松"
