"""PDF into lines with layout facts, in reading order (pdfminer.six layout analysis).

pdfminer gives positioned text lines; this module adds what resumes need on top: top-left
coordinates, dominant font, bold and colour per line, header/footer bands, column detection
(a two-column resume must read one column after the other, never interleaved), same-baseline
fragments merged ("Senior Engineer<TAB>Jan 2020 – Present"), and the shared text repairs.

Untrusted files are bounded before the expensive step: the page count is read from the page
tree before any layout, glyphs and figures per page are counted while the page is interpreted
(layout analysis of a page with millions of glyphs would take gigabytes), glyphs far outside
the page are dropped before layout (absurd coordinates make pdfminer walk a huge grid), and
every operator counts against `Limits.max_operators` and reads the clock (`interpreter.py`).
Compressed streams inflate within `Limits.max_unzipped_bytes` in total (`inflate.py`).
"""

from __future__ import annotations

import bisect
import io
import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from atsmatch.documents.errormap import ErrorMap, LimitReached, map_reader_errors
from atsmatch.documents.fontwidths import install as install_bounded_font_widths
from atsmatch.documents.inflate import InflateLimitError, inflate_budget
from atsmatch.documents.inflate import install as install_bounded_inflate
from atsmatch.documents.interpreter import BoundedInterpreter, OperatorBudget
from atsmatch.documents.pdflines import GlyphRecorder, TextLine, group_lines
from atsmatch.documents.repair import count_repairs, join_hyphenated, repair_text
from atsmatch.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    NoTextLayerError,
)
from atsmatch.limits import Limits
from atsmatch.models import Document, Line, Region

__all__ = ["MAX_FIGURES_PER_PAGE", "MAX_GLYPHS_PER_PAGE", "build_document", "read_pdf"]

# pdfminer logs a warning for every odd font ("Could not get FontBBox ..."). With no handler
# configured, Python prints those on stderr; a NullHandler stops that while records still
# propagate to any handler the embedding application sets up.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

MAX_GLYPHS_PER_PAGE = 50_000  # a dense resume page holds about 5,000
MAX_FIGURES_PER_PAGE = 10_000  # images and Form XObjects drawn; a resume page draws a few
_BAND = 0.08  # share of the page height treated as header / footer band
_OFF_PAGE = 0.5  # glyphs further outside the page than this share of its size are dropped
_BOLD = re.compile(
    r"bold|black|heavy|semibold|demibold|extrabold|ultrabold|[,-]bd\b|[,-]bd[a-z]*$|cmbx|cmb\d",
    re.IGNORECASE,
)
_TEX = re.compile(rb"TeX|dvipdf|Typst", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class _Raw:
    """A text line as pdfminer found it, in top-left coordinates."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float | None
    font: str | None
    bold_chars: int
    chars: int
    color: str | None
    region: Region = "body"
    column: int = 0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass(slots=True)
class _Page:
    width: float
    height: float
    lines: list[_Raw] = field(default_factory=list)


def _kept_area(width: float, height: float) -> tuple[float, float, float, float]:
    """x and y bounds of the area glyphs are kept in: the page and half its size around it."""
    return (
        -_OFF_PAGE * width,
        (1 + _OFF_PAGE) * width,
        -_OFF_PAGE * height,
        (1 + _OFF_PAGE) * height,
    )


def read_pdf(data: bytes, *, source: str, limits: Limits, started: float) -> Document:
    """Read PDF bytes into a `Document`; every failure becomes a typed `DocumentError`.

    `started` is the `time.monotonic()` at which the caller began, for `limits.max_seconds`.
    """
    install_bounded_inflate()
    install_bounded_font_widths()
    with map_reader_errors(source, _errors()):
        with inflate_budget(limits.max_unzipped_bytes) as budget:
            pages, images, tex = _layout(data, source=source, limits=limits, started=started)
        if budget.exceeded:  # pdfminer swallowed the error somewhere (a font): still over
            raise InflateLimitError(
                f"compressed streams inflate to more than {budget.limit:,} bytes, over the limit"
            )
    return build_document(
        pages, images=images, soft_hyphens=tex, byte_size=len(data), source=source, limits=limits
    )


def build_document(
    pages: list[_Page],
    *,
    images: int,
    soft_hyphens: bool,
    byte_size: int,
    source: str,
    limits: Limits,
) -> Document:
    """The `Document` of a read PDF's raw lines: bands, reading order, repairs, the limits.

    Shared by both PDF readers (`pdfium.py` builds the same `_Page`s from PDFium's characters).
    """
    if not pages:
        raise CorruptDocumentError("the PDF has no readable pages", source=source)
    _assign_regions(pages)
    junk, ligatures = count_repairs(raw.text for page in pages for raw in page.lines)
    lines: list[Line] = []
    columns: list[int] = []
    for page in pages:
        ordered, count = _order_page(page)
        columns.append(count)
        lines.extend(_finish(ordered, soft_hyphens=soft_hyphens))
    total = sum(len(line.text) for line in lines)
    if total > limits.max_chars:
        raise LimitExceededError(
            f"{total:,} characters of text, over the limit of {limits.max_chars:,}",
            source=source,
        )
    if not lines:
        raise NoTextLayerError(
            "the PDF holds no text layer (a scan or images of text"
            f"{f', {images} image(s)' if images else ''}); run OCR or export it again from "
            "the original document",
            source=source,
        )
    return Document(
        source=source,
        format="pdf",
        pages=len(pages),
        page_sizes=tuple((round(p.width, 2), round(p.height, 2)) for p in pages),
        byte_size=byte_size,
        lines=tuple(lines),
        images=images,
        columns=tuple(columns),
        junk_glyphs=junk,
        ligatures=ligatures,
    )


@lru_cache(maxsize=1)
def _errors() -> ErrorMap:
    """What pdfminer's failures become (its classes load with it, on the first PDF)."""
    from pdfminer.pdfdocument import PDFEncryptionError

    return {
        LimitReached: (LimitExceededError, "{exc}"),
        MemoryError: (LimitExceededError, "the PDF needs too much memory to read"),
        RecursionError: (CorruptDocumentError, "the PDF structure nests too deeply"),
        PDFEncryptionError: (
            EncryptedDocumentError,
            "the PDF is password-protected; save a copy without a password",
        ),
        Exception: (CorruptDocumentError, "the PDF could not be parsed ({kind}: {exc})"),
    }


def _layout(
    data: bytes, *, source: str, limits: Limits, started: float
) -> tuple[list[_Page], int, bool]:
    """Run pdfminer page by page under the limits.

    Returns raw lines per page, the image count, and whether TeX made the file.
    """
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfparser import PDFParser

    deadline = started + limits.max_seconds
    # Offsets in the file count from the header, as readers that accept leading junk assume.
    start = data.find(b"%PDF-", 0, 1024)
    parser = PDFParser(io.BytesIO(data[start:] if start > 0 else data))
    document = _safe_document_class()(parser, password="")
    pages_root = _resolve(document.catalog.get("Pages"))
    declared = _resolve(pages_root.get("Count")) if isinstance(pages_root, dict) else None
    if isinstance(declared, int) and declared > limits.max_pages:
        raise LimitExceededError(
            f"{declared} pages, over the limit of {limits.max_pages}", source=source
        )
    resources = PDFResourceManager(caching=True)
    device = _BoundedAggregator(resources, laparams=LAParams(boxes_flow=None, all_texts=True))
    interpreter = BoundedInterpreter(resources, device, OperatorBudget(limits, deadline))
    pages: list[_Page] = []
    images = 0
    for number, pdf_page in enumerate(_iter_pages(document), start=1):
        if number > limits.max_pages:
            raise LimitExceededError(
                f"more than {limits.max_pages} pages, over the limit", source=source
            )
        _check_clock(deadline, limits)
        interpreter.process_page(pdf_page)
        layout = device.result
        if layout is None:
            continue
        page = _Page(width=float(layout.width), height=float(layout.height))
        for line in device.lines:
            raw = _raw_line(line, page, number)
            if raw is not None:
                page.lines.append(raw)
        images += _collect(layout, page, number)
        pages.append(page)
    _check_clock(deadline, limits)
    return pages, images, _made_by_tex(document)


def _resolve(value: Any, hops: int = 32) -> Any:
    """pdfminer's `resolve1`, but a reference chain that loops back on itself ends."""
    from pdfminer.pdftypes import PDFObjRef

    while isinstance(value, PDFObjRef) and hops > 0:
        value = value.resolve()
        hops -= 1
    return None if isinstance(value, PDFObjRef) else value


_INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")
_PAGE_KEYS = ("Resources", "MediaBox", "CropBox", "Rotate", "Contents", "LastModified")
_MAX_TREE_NODES = 100_000


def _iter_pages(document: Any) -> Iterator[Any]:
    """The pages of the page tree, like `PDFPage.create_pages` but safe on hostile trees.

    pdfminer's walk recurses (deep trees raise RecursionError) and resolves references without
    bound (a reference to itself loops forever); this one keeps an explicit stack, visits each
    node once and resolves with `_resolve`.
    """
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import PDFObjRef
    from pdfminer.psparser import LIT

    pages_type, page_type = LIT("Pages"), LIT("Page")
    stack: list[tuple[Any, dict[str, Any]]] = [(document.catalog.get("Pages"), {})]
    visited: set[int] = set()
    found = False
    while stack and len(visited) < _MAX_TREE_NODES:
        ref, inherited = stack.pop()
        node = _resolve(ref)
        if not isinstance(node, dict):
            continue
        key = ref.objid if isinstance(ref, PDFObjRef) else id(node)
        if key in visited:
            continue
        visited.add(key)
        props = dict(node)
        for name in _INHERITED:
            if name not in props and name in inherited:
                props[name] = inherited[name]
        kind = _resolve(props.get("Type", props.get("type")))
        if kind is pages_type:
            kids = _resolve(props.get("Kids"))
            if isinstance(kids, list):
                stack.extend((kid, props) for kid in reversed(kids))
        elif kind is page_type:
            found = True
            yield PDFPage(document, key, _safe_page_attrs(props), None)
    if found:
        return
    for xref in document.xrefs:  # no usable page tree: any object that says it is a page
        for objid in list(xref.get_objids())[:_MAX_TREE_NODES]:
            try:
                obj = _resolve(document.getobj(objid))
            except Exception:  # a broken object is simply not a page
                continue
            if isinstance(obj, dict) and _resolve(obj.get("Type")) is page_type:
                yield PDFPage(document, objid, _safe_page_attrs(dict(obj)), None)


def _safe_page_attrs(props: dict[str, Any]) -> dict[str, Any]:
    """Resolve the attributes `PDFPage` reads, so its own unbounded `resolve1` cannot loop."""
    for name in _PAGE_KEYS:
        if name in props:
            value = _resolve(props[name])
            if isinstance(value, list):
                value = [_resolve(item) for item in value]
            if value is None:
                del props[name]
            else:
                props[name] = value
    return props


def _made_by_tex(document: Any) -> bool:
    """TeX and Typst hyphenate words at line ends; browsers, Word and Google Docs do not by default.

    So a line-end hyphen in a TeX file is usually a soft break ("engi-neering"), and anywhere
    else a real compound ("community-driven") that merely wrapped.
    """
    for info in document.info[:4]:
        for key in ("Producer", "Creator"):
            value = _resolve(info.get(key)) if isinstance(info, dict) else None
            if isinstance(value, bytes) and _TEX.search(value):
                return True
    return False


@lru_cache(maxsize=1)
def _safe_document_class() -> Any:
    """A `PDFDocument` whose `getobj` never hands back a reference.

    pdfminer's `resolve1` follows references in an unbounded loop, so an object that refers to
    itself ("1 0 obj 1 0 R endobj") hangs every caller. Following chains here, with a bound,
    makes every `resolve1` finish after one step; a loop reads as a missing object.
    """
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfexceptions import PDFObjectNotFound
    from pdfminer.pdftypes import PDFObjRef

    class _SafeDocument(PDFDocument):
        def getobj(self, objid: int) -> Any:
            obj = super().getobj(objid)
            hops = 0
            while isinstance(obj, PDFObjRef):
                hops += 1
                if hops > 32:
                    raise PDFObjectNotFound(objid)
                obj = super().getobj(obj.objid)
            return obj

    return _SafeDocument


def _check_clock(deadline: float, limits: Limits) -> None:
    if time.monotonic() > deadline:
        raise LimitReached(f"reading took longer than the limit of {limits.max_seconds:g} s")


def _bounded_aggregator_base() -> Any:
    from pdfminer.converter import PDFPageAggregator

    return PDFPageAggregator


class _BoundedAggregator(_bounded_aggregator_base()):  # type: ignore[misc]
    """A page aggregator that counts glyphs and figures, drops off-page glyphs, draws no paths.

    Glyphs drawn on the page itself become light records grouped into lines by `pdflines`
    (pdfminer's own line grouping, without an object per glyph); glyphs inside a Form XObject
    (an `LTFigure`) stay pdfminer's objects, analysed with their figure as pdfminer does.
    Paths never reach the `Document`, so none is built. After each page, `lines` holds the
    page's text lines and `result` its other objects.
    """

    def __init__(self, resources: Any, *, laparams: Any) -> None:
        super().__init__(resources, laparams=laparams)
        self._glyphs = 0
        self._figures = 0
        self._recorder = GlyphRecorder()
        self.lines: list[TextLine] = []

    def begin_page(self, page: Any, ctm: Any) -> None:
        self._glyphs = 0
        self._figures = 0
        self._recorder.reset()
        self.lines = []
        self.result = None
        super().begin_page(page, ctm)

    def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
        # Every Form XObject drawn and every image (inline or not) opens a figure object.
        self._figures += 1
        if self._figures > MAX_FIGURES_PER_PAGE:
            raise LimitReached(
                f"a page draws more than {MAX_FIGURES_PER_PAGE:,} images and forms, over the limit"
            )
        super().begin_figure(name, bbox, matrix)

    def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
        pass

    def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
        # Checked once per text-showing operator, before its glyphs exist: a string's byte count
        # is at least its glyph count, and a per-glyph hook would cost 10% of the whole read.
        self._glyphs += sum(len(item) for item in seq if isinstance(item, bytes))
        if self._glyphs > MAX_GLYPHS_PER_PAGE:
            raise LimitReached(f"a page holds more than {MAX_GLYPHS_PER_PAGE:,} glyphs")
        font = textstate.font
        if self._stack or font is None or font.is_vertical():
            # In a figure, pdfminer's own objects; vertical writing through `render_char`.
            super().render_string(textstate, seq, ncs, graphicstate)
        else:
            self._recorder.show(textstate, seq, self.ctm, graphicstate, self.handle_undefined_char)

    def render_char(
        self,
        matrix: Any,
        font: Any,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: Any,
    ) -> float:
        adv: float = super().render_char(
            matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate
        )
        if not self._stack:  # vertical writing on the page: move the glyph to the recorder
            self._recorder.add_char(self.cur_item._objs.pop())
        return adv

    def end_page(self, page: Any) -> None:
        # Glyphs with absurd coordinates make layout analysis walk a huge grid; nobody can see
        # them anyway, so they go before analysis.
        item = self.cur_item
        width, height = item.width, item.height
        lo_x, hi_x, lo_y, hi_y = _kept_area(width, height)
        glyphs = [
            g
            for g in self._recorder.glyphs
            if g[2] >= lo_x and g[0] <= hi_x and g[3] >= lo_y and g[1] <= hi_y
        ]
        objs = item._objs  # pdfminer keeps children here; there is no public setter
        objs[:] = [
            o for o in objs if o.x1 >= lo_x and o.x0 <= hi_x and o.y1 >= lo_y and o.y0 <= hi_y
        ]
        # pdfminer's `LTPage.analyze` groups characters into lines, then lines into text boxes
        # and sorts the boxes; reading order here is worked out from the lines themselves
        # (`_order_page`), so only the first step runs: the rest is a tenth of the parse.
        # Lines pdfminer calls empty (zero width or height) stay, as its own analysis keeps them.
        params = self.laparams
        self.lines = group_lines(
            glyphs,
            line_overlap=params.line_overlap,
            char_margin=params.char_margin,
            word_margin=params.word_margin,
        )
        for other in objs:  # figures: pdfminer's full analysis of the text inside them
            other.analyze(params)
        self._recorder.reset()
        self.pageno += 1
        self.receive_layout(item)


def _collect(container: Iterable[Any], page: _Page, number: int) -> int:
    """Gather text lines inside figures into `page`; return the number of images."""
    from pdfminer.layout import LTChar, LTFigure, LTImage, LTTextBox, LTTextLine

    images = 0
    for obj in container:
        if isinstance(obj, LTTextBox | LTTextLine):
            for line in obj if isinstance(obj, LTTextBox) else (obj,):
                if isinstance(line, LTTextLine):
                    styles = [
                        (ch.fontname, ch.size, ch.graphicstate.ncolor)
                        for ch in line
                        if isinstance(ch, LTChar)
                    ]
                    text = TextLine(line.get_text(), line.x0, line.y0, line.x1, line.y1, styles)
                    raw = _raw_line(text, page, number)
                    if raw is not None:
                        page.lines.append(raw)
        elif isinstance(obj, LTImage):
            images += 1
        elif isinstance(obj, LTFigure):
            images += _collect(obj, page, number)
    return images


def _raw_line(line: TextLine, page: _Page, number: int) -> _Raw | None:
    text = line.text.strip()
    if not text:
        return None
    # Count characters per (font, size, colour) run first: a line has a handful of distinct
    # runs and dozens of characters, so the per-run work below runs a handful of times.
    runs: dict[tuple[str, float, Any], int] = {}
    for key in line.styles:
        try:
            runs[key] = runs.get(key, 0) + 1
        except TypeError:  # an unhashable colour value from a broken file
            key = (key[0], key[1], None)
            runs[key] = runs.get(key, 0) + 1
    fonts: dict[str, int] = {}
    sizes: dict[float, int] = {}
    colors: dict[str | None, int] = {}
    bold = chars = 0
    for (name, raw_size, ncolor), count in runs.items():
        chars += count
        fonts[name] = fonts.get(name, 0) + count
        size = round(raw_size, 1)
        sizes[size] = sizes.get(size, 0) + count
        color = _color(ncolor)
        colors[color] = colors.get(color, 0) + count
        if _is_bold(name):
            bold += count
    # A line reaching far off the page (a glyph scaled a billion times, or to infinity) is
    # clipped to the area glyphs are kept in: the column finder walks the lines' width point by
    # point, so one such line would otherwise cost gigabytes.
    lo_x, hi_x, lo_y, hi_y = _kept_area(page.width, page.height)
    return _Raw(
        text=text,
        page=number,
        x0=min(max(float(line.x0), lo_x), hi_x),
        top=page.height - min(max(float(line.y1), lo_y), hi_y),
        x1=min(max(float(line.x1), lo_x), hi_x),
        bottom=page.height - min(max(float(line.y0), lo_y), hi_y),
        size=max(sizes, key=sizes.__getitem__) if sizes else None,
        font=_clean_font(max(fonts, key=fonts.__getitem__)) if fonts else None,
        bold_chars=bold,
        chars=chars or len(text),
        color=max(colors, key=colors.__getitem__) if colors else None,
    )


@lru_cache(maxsize=512)
def _is_bold(fontname: str) -> bool:
    return bool(_BOLD.search(fontname))


def _clean_font(fontname: str) -> str:
    """Drop the subset tag ("ABCDEF+Lato-Bold" -> "Lato-Bold")."""
    if len(fontname) > 7 and fontname[6] == "+" and fontname[:6].isupper():
        return fontname[7:]
    return fontname


def _color(value: Any) -> str | None:
    try:
        return _color_cached(value)
    except TypeError:  # unhashable colour value (a list from a broken file)
        return None


@lru_cache(maxsize=256)
def _color_cached(value: Any) -> str | None:
    """Gray, RGB or CMYK fill colour as "#rrggbb"; None for patterns and oddities."""
    if isinstance(value, int | float):
        rgb: tuple[float, ...] = (value, value, value)
    elif isinstance(value, tuple) and all(isinstance(v, int | float) for v in value):
        if len(value) == 1:
            rgb = (value[0],) * 3
        elif len(value) == 3:
            rgb = value
        elif len(value) == 4:
            c, m, y, k = value
            rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
        else:
            return None
    else:
        return None
    channels = [min(255, max(0, round(float(v) * 255))) for v in rgb]
    return "#{:02x}{:02x}{:02x}".format(*channels)


def _band_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower()).strip()


def _assign_regions(pages: Sequence[_Page]) -> None:
    """Mark running heads and feet as header / footer.

    Position alone misleads: LaTeX resumes put the name and the last lines of text inside the
    outer 8% of the page. A line in that band counts when it is a page number, when the same
    text (digits aside) recurs in the outer 12% of other pages, or when it is no larger than the
    body text and set apart from the body by a clear vertical gap, as headers and footers are.
    """
    seen: dict[tuple[str, str], set[int]] = {}
    for page in pages:
        for line in page.lines:
            band = _band_of(line, page.height, 0.12)
            if band is not None:
                seen.setdefault((band, _band_key(line.text)), set()).add(line.page)
    for page in pages:
        if not page.lines:
            continue
        sizes = sorted(line.size or 0.0 for line in page.lines)
        body_size = sizes[len(sizes) // 2] + 0.5
        small: dict[int, str] = {}
        for index, line in enumerate(page.lines):
            band = _band_of(line, page.height, _BAND)
            if band is not None and (line.size or 0.0) <= body_size:
                small[index] = band
        others = [line for i, line in enumerate(page.lines) if i not in small]
        for index, line in enumerate(page.lines):
            wide = _band_of(line, page.height, 0.12)
            if wide is None:
                continue
            if len(seen.get((wide, _band_key(line.text)), ())) > 1 or (
                _PAGE_NUMBER.match(line.text) and index in small
            ):
                line.region = wide  # type: ignore[assignment]
            elif index in small and _isolated(line, small[index], others):
                line.region = small[index]  # type: ignore[assignment]


def _isolated(line: _Raw, band: str, others: Sequence[_Raw]) -> bool:
    """Whether a clear gap separates `line` from the body text on the inner side of its band."""
    need = max(1.5 * line.height, 12.0)
    if band == "header":
        gaps = [other.top - line.bottom for other in others if other.bottom > line.top]
    else:
        gaps = [line.top - other.bottom for other in others if other.top < line.bottom]
    return min(gaps, default=need) >= need


def _band_of(line: _Raw, height: float, share: float) -> str | None:
    if line.bottom <= share * height:
        return "header"
    if line.top >= (1 - share) * height:
        return "footer"
    return None


def _order_page(page: _Page) -> tuple[list[_Raw], int]:
    """Reading order of one page: header band, body (column by column), footer band."""
    header = [line for line in page.lines if line.region == "header"]
    footer = [line for line in page.lines if line.region == "footer"]
    body = [line for line in page.lines if line.region == "body"]
    gutters: list[float] = []
    ordered = _merge_rows(header) + _order_body(body, gutters) + _merge_rows(footer)
    return ordered, len(gutters) + 1


def _order_body(lines: list[_Raw], gutters: list[float], depth: int = 0) -> list[_Raw]:
    """Cut at a vertical gutter when there is one, recursively (up to three gutters)."""
    gutter = _find_gutter(lines) if depth < 3 else None
    if gutter is None:
        return _merge_rows(lines)
    gutters.append(gutter)
    crossing = sorted(
        (line for line in lines if line.x0 < gutter - 0.5 and line.x1 > gutter + 0.5),
        key=lambda line: line.top,
    )
    out: list[_Raw] = []
    band_top = float("-inf")
    # Lines crossing the gutter (a name across the top, a full-width heading) cut the page
    # into bands; each band is read left column first.
    for cut in [*crossing, None]:
        band_bottom = cut.middle if cut is not None else float("inf")
        band = [line for line in lines if band_top <= line.middle < band_bottom]
        left = _order_body([x for x in band if x.x1 <= gutter + 0.5], gutters, depth + 1)
        right = _order_body([x for x in band if x.x0 >= gutter - 0.5], gutters, depth + 1)
        shift = 1 + max((line.column for line in left), default=0)
        for line in right:
            line.column += shift
        out += left + right
        if cut is not None:
            out.append(cut)
            band_top = cut.middle
    return out


def _find_gutter(lines: Sequence[_Raw]) -> float | None:
    """An x position that (almost) no line crosses, with real text on both sides.

    Coverage is counted per point of width; runs of low coverage in the middle 76% of the text
    are candidates. A candidate must leave at least 15% of the characters on each side, three
    lines each, spanning a good part of the same height: that rules out right-aligned dates and
    short labels in one-column resumes.
    """
    if len(lines) < 6:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    span = right_edge - left_edge
    if span < 100:
        return None
    width = int(span) + 2
    diff = [0] * (width + 1)
    for line in lines:
        a = int(line.x0 - left_edge) + 1
        b = int(line.x1 - left_edge)
        if a < b:
            diff[a] += 1
            diff[b] -= 1
    coverage = []
    running = 0
    for step in diff:
        running += step
        coverage.append(running)
    allowed = max(1, len(lines) // 8)
    lo, hi = int(0.12 * span), int(0.88 * span)
    runs: list[tuple[int, int, int]] = []  # (min coverage, -width, middle)
    start = None
    for x in range(lo, hi + 1):
        low = x < hi and coverage[x] <= allowed
        if low and start is None:
            start = x
        elif not low and start is not None:
            runs.append((min(coverage[start:x]), start - x, (start + x) // 2))
            start = None
    total_chars = sum(line.chars for line in lines)
    top = min(line.top for line in lines)
    height = max(line.bottom for line in lines) - top
    for _, _, middle in sorted(runs):
        gutter = left_edge + middle
        left = [line for line in lines if line.x1 <= gutter + 0.5]
        right = [line for line in lines if line.x0 >= gutter - 0.5]
        if _substantial(left, right, total_chars, height):
            return gutter
    return None


def _substantial(
    left: Sequence[_Raw], right: Sequence[_Raw], total_chars: int, height: float
) -> bool:
    if len(left) < 3 or len(right) < 3:
        return False
    for side in (left, right):
        if sum(line.chars for line in side) < 0.08 * total_chars:
            return False
    l_top, l_bottom = min(x.top for x in left), max(x.bottom for x in left)
    r_top, r_bottom = min(x.top for x in right), max(x.bottom for x in right)
    shared = min(l_bottom, r_bottom) - max(l_top, r_top)
    if shared < 0.3 * height:
        return False
    # Dates or labels beside one-column text are short and sit on the baselines of the text
    # they belong to; a narrow sidebar keeps its own rhythm. (Two full columns of the same
    # font share baselines too, so this test only applies to a side with little text.)
    small, big = (left, right) if len(left) <= len(right) else (right, left)
    if sum(line.chars for line in small) >= 0.2 * total_chars:
        return True
    baselines = sorted(line.bottom for line in big)
    paired = sum(1 for line in small if _near(baselines, line.bottom, 0.25 * line.height))
    return paired < 0.7 * len(small)


def _near(sorted_values: list[float], value: float, tolerance: float) -> bool:
    i = bisect.bisect_left(sorted_values, value - tolerance)
    return i < len(sorted_values) and sorted_values[i] <= value + tolerance


def _merge_rows(lines: list[_Raw]) -> list[_Raw]:
    """Sort top to bottom and join fragments on one baseline, left to right, with a tab."""
    if not lines:
        return []
    lines = sorted(lines, key=lambda line: (line.top, line.x0))
    out: list[_Raw] = []
    group = [lines[0]]
    for line in lines[1:]:
        anchor = group[0]
        overlap = min(line.bottom, anchor.bottom) - max(line.top, anchor.top)
        if overlap >= 0.6 * min(line.height, anchor.height):
            group.append(line)
        else:
            out.append(_join(group))
            group = [line]
    out.append(_join(group))
    return out


def _join(group: list[_Raw]) -> _Raw:
    if len(group) == 1:
        return group[0]
    group.sort(key=lambda line: line.x0)
    main = max(group, key=lambda line: line.chars)
    return _Raw(
        text="\t".join(line.text for line in group),
        page=main.page,
        x0=min(line.x0 for line in group),
        top=min(line.top for line in group),
        x1=max(line.x1 for line in group),
        bottom=max(line.bottom for line in group),
        size=main.size,
        font=main.font,
        bold_chars=sum(line.bold_chars for line in group),
        chars=sum(line.chars for line in group),
        color=main.color,
        region=main.region,
        column=group[0].column,
    )


def _finish(ordered: list[_Raw], *, soft_hyphens: bool) -> list[Line]:
    """Repair text, rejoin hyphenated words within one column, and build `Line`s."""
    texts = [repair_text(line.text.replace("\n", " ")) for line in ordered]
    start = 0
    for end in range(1, len(ordered) + 1):
        if end == len(ordered) or (ordered[end].region, ordered[end].column) != (
            ordered[start].region,
            ordered[start].column,
        ):
            texts[start:end] = join_hyphenated(texts[start:end], soft=soft_hyphens)
            start = end
    out = []
    for raw, text in zip(ordered, texts, strict=True):
        if not text:
            continue
        out.append(
            Line(
                text=text,
                page=raw.page,
                bbox=(round(raw.x0, 2), round(raw.top, 2), round(raw.x1, 2), round(raw.bottom, 2)),
                size=raw.size,
                font=raw.font,
                bold=raw.bold_chars * 2 > raw.chars,
                color=raw.color,
                region=raw.region,
                column=raw.column,
            )
        )
    return out
