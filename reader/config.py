"""Settings from TOML files: the system's, then the user's, read without Textual.

Files are read lowest priority first (`reader.locations.config_files`): each
`/etc/xdg/reader/config.toml` an administrator set, then the user's own; a key
in a later file wins, and `[keys]` bindings merge key by key. A key reader
does not know is named in a warning, never silently ignored.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from reader.errors import ReaderError
from reader.locations import config_files
from reader.printable import one_line

THEMES = ("dark", "light")
LANGUAGES = ("zh", "en")
KEYS = ("library", "highlight", "theme", "ui_language", "text_width", "keys")
"""Every key a config file may hold."""

# Watch-word lists are typed by hand, often with Chinese punctuation between words.
# A pattern, compiled on first use (re's cache): most runs read no config file.
_SEPARATORS = r"[,，、;；\s]+"


class Config(NamedTuple):
    """What a config file may set (DESIGN sections 6 and 7).

    `library = "/srv/papers"`, `highlight = ["数据", "徐汇"]`, `theme = "light"`,
    `ui_language = "zh"`, `text_width = 40` (the article's widest line, in
    characters), and a `[keys]` table binding actions to keys.
    """

    highlight: tuple[str, ...] = ()
    theme: str = "dark"
    library: str | None = None
    ui_language: str | None = None
    text_width: int | None = None
    keys: tuple[tuple[str, str], ...] = ()


def split_words(text: str) -> tuple[str, ...]:
    """`数据,徐汇` (or with `，`, `、`, spaces) as a tuple of words, blanks dropped."""
    return tuple(word for word in re.split(_SEPARATORS, text) if word)


def merge_words(*groups: Iterable[str]) -> tuple[str, ...]:
    """Words of several lists, in order, each once."""
    return tuple(dict.fromkeys(word for group in groups for word in group if word.strip()))


def _warn(message: str) -> None:
    # one_line: a key quoted with a newline in it ("a\nb" = 1) made the warning two lines
    sys.stderr.write(f"reader: {one_line(message)}\n")


def parse_config(
    data: Mapping[str, object],
    origin: str = "config",
    base: Config | None = None,
    warn: Callable[[str], None] = _warn,
) -> Config:
    """Check a parsed TOML table and lay it over `base`; a wrong type is a `ReaderError`."""
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        plural = "s" if len(unknown) > 1 else ""
        known = ", ".join(KEYS)
        warn(f"{origin}: unknown key{plural} {', '.join(unknown)} (known: {known})")
    base = Config() if base is None else base
    values = base._asdict()
    if "highlight" in data:
        words = data["highlight"]
        if isinstance(words, str):
            words = list(split_words(words))
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise ReaderError(f"{origin}: highlight must be a list of strings")
        values["highlight"] = merge_words(words)
    if "theme" in data:
        if data["theme"] not in THEMES:
            raise ReaderError(f"{origin}: theme must be one of {', '.join(THEMES)}")
        values["theme"] = str(data["theme"])
    if "library" in data:
        if not isinstance(data["library"], str) or not data["library"].strip():
            raise ReaderError(f"{origin}: library must be a folder path")
        values["library"] = data["library"]
    if "ui_language" in data:
        if data["ui_language"] not in LANGUAGES:
            raise ReaderError(f"{origin}: ui_language must be one of {', '.join(LANGUAGES)}")
        values["ui_language"] = str(data["ui_language"])
    if "text_width" in data:
        width = data["text_width"]
        if not isinstance(width, int) or isinstance(width, bool) or not 10 <= width <= 400:
            raise ReaderError(f"{origin}: text_width must be a number of characters, 10 to 400")
        values["text_width"] = width
    if "keys" in data:
        table = data["keys"]
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in table.items()
        ):
            raise ReaderError(f'{origin}: [keys] must bind actions to keys, e.g. next = "n"')
        values["keys"] = tuple({**dict(base.keys), **table}.items())
    return Config(**values)


def _read(path: Path) -> dict[str, object] | None:
    """One TOML file, None when it does not exist; a bad one is a `ReaderError`."""
    from reader.files import read_toml

    return read_toml(path, _MAX_CONFIG, "config file")


_MAX_CONFIG = 1 << 20
"""A theme, a library and a few keys: a few hundred bytes."""


def load_config(
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
    warn: Callable[[str], None] = _warn,
) -> Config:
    """The settings of every config file, later ones winning; none at all is the default.

    With `path`, only that file is read.
    """
    config = Config()
    for file in [path] if path is not None else config_files(env):
        data = _read(file)
        if data is not None:
            config = parse_config(data, str(file), config, warn)
    return config


def configured_library(env: Mapping[str, str] | None = None) -> str | None:
    """The `library` the config files name, if any, read only when a file exists."""
    files = [f for f in config_files(env) if f.is_file()]
    return load_config(env=env).library if files else None
