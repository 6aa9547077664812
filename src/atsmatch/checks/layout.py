"""File and layout findings: what a plain ATS text extractor would lose or scramble in the file.

Each check reads only the layout facts `read_document` keeps (page, bbox, region, column, font,
size, colour, hidden runs, image and junk-glyph counts), so it explains the risk with evidence
from the file rather than guessing from the text. Checks that find many lines of one kind
report one finding with the first line as evidence and the count in the message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from atsmatch.checks._finding import Severity, finding, plural, sit
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


def layout_findings(document: Document, *, name: str | None = None) -> list[Finding]:
    """Every file and layout finding for a document, in a stable order."""
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
    scan = _Scan.of(document, name)
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
    def of(cls, document: Document, name: str | None) -> _Scan:
        """Sort every line into the lists it belongs to."""
        scan = cls(words=count_words(document.lines))
        regions = {"textbox": scan.textbox, "table": scan.table, "footnote": scan.footnote}
        for i, line in enumerate(document.lines):
            text = line.text
            if line.region in ("header", "footer"):
                if _contact_like(text):
                    scan.contact.append(i)
                elif not _harmless(text, name):
                    scan.running.append(i)
            elif line.region in regions:
                regions[line.region].append(i)
            if line.control:
                scan.control.append(i)
            if line.hidden:
                if _WORD.search(text) is not None:
                    scan.vanished.append(i)
            elif _near_white(line.color) and _WORD.search(text) is not None:
                scan.white.append(i)
            if (
                line.size is not None
                and 0 < line.size < TINY_POINTS
                and _WORD.search(text) is not None
            ):
                scan.tiny.append(i)
            if line.font is not None and _ICON_FONT.search(line.font) is not None:
                scan.font.append(i)
            if _unusual_bullet(text) is not None:
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
    message = (
        f"{most} columns on page{'s' if len(pages) > 1 else ''} {where}: many ATS read a page "
        "line by line across its width, which interleaves the columns"
    )
    if excerpt:
        message += " (the evidence shows the start of that reading order)"
    yield finding(
        "multi-column",
        "warning",
        message,
        "use one column; put skills and contact details in the main flow, not a sidebar",
        document,
        index,
        excerpt or None,
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
        first_contact = document.lines[contact[0]]
        yield finding(
            "header-footer-contact",
            "warning",
            f"contact details sit in the page {first_contact.region} "
            f"({plural(len(contact), 'line')}); many ATS (Workday, Greenhouse among them) "
            "drop header and footer text, so the recruiter may get no way to reach you",
            "move the contact details into the body, just under your name",
            document,
            contact[0],
        )
    other = scan.running
    if other:
        yield finding(
            "header-footer-text",
            "warning",
            f"{plural(len(other), 'line')} of text in page headers or footers; ATS often drop "
            "that text silently",
            "move anything that matters (name, title, skills) into the body of the page",
            document,
            other[0],
        )


def _text_boxes(document: Document, scan: _Scan) -> Iterator[Finding]:
    return _placed(
        document,
        scan.textbox,
        "text-box",
        "warning",
        "in text boxes or shapes; many ATS skip them or move their text out of place",
        "put the text in ordinary paragraphs",
    )


def _content_controls(document: Document, scan: _Scan) -> Iterator[Finding]:
    return _placed(
        document,
        scan.control,
        "content-control",
        "info",
        "in Word content controls (template fields); some older ATS parsers skip them",
        "remove the content controls (select the field, right-click, Remove Content Control) "
        "so the text is plain",
    )


def _placed(
    document: Document, found: list[int], id_: str, severity: Severity, where: str, fix: str
) -> Iterator[Finding]:
    """One finding for the lines that sit somewhere an ATS may skip, with the first as evidence."""
    if found:
        yield finding(
            id_,
            severity,
            f"{plural(len(found), 'line')} {sit(len(found))} {where}",
            fix,
            document,
            found[0],
        )


def _tables(document: Document, scan: _Scan) -> Iterator[Finding]:
    found = scan.table
    if not found:
        return
    columns = 1 + max(document.lines[i].column for i in found)
    share = len(found) / len(document.lines)
    layout = columns > 1 and share >= 0.3
    if layout:
        message = (
            f"the layout is a table: {plural(len(found), 'line')} ({share:.0%} of the text) in "
            f"cells of up to {columns} columns; ATS read tables cell by cell or merge cells, "
            "mixing employer names, dates and skills"
        )
    else:
        message = (
            f"{plural(len(found), 'line')} {sit(len(found))} in a table; some ATS merge table "
            "cells into one line"
        )
    yield finding(
        "table-layout" if layout else "table",
        "warning" if layout else "info",
        message,
        "use plain paragraphs with tab stops instead of a table",
        document,
        found[0],
    )


def _footnotes(document: Document, scan: _Scan) -> Iterator[Finding]:
    return _placed(
        document,
        scan.footnote,
        "footnote-text",
        "info",
        "in footnotes or endnotes, which ATS usually ignore",
        "move the text into the body",
    )


# --- glyphs and images -------------------------------------------------------------------------


def count_words(lines: Sequence[Line]) -> int:
    """Words in the lines (whitespace-separated tokens; one split of the joined text is cheaper)."""
    return len(" ".join([line.text for line in lines]).split())


def _images(document: Document, scan: _Scan) -> Iterator[Finding]:
    if document.images == 0:
        return
    few = scan.words < MIN_WORDS
    yield finding(
        "images",
        "warning" if few else "info",
        f"{plural(document.images, 'image')} in the file; an ATS reads no text from images"
        + (", and the file has little text besides" if few else ""),
        "write out any words shown as images (logos, skill charts, icons, a scanned page)",
    )


def _junk_glyphs(document: Document, scan: _Scan) -> Iterator[Finding]:
    junk = document.junk_glyphs
    if junk == 0:
        return
    chars = sum(len(line.text) for line in document.lines)
    share = junk / max(chars + junk, 1)
    yield finding(
        "icon-glyphs",
        "warning" if share > 0.02 else "info",
        f"{plural(junk, 'glyph')} from icon fonts or without a text mapping (shown as "
        '"(cid:N)" or private-use characters) were dropped when reading; an ATS shows them as '
        "junk or loses the words they stand for",
        'use words instead of icons ("Email:", "LinkedIn:"), and embed fonts with Unicode '
        "mappings when exporting",
    )


def _ligatures(document: Document, scan: _Scan) -> Iterator[Finding]:
    if document.ligatures == 0:
        return
    yield finding(
        "ligatures",
        "info",
        f'{plural(document.ligatures, "typographic ligature")} (such as "ﬁ" in "ﬁne-tuned") '
        "in the text; an ATS that searches the exact letters may not match those words",
        "turn off ligatures when exporting (LaTeX: \\usepackage{microtype} and "
        "\\DisableLigatures{encoding = *, family = *})",
    )


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
    kinds: list[str] = []
    fixes: list[str] = []
    if vanished:
        kinds.append(
            f"{plural(len(vanished), 'line')} hidden in Word (the Hidden font effect): not "
            "shown on screen or in print, but an ATS reads them"
        )
        fixes.append(
            "in Word, turn on Show/Hide ¶ (Ctrl+Shift+8) to see hidden text, then delete it "
            "(notes to yourself included), or clear Font > Hidden (Ctrl+D) if it belongs in "
            "the resume"
        )
    if white:
        kinds.append(
            f"{plural(len(white), 'line')} in white or near-white text "
            f"({document.lines[white[0]].color}): "
            "invisible on a white page"
        )
        fixes.append(
            "delete white text, or make it visible if it belongs in the resume "
            "(white text on a dark band is fine)"
        )
    yield finding(
        "hidden-text",
        "warning",
        "; ".join(kinds) + "; ATS vendors treat hidden keywords as stuffing and recruiters "
        "see them in the parsed text",
        "; ".join(fixes),
        document,
        min(vanished[:1] + white[:1]),
    )
    tiny = scan.tiny
    if tiny:
        first_tiny = document.lines[tiny[0]]
        yield finding(
            "tiny-text",
            "warning",
            f"{plural(len(tiny), 'line')} in text smaller than {TINY_POINTS:g} pt "
            f"({first_tiny.size:g} pt): unreadable on paper and treated as keyword stuffing",
            "delete it, or set it at the body size if it belongs in the resume",
            document,
            tiny[0],
        )


def _fonts(document: Document, scan: _Scan) -> Iterator[Finding]:
    found = scan.font
    if found:
        first = document.lines[found[0]]
        yield finding(
            "unusual-font",
            "info",
            f"{plural(len(found), 'line')} set in a symbol or icon font ({first.font}); "
            "its characters may not map to the letters they look like",
            "use a standard text font (Arial, Calibri, Georgia, Helvetica, Times) for all text",
            document,
            found[0],
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
        "info",
        f"{plural(len(found), 'line')} start with an unusual bullet ({' '.join(marks[:5])}); "
        "an ATS may show it as junk or fail to see a list",
        "use plain round bullets (•) or hyphens",
        document,
        found[0],
    )


# --- size --------------------------------------------------------------------------------------


def _length(document: Document, scan: _Scan) -> Iterator[Finding]:
    words = scan.words
    if words < MIN_WORDS and document.format != "text":
        yield finding(
            "short-resume",
            "warning",
            f"only {words} words of text could be read; an ATS has little to match, and the "
            "rest may be in images or shapes",
            "make sure every part of the resume is real text (select it in a PDF viewer)",
        )
    if document.pages > MAX_PAGES or words > MAX_WORDS:
        yield finding(
            "long-resume",
            "info",
            f"{plural(document.pages, 'page')}, {words} words: recruiters skim, and the "
            "keywords that matter get diluted",
            f"aim for at most {MAX_PAGES - 1} pages (one page for early careers)",
        )


def _file_size(document: Document, scan: _Scan) -> Iterator[Finding]:
    if document.byte_size > MAX_BYTES:
        yield finding(
            "file-size",
            "warning",
            f"the file is {document.byte_size / 1_000_000:.1f} MB; uploads over about "
            f"{MAX_BYTES / 1_000_000:g} MB can fail or be rejected by an ATS",
            "export again without embedded high-resolution images, or compress the images",
        )
