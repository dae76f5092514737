"""Every word the reader's interface says, in English and in Chinese: one table per language.

The language follows `ui_language` in config.toml, else the locale (`LC_ALL`,
`LC_MESSAGES`, `LANG`, the first one set): Chinese under `zh_*`, else English.
Page text is never translated; only the reader's own words are.
"""

from __future__ import annotations

from collections.abc import Mapping


class English:
    """The reader's words in English; `{}` fields are filled with `format`."""

    language = "en"
    pages = "Pages"
    headlines = "Headlines"
    article = "Article"
    captions = "Captions"
    page_of = "page {index} of {total}"
    hint = "{help} help  {search} search  {quit} quit"
    loading = "Loading…"
    reading_issue = "Reading {issue}: {pages} pages, {size} MB not read before… (Esc stops)"
    reading_stopped = "Stopped reading {issue}."
    empty_library = "No issues in this library yet. Add page files with `reader import`."
    no_item = "No item on this page."
    no_captions = "No photo captions on this page."
    first_page = "This is the first page."
    last_page = "This is the last page."
    no_earlier_issue = "No earlier issue."
    no_later_issue = "No later issue."
    issue_start = "The start of the issue."
    issue_end = "The end of the issue: {key} opens the next one."
    no_match = "No issue matches {text!r}."
    no_watch_words = "No watch-words: use --highlight 词,词 or `highlight = [...]` in the config."
    watch_now = "Watch-words {state}: {words}"
    watch_on = "watch on"
    watch_off = "watch off"
    on = "on"
    off = "off"
    hit_status = "Hit {counter} for {query}"
    no_search = "No search hits: press {key} to search this issue."
    search_cleared = "Search cleared."
    searching = "Searching {query}…"
    updating_index = "Updating the search index…"
    count = "Count {count}: a move repeats {count} times; g opens page {count}."
    no_such_page = "There is no page {page} in this issue."
    not_saved = "Your place cannot be saved: {folder} is not writable (see READER_DATA_DIR)."
    hits_for = "{count} {noun} for {query}"
    no_hits_status = "No hits."
    hits_count = "{count} {noun}"
    no_hits = "no hits"
    searching_counter = "searching…"
    building_counter = "building the index…"
    search_placeholder = "search this issue"
    goto_prompt = "Go to issue (2025-03-28, a key, or another paper's: rmrb 1998-01-05):"
    item_id = "Id: {id}"
    item_of = "{number} of {total}"
    kinds: Mapping[str, str] = {"article": "article", "caption": "photo caption", "brief": "brief"}
    help_title = "reader: keys"
    help_marks = "In the lists and panes"
    keys_help: Mapping[str, str] = {
        "move": "move in a list, scroll the article",
        "enter": "open the page, item or search hit",
        "tab": "next / previous pane",
        "count": "a count: the next move goes that far (3J); 5g: page 5",
        "read_on": "read on: page down, then the next item, the next page",
        "read_back": "read back the same way",
        "next_article": "next article (across pages), from its top",
        "previous_article": "previous article (across pages)",
        "next_page": "next page, at its lead story",
        "previous_page": "previous page",
        "next_issue": "next issue of this paper",
        "previous_issue": "previous issue of this paper",
        "goto": "go to an issue by date or key; rmrb 1998-01-05: another paper's",
        "search": "search this issue",
        "next_hit": "next search hit (counted 3/12)",
        "previous_hit": "previous search hit",
        "escape": "close the search or a dialog; again: clear the search",
        "contents": "show / hide the headlines (narrow terminals)",
        "show_id": "show the item's id",
        "watch": "watch-words on / off",
        "theme": "dark / light theme (remembered)",
        "scroll": "scroll a pane by a screen, to its top / bottom",
        "help": "this help",
        "suspend": "suspend to the shell (fg comes back)",
        "quit": "quit; the position is remembered",
        "mouse": "click a page or headline; the wheel scrolls",
    }
    legend: tuple[tuple[str, str], ...] = (
        ("图", "a photo caption"),
        ("讯", "a brief"),
        ("〔…〕", "no printed headline: made from the lead"),
        ("watch-words", "green, bold, underlined"),
        ("search hits", "on amber; the current hit on solid amber"),
    )


class Chinese(English):
    """The reader's words in Chinese."""

    language = "zh"
    pages = "版面"
    headlines = "标题"
    article = "正文"
    captions = "图片说明"
    page_of = "共{total}版"
    hint = "{help} 帮助  {search} 搜索  {quit} 退出"
    loading = "正在打开…"
    reading_issue = "正在读取 {issue}：{pages} 版，{size} MB 未曾读过…（Esc 停止）"
    reading_stopped = "已停止读取 {issue}。"
    empty_library = "书库里还没有报纸：用 `reader import` 添加版面文件。"
    no_item = "本版没有文章。"
    no_captions = "本版没有图片说明。"
    first_page = "已是第一版。"
    last_page = "已是最后一版。"
    no_earlier_issue = "没有更早的一期。"
    no_later_issue = "没有更晚的一期。"
    issue_start = "已到本期开头。"
    issue_end = "本期已读完：按 {key} 打开下一期。"
    no_match = "没有与 {text} 相符的一期。"
    no_watch_words = "没有关注词：用 --highlight 词,词 或在配置里写 highlight = [...]。"
    watch_now = "关注词{state}：{words}"
    watch_on = "关注词开"
    watch_off = "关注词关"
    on = "已开"
    off = "已关"
    hit_status = "{query}：第 {counter} 处"
    no_search = "没有搜索结果：按 {key} 搜索本期。"
    search_cleared = "已清除搜索。"
    searching = "正在搜索 {query}…"
    updating_index = "正在更新搜索索引…"
    count = "计数 {count}：下一步移动重复 {count} 次；g 打开第{count}版"
    no_such_page = "本期没有第{page}版。"
    not_saved = "无法保存阅读位置：{folder} 不可写（可用 READER_DATA_DIR 另指）。"
    hits_for = "{query}：共 {count} 处"
    no_hits_status = "没有找到。"
    hits_count = "{count} 处"
    no_hits = "无结果"
    searching_counter = "搜索中…"
    building_counter = "正在建立索引…"
    search_placeholder = "搜索本期"
    goto_prompt = "转到某一期（日期如 2025-03-28、期号，或他报的：rmrb 1998-01-05）："
    item_id = "编号：{id}"
    item_of = "第{number}篇，共{total}篇"
    kinds: Mapping[str, str] = {"article": "文章", "caption": "图片说明", "brief": "简讯"}
    help_title = "reader：按键"
    help_marks = "列表与窗格中"
    keys_help: Mapping[str, str] = {
        "move": "在列表中移动，滚动正文",
        "enter": "打开所选的版、文章或搜索结果",
        "tab": "下一个 / 上一个窗格",
        "count": "先按数字：下一步移动这么多（3J）；5g：第5版",
        "read_on": "往下读：翻一屏，读完打开下一篇、下一版",
        "read_back": "同样往回读",
        "next_article": "下一篇（可跨版），从头读",
        "previous_article": "上一篇（可跨版）",
        "next_page": "下一版，停在头条",
        "previous_page": "上一版",
        "next_issue": "本报下一期",
        "previous_issue": "本报上一期",
        "goto": "按日期或期号转到某一期；rmrb 1998-01-05：他报的一期",
        "search": "搜索本期",
        "next_hit": "下一处搜索结果（计数如 3/12）",
        "previous_hit": "上一处搜索结果",
        "escape": "关闭搜索或对话框；再按一次清除搜索",
        "contents": "显示 / 隐藏标题列表（窄终端）",
        "show_id": "显示本篇编号",
        "watch": "关注词高亮开 / 关",
        "theme": "深色 / 浅色主题（会记住）",
        "scroll": "窗格翻一屏，到顶 / 到底",
        "help": "本帮助",
        "suspend": "挂起到 shell（fg 回来）",
        "quit": "退出；会记住读到哪里",
        "mouse": "点击版面或标题；滚轮滚动",
    }
    legend: tuple[tuple[str, str], ...] = (
        ("图", "图片说明"),
        ("讯", "简讯"),
        ("〔…〕", "原文无标题：取自导语"),
        ("关注词", "绿色、粗体、下划线"),
        ("搜索结果", "琥珀色底；当前一处为实底"),
    )


Labels = type[English]
LANGUAGES: Mapping[str, Labels] = {"en": English, "zh": Chinese}
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def language(setting: str | None, env: Mapping[str, str]) -> str:
    """`zh` or `en`: the config's `ui_language` if set, else the locale's language."""
    if setting is not None and setting in LANGUAGES:
        return setting
    locale = next((env[name] for name in _LOCALE_VARIABLES if env.get(name)), "")
    return "zh" if locale.lower().startswith("zh") else "en"


def labels_for(setting: str | None, env: Mapping[str, str]) -> Labels:
    """The table of words for the configured or the locale's language."""
    return LANGUAGES[language(setting, env)]
