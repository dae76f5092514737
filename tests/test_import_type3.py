"""Import round 13: Type 3 fonts as Skia (Chromium's printing) writes a system CJK face.

Every glyph is in a Type 3 font with no /BaseFont, so PDFium gives it no font name and
no weight; the font's /FontDescriptor still names the face and states its weight, and
its ToUnicode maps its codes. A kicker at the body's size in the bold face's Type 3
fonts is set apart from a body in the regular face's, as a bold font PDFium names is.
The PDFs are written here by hand (squares for glyphs: no font file needed).
"""

from __future__ import annotations

import zlib

from reader.importing.pdf import read_pdf
from reader.importing.type3 import Type3Face, face_of, type3_faces

BODY = ["　　" + "乙一" * 5, "乙一" * 6, "乙三。"]
STORY = ["　　" + "甲一" * 5, "甲一" * 6, "甲三。"]
KICKER = "江主席会见美国防部长"


def _pdf(kicker_weight: int, kicker_face: str = "") -> bytes:
    """Two stories; the second's stack a body-size kicker and a 20-pt headline. The
    kicker's font is its own Type 3 font, its descriptor's weight `kicker_weight` (its
    name the body's face's, Bold past 400). With a `kicker_face`, the kicker's Type 3
    font names it, and the rest is set in that face as a font PDFium names (Adobe's
    STSong-Light, not embedded: no font file needed); otherwise the rest shares one
    Type 3 font of weight 400. Objects plain, one stream compressed."""
    lines: list[tuple[int, float, float, str]] = [(0, 20, 320, "上篇稿件标题")]
    lines += [(0, 10, 296 - 14 * n, t) for n, t in enumerate(BODY)]
    lines += [(1, 10, 232, KICKER), (0, 20, 206, "一个天文数字的实现")]
    lines += [(0, 10, 182 - 14 * n, t) for n, t in enumerate(STORY)]
    chars: list[list[str]] = [[], []]
    for font, _, _, text in lines:
        for c in text:
            if c not in chars[font]:
                chars[font].append(c)
    objects: dict[int, bytes] = {}
    content = b""
    for font, size, y, text in lines:
        codes = "".join(f"{chars[font].index(c):02X}" for c in text)
        if kicker_face and font == 0:
            codes = "".join(f"{ord(c):04X}" for c in text)  # UniGB-UCS2-H
        content += f"BT /F{font} {size:g} Tf 40 {y:g} Td <{codes}> Tj ET\n".encode()
    square = zlib.compress(b"1000 0 0 0 1000 1000 d1 100 0 800 800 re f")
    objects[9] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(square) + square
    objects[9] += b"\nendstream"
    for font, weight in ((0, 400), (1, kicker_weight)):
        base = 10 + 10 * font
        n = len(chars[font])
        pairs = "".join(f"<{k:02X}> <{ord(c):04X}>\n" for k, c in enumerate(chars[font]))
        cmap = zlib.compress(
            f"begincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            f"{n} beginbfchar\n{pairs}endbfchar\nendcmap\n".encode()
        )
        procs = " ".join(f"/g{k} 9 0 R" for k in range(n))
        names = " ".join(f"/g{k}" for k in range(n))
        objects[base] = (
            f"<< /Type /Font /Subtype /Type3 /FontMatrix [0.001 0 0 0.001 0 0] "
            f"/FontBBox [0 0 1000 1000] /FirstChar 0 /LastChar {n - 1} "
            f"/Widths [{' '.join(['1000'] * n)}] /Encoding << /Differences [0 {names}] >> "
            f"/CharProcs << {procs} >> /Resources << >> "
            f"/FontDescriptor {base + 1} 0 R /ToUnicode {base + 2} 0 R >>"
        ).encode()
        name = "NotoSansCJKsc-" + ("Regular" if weight == 400 else "Bold")
        name = kicker_face if font and kicker_face else name
        objects[base + 1] = (
            f"<< /Type /FontDescriptor /FontName /EAAAAA+{name} "
            f"/FontWeight {weight} /Flags 4 /ItalicAngle 0 /StemV 100 >>"
        ).encode()
        objects[base + 2] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(cmap)
        objects[base + 2] += cmap + b"\nendstream"
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
    objects[3] = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 360] /Contents 4 0 R "
        b"/Resources << /Font << /F0 10 0 R /F1 20 0 R >> >> >>"
    )
    if kicker_face:
        objects[10] = (
            b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /%s "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
            b"/DW 1000 /FontDescriptor 11 0 R >>] >>" % (kicker_face.encode(), kicker_face.encode())
        )
        objects[11] = (
            b"<< /Type /FontDescriptor /FontName /%s /Flags 6 /FontBBox [0 -120 1000 880] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 58 >>"
            % kicker_face.encode()
        )
        del objects[12]
    objects[4] = b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream"
    out = b"%PDF-1.4\n"
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    top = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % top
    for number in range(1, top):
        out += (
            b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
        )
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (top, xref)
    return out


def _story(data: bytes) -> tuple[str | None, str | None]:
    (page,) = read_pdf(data, "type3.pdf")
    assert page.structure is not None
    (item,) = [it for it in page.structure[0].items if it.headline == "一个天文数字的实现"]
    return item.kicker, item.headline


def test_a_body_size_kicker_in_a_bold_type3_face_is_the_kicker() -> None:
    # The same page, the kicker's Type 3 font described as regular: running text that
    # closes the story above; described as bold (Skia's Noto CJK Bold): the kicker.
    assert _story(_pdf(400)) == (None, "一个天文数字的实现")
    assert _story(_pdf(700)) == (KICKER, "一个天文数字的实现")


def test_a_type3_face_the_page_also_names_stays_a_face_of_its_own() -> None:
    # Skia writes a bold it makes by stroking (UMing asked for bold) as Type 3 fonts
    # describing the regular face: not that face, whatever weight they state.
    assert _story(_pdf(400, "STSong-Light")) == (KICKER, "一个天文数字的实现")


def test_the_type3_faces_of_a_file_are_read_from_its_descriptors_and_cmaps() -> None:
    faces = type3_faces(_pdf(700))
    assert sorted((f.name, f.weight) for f in faces) == [
        ("NotoSansCJKsc-Bold", 700),
        ("NotoSansCJKsc-Regular", 400),
    ]
    bold = next(f for f in faces if f.weight == 700)
    assert bold.chars == frozenset(KICKER)
    assert type3_faces(b"%PDF-1.4 no type 3 fonts here") == []


def test_characters_two_faces_both_map_name_no_face() -> None:
    def face(chars: str, name: str, weight: int) -> Type3Face:
        return Type3Face(frozenset(chars), name, weight, len(chars))

    regular, bold = face("江主席会见", "Sans-Regular", 400), face("江主席美国", "Sans-Bold", 700)
    assert face_of(set("美国"), [regular, bold]) == bold
    assert face_of(set("会见"), [regular, bold]) == regular
    assert face_of(set("江主"), [regular, bold]) is None  # either: not told
    assert face_of(set("天文"), [regular, bold]) is None  # neither
    assert face_of(set("天文"), [regular]) == regular  # the file's one face
    # Skia's fonts map only the glyphs drawn in them: the font that maps the fewest
    # others is the one (`委` drawn once in bold, often in the body).
    body, head = face("委员会主席江", "Sans-Regular", 400), face("委", "Sans-Bold", 700)
    assert face_of({"委"}, [body, head]) == head
    assert face_of(set("委员会"), [body, head]) == body
