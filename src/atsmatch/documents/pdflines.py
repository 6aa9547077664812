"""Glyph boxes and text lines exactly as pdfminer's layout analysis makes them, without its objects.

pdfminer builds an `LTChar` object per glyph (`PDFLayoutAnalyzer.render_char`) and groups them
into `LTTextLineHorizontal` objects (`LTLayoutContainer.group_objects`, spaces inserted by
`LTTextLineHorizontal.add`). On a resume page those objects cost half the read, while the
reader needs only each line's text, box and (font, size, colour) counts. This module computes
the same numbers into tuples: the same float operations in the same order (down to which
operand `min` keeps), so boxes, line breaks and inserted spaces are pdfminer's, bit for bit.
`tests/test_pdflines.py` checks that against pdfminer itself.

Only what `LAParams(detect_vertical=False)` does is reproduced: every line is horizontal.
Glyphs of vertical writing (rare) still get pdfminer's `LTChar`, copied into a record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

__all__ = ["Glyph", "GlyphRecorder", "TextLine", "group_lines"]

# x0, y0, x1, y1, width, height, text, fontname, size, fill colour: the `LTChar` fields used.
Glyph = tuple[float, float, float, float, float, float, str, str, float, Any]

_INF = float("inf")
_Undefined = Callable[[Any, int], str]  # `PDFLayoutAnalyzer.handle_undefined_char`
_log = logging.getLogger("pdfminer.pdfdevice")  # where pdfminer logs the same warning


class TextLine(NamedTuple):
    """One `LTTextLineHorizontal`: its `get_text()`, its box, and its glyphs' style keys."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    styles: list[tuple[str, float, Any]]  # (fontname, size, fill colour) per glyph


class GlyphRecorder:
    """Records the glyphs of one page as pdfminer's `PDFLayoutAnalyzer` would build them.

    `show` is `PDFTextDevice.render_string` for a horizontal font with `render_char` and
    `LTChar.__init__` folded in: no call and no object per glyph. What a glyph's text and width
    are depends only on its font and character id, so they are looked up once per (font, cid)
    per page; the cache holds at most one entry per glyph shown, which the caller bounds.
    """

    def __init__(self) -> None:
        self.glyphs: list[Glyph] = []
        # font -> cid -> text, width, font name, descent per unit of font size
        self._fonts: dict[Any, dict[int, tuple[str, float, str, float]]] = {}

    def reset(self) -> None:
        self.glyphs = []
        self._fonts = {}

    def show(
        self, textstate: Any, seq: Any, ctm: Any, graphicstate: Any, undefined: _Undefined
    ) -> None:
        """Show a string in a horizontal font (a `Tj`/`TJ` operator) and move the text position.

        Statement for statement `render_string` and `render_string_horizontal`, so the text
        position advances by the same floats; `undefined` is the device's
        `handle_undefined_char`, for a cid without Unicode.
        """
        # `mult_matrix(textstate.matrix, ctm)`
        (a1, b1, c1, d1, e1, f1) = textstate.matrix
        (a0, b0, c0, d0, e0, f0) = ctm
        a, b = a0 * a1 + c0 * b1, b0 * a1 + d0 * b1
        c, d = a0 * c1 + c0 * d1, b0 * c1 + d0 * d1
        e, f = a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0
        font = textstate.font
        fontsize = textstate.fontsize
        scaling = textstate.scaling * 0.01
        charspace = textstate.charspace * scaling
        wordspace = textstate.wordspace * scaling
        rise = textstate.rise
        if font.is_multibyte():
            wordspace = 0
        dxscale = 0.001 * fontsize * scaling
        (x, y) = textstate.linematrix
        needcharspace = False
        cids = self._fonts.setdefault(font, {})
        append = self.glyphs.append
        ncolor = graphicstate.ncolor
        for obj in seq:
            if isinstance(obj, int | float):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    known = cids.get(cid)
                    if known is None:
                        known = cids[cid] = _lookup(font, cid, undefined)
                    text, textwidth, fontname, descent_unit = known
                    # `translate_matrix(matrix, (x, y))`, then `LTChar.__init__` for a
                    # horizontal font with `apply_matrix_rect` inlined.
                    te = x * a + y * c + e
                    tf = x * b + y * d + f
                    adv = textwidth * fontsize * scaling
                    descent = descent_unit * fontsize
                    by0 = descent + rise
                    by1 = descent + rise + fontsize
                    left1, bottom1 = a * 0 + c * by0 + te, b * 0 + d * by0 + tf
                    right1, bottom2 = a * adv + c * by0 + te, b * adv + d * by0 + tf
                    right2, top1 = a * adv + c * by1 + te, b * adv + d * by1 + tf
                    left2, top2 = a * 0 + c * by1 + te, b * 0 + d * by1 + tf
                    x0 = min(left1, left2, right1, right2)
                    y0 = min(bottom1, bottom2, top1, top2)
                    x1 = max(left1, left2, right1, right2)
                    y1 = max(bottom1, bottom2, top1, top2)
                    if x1 < x0:
                        (x0, x1) = (x1, x0)
                    if y1 < y0:
                        (y0, y1) = (y1, y0)
                    height = y1 - y0
                    append((x0, y0, x1, y1, x1 - x0, height, text, fontname, height, ncolor))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                _log.warning(
                    "Cannot render horizontal string because %r is not a valid int, float or "
                    "bytes.",
                    obj,
                )
        textstate.linematrix = (x, y)

    def add_char(self, item: Any) -> None:
        """Record an `LTChar` pdfminer built (vertical writing, which `show` does not do)."""
        self.glyphs.append(
            (
                item.x0,
                item.y0,
                item.x1,
                item.y1,
                item.width,
                item.height,
                item.get_text(),
                item.fontname,
                item.size,
                item.graphicstate.ncolor,
            )
        )


def _lookup(font: Any, cid: int, undefined: _Undefined) -> tuple[str, float, str, float]:
    """The per-(font, cid) part of `render_char` and `LTChar.__init__`, in their order."""
    from pdfminer.pdffont import PDFUnicodeNotDefined

    try:
        text = font.to_unichr(cid)
        if not isinstance(text, str):  # pdfminer asserts this
            raise AssertionError(str(type(text)))
    except PDFUnicodeNotDefined:
        text = undefined(font, cid)
    textwidth = font.char_width(cid)
    font.char_disp(cid)  # called for its errors only: a horizontal font does not use it
    fontname = font.fontname
    font.is_vertical()
    return text, textwidth, fontname, font.get_descent()


def group_lines(
    glyphs: Sequence[Glyph], *, line_overlap: float, char_margin: float, word_margin: float
) -> list[TextLine]:
    """Lines as `LTLayoutContainer.group_objects` makes them when `detect_vertical` is off.

    pdfminer walks the glyphs in drawing order and keeps two consecutive glyphs on one line
    when they overlap vertically by more than `line_overlap` of the lower one's height and are
    closer horizontally than `char_margin` times the wider one's width; any other pair ends the
    line. So a line is a maximal run of consecutive "aligned" glyphs.
    """
    lines: list[TextLine] = []
    if not glyphs:
        return lines
    start = 0
    p_x0, p_y0, p_x1, p_y1, p_w, p_h = glyphs[0][:6]
    for index, (c_x0, c_y0, c_x1, c_y1, c_w, c_h, _, _, _, _) in enumerate(glyphs):
        # `obj0.is_voverlap(obj1)`, `voverlap` and `hdistance` from `LTComponent`, in order.
        if index and not (
            c_y0 <= p_y1
            and p_y0 <= c_y1
            and min(p_h, c_h) * line_overlap < min(abs(p_y0 - c_y1), abs(p_y1 - c_y0))
            and (0 if c_x0 <= p_x1 and p_x0 <= c_x1 else min(abs(p_x0 - c_x1), abs(p_x1 - c_x0)))
            < max(p_w, c_w) * char_margin
        ):
            lines.append(_line(glyphs[start:index], word_margin))
            start = index
        p_x0, p_y0, p_x1, p_y1, p_w, p_h = c_x0, c_y0, c_x1, c_y1, c_w, c_h
    lines.append(_line(glyphs[start:], word_margin))
    return lines


def _line(run: Sequence[Glyph], word_margin: float) -> TextLine:
    """`LTTextLineHorizontal.add` over a run: a space where the gap exceeds `word_margin`."""
    parts: list[str] = []
    styles: list[tuple[str, float, Any]] = []
    x0 = y0 = last_x1 = _INF
    x1 = y1 = -_INF
    for g_x0, g_y0, g_x1, g_y1, width, height, text, fontname, size, ncolor in run:
        if word_margin and last_x1 < g_x0 - word_margin * max(width, height):
            parts.append(" ")
        last_x1 = g_x1
        parts.append(text)
        styles.append((fontname, size, ncolor))
        # `LTExpandableContainer.add`: `min(old, new)` keeps the old value unless new < old.
        if g_x0 < x0:
            x0 = g_x0
        if g_y0 < y0:
            y0 = g_y0
        if g_x1 > x1:
            x1 = g_x1
        if g_y1 > y1:
            y1 = g_y1
    return TextLine("".join(parts), x0, y0, x1, y1, styles)
