"""PDF into lines through PDFium (pypdfium2, the `fast` extra): the pdfminer reader's lines, faster.

PDFium parses the page in native code and lists its characters with their origin, matrix, font
and fill colour. From those this module builds glyph records as pdfminer would (`pdflines.Glyph`:
the box from the origin to the advance, from the font's descent to one font size above it, in
pdfminer's page coordinates), then hands them to the pdfminer reader's own steps: `group_lines`,
`_raw_line` and `build_document` (bands, columns, repairs, limits). So the two readers differ
only where PDFium's characters differ from pdfminer's (`tests/test_pdfium.py` lists where).

Characters PDFium adds itself (spaces and line breaks between text objects) are skipped, so
spaces come from the same gap rule as pdfminer's. Text inside a Form XObject is grouped per
form, as pdfminer analyses each figure on its own.

Limits: the page count is read before any page is parsed, characters and images and forms per
page are counted, the clock is read between pages, and characters are counted for the
document. PDFium cannot be stopped inside a page and has no operator or inflation budget: with
`Limits(isolate=True)` (the CLI, the server) it runs in the killed-at-the-deadline,
memory-capped worker like pdfminer, which is the hard bound for both. PDFium is not thread-safe,
so reads in one process take turns.
"""

from __future__ import annotations

import ctypes
import threading
import time
from functools import lru_cache
from typing import Any

from atsmatch.documents.errormap import ErrorMap, LimitReached, map_reader_errors
from atsmatch.documents.pdf import (
    _TEX,
    MAX_FIGURES_PER_PAGE,
    MAX_GLYPHS_PER_PAGE,
    _kept_area,
    _Page,
    _raw_line,
    build_document,
)
from atsmatch.documents.pdflines import Glyph, group_lines
from atsmatch.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    MissingExtraError,
)
from atsmatch.limits import Limits
from atsmatch.models import Document

__all__ = ["read_pdf_pdfium", "require_pdfium"]

# pdfminer's `LAParams()` defaults, as the pdfminer reader uses them.
_LINE_OVERLAP, _CHAR_MARGIN, _WORD_MARGIN = 0.5, 2.0, 0.1
_PAGE_TEXT, _PAGE_IMAGE, _PAGE_FORM = 1, 3, 5  # FPDF_PAGEOBJ_* object types
_ERR_PASSWORD, _ERR_SECURITY = 4, 5  # FPDF_GetLastError codes
_MAX_FORM_DEPTH = 32  # Form XObjects nested deeper are not searched for text objects
_lock = threading.Lock()


def require_pdfium() -> None:
    """Raise `MissingExtraError` unless pypdfium2 can be imported (check before slow work)."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        raise MissingExtraError("pdf_reader='pdfium'", "fast", "pypdfium2") from None


def read_pdf_pdfium(data: bytes, *, source: str, limits: Limits, started: float) -> Document:
    """Read PDF bytes with PDFium into the `Document` `pdf.read_pdf` makes; typed errors only.

    `started` is the `time.monotonic()` at which the caller began, for `limits.max_seconds`.
    """
    require_pdfium()
    with _lock, map_reader_errors(source, _ERRORS):
        pages, images, tex = _layout(data, source=source, limits=limits, started=started)
    return build_document(
        pages, images=images, soft_hyphens=tex, byte_size=len(data), source=source, limits=limits
    )


class _Unreadable(Exception):
    """PDFium could not load a page or its text."""


_ERRORS: ErrorMap = {
    LimitReached: (LimitExceededError, "{exc}"),
    _Unreadable: (CorruptDocumentError, "the PDF could not be parsed ({exc})"),
    MemoryError: (LimitExceededError, "the PDF needs too much memory to read"),
    Exception: (CorruptDocumentError, "the PDF could not be parsed ({kind}: {exc})"),
}


def _layout(
    data: bytes, *, source: str, limits: Limits, started: float
) -> tuple[list[_Page], int, bool]:
    """Raw lines per page, the image count, and whether TeX made the file."""
    import pypdfium2.raw as pdfium

    deadline = started + limits.max_seconds
    buffer = ctypes.create_string_buffer(data, len(data))  # PDFium reads it until closed
    document = pdfium.FPDF_LoadMemDocument64(buffer, len(data), None)
    if not document:
        code = pdfium.FPDF_GetLastError()
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise EncryptedDocumentError(
                "the PDF is password-protected; save a copy without a password", source=source
            )
        raise CorruptDocumentError(
            f"the PDF could not be parsed (PDFium error {code})", source=source
        )
    try:
        count = pdfium.FPDF_GetPageCount(document)
        if count > limits.max_pages:
            raise LimitReached(f"{count} pages, over the limit of {limits.max_pages}")
        pages: list[_Page] = []
        images = 0
        for index in range(count):
            _check_clock(deadline, limits)
            page, found = _read_page(pdfium, document, index, index + 1)
            pages.append(page)
            images += found
        _check_clock(deadline, limits)
        return pages, images, _made_by_tex(pdfium, document)
    finally:
        pdfium.FPDF_CloseDocument(document)


def _check_clock(deadline: float, limits: Limits) -> None:
    if time.monotonic() > deadline:
        raise LimitReached(f"reading took longer than the limit of {limits.max_seconds:g} s")


def _read_page(pdfium: Any, document: Any, index: int, number: int) -> tuple[_Page, int]:
    """One page's raw lines (as `_raw_line` makes them) and its image count."""
    page = pdfium.FPDF_LoadPage(document, index)
    if not page:
        raise _Unreadable(f"PDFium cannot load page {number}")
    try:
        width, height, to_device = _page_space(pdfium, page)
        forms, images = _objects(pdfium, page)
        text_page = pdfium.FPDFText_LoadPage(page)
        if not text_page:
            raise _Unreadable(f"PDFium cannot read the text of page {number}")
        try:
            runs = _glyphs(pdfium, text_page, forms, to_device)
        finally:
            pdfium.FPDFText_ClosePage(text_page)
    finally:
        pdfium.FPDF_ClosePage(page)
    result = _Page(width=width, height=height)
    lo_x, hi_x, lo_y, hi_y = _kept_area(width, height)
    for form in sorted(runs):  # the page's own text first, then each form's, as pdfminer's
        glyphs = runs[form]
        if form == 0:  # absurd coordinates make grouping walk far; pdfminer drops them too
            glyphs = [
                g for g in glyphs if g[2] >= lo_x and g[0] <= hi_x and g[3] >= lo_y and g[1] <= hi_y
            ]
        for line in group_lines(
            glyphs, line_overlap=_LINE_OVERLAP, char_margin=_CHAR_MARGIN, word_margin=_WORD_MARGIN
        ):
            raw = _raw_line(line, result, number)
            if raw is not None:
                result.lines.append(raw)
    return result, images


Transform = tuple[float, float, float, float, float, float]


def _page_space(pdfium: Any, page: Any) -> tuple[float, float, Transform]:
    """Page width, height and the map from PDF user space to pdfminer's page coordinates.

    pdfminer puts the media box's lower left corner at the origin and turns the page by its
    /Rotate (`PDFPageInterpreter.process_page`).
    """
    box = [ctypes.c_float() for _ in range(4)]
    if not pdfium.FPDFPage_GetMediaBox(page, *(ctypes.byref(v) for v in box)):
        box = [ctypes.c_float(v) for v in (0.0, 0.0, 612.0, 792.0)]
    x0, y0, x1, y1 = (float(v.value) for v in box)
    rotation = pdfium.FPDFPage_GetRotation(page) % 4
    ctm: Transform
    if rotation == 1:
        ctm = (0, -1, 1, 0, -y0, x1)
    elif rotation == 2:
        ctm = (-1, 0, 0, -1, x1, y1)
    elif rotation == 3:
        ctm = (0, 1, -1, 0, y1, -x0)
    else:
        ctm = (1, 0, 0, 1, -x0, -y0)
    (ax, ay), (bx, by) = _apply(ctm, x0, y0), _apply(ctm, x1, y1)
    return abs(ax - bx), abs(ay - by), ctm


def _apply(m: Transform, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _objects(pdfium: Any, page: Any) -> tuple[dict[int, int], int]:
    """The form each text object is drawn in (0: the page itself) and the images drawn.

    Counts images and forms against `MAX_FIGURES_PER_PAGE`, as the pdfminer reader does.
    """
    forms: dict[int, int] = {}
    images = figures = 0
    stack: list[tuple[Any, int, int]] = [(page, 0, 0)]  # (container, form id, depth)
    next_form = 1
    while stack:
        container, form, depth = stack.pop()
        if depth == 0:
            total = pdfium.FPDFPage_CountObjects(container)
            get = pdfium.FPDFPage_GetObject
        else:
            total = pdfium.FPDFFormObj_CountObjects(container)
            get = pdfium.FPDFFormObj_GetObject
        for i in range(total):
            obj = get(container, i)
            kind = pdfium.FPDFPageObj_GetType(obj)
            if kind == _PAGE_TEXT:
                forms[_address(obj)] = form
            elif kind in (_PAGE_IMAGE, _PAGE_FORM):
                figures += 1
                if figures > MAX_FIGURES_PER_PAGE:
                    raise LimitReached(
                        f"a page draws more than {MAX_FIGURES_PER_PAGE:,} images and forms, "
                        "over the limit"
                    )
                if kind == _PAGE_IMAGE:
                    images += 1
                elif depth < _MAX_FORM_DEPTH:
                    stack.append((obj, next_form, depth + 1))
                    next_form += 1
    return forms, images


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


class _Chars:
    """The per-character calls of PDFium's text API, bound to plain pointer and int arguments.

    pypdfium2's bindings check each argument's pointer type and wrap each returned handle in an
    object; a page has thousands of characters and this is most of the read, so the same
    functions (by address) are called here through prototypes that take and return integers.
    """

    def __init__(self, pdfium: Any) -> None:
        void, num = ctypes.c_void_p, ctypes.c_int
        rect, real = ctypes.POINTER(pdfium.FS_RECTF), ctypes.POINTER(ctypes.c_double)

        def bind(function: Any, restype: Any, *argtypes: Any) -> Any:
            return ctypes.CFUNCTYPE(restype, *argtypes)(_address(function))

        self.generated = bind(pdfium.FPDFText_IsGenerated, num, void, num)
        self.hyphen = bind(pdfium.FPDFText_IsHyphen, num, void, num)
        self.text_object = bind(pdfium.FPDFText_GetTextObject, void, void, num)
        self.unicode = bind(pdfium.FPDFText_GetUnicode, ctypes.c_uint, void, num)
        self.origin = bind(pdfium.FPDFText_GetCharOrigin, num, void, num, real, real)
        self.loose_box = bind(pdfium.FPDFText_GetLooseCharBox, num, void, num, rect)
        self.size = bind(pdfium.FPDFText_GetFontSize, ctypes.c_double, void, num)
        self.matrix = bind(
            pdfium.FPDFText_GetMatrix, num, void, num, ctypes.POINTER(pdfium.FS_MATRIX)
        )
        self.font = bind(pdfium.FPDFTextObj_GetFont, void, void)
        colour = ctypes.POINTER(ctypes.c_uint)
        self.fill = bind(pdfium.FPDFPageObj_GetFillColor, num, void, colour, colour, colour, colour)


@lru_cache(maxsize=1)
def _chars() -> _Chars:
    import pypdfium2.raw as pdfium

    return _Chars(pdfium)


_Style = tuple[str, float, float, Any, float, float, float, float]


def _glyphs(
    pdfium: Any, text_page: Any, forms: dict[int, int], to_device: Transform
) -> dict[int, list[Glyph]]:
    """pdfminer's glyph records of the page's characters, by the form they are drawn in."""
    count = pdfium.FPDFText_CountChars(text_page)
    if count > MAX_GLYPHS_PER_PAGE:
        raise LimitReached(f"a page holds more than {MAX_GLYPHS_PER_PAGE:,} glyphs")
    api = _chars()
    page = _address(text_page)
    runs: dict[int, list[Glyph]] = {}
    styles: dict[int, _Style] = {}
    fonts: dict[int, tuple[str, float]] = {}
    loose = pdfium.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose_ref, ox_ref, oy_ref = ctypes.byref(loose), ctypes.byref(ox), ctypes.byref(oy)
    upright = to_device[:4] == (1, 0, 0, 1)
    tx, ty = to_device[4], to_device[5]
    previous: tuple[int, float, float] | None = None
    glyphs: list[Glyph] = []
    for index in range(count):
        if api.generated(page, index):
            continue
        key = api.text_object(page, index)
        if not key:
            continue
        style = styles.get(key)
        if style is None:
            style = styles[key] = _style(pdfium, api, page, index, key, fonts)
        fontname, descent, size, color, a, b, c, d = style
        code = api.unicode(page, index)
        # PDFium turns a hyphen that ends a line into 0x02; pdfminer keeps the hyphen.
        text = "-" if code == 2 and api.hyphen(page, index) else chr(code or 0xFFFD)
        api.origin(page, index, ox_ref, oy_ref)
        e, f = ox.value, oy.value
        form = forms.get(key, 0)
        if previous == (key, e, f):
            # One character code PDFium spelt as several code points ("ﬁ" as "f", "i")
            # stays one glyph, as pdfminer keeps it.
            last = glyphs[-1]
            glyphs[-1] = (*last[:6], last[6] + text, *last[7:])
            continue
        previous = (key, e, f)
        glyphs = runs.get(form) or runs.setdefault(form, [])
        api.loose_box(page, index, loose_ref)
        # The advance in text space: PDFium's loose box spans it along the baseline.
        advance = (loose.right - loose.left) / a if abs(a) > 1e-9 else 0.0
        bottom = descent * size
        top = bottom + size
        if upright and b == 0 and c == 0:
            x0, x1 = e + tx, a * advance + e + tx
            y0, y1 = d * bottom + f + ty, d * top + f + ty
            if x1 < x0:
                x0, x1 = x1, x0
            if y1 < y0:
                y0, y1 = y1, y0
        else:
            corners = [
                _apply(to_device, a * u + c * v + e, b * u + d * v + f)
                for u, v in ((0.0, bottom), (advance, bottom), (advance, top), (0.0, top))
            ]
            x0 = min(p[0] for p in corners)
            x1 = max(p[0] for p in corners)
            y0 = min(p[1] for p in corners)
            y1 = max(p[1] for p in corners)
        glyphs.append((x0, y0, x1, y1, x1 - x0, y1 - y0, text, fontname, y1 - y0, color))
    return runs


def _style(
    pdfium: Any, api: _Chars, page: int, index: int, obj: int, fonts: dict[int, tuple[str, float]]
) -> _Style:
    """A text object's font name, descent per unit of size, size, fill colour and matrix."""
    font = api.font(obj) or 0
    named = fonts.get(font)
    if named is None:
        named = fonts[font] = _font(pdfium, ctypes.cast(font, pdfium.FPDF_FONT) if font else None)
    matrix = pdfium.FS_MATRIX()
    api.matrix(page, index, ctypes.byref(matrix))
    rgba = [ctypes.c_uint() for _ in range(4)]
    color: Any = None
    if api.fill(obj, *(ctypes.byref(v) for v in rgba)):
        color = (rgba[0].value / 255, rgba[1].value / 255, rgba[2].value / 255)
    size = float(api.size(page, index))
    return (*named, size, color, matrix.a, matrix.b, matrix.c, matrix.d)


def _font(pdfium: Any, font: Any) -> tuple[str, float]:
    """A font's name (pdfminer's "unknown" when it has none) and descent per unit of size."""
    name = "unknown"
    length = pdfium.FPDFFont_GetBaseFontName(font, None, 0) if font else 0
    if length > 1:
        buffer = ctypes.create_string_buffer(length)
        pdfium.FPDFFont_GetBaseFontName(font, buffer, length)
        name = buffer.value.decode("latin-1")
    descent = ctypes.c_float()
    metrics = _standard_metrics().get(name)
    if metrics is not None:  # pdfminer takes the 14 standard fonts' metrics from its tables
        descent.value = metrics
    elif not (
        font and pdfium.FPDFFont_GetDescent(font, ctypes.c_float(1.0), ctypes.byref(descent))
    ):
        descent.value = 0.0
    return name, -abs(float(descent.value))  # pdfminer makes a positive descent negative


@lru_cache(maxsize=1)
def _standard_metrics() -> dict[str, float]:
    """Descent per unit of size of the fonts pdfminer has metrics for (the standard 14)."""
    from pdfminer.fontmetrics import FONT_METRICS

    descents: dict[str, float] = {}
    for name, (descriptor, _) in FONT_METRICS.items():
        value = descriptor.get("Descent", 0)
        descents[name] = (value if isinstance(value, int | float) else 0) * 0.001
    return descents


def _made_by_tex(pdfium: Any, document: Any) -> bool:
    """What `pdf._made_by_tex` says, from the document information PDFium reads."""
    for key in (b"Producer", b"Creator"):
        length = pdfium.FPDF_GetMetaText(document, key, None, 0)
        if length > 2:
            buffer = ctypes.create_string_buffer(length)
            pdfium.FPDF_GetMetaText(document, key, buffer, length)
            value = buffer.raw[: length - 2].decode("utf-16-le", "replace")
            if _TEX.search(value.encode()):
                return True
    return False
