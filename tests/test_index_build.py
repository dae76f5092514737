"""The index's storage and bulk build: stored records, the parallel build, its disk."""

from __future__ import annotations

from reader.model import Item
from reader.search import store


def test_stored_items_keep_every_character_in_their_smaller_encoding() -> None:
    # GB18030 encodes all of Unicode: traditional, astral, Latin and control characters
    # come back as they went in, in every field and in the page header.
    text = "數據 𠀋𝄞 Straße é\x07\u3000——“引号”"
    items = [
        Item(id="p/i/01/1", kind="article", headline=text, paragraphs=(text, "二")),
        Item(id="p/i/01/2", kind="caption", credit=text, paragraphs=()),
    ]
    blob = store.pack(items, header=text)
    assert store.unpack(blob) == items
    assert store.page_header(blob) == text
    first, second = store.stored_items(blob)
    assert (first.headline, first.paragraphs, first.header) == (text, (text, "二"), text)
    assert (second.credit, second.header) == (text, None)
    assert store.stored_item(blob, 2) == second
