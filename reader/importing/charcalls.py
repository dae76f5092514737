"""PDFium's per-character text page functions, bound without ctypes' argument checks.

A broadsheet page is 2,000-4,000 characters, each read through five to seven calls
(`reader.importing.textpage`). pypdfium2's bindings declare every function's argument
types, and ctypes converts and checks each argument against them on every call: about
half of what a call that reads one field of PDFium's character costs (0.50 µs, 0.25
without; measured on a Typst broadsheet, 2026-12-07). The functions here are the same
symbols, bound again with their return type and no argument types, so callers pass
exactly what the C signature takes: the text page as pypdfium2's handle (a pointer), the
character's index as a Python int (a C int), results by `ctypes.byref`, and a length
the C side takes as `unsigned long` as a `ctypes.c_ulong`, never a bare int. No call
here takes a float (ctypes would refuse one without argument types).
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CharCalls:
    """`FPDFText_*` functions of one character: `(textpage, index, ...)`."""

    generated: Any  # IsGenerated -> int
    unicode: Any  # GetUnicode -> unsigned int
    map_error: Any  # HasUnicodeMapError -> int
    loose_box: Any  # GetLooseCharBox(FS_RECTF*) -> bool
    origin: Any  # GetCharOrigin(double*, double*) -> bool
    font_size: Any  # GetFontSize -> double
    matrix: Any  # GetMatrix(FS_MATRIX*) -> bool
    font_info: Any  # GetFontInfo(buffer, unsigned long, int*) -> unsigned long
    font_weight: Any  # GetFontWeight -> int
    text_object: Any  # GetTextObject -> the object's address (an int), None for none


def _bound(function: Any, restype: Any) -> Any:
    """`function`'s symbol bound again, returning `restype`, its arguments unchecked."""
    lean = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    lean.restype = restype
    return lean


@functools.cache
def char_calls() -> CharCalls:
    """The functions, bound once a process."""
    import pypdfium2.raw as raw

    return CharCalls(
        generated=_bound(raw.FPDFText_IsGenerated, ctypes.c_int),
        unicode=_bound(raw.FPDFText_GetUnicode, ctypes.c_uint),
        map_error=_bound(raw.FPDFText_HasUnicodeMapError, ctypes.c_int),
        loose_box=_bound(raw.FPDFText_GetLooseCharBox, ctypes.c_int),
        origin=_bound(raw.FPDFText_GetCharOrigin, ctypes.c_int),
        font_size=_bound(raw.FPDFText_GetFontSize, ctypes.c_double),
        matrix=_bound(raw.FPDFText_GetMatrix, ctypes.c_int),
        font_info=_bound(raw.FPDFText_GetFontInfo, ctypes.c_ulong),
        font_weight=_bound(raw.FPDFText_GetFontWeight, ctypes.c_int),
        text_object=_bound(raw.FPDFText_GetTextObject, ctypes.c_void_p),
    )
