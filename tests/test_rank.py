"""Ranking as a person reads (issue 13): whole words, words standing together, headlines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import ranking

from reader.library import Library
from reader.search import engine
from reader.search.rank import closeness
from reader.search.segmenter import parts


@pytest.mark.parametrize("in_headline", [True, False])
def test_ligong_ranks_the_polytechnic_above_management_work(
    tmp_path: Path, in_headline: bool
) -> None:
    """理工 is a word of 香港理工大学 (香港 理工 大学), not of 管理工作 (管理 工作)."""
    about = (
        ("徐汇区与香港理工大学签署合作意向书", "")
        if in_headline
        else ("沪港两地高校签署合作意向书", "香港理工大学与复旦大学今天签署合作意向书，")
    )
    articles = [
        ("加强基层管理工作", ["做好管理工作是基层的责任，管理工作要细，管理工作要实。"]),
        (
            about[0],
            [
                about[1] + "双方将在人才培养、科学研究和成果转化方面开展交流。",
                "香港理工大学校长表示，愿与内地高校加强合作，共同培养人才。",
            ],
        ),
        *ranking.FILLER,
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    hits = engine.search(Library(tmp_path), "理工", limit=None)
    assert len(hits) == 2
    assert "理工大学" in hits[0].headline + hits[0].snippet


def test_parts_of_long_words_tile_them() -> None:
    assert parts("香港理工大学") == ("香港", "理工", "大学")
    assert parts("管理工作") == ("管理", "工作")
    assert "华人" not in parts("中华人民共和国")
    assert parts("经济") == ()


def test_closeness_is_highest_for_adjacent_terms() -> None:
    together = [{"paragraphs.0": [(4, 6)]}, {"paragraphs.0": [(6, 8)]}]
    apart = [{"paragraphs.0": [(4, 6)]}, {"paragraphs.0": [(40, 42)]}]
    other_fields = [{"headline": [(0, 2)]}, {"paragraphs.0": [(2, 4)]}]
    assert closeness(together) == 1.0
    assert 0 < closeness(apart) < closeness(together)
    assert closeness(other_fields) == 0.0
    assert closeness([{"headline": [(0, 2)]}]) == 0.0


def test_terms_standing_together_rank_first(tmp_path: Path) -> None:
    articles = [
        ("农业银行增加春耕贷款", ["今年增加贷款，各地春耕忙，银行支持农民购买化肥。"]),
        ("各地春耕贷款到位", ["今年春耕贷款已经到位，农民购买化肥有了保障。"]),
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    hits = engine.search(Library(tmp_path), "贷款 到位", limit=None)
    assert [h.headline for h in hits] == ["各地春耕贷款到位"]
    hits = engine.search(Library(tmp_path), "春耕 贷款", limit=None)
    assert hits[0].headline == "各地春耕贷款到位"


def test_many_candidates_rank_the_headline_first_and_find_every_hit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `_RANK_ALL` candidates bm25 scores only the newest and the headline ones:
    an old article with the word in its headline still comes first, and every item
    holding the word is still a hit."""
    articles = [
        ("乡镇企业发展迅速", ["全县乡镇企业产值增长，乡镇企业吸纳劳动力。"]),
        *(
            (f"第{n}个县召开工作会议", [f"会议提到乡镇企业等{n}项议题，并作出安排。"])
            for n in range(1, 13)
        ),
        *ranking.FILLER,
    ]
    ranking.write_library(tmp_path, articles, issues=4)
    library = Library(tmp_path)
    full = engine.search(library, "乡镇企业", limit=None)
    monkeypatch.setattr(engine, "_RANK_ALL", 3)
    scored: list[int] = []
    real = engine._scored

    def spy(*args: object) -> object:
        rows = list(real(*args))  # type: ignore[arg-type]
        scored.append(len(rows))
        return iter(rows)

    monkeypatch.setattr(engine, "_scored", spy)
    bounded = engine.search(library, "乡镇企业", limit=None)
    assert scored and set(scored) == {4}  # the 3 newest and the headline: the bound holds
    assert bounded[0].headline == "乡镇企业发展迅速" == full[0].headline
    assert {(h.issue, h.id) for h in bounded} == {(h.issue, h.id) for h in full}
    assert len(bounded) == len(full) == 13
    assert engine.search(library, "乡镇企业", limit=5)[0].headline == "乡镇企业发展迅速"
