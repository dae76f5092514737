"""The reader's actions and their keys: one table for the bindings, the help and `[keys]`.

`[keys]` in config.toml rebinds an action, as newsboat's `bind-key` does:
`next_article = "."` or `next_page = "right,l"` (several keys, comma-separated).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from reader.errors import ReaderError


class Action(NamedTuple):
    """An action a key can be bound to: its name in `[keys]`, default keys, what it runs.

    Bound on the main screen; `app.` actions are the App's: the session's
    (quit, suspend, theme) and opening another issue of the catalogue.
    """

    name: str
    keys: str
    run: str


ACTIONS: tuple[Action, ...] = (
    Action("read_on", "space", "read_on(1)"),
    Action("read_back", "b,shift+space", "read_on(-1)"),
    Action("next_article", "J", "article(1)"),
    Action("previous_article", "K", "article(-1)"),
    Action("next_page", "right,l,right_square_bracket", "page(1)"),
    Action("previous_page", "left,h,left_square_bracket", "page(-1)"),
    Action("next_issue", "right_curly_bracket", "app.issue(1)"),
    Action("previous_issue", "left_curly_bracket", "app.issue(-1)"),
    Action("goto", "g", "goto"),
    Action("search", "slash", "search"),
    Action("next_hit", "n", "hit(1)"),
    Action("previous_hit", "N", "hit(-1)"),
    Action("contents", "c", "toggle_contents"),
    Action("show_id", "i", "show_id"),
    Action("watch", "w", "toggle_watch"),
    Action("theme", "t", "app.toggle_theme"),
    Action("help", "question_mark", "help"),
    Action("suspend", "ctrl+z", "app.suspend"),
    Action("quit", "q", "app.quit"),
)
NAMES = tuple(action.name for action in ACTIONS)

# Keys that are not actions of their own, for the help screen (their label's name first).
FIXED: tuple[tuple[str, str], ...] = (
    ("move", "↑ ↓  j k"),
    ("enter", "Enter"),
    ("tab", "Tab  Shift+Tab"),
    ("count", "1-9"),
    ("escape", "Esc"),
    ("scroll", "PgUp PgDn Home End"),
)
_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_SHOWN = {
    "space": "Space",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Del",
}


def key_names() -> frozenset[str]:
    """Every key name Textual knows without modifiers, and the names of printable ASCII."""
    from textual.keys import Keys, _character_to_key

    names = {key.value.rsplit("+", 1)[-1] for key in Keys}
    names |= {_character_to_key(chr(code)) for code in range(33, 127)}
    return frozenset(names)


def is_key(key: str, known: frozenset[str]) -> bool:
    """`key` is one key Textual can deliver: `n`, `N`, `.`, `space`, `ctrl+n`, `pagedown`."""
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if any(modifier not in _MODIFIERS for modifier in modifiers):
        return False
    return (len(base) == 1 and base.isprintable()) or base in known


def keymap(bindings: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The `[keys]` table checked and in Textual's spelling; a wrong entry is a `ReaderError`.

    Each problem is one line naming the entry and what would be right.
    """
    bindings = list(bindings)
    if not bindings:  # the usual case: nothing to import or check at start-up
        return {}
    from textual.keys import _character_to_key

    known = key_names()
    result: dict[str, str] = {}
    for name, keys in bindings:
        if name not in NAMES:
            raise ReaderError(f"[keys]: no action {name!r}; the actions are {', '.join(NAMES)}")
        parts = [part.strip() for part in keys.split(",")] if keys.strip() != "," else [","]
        if not parts or not all(parts):
            raise ReaderError(f'[keys]: {name} = {keys!r} names no key (e.g. {name} = "x")')
        for part in parts:
            if not is_key(part, known):
                raise ReaderError(
                    f"[keys]: {name} = {keys!r}: {part!r} is not a key "
                    '(a character such as "x" or ".", or a name such as "space", "ctrl+n", '
                    '"pagedown", "left")'
                )
        result[name] = ",".join(_character_to_key(p) if len(p) == 1 else p for p in parts)
    return result


def shown_keys(keys: str) -> str:
    """Keys as the help shows them: `right,l,right_square_bracket` as `→ l ]`."""
    from textual.keys import _character_to_key

    characters = {_character_to_key(chr(code)): chr(code) for code in range(33, 127)}
    out = []
    for key in keys.split(","):
        *modifiers, base = key.split("+") if len(key) > 1 else [key]
        name = _SHOWN.get(base) or characters.get(base) or base
        if modifiers and len(name) == 1:
            name = name.upper()  # Ctrl+Z, as terminals and manuals write it
        out.append("+".join([*(m.capitalize() for m in modifiers), name]))
    return " ".join(out)


def bound_keys(action: str, keymap: Mapping[str, str]) -> list[str]:
    """The keys bound to `action` (in `keymap`, else by default), in Textual's spelling."""
    keys = keymap.get(action) or next(a.keys for a in ACTIONS if a.name == action)
    return [key.strip() for key in keys.split(",")]


def key_of(action: str, keymap: Mapping[str, str]) -> str:
    """The first key bound to `action` (in `keymap`, else by default), as the help shows it."""
    return shown_keys(bound_keys(action, keymap)[0])
