"""Content findings: what an ATS would fail to recognise in the parsed resume.

Section headings, contact details, role dates and glued keywords, judged from the `Resume` the
structure parser built: when our parser, which is more forgiving than most, cannot find a
heading, a date or an e-mail address, a commercial parser will not find it either.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from itertools import accumulate
from typing import Any

from atsmatch.checks._finding import finding, plural
from atsmatch.models import Document, Finding, Resume, Role
from atsmatch.structure.dates import find_date_range
from atsmatch.structure.lines import strip_bullet

__all__ = ["content_findings", "date_style"]

Fields = Mapping[str, Any]  # a model's fields, its `__dict__`

_CAMEL = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")
_CAMEL_CUT = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A capital right after a lowercase letter, which every _CAMEL match holds, is found in the text's
# shape: each ASCII lowercase letter an "a", each capital an "A", any other character one space
# (one byte each, a non-ASCII character replaced by one "?" first), where `bytes.find` finds the
# "aA" pairs several times faster than a pattern: most of the text skips the word-by-word scan,
# and the shape's run of letters around a pair is the one word `_CAMEL` can match there.
_SHAPE = bytes(0x61 if 97 <= c <= 122 else 0x41 if 65 <= c <= 90 else 0x20 for c in range(256))
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_STYLES = (
    ("Month YYYY", re.compile(r"^[A-Za-z]{3,}\.?\s*,?\s*\d{4}")),
    ("Month 'YY", re.compile(r"^[A-Za-z]{3,}\.?\s*['’]\d\d")),
    ("MM/YYYY", re.compile(r"^\d{1,2}\s*[/.]\s*\d{4}")),
    ("YYYY-MM", re.compile(r"^\d{4}[-/.]\d{2}")),
    ("YYYY", re.compile(r"^\d{4}")),
)


def content_findings(
    resume: Resume,
    *,
    aliases: Mapping[str, str] | None = None,
    text: str | None = None,
    lines: Sequence[Fields] | None = None,
    blocks: Sequence[Fields] | None = None,
) -> list[Finding]:
    """Headings, contact, dates and (given the vocabulary's alias index) glued keywords.

    `text` is the document's `text`, `lines` each of its lines' fields and `blocks` each
    block's fields (their `__dict__`, read once: a model's attribute reads are slow), when the
    caller has them already.
    """
    document = resume.document
    if lines is None:
        lines = [line.__dict__ for line in document.lines]
    if blocks is None:
        blocks = [block.__dict__ for block in resume.blocks]
    found = [
        *_headings(resume, blocks),
        *_contact(resume, lines),
        *_dates(resume, lines, blocks),
        *_unmarked(document, lines, blocks),
    ]
    if aliases:
        if text is None:
            text = "\n".join([line["text"] for line in lines])
        found.extend(_glued_words(document, aliases, text, lines))
    return found


# --- headings ----------------------------------------------------------------------------------


def _heading_line(blocks: Sequence[Fields], block: int) -> int | None:
    return blocks[block]["line"] if block < len(blocks) else None


def _headings(resume: Resume, blocks: Sequence[Fields]) -> Iterator[Finding]:
    document = resume.document
    sections = [s for s in resume.sections if s.kind != "header"]
    if not sections:
        yield finding("no-headings")
        return
    kinds = {s.kind for s in sections}
    if not kinds & {"experience", "projects"}:
        yield finding("missing-section", variant="experience")
    for kind, heading in (("education", "Education"), ("skills", "Skills")):
        if kind not in kinds:
            yield finding("missing-section", heading=heading, kind=kind)
    for section in sections:
        if section.kind == "other":
            yield finding(
                "nonstandard-heading",
                document=document,
                index=_heading_line(blocks, section.first_block),
                heading=section.heading,
            )


# --- contact -----------------------------------------------------------------------------------


def _line_of(keys: list[str], lines: Iterator[str], value: str) -> int | None:
    """The first line holding a contact value, ignoring case and spaces.

    `keys` holds the lines' texts so far written that way, made from `lines` as the search
    goes on: each line is lowered and joined once for all the values, and only up to the last
    line a value is found on.
    """
    key = "".join(value.lower().split())
    for i, line in enumerate(keys):
        if key in line:
            return i
    for line in lines:
        keys.append("".join(line.lower().split()))
        if key in keys[-1]:
            return len(keys) - 1
    return None


def _contact(resume: Resume, fields: Sequence[Fields]) -> Iterator[Finding]:
    contact = resume.contact
    document = resume.document
    if contact.name is None:
        yield finding("contact-no-name")
    if contact.email is None:
        yield finding("contact-no-email")
    if contact.phone is None:
        yield finding("contact-no-phone")
    if contact.linkedin is None:
        yield finding("contact-no-linkedin")
    values = [v for v in (contact.email, contact.phone, contact.linkedin) if v]
    keys: list[str] = []
    texts = (line["text"] for line in fields)
    places = [_line_of(keys, texts, v) for v in values]
    lines = [i for i in places if i is not None]
    if lines and all(fields[i]["region"] in ("header", "footer") for i in lines):
        yield finding("contact-only-in-header", document=document, index=lines[0])


# --- dates -------------------------------------------------------------------------------------


def date_style(text: str) -> str | None:
    """The written form of a date ("Month YYYY", "MM/YYYY", "YYYY-MM", "YYYY"), else None.

    >>> date_style("Jan. 2020 - Present"), date_style("03/2019 – 05/2020")
    ('Month YYYY', 'MM/YYYY')
    """
    text = text.strip()
    for name, pattern in _STYLES:
        if pattern.match(text):
            return name
    return None


def _role_lines(blocks: Sequence[Fields], role: Role, last_line: int) -> range:
    """Document lines of a role's header: from its first block to its first bullet."""
    first = blocks[role.first_block]["line"]
    bullets = role.bullets
    end = blocks[bullets[0]]["line"] if bullets else last_line
    return range(first, max(end, first + 1))


def _role_date(
    lines: Sequence[Fields], blocks: Sequence[Fields], role: Role, last_line: int
) -> tuple[int, str] | None:
    """The line and text of the date range a role was dated by."""
    for i in _role_lines(blocks, role, last_line):
        if i >= len(lines):
            break
        for cell in lines[i]["text"].split("\t"):
            found = find_date_range(cell)
            if found is not None:
                return i, cell[found.span[0] : found.span[1]]
    return None


def _dates(resume: Resume, lines: Sequence[Fields], blocks: Sequence[Fields]) -> Iterator[Finding]:
    document = resume.document
    yield from _undated(document, blocks)
    styles: dict[str, tuple[int, str]] = {}
    year_only: list[tuple[int, str]] = []
    roles = [r for r in resume.roles if r.section == "experience"]
    for number, role in enumerate(roles):
        following = roles[number + 1] if number + 1 < len(roles) else None
        last_line = blocks[following.first_block]["line"] if following is not None else len(lines)
        found = _role_date(lines, blocks, role, last_line)
        if found is None:
            continue
        style = date_style(found[1])
        if style is None:
            continue
        styles.setdefault(style, found)
        if style == "YYYY":
            year_only.append(found)
    if len(styles) > 1:
        examples = ", ".join(f"{text!r} ({style})" for style, (_, text) in styles.items())
        first = min(i for i, _ in styles.values())
        yield finding(
            "date-format-mixed",
            document=document,
            index=first,
            count=len(styles),
            examples=examples,
        )
    if year_only:
        yield finding(
            "date-year-only",
            document=document,
            index=year_only[0][0],
            roles=plural(len(year_only), "role"),
            example=year_only[0][1],
        )


def _undated(document: Document, blocks: Sequence[Fields]) -> Iterator[Finding]:
    """Experience entries whose date could not be read: bullets under a header with no date.

    The parser starts a role at each date it can read, so an undated entry shows up as bullets
    before the first role, or as a plain line with bullets inside the previous role.
    """
    kinds = [(b["section"], b["kind"]) for b in blocks]
    for index, (section, kind) in enumerate(kinds):
        if section != "experience" or kind != "line":
            continue
        after = kinds[index + 1] if index + 1 < len(kinds) else None
        if after != ("experience", "bullet"):
            continue
        block = blocks[index]
        role = block["role"]
        before = blocks[index - 1] if index > 0 else None
        orphan = role is None
        inside = before is not None and kinds[index - 1][1] == "bullet" and before["role"] == role
        text = block["text"]
        if not (orphan or inside) or len(text) > 100:
            continue
        year = _YEAR.search(text) is not None
        yield finding(
            "role-without-date",
            variant="unreadable" if year else None,
            document=document,
            index=block["line"],
        )


def _unmarked(
    document: Document, lines: Sequence[Fields], blocks: Sequence[Fields]
) -> Iterator[Finding]:
    """Work statements the parser read as bullets though their line has no bullet marker.

    Only where they are a habit (two or more, a third of the bullets or more): a project's
    one-line summary among real bullets is a summary, not a missing marker.
    """
    bullets = [block for block in blocks if block["kind"] == "bullet"]
    found = [b for b in bullets if strip_bullet(lines[b["line"]]["text"].strip()) is None]
    if len(found) >= 2 and 3 * len(found) >= len(bullets):
        yield finding(
            "unmarked-bullets",
            document=document,
            index=found[0]["line"],
            statements=plural(len(found), "work statement"),
            are="is" if len(found) == 1 else "are",
        )


# --- glued words -------------------------------------------------------------------------------


def _camel_words(text: str) -> Iterator[tuple[int, str]]:
    """Where each of `_CAMEL`'s matches in `text` starts, and its text.

    A match is a whole run of ASCII letters holding a lowercase letter then a capital, with no
    word character (`\\w`: a letter or digit of any script, or "_") right before or after it:
    the shape's runs around its "aA" pairs, those not glued to a word character, are the matches.
    """
    shape = text.encode("ascii", "replace").translate(_SHAPE)
    end = 0
    pair = shape.find(b"aA")
    while pair >= 0:
        if pair >= end:  # not in a run already seen
            start = shape.rfind(b" ", 0, pair) + 1
            end = shape.find(b" ", pair)
            if end < 0:
                end = len(text)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                yield start, text[start:end]
        pair = shape.find(b"aA", pair + 1)


def _glued_words(
    document: Document, aliases: Mapping[str, str], text: str, fields: Sequence[Fields]
) -> Iterator[Finding]:
    """CamelCase joins of vocabulary terms ("MachineLearning", "PythonSQL") that ATS miss."""
    # One scan of the whole text, not one per line: a match is letters only, so none spans the
    # newline between two lines, and a match's line is found from where the lines start (worked
    # out at the first glued word: most resumes have none).
    starts: list[int] = []
    examples: list[str] = []
    lines: list[int] = []
    for start, word in _camel_words(text):
        if word.lower() in aliases:
            continue  # a real CamelCase name: PyTorch, JavaScript, GitHub
        parts = _CAMEL_CUT.split(word)
        phrase = " ".join(parts).lower()
        every = len(parts) > 1 and all(len(p) > 1 and p.lower() in aliases for p in parts)
        if phrase in aliases or every:
            if word not in examples:
                examples.append(word)
            if not starts:
                lengths = [len(line["text"]) + 1 for line in fields]
                starts = list(accumulate(lengths, initial=0))
            i = bisect_right(starts, start) - 1
            if not lines or lines[-1] != i:
                lines.append(i)
    if lines:
        shown = ", ".join(repr(w) for w in examples[:4])
        yield finding("glued-words", document=document, index=lines[0], examples=shown)
