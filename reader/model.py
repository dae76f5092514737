"""The model of DESIGN section 3: pages and their items, to and from JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

from reader.fields import page_and_number

Kind = Literal["article", "caption", "brief"]
KINDS: tuple[Kind, ...] = ("article", "caption", "brief")


@dataclass(frozen=True)
class Item:
    """One article, photo caption or brief on a page."""

    id: str
    kind: Kind
    kicker: str | None = None
    headline: str | None = None
    subtitle: str | None = None
    derived_headline: str | None = None
    paragraphs: tuple[str, ...] = ()
    byline: str | None = None
    source: str | None = None
    credit: str | None = None
    marker: str | None = None

    @property
    def title(self) -> str:
        """The headline as printed, else the derived one, else an empty string."""
        return self.headline or self.derived_headline or ""

    @property
    def number(self) -> int:
        """The item's 1-based position on its page."""
        return page_and_number(self.id)[1]

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of DESIGN section 3."""
        data = asdict(self)
        data["paragraphs"] = list(self.paragraphs)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        """Build an item from its JSON object; unknown keys are an error."""
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"unknown item fields: {sorted(unknown)}")
        if data.get("kind") not in KINDS:
            raise ValueError(f"bad item kind: {data.get('kind')!r}")
        values = dict(data)
        values["paragraphs"] = tuple(values.get("paragraphs", ()))
        return cls(**values)


@dataclass(frozen=True)
class Page:
    """One page (版) of an issue with its items in reading order."""

    paper: str
    issue: str
    page: int
    header: str | None = None
    items: tuple[Item, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of DESIGN section 3."""
        return {
            "paper": self.paper,
            "issue": self.issue,
            "page": self.page,
            "header": self.header,
            "items": [item.to_dict() for item in self.items],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """Deterministic JSON: same page, same text."""
        from reader.printable import dumps  # C1 controls and bidi overrides escaped

        return dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Page:
        """Build a page from its JSON object."""
        return cls(
            paper=data["paper"],
            issue=data["issue"],
            page=int(data["page"]),
            header=data.get("header"),
            items=tuple(Item.from_dict(item) for item in data.get("items", ())),
        )

    @classmethod
    def from_json(cls, text: str) -> Page:
        """Inverse of `to_json`."""
        import json

        return cls.from_dict(json.loads(text))
