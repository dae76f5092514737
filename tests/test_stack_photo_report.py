"""A photographer's credit under a picture story's title is a part of the stack (issue 12,
round 21, branch `heads25`).

The corpus sets a picture story's title over `X摄影报道`; two lines of one width read
as one wrapped headline (`reader.parse.stacks.continues`). Invented lines in the shape.
"""

from __future__ import annotations

from reader.parse.stacks import group


def test_a_photo_report_credit_is_no_wrap_s_rest() -> None:
    assert group(["雪原，迎来春色", "王建国摄影报道"], True) == [
        ["雪原，迎来春色"],
        ["王建国摄影报道"],
    ]
    # ...a headline wrapped at the same width still joins
    assert group(["全国农村电网改造", "全面展开农民满意"], True) == [
        ["全国农村电网改造", "全面展开农民满意"]
    ]
