"""Ranking as a person reads (issue 13): whole words, words standing together, headlines."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import ranking

from reader.library import Library
from reader.model import Item
from reader.search import engine, heads, journal, rank, store, topk
from reader.search.query import Term, head_words, parse, rarity
from reader.search.rank import (
    WHOLE,
    WHOLE_APART,
    Shape,
    closeness,
    in_order,
    reads_as_headline,
    score,
    shape,
)
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


def test_a_headline_holding_the_query_across_words_ranks_above_such_a_body(
    tmp_path: Path,
) -> None:
    """新闻部 is no word of 马拉维新闻部长 (新闻部长) nor of 曾任新闻部长, but the headline
    holds it at a word's start (`query.head_starts`): it ranks as holding the words, above
    the body that holds 新闻部 as a word (headline hits above body hits, search24), and the
    body without the words last, whatever their age (bench/queries.py found such headlines
    25th, below newer bodies, in round 19; 3rd on seed 21 in round 20)."""
    articles = [
        ("宋健会见马拉维新闻部长", ["国务委员宋健今天在北京会见了客人。"]),
        ("某国召开记者会", ["该国新闻部今天宣布一项决定。"]),
        ("老人的回忆", ["他曾任新闻部长多年，如今退休在家。"]),
    ]
    ranking.write_library(tmp_path, articles, issues=3)  # one a day, the headline oldest
    hits = engine.search(Library(tmp_path), "新闻部", limit=None)
    assert [h.headline for h in hits] == ["宋健会见马拉维新闻部长", "某国召开记者会", "老人的回忆"]


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
    """A word tracked by the impact table (`heads.TRACKED` low here): its best postings are
    read, not every candidate scored, and the hits are those of every candidate scored:
    an old article with the word in its headline first, every item holding it a hit."""
    articles = [
        ("乡镇企业发展迅速", ["全县乡镇企业产值增长，乡镇企业吸纳劳动力。"]),
        *(
            (f"第{n}个县召开工作会议", [f"会议提到乡镇企业等{n}项议题，并作出安排。"])
            for n in range(1, 13)
        ),
        *ranking.FILLER,
    ]
    monkeypatch.setattr(heads, "TRACKED", 3)
    monkeypatch.setattr(rank, "WINDOW", 2)
    ranking.write_library(tmp_path, articles, issues=4)
    library = Library(tmp_path)
    answered: list[bool] = []
    real = topk.best

    def spy(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        answered.append(found is not None)
        return found

    monkeypatch.setattr(topk, "best", spy)
    quick = engine.search(library, "乡镇企业", limit=5)
    until = engine.search(library, "乡镇企业", until=date(1998, 1, 3), limit=5)
    assert len(answered) >= 2 and all(answered)
    every = engine.search(library, "乡镇企业", limit=None)
    monkeypatch.setattr(topk, "best", lambda *args: None)
    assert engine.search(library, "乡镇企业", limit=5) == quick
    assert engine.search(library, "乡镇企业", until=date(1998, 1, 3), limit=5) == until
    assert quick[0].headline == "乡镇企业发展迅速" == until[0].headline
    full = engine.search(library, "乡镇企业", limit=None)
    assert {(h.issue, h.id) for h in every} == {(h.issue, h.id) for h in full}
    assert len(every) == len(full) == 13
    assert {h.id for h in until} <= {h.id for h in full if h.date and h.date <= "1998-01-03"}


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
    assert score(5.0, [head, body], whole=True) == score(5.0, [head, body]) + WHOLE_APART
    assert score(5.0, [body], whole=True) == score(5.0, [body]) + WHOLE  # a lone term


def test_rarity_weighs_a_rare_term_above_a_common_one(tmp_path: Path) -> None:
    articles = [(f"第{n}个县召开会议", [f"会议研究经济工作，安排{n}项任务。"]) for n in range(1, 9)]
    articles.append(("化石展览开幕", ["古生物学家介绍化石，会议研究经济工作。"]))
    ranking.write_library(tmp_path, articles, issues=3)
    library = Library(tmp_path)
    engine.search(library, "经济", limit=1)  # builds the index
    conn = journal.open_read(store.index_path(library))
    try:
        weights = rarity(conn, parse("经济 古生物学家"))
    finally:
        conn.close()
    assert set(weights) == {Term("经济"), Term("古生物学家")}
    assert 0 < weights[Term("经济")] < weights[Term("古生物学家")]


def test_rarity_holds_with_items_of_a_removed_issue_still_indexed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A removed issue leaves its rows in the word table above every page's rowids (the
    bench's import of one issue, undone): they are not items, and counting them made the
    share of items holding 经济 more than all of them (at 2 GB: `math domain error`)."""
    body = "会议研究经济工作，安排{}项任务。"
    articles = [(f"第{n}个县召开会议", [body.format(n)]) for n in range(1, 13)]
    ranking.write_library(tmp_path, articles, issues=4)
    library = Library(tmp_path)
    engine.update(library)
    shutil.rmtree(tmp_path / ranking.PAPER / "1998-01-04")  # the newest issue's rows stay
    engine.update(library)
    monkeypatch.setattr("reader.search.query._SAMPLE", 2)
    conn = journal.open_read(store.index_path(library))
    try:
        top = conn.execute("SELECT max(first + items) FROM pages").fetchone()[0]
        newest = conn.execute("SELECT max(rowid) FROM words").fetchone()[0]
        assert newest >= top  # the removed issue's rows are still there
        weights = rarity(conn, parse("经济"))
    finally:
        conn.close()
    assert 0 < weights[Term("经济")] < 1  # in every item: as common as can be
    assert [hit.headline for hit in engine.search(library, "经济", limit=2)]


def test_two_words_of_a_short_headline_rank_it_above_a_long_one(tmp_path: Path) -> None:
    """外长 会谈 are most of 中英外长会谈 and a small part of the long headline; bm25 alone
    put the long one first, its body being the shorter."""
    articles = [
        (
            "中英外长会谈",
            [
                "钱其琛外长今天在钓鱼台国宾馆同来访的英国外交大臣举行了会谈。",
                "双方就两国关系和共同关心的国际问题交换了意见，认为两国关系正在向前发展。",
                "钱其琛说，中方愿同英方一道，在相互尊重的基础上发展长期稳定的合作关系。",
                "英方表示，愿意加强两国在经济、贸易、文化和教育等各个领域的交流与合作。",
            ],
        ),
        (
            "两伊外长会谈取得成果同意尽快解决战争遗留问题",
            ["两国外长今天在德黑兰举行会谈，同意尽快解决战争遗留问题。"],
        ),
        *OTHERS,
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    hits = engine.search(Library(tmp_path), "外长 会谈", limit=None)
    assert [h.headline for h in hits][:2] == [articles[0][0], articles[1][0]]


def test_a_phrase_that_is_a_clause_of_its_own_ranks_first(tmp_path: Path) -> None:
    """据初步统计 stands as a clause (据初步统计，) in one article and inside a longer run in
    the other, which is shorter and newer: bm25 and age put that one first."""
    articles = [
        ("全省粮食再获丰收", ["据初步统计，今年全省粮食总产量比上年增加一成，农民收入增加。"]),
        *OTHERS,
        ("工业生产稳步增长", ["根据初步统计结果全省工业生产稳步增长。"]),
    ]
    ranking.write_library(tmp_path, articles, issues=2)
    hits = engine.search(Library(tmp_path), "据初步统计", limit=None)
    assert [h.headline for h in hits] == ["全省粮食再获丰收", "工业生产稳步增长"]


def test_shape_measures_lengths_and_the_clause_a_term_fills() -> None:
    item = Item(
        id="p/1998-01-01/01/1",
        kind="article",
        kicker="新华社",
        headline="中英外长会谈",
        paragraphs=("据初步统计，产量增加。", "根据初步统计结果增长"),
    )
    assert shape(item, []) == Shape(head=9, body=21, fill=0.0)
    whole = shape(item, [{"paragraphs.0": [(0, 5)]}]).fill
    cut = shape(item, [{"paragraphs.1": [(1, 6)]}]).fill
    assert (whole, cut) == (1.0, 0.5)
    assert shape(item, [{"paragraphs.0": [(0, 5)], "paragraphs.1": [(1, 6)]}]).fill == 1.0


def test_the_headline_length_counts_for_headline_words_the_body_length_otherwise() -> None:
    head = [{"headline": [(0, 2)]}, {"headline": [(2, 4)]}]
    body = [{"paragraphs.0": [(0, 2)]}, {"paragraphs.0": [(2, 4)]}]
    short_head, long_head = Shape(6, 900, 0.0), Shape(30, 100, 0.0)
    assert reads_as_headline([(5.0, body), (5.0, head)], worded=True)
    assert not reads_as_headline([(5.0, body), (0.0, head)], worded=True)  # not its words
    assert reads_as_headline([(5.0, body[:1]), (5.0, head[:1])], worded=True)  # a lone term
    lone = Shape(6, 50, 1.0)  # a short caption where the term is a clause of its own
    assert score(5.0, body[:1], form=lone, headline=True) == score(5.0, body[:1])
    assert score(5.0, head, form=short_head, headline=True) > score(
        5.0, head, form=long_head, headline=True
    )
    assert score(5.0, body, form=short_head, headline=True) == score(5.0, body)
    assert score(5.0, body, form=long_head) > score(5.0, body, form=short_head) > score(5.0, body)


def test_a_phrase_none_holds_as_words_ranks_by_the_text_not_by_age(tmp_path: Path) -> None:
    """数十年来 is looked up as 数十年 AND 年来 (a part of 近年来), and neither article holds
    年来 as the index cut them (数十年 来): no bm25 for any, and they went by age, the
    newer first. Where it fills its clause comes first."""
    articles = [
        ("胡宁同志逝世", ["数十年来，胡宁同志在理论物理领域的研究与教学中取得了重要成就。"]),
        ("县城面貌一新", ["近年来，县城建设发展很快，街道整洁，绿树成荫。"]),
        *OTHERS,
        ("记平民医院院长俞福柏", ["他带头捐资；数十年来他几乎每年出满勤，天天都是值勤医生。"]),
    ]
    ranking.write_library(tmp_path, articles, issues=2)  # the last article is the newest
    hits = engine.search(Library(tmp_path), "数十年来", limit=None)
    assert [h.headline for h in hits] == ["胡宁同志逝世", "记平民医院院长俞福柏"]
    assert hits[1].issue > hits[0].issue


def test_headline_words_typed_in_their_printed_order_rank_first(tmp_path: Path) -> None:
    """经济 东亚 is typed from 经济联动东亚金融动荡 as printed; 东亚经济传真 holds the two
    words closer together, which put it first for either order."""
    articles = [
        ("东亚经济传真栏目", ["本报今天介绍东亚各国和地区的经济形势，供读者参考。"]),
        ("经济联动东亚金融", ["各国经济联动，东亚金融形势引起各方关注，值得参考。"]),
        *OTHERS,
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    library = Library(tmp_path)
    assert engine.search(library, "经济 东亚", limit=None)[0].headline == "经济联动东亚金融"
    assert engine.search(library, "东亚 经济", limit=None)[0].headline == "东亚经济传真栏目"


def test_in_order_follows_the_headline_stack_top_to_bottom() -> None:
    first = {"kicker": [(3, 5)], "headline": [(0, 2)]}
    second = {"headline": [(4, 6)]}
    assert in_order([first, second])  # the kicker stands above the headline
    assert not in_order([second, first])
    assert not in_order([first])
    assert not in_order([first, {"paragraphs.0": [(0, 2)]}])


def test_a_headline_of_few_words_ranks_above_one_of_many(tmp_path: Path) -> None:
    """外长 会谈 are two of the three words of 中华人民共和国外长会谈 and two of the five of
    双方外长会谈取得成果, which has fewer characters: counted in characters, that one came
    first."""
    body = "两国外长今天举行会谈，就双边关系交换了意见。"
    articles = [
        ("双方外长会谈取得成果", [body]),
        ("中华人民共和国外长会谈", [body.replace("今天", "昨天")]),
        *OTHERS,
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    library = Library(tmp_path)
    hits = engine.search(library, "外长 会谈", limit=None)
    assert [h.headline for h in hits][:2] == [articles[1][0], articles[0][0]]
    conn = journal.open_read(store.index_path(library))
    try:
        rowids = [rowid for (rowid,) in conn.execute("SELECT rowid FROM words LIMIT 2")]
        assert sorted(head_words(conn, rowids).values()) == [3, 5]
    finally:
        conn.close()


def test_words_typed_apart_rank_above_a_short_item_holding_one_inside_a_longer_word(
    tmp_path: Path,
) -> None:
    """优势 本市: the long article holds both as words; the short one holds 优势 only inside
    整体优势, and its length put it first when a whole word added no more than for a phrase."""
    filler = "各区县认真落实各项措施，扎实推进各项工作，取得了明显成效。"
    articles = [
        ("塘沽服务企业", ["中央和本市单位云集，改善投资环境，形成整体优势。"]),
        (
            "发挥优势建设新城区",
            ["本市充分发挥区位优势，加快新城区建设。", *([filler] * 12)],
        ),
        *OTHERS,
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    hits = engine.search(Library(tmp_path), "优势 本市", limit=None)
    assert [h.headline for h in hits] == ["发挥优势建设新城区", "塘沽服务企业"]


def test_a_phrase_that_is_a_whole_clause_ranks_above_most_of_a_clause(tmp_path: Path) -> None:
    """只争朝夕 is a clause of its own in the longer article and four fifths of 只争朝夕忙 in
    the shorter one, whose length put it first."""
    filler = "各级干部深入基层，帮助群众解决实际困难，受到欢迎。"
    articles = [
        ("树立事物发展的意识", ["工作要抓紧，只争朝夕，不能等待。", *([filler] * 4)]),
        ("乌鲁木齐客商云集", ["客商云集乌鲁木齐，只争朝夕忙签约。"]),
        *OTHERS,
    ]
    ranking.write_library(tmp_path, articles, issues=1)
    hits = engine.search(Library(tmp_path), "只争朝夕", limit=None)
    assert [h.headline for h in hits] == [articles[0][0], articles[1][0]]
