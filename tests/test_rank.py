"""Ranking as a person reads (issue 13): whole words, words standing together, headlines."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import ranking

from reader.library import Library
from reader.search import engine, store
from reader.search.query import Term, parse, rarity
from reader.search.rank import WHOLE, closeness, score
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
    # With a filter the rowid range goes to FTS5 before the bound's own lower bound.
    monkeypatch.setattr(engine, "_RANK_ALL", 2)
    scored.clear()
    until = engine.search(library, "乡镇企业", until=date(1998, 1, 3), limit=None)
    assert scored and set(scored) == {3}  # the 2 newest of the range and the headline
    assert until[0].headline == "乡镇企业发展迅速"
    assert {h.id for h in until} == {h.id for h in full if h.date and h.date <= "1998-01-03"}
    assert len(until) == 12


OTHERS = [
    *((f"第{n}个县召开工作会议", [f"会议研究了农业等{n}项议题。"]) for n in range(8)),
    ("著名生物学家来访", ["著名生物学家今天来访，并作了报告。"]),
]
"""Articles that make the words below rare enough for bm25 (a positive IDF)."""


def test_query_words_as_words_rank_above_parts_of_longer_words(tmp_path: Path) -> None:
    """联合 行政区: an article with both words beats a shorter one where 行政区 is only a
    part of 香港特别行政区 (bm25 counts the part at 0.4, and the short length makes it up)."""
    articles = [
        (
            "两地开展合作交流",
            [
                "两个行政区决定联合举办展览，展示近年来的建设成就和人民生活的变化。",
                "展览分为经济、文化、教育和科技四个部分，展出图片五百多幅和实物三百多件。",
                "主办单位表示，希望通过展览增进了解，推动两地在各个领域的合作与交流。",
            ],
        ),
        (
            "庆祝活动今天举行",
            ["香港特别行政区和内地联合举办庆祝活动，香港特别行政区政府表示支持。"],
        ),
        *OTHERS,
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    hits = engine.search(Library(tmp_path), "联合 行政区", limit=None)
    assert [h.headline for h in hits] == ["两地开展合作交流", "庆祝活动今天举行"]


def test_a_long_word_of_the_index_ranks_by_bm25(tmp_path: Path) -> None:
    """古生物学家 (five characters) is looked up whole: the article with it in the headline
    comes first. Split into 古生物学 and 生物学家 (a word of another article), the query
    matched no item's words and its hits went by age, the newest first."""
    articles = [
        ("古生物学家发现恐龙化石", ["考察队在山区找到一批化石，专家认为很有价值。"]),
        *OTHERS,
        ("山区考察", ["一位古生物学家参加了考察，考察队发现了不少珍贵标本。"]),
    ]
    ranking.write_library(tmp_path, articles, issues=2)  # the last article is the newest
    hits = engine.search(Library(tmp_path), "古生物学家 发现", limit=None)
    assert [h.headline for h in hits] == ["古生物学家发现恐龙化石", "山区考察"]
    assert hits[1].issue > hits[0].issue


def test_a_common_word_in_the_headline_counts_less_than_a_rare_one() -> None:
    head, body = {"headline": [(0, 2)]}, {"paragraphs.0": [(10, 12)]}
    common_in_head = score(5.0, [head, body], weights=[0.5, 6.0])
    rare_in_head = score(5.0, [body, head], weights=[0.5, 6.0])
    assert 5.0 < common_in_head < rare_in_head
    assert score(5.0, [head, body]) == score(5.0, [body, head])  # unweighted: halves
    assert score(5.0, [head, body], whole=True) == score(5.0, [head, body]) + WHOLE


def test_rarity_weighs_a_rare_term_above_a_common_one(tmp_path: Path) -> None:
    articles = [(f"第{n}个县召开会议", [f"会议研究经济工作，安排{n}项任务。"]) for n in range(1, 9)]
    articles.append(("化石展览开幕", ["古生物学家介绍化石，会议研究经济工作。"]))
    ranking.write_library(tmp_path, articles, issues=3)
    library = Library(tmp_path)
    engine.search(library, "经济", limit=1)  # builds the index
    conn = store.open_read(store.index_path(library))
    try:
        weights = rarity(conn, parse("经济 古生物学家"))
    finally:
        conn.close()
    assert set(weights) == {Term("经济"), Term("古生物学家")}
    assert 0 < weights[Term("经济")] < weights[Term("古生物学家")]
