"""Issue 12 item 13 checked end to end: replace, re-import and Ctrl-C through `reader import`.

A 3-page issue is imported from one PDF; then a single page is replaced (`--page 2`),
a two-page PDF goes over pages 1-2, the same file again is a no-op, and an import
stopped by Ctrl-C leaves every page whole: its text, PDF and structure file all from
before or all from after, and no staging file behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfgen
import pytest

from reader.importing.importer import apply, plan_import
from reader.library import Library

ISSUE = "2024-05-06"
PARTS = (".txt", ".pdf", ".structure.json")


def reader(lib: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "READER_LIBRARY"}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(lib), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def pdfs(tmp_path: Path, pages: int = 3) -> tuple[Path, Path, Path]:
    """The issue as first filed, a two-page PDF of other pages, and one other page."""
    first = pdfgen.build_pdf(tmp_path / "first.pdf", pdfgen.tiny_pages(pages))
    other = pdfgen.tiny_pages(pages)
    for n, spec in enumerate(other, 1):
        spec.header = f"{n} 另一版 星期二"
    two = pdfgen.build_pdf(tmp_path / "two.pdf", other[:2])
    one = pdfgen.build_pdf(tmp_path / "one.pdf", other[1:2])
    return first, two, one


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def headers(folder: Path) -> list[str]:
    pages = sorted(folder.glob("*.txt"))
    return [p.read_text(encoding="utf-8").split("\n")[0].strip() for p in pages]


def test_replace_names_exactly_its_pages_and_the_same_file_is_a_no_op(tmp_path: Path) -> None:
    first, two, one = pdfs(tmp_path)
    lib = tmp_path / "lib"
    folder = lib / "p" / ISSUE
    done = reader(lib, "import", str(first), "--paper", "p", "--issue", ISSUE)
    assert (done.returncode, done.stdout) == (0, f"p/{ISSUE}: added pages 1, 2, 3\n")
    before = snapshot(folder)

    again = reader(lib, "import", str(first), "--paper", "p", "--issue", ISSUE)
    assert (again.returncode, again.stdout, again.stderr) == (
        0,
        f"p/{ISSUE}: unchanged pages 1, 2, 3\n",
        "",
    )
    assert snapshot(folder) == before

    refused = reader(lib, "import", str(one), "--paper", "p", "--issue", ISSUE, "--page", "2")
    assert refused.returncode == 2 and "use --replace" in refused.stderr
    assert snapshot(folder) == before

    args = ("import", str(one), "--paper", "p", "--issue", ISSUE, "--page", "2")
    page2 = reader(lib, *args, "--replace")
    assert (page2.returncode, page2.stdout) == (0, f"p/{ISSUE}: replaced page 2\n")
    assert headers(folder) == ["1 综合新闻 星期一", "2 另一版 星期二", "3 综合新闻 星期一"]
    for n in (1, 3):
        for part in PARTS:
            assert (folder / f"0{n}{part}").read_bytes() == before[f"0{n}{part}"]

    over = reader(lib, "import", str(two), "--paper", "p", "--issue", ISSUE, "--replace")
    # Page 2's text is the same, but its PDF page comes out of another file: replaced.
    assert (over.returncode, over.stdout) == (0, f"p/{ISSUE}: replaced pages 1, 2\n")
    assert headers(folder) == ["1 另一版 星期二", "2 另一版 星期二", "3 综合新闻 星期一"]
    listed = reader(lib, "list", "--json")
    assert '"pages": [1, 2, 3]' in listed.stdout

    back = reader(lib, "import", str(first), "--paper", "p", "--issue", ISSUE, "--replace")
    assert back.stdout == f"p/{ISSUE}: replaced pages 1, 2; unchanged page 3\n"
    assert snapshot(folder) == before


def _consistent(folder: Path, old: dict[str, bytes], pages: int) -> None:
    """Every page is whole: all of its files from before, or all from after."""
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]
    for n in range(1, pages + 1):
        files = [folder / f"{n:02d}{part}" for part in PARTS]
        there = [f.exists() for f in files]
        assert all(there) or not any(there), (n, there)
        if all(there):
            ages = {"old" if old.get(f.name) == f.read_bytes() else "new" for f in files}
            assert len(ages) == 1, (n, ages)


@pytest.fixture
def filed(tmp_path: Path) -> tuple[Library, Path, dict[str, bytes]]:
    first = pdfgen.build_pdf(tmp_path / "first.pdf", pdfgen.tiny_pages(3))
    lib = Library(tmp_path / "lib")
    apply(plan_import(lib, [first], paper="p", issue=ISSUE))
    other = pdfgen.tiny_pages(6)
    for n, spec in enumerate(other, 1):
        spec.header = f"{n} 另一版 星期二"
    big = pdfgen.build_pdf(tmp_path / "big.pdf", other)
    return lib, big, snapshot(lib.root / "p" / ISSUE)


def _ctrl_c_raises() -> None:
    """Ctrl-C as an interactive run has it (a test runner may ignore or catch it)."""
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals reach only the main thread")
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    _restore.append(previous)


_restore: list[Any] = []


@pytest.fixture(autouse=True)
def _put_back_ctrl_c() -> Iterator[None]:
    yield
    while _restore:
        signal.signal(signal.SIGINT, _restore.pop())


def _interrupt_after(monkeypatch: pytest.MonkeyPatch, name: str, calls: int) -> None:
    """Ctrl-C arrives right after the `calls`-th call of `os.<name>` in the importer."""
    _ctrl_c_raises()
    real = getattr(os, name)
    seen = [0]

    def hit(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)
        seen[0] += 1
        if seen[0] == calls:
            os.kill(os.getpid(), signal.SIGINT)
        return result

    monkeypatch.setattr(os, name, hit)


@pytest.mark.parametrize("calls", [1, 2, 4])
def test_ctrl_c_between_the_renames_leaves_every_page_whole(
    filed: tuple[Library, Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, calls: int
) -> None:
    lib, big, old = filed
    plan = plan_import(lib, [big], paper="p", issue=ISSUE, replace=True)
    _interrupt_after(monkeypatch, "replace", calls)
    with pytest.raises(KeyboardInterrupt):
        apply(plan)
    _consistent(lib.root / "p" / ISSUE, old, 6)


def test_ctrl_c_as_a_staging_file_is_made_leaves_none_behind(
    filed: tuple[Library, Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, big, old = filed
    plan = plan_import(lib, [big], paper="p", issue=ISSUE, replace=True)
    real = tempfile.mkstemp
    made = [0]

    def mkstemp(*, prefix: str, suffix: str, dir: Path) -> tuple[int, str]:
        result = real(prefix=prefix, suffix=suffix, dir=dir)
        made[0] += 1
        if made[0] == 3:
            os.kill(os.getpid(), signal.SIGINT)
        return result

    _ctrl_c_raises()
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    with pytest.raises(KeyboardInterrupt):
        apply(plan)
    assert snapshot(lib.root / "p" / ISSUE) == old


def _until_it_holds(proc: subprocess.Popen[str], folder: Path) -> None:
    """Wait until `proc` has `folder` open (or has ended), for at most a minute."""
    import time

    fds = Path(f"/proc/{proc.pid}/fd")
    want = str(folder.resolve())
    for _ in range(6000):
        if proc.poll() is not None:
            return  # ended already: a signal now lands on nothing
        try:
            if any(os.readlink(fd) == want for fd in fds.iterdir()):
                return
        except OSError:
            pass  # a descriptor closed while we looked (start-up closes many)
        time.sleep(0.01)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_ctrl_c_through_a_real_process_leaves_every_page_whole(
    filed: tuple[Library, Path, dict[str, bytes]],
) -> None:
    """Whenever it lands (before, during or after the writing), nothing is half there."""
    import time

    lib, big, old = filed
    folder = lib.root / "p" / ISSUE
    env = {k: v for k, v in os.environ.items() if k != "READER_LIBRARY"}
    command = [sys.executable, "-m", "reader", "--library", str(lib.root), "import", str(big)]
    command += ["--paper", "p", "--issue", ISSUE, "--replace"]
    for delay in (0.0, 0.15, 0.3, 0.6):
        proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        # From when the import holds the library (its lock is an open folder): a Ctrl-C
        # inside the interpreter's own start-up (0.2 s at load 30) is Python's, not ours.
        _until_it_holds(proc, lib.root)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 130, -signal.SIGINT), err
        assert "Traceback" not in err
        _consistent(folder, old, 6)
        # Put the issue back as it was for the next delay.
        for name in os.listdir(folder):
            (folder / name).unlink()
        for name, data in old.items():
            (folder / name).write_bytes(data)


# --- items 6-12 on pages a real engine sets --------------------------------------------

_FRONT = """
#block[#text(size: 44pt, weight: 900, font: "Noto Sans SC")[人民日报]]
#block[#set par(first-line-indent: 0pt); 1998年1月5日 星期一 第1版]
#line(length: 100%)
#grid(columns: (1fr, 1fr, 1fr), column-gutter: 12pt, [
#set par(first-line-indent: 0pt)
#text(size: 12pt)[市场监管部门回应群众关切]
#v(-4pt)
#text(size: 22pt, weight: 700)[举报过期食品被奖 2 毛]
#v(-4pt)
#text(size: 13pt)[——安全监管岂能搞侮辱性奖励]
#set par(first-line-indent: (amount: 2em, all: true))

本报记者 张三

近日，有市民向本报反映，他在超市发现过期食品后向有关部门举报，结果只得到了2毛钱的奖励。\
这位市民说：“这样的奖励，简直是一种侮辱——我们要的不是钱，而是一个说法。”

记者就此采访了市场监管部门的有关负责人。该负责人表示，奖励标准是1998年制定的，已经不适应\
当前的情况，将尽快修订，提高举报奖励的额度，鼓励群众参与食品安全监督。
], [
#set par(first-line-indent: 0pt)
#rect(width: 100%, height: 120pt, fill: luma(200))
图为在全国速滑锦标赛上，选手们奋力冲刺，小将再添一金。（本报记者 吴萍磊 摄）
#v(8pt)
#rect(width: 100%, height: 100pt, fill: luma(200))
村民们在新建的文化广场上跳起了秧歌，庆祝丰收。
#align(right)[受访者供图]
#v(8pt)
#rect(width: 100%, height: 100pt, fill: luma(200))
工人们正在紧张地安装新的生产线设备，力争早日投产。
#align(right)[新华社记者]
#align(right)[王伟 摄]
], [
#set par(first-line-indent: 0pt)
#text(size: 12pt)[菜篮子：十年巨变]
#set par(first-line-indent: (amount: 2em, all: true))

今年以来，全省共新建校舍120所，改造危房3.5万平方米，使10万名学生告别了危房。

省教育厅负责人说，下一步将继续加大投入，确保每一所学校都安全、明亮。
])
"""

_INNER = """
#block[#set par(first-line-indent: 0pt); 2 要闻 1998年1月6日 星期二 责任编辑：赵磊]
#line(length: 100%)
#grid(columns: (1fr,) * 5, column-gutter: 6pt, grid.cell(colspan: 4)[
#set par(first-line-indent: 0pt)
#text(size: 11pt)[新年伊始]
#v(-4pt)
#text(size: 24pt, weight: 700)[城乡居民餐桌十年巨变]
#set par(first-line-indent: (amount: 2em, all: true))
#columns(4, gutter: 6pt)[
“菜篮子”工程实施十年来，城乡居民的餐桌发生了巨大变化，肉、蛋、奶、水产品的人均占有量\
大幅增加，品种日益丰富，价格基本稳定。

据统计，1997年全国肉类总产量达到5800万吨，比十年前增长了一倍多；禽蛋产量2000万吨，\
居世界第一位。蔬菜、水果的供应也更加充足，“南菜北运”“北菜南调”的格局已经形成。

农业部负责人说，今后要在提高质量、增加效益上下功夫，让群众吃得放心、吃得满意。各地要\
加快建设批发市场，完善流通体系，减少中间环节，降低流通成本，使生产者和消费者都得到实惠。
]], [
#set par(first-line-indent: 0pt)
#text(size: 12pt, weight: 700)[京津冀联合治污]
#set par(first-line-indent: (amount: 2em, all: true))

三地环保部门日前签署协议，联合治理大气污染，建立信息共享机制。

#text(size: 12pt, weight: 700)[长江航运再创新高]

去年长江干线货运量突破七亿吨，比上年增长百分之九，创历史新高。
])
"""


def _typeset(body: str, path: Path) -> Path:
    typst = pytest.importorskip("typst")
    import typesetgen

    if not typesetgen.fonts_ready():
        pytest.skip("the Noto CJK fonts are not in the font cache")
    source = path.with_suffix(".typ")
    source.write_text(
        '#set page(width: 842pt, height: 1191pt, margin: 36pt)\n#set text(font: "Noto Serif SC",'
        ' size: 10pt, lang: "zh")\n#set par(justify: true, leading: 0.55em, spacing: 0.55em,'
        " first-line-indent: (amount: 2em, all: true))\n" + body.replace("\\\n", ""),
        encoding="utf-8",
    )
    path.write_bytes(typst.compile(str(source), font_paths=[str(typesetgen.FONT_DIR)]))
    return path


def _shown(lib: Path, page: str) -> Any:
    import json

    done = reader(lib, "show", f"p/{ISSUE}/{page}", "--format", "json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace())


def test_a_typst_front_page_gives_stack_captions_credits_and_header(tmp_path: Path) -> None:
    """Items 6, 7, 8, 10, 11, 12: a kicker in small type, a headline with a digit set
    off by spaces, a `——` subtitle and a dash in the body, captions with credits at the
    end of the sentence, on a line of its own, over two lines; masthead and date band."""
    pdf = _typeset(_FRONT, tmp_path / "front.pdf")
    lib = tmp_path / "lib"
    assert reader(lib, "import", str(pdf), "--paper", "p", "--issue", ISSUE).returncode == 0
    page = _shown(lib, "01")
    assert page["header"] == "人民日报 1998年1月5日 星期一 第1版"
    got = [
        {k: it[k] for k in ("kind", "kicker", "headline", "subtitle", "byline", "credit")}
        for it in page["items"]
    ]
    none = dict.fromkeys(("kicker", "headline", "subtitle", "byline", "credit"))
    assert got == [
        none | {"kind": "article", "kicker": "市场监管部门回应群众关切"}
        | {"headline": "举报过期食品被奖2毛", "subtitle": "——安全监管岂能搞侮辱性奖励"}
        | {"byline": "本报记者 张三"},
        none | {"kind": "caption", "credit": "（本报记者 吴萍磊 摄）"},
        none | {"kind": "caption", "credit": "受访者供图"},
        none | {"kind": "caption", "credit": "新华社记者 王伟 摄"},
        none | {"kind": "article", "headline": "菜篮子：十年巨变"},
    ]  # fmt: skip
    lead, first, *_, last = page["items"]
    assert [p[:4] for p in lead["paragraphs"]] == ["近日，有", "记者就此"]
    assert "侮辱——我们" in lead["paragraphs"][0]
    assert first["paragraphs"] == ["图为在全国速滑锦标赛上，选手们奋力冲刺，小将再添一金。"]
    assert [p[:4] for p in last["paragraphs"]] == ["今年以来", "省教育厅"]
    text = (lib / "p" / ISSUE / "01.txt").read_text(encoding="utf-8")
    source = _FRONT.replace("\\\n", "")
    for line in source.splitlines():  # every character set is in the page text
        if line and not any(mark in line for mark in "#[]"):
            assert _visible(line) in _visible(text), line


def test_a_typst_page_with_briefs_beside_a_lead_and_a_narrow_gutter(tmp_path: Path) -> None:
    """Item 9 (and 6): a 6 pt gutter that hung marks narrow further, squeezed quotes,
    full lines of 15-16 characters; the briefs column stays its own articles."""
    pdf = _typeset(_INNER, tmp_path / "inner.pdf")
    lib = tmp_path / "lib"
    assert reader(lib, "import", str(pdf), "--paper", "p", "--issue", ISSUE).returncode == 0
    page = _shown(lib, "01")
    assert page["header"] == "2 要闻 1998年1月6日 星期二 责任编辑：赵磊"
    items = page["items"]
    assert [(it["kicker"], it["headline"]) for it in items] == [
        ("新年伊始", "城乡居民餐桌十年巨变"),
        (None, "京津冀联合治污"),
        (None, "长江航运再创新高"),
    ]
    assert [p[:4] for p in items[0]["paragraphs"]] == ["“菜篮子", "据统计，", "农业部负"]
    assert [len(it["paragraphs"]) for it in items[1:]] == [1, 1]


_SECOND = """
#block[#set par(first-line-indent: 0pt); 3 经济 1998年1月7日 星期三 责任编辑：李明]
#line(length: 100%)
#grid(columns: (1fr, 1fr), column-gutter: 10pt, [
#set par(first-line-indent: 0pt)
#text(size: 22pt, weight: 700)[抢占市场制高点，靠的是不断进取精神]
#v(-4pt)
#text(size: 13pt)[一家老国企的新生之路]
#set par(first-line-indent: (amount: 2em, all: true))

本报记者 王伟 李明

这家有着四十年历史的老厂，曾经一度濒临倒闭。三年前，新的领导班子上任后，大胆改革，\
引进技术，开发新产品，企业很快走出了困境。

去年，工厂实现利税两千万元，产品远销东南亚。（王伟）
], [
#set par(first-line-indent: 0pt)
#rect(width: 100%, height: 120pt, fill: luma(200))
图为工人在检查新下线的产品质量。
#align(right)[本报记者 李明 摄]
#v(6pt)
#text(size: 16pt, weight: 700)[篇幅缩为1\uff0f6，适合中等文化程度读者]
#set par(first-line-indent: (amount: 2em, all: true))

一套新编的普及读本日前出版，篇幅缩为原书的六分之一，适合中等文化程度的读者阅读。
])
"""


def test_a_typst_caption_does_not_swallow_the_headline_under_it(tmp_path: Path) -> None:
    """Items 8 and 10: a subtitle in smaller type with no dash stays the subtitle, not a
    second headline; a caption starting 图为 with its credit below ends there, and the
    headline (with ，and digits) set under it in the same column starts a story."""
    pdf = _typeset(_SECOND, tmp_path / "second.pdf")
    lib = tmp_path / "lib"
    assert reader(lib, "import", str(pdf), "--paper", "p", "--issue", ISSUE).returncode == 0
    items = _shown(lib, "01")["items"]
    got = [(it["kind"], it["headline"], it["subtitle"], it["credit"]) for it in items]
    assert got == [
        ("article", "抢占市场制高点，靠的是不断进取精神", "一家老国企的新生之路", None),
        ("caption", None, None, "本报记者 李明 摄"),
        ("article", "篇幅缩为1\uff0f6，适合中等文化程度读者", None, None),
    ]
    assert items[0]["byline"] == "本报记者 王伟 李明"
    assert items[1]["paragraphs"] == ["图为工人在检查新下线的产品质量。"]
