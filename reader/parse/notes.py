"""A writer's or an agency's note at a story's end is the story's text, not its source.

DESIGN section 3: `source` is the `（来源：…）` line as printed. A note such as `（鲁财宣）`
or `（据新华社电）` set alone under a story's last line is the paper's own text: the 1998
corpus prints 133 notes of that shape (`kinds.NOTE_RE`) as a line, a paragraph, of their
own and 429 run on at a paragraph's end, and holds one `来源：` line in 19,484. So such a
note is the story's last paragraph, as the corpus prints it. The parser still reads the
note as the story's end (`Kind.SOURCE`: a story may start under it); only the field it
lands in is decided here, once each item is built.

Where a note or a signature ends its paragraph though its line does not show it: an
aside wrapped over three lines (`aside_over_three`), an editor's `———编者` wrapped
before its last character or after its dash (`rejoin_signature`).
"""

from __future__ import annotations

from dataclasses import replace

from reader.model import Item
from reader.parse.kinds import SOURCE_RE
from reader.parse.text import ends_sentence

_OPENING = 1.5  # ems a note's opening takes: its bracket at half an em and a character


def room_for_note(width: float, hangs: bool, measure: float) -> bool:
    """A closed line had room left for the opening of a note set alone under it.

    A note runs on at its paragraph's end as often as not (the corpus: 345 to 107), and
    a line breaks inside one (`（韩` / `奇）`) as anywhere in text: a note alone under a line
    that could have taken its opening was set apart by choice; under a line without that
    room it may be the paragraph's wrapped end. `width` leaves a closing mark at the
    line's end out (`hangs`): counted here, as Writer and TeX set it inside the column
    (`…的再认识。` 11 ems in a 12-em column: `（砚方）` wrapped, the paragraph's end).
    """
    return width + hangs + _OPENING <= measure


def aside_over_three(top: str, middle: str, text: str) -> str | None:
    """The bracketed aside that line `text` closes, opened after a sentence two lines up.

    `…立案侦查。（长篇` / `通讯《“烟草大王”的人` / `生悲剧》全文见第三版）`: a pointer to
    another page, or a long note, wrapped over three lines of a narrow column (Writer's
    11 ems). It ends its paragraph as a stop does (`ends_sentence`, under its length
    bound), so the indented line under it opens the next one. `lines._wrapped_note`
    reads the same over two lines; a bracket opened or closed in between is another.
    """
    if "（" in text or "(" in text or "（" in middle or "）" in middle or ")" in middle:
        return None
    at = top.rfind("（")
    if at < 0 or "）" in top[at:]:
        return None
    note = top[at:] + middle + text
    return note if ends_sentence(top[:at] + note) else None


def rejoin_signature(raw: list[str]) -> list[str]:
    """`raw` with an editor's note's signature made whole where its last character wrapped.

    `…下面刊出的是他们的笔谈摘要。———编` / `者`: Writer breaks `———编者` before its last
    character where the line is full (PDFium writes it so, MuPDF with a space at the dash's
    end). Left alone the `者` read as a line of the headline under it; joined, the note's
    last paragraph ends in its signature, as the corpus prints it.
    """
    out: list[str] = []
    for line in raw:
        tail = line.strip()
        if out and tail == "者" and out[-1].rstrip().endswith(_SIGNED):
            out[-1] = out[-1].rstrip() + "者"
        elif out and tail == "编者" and _signed_at_dash(out[-1]):
            out[-1] = out[-1].rstrip() + "编者"
        else:
            out.append(line)
    return out


def _signed_at_dash(line: str) -> bool:
    """`…谈谈各自的打算。———` / `编者`: the signature broken after its dash (Typst breaks
    after a dash where the line has no room for `编者`; PDFium and MuPDF write it so).

    The dash closes a sentence's line (a stop or closing mark before it): a dash that
    leads into the text under it (`请看———`, `leadins`) follows a word. `编者` alone
    after it is no headline (the corpus prints none) but the note's signature: left
    alone, the dash and `编者` read as a two-line stack over the next story's head.
    """
    body = line.rstrip()
    if not body.endswith("———"):
        return False
    before = body.rstrip("—").rstrip()
    return before[-1:] != "" and before[-1] in _CLOSED


def signs_note(line: str) -> bool:
    """The line ends in an editor's signature (`———编者`): the note ends there, and the
    line under it opens a paragraph whatever its width (the corpus prints no text after a
    signature in its paragraph: 62 of 62 on the read pages end at it)."""
    return line.endswith("—编者")


_CLOSED = "。！？!?…”’」』）)"  # a sentence's end before the signature's dash
_SIGNED = ("—编", "— 编")  # a signature's dash and `编`, its `者` on the next line
# Where to look (asked of the page text first, one scan each): `———编` / `者`, and a line
# opening with `编者` (`———` / `编者`; the line pass then asks the dash above).
SIGNATURE_BREAK = ("编\n者", "编\r\n者", "\n编者")


def note_in_text(item: Item) -> Item:
    """`item` with a source that is no `（来源：…）` line as its last paragraph."""
    if item.source is None or not item.paragraphs or SOURCE_RE.match(item.source):
        return item
    return replace(item, paragraphs=(*item.paragraphs, item.source), source=None)
