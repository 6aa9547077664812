"""Job posting structure: the title, requirement blocks with their level, "N years" and degree asks.

The level of a block comes from the heading above it (Requirements -> required, Nice to have ->
preferred, Responsibilities -> duty) and is corrected line by line: postings put "X is a plus"
inside Requirements and "must have Y" inside Preferred.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from atsmatch.models import Block, BlockKind, Document, JobPosting, Level, Line, YearsAsk
from atsmatch.structure.employer import find_employer
from atsmatch.structure.headings import HeadingIndex, Headings
from atsmatch.structure.lines import (
    Layout,
    continues,
    is_caps,
    is_title_case,
    join_text,
    strip_bullet,
)
from atsmatch.structure.qualifications import core_title, find_degree_asks, names_job

__all__ = ["find_years", "parse_job"]

_PREFERRED_CUES = re.compile(
    r"\b(?:nice[\s-]to[\s-]haves?|preferred|preferably|bonus|a\s+plus|is\s+a\s+plus|"
    r"are\s+a\s+plus|ideally|desirable|good\s+to\s+have|not\s+required|an\s+advantage|"
    r"would\s+be\s+great|optional)\b",
    re.I,
)
_REQUIRED_CUES = re.compile(r"\b(?:must|required|mandatory|essential)\b", re.I)
_TITLE_PREFIX = re.compile(
    r"^\s*(?:job\s+title|position(?:\s+title)?|role(?:\s+title)?|title|job\s+description|"
    r"job|opening|vacancy|job\s+posting)\s*[:\-–—|]\s*(?P<title>.+)$",
    re.I,
)
_SEEKING = re.compile(
    r"\b(?:seeking|looking\s+for|hiring)\s+(?:an?|our\s+next|a\s+new)\s+"
    r"(?P<title>(?:[A-Z][\w/+&.-]*\s+){0,5}?[A-Z][\w/+&.-]*)"
    r"(?=\s+(?:to|who|with|for|in|at|on|that)\b|[,.;])",
)
# Unheaded boilerplate: an EEO or legal statement, or how to apply. Such a block is filed under
# "legal" / "apply" whatever section it sits in, so it asks for nothing.
_LEGAL = re.compile(
    r"\b(?:equal\s+(?:employment\s+)?opportunit(?:y|ies)|affirmative\s+action|without\s+regard\s+to"
    r"|regardless\s+of\s+(?:race|gender|age|sex|religion)|discriminat\w*|reasonable\s+accommodations?"
    r"|protected\s+(?:veteran|characteristic)s?|E-Verify|pay\s+transparency)\b",
    re.I,
)
_APPLY = re.compile(
    r"^(?:to\s+apply\b|apply\s+(?:now|today|at|via|by|online|here)\b|please\s+(?:apply|send)\b"
    r"|send\s+(?:us\s+)?(?:your|a)\s+(?:resume|cv|application)\b)",
    re.I,
)
# "About Acme Robotics": an about-us heading that names the employer (capitalised words).
_ABOUT_NAME = re.compile(r"^(?i:about)\s+[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*){0,4}$")
_INLINE_HEADING = re.compile(r"^(?P<head>[^:]{2,60}):\s+(?P<rest>\S.*)$")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_NUM = r"(?:\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten)"
_YEARS = re.compile(
    rf"(?P<min>(?:at\s+least|minimum(?:\s+of)?|min\.?|over|more\s+than)\s+)?"
    rf"(?<![\w.])(?P<n>{_NUM})(?:\s*\+|\s+plus)?(?:\s*(?:-|–|—|to)\s*{_NUM}\s*\+?)?"
    r"\s+(?:years?|yrs?)\b['’]?s?(?!\s+(?:old|ago)\b)(?P<rest>[^.;()\n]*)",
    re.I,
)
_SUBJECT_LEAD = re.compile(
    r"^(?:(?:of|in|with|using|on|as)\s+)?"
    r"(?:(?:relevant|professional|industry|hands-on|hands\s+on|practical|proven|work|working|"
    r"commercial|demonstrated|direct|solid|full-time|post-graduate)\s+)*"
    r"(?:experience|exp\.?)\s*(?:(?:of|in|with|using|on|building|developing|as|doing|working\s+with)\s+|,\s*|$)",
    re.I,
)
_PREPOSITION = re.compile(
    r"^(?:of|in|with|using|on|as|building|developing|working\s+with)\s+", re.I
)
_CLAUSE_END = re.compile(
    r",\s+(?:with|and\s+(?:a|an|the)|including|ideally|preferably|where|which)\b|\s+—\s+", re.I
)


@dataclass
class _Block:
    text: str
    kind: BlockKind
    section: str
    line: int
    page: int
    last: int  # the index of the block's last line (`line` is its first)
    level: Level | None


def parse_job(document: Document, *, headings: Headings | None = None) -> JobPosting:
    """Split a posting into a title, blocks with requirement levels, and "N+ years" asks.

    >>> from atsmatch.models import Document, Line
    >>> doc = Document(source="<text>", format="text", lines=(Line(text="Data Engineer"),
    ...     Line(text="Requirements:"), Line(text="- 3+ years of Spark")))
    >>> job = parse_job(doc)
    >>> job.title, job.years[0].years, job.years[0].subject
    ('Data Engineer', 3.0, 'Spark')
    """
    index = (headings if headings is not None else Headings.of()).job
    lines = document.lines
    layout = Layout.of(lines)
    title, title_line = _find_title(lines, index)
    blocks: list[_Block] = []
    section = "intro"
    current: _Block | None = None
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            current = None
            continue
        if i == title_line:
            blocks.append(_Block(text, "line", "title", i, line.page, i, "title"))
            current = None
            continue
        bullet = strip_bullet(text)
        if bullet is None:
            kind = _heading(i, text, layout, index)
            if kind is not None:
                section = kind
                blocks.append(
                    _Block(_clean(text), "heading", section, i, line.page, i, _level(section))
                )
                current = None
                continue
            inline = _INLINE_HEADING.match(text)
            head_kind = index.exact(inline.group("head")) if inline else None
            if inline is not None and head_kind is not None:
                section = head_kind
                head = inline.group("head").strip()
                blocks.append(_Block(head, "heading", section, i, line.page, i, _level(section)))
                current = _Block(
                    inline.group("rest").strip(), "line", section, i, line.page, i, None
                )
                blocks.append(current)
                continue
        if bullet is not None:
            current = _Block(bullet, "bullet", section, i, line.page, i, None)
            blocks.append(current)
            continue
        if current is not None and continues(
            layout, current.line, current.last, i, bullet=current.kind == "bullet"
        ):
            current.text = join_text(current.text, text)
            current.last = i
            continue
        current = _Block(text, "line", section, i, line.page, i, None)
        blocks.append(current)
    for b in blocks:
        if b.kind != "heading" and b.level is None:
            b.section = _boilerplate(b.text) or b.section
    final = tuple(
        Block(
            text=b.text, kind=b.kind, section=b.section, line=b.line, page=b.page,
            level=b.level if b.level is not None else _line_level(b.section, b.text),
        )
        for b in blocks
    )  # fmt: skip
    years = tuple(
        ask for number, block in enumerate(final) for ask in find_years(block.text, number)
    )
    return JobPosting(
        document=document,
        title=title,
        core_title=core_title(title),
        blocks=final,
        years=years,
        degrees=find_degree_asks(final),
        employer=find_employer(final),
    )


def find_years(text: str, block: int = 0) -> list[YearsAsk]:
    """Every "N+ years of X" ask in `text`: "3-5 years with Kubernetes" gives 3, "Kubernetes"."""
    asks: list[YearsAsk] = []
    for match in _YEARS.finditer(text):
        raw = match.group("n").lower()
        years = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
        if not 0 < years <= 30:
            continue
        rest = match.group("rest")
        clause = _CLAUSE_END.search(rest)
        if clause is not None:
            rest = rest[: clause.start()]
        said = text[match.start() : match.start("rest") + len(rest)]
        rest = rest.strip(" ,:-–")
        lead = _SUBJECT_LEAD.match(rest)
        rest = rest[lead.end() :] if lead is not None else _PREPOSITION.sub("", rest)
        subject = " ".join(rest.strip(" ,:-–").split()[:10]).rstrip(",")
        mentions_experience = (
            "experience" in match.group(0).lower() or "exp" in match.group(0).lower()
        )
        if not subject and not mentions_experience:
            continue
        asks.append(
            YearsAsk(
                years=years,
                subject=subject or "experience",
                block=block,
                text=said.strip(" ,"),
            )
        )
    return asks


def _find_title(lines: tuple[Line, ...], index: HeadingIndex) -> tuple[str | None, int | None]:
    for i, line in enumerate(lines[:15]):
        text = line.text.strip()
        if not text:
            continue
        match = _TITLE_PREFIX.match(text)
        if match is not None:
            return _clean(match.group("title")), i
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        clean = _clean(text)
        words = clean.split()
        if (
            len(words) <= 12
            and index.exact(clean) is None
            and _INLINE_HEADING.match(clean) is None
            and strip_bullet(text) is None
            and not clean.endswith((".", ",", ";", "!", "?"))
        ):
            return clean, i
        break
    for line in lines[:10]:
        seeking = _SEEKING.search(line.text)
        if seeking is not None and names_job(seeking.group("title")):
            return seeking.group("title"), None
    return None, None


def _heading(number: int, text: str, layout: Layout, index: HeadingIndex) -> str | None:
    clean = _clean(text)
    if len(clean.split()) > 9 or clean.endswith((".", ",", ";")):
        return None
    kind = index.exact(clean)
    if kind is None and _ABOUT_NAME.match(clean):
        kind = "about"  # "About Acme Robotics"
    if kind is None:
        return None
    looks = (
        layout.fields[number]["bold"]
        or text.startswith("#")
        or text.endswith(":")
        or is_caps(clean)
        or is_title_case(clean)
        or layout.larger(number)
        or clean[:1].isupper()
    )
    return kind if looks else None


def _boilerplate(text: str) -> str | None:
    """ "legal" for an EEO or legal statement, "apply" for how to apply, else None."""
    if _LEGAL.search(text):
        return "legal"
    if _APPLY.search(text):
        return "apply"
    return None


def _clean(text: str) -> str:
    return re.sub(r"^#+\s*|\*\*|__", "", text).strip().rstrip(":").strip()


def _level(section: str) -> Level:
    if section == "required":
        return "required"
    if section == "preferred":
        return "preferred"
    if section == "responsibilities":
        return "duty"
    return "other"


def _line_level(section: str, text: str) -> Level:
    level = _level(section)
    if level in ("required", "duty") and _PREFERRED_CUES.search(text):
        return "preferred"
    if level == "preferred" and _REQUIRED_CUES.search(text) and not _PREFERRED_CUES.search(text):
        return "required"
    return level
