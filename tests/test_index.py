"""The index API: updates by content hash, where the index lives, queries, filters, damage."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
from corpuslib import write_page

from reader.errors import ReaderError
from reader.library import Library
from reader.locations import bundled_sample, cache_dir
from reader.model import Item
from reader.parse.pages import load_item
from reader.search import engine as index
from reader.search import freshness as scan
from reader.search import pagetext, records, store

PAGE_ONE = ["本报讯 数据局今天成立，负责全市公共数据的统筹管理。", "另一段讲的是人民币汇率。"]
PAGE_TWO = ["市民可以在网上查询１９９８年的档案资料。", "图书馆开放时间延长到晚上九点。"]


def small_library(root: Path) -> Library:
    """Two papers, three issues with dates, a few pages."""
    for paper, name in (("alpha", "甲报"), ("beta", "乙报")):
        (root / paper).mkdir(parents=True)
        (root / paper / "paper.toml").write_text(f'name = "{name}"\n', encoding="utf-8")
    for paper, issue, day in (
        ("alpha", "1998-01-01", "1998-01-01"),
        ("alpha", "1998-01-02", "1998-01-02"),
        ("beta", "1998-01-02", "1998-01-02"),
    ):
        folder = root / paper / issue
        folder.mkdir()
        (folder / "issue.toml").write_text(f"date = {day}\n", encoding="utf-8")
        write_page(folder / "01.txt", PAGE_ONE)
        write_page(folder / "02.txt", PAGE_TWO)
    return Library(root)


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return small_library(tmp_path / "lib")


def ids(hits: list[index.Hit]) -> set[str]:
    return {hit.id for hit in hits}


def test_stored_records_have_the_fields_of_item(tmp_path: Path) -> None:
    assert records.Stored._fields == (*(f.name for f in fields(Item)), "header")
    items = [
        Item("p/i/01/1", "article", headline=None, derived_headline="导语", paragraphs=("正文",)),
        Item("p/i/01/2", "caption", paragraphs=("图片说明",) * 50, credit="张三 摄"),
        Item("p/i/01/3", "brief", headline="简讯", paragraphs=()),
    ]
    data = "第2版 要闻\n导语 正文\n图片说明\n张三 摄\n简讯\n".encode()
    page = tmp_path / "01.txt"
    page.write_bytes(data)
    blob = pagetext.encode(items, "第2版 要闻", data)
    place = records.Place("p", "P", "i", None, 1, 1, 1, blob, str(page))
    for n, item in enumerate(items, start=1):
        header = "第2版 要闻" if n == 1 else None
        assert records.page_item(place._replace(number=n)) == (
            *(getattr(item, f.name) for f in fields(Item)),
            header,
        )
    assert records.page_item(place).title == items[0].title == "导语"  # type: ignore[union-attr]
    assert records.page_item(place._replace(number=4)) is None
    assert records.page_items(place._replace(data=pagetext.encode([], None, data))) == []
    assert records.page_items(place) == [
        records.page_item(place._replace(number=n)) for n in (1, 2, 3)
    ]
    with pytest.raises(sqlite3.DatabaseError):
        records.page_item(place._replace(data=bytes(reversed(blob))))
    with pytest.raises(sqlite3.DatabaseError):
        records.page_items(place._replace(data=blob[:-3]))


def test_a_search_that_finds_the_index_fresh_loads_no_model_toml_or_json(lib: Library) -> None:
    settle(lib)
    index.update(lib)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reader.library import Library\n"
        "from reader.search import engine as index\n"
        f"assert index.search(Library(Path({str(lib.root)!r})), '档案')\n"
        "heavy = {'reader.model', 'dataclasses', 'reader.parse.stories', 'tomllib', 'json',"
        " 'rjieba', 'encodings.utf_32_le', 'bisect'}\n"
        "assert not heavy & set(sys.modules), heavy & set(sys.modules)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_index_lives_in_the_library_when_writable(lib: Library) -> None:
    stats = index.update(lib)
    assert stats.path == lib.root.resolve() / ".reader" / "index.sqlite"
    assert stats.path.exists()
    assert stats.indexed == 6
    assert index.update(lib).fresh


def test_bundled_sample_and_read_only_libraries_use_the_cache(tmp_path: Path, lib: Library) -> None:
    sample = Library(bundled_sample())
    path = store.index_path(sample)
    assert path.is_relative_to(cache_dir())
    assert index.search(sample, "公共数据")
    assert not (bundled_sample() / ".reader").exists()
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("root can write to read-only folders")
    os.chmod(lib.root, 0o555)
    try:
        assert store.index_path(lib).is_relative_to(cache_dir())
        assert index.search(lib, "档案")
        assert not (lib.root / ".reader").exists()
    finally:
        os.chmod(lib.root, 0o755)


def test_read_only_library_as_root_uses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = small_library(tmp_path / "ro")
    monkeypatch.setattr(store, "_writable", lambda folder: False)
    hits = index.search(lib, "档案")
    assert len(hits) == 3
    assert not (lib.root / ".reader").exists()
    assert any(cache_dir().rglob("index.sqlite"))


def test_only_changed_pages_are_segmented_again(lib: Library) -> None:
    index.update(lib)
    page = lib.root / "alpha" / "1998-01-02" / "02.txt"
    write_page(page, ["新的内容：档案馆搬家了，地址在江边。"])
    os.utime(lib.root / "beta" / "1998-01-02" / "01.txt")  # touched, same bytes
    stats = index.update(lib)
    assert (stats.indexed, stats.removed, stats.rebuilt) == (1, 0, False)
    assert "alpha/1998-01-02/02/1" in ids(index.search(lib, "搬家", update=False))
    assert "alpha/1998-01-02/02/1" not in ids(index.search(lib, "图书馆", update=False))
    (lib.root / "beta" / "1998-01-02" / "02.txt").unlink()
    shutil.rmtree(lib.root / "alpha" / "1998-01-01")
    stats = index.update(lib)
    assert stats.removed == 3
    assert ids(index.search(lib, "数据局")) == {"alpha/1998-01-02/01/1", "beta/1998-01-02/01/1"}
    assert index.update(lib, rebuild=True).rebuilt


def test_search_brings_a_stale_index_up_to_date(lib: Library) -> None:
    index.update(lib)
    write_page(lib.root / "beta" / "1998-01-02" / "03.txt", ["第三版有一条独家新闻。"])
    seen: list[tuple[int, int]] = []
    hits = index.search(lib, "独家", progress=lambda done, total: seen.append((done, total)))
    assert ids(hits) == {"beta/1998-01-02/03/1"}
    assert seen[-1] == (1, 1)


def settle(lib: Library) -> None:
    """Date every paper and issue folder an hour back, as if nothing changed lately."""
    past = time.time() - 3600
    for folder in [*lib.root.glob("*/"), *lib.root.glob("*/*/")]:
        os.utime(folder, (past, past))


def test_a_fresh_index_is_known_by_its_folder_times(
    lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    settle(lib)
    index.update(lib)
    updates: list[int] = []
    monkeypatch.setattr(index, "_refresh", lambda *args, **kw: updates.append(1))
    assert ids(index.search(lib, "图书馆")) == {
        "alpha/1998-01-01/02/2",
        "alpha/1998-01-02/02/2",
        "beta/1998-01-02/02/2",
    }
    assert updates == []  # the quick test passed: no update, no per-file scan


def test_a_page_added_to_an_old_issue_folder_is_found(lib: Library) -> None:
    settle(lib)
    index.update(lib)
    write_page(lib.root / "alpha" / "1998-01-01" / "03.txt", ["第三版有一条独家新闻。"])
    assert ids(index.search(lib, "独家")) == {"alpha/1998-01-01/03/1"}


def test_a_page_rewritten_in_place_is_found_by_reader_index(lib: Library) -> None:
    # The documented limit of the quick test: the folder's time does not move.
    settle(lib)
    index.update(lib)
    folder = lib.root / "beta" / "1998-01-02"
    before = folder.stat()
    with (folder / "02.txt").open("w", encoding="utf-8") as handle:
        handle.write("本报讯 动物园新来了两只熊猫。\n")
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert index.search(lib, "熊猫") == []
    assert index.update(lib).indexed == 1
    assert ids(index.search(lib, "熊猫")) == {"beta/1998-01-02/02/1"}


def test_hits_carry_the_paper_name_of_the_latest_paper_toml(lib: Library) -> None:
    settle(lib)
    assert {h.paper_name for h in index.search(lib, "档案")} == {"甲报", "乙报"}
    renamed = lib.root / "alpha" / "paper.toml.new"  # saved as editors do: a new file renamed
    renamed.write_text('name = "甲日报"\n', encoding="utf-8")
    renamed.replace(lib.root / "alpha" / "paper.toml")
    assert {h.paper_name for h in index.search(lib, "档案")} == {"甲日报", "乙报"}


def test_folders_that_just_changed_are_not_trusted(lib: Library) -> None:
    # Times come from a coarse clock: a second change in the same tick keeps the time.
    assert scan.folders(lib.root) == ""
    settle(lib)
    assert {"alpha", "1998-01-01"} <= {
        line.split(":")[0] for line in scan.folders(lib.root).split()
    }


def test_schema_mismatch_rebuilds_with_a_message(lib: Library) -> None:
    path = index.update(lib).path
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value='0' WHERE key='schema'")
    stats = index.update(lib)
    assert stats.rebuilt
    assert any("another version" in note for note in stats.notes)
    assert len(index.search(lib, "档案", update=False)) == 3


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty-header"])
def test_a_damaged_index_is_reported_and_rebuilt(lib: Library, damage: str) -> None:
    path = index.update(lib).path
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all" * 200)
    elif damage == "truncate":
        path.write_bytes(data[: len(data) // 2 + 100])
    else:
        path.write_bytes(b"\0" * len(data))
    with pytest.raises(store.IndexCorrupt):
        index.search(lib, "档案", update=False)
    stats = index.update(lib)
    assert stats.rebuilt and any("damaged" in note for note in stats.notes)
    assert len(index.search(lib, "档案", update=False)) == 3


def test_headline_hits_rank_above_body_hits(library: Path) -> None:
    hits = index.search(Library(library), "徐汇")
    in_headline = [h for h in hits if "headline" in h.spans]
    assert in_headline and len(in_headline) < len(hits)
    assert hits[: len(in_headline)] == in_headline


def test_query_language(lib: Library) -> None:
    every = {f"{p}/{i}/01/1" for p, i in (("alpha", "1998-01-01"), ("alpha", "1998-01-02"))}
    every.add("beta/1998-01-02/01/1")
    assert ids(index.search(lib, "数据 汇率")) == set()  # different items (paragraphs split)
    assert ids(index.search(lib, "数据局 统筹")) == every
    assert ids(index.search(lib, '"公共数据的统筹"')) == every
    # Page text keeps no space next to a CJK character; a phrase typed with one does
    # not either (it never matched anything: audit17).
    assert ids(index.search(lib, '"公共 数据"')) == every
    assert ids(index.search(lib, '"公共 统筹"')) == set()
    assert ids(index.search(lib, "数据 -成立")) == set()
    assert ids(index.search(lib, "人民")) == {h.rsplit("/", 1)[0] + "/2" for h in every}
    assert len(index.search(lib, "1998")) == 3  # printed full-width
    assert len(index.search(lib, "１９９８")) == 3
    assert len(index.search(lib, "馆")) == 3  # one character
    assert len(index.search(lib, "九点")) == 3  # at the end of a run


def test_field_restriction(library: Path) -> None:
    lib = Library(library)
    body = index.search(lib, "body:通讯员")
    caption = index.search(lib, "caption:倪修龙")
    assert caption and all(h.kind == "caption" for h in caption)
    assert not index.search(lib, "headline:倪修龙")
    assert {h.kind for h in body} <= {"article", "brief"}
    head = index.search(lib, "数据", field="headline")
    assert head and all("headline" in h.spans for h in head)


def test_filters(lib: Library) -> None:
    assert {h.paper for h in index.search(lib, "档案", paper="beta")} == {"beta"}
    hits = index.search(lib, "档案", paper="alpha", issue="1998-01-02", limit=None)
    assert ids(hits) == {"alpha/1998-01-02/02/1"}
    assert len(index.search(lib, "档案", issue="1998-01-02")) == 2
    assert {h.date for h in index.search(lib, "档案", since=date(1998, 1, 2))} == {"1998-01-02"}
    assert {h.date for h in index.search(lib, "档案", until=date(1998, 1, 1))} == {"1998-01-01"}
    assert {h.page for h in index.search(lib, "数据", page=2)} == set()
    assert len(index.search(lib, "数据", page=1, limit=2)) == 2


def test_hit_spans_and_snippet_agree_with_the_printed_text(lib: Library) -> None:
    (hit,) = index.search(lib, "1998", paper="beta")
    item = load_item(lib, hit.id)
    assert hit.headline == item.title
    for key, spans in hit.spans.items():
        text = item.paragraphs[int(key.split(".")[1])] if "." in key else getattr(item, key)
        assert all(text[s:e] == "１９９８" for s, e in spans)
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["１９９８"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "数据*",
        "^数据",
        "数据:",
        "12:30",
        "NEAR 数据",
        "数据 AND",
        "OR 数据",
        "数据 or 局",
    ],
)
def test_fts_syntax_is_searched_as_text(lib: Library, query: str) -> None:
    if query in ('"', "*"):
        with pytest.raises(ReaderError):
            index.search(lib, query)
        return
    for hit in index.search(lib, query, limit=None):
        text = str(load_item(lib, hit.id).to_dict()).lower()
        assert all(part.strip('"') in text for part in query.lower().split())


@pytest.mark.parametrize("query", ["foo:香港", "headline:", "数据 body:", "(数据", "数据)", "()"])
def test_unknown_fields_and_broken_groups_are_usage_errors(lib: Library, query: str) -> None:
    with pytest.raises(ReaderError) as caught:
        index.search(lib, query)
    assert "\n" not in caught.value.message
    if query.startswith("foo"):
        assert "'foo'" in caught.value.message and "headline, body" in caught.value.message


@pytest.mark.parametrize("query", ["", "   ", "，。！", "-数据", '""'])
def test_queries_with_nothing_to_find_are_errors(lib: Library, query: str) -> None:
    with pytest.raises(ReaderError):
        index.search(lib, query)


def test_overlong_queries_are_refused_and_long_ones_work(lib: Library) -> None:
    with pytest.raises(ReaderError, match="too long"):
        index.search(lib, "数据" * 300)
    long_term = "本报讯数据局今天成立负责全市公共数据的统筹管理" * 8
    assert index.search(lib, long_term) == []
    assert len(index.search(lib, " ".join(["数据局"] * 100))) == 3


def test_jieba_fallback_keeps_its_cache_under_the_user_cache_dir() -> None:
    from reader.search import segmenter as segment

    name, _, _ = segment._jieba()
    import jieba

    assert name.startswith("jieba ")
    assert Path(jieba.dt.tmp_dir).is_relative_to(cache_dir())


def test_a_new_issue_date_needs_no_segmenting(lib: Library) -> None:
    index.update(lib)
    toml = lib.root / "beta" / "1998-01-02" / "issue.toml"
    toml.write_text("date = 1997-12-31\n", encoding="utf-8")
    stats = index.update(lib)
    assert (stats.fresh, stats.indexed) == (False, 0)
    (hit,) = index.search(lib, "档案", paper="beta")
    assert hit.date == "1997-12-31"
    assert {h.paper for h in index.search(lib, "档案", until=date(1997, 12, 31))} == {"beta"}
