"""A page's structure file (`NN.structure.json`): what import learned from the PDF.

`reader import` writes it beside `NN.txt` when the page came from a PDF: the
page's header and items as the model's JSON (DESIGN section 3, ids left out:
they follow from where the page is filed), the regions the items cover on the
PDF page, and the SHA-256 of the page text's bytes. While the text still has
that hash, the structure stands for the page; once a person edits the text the
hash no longer matches and the text is parsed as any other page.

Nothing here reads or writes files: `encode` gives the bytes to write, `decode`
turns bytes back into a `Page` or says it does not apply.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from reader.fields import item_id
from reader.model import Item, Page

SUFFIX = ".structure.json"
FORMAT = "reader-page-structure"
VERSION = 1
MAX_BYTES = 4 * 1024 * 1024  # a page's structure is a few KB; more is not ours

Box = tuple[float, float, float, float]


def structure_path_name(text_name: str) -> str:
    """`01.txt` -> `01.structure.json`."""
    stem = text_name[:-4] if text_name.endswith(".txt") else text_name
    return stem + SUFFIX


def text_hash(data: bytes) -> str:
    """The hash that ties a structure to the exact bytes of its page text."""
    return hashlib.sha256(data).hexdigest()


def encode(page: Page, text: bytes, regions: list[list[Box]] | None = None) -> bytes:
    """The structure file of `page`, whose text file holds `text`; deterministic."""
    items = []
    for item in page.items:
        data = item.to_dict()
        del data["id"]
        items.append(data)
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "text_sha256": text_hash(text),
        "header": page.header,
        "items": items,
    }
    if regions is not None:
        doc["regions"] = [[[round(v, 1) for v in box] for box in boxes] for boxes in regions]
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def decode(data: bytes, text: bytes, paper: str, issue: str, number: int) -> Page | None:
    """The page the structure describes, or None when it is not for this text.

    None when the text has changed since import, and when the file is not a
    structure this version reads (damaged, from a newer reader): the caller then
    parses the text, which is never wrong, only less informed.
    """
    if len(data) > MAX_BYTES:
        return None
    try:
        doc = json.loads(data)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            return None
        if doc.get("version") != VERSION or doc.get("text_sha256") != text_hash(text):
            return None
        items = tuple(
            Item.from_dict({**raw, "id": item_id(paper, issue, number, n)})
            for n, raw in enumerate(doc["items"], start=1)
        )
        if not all(_well_typed(item) for item in items):
            return None
        header = doc.get("header")
        if header is not None and not _one_line(header):
            return None
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None  # RecursionError: arrays nested deeper than the JSON decoder goes
    return Page(paper=paper, issue=issue, page=number, header=header, items=items)


def _well_typed(item: Item) -> bool:
    """Every field a string or absent, and none holding a line break: the parser joins a
    field's lines, so a break comes only from a hand-made file (`show` would print it
    as lines of its own)."""
    texts = (item.kicker, item.headline, item.subtitle, item.derived_headline, item.byline)
    rest = (item.source, item.credit, item.marker)
    fields = [t for t in (*texts, *rest) if t is not None]
    return all(_one_line(t) for t in fields) and all(_one_line(p) for p in item.paragraphs)


def _one_line(text: object) -> bool:
    return isinstance(text, str) and text.splitlines() == ([text] if text else [])
