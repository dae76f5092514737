"""Telling Big5 and Shift-JIS pages from GB18030 ones: both decode as GB18030 mojibake.

GB18030 gives every byte pair a character, so a Big5 (traditional Chinese) or
Shift-JIS (Japanese) page decoded without an error and was filed as nonsense.
Real GB pages spend most of their pairs on GB2312 hanzi (lead byte B0-F7,
trail A1-FE); those others spend under half there. A page is called foreign
only when it also decodes strictly in the other encoding and reads well in it:
Japanese kana (a fifth of the characters or more), or Big5's frequent hanzi
(lead A4-C6).
"""

from __future__ import annotations

import re

_SAMPLE = 65_536
_PAIR = re.compile(rb"[\x81-\xfe](?:[\x30-\x39][\x81-\xfe][\x30-\x39]|[\x40-\x7e\x80-\xfe])")
_MIN_PAIRS = 8


def foreign_encoding(data: bytes) -> str | None:
    """The encoding a GB18030-decodable page is better read in ("Big5", "Shift-JIS"), if any."""
    sample = data[:_SAMPLE]
    pairs = _PAIR.findall(sample)
    if len(pairs) < _MIN_PAIRS:
        return None
    common = sum(1 for p in pairs if len(p) == 2 and 0xB0 <= p[0] <= 0xF7 and p[1] >= 0xA1)
    if common >= 0.5 * len(pairs):
        return None  # reads as GB: most pairs are GB2312 hanzi
    cut = sample if len(data) <= _SAMPLE else _whole_chars(sample)
    japanese = _decodes(cut, "cp932")
    if japanese is not None:
        # Full-width kana only: Big5's lead bytes read as half-width katakana in cp932.
        kana = sum(1 for c in japanese if "\u3040" <= c <= "\u30ff")
        wide = sum(1 for c in japanese if ord(c) > 0x7F)
        if wide and kana >= 0.2 * wide:
            return "Shift-JIS"
    if _decodes(cut, "cp950") is not None:
        leads = _big5_leads(cut)
        if leads and sum(1 for b in leads if 0xA4 <= b <= 0xC6) >= 0.6 * len(leads):
            return "Big5"
    return None


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _whole_chars(sample: bytes) -> bytes:
    """The sample up to its last line break: no character cut in two at the end."""
    end = sample.rfind(b"\n")
    return sample[: end + 1] if end > 0 else sample


def _big5_leads(data: bytes) -> list[int]:
    """The lead byte of each Big5 pair."""
    leads: list[int] = []
    at = 0
    while at < len(data):
        byte = data[at]
        if byte >= 0x81:
            leads.append(byte)
            at += 2
        else:
            at += 1
    return leads
