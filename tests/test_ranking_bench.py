"""The known-item ranking bench (bench/ranking.py): its metrics, queries and baseline
on a dozen articles, without running reader."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import ranking

ARTICLES = [
    (
        "徐汇区与香港理工大学签署合作意向书",
        ["香港理工大学与徐汇区签署合作意向书，双方将开展交流。"],
    ),
    ("加强基层管理工作", ["做好管理工作是基层的责任，管理工作要细。"]),
    ("上海举行迎春长跑活动", ["数千名市民今天参加了迎春长跑，经济发展带来新气象。"]),
    ("农业银行增加春耕贷款", ["农业银行今年增加春耕贷款，支持经济发展和农民增收。"]),
    ("北京举行新年音乐会", ["音乐会在雄壮的管弦乐中拉开帷幕，观众热烈鼓掌。"]),
    ("李鹏在北京考察企业", ["李鹏总理考察了首都钢铁公司，向职工祝贺新年。"]),
    ("武器核查风波再起", ["联合国特别委员会的核查人员再次受阻，引起广泛关注。"]),
    ("福建又有二十七万人脱贫", ["福建省去年有二十七万贫困人口脱贫，经济发展加快。"]),
    ("长春举办净月潭冰雪节", ["冰雪节吸引了大批游客，经济发展和旅游相得益彰。"]),
    ("悉尼披彩迎虎年", ["悉尼华人社区举行活动迎接虎年春节，经济发展引人注目。"]),
    ("构筑现代中药大厦", ["中药产业要走现代化道路，经济发展离不开科技。"]),
    ("全国公安边防会议召开", ["会议提出加强海上治安管理，保障经济发展。"]),
]


def docs() -> list[ranking.Doc]:
    return [
        ranking.Doc(f"p/1998-01-01/01/{n}", head, "\n".join(body), True)
        for n, (head, body) in enumerate(ARTICLES, start=1)
    ]


def test_rank_and_reciprocal_rank_of_a_known_ordering() -> None:
    ids = ["a", "b", "c", "d"]
    ranks = [ranking.rank_of(w, ids) for w in ("a", "c", "x", "d")]
    assert ranks == [1, 3, None, 4]
    got = ranking.summarize(ranks)
    assert got["n"] == 4
    assert got["first"] == pytest.approx(25.0)
    assert got["mrr"] == pytest.approx((1 + 1 / 3 + 0 + 1 / 4) / 4)
    assert ranking.summarize([]) == {"n": 0, "first": 0.0, "mrr": 0.0}


def test_report_splits_kinds_and_contested_queries() -> None:
    def outcome(kind: str, matching: int, mine: int | None, base: int | None) -> ranking.Outcome:
        return ranking.Outcome(ranking.Query(kind, "q", "id"), matching, mine, base)

    figures = ranking.report(
        [
            outcome("headline", 1, 1, 1),
            outcome("headline", 3, 2, 1),
            outcome("phrase", 2, None, 4),
            outcome("pair", 1, 1, None),
        ]
    )
    assert figures["headline"]["reader"] == {"n": 2, "first": 50.0, "mrr": 0.75}
    assert figures["headline"]["baseline"] == {"n": 2, "first": 100.0, "mrr": 1.0}
    assert figures["headline"]["reader_contested"]["n"] == 1
    assert figures["headline"]["baseline_contested"]["first"] == 100.0
    assert figures["phrase"]["baseline"]["mrr"] == pytest.approx(0.25)
    assert figures["all"]["reader"]["mrr"] == pytest.approx((1 + 0.5 + 0 + 1) / 4)
    assert figures["all"]["reader_contested"]["n"] == 2
    assert "| headline | 2 | 50.0% | 0.750 | 100.0% | 1.000 | 1 |" in ranking.table(figures)


def test_above_wants_the_first_found_and_ahead() -> None:
    assert ranking.above("a", "b", ["a", "b"])
    assert ranking.above("a", "b", ["c", "a"])
    assert not ranking.above("a", "b", ["b", "a"])
    assert not ranking.above("a", "b", ["b"])


def test_articles_from_lines_take_headline_and_body_and_leave_bylines() -> None:
    body = (
        "会议今天在北京举行，代表们听取并审议了工作报告，一致通过了决议，会议号召全体人员扎实工作。"
    )
    lines = [
        "全国公安边防会议召开",
        "加强海上治安管理",  # the rest of the headline stack
        "本报记者许立群",
        body,
        "短行",
        body,
        "另一个标题在这里",  # a body too short to be an article
        body,
        "第三个标题在这里",
        body,
        body,
    ]
    assert ranking.articles_from_lines(lines) == [
        ("全国公安边防会议召开", [body, body]),
        ("第三个标题在这里", [body, body]),
    ]


def test_queries_are_seeded_and_drawn_from_the_wanted_article() -> None:
    cut = ranking.segmenter()
    collection = docs()
    queries = ranking.make_queries(collection, 5, seed=7, cut=cut)
    assert queries == ranking.make_queries(collection, 5, seed=7, cut=cut)
    by_id = {d.id: d for d in collection}
    kinds = {q.kind for q in queries}
    assert kinds == {"headline", "phrase", "pair"}
    for q in queries:
        wanted = by_id[q.wanted]
        text = {"headline": wanted.headline}.get(q.kind, wanted.body)
        assert all(term in text for term in q.text.split()), q
        if q.kind == "phrase":
            assert 4 <= len(q.text) <= 8
        if q.kind == "pair":
            one, two = q.text.split()
            assert one not in two and two not in one


def test_baseline_ranks_by_words_and_misses_sub_words() -> None:
    baseline = ranking.Baseline(docs(), ranking.segmenter())
    assert baseline.search("管理工作", 10) == ["p/1998-01-01/01/2"]
    assert baseline.search("春耕 贷款", 10)[0] == "p/1998-01-01/01/4"
    assert baseline.search("理工", 10) == []  # 香港理工大学 is one precise-mode word
    assert len(baseline.search("经济发展", 3)) == 3
    texts = [ranking.fold(f"{d.headline}\n{d.body}") for d in docs()]
    assert ranking.matching(texts, "理工") == 2  # 管理工作 holds it too
    assert ranking.matching(texts, "经济 发展") == 7
