"""A photo agency's credit in brackets (`（新华社发美联社照片）`, `（传真照片）`), as the 1998
pages print it, is a credit to the importer as it is to the text parser; a bare line
ending in 照片 is not (it ends headlines). Found on pages of whole 1998 articles
(bench/wholegen.py, read seeds 400-419)."""

from __future__ import annotations

from reader.importing.typography import credit_tail, is_credit


def test_an_agency_s_photo_in_brackets_is_a_credit() -> None:
    assert is_credit("（新华社发美联社照片）")
    assert is_credit("（传真照片）")
    text = "上星期，一系列地震使火山重又活跃。（新华社发美联社照片）"
    assert credit_tail(text) == text.index("（")


def test_a_headline_ending_in_photo_is_no_credit() -> None:
    assert not is_credit("一张珍贵的老照片")
    assert credit_tail("他拿出一张老照片（黑白）") == -1
