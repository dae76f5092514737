"""The 1998 corpus cut into whole articles as printed (issue 12, round 14).

Every other generator mixes a pool of head-like lines with a pool of bodies, so a
headline never belongs to its body. Here each story is one article of the corpus
(`pd199801.txt`, one paragraph a line, no article boundaries) with its own head lines,
its byline, every paragraph and its pictures' captions and credits. The rules below
were written from reading the corpus, not from the parser:

1. A line is a *head line* when it holds at most 40 characters and does not end in
   closing punctuation (`。！？”」）…：；，、` and their half-width forms). Every other
   line is a paragraph, except a *credit line* (the whole line one bracket ending in
   `摄`, `供图` or `照片`: `（新华社记者樊如钧摄）`, `（传真照片）`) and a *note*
   (`（附图片１张）`, `（图片）`, `图片：`), which a page does not print and which is
   dropped; a note at the end of a head line is cut off it.
2. An article starts at a head line that follows a paragraph or a credit line (or the
   file's start); its head lines run to the first paragraph, its body to the next
   article's first head line. A sub-head inside a long article cannot be told from a
   new headline: it starts an article of its own (a numbered one is left out, rule 6).
3. The last head line is the byline when it starts with a reporter's or desk's title
   (`本报记者`, `新华社记者`, `本报评论员`, `记者`, `通讯员`, ...) or is a name of at most six
   CJK characters under a longer line, or of two to four under any (an author under a
   commentary: `毕淑敏`) unless the line above ends with a verb of saying (rule 4), or a
   post and a name (`中国工商银行行长刘廷焕`), or writer and photographer (a name, a
   full-width slash and `文`, another name, a slash and `摄`). A dateline run into the lead
   paragraph (`本报北京１月１日讯…`) stays in the paragraph, as the corpus prints it.
4. The roles of the remaining head lines (one to three; more makes no story):
   - one line: the headline; a line `A——B` (the corpus joins a subtitle to its
     headline) is headline `A` over subtitle `——B`;
   - a line starting with `——` is the subtitle; three lines are kicker, headline,
     subtitle;
   - of two lines, the first is a kicker when it ends with a verb of saying
     (`强调`, `指出`, `表示`, `说`, ...) or `：`, or is longer than the second (the headline,
     in the largest type, holds the fewest characters); else the second is a subtitle.
5. A paragraph followed by a credit line, or ending in a bracketed credit
   (`…。（本报记者林皎明摄）`), is a picture's caption: a caption item of its own. An
   article whose body is one caption and whose headline ended in `（图片）` is a
   picture story: the caption item carries the headline.
6. Articles the page cannot show as one story are left out: more than three head lines
   (lists, tables, verse), two captions
   under one headline, a byline title anywhere but last in the stack, a body of fewer
   than 60 characters (a decree's number, a table's note), a numbered caption or head
   line (`２：…`, `九、侦查终结`: one of a group, a section of a longer text), a headline
   of fewer than two ideographs (`３`, full-width asterisks: a break in an essay) or a date
   (`１９９５年２月`: an essay's closing line; `１９９８年第一期` under a journal's name)
   or an order's number (`第９４号`).

`load()` caches the articles of the corpus; `Article.items()` gives their truth in
the shape of `typesetgen.Item`.

    python bench/wholecorpus.py   # counts, and a few articles
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import typesetgen  # noqa: E402

CORPUS = typesetgen.CORPUS
HEAD_MAX = 40
MIN_BODY = 60  # characters: a decree's number or a table's note is no story
_CLOSING = "。！？”」』）\uff3d…：；，、.!?:;,)]"
_CREDIT = re.compile(r"^（[^（）]{1,30}(摄|供图|照片)）$")
_CREDIT_TAIL = re.compile(r"^(.+[。！？”])(（[^（）]{1,30}(摄|供图|照片)）)$")
_NOTE = re.compile(r"^(（(附)?图片[０-９0-9]*张?）|（附图）|图片：?)$")
_NOTE_TAIL = re.compile(r"（(附)?图片[０-９0-9]*张?）$|（附图）$")
_PICTURE_TAIL = re.compile(r"（图片）$")
_TITLES = (
    "本报记者",
    "新华社记者",
    "本报评论员",
    "本报特约评论员",
    "本报驻",
    "新华社驻",
    "本报通讯员",
    "通讯员",
    "记者",
    "特约记者",
)
_SAYING = ("强调", "指出", "表示", "说", "要求", "希望", "提出", "认为", "呼吁", "宣布", "称")
_ENUM = re.compile(r"^[０-９0-9一二三四五六七八九十]+[、：:．.]")
_POST_NAME = re.compile(r"(长|员|授|席|理|书记|主任)[\u4e00-\u9fff·]{2,3}$")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_DATE = re.compile(r"^([０-９0-9]+年[^，。]{0,6}|第[０-９0-9]+号)$")
_CJK = re.compile(r"^[\u4e00-\u9fff·]+$")


@dataclass(frozen=True)
class Photo:
    caption: str
    credit: str
    inline: bool  # the credit run on at the caption's end (else a line of its own)
    headline: str | None = None


@dataclass(frozen=True)
class Article:
    """One article as printed: its stack, byline, paragraphs and pictures."""

    kicker: str | None
    headline: str
    subtitle: str | None
    byline: str | None
    paragraphs: tuple[str, ...]
    photos: tuple[Photo, ...] = ()

    def size(self) -> int:
        return sum(len(p) for p in self.paragraphs) + sum(len(p.caption) for p in self.photos)

    def items(self) -> list[typesetgen.Item]:
        """The truth: the story (if it has a body), then its pictures' captions."""
        out = []
        if self.paragraphs:
            out.append(
                typesetgen.Item(
                    kicker=self.kicker,
                    headline=self.headline,
                    subtitle=self.subtitle,
                    byline=self.byline,
                    paragraphs=self.paragraphs,
                )
            )
        for p in self.photos:
            out.append(
                typesetgen.Item(
                    kind="caption", headline=p.headline, paragraphs=(p.caption,), credit=p.credit
                )
            )
        return out


def kind(line: str) -> str:
    """`note`, `credit`, `head` or `para` (rule 1)."""
    if _NOTE.match(line):
        return "note"
    if _CREDIT.match(line):
        return "credit"
    bare = _PICTURE_TAIL.sub("", _NOTE_TAIL.sub("", line))
    if bare and len(bare) <= HEAD_MAX and bare[-1] not in _CLOSING:
        return "head"
    return "para"


def is_byline(line: str, above: str | None) -> bool:
    """Rule 3: a reporter's or desk's title, or a short name under a longer line."""
    if line.startswith(_TITLES) or _POST_NAME.search(line) or "\uff0f文" in line:
        return True
    if _CJK.match(line) is None or (above or "").endswith((*_SAYING, "：")):
        return False  # under a kicker that says, the headline
    return 2 <= len(line) <= 4 or (len(line) <= 6 < len(above or ""))


def _story_head(line: str) -> bool:
    """Rule 6: a headline holds two ideographs and is no date (`１９９５年２月`,
    `１９９８年第一期`: an essay's closing date, a journal's issue) nor a break
    (full-width asterisks)."""
    return len(_IDEOGRAPH.findall(line)) >= 2 and not _DATE.match(line)


def roles(heads: list[str]) -> tuple[str | None, str, str | None] | None:
    """Rule 4: (kicker, headline, subtitle) of a stack of head lines, or None."""
    if len(heads) == 1:
        head = heads[0]
        cut = head.find("——")
        if cut >= 2 and len(head.rstrip("—")) - cut >= 4:
            return None, head[:cut], "——" + head[cut:].lstrip("—")
        return None, head, None
    if len(heads) == 2:
        first, second = heads
        if second.startswith("——"):
            return None, first, second
        if first.endswith((*_SAYING, "：", "——")) or len(first) > len(second):
            return first, second, None
        return None, first, second
    if len(heads) == 3:
        return heads[0], heads[1], heads[2]
    return None


def _lines(text: str) -> list[str]:
    return [s for s in (line.strip() for line in text.splitlines()) if s]


def blocks(lines: list[str]) -> list[tuple[list[str], list[tuple[str, str]]]]:
    """Rule 2: (head lines, body as (kind, line)) per article; notes dropped."""
    out: list[tuple[list[str], list[tuple[str, str]]]] = []
    for line in lines:
        k = kind(line)
        if k == "note":
            continue
        if k == "head" and (not out or out[-1][1]):
            out.append(([], []))
        if not out:
            out.append(([], []))
        heads, body = out[-1]
        if k == "head" and not body:
            heads.append(line)
        else:
            body.append((k, line))
    return out


def article(heads: list[str], body: list[tuple[str, str]]) -> Article | None:
    """Rules 3-6 on one block; None when the page could not show it as one story."""
    if not heads or not body:
        return None
    picture = bool(_PICTURE_TAIL.search(heads[-1]))
    heads = [_NOTE_TAIL.sub("", h) for h in heads]
    heads = [h for h in heads if h]
    byline = None
    if len(heads) > 1 and is_byline(heads[-1], heads[-2]):
        byline = heads.pop()
    if not heads or any(h.startswith(_TITLES) for h in heads):
        return None
    stack = roles(heads)
    if stack is None or any(_ENUM.match(h) for h in heads) or not _story_head(stack[1]):
        return None
    paragraphs: list[str] = []
    photos: list[Photo] = []
    for k, line in body:
        if k == "credit":
            if paragraphs and _ENUM.match(paragraphs[-1]):
                return None  # a numbered caption: one of a group of pictures
            if not paragraphs or (photos and photos[-1].caption == paragraphs[-1]):
                return None
            photos.append(Photo(paragraphs.pop(), line, False))
            continue
        tail = _CREDIT_TAIL.match(line)
        if tail:
            photos.append(Photo(tail.group(1), tail.group(2), True))
        else:
            paragraphs.append(line)
    if len(photos) > 1 or (paragraphs and sum(map(len, paragraphs)) < MIN_BODY):
        return None
    kicker, headline, subtitle = stack
    if not paragraphs:
        if not (picture and photos and not kicker and not subtitle and not byline):
            return None
        photos = [Photo(photos[0].caption, photos[0].credit, photos[0].inline, headline)]
    elif picture:
        return None
    return Article(kicker, headline, subtitle, byline, tuple(paragraphs), tuple(photos))


def cut(text: str) -> list[Article]:
    """The articles of corpus-like text (one paragraph a line) that make one story."""
    out = []
    for heads, body in blocks(_lines(text)):
        a = article(heads, body)
        if a is not None:
            out.append(a)
    return out


@cache
def load(path: Path = CORPUS) -> tuple[Article, ...] | None:
    """The corpus's articles, or None when the corpus is not there."""
    if not path.exists():
        return None
    return tuple(cut(path.read_text(encoding="utf-8")))


def main() -> None:
    """Counts of the cut, and a few articles, to read."""
    arts = load()
    if arts is None:
        sys.exit(f"no corpus at {CORPUS}")
    count: Counter[str] = Counter()
    for a in arts:
        count["articles"] += 1
        count["pictures" if not a.paragraphs else "stories"] += 1
        count["with photo"] += bool(a.paragraphs and a.photos)
        for f in ("kicker", "subtitle", "byline"):
            count[f] += getattr(a, f) is not None
    print(dict(count))
    for a in arts[:: max(1, len(arts) // 12)]:
        print(a.kicker, "|", a.headline, "|", a.subtitle, "|", a.byline, "|", len(a.paragraphs))
        for p in a.photos:
            print("   photo:", p.headline, p.caption[:30], p.credit)


if __name__ == "__main__":
    main()
