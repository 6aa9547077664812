"""Parseability: what an applicant tracking system would miss or misread in a resume file.

`check_resume` runs the layout checks (`checks.layout`: columns, headers and footers, text
boxes, content controls, tables, images, junk glyphs, hidden or tiny text, fonts, bullets,
length, file size) and the content checks (`checks.content`: headings, contact details, role
dates, glued keywords), then sums them up as a `ParseReport`. A file that cannot be read at all
(no text layer, password) becomes a report with one error finding via `unreadable_report`.
Every finding's severity and wording come from its entry in `atsmatch.findings`.

The `parseability` subscore (0-100, separate from the keyword score), `parseability.v1`:

- a file an ATS cannot read at all (no text layer, encrypted) scores 0;
- otherwise start at 100 and subtract, once per finding id at its worst severity (ten lines of
  hidden text are one problem, not ten): 30 for an error, 10 for a warning, 2 for an info;
- warnings together take at most 60 and infos together at most 10, so one bad layout does not
  hide every other problem under a floor of 0; the result is clamped to 0-100.

>>> from atsmatch.models import Finding
>>> parseability([Finding(id="multi-column", severity="warning", message="m"),
...               Finding(id="contact-no-phone", severity="info", message="m")])
88.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from atsmatch.checks._finding import finding
from atsmatch.checks.content import content_findings
from atsmatch.checks.layout import count_words, layout_findings
from atsmatch.errors import DocumentError, EncryptedDocumentError
from atsmatch.models import Finding, ParseReport, ParseSummary, Resume

__all__ = [
    "PENALTY",
    "SCORER",
    "UNREADABLE",
    "check_resume",
    "parseability",
    "summarize",
    "unreadable_report",
]

SCORER = "parseability.v1"
PENALTY = {"error": 30.0, "warning": 10.0, "info": 2.0}
_CAP = {"error": 100.0, "warning": 60.0, "info": 10.0}
UNREADABLE = frozenset({"no-text-layer", "encrypted"})
_ORDER = {"error": 0, "warning": 1, "info": 2}


def parseability(findings: Iterable[Finding]) -> float:
    """The 0-100 parseability subscore of a set of findings (rules in the module docstring)."""
    worst: dict[str, str] = {}
    for f in findings:
        if f.id in UNREADABLE:
            return 0.0
        current = worst.get(f.id)
        if current is None or _ORDER[f.severity] < _ORDER[current]:
            worst[f.id] = f.severity
    lost = 0.0
    for severity, penalty in PENALTY.items():
        count = sum(1 for s in worst.values() if s == severity)
        lost += min(count * penalty, _CAP[severity])
    return round(max(0.0, min(100.0, 100.0 - lost)), 1)


def summarize(
    resume: Resume, *, words: int | None = None, bullets: int | None = None
) -> ParseSummary:
    """What the parser recognised: name, contact fields, sections, roles, bullets, pages, words.

    `words` is the document's `count_words` and `bullets` its bullet blocks, when the caller
    has counted them already.
    """
    document = resume.document
    contact = resume.contact
    fields = ("email", "phone", "linkedin", "github", "website", "location")
    sections = [s for s in resume.sections if s.kind != "header"]
    return ParseSummary._trusted(
        format=document.format,
        pages=document.pages,
        words=count_words(document.text) if words is None else words,
        byte_size=document.byte_size,
        columns=max(document.columns, default=1),
        images=document.images,
        name=contact.name,
        contact=tuple(f for f in fields if getattr(contact, f)),
        sections=tuple(s.heading for s in sections),
        section_kinds=tuple(s.kind for s in sections),
        roles=len(resume.roles),
        dated_roles=sum(1 for r in resume.roles if r.start is not None),
        bullets=sum(1 for b in resume.blocks if b.kind == "bullet") if bullets is None else bullets,
    )


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Worst first; within a severity, the checks' own order (stable sort)."""
    return tuple(sorted(findings, key=lambda f: _ORDER[f.severity]))


def check_resume(resume: Resume, *, aliases: Mapping[str, str] | None = None) -> ParseReport:
    """Every parseability finding for a parsed resume, its subscore and a parse summary.

    `aliases` is the vocabulary's alias index (`Taxonomy.alias_index`); with it, keywords run
    together ("MachineLearning") are found too.
    """
    from atsmatch import __version__

    document = resume.document
    # Each line's and each block's fields in one read apiece (a model's attribute reads are
    # slow), for every check that walks them.
    lines = [line.__dict__ for line in document.lines]
    blocks = [block.__dict__ for block in resume.blocks]
    text = "\n".join([line["text"] for line in lines])  # once: the word count, glued words
    words = count_words(text)
    bullets = [block for block in blocks if block["kind"] == "bullet"]
    summary = summarize(resume, words=words, bullets=len(bullets))
    findings = [
        *layout_findings(document, name=resume.contact.name, words=words, fields=lines),
        *content_findings(resume, aliases=aliases, text=text, lines=lines, blocks=blocks),
    ]
    return ParseReport._trusted(
        source=document.source,
        parseability=parseability(findings),
        findings=_sorted(findings),
        summary=summary,
        atsmatch_version=__version__,
    )


def _reason(error: DocumentError) -> str:
    """The reader's message without the file name in front."""
    message = str(error)
    prefix = f"{error.source}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def unreadable_report(error: DocumentError) -> ParseReport:
    """The report for a file no ATS can read: no text layer (a scan) or a password."""
    from atsmatch import __version__

    found = finding(
        "encrypted" if isinstance(error, EncryptedDocumentError) else "no-text-layer",
        text=_reason(error),
    )
    return ParseReport(
        source=error.source or "<input>",
        parseability=0.0,
        findings=(found,),
        atsmatch_version=__version__,
    )
