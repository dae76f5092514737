"""Random pages and the checks every parse must pass (tests/test_fuzz.py, bench/fuzz.py)."""

from __future__ import annotations

import random
from collections import Counter

from reader.model import Page
from reader.parse.stories import parse_text

PUNCT: list[str] = [*"。，、；：！？“”‘’（）《》【】…—·．％.", "——", "———", "……"]
MARKS = ["□", "■", "●", "○"]
SPACES = [" ", "  ", "\u3000", "\u00a0", "\t", "\x0b", "\x0c", "\x1c", "\u2028", "\x85"]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n \n"]
WORDS = ["本报北京3月1日电", "新华社", "通讯员", "记者", "摄", "摄于", "供图", "来源", "星期五"]
WORDS += ["下转第4版", "见第2版", "（来源：区数据局）", "通讯员 倪修龙", "摄于 3 月 25 日"]
WORDS += ["———。"]  # PDFium's dash written before the full stop above (dashorder)


def _atom(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return chr(rng.randrange(0x4E00, 0x9FA6))
    if kind < 0.55:
        return rng.choice(PUNCT)
    if kind < 0.60:
        return rng.choice(MARKS)
    if kind < 0.70:
        return rng.choice(SPACES)
    if kind < 0.82:
        return rng.choice(BREAKS)
    if kind < 0.87:
        return rng.choice(WORDS)
    if kind < 0.95:
        return chr(rng.randrange(0x20, 0x7F))
    if kind < 0.97:
        return chr(rng.randrange(0x20))
    code = rng.randrange(0x110000)
    return chr(code) if not 0xD800 <= code < 0xE000 else "\ufffd"


def page_text(rng: random.Random) -> str:
    """One random page: atoms, or lines of atoms with leading-space hints."""
    if rng.random() < 0.5:
        return "".join(_atom(rng) for _ in range(rng.randrange(120)))
    lines = []
    for _ in range(rng.randrange(30)):
        hint = " " if rng.random() < 0.4 else ""
        if rng.random() < 0.2:
            line = rng.choice(MARKS) + " " + "".join(_atom(rng) for _ in range(rng.randrange(12)))
        else:
            line = "".join(_atom(rng) for _ in range(rng.randrange(1, 30)))
        lines.append(hint + line)
    return rng.choice(BREAKS).join(lines)


def _chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def _printed(page: Page) -> str:
    parts = [page.header or ""]
    for item in page.items:
        parts.extend(
            f or "" for f in (item.kicker, item.headline, item.subtitle, item.byline, item.source)
        )
        parts.extend((item.credit or "", item.marker or "", *item.paragraphs))
    return "".join(parts)


def problem(text: str) -> str | None:
    """What is wrong with the parse of `text`, if anything."""
    try:
        page = parse_text(text, "p", "i", 1)
    except Exception as err:  # the point of fuzzing: any exception is a finding
        return f"raised {type(err).__name__}: {err}"
    if _chars(_printed(page)) != _chars(text):
        return "printed characters lost or invented"
    for item in page.items:
        values = (item.kicker, item.headline, item.subtitle, item.derived_headline)
        for value in (*values, item.byline, item.source, item.credit, *item.paragraphs):
            if value is not None and (not value or value != value.strip() or "  " in value):
                return f"field not normalised: {value!r}"
    if parse_text(text, "p", "i", 1) != page:
        return "a second parse differs"
    if Page.from_json(page.to_json()) != page:
        return "JSON does not round-trip"
    return None
