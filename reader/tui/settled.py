"""Keys that depend on the layout wait for it: a burst must end where slow keys end.

A key that pages (PgUp, PgDn, Space, b) moves by the height a pane has on screen.
In a burst, the key before it may have changed that height (a page with captions
shows a captions pane; `c` shows the headlines on a narrow screen) and Textual lays
the screen out again only when it next goes idle: paging then would use the old
height. These actions run in the App's task, so awaiting the screen's refresh here
also holds the keys queued after them, in order.
"""

from __future__ import annotations

import asyncio

from textual.widget import Widget


async def laid_out(widget: Widget) -> None:
    """Return once `widget`'s screen has no layout pending (at once if it has none).

    A layout is pending while a widget holds a change of size or display it has
    not yet told the screen, or the screen one it has not yet laid out (Textual's
    own flags: the version is pinned exactly). A few refreshes at most, and never
    longer than a second: a key pages by the height it has rather than hang.
    """
    screen = widget.screen
    if not screen.is_current:
        return
    for _ in range(4):
        pending = screen._layout_required or any(
            isinstance(node, Widget) and node._layout_required for node in screen.walk_children()
        )
        if not pending:
            return
        try:
            await asyncio.wait_for(screen.wait_for_refresh(), timeout=1.0)
        except TimeoutError:
            return
