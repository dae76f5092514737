"""`make_glyph` is `Glyph(...)` made faster: the very same value, never another."""

from __future__ import annotations

import pickle

from reader.importing.glyphs import Glyph, make_glyph


def test_make_glyph_is_the_same_glyph() -> None:
    args = ("，", 10.5, 20.0, 3.25, 14.0, 5.0, 10.5, 700, 42)
    made, built = make_glyph(*args), Glyph(*args)
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
    assert made.ink_x1 == built.ink_x1 < made.x1  # the properties read the same fields
    assert pickle.loads(pickle.dumps(made)) == built
    assert made != make_glyph(*args[:-1], 43)
