"""A page's index tokens made in one pass equal those made field by field, column by column.

`segmenter.page_tokens` cuts a page's columns in one segmenter call and bigrams them
in one row; the search and the ranking rest on exactly which tokens the index gets,
so these tests hold it to the plain way of making them: group the fields through
`reader.fields`, fold and cut each column alone, and take the bigrams of each column.
"""

from __future__ import annotations

import random
import re
import sqlite3
from collections.abc import Callable
from itertools import pairwise

import pytest
from corpuslib import corpus_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.fields import field_group, item_fields
from reader.model import Item
from reader.parse.stories import parse_text
from reader.search import segmenter, store
from reader.search.folding import fold
from reader.search.segmenter import page_tokens, parts, words
from reader.search.tokens import COLUMNS, GROUP_COLUMN, column_fields, gram_row, grams


def reference(items: list[Item], header: str | None) -> tuple[list[str], list[tuple[str, ...]]]:
    """The tokens as made before the one-pass version: each column on its own."""
    bigrams: list[str] = []
    rows: list[tuple[str, ...]] = []
    for n, item in enumerate(items):
        texts: dict[str, list[str]] = {column: [] for column in COLUMNS}
        if header and n == 0:
            texts["header"].append(header)
        for key, text in item_fields(item):
            group = field_group(item, key)
            if group is not None:
                texts[GROUP_COLUMN[group]].append(text)
        folded = [fold("\n".join(parts)) for parts in texts.values()]
        found = [words(text) if text else [] for text in folded]
        head, body, caption, meta, top = (" ".join(ws) for ws in found)
        inside = dict.fromkeys(p for ws in found for w in dict.fromkeys(ws) for p in parts(w))
        bigrams.extend(grams("\n".join(folded)))
        bigrams.extend(seams(item))
        rows.append((head, body, caption, meta, " ".join(inside), top))
    return bigrams, rows


def seams(item: Item) -> list[str]:
    """The bigrams across the fields of an item as printed one after another: the headline
    stack, and apart from it the byline, paragraphs, source, credit, each folded; none
    between two ASCII letters or digits (a space joins them) nor beside a mark."""
    out = []
    body = [item.byline, *item.paragraphs, item.source, item.credit]
    for texts in ([item.kicker, item.headline, item.subtitle], body):  # two chains, apart
        folded = [fold(text) for text in texts if text]
        folded = [text for text in folded if text]
        for before, after in pairwise(folded):
            pair = before[-1] + after[0]
            if (pair.isascii() and pair.isalnum()) or not re.fullmatch(r"[^\W_]{2}", pair):
                continue
            out.append(pair)
    return out


def check(items: list[Item], header: str | None) -> None:
    row, rows = page_tokens(items, header)
    bigrams, expected = reference(items, header)
    assert rows == expected
    # each as often as in the text; each once in a page of more than one chunk
    assert sorted(row.split()) in (sorted(bigrams), sorted(set(bigrams)))


def test_corpus_pages_give_the_tokens_of_cutting_column_by_column() -> None:
    lines = corpus_lines(1200)
    for at in range(0, len(lines), 80):
        text = "".join(f" {line}\n" for line in lines[at : at + 80])
        page = parse_text(text, "p", "i", 1)
        assert page.items
        check(list(page.items), "2 要闻 1998年1月1日 星期四")


def test_a_page_cut_in_chunks_gives_the_same_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    # A page of megabytes is cut a chunk of items at a time (its lists stay small).
    lines = corpus_lines(160)
    page = parse_text("".join(f" {line}\n" for line in lines), "p", "i", 1)
    whole = page_tokens(list(page.items), "要闻")
    for chunk in (1, 100, 2000):
        monkeypatch.setattr(segmenter, "_CHUNK", chunk)
        row, rows = page_tokens(list(page.items), "要闻")
        assert rows == whole[1] and set(row.split()) == set(whole[0].split())
        if chunk < 2000:  # more than one chunk: each bigram once
            assert len(row.split()) == len(set(row.split()))
    check(list(page.items), "要闻")


def test_every_kind_of_field_lands_in_its_column() -> None:
    credit = "新华社记者 王方摄"
    items = [
        Item(
            id="p/i/01/1",
            kind="article",
            kicker="迎接新世纪——",
            headline="香港理工大学 與 上海市政府 簽約",
            subtitle="——共同开展产学研交流合作",
            derived_headline="不入索引的标题",
            paragraphs=("管理工作 数据 １９９８年 \uff21\uff22 Straße", "", "大学生在上海市学习"),
            byline="本报记者 张三",
            source="（来源：新华社）",
            credit=credit,
            marker="□",
        ),
        Item(id="p/i/01/2", kind="caption", credit=credit, paragraphs=("图为人民币汇率",)),
        Item(id="p/i/01/3", kind="caption", paragraphs=("只有说明",)),
        Item(id="p/i/01/4", kind="caption", credit=credit),
        Item(id="p/i/01/5", kind="brief"),
    ]
    check(items, "4 经济 责任编辑 李四")
    check(items, None)
    # column_fields groups as reader.fields does (the derived headline in none)
    for item in items:
        grouped: dict[str, list[str]] = {column: [] for column in COLUMNS}
        for key, text in item_fields(item):
            group = field_group(item, key)
            if group is not None:
                grouped[GROUP_COLUMN[group]].append(text)
        assert column_fields(item) == tuple("\n".join(texts) for texts in grouped.values())


def test_text_holding_the_separator_or_odd_characters_is_cut_column_by_column() -> None:
    odd = [
        "经济\v改革\v\v开放",  # the separator itself, in the text
        "e\u0301te\u0301 café 한국어 \u1100\u1161\u11a8",  # combining marks and jamo
        "\r\n经济\r改革\t人民 \x00 数据\x1c香港",
        "數據 𠀋𝄞 ㍻ ㈠ ﬁ",
    ]
    for text in odd:
        items = [
            Item(id="p/i/01/1", kind="article", headline=text, paragraphs=(text, "上海市")),
            Item(id="p/i/01/2", kind="caption", credit=text, paragraphs=(text,)),
        ]
        check(items, text)


texts = st.lists(
    st.one_of(
        st.sampled_from(["经济", "人民币", "香港回归", "管理工作", "上海市", " ", "\n", "\v"]),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40),
        st.characters(codec="utf-8", exclude_characters="\x00"),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(texts, texts, texts, st.booleans()), max_size=4), texts)
def test_any_page_gives_the_tokens_of_cutting_column_by_column(
    fields: list[tuple[str, str, str, bool]], header: str
) -> None:
    items = [
        Item(
            id=f"p/i/01/{n}",
            kind="caption" if caption else "article",
            headline=head or None,
            paragraphs=(body,),
            credit=meta or None,
        )
        for n, (head, body, meta, caption) in enumerate(fields, start=1)
    ]
    check(items, header or None)


def test_the_bigram_row_in_any_order_is_the_same_index() -> None:
    # The row is a set in no fixed order (hash order differs between processes): the
    # bigram table, without positions, is the same bytes whatever the order, and a
    # delete in another order removes the row.
    lines = corpus_lines(400)
    rows: list[tuple[int, list[str]]] = []
    for n, at in enumerate(range(0, len(lines), 40)):
        page = parse_text("".join(f" {line}\n" for line in lines[at : at + 40]), "p", "i", 1)
        rows.append((n * 50 + 1, page_tokens(list(page.items), None)[0].split()))

    def table(seed: int | None, delete: int = 0) -> list[tuple[int, bytes]]:
        shuffle = random.Random(seed).shuffle if seed is not None else sorted
        conn = sqlite3.connect(":memory:")
        conn.execute(store.GRAMS_TABLE)
        for sql, chosen in ((store.INSERT_GRAMS, rows), (store.DELETE_GRAMS, rows[:delete])):
            for rowid, tokens in chosen:
                order = list(tokens)
                if seed is not None:
                    shuffle(order)
                else:
                    order = sorted(order)
                conn.execute(sql, (rowid, " ".join(order)))
        conn.execute("INSERT INTO grams(grams) VALUES('optimize')")
        found = conn.execute("SELECT id, block FROM grams_data ORDER BY id").fetchall()
        if delete:
            kept = {r for (r,) in conn.execute("SELECT rowid FROM grams('经济 OR 人民')")}
            assert kept and kept.isdisjoint(rowid for rowid, _ in rows[:delete])
        return found

    assert table(None) == table(1) == table(2)
    assert table(None, delete=4) == table(3, delete=4)


def test_a_bigram_row_with_repeats_is_the_index_of_each_once() -> None:
    # `gram_row` keeps a run's bigrams in order, repeats and all (no string a bigram):
    # without positions FTS5 writes each token of a row once, so the table's segments
    # and structure are the bytes of the set; only the averages record (id 1, the
    # tokens inserted, which nothing reads) counts the repeats. A delete of the row
    # as written removes it.
    lines = corpus_lines(400)
    texts = ["\n".join(lines[at : at + 40]) for at in range(0, len(lines), 40)]
    rows = [(n * 50 + 1, fold(text)) for n, text in enumerate(texts)]

    def table(make: Callable[[str], str], delete: int) -> list[tuple[int, bytes]]:
        conn = sqlite3.connect(":memory:")
        conn.execute(store.GRAMS_TABLE)
        for sql, chosen in ((store.INSERT_GRAMS, rows), (store.DELETE_GRAMS, rows[:delete])):
            for rowid, text in chosen:
                conn.execute(sql, (rowid, make(text)))
        conn.commit()
        found = conn.execute("SELECT id, block FROM grams_data WHERE id != 1 ORDER BY id")
        return found.fetchall()

    def each_once(text: str) -> str:
        return " ".join(sorted(set(grams(text))))

    for _, text in rows:
        assert sorted(gram_row(text).split()) == sorted(grams(text))
    for delete in (0, 3):
        assert table(gram_row, delete) == table(each_once, delete)
    assert gram_row("经济，发展 a1b _x_ 港") == "经济 济  发展 展  a1 1b b  x  港  "
    assert gram_row("，。 _") == gram_row("") == ""
    assert gram_row("𠀋𝄞数") == "𠀋  数  "  # outside the BMP too (𝄞 is no letter)
