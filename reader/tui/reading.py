"""What is open and where: the issue, the page and item on screen, and how keys move them.

Plain Python, no Textual: every navigation key asks this class where to go from
the position as it is when the key is handled, so a burst of keys ends where the
same keys pressed slowly end, and the rules are unit-tested without a terminal.
"""

from __future__ import annotations

from reader.fields import Ref
from reader.model import Item, Page
from reader.tui.session import Opened, lead

Position = tuple[int, int | None]
"""A page index and an item index on it (None: the page has no items), both 0-based."""

# Words of a page header that are not the page's name: dates, weekdays, editors,
# page counts; and the masthead (人民日报) of a front page.
_NOT_A_NAME = ("年", "月", "星期", "编辑", "设计", "校对", "版")


def section_name(header: str | None) -> str | None:
    """The page's name from its printed header (`3 要闻 1998年1月5日 星期一 …` gives 要闻)."""
    if not header:
        return None
    for word in header.replace("：", " ").replace(":", " ").split():
        chinese = 2 <= len(word) <= 6 and all("\u4e00" <= c <= "\u9fff" for c in word)
        if chinese and not word.endswith("报") and not any(p in word for p in _NOT_A_NAME):
            return word
    return None


def page_name(page: Page) -> str:
    """`第1版 要闻`: the page number as printed, and its name when the header gives one."""
    name = section_name(page.header)
    return f"第{page.page}版" + (f" {name}" if name else "")


class Reading:
    """The open issue and the position in it; every move is computed from here."""

    def __init__(self) -> None:
        self.opened: Opened | None = None
        self.page = 0
        self.item: int | None = None

    def open(self, opened: Opened) -> None:
        """A new issue, at the position it was opened at."""
        self.opened = opened
        self.page, self.item = opened.page, opened.item

    @property
    def pages(self) -> tuple[Page, ...]:
        """The pages of the open issue (none when nothing is open)."""
        return self.opened.pages if self.opened is not None else ()

    @property
    def current_page(self) -> Page | None:
        """The page on screen."""
        pages = self.pages
        return pages[self.page] if 0 <= self.page < len(pages) else None

    @property
    def current_item(self) -> Item | None:
        """The item being read."""
        page = self.current_page
        if page is None or self.item is None or not 0 <= self.item < len(page.items):
            return None
        return page.items[self.item]

    def at_lead(self, page: int) -> Position:
        """Page `page` with its lead story."""
        return page, lead(self.pages[page])

    def turn(self, step: int, count: int = 1) -> Position | None:
        """`step` pages on (or back), at the lead story; None past the first or last page.

        With a count (`5l`) as far as the issue goes, as less's `100j` stops at the end.
        """
        target = self.page + step * count
        if count > 1:
            target = min(max(target, 0), len(self.pages) - 1)
        if target == self.page or not 0 <= target < len(self.pages):
            return None
        return self.at_lead(target)

    def page_numbered(self, number: int) -> Position | None:
        """The page printed as 第`number`版, at its lead story (`5g`)."""
        for index, page in enumerate(self.pages):
            if page.page == number:
                return self.at_lead(index)
        return None

    def step_items(self, step: int, count: int) -> Position | None:
        """`count` items on (or back) in reading order, as far as the issue goes."""
        here, target = (self.page, self.item), None
        try:
            for _ in range(count):
                position = self.step_item(step)
                if position is None:
                    break
                target = self.page, self.item = position
        finally:
            self.page, self.item = here
        return target

    def step_item(self, step: int) -> Position | None:
        """The next (`step` 1) or previous (-1) item in reading order, across pages.

        Pages without items are passed over; None before the first item or after
        the last of the issue.
        """
        pages = self.pages
        if not pages:
            return None
        page, item = self.page, self.item
        if item is not None:
            item += step
            if 0 <= item < len(pages[page].items):
                return page, item
        page += step
        while 0 <= page < len(pages):
            count = len(pages[page].items)
            if count:
                return page, 0 if step > 0 else count - 1
            page += step
        return None

    def clamped(self) -> Position:
        """The position made valid (for saving after something failed half-way)."""
        pages = self.pages
        page = min(max(self.page, 0), max(len(pages) - 1, 0))
        count = len(pages[page].items) if pages else 0
        item = self.item
        item = None if item is None or not count else min(max(item, 0), count - 1)
        return page, item

    def ref(self) -> Ref | None:
        """The position as an id reference, for the state file."""
        if self.opened is None:
            return None
        page, item = self.clamped()
        return self.opened.ref(page, item)
