"""The user's config file (TOML): watch-words and theme, read without Textual."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from reader.errors import ReaderError
from reader.locations import config_file

THEMES = ("dark", "light")

# Watch-word lists are typed by hand, often with Chinese punctuation between words.
_SEPARATORS = re.compile(r"[,，、;；\s]+")


class Config(NamedTuple):
    """What the config file may set: `highlight = ["数据", "徐汇"]`, `theme = "light"`."""

    highlight: tuple[str, ...] = ()
    theme: str = "dark"


def split_words(text: str) -> tuple[str, ...]:
    """`数据,徐汇` (or with `，`, `、`, spaces) as a tuple of words, blanks dropped."""
    return tuple(word for word in _SEPARATORS.split(text) if word)


def merge_words(*groups: Iterable[str]) -> tuple[str, ...]:
    """Words of several lists, in order, each once."""
    return tuple(dict.fromkeys(word for group in groups for word in group if word.strip()))


def parse_config(data: Mapping[str, object], origin: str = "config") -> Config:
    """Check and convert a parsed TOML table; a wrong type is a `ReaderError`."""
    words = data.get("highlight", [])
    if isinstance(words, str):
        words = list(split_words(words))
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise ReaderError(f"{origin}: highlight must be a list of strings")
    theme = data.get("theme", "dark")
    if theme not in THEMES:
        raise ReaderError(f"{origin}: theme must be one of {', '.join(THEMES)}")
    return Config(highlight=merge_words(words), theme=str(theme))


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the config file (`$READER_CONFIG` or the platform one); none is the default."""
    path = config_file(env) if path is None else path
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return Config()
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ReaderError(f"{path}: {err}") from None
    return parse_config(data, str(path))
