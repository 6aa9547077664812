"""File and layout findings: what a plain ATS text extractor would lose or scramble in the file.

Each check reads only the layout facts `read_document` keeps (page, bbox, region, column, font,
size, colour, hidden runs, image and junk-glyph counts), so it explains the risk with evidence
from the file rather than guessing from the text. Checks that find many lines of one kind
report one finding with the first line as evidence and the count in the message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from atsmatch.checks._finding import finding, plural, sit
from atsmatch.findings import FindingId
from atsmatch.models import Document, Finding, Line

__all__ = [
    "MAX_BYTES",
    "MAX_PAGES",
    "MAX_WORDS",
    "MIN_WORDS",
    "TINY_POINTS",
    "count_words",
    "layout_findings",
    "reading_order_excerpt",
]

MAX_BYTES = 2_500_000  # ATS uploads of about 2.5 MB and more are reported to fail silently
MAX_PAGES = 3
MAX_WORDS = 1_600
MIN_WORDS = 150  # less text than this in a file usually means most of it is in images
TINY_POINTS = 4.0  # text smaller than this cannot be read on paper
_NEAR_WHITE = 0xEB  # every channel at least this: invisible on a white page

# Running heads and feet that cost nothing when lost: page numbers, "Last updated ...", the name.
_HARMLESS_WORDS = frozenset(
    {
        "page", "of", "last", "updated", "update", "in", "on", "as", "resume", "résumé", "cv",
        "curriculum", "vitae", "confidential", "continued", "cont", "jan", "january", "feb",
        "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug",
        "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
        "december",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ().-]{7,}\d")
_URL = re.compile(r"(?:linkedin\.com|github\.com|https?://|www\.)", re.IGNORECASE)
_ICON_FONT = re.compile(
    r"awesome|wingding|webding|dingbat|zapf|academicons|glyphicon|octicon|ionicon|"
    r"material\s*(?:icons|symbols)|icomoon|fa-(?:solid|regular|brands)|symbol",
    re.IGNORECASE,
)
_STANDARD_BULLETS = frozenset("•·-–—*▪■◦○●")


def layout_findings(
    document: Document,
    *,
    name: str | None = None,
    words: int | None = None,
    fields: Sequence[Mapping[str, Any]] | None = None,
) -> list[Finding]:
    """Every file and layout finding for a document, in a stable order.

    `words` is the document's `count_words` and `fields` each line's fields (its `__dict__`),
    when the caller has them already.
    """
    checks: tuple[Callable[[Document, _Scan], Iterator[Finding]], ...] = (
        _columns,
        _header_footer,
        _text_boxes,
        _content_controls,
        _tables,
        _footnotes,
        _images,
        _junk_glyphs,
        _ligatures,
        _hidden_text,
        _fonts,
        _bullets,
        _length,
        _file_size,
    )
    if fields is None:
        fields = [line.__dict__ for line in document.lines]
    scan = _Scan.of(fields, name, count_words(document.text) if words is None else words)
    return [finding for check in checks for finding in check(document, scan)]


@dataclass
class _Scan:
    """The indices of the lines each check reports, gathered in one pass over the lines."""

    words: int
    contact: list[int] = field(default_factory=list)  # contact details in a header or footer
    running: list[int] = field(default_factory=list)  # other header or footer text that matters
    textbox: list[int] = field(default_factory=list)
    table: list[int] = field(default_factory=list)
    footnote: list[int] = field(default_factory=list)
    control: list[int] = field(default_factory=list)
    vanished: list[int] = field(default_factory=list)  # hidden in Word
    white: list[int] = field(default_factory=list)
    tiny: list[int] = field(default_factory=list)
    font: list[int] = field(default_factory=list)  # set in a symbol or icon font
    bullet: list[int] = field(default_factory=list)  # opens with an unusual bullet

    @classmethod
    def of(cls, lines: Sequence[Mapping[str, Any]], name: str | None, words: int) -> _Scan:
        """Sort every line (its fields, read in one go: a model's attribute reads are slow)
        into the lists it belongs to."""
        scan = cls(words=words)
        regions = {"textbox": scan.textbox, "table": scan.table, "footnote": scan.footnote}
        for i, line in enumerate(lines):
            text, region = line["text"], line["region"]
            if region in ("header", "footer"):
                if _contact_like(text):
                    scan.contact.append(i)
                elif not _harmless(text, name):
                    scan.running.append(i)
            elif region in regions:
                regions[region].append(i)
            if line["control"]:
                scan.control.append(i)
            color = line["color"]
            if line["hidden"]:
                if _WORD.search(text) is not None:
                    scan.vanished.append(i)
            # Most lines (all of a text file's) have no colour: no call to judge one.
            elif color is not None and _near_white(color) and _WORD.search(text) is not None:
                scan.white.append(i)
            size, font = line["size"], line["font"]
            if size is not None and 0 < size < TINY_POINTS and _WORD.search(text) is not None:
                scan.tiny.append(i)
            if font is not None and _ICON_FONT.search(font) is not None:
                scan.font.append(i)
            # Most lines open with a letter or digit: no unusual bullet, without the call.
            if not text[:1].isalnum() and _unusual_bullet(text) is not None:
                scan.bullet.append(i)
        return scan


# --- columns -----------------------------------------------------------------------------------


def reading_order_excerpt(document: Document, page: int, *, rows: int = 3) -> str:
    """What a naive extractor reads on a multi-column page: rows across columns, left to right.

    Simple ATS extractors read a page line by line across its full width, so the left column's
    line and the right column's line on the same height become one line of text. Built from the
    line boxes; returns the first `rows` rows that mix two columns (empty when none do).
    """
    lines = [
        line
        for line in document.lines
        if line.page == page and line.bbox is not None and line.region == "body"
    ]
    lines.sort(key=lambda line: line.bbox[1] if line.bbox else 0.0)
    groups: list[list[Line]] = []
    for line in lines:
        assert line.bbox is not None
        middle = (line.bbox[1] + line.bbox[3]) / 2
        last = groups[-1][0].bbox if groups else None
        if last is not None and last[1] <= middle <= last[3]:
            groups[-1].append(line)
        else:
            groups.append([line])
    out: list[str] = []
    for group in groups:
        if len({line.column for line in group}) < 2:
            continue
        group.sort(key=lambda line: line.bbox[0] if line.bbox else 0.0)
        out.append("   ".join(line.text.replace("\t", " ") for line in group))
        if len(out) == rows:
            break
    return "\n".join(out)


def _columns(document: Document, scan: _Scan) -> Iterator[Finding]:
    pages = [number for number, count in enumerate(document.columns, start=1) if count > 1]
    if not pages:
        return
    most = max(document.columns)
    page = pages[0]
    excerpt = reading_order_excerpt(document, page)
    index = next(
        (i for i, line in enumerate(document.lines) if line.page == page and line.column > 0),
        None,
    )
    where = ", ".join(str(p) for p in pages)
    yield finding(
        "multi-column",
        variant="excerpt" if excerpt else None,
        document=document,
        index=index,
        text=excerpt or None,
        most=most,
        pages=f"page{'s' if len(pages) > 1 else ''} {where}",
    )


# --- regions -----------------------------------------------------------------------------------


def _contact_like(text: str) -> bool:
    return bool(_EMAIL.search(text) or _PHONE.search(text) or _URL.search(text))


def _harmless(text: str, name: str | None) -> bool:
    """A running head or foot whose loss costs nothing: page number, date, the name."""
    if name:
        text = text.replace(name, " ")
    words = [w for w in _WORD.findall(text.lower()) if w not in _HARMLESS_WORDS]
    return len(words) <= 1


def _header_footer(document: Document, scan: _Scan) -> Iterator[Finding]:
    contact = scan.contact
    if contact:
        yield finding(
            "header-footer-contact",
            document=document,
            index=contact[0],
            region=document.lines[contact[0]].region,
            lines=plural(len(contact), "line"),
        )
    other = scan.running
    if other:
        yield finding(
            "header-footer-text",
            document=document,
            index=other[0],
            lines=plural(len(other), "line"),
        )


def _text_boxes(document: Document, scan: _Scan) -> Iterator[Finding]:
    return _placed(document, scan.textbox, "text-box")


def _content_controls(document: Document, scan: _Scan) -> Iterator[Finding]:
    return _placed(document, scan.control, "content-control")


def _placed(document: Document, found: list[int], id_: FindingId) -> Iterator[Finding]:
    """One finding for the lines that sit somewhere an ATS may skip, with the first as evidence."""
    if found:
        yield finding(
            id_,
            document=document,
            index=found[0],
            lines=plural(len(found), "line"),
            sit=sit(len(found)),
        )


def _tables(document: Document, scan: _Scan) -> Iterator[Finding]:
    found = scan.table
    if not found:
        return
    columns = 1 + max(document.lines[i].column for i in found)
    share = len(found) / len(document.lines)
    layout = columns > 1 and share >= 0.3
    yield finding(
        "table-layout" if layout else "table",
        document=document,
        index=found[0],
        lines=plural(len(found), "line"),
        sit=sit(len(found)),
        share=share,
        columns=columns,
    )


def _footnotes(document: Document, scan: _Scan) -> Iterator[Finding]:
    return _placed(document, scan.footnote, "footnote-text")


# --- glyphs and images -------------------------------------------------------------------------


def count_words(text: str) -> int:
    """Words in a document's `text` (whitespace-separated tokens)."""
    return len(text.split())


def _images(document: Document, scan: _Scan) -> Iterator[Finding]:
    if document.images == 0:
        return
    few = scan.words < MIN_WORDS
    yield finding(
        "images",
        variant="little-text" if few else None,
        images=plural(document.images, "image"),
    )


def _junk_glyphs(document: Document, scan: _Scan) -> Iterator[Finding]:
    junk = document.junk_glyphs
    if junk == 0:
        return
    chars = sum(len(line.text) for line in document.lines)
    share = junk / max(chars + junk, 1)
    yield finding(
        "icon-glyphs", variant="many" if share > 0.02 else None, glyphs=plural(junk, "glyph")
    )


def _ligatures(document: Document, scan: _Scan) -> Iterator[Finding]:
    if document.ligatures == 0:
        return
    yield finding("ligatures", ligatures=plural(document.ligatures, "typographic ligature"))


def _near_white(color: str | None) -> bool:
    if color is None or len(color) != 7:
        return False
    try:
        return all(int(color[i : i + 2], 16) >= _NEAR_WHITE for i in (1, 3, 5))
    except ValueError:
        return False


def _hidden_text(document: Document, scan: _Scan) -> Iterator[Finding]:
    """Text a reader cannot see but an ATS reads: hidden in Word (w:vanish) or white.

    One finding for both kinds (one problem, one penalty), saying which kind was found, since
    the fix differs: hidden Word text does not show on screen until Show/Hide is on.
    """
    vanished, white = scan.vanished, scan.white
    if not vanished and not white:
        return
    yield finding(
        "hidden-text",
        variant="vanished-and-white" if vanished and white else "white" if white else None,
        document=document,
        index=min(vanished[:1] + white[:1]),
        vanished=plural(len(vanished), "line"),
        white=plural(len(white), "line"),
        color=document.lines[white[0]].color if white else None,
    )
    tiny = scan.tiny
    if tiny:
        yield finding(
            "tiny-text",
            document=document,
            index=tiny[0],
            lines=plural(len(tiny), "line"),
            points=TINY_POINTS,
            size=document.lines[tiny[0]].size,
        )


def _fonts(document: Document, scan: _Scan) -> Iterator[Finding]:
    found = scan.font
    if found:
        yield finding(
            "unusual-font",
            document=document,
            index=found[0],
            lines=plural(len(found), "line"),
            font=document.lines[found[0]].font,
        )


def _unusual_bullet(text: str) -> str | None:
    head = text.lstrip()[:1]
    if not head or head in _STANDARD_BULLETS or head.isalnum():
        return None
    if unicodedata.category(head) in ("So", "Sm", "Sk", "Co") or head in "➢➤►▶▸→⇒✓✔❖◆♦★☆✦":
        return head
    return None


def _bullets(document: Document, scan: _Scan) -> Iterator[Finding]:
    found = scan.bullet
    if not found:
        return
    marks = sorted({_unusual_bullet(document.lines[i].text) or "" for i in found})
    yield finding(
        "unusual-bullets",
        document=document,
        index=found[0],
        lines=plural(len(found), "line"),
        marks=" ".join(marks[:5]),
    )


# --- size --------------------------------------------------------------------------------------


def _length(document: Document, scan: _Scan) -> Iterator[Finding]:
    words = scan.words
    if words < MIN_WORDS and document.format != "text":
        yield finding("short-resume", words=words)
    if document.pages > MAX_PAGES or words > MAX_WORDS:
        yield finding(
            "long-resume", pages=plural(document.pages, "page"), words=words, most=MAX_PAGES - 1
        )


def _file_size(document: Document, scan: _Scan) -> Iterator[Finding]:
    if document.byte_size > MAX_BYTES:
        yield finding(
            "file-size", megabytes=document.byte_size / 1_000_000, limit=MAX_BYTES / 1_000_000
        )
