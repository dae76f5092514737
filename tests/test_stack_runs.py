"""A wrapped headline's last characters and its subtitle on one extracted line (issue 12).

PDFium writes runs whose boxes overlap in height as one line; on Chromium's prints
(bench/chromegen.py) a headline's stub and the `——` subtitle beside it below come
out as `臣——安南夫妇话虎年`. The stub ends the wrap when the line above runs on
into it (a bracket, a comma, a word broken); a subtitle of the corpus's own that
starts with a short name (`李宁牌———…`) stays whole.
"""

from __future__ import annotations

from reader.parse.stacks import split_stack
from reader.parse.stories import parse_text


def test_a_stub_and_the_subtitle_on_one_line_are_split() -> None:
    assert split_stack(["王振昌小康功", "臣——安南夫妇话虎年"]) == (
        None,
        "王振昌小康功臣",
        "——安南夫妇话虎年",
    )
    assert split_stack(["市委书记开“后", "门”——王兆国就第九届全国政"])[1:] == (
        "市委书记开“后门”",
        "——王兆国就第九届全国政",
    )


def test_a_subtitle_that_starts_with_a_short_name_stays_whole() -> None:
    # 议|李 is no broken word: the corpus's subtitle.
    stack = ["全国政协举行第五十一次主席会议", "李宁牌———中国体育用品第一品牌"]
    assert split_stack(stack) == (None, stack[0], stack[1])


def test_the_split_stack_loses_no_character_on_a_page() -> None:
    lines = ["惕。", "新华社记者 袁燕建", "摄于1月22日", "王振昌小康功", "臣 ——安南夫妇话虎年"]
    lines += ["会上，曾庆红传达了江泽", "民同志在中央纪委二次全会上", "的重要讲话精神。"]
    item = parse_text("\n".join(lines)).items[-1]
    assert (item.headline, item.subtitle) == ("王振昌小康功臣", "——安南夫妇话虎年")
    assert item.paragraphs[0].startswith("会上，曾庆红")


def test_a_quoted_headline_and_its_subtitle_a_space_apart_are_two_lines() -> None:
    # The gap split (`stories.split_gaps`) takes a run that ends in a closing mark
    # too when dashes follow the space: `“那么多钱，能负担吗？” ——也不过是…`.
    lines = ["“那么多钱，能负担吗？” ——也不过是孤零零一根羽毛", "事后，老李对『晾在一边』的"]
    lines += ["我说：『老百姓上来办次事不易", "呀，手上的农活多，路又远，没要", "紧的事也不会来。"]
    item = parse_text("\n".join(lines)).items[0]
    assert (item.headline, item.subtitle) == ("“那么多钱，能负担吗？”", "——也不过是孤零零一根羽毛")


def test_a_closing_mark_before_a_space_in_body_text_splits_nothing() -> None:
    lines = ["他说：“好！” 这是我们", "的心里话，也是大家的心愿。"]
    page = parse_text("\n".join(["本报记者 邓勇", *lines]))
    assert page.items[0].paragraphs == ("他说：“好！”这是我们的心里话，也是大家的心愿。",)


def test_a_number_or_latin_name_broken_across_stack_lines_is_a_wrap() -> None:
    from reader.parse.stacks import sure

    assert sure("送票子出点子树样子安徽４", "０万人摆脱贫困") is True
    assert sure("雅戈尔西服通过了ＩＳＯ", "９０００国际质量体系认证") is True
    assert sure("迎接新世纪", "１９９８年经济展望") is None  # an ideograph before the digits
    kicker, headline, _ = split_stack(["送票子出点子树样子安徽４", "０万人摆脱贫困"])
    assert (kicker, headline) == (None, "送票子出点子树样子安徽４０万人摆脱贫困")


def test_a_word_broken_across_two_stack_lines_shows_the_page_wraps() -> None:
    # 招|商 is held together in the corpus's body text (PMI 3 or more): the page
    # wraps its headlines, and the wrap model then joins the two lines.
    from reader.parse.stacks import wraps_seen

    assert wraps_seen(["福州开通两条招", "商信息热线"])
    assert not wraps_seen(["全国政协举行第五十一次主席会议", "李宁牌中国体育用品第一品牌"])
    lines = ["十八岁的儿子阿旺甘丹（左）", "又同时被群众推选为人大代", "表。（新华社发）"]
    lines += ["福州开通两条招", "商信息热线", "本报记者 高海", "本报福州１月５日讯　福州市"]
    lines += ["近日开通两条招商信息热线，为", "海内外客商提供投资咨询服务。"]
    assert parse_text("\n".join(lines)).items[-1].headline == "福州开通两条招商信息热线"
