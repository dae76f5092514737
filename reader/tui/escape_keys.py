"""Esc typed fast stays Esc: ESC and the key after it, in one read, are two keys.

A terminal sends Esc as the one byte ESC, and Alt+key (meta sends escape) as ESC
followed by the key; Textual 8.2.8's `XTermParser` tells them apart by a pause
(`ESCDELAY`, 100 ms). Typed fast, or in one write (tmux `send-keys`, a burst over
SSH), Esc then a key arrives as ESC and the key together, and the parser reads
ESC + a letter or digit as Alt (`\\x1bK` is `alt+shift+k`, bound to nothing here:
both keys lost), ESC + anything else as that key alone (`\\x1b?` is `?`: the Esc
dropped), and ESC + a run of keys as one unknown sequence until 32 characters, sent
on with the ESC as `^`. The reader binds no Alt key by default, so ESC before a
character that starts no sequence is Esc, then that key: the parser is told the
pause has passed (`Parser.tick`, its timeout path) before it is fed the key.

ESC `[` and ESC `O` start the terminal's own sequences (arrows, F keys, mouse,
pastes, replies) and are left to the parser, except ESC `O` + a character that
makes no key (Esc, then Shift+O and more). An Alt key bound in `[keys]` (`alt+j`)
keeps its ESC + key, read as Alt at once (Textual waited for the pause there too).
Inside a bracketed paste nothing is split.

The hook: `ReaderDriver.run_input_thread` is `LinuxDriver.run_input_thread` of the
pinned Textual 8.2.8 with this parser in place of `XTermParser`;
tests/test_tui21_escape.py fails when that method's source or the parser's reading
of ESC changes, so an upgrade is checked here before it is taken.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from collections.abc import Iterable, Iterator

from textual._ansi_sequences import ANSI_SEQUENCES_KEYS
from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message

ESC = "\x1b"
INTRODUCERS = frozenset("[O" + ESC)
"""Characters after ESC that start a sequence of the terminal's, not a key."""


def alt_name(character: str) -> str | None:
    """The key Textual makes of ESC + `character` read together, if an Alt key."""
    if len(character) != 1 or not character.isalnum():
        return None
    if character.isupper():
        return f"alt+shift+{character.lower()}"
    return f"alt+{character}"


def _alone(text: str, index: int) -> bool:
    """The ESC at `text[index]`, with a character after it, starts no sequence."""
    after = text[index + 1]
    if after not in INTRODUCERS:
        return True
    # ESC O and a character no key is made of: Esc, then Shift+O (`\x1bOA` is Up).
    third = text[index + 2 : index + 3]
    return after == "O" and third != "" and ESC + "O" + third not in ANSI_SEQUENCES_KEYS


def lone_escapes(data: str, before: str, pasting: bool) -> tuple[list[int], bool]:
    """Where in `data` an ESC stands alone (the indexes just after it), and whether a
    bracketed paste is open at its end. `before` is the end of the last read (an ESC
    there still waits for its key); `pasting`, whether a paste was open at it."""
    cuts: list[int] = []
    text = before + data
    start = len(before)
    index = text.find(ESC)
    while index != -1:
        following = index + 1
        if text.startswith(BRACKETED_PASTE_START, index):
            pasting, following = True, index + len(BRACKETED_PASTE_START)
        elif text.startswith(BRACKETED_PASTE_END, index):
            pasting, following = False, index + len(BRACKETED_PASTE_END)
        elif not pasting and following < len(text) and _alone(text, index):
            cuts.append(following - start)
        index = text.find(ESC, following)
    return cuts, pasting


class EscParser(XTermParser):
    """Textual's parser, told that an ESC followed at once by a key stood alone."""

    def __init__(self, debug: bool = False, kept: frozenset[str] = frozenset()) -> None:
        super().__init__(debug)
        self.kept = kept
        """Alt keys bound in `[keys]` (`alt+j`): their ESC + key stays one key."""
        self._last = ""
        self._pasting = False

    def feed(self, data: str) -> Iterable[Message]:
        """The keys of `data`, an ESC that a key follows at once sent as Esc first."""
        if not data:
            return super().feed(data)
        return self._feed(data)

    def _feed(self, data: str) -> Iterator[Message]:
        cuts, self._pasting = lone_escapes(data, self._last, self._pasting)
        self._last = data[-1:]
        done = 0
        for cut in cuts:
            if alt_name(data[cut]) in self.kept:
                cut += 1  # Alt+key bound: ESC and the key are read as one, at once
            if cut > done:  # feed("") would end the parser
                yield from super().feed(data[done:cut])
            done = cut
            yield from self._escape_now()
        if done < len(data):
            yield from super().feed(data[done:])

    def _escape_now(self) -> Iterator[Message]:
        """The ESC just read waits no longer: the parser's timeout, now."""
        if self._timeout_time is not None:
            self._timeout_time = 0.0
            yield from self.tick()


def bound_alt_keys(keymap: dict[str, str]) -> frozenset[str]:
    """The Alt keys `[keys]` binds (`alt+j`), which keep ESC + key as one key."""
    keys = (key for keys in keymap.values() for key in keys.split(","))
    return frozenset(key for key in keys if key.startswith("alt+"))


class ReaderDriver(LinuxDriver):
    """Textual's Linux driver with `EscParser` reading the keys."""

    def run_input_thread(self) -> None:
        """Wait for input and dispatch events (`LinuxDriver.run_input_thread`, 8.2.8)."""
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)

        fileno = self.fileno
        EVENT_READ = selectors.EVENT_READ

        keymap = getattr(self._app, "keys", None)
        kept = bound_alt_keys(keymap) if isinstance(keymap, dict) else frozenset()
        parser = EscParser(self._debug, kept)
        feed = parser.feed
        tick = parser.tick

        utf8_decoder = getincrementaldecoder("utf-8")().decode
        decode = utf8_decoder
        read = os.read

        def process_selector_events(
            selector_events: list[tuple[selectors.SelectorKey, int]],
            final: bool = False,
        ) -> None:
            for last, (_selector_key, mask) in loop_last(selector_events):
                if mask & EVENT_READ:
                    unicode_data = decode(read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        # This can occur if the stdin is piped
                        break
                    for event in feed(unicode_data):
                        self.process_message(event)
            for event in tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process_selector_events(selector.select(0.1))
            selector.unregister(self.fileno)
            process_selector_events(selector.select(0.1), final=True)

        finally:
            selector.close()
            try:
                for _event in feed(""):
                    pass
            except (EOFError, ParseError):
                pass
