"""Line-level cues shared by the resume and job parsers: bullets, heading looks, wrapped lines.

A reader hands over physical lines; people read logical units. These helpers decide where a
bullet starts, whether the next physical line continues it (wrap), and how to glue the pieces
("cloud-" + "native" across a soft hyphen).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from atsmatch.inflect import is_noun, verb_reading
from atsmatch.models import Line

__all__ = [
    "Layout",
    "continues",
    "is_caps",
    "is_title_case",
    "join_text",
    "states_work",
    "strip_bullet",
]

# A bullet opens (after its indent) with a glyph, read without a pattern, or with a number or
# a "(cid:N)" placeholder, read by one; most lines open with neither and are turned away at once.
_GLYPHS = frozenset("•●▪■◦‣⁃–—-*·➢►✓✔❖◆◇○»→▸▹➤➔✦★☐□")
_SPACED_GLYPHS = frozenset("-*–—")  # "-5% latency" is not a bullet, "**bold**" is markup
_MARKER_OPENERS = frozenset("([")
_MARKER = re.compile(r"(?:\(cid:\d+\)|\d{1,2}[.)](?=\s)|\(\d{1,2}\)|\[\d{1,2}\])\s*")
_SENTENCE_END = re.compile(r"[.!?:]\s*[\"'”’)]*$")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "&",
        "of",
        "the",
        "in",
        "on",
        "at",
        "for",
        "to",
        "with",
        "by",
        "or",
        "vs",
        "via",
        "de",
        "da",
        "du",
        "von",
        "van",
        "la",
        "le",
    ]
)
_LETTER = re.compile(r"[^\W\d_]")
_ASCII_LOWER = re.compile(r"[a-z]")
_WORD_SPLIT = re.compile(r"[\s/]+")


def strip_bullet(text: str) -> str | None:
    """The text after a bullet glyph or list number, or None when the line is not a bullet."""
    text = text.lstrip()  # `str.isspace` and the patterns' `\s` agree on what an indent is
    opener = text[:1]
    if opener in _GLYPHS:
        rest = text[1:]
        if opener in _SPACED_GLYPHS and not rest[:1].isspace():
            return None
        return rest.strip() or None
    if opener in _MARKER_OPENERS or opener.isdecimal():  # `\d` is `str.isdecimal`
        match = _MARKER.match(text)
        if match is not None:
            return text[match.end() :].strip() or None
    return None


_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Contact details, links and layout cells (a tab, " | ") mark a header line, not a statement.
# The look-ahead turns away positions no alternative opens at before they are tried one by one.
_NOT_STATEMENT = re.compile(r"(?=[@hw+\d\s])(?:@|https?:|www\.|\+?\d[\d\s().-]{8,}\d|\t|\s\|\s)")
# A domain name too, looked for only where its ending is: the name's pattern reads every word
# up to its end before it can fail, the ending's scan skips to each "." at once.
_DOMAIN_END = re.compile(r"\.(?:com|io|org|net|dev|ai|app)\b")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|io|org|net|dev|ai|app)\b")
# Duty phrases that open a work statement without a verb ("Responsible for ...").
_DUTY = re.compile(
    r"^(?:responsible for|in charge of|involved in|part of|member of|worked|handled|helped|"
    r"assisted|participated)\b",
    re.IGNORECASE,
)


def states_work(text: str) -> bool:
    """Whether a line without a bullet marker states work, as a bullet would: it opens with a
    verb ("Developed ...", "Managing ...") or a duty phrase, or reads as a clause (a finite verb
    among mostly lower-case words), and is no heading, title, company, date label or contact.

    Portal exports write each statement as a plain paragraph; this finds them.
    """
    words = _WORDS.findall(text)
    if len(words) < 3 or not text[:1].isupper() or text.rstrip().endswith(":"):
        return False
    if _not_statement(text) or (len(words) <= 8 and is_title_case(text)):
        return False
    if _DUTY.match(text):
        return True
    lower = sum(1 for w in words[1:] if w[0].islower())
    clause = len(words) >= 6 and lower * 3 >= len(words[1:]) * 2
    reading = verb_reading(words[0])
    if reading is not None and reading[1] == "past":
        return True
    # "Managing a team" is a statement, "Streaming Anomaly Detection" a project's name.
    if reading is not None and (reading[1] == "present" or not is_noun(words[0])) and clause:
        return True
    if not clause:
        return False
    return any(_finite(w) for w in words[1:])


def _not_statement(text: str) -> bool:
    """Whether the text holds a contact detail, a link or a layout cell."""
    if _NOT_STATEMENT.search(text) is not None:
        return True
    return _DOMAIN_END.search(text) is not None and _DOMAIN.search(text) is not None


_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had"})


def _finite(word: str) -> bool:
    """A word that makes a clause: an auxiliary, a past form, or an -s / -ing form that is no
    noun ("kernels", "reporting" name things)."""
    if word.lower() in _FINITE:
        return True
    reading = verb_reading(word)
    return reading is not None and (
        reading[1] == "past" or (reading[1] == "present" and not is_noun(word))
    )


def is_caps(text: str) -> bool:
    """ALL CAPS: at least two letters and none of them lowercase."""
    if _ASCII_LOWER.search(text) is not None:  # most lines: no need to list the letters
        return False
    letters = _LETTER.findall(text)
    # ASCII text without a-z holds no lowercase letter: only other text needs each one read.
    return len(letters) >= 2 and (text.isascii() or all(not ch.islower() for ch in letters))


def is_title_case(text: str) -> bool:
    """Every significant word starts with a capital ("Work Experience", "Skills & Tools")."""
    opened = False  # a word with a letter was seen: small words may be lowercase after it
    for word in _WORD_SPLIT.split(text):
        first = _LETTER.search(word)
        if first is None:
            continue
        if first.group(0).islower() and (not opened or word.lower() not in _SMALL_WORDS):
            return False
        opened = True
    return opened


def join_text(head: str, tail: str) -> str:
    """Glue a wrapped line onto its block, undoing soft hyphenation ("submis-" + "sions")."""
    head = head.rstrip()
    tail = tail.strip()
    if not head:
        return tail
    if not tail:
        return head
    if len(head) >= 2 and head[-1] == "-" and head[-2].isalpha() and tail[0].islower():
        return head[:-1] + tail
    return f"{head} {tail}"


@dataclass
class Layout:
    """Facts about a document's typography that heuristics compare lines against."""

    lines: tuple[Line, ...]
    # Each line's fields (its `__dict__`, read once here) and its text as written, for the
    # parsers' walks over every line: a model's attribute read costs ten times a dict's item.
    fields: list[dict[str, Any]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    stripped: list[str] = field(default_factory=list)  # each text without the spaces around it
    bands: list[int] = field(default_factory=list)  # the lines in the page header/footer bands
    body_size: float | None = None
    largest_size: float | None = None  # the largest font size of any line
    wide_chars: int = 60
    right_edge: dict[tuple[int, int], tuple[float, float]] = field(default_factory=dict)
    line_height: float = 12.0

    @classmethod
    def of(cls, lines: tuple[Line, ...]) -> Layout:
        """Measure the body font size, usual line width and line height."""
        fields: list[dict[str, Any]] = []
        texts: list[str] = []
        stripped: list[str] = []
        bands: list[int] = []
        sizes: Counter[float] = Counter()
        largest: float | None = None
        lengths: list[int] = []
        edges: dict[tuple[int, int], tuple[float, float]] = {}
        heights: list[float] = []
        for i, line in enumerate(lines):
            values = line.__dict__
            fields.append(values)
            written = values["text"]
            texts.append(written)
            if values["region"] in ("header", "footer"):
                bands.append(i)
            text = written.strip()
            stripped.append(text)
            size = values["size"]
            if size and (largest is None or size > largest):
                largest = size
            if not text:
                continue
            lengths.append(len(text))
            if size:
                sizes[round(size, 1)] += len(text)
            bbox = values["bbox"]
            if bbox is not None:
                key = (values["page"], values["column"])
                left, right = edges.get(key, (bbox[0], bbox[2]))
                edges[key] = (min(left, bbox[0]), max(right, bbox[2]))
                heights.append(bbox[3] - bbox[1])
        layout = cls(
            lines=lines,
            fields=fields,
            texts=texts,
            stripped=stripped,
            bands=bands,
            largest_size=largest,
            right_edge=edges,
        )
        if sizes:
            layout.body_size = sizes.most_common(1)[0][0]
        if lengths:
            lengths.sort()
            p90 = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
            layout.wide_chars = max(35, int(p90 * 0.7))
        if heights:
            heights.sort()
            layout.line_height = max(1.0, heights[len(heights) // 2])
        return layout

    def larger(self, index: int) -> bool:
        """The line at `index` is set in a larger font than the body text."""
        size = self.fields[index]["size"]
        return bool(size and self.body_size and size >= self.body_size + 0.9)

    def wide(self, index: int) -> bool:
        """The line at `index` runs (nearly) to the right margin, as a line does when the text
        wrapped."""
        values = self.fields[index]
        bbox: tuple[float, float, float, float] | None = values["bbox"]
        if bbox is not None:
            left, right = self.right_edge.get((values["page"], values["column"]), (0.0, 0.0))
            return bbox[2] >= right - 0.2 * max(1.0, right - left)
        return len(self.stripped[index]) >= self.wide_chars


def continues(layout: Layout, first: int, prev: int, index: int, *, bullet: bool) -> bool:
    """Whether the line at `index` is a wrapped continuation of the block that began at line
    `first` and so far ends at line `prev`.

    The caller has already ruled out headings, bullets and date lines. Cues: a lowercase start,
    a hanging indent under the bullet text, or a previous line that ran to the margin without
    ending a sentence.
    """
    texts, fields = layout.texts, layout.fields
    text = layout.stripped[index]
    prev_text = layout.stripped[prev]
    if not text or not prev_text:
        return False
    line, before, opening = fields[index], fields[prev], fields[first]
    bbox = line["bbox"]
    same_column = line["page"] == before["page"] and line["column"] == before["column"]
    if bbox is not None and before["bbox"] is not None and same_column:
        gap = bbox[1] - before["bbox"][3]
        if gap > 0.9 * layout.line_height:
            return False
    if line["bold"] and not opening["bold"]:
        return False
    ends_sentence = _SENTENCE_END.search(prev_text) is not None
    if text[0].islower() and (bullet or not ends_sentence):
        return True
    if bullet:
        if bbox is not None and opening["bbox"] is not None:
            if line["page"] == opening["page"] and bbox[0] > opening["bbox"][0] + 3.0:
                return True
        elif _indent(texts[index]) > _indent(texts[first]):
            return True
    return not ends_sentence and layout.wide(prev)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())
