"""The import's shortcuts of imp26: each does less for the same answer, byte for byte
(issue 12: PDF import over 15 pages a second). Each test holds the shortcut to what it
replaced, on invented pages and text."""

from __future__ import annotations

import ctypes
import gc
import io
import random
from collections import Counter
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from reader.importing import bounded
from reader.importing.actualtext import _FORM_DEPTH, _objects, drawings
from reader.importing.charcalls import char_calls
from reader.importing.frame import Frame, spread_fold
from reader.importing.producers import Suspects, dingbat, suspect, worth_sorting
from reader.importing.reading_order import Layout, Line
from reader.importing.segment import Glyph, Segment, make_glyph
from reader.importing.strays import _apart, _next_line, _place_run, _stray, place_strays
from reader.importing.structure import _chars
from reader.importing.textpage import _GENERATED
from reader.importing.typography import _DIGIT_SPACE, _body_weight, tight
from reader.importing.xycut import by_box, cut


def test_the_pdf_child_leaves_what_it_inherits_out_of_its_collections() -> None:
    """`bounded` freezes what the child inherits: its collections walk only its own."""
    assert bounded.bounded("x.pdf", gc.get_freeze_count) > 0
    assert gc.get_freeze_count() == 0  # (the parent's are collected as ever)


def _forms_page() -> bytes:
    """Rules, boxes and text, at the top level and in forms within forms, deeper than
    the walk goes: each level draws a rule, a line of text and the next level."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(400, 400))
    depth = _FORM_DEPTH + 3
    for level in range(depth, 0, -1):
        canvas.beginForm(f"f{level}")
        canvas.rect(10 + level, 10 + 2 * level, 50, 0.5, fill=1)
        canvas.setFont("STSong-Light", 9)
        canvas.drawString(10, 300 - 5 * level, "中文")
        if level < depth:
            canvas.doForm(f"f{level + 1}")
        canvas.endForm()
    canvas.rect(20, 20, 100, 80)
    canvas.setFont("STSong-Light", 10)
    canvas.drawString(50, 350, "报头")
    canvas.doForm("f1")
    canvas.line(0, 200, 400, 200)
    canvas.doForm("f3")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def test_the_raw_walk_yields_what_get_objects_yields() -> None:
    """`_objects` walks the page's objects and its forms' as pypdfium2's `get_objects`
    does (order, kinds, depth), and `drawings` bounds them as `get_bounds` did."""
    doc = pdfium.PdfDocument(_forms_page())
    page = doc[0]
    try:
        kinds_tried = [
            (raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH),
            (raw.FPDF_PAGEOBJ_TEXT,),
            (raw.FPDF_PAGEOBJ_FORM,),
        ]
        for kinds in kinds_tried:
            helper = [_address(o.raw) for o in page.get_objects(filter=kinds)]
            walked = [_address(h) for h in _objects(page.raw, kinds)]
            assert walked == helper and helper
        paths = list(page.get_objects(filter=kinds_tried[0]))
        assert len(paths) > _FORM_DEPTH  # (forms within forms: the depth is reached)
        boxes, spans = drawings(page)
        assert boxes == [o.get_bounds() for o in paths] and spans == []
    finally:
        page.close()
        doc.close()


def test_only_spaces_and_line_breaks_are_made_up() -> None:
    """`page_glyphs` asks PDFium whether a character is made up only of those at
    U+0020 and below: every made-up one of a page of text, spaces and lines is."""
    doc = pdfium.PdfDocument(_forms_page())
    page = doc[0]
    text = page.get_textpage()
    calls, handle = char_calls(), text.raw
    made_up = [
        calls.unicode(handle, i)
        for i in range(raw.FPDFText_CountChars(handle))
        if calls.generated(handle, i)
    ]
    text.close()
    page.close()
    doc.close()
    assert made_up and all(code <= _GENERATED for code in made_up)


def test_the_text_check_counts_as_the_generator_did() -> None:
    rng = random.Random(26)
    pool = "中文报道，。 \u3000\t\n\xa0ab12１２\u2028"
    for _ in range(500):
        texts = [
            None if rng.random() < 0.1 else "".join(rng.choices(pool, k=rng.randint(0, 30)))
            for _ in range(rng.randint(0, 6))
        ]
        old = Counter(c for t in texts if t for c in t if not c.isspace())
        assert _chars(texts) == old and list(_chars(texts).items()) == list(old.items())


def test_tight_is_the_substitution_it_skips() -> None:
    rng = random.Random(26)
    pool = "中文报道 \u3000\t1２3日电月\xa0"
    for _ in range(2000):
        text = "".join(rng.choices(pool, k=rng.randint(0, 20)))
        assert tight(text) == _DIGIT_SPACE.sub("", text.strip())


def _glyph(rng: random.Random, k: int) -> Glyph:
    x = rng.uniform(0, 500)
    size = rng.choice((9.0, 9.0, 10.5, 16.0, float("nan")) if k % 97 == 0 else (9.0, 10.5, 16.0))
    return make_glyph(
        rng.choice("中文，“●◆★a1"),
        x,
        x + rng.uniform(-1, 12),
        rng.uniform(0, 700),
        rng.uniform(0, 700),
        rng.uniform(0, 700),
        size,
        rng.choice((400, 400, 700, 550)),
        k,
        rng.randint(1, 3),
    )


def test_a_segment_is_bounded_as_min_and_max_bound_it() -> None:
    rng = random.Random(26)
    for n in range(1, 400):
        glyphs = [_glyph(rng, n * 40 + k) for k in range(rng.randint(1, 30))]
        seg = Segment(glyphs)
        assert (seg.x0, seg.x1, seg.bottom, seg.top, seg.size, seg.baseline) == (
            min(g.x0 for g in glyphs),
            max(g.x1 for g in glyphs),
            min(g.bottom for g in glyphs),
            max(g.top for g in glyphs),
            max(g.size for g in glyphs) if glyphs[0].size == glyphs[0].size else seg.size,
            glyphs[0].baseline,
        )
        assert (seg.reach0, seg.reach1) == (seg.x0, seg.x1)


def test_the_body_weight_is_the_mode_it_was() -> None:
    rng = random.Random(26)
    for _ in range(200):
        body = rng.choice((9.0, 10.5))
        groups = [
            [Line([Segment([_glyph(rng, k) for k in range(rng.randint(1, 8))])], False)]
            for _ in range(rng.randint(0, 12))
        ]
        page = Layout(body, ["x"] * len(groups), groups)
        weights = [
            g.weight
            for group in groups
            for line in group
            for seg in line.segments
            for g in seg.glyphs
            if abs(g.size - body) <= 0.05 * body
        ]
        counts = Counter(round(float(w) * 2) / 2 for w in weights)
        old = int(max(counts, key=lambda k: (counts[k], -k))) if weights else 400
        assert _body_weight(page) == old


def test_a_page_not_worth_sorting_is_one_sort_out_leaves_alone() -> None:
    """`page_glyphs` feeds `Suspects` only where `worth_sorting`: elsewhere sorting out
    tells no lie, drops nothing and moves nothing."""
    rng = random.Random(26)
    skipped = 0
    for _ in range(300):
        glyphs, lied, dingbats = [], set(), set()
        codes = []
        for k in range(rng.randint(1, 60)):
            code = rng.choice(
                (0x4E2D, 0x6587, 0x201C, 0x25CF, 0x25C6, 0x2605, 0x41, 0x22, 0x2700 + k % 30)
            )
            advance = rng.choice((10.0, 5.0))
            lie = rng.random() < 0.02 and suspect(code, advance, 10.0)
            glyphs.append(make_glyph(chr(code), k, k + advance, 0, 10, 1, 10.0, 400, k, 1))
            codes.append(code)
            if lie:
                lied.add(k)
            elif dingbat(code):
                dingbats.add(code)
        if worth_sorting(len(lied), dingbats):
            continue
        skipped += 1
        suspects = Suspects()
        for k, g in enumerate(glyphs):
            suspects.add(k, g.face, codes[k], k in lied)
        before, joined = list(glyphs), [True] * len(glyphs)
        assert bool(suspects) == bool(dingbats)
        assert suspects.sort_out(glyphs, joined) == (0, 0) and glyphs == before
    assert skipped > 50


class _Untouched:
    def __len__(self) -> int:
        return 1

    def __iter__(self) -> Any:
        raise AssertionError("the glyphs of a page taller than wide were listed")


def test_a_page_taller_than_wide_lists_no_glyph_edges() -> None:
    assert spread_fold(Frame(0, (0.0, 0.0, 842.0, 1191.0)), _Untouched()) is None  # type: ignore[arg-type]
    wide = Frame(0, (0.0, 0.0, 2000.0, 1000.0))
    glyphs = [make_glyph("中", x, x + 10, 0, 10, 1, 10, 400, 0) for x in (100.0, 1800.0)]
    assert spread_fold(wide, glyphs) == 1000.0
    with pytest.raises(AssertionError):
        spread_fold(wide, _Untouched())  # type: ignore[arg-type]


def _placed_as_before(glyphs: list[Glyph], joined: list[bool]) -> list[Glyph]:
    """`place_strays` as it was: each glyph's `_stray` asked through a generator."""
    out = list(glyphs)
    start = previous = 0
    for end in range(1, len(glyphs) + 1):
        if end < len(glyphs) and joined[end]:
            continue
        if any(_stray(glyphs[k]) for k in range(start, end)):
            if all(_stray(glyphs[k]) for k in range(start, end)):
                if start and _apart(glyphs[start], out[start - 1]):
                    _next_line(out, previous, start, end)
            else:
                _place_run(out, start, end)
        start, previous = end, start
    return out


def test_strays_are_placed_as_before() -> None:
    rng = random.Random(26)
    for _ in range(300):
        glyphs = []
        for k in range(rng.randint(1, 40)):
            x, size = rng.uniform(0, 300), 10.0
            wide = rng.random() < 0.15
            base = rng.choice((700.0, 700.0, 100.0))
            glyphs.append(
                make_glyph(
                    "中", x, x + (35.0 if wide else 10.0), base - 1, base + 9, base, size, 400, k
                )
            )
        joined = [rng.random() < 0.7 for _ in glyphs]
        assert place_strays(glyphs, joined) == _placed_as_before(glyphs, joined)


def _split_as_before(segs: list[Segment], vertical: bool, min_gap: float) -> list[list[Segment]]:
    spans = [((s.reach0, s.reach1) if vertical else (-s.top, -s.bottom), s) for s in segs]
    spans.sort(key=lambda span: span[0])
    groups: list[list[Segment]] = [[]]
    reach = spans[0][0][1]
    for (lo, hi), seg in spans:
        if lo - reach >= min_gap and groups[-1]:
            groups.append([])
        groups[-1].append(seg)
        reach = max(reach, hi)
    return groups


def test_one_sort_cut_twice_cuts_as_two_sorts() -> None:
    """`arrange` cuts one sort of a region (`xycut.by_box`) at the block gap and into
    rows: each cut is the one a sort of its own gave."""
    rng = random.Random(26)
    for _ in range(300):
        segs = []
        for k in range(rng.randint(1, 30)):
            y = rng.choice((700.0, 688.0, 676.0, 640.0, rng.uniform(0, 700)))
            x = rng.choice((10.0, 10.0, 120.0, rng.uniform(0, 300)))
            segs.append(Segment([make_glyph("中", x, x + 10, y - 1, y + 9, y, 10.0, 400, k)]))
        for vertical in (False, True):
            spans = by_box(segs, vertical)
            for gap in (0.01, 5.0, 12.0, -2.0):
                assert cut(spans, gap) == _split_as_before(segs, vertical, gap)
