"""Plain text, Markdown and minimal HTML into lines.

Text has no layout, so the little typography it carries is kept as `Line.bold`: Markdown
headings (`# Skills`, or a line underlined with `===`/`---`) are bold, which is what the
structure parser reads as a heading. Emphasis and link syntax are removed so keywords are not
glued to `**` or hidden in `[text](url)`; list markers stay, because they mark bullets.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from typing import Any

from atsmatch.documents.errormap import LimitReached
from atsmatch.documents.repair import has_ligatures, repair_text
from atsmatch.errors import UnsupportedFormatError
from atsmatch.models import Line, _constructed, _defaults

__all__ = ["counted_text_lines", "decode_text", "text_lines"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text files (all C0 controls but tab, LF, FF, CR, plus DEL).
_BINARY = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_BINARY_SHARE = 0.02

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MARKS = frozenset("=-*_#")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
# Read in the text itself up to its 4096th character (no encoded copy): ASCII-only `\s` and
# case, as the bytes pattern this was.
_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S | re.A
)
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
        "title",
    }
)  # fmt: skip
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})


def decode_text(data: bytes, *, source: str) -> str:
    """Decode text bytes: BOM first, then UTF-8, then cp1252 / Latin-1 (never fails on text).

    Binary data (many control bytes) is refused rather than decoded into noise.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    sample = data[:65536]
    if sample and _utf16_without_bom(sample):
        codec = "utf-16-le" if sample[1::2].count(0) > sample[0::2].count(0) else "utf-16-be"
        return data.decode(codec, errors="replace")
    bad = len(sample) - len(sample.translate(None, _BINARY))
    if bad > _BINARY_SHARE * len(sample):
        raise UnsupportedFormatError(
            "binary data of an unknown kind, not PDF, DOCX or text; export it as PDF or .docx",
            source=source,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _utf16_without_bom(sample: bytes) -> bool:
    """ASCII-heavy UTF-16 text has a NUL in every other byte."""
    if len(sample) < 8:
        return False
    half = len(sample) // 2
    return (
        max(sample[0::2].count(0), sample[1::2].count(0)) > 0.9 * half > 0
        and min(sample[0::2].count(0), sample[1::2].count(0)) < 0.1 * half
    )


def text_lines(text: str, *, max_chars: int | None = None) -> list[Line]:
    """Split text (Markdown-aware, or HTML when it starts like an HTML page) into lines.

    With `max_chars`, stop with `LimitReached` as soon as the lines hold more characters than
    that: ten megabytes of text are refused after reading the allowed part, not after building
    a million `Line`s (which costs hundreds of megabytes).
    """
    return counted_text_lines(text, max_chars=max_chars)[0]


def counted_text_lines(text: str, *, max_chars: int | None = None) -> tuple[list[Line], int]:
    """`text_lines`, and how many characters the lines hold (counted as they are made, for the
    reader's limit check)."""
    if _HTML_START.match(text, 0, 4096):
        return _html_lines(text)
    start = budget = max_chars if max_chars is not None else len(text)
    lines: list[dict[str, Any]] = []  # each line's fields, made `Line`s at the end
    defaults = _defaults(Line)  # a text line's fields: its text and boldness, the rest these
    follows_text = False
    ligatures = has_ligatures(text)  # asked once here, not of every line
    # Text without link or emphasis syntax anywhere spares each line `_strip_markup`'s tests.
    markup = "](" in text or "**" in text or "__" in text
    for raw in text.splitlines():
        # Underlines, rules and headings all open with one of these after the indent (`\s`
        # and str.isspace agree), so most lines skip the three patterns.
        marked = raw.lstrip()[:1] in _MARKS
        # "Title\n=====" is a Setext heading; a lone "---" after a blank line is a rule.
        if follows_text and marked and _UNDERLINE.match(raw):
            lines[-1]["bold"] = True
            follows_text = False
            continue
        follows_text = False
        bold = False
        if marked:
            if _RULE.match(raw):
                continue
            heading = _HEADING.match(raw)
            if heading:
                raw, bold = heading.group(1), True
        cleaned = repair_text(_strip_markup(raw) if markup else raw, ligatures=ligatures)
        if cleaned:
            budget -= len(cleaned)
            if budget < 0:
                raise LimitReached(f"more than {max_chars:,} characters of text, over the limit")
            values = defaults.copy()  # in field order, as a model's `__dict__` is
            values["text"], values["bold"] = cleaned, bold
            lines.append(values)
            follows_text = not bold
    # Made from their fields, not validated (a text and a bool this module made, the rest at
    # their defaults): half the cost of validating the document's lines.
    return [_constructed(Line, values) for values in lines], start - budget


def _strip_markup(line: str) -> str:
    """Markdown links and emphasis as plain text (a substring test first: most lines have none)."""
    if "](" in line:
        line = _LINK.sub(lambda m: f"{m.group(1)} {m.group(2)}".strip(), line)
    if "**" in line or "__" in line:
        line = _EMPHASIS.sub(r"\2", line)
    return line


class _HTMLText(HTMLParser):
    """Collect text, breaking lines at block tags; headings become bold lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[str, bool]] = []
        self._parts: list[str] = []
        self._skip = 0
        self._heading = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag in _HEADING_TAGS:
                self._heading += 1
            elif tag == "li":
                self._parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag in _HEADING_TAGS:
                self._heading = max(0, self._heading - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._parts.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        self._parts.clear()
        if text and text != "•":
            self.lines.append((text, self._heading > 0))

    def close(self) -> None:
        super().close()
        self._flush()


def _html_lines(text: str) -> tuple[list[Line], int]:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    lines = []
    total = 0
    for raw, bold in parser.lines:
        cleaned = repair_text(raw)
        if cleaned:
            lines.append(Line(text=cleaned, bold=bold))
            total += len(cleaned)
    return lines, total
