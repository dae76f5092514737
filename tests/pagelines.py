"""Page text given as its lines, parsed: the items as the JSON a reader's page holds."""

from __future__ import annotations

import json
from typing import Any

from reader.parse.stories import parse_text


def items_of(lines: list[str]) -> list[dict[str, Any]]:
    """The items of the page whose text is `lines`, one a line, as `Page.to_json` gives them."""
    items: list[dict[str, Any]] = json.loads(parse_text("\n".join(lines) + "\n").to_json())["items"]
    return items
