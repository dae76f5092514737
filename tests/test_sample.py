"""The sample page comes out as DESIGN section 4 says."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Item, Page
from reader.parse.stories import parse_bytes

SAMPLE = Path(__file__).resolve().parent.parent / "issues" / "xuhui" / "sample" / "01.txt"
SEED = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "000_a36bbc4ab9243b78.txt"
)


@pytest.fixture(scope="module")
def page() -> Page:
    return parse_bytes(SAMPLE.read_bytes(), "xuhui", "sample", 1)


def by_headline(page: Page, headline: str) -> Item:
    return next(item for item in page.items if item.headline == headline)


def test_sample_is_the_seed_byte_for_byte() -> None:
    if not SEED.exists():
        pytest.skip("shared/seed is not beside this checkout")
    assert SAMPLE.read_bytes() == SEED.read_bytes()


def test_items_in_reading_order(page: Page) -> None:
    kinds = [item.kind for item in page.items]
    assert kinds == ["caption", "brief", "brief", "article", "article", "article"]
    assert [item.id for item in page.items] == [f"xuhui/sample/01/{n}" for n in range(1, 7)]


def test_photo_caption_and_its_credit(page: Page) -> None:
    caption = page.items[0]
    assert caption.credit == "通讯员 倪修龙 摄于 3 月 25 日"
    assert caption.paragraphs == (
        "早晨7点，当第一缕阳光探出地平线，徐汇滨江浩渺的江面上，"
        "船影如织，往来不绝，构成了一幅生动而繁忙的画卷。",
    )


def test_marked_brief(page: Page) -> None:
    brief = page.items[1]
    assert brief.marker == "□"
    assert brief.headline is None
    assert brief.paragraphs[0].startswith("3月21日，第40批跨国公司")
    assert brief.paragraphs[-1].endswith("副区长俞林伟出席仪式。")


def test_short_exclamation_is_its_own_item(page: Page) -> None:
    item = page.items[2]
    assert item.paragraphs == ("“俺老孙来也！”",)
    assert item.headline is None
    assert page.items[3].headline == "徐汇率先完成全国首批公共数据资源登记"


def test_data_registration_article(page: Page) -> None:
    item = by_headline(page, "徐汇率先完成全国首批公共数据资源登记")
    assert len(item.paragraphs) == 6
    assert item.source == "（来源：区数据局、区大数据中心）"
    assert item.paragraphs[0].startswith("近期，国家公共数据资源登记平台正式上线运行。")
    assert item.paragraphs[3].startswith("“数据登记不是简单备案，")
    assert "突破12.31PB，形成覆盖经济、" in item.paragraphs[3]
    assert item.derived_headline is None


def test_untitled_saic_article_gets_a_derived_headline(page: Page) -> None:
    item = page.items[4]
    assert item.kind == "article"
    assert item.headline is None
    assert len(item.paragraphs) == 3
    assert item.derived_headline == "徐汇区与上汽集团签订战略合作框架协议"
    assert item.paragraphs[1].startswith("仪式上，")
    assert item.paragraphs[2] == "徐汇区相关部门、上汽集团等相关负责人参加签约仪式。"


def test_polyu_article_with_its_headline_after_the_body(page: Page) -> None:
    item = by_headline(page, "徐汇区与香港理工大学签署合作意向书")
    assert item.subtitle == "共同开展产学研交流合作"
    assert len(item.paragraphs) == 6
    assert item.source == "（来源：区委统战部、区科委）"
    assert item.paragraphs[0].startswith("3月24日上午，上海市徐汇区人民政府与香港理工大学")
    assert item.paragraphs[3].startswith("徐汇区与香港理工大学合作意向书的签订，")
    assert item.paragraphs[4].startswith("国际未来挑战赛上海赛区")
    assert "人工智能+大健康" in item.paragraphs[4]


def test_spaces_next_to_cjk_are_dropped(page: Page) -> None:
    text = "".join(p for item in page.items for p in item.paragraphs)
    assert "早晨7点" in text
    assert "平线，徐汇" in text
    assert " " not in text
