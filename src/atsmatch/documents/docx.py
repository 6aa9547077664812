"""DOCX into lines by walking the WordprocessingML itself, zip limits checked first.

python-docx's `document.paragraphs` misses most places where resume text hides (tables, text
boxes, content controls, headers and footers, footnotes, tracked insertions) and cannot open
Strict OOXML or `.dotx`/`.docm` packages, so one walker reads the XML parts directly, in both
the transitional and the Strict namespaces. Tracked deletions and field instructions are not
text and are skipped; the `mc:Fallback` copy of a text box is skipped so text is not doubled.

Layout choices, so downstream stages know what a `Line` is here:
- one `Line` per paragraph, split at explicit breaks (`w:br`); `w:tab` becomes a tab;
- list paragraphs (numbering) start with "• ", since Word draws the bullet and the structure
  parser reads bullets from the text;
- tables: one `Line` per cell paragraph in row order, region "table", `column` = cell index,
  which keeps every keyword intact and reads a two-column layout table row by row;
- order: header lines, body, footnotes, endnotes, footer lines; identical header/footer text
  from several sections appears once;
- hidden runs (`w:vanish`, `w:specVanish`, set directly or through a style) are kept, since an
  ATS reads them, and a line whose characters are mostly hidden is marked `Line.hidden`.

Bounds: entry count, declared sizes and compression ratios are checked from the zip directory
before anything is inflated; each member is read with a bounded read; XML is parsed without
DTDs, entities or network access.
"""

from __future__ import annotations

import io
import posixpath
import struct
import time
import zipfile
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from atsmatch.documents.errormap import ErrorMap, LimitReached, map_reader_errors
from atsmatch.documents.repair import count_repairs, repair_text
from atsmatch.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from atsmatch.limits import Limits
from atsmatch.models import Document, Line, Region

__all__ = ["read_docx"]

_W = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    }
)
_R = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
# Entries this large must not be compressed more than `Limits.max_zip_ratio`; small parts of
# repetitive XML legitimately compress far better, and can do no harm.
_RATIO_FLOOR = 1 << 20
_CHECK_EVERY = 256  # paragraphs between clock checks
_PIECE = 64 * 1024  # bytes unzipped and parsed at a time
_APP_PART = "docProps/app.xml"  # the extended properties, where Word saves the page count
_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "remove_comments": True,
    "remove_pis": True,
}
_FALLBACK = f"{{{_MC}}}Fallback"
_COUNTED = [_FALLBACK, *(f"{{{namespace}}}t" for namespace in sorted(_W))]
_OFF = frozenset({"0", "false", "off", "none"})
_SKIP = frozenset(
    {
        "pPr", "rPr", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "sdtPr", "sdtEndPr",
        "del", "moveFrom", "delText", "instrText", "delInstrText", "commentReference",
        "footnoteReference", "endnoteReference", "bookmarkStart", "bookmarkEnd",
        "proofErr", "permStart", "permEnd", "lastRenderedPageBreak", "fldChar",
    }
)  # fmt: skip
_INLINE_WRAPPERS = frozenset(
    {"hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent",
     "dir", "bdo", "r"}
)  # fmt: skip
_OTHER_ZIPS: tuple[tuple[str, str], ...] = (
    ("xl/", "an Excel workbook"),
    ("ppt/", "a PowerPoint presentation"),
    ("mimetype", "an OpenDocument file"),
    ("META-INF/container.xml", "an EPUB book"),
)


_ERRORS: ErrorMap = {
    LimitReached: (LimitExceededError, "{exc}"),
    MemoryError: (LimitExceededError, "the document needs too much memory"),
    RecursionError: (CorruptDocumentError, "the document nests too deeply"),
    Exception: (CorruptDocumentError, "the Word document could not be parsed ({kind}: {exc})"),
}


def read_docx(data: bytes, *, source: str, limits: Limits, started: float) -> Document:
    """Read DOCX (or any WordprocessingML zip: .docm, .dotx, Strict) bytes into a `Document`."""
    with map_reader_errors(source, _ERRORS):
        return _read(data, source=source, limits=limits, started=started)


def _declared_entries(data: bytes) -> int | None:
    """Entry count from the end-of-central-directory record, read before zipfile parses it."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    total: int = struct.unpack_from("<H", data, at + 10)[0]
    return None if total == 0xFFFF else total


def _read(data: bytes, *, source: str, limits: Limits, started: float) -> Document:
    declared = _declared_entries(data)
    if declared is not None and declared > limits.max_zip_entries:
        raise LimitExceededError(
            f"the zip holds {declared:,} entries, over the limit of {limits.max_zip_entries:,}",
            source=source,
        )
    package = _Package(data, source=source, limits=limits)
    main = package.main_part()
    root = package.xml(main)
    namespace, _, local = str(root.tag).rpartition("}")
    if namespace.lstrip("{") not in _W or local != "document":
        raise UnsupportedFormatError(
            "a zip archive that is not a Word document; export it as PDF or .docx",
            source=source,
        )
    rels = package.relationships(main)
    walker = _Walker(
        styles=_Styles(
            package.xml(rels.by_kind["styles"][0]) if rels.by_kind.get("styles") else None
        ),
        limits=limits,
        deadline=started + limits.max_seconds,
    )
    body = _child(root, "body")
    headers, footers = _section_parts(root, rels)
    for part in headers:
        walker.part(package.xml(part), "header")
    if body is not None:
        walker.block(body, "body")
    for kind in ("footnotes", "endnotes"):
        for part in rels.by_kind.get(kind, ()):
            walker.notes(package.xml(part))
    for part in footers:
        walker.part(package.xml(part), "footer")
    if not walker.lines:
        raise NoTextLayerError("the document holds no text", source=source)
    pages, estimated = _pages(package, walker)
    return Document(
        source=source,
        format="docx",
        pages=pages,
        pages_estimated=estimated,
        byte_size=len(data),
        lines=tuple(walker.lines),
        images=walker.images,
        junk_glyphs=walker.junk_glyphs,
        ligatures=walker.ligatures,
    )


# A resume page holds about this many lines of about this many characters (11 pt, 2 cm margins,
# single spacing).
_LINES_PER_PAGE = 56
_CHARS_PER_LINE = 105


def _pages(package: _Package, walker: _Walker) -> tuple[int, bool]:
    """The page count Word saved in `docProps/app.xml`, else an estimate (flagged True).

    A saved count is used when the file's statistics were filled in (its word count is not 0)
    and it is no lower than the pages the hard breaks start.

    The estimate is the largest of: the pages that hard page breaks and new-page section
    breaks start, the pages Word last laid out (`w:lastRenderedPageBreak`), and the text's
    length in lines (each paragraph at least one line) over the lines a page holds.
    """
    breaks = max(walker.page_breaks, walker.rendered_breaks) + 1
    if _APP_PART in package.infos:
        saved = {
            element.tag.rpartition("}")[2]: (element.text or "").strip()
            for element in package.xml(_APP_PART)
            if isinstance(element.tag, str)
        }
        pages = saved.get("Pages", "")
        # Templates and generators copy a stale app.xml ("1 page, 0 words"): trust the count
        # only when the statistics were filled in and agree with the hard breaks.
        live = saved.get("Words", "1") not in ("", "0")
        if live and pages.isdigit() and int(pages) >= breaks:
            return int(pages), False
    body = [line.text for line in walker.lines if line.region in ("body", "table", "textbox")]
    lines = sum(max(1, -(-len(text) // _CHARS_PER_LINE)) for text in body)
    by_length = -(-lines // _LINES_PER_PAGE)
    return max(breaks, by_length), True


def _section_break(ppr: Any) -> int:
    """1 when the paragraph ends a section that the next one starts on a new page."""
    sect = _child(ppr, "sectPr")
    if sect is None:
        return 0
    kind = _child(sect, "type")
    return int(kind is None or _attr(kind, "val") not in ("continuous",))


def _child(element: Any, local: str) -> Any:
    for child in element:
        if isinstance(child.tag, str) and child.tag.endswith("}" + local):
            return child
    return None


def _attr(element: Any, local: str) -> str | None:
    """A `w:`-namespaced attribute in either namespace (or unqualified)."""
    for key, value in element.attrib.items():
        if key == local or key.endswith("}" + local):
            return str(value)
    return None


def _section_parts(root: Any, rels: _Rels) -> tuple[list[str], list[str]]:
    """Header and footer parts referenced by the sections, in document order, once each."""
    by_id = rels.by_id
    headers: list[str] = []
    footers: list[str] = []
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        local = tag.rpartition("}")[2]
        if local in ("headerReference", "footerReference"):
            rid = next(
                (element.get(f"{{{ns}}}id") for ns in _R if element.get(f"{{{ns}}}id")), None
            )
            target = by_id.get(rid or "")
            bucket = headers if local == "headerReference" else footers
            if target and target not in bucket:
                bucket.append(target)
    return headers, footers


class _Package:
    """The zip container: directory checks up front, bounded reads, safe XML parsing."""

    def __init__(self, data: bytes, *, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        infos = self.zip.infolist()
        if len(infos) > limits.max_zip_entries:
            raise LimitExceededError(
                f"the zip holds {len(infos):,} entries, over the limit of "
                f"{limits.max_zip_entries:,}",
                source=source,
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_unzipped_bytes:
            raise LimitExceededError(
                f"the zip expands to {total:,} bytes, over the limit of "
                f"{limits.max_unzipped_bytes:,}",
                source=source,
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > _RATIO_FLOOR and ratio > limits.max_zip_ratio:
                raise LimitExceededError(
                    f"zip entry {info.filename!r} expands {ratio:,.0f}:1, over the limit of "
                    f"{limits.max_zip_ratio:g}:1",
                    source=source,
                )
        self.infos = {info.filename: info for info in infos}
        self.budget = limits.max_unzipped_bytes
        self.chars = 0  # characters in text runs so far, over every part
        self.fallbacks = 0  # depth of `mc:Fallback` around the parser's position

    def xml(self, name: str) -> Any:
        """Parse a part while it is unzipped, counting its bytes and the characters of its text
        runs as they come, so a part over either limit stops there, not after the whole tree.

        Text in `mc:Fallback` (a copy of the `mc:Choice` text) is not counted, as it is not
        read; `_Walker` still counts the text it emits exactly.
        """
        info = self.infos.get(name)
        if info is None:
            raise CorruptDocumentError(f"the part {name!r} is missing", source=self.source)
        if info.flag_bits & 0x1:
            raise EncryptedDocumentError(
                "the document's parts are encrypted; save an unprotected copy", source=self.source
            )
        allowed = min(info.file_size, self.budget)
        parser = etree.XMLPullParser(events=("start", "end"), tag=_COUNTED, **_PARSER_OPTIONS)
        size = 0
        with self.zip.open(info) as handle:
            while piece := handle.read(min(_PIECE, allowed + 1 - size)):
                size += len(piece)
                if size > allowed:
                    raise LimitExceededError(
                        f"zip entry {name!r} expands past its declared size or the size limit",
                        source=self.source,
                    )
                parser.feed(piece)
                self._count(parser)
        root = parser.close()
        self._count(parser)
        self.budget -= size
        return root

    def _count(self, parser: Any) -> None:
        for event, element in parser.read_events():
            if element.tag == _FALLBACK:
                self.fallbacks += 1 if event == "start" else -1
            elif event == "end" and not self.fallbacks:
                self.chars += len(element.text or "") + sum(len(n.tail or "") for n in element)
                if self.chars > self.limits.max_chars:
                    raise LimitReached(
                        f"more than {self.limits.max_chars:,} characters of text, over the limit"
                    )

    def main_part(self) -> str:
        """The main document part, found through the package relationships."""
        if "_rels/.rels" in self.infos:
            for rel in self.xml("_rels/.rels"):
                if _rel_kind(rel) == "officeDocument" and rel.get("TargetMode") != "External":
                    target = _resolve("", rel.get("Target", ""))
                    if target in self.infos:
                        return target
        if "word/document.xml" in self.infos:
            return "word/document.xml"
        for marker, what in _OTHER_ZIPS:
            if any(name.startswith(marker) for name in self.infos):
                raise UnsupportedFormatError(
                    f"{what} is not supported; export it as PDF or .docx", source=self.source
                )
        raise UnsupportedFormatError(
            "a zip archive that is not a Word document; export it as PDF or .docx",
            source=self.source,
        )

    def relationships(self, part: str) -> _Rels:
        """Targets of a part's internal relationships, by kind ("header", "styles") and id."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        rels = _Rels()
        if rels_name not in self.infos:
            return rels
        for rel in self.xml(rels_name):
            if rel.get("TargetMode") == "External":
                continue
            target = _resolve(folder, rel.get("Target", ""))
            if target not in self.infos:
                continue
            rels.by_kind.setdefault(_rel_kind(rel), []).append(target)
            rels.by_id[rel.get("Id", "")] = target
        return rels


@dataclass(slots=True)
class _Rels:
    by_kind: dict[str, list[str]] = field(default_factory=dict)
    by_id: dict[str, str] = field(default_factory=dict)


def _rel_kind(rel: Any) -> str:
    return str(rel.get("Type", "")).rstrip("/").rpartition("/")[2]


def _resolve(folder: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target)) if target else ""


def _on(element: Any) -> bool:
    value = _attr(element, "val")
    return value is None or value.lower() not in _OFF


@dataclass(slots=True)
class _RunStyle:
    """Character formatting that matters to us; None means "not set here"."""

    bold: bool | None = None
    size: float | None = None
    color: str | None = None
    font: str | None = None
    hidden: bool | None = None  # w:vanish: Word neither shows nor prints it; an ATS reads it

    def over(self, base: _RunStyle) -> _RunStyle:
        return _RunStyle(
            bold=self.bold if self.bold is not None else base.bold,
            size=self.size if self.size is not None else base.size,
            color=self.color if self.color is not None else base.color,
            font=self.font if self.font is not None else base.font,
            hidden=self.hidden if self.hidden is not None else base.hidden,
        )


def _run_style(rpr: Any) -> _RunStyle:
    style = _RunStyle()
    if rpr is None:
        return style
    special = False
    for child in rpr:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        local = tag.rpartition("}")[2]
        if local == "b":
            style.bold = _on(child)
        elif local == "vanish":
            style.hidden = _on(child)
        elif local == "specVanish":
            special = special or _on(child)
        elif local == "sz":
            value = _attr(child, "val") or ""
            if value.isdigit():
                style.size = int(value) / 2
        elif local == "color":
            value = (_attr(child, "val") or "").lower()
            if len(value) == 6 and all(c in "0123456789abcdef" for c in value):
                style.color = "#" + value
        elif local == "rFonts":
            style.font = _attr(child, "ascii") or _attr(child, "hAnsi")
    if special:  # w:specVanish hides the run whatever w:vanish says
        style.hidden = True
    return style


@dataclass(slots=True)
class _StyleDef:
    run: _RunStyle
    based_on: str | None
    heading: bool
    numbered: bool


class _Styles:
    """Paragraph and character styles from styles.xml, with `basedOn` inheritance."""

    def __init__(self, root: Any) -> None:
        self.defs: dict[str, _StyleDef] = {}
        self.default = _RunStyle()
        if root is None:
            return
        for element in root:
            tag = element.tag
            if not isinstance(tag, str):
                continue
            local = tag.rpartition("}")[2]
            if local == "docDefaults":
                rpr_default = _child(element, "rPrDefault")
                if rpr_default is not None:
                    self.default = _run_style(_child(rpr_default, "rPr"))
            elif local == "style":
                style_id = _attr(element, "styleId")
                if style_id is None:
                    continue
                name_el = _child(element, "name")
                name = (_attr(name_el, "val") or "").lower() if name_el is not None else ""
                based = _child(element, "basedOn")
                ppr = _child(element, "pPr")
                self.defs[style_id] = _StyleDef(
                    run=_run_style(_child(element, "rPr")),
                    based_on=_attr(based, "val") if based is not None else None,
                    heading=name.startswith("heading")
                    or name == "title"
                    or (ppr is not None and _child(ppr, "outlineLvl") is not None),
                    numbered=ppr is not None and _child(ppr, "numPr") is not None,
                )
        self._cache: dict[str, tuple[_RunStyle, bool, bool]] = {}

    def resolve(self, style_id: str | None) -> tuple[_RunStyle, bool, bool]:
        """(run formatting, is a heading, is a list style) of a style and its ancestors."""
        if style_id is None or not self.defs:
            return self.default, False, False
        cached = self._cache.get(style_id)
        if cached is not None:
            return cached
        run, heading, numbered = _RunStyle(), False, False
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen and len(seen) < 20:
            seen.add(current)
            definition = self.defs.get(current)
            if definition is None:
                break
            run = run.over(definition.run)
            heading = heading or definition.heading
            numbered = numbered or definition.numbered
            current = definition.based_on
        result = (run.over(self.default), heading, numbered)
        self._cache[style_id] = result
        return result


@dataclass(slots=True)
class _Paragraph:
    """Text pieces of one paragraph with their formatting, and text boxes found inside it."""

    base: _RunStyle
    pieces: list[tuple[str, _RunStyle]] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    control: bool = False  # holds an inline content control (w:sdt)


class _Walker:
    """Walks WordprocessingML containers in document order and collects `Line`s."""

    def __init__(self, *, styles: _Styles, limits: Limits, deadline: float) -> None:
        self.styles = styles
        self.limits = limits
        self.deadline = deadline
        self.lines: list[Line] = []
        self.images = 0
        self.chars = 0
        self.paragraphs = 0
        self.seen: set[tuple[str, str]] = set()
        self.controls = 0  # depth of block-level content controls around the walk
        self.junk_glyphs = 0
        self.ligatures = 0
        self.page_breaks = 0  # hard page breaks and new-page section breaks in the body
        self.rendered_breaks = 0  # where Word last laid out a new page (w:lastRenderedPageBreak)

    def part(self, root: Any, region: Region) -> None:
        self.block(root, region)

    def notes(self, root: Any) -> None:
        for note in root:
            if not isinstance(note.tag, str):
                continue
            kind = _attr(note, "type")
            if kind in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            self.block(note, "footnote")

    def block(self, container: Any, region: Region, column: int = 0) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            namespace, _, local = tag.rpartition("}")
            if namespace == "{" + _MC:
                if local == "AlternateContent":
                    choice = _child(child, "Choice")
                    if choice is not None:
                        self.block(choice, region, column)
                continue
            if local == "p":
                self.paragraph(child, region, column)
            elif local == "tbl":
                self.table(child, region)
            elif local in _SKIP:
                continue
            elif local == "txbxContent":
                self.block(child, _nested(region, "textbox"), column)
            elif local == "sdt":
                self.controls += 1
                try:
                    self.block(child, region, column)
                finally:
                    self.controls -= 1
            else:  # sdtContent, customXml, ins, moveTo, and unknown wrappers
                self.block(child, region, column)

    def table(self, table: Any, region: Region) -> None:
        inner = _nested(region, "table")
        for row in _rows(table):
            index = 0
            for cell in row:
                if isinstance(cell.tag, str) and cell.tag.endswith("}tc"):
                    self.block(cell, inner, index)
                    index += 1

    def paragraph(self, p: Any, region: Region, column: int) -> None:
        self.paragraphs += 1
        if self.paragraphs % _CHECK_EVERY == 0 and time.monotonic() > self.deadline:
            raise LimitReached(
                f"reading took longer than the limit of {self.limits.max_seconds:g} s"
            )
        ppr = _child(p, "pPr")
        style_id = None
        numbered = False
        if ppr is not None:
            style_el = _child(ppr, "pStyle")
            style_id = _attr(style_el, "val") if style_el is not None else None
            if region == "body":
                self.page_breaks += _section_break(ppr) + (
                    _child(ppr, "pageBreakBefore") is not None
                )
            num = _child(ppr, "numPr")
            if num is not None:
                num_id = _child(num, "numId")
                numbered = num_id is None or _attr(num_id, "val") != "0"
        base, heading, style_numbered = self.styles.resolve(style_id)
        if heading:  # Word shows headings emphasised; the structure parser reads that as bold
            base = replace(base, bold=True)
        paragraph = _Paragraph(base=base)
        self.inline(p, paragraph)
        self.emit(paragraph, region, column, bullet=numbered or style_numbered)
        for box in paragraph.boxes:
            self.block(box, _nested(region, "textbox"))

    def inline(self, element: Any, paragraph: _Paragraph) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue  # comments, unresolved entity references
            namespace, _, local = tag.rpartition("}")
            if namespace == "{" + _MC:
                if local == "AlternateContent":
                    choice = _child(child, "Choice")
                    if choice is not None:
                        self.inline(choice, paragraph)
                continue
            if namespace[1:] not in _W:
                self.objects(child, paragraph)
            elif local == "r":
                self.run(child, paragraph)
            elif local in _SKIP:
                continue
            elif local == "txbxContent":
                paragraph.boxes.append(child)
            elif local in _INLINE_WRAPPERS:
                paragraph.control = paragraph.control or local == "sdt"
                self.inline(child, paragraph)
            elif local in ("drawing", "pict", "object"):
                self.objects(child, paragraph)

    def run(self, run: Any, paragraph: _Paragraph) -> None:
        style = paragraph.base
        rpr = _child(run, "rPr")
        if rpr is not None:
            own = _run_style(rpr)
            char_style = _child(rpr, "rStyle")
            if char_style is not None:
                own = own.over(self.styles.resolve(_attr(char_style, "val"))[0])
            style = own.over(style)
        for child in run:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            namespace, _, local = tag.rpartition("}")
            if local == "t" and namespace[1:] in _W:
                # An unresolved entity reference is a child node; the text after it is its tail.
                text = (child.text or "") + "".join(node.tail or "" for node in child)
                if text:
                    paragraph.pieces.append((text, style))
            elif local == "tab":
                paragraph.pieces.append(("\t", style))
            elif local in ("br", "cr"):
                paragraph.pieces.append(("\n", style))
                self.page_breaks += _attr(child, "type") == "page"
            elif local == "lastRenderedPageBreak":
                self.rendered_breaks += 1
            elif local == "noBreakHyphen":
                paragraph.pieces.append(("-", style))
            elif local in ("drawing", "pict", "object") or namespace == "{" + _MC:
                self.objects(child, paragraph)

    def objects(self, element: Any, paragraph: _Paragraph) -> None:
        """Find text boxes and pictures inside drawings, skipping `mc:Fallback` copies."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            namespace, _, local = tag.rpartition("}")
            if local == "Fallback" and namespace == "{" + _MC:
                continue
            if local == "txbxContent":
                paragraph.boxes.append(child)
            elif local in ("blip", "imagedata"):
                self.images += 1
            else:
                self.objects(child, paragraph)

    def emit(self, paragraph: _Paragraph, region: Region, column: int, *, bullet: bool) -> None:
        segments: list[list[tuple[str, _RunStyle]]] = [[]]
        for text, style in paragraph.pieces:
            parts = text.split("\n")
            for i, part in enumerate(parts):
                if i:
                    segments.append([])
                if part:
                    segments[-1].append((part, style))
        first = True
        control = paragraph.control or self.controls > 0
        for segment in segments:
            raw = "".join(part for part, _ in segment)
            junk, ligatures = count_repairs((raw,))
            self.junk_glyphs += junk
            self.ligatures += ligatures
            text = repair_text(raw)
            if not text:
                continue
            if bullet and first and not text.startswith(("•", "-", "*", "–", "·", "▪")):
                text = "• " + text
            first = False
            if region in ("header", "footer"):
                key = (region, text)
                if key in self.seen:
                    continue
                self.seen.add(key)
            self.chars += len(text)
            if self.chars > self.limits.max_chars:
                raise LimitReached(
                    f"more than {self.limits.max_chars:,} characters of text, over the limit"
                )
            self.lines.append(_line(text, segment, region, column, control=control))


def _rows(table: Any) -> list[Any]:
    """Table rows, also those wrapped in content controls or custom XML."""
    rows: list[Any] = []
    for child in table:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        local = tag.rpartition("}")[2]
        if local == "tr":
            rows.append(child)
        elif local in ("sdt", "sdtContent", "customXml", "ins"):
            rows.extend(_rows(child))
    return rows


def _nested(region: Region, inner: Region) -> Region:
    """Tables and text boxes in the body get their own region; headers, footers and notes win."""
    return inner if region in ("body", "table", "textbox") else region


def _line(
    text: str,
    segment: list[tuple[str, _RunStyle]],
    region: Region,
    column: int,
    *,
    control: bool = False,
) -> Line:
    """A `Line` with the formatting that covers most of its characters."""
    bold = hidden = 0
    sizes: dict[float, int] = {}
    colors: dict[str, int] = {}
    fonts: dict[str, int] = {}
    total = 0
    for part, style in segment:
        n = len(part.strip())
        total += n
        if style.bold:
            bold += n
        if style.hidden:
            hidden += n
        if style.size is not None:
            sizes[style.size] = sizes.get(style.size, 0) + n
        if style.color is not None:
            colors[style.color] = colors.get(style.color, 0) + n
        if style.font is not None:
            fonts[style.font] = fonts.get(style.font, 0) + n
    return Line(
        text=text,
        size=max(sizes, key=sizes.__getitem__) if sizes else None,
        font=max(fonts, key=fonts.__getitem__) if fonts else None,
        bold=bold * 2 > total,
        color=max(colors, key=colors.__getitem__) if colors else None,
        region=region,
        column=column,
        control=control,
        hidden=hidden * 2 > total,
    )
