"""The public data contract: pydantic v2 models, frozen, `extra="forbid"`, JSON-schema exportable.

Every stage returns one of these, so a report can always point at the text behind a number:
`Line` (a physical line of a document), `Block` (a logical unit: a heading, a bullet with its
wrapped lines joined, or a plain line), `SkillHit` (where a skill was found), and `MatchReport`.
Indices (`line`, `block`) count from 0 into `Document.lines` and into `Resume.blocks` or
`JobPosting.blocks`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "Block",
    "BlockKind",
    "Contact",
    "Document",
    "DocumentFormat",
    "Evidence",
    "Finding",
    "JobPosting",
    "KeywordResult",
    "Level",
    "Line",
    "MatchReport",
    "MissingKeyword",
    "Placement",
    "Region",
    "Resume",
    "Role",
    "Section",
    "SectionKind",
    "SkillHit",
    "Subscore",
    "YearsAsk",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


Region = Literal["body", "header", "footer", "table", "textbox", "footnote"]
DocumentFormat = Literal["pdf", "docx", "text"]


class Line(_Model):
    """One physical line of a document with the layout facts the reader could keep."""

    text: str
    page: int = 1
    # (x0, top, x1, bottom) in points, origin at the page's top-left corner; None for text input.
    bbox: tuple[float, float, float, float] | None = None
    size: float | None = None  # dominant font size in points
    font: str | None = None  # dominant font name
    bold: bool = False
    color: str | None = None  # dominant fill colour as "#rrggbb" when known
    region: Region = "body"
    column: int = 0  # 0 for the left (or only) column, 1 for the next, ...


class Document(_Model):
    """What a reader made of a file: its lines in reading order plus facts about the file."""

    source: str  # file name, or "<text>" / "<bytes>"
    format: DocumentFormat
    pages: int = 1
    page_sizes: tuple[tuple[float, float], ...] = ()  # (width, height) per page, PDF only
    byte_size: int = 0
    lines: tuple[Line, ...] = ()
    images: int = 0  # figures / pictures seen (images standing for words are an ATS risk)
    columns: tuple[int, ...] = ()  # columns detected per page, PDF only

    @property
    def text(self) -> str:
        """The document's text, one line per `Line`."""
        return "\n".join(line.text for line in self.lines)


SectionKind = Literal[
    "header",  # everything above the first heading: name, contact, title line
    "summary",
    "experience",
    "projects",
    "education",
    "skills",
    "certifications",
    "publications",
    "awards",
    "volunteer",
    "languages",
    "interests",
    "references",
    "other",
]
BlockKind = Literal["heading", "bullet", "line"]
Level = Literal["title", "required", "preferred", "other"]


class Block(_Model):
    """A logical unit of text: a heading, a bullet (wrapped lines joined back), or a plain line."""

    text: str
    kind: BlockKind
    section: str  # a SectionKind for resumes; "title", "requirements", ... for jobs
    line: int  # index of its first line in `Document.lines`
    page: int = 1
    role: int | None = None  # index into `Resume.roles` when the block belongs to a role
    level: Level | None = None  # job postings: how strongly the block asks for what it names


class Section(_Model):
    """A resume section: its kind, the heading as written, and the blocks it spans."""

    kind: SectionKind
    heading: str
    first_block: int
    last_block: int  # inclusive


class Contact(_Model):
    """Contact details found in the resume (None when absent)."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    github: str | None = None
    website: str | None = None
    location: str | None = None


class Role(_Model):
    """A job (or project) entry: title, organisation, dates as "YYYY-MM" or "YYYY"."""

    title: str | None = None
    organization: str | None = None
    location: str | None = None
    start: str | None = None
    end: str | None = None
    current: bool = False
    section: SectionKind = "experience"
    first_block: int
    bullets: tuple[int, ...] = ()  # indices into `Resume.blocks`


class Resume(_Model):
    """A parsed resume: the document plus its structure."""

    document: Document
    contact: Contact = Contact()
    sections: tuple[Section, ...] = ()
    roles: tuple[Role, ...] = ()
    blocks: tuple[Block, ...] = ()


class YearsAsk(_Model):
    """An "N+ years of X" requirement in a posting."""

    years: float
    subject: str  # the words the posting used, e.g. "Python" or "production ML experience"
    skill_ids: tuple[str, ...] = ()
    block: int
    text: str


class JobPosting(_Model):
    """A parsed job posting: title and requirement blocks with their level."""

    document: Document
    title: str | None = None
    blocks: tuple[Block, ...] = ()
    years: tuple[YearsAsk, ...] = ()


class SkillHit(_Model):
    """One place where a taxonomy skill was found."""

    skill_id: str
    name: str
    category: str
    alias: str  # the vocabulary form that matched
    text: str  # the text as written in the document
    start: int  # character span inside the block's text
    end: int
    block: int  # index into the blocks the extractor was given
    line: int  # index into `Document.lines`
    section: str
    fuzzy: bool = False  # found by the typo tier: lower credit


Source = Literal["experience", "skills_list", "other", "parent", "child", "related", "absent"]


class Evidence(_Model):
    """Why a job keyword got its credit: the resume text behind it."""

    kind: Source
    skill_id: str  # the resume skill behind the credit (the keyword itself or a relative)
    text: str  # the resume text (block) that shows it
    section: str
    block: int
    fuzzy: bool = False


class KeywordResult(_Model):
    """One job keyword: how much it weighs, how much credit the resume earns, and why."""

    skill_id: str
    name: str
    category: str
    level: Level
    mentions: int
    weight: float
    credit: float  # 0..1
    evidence: tuple[Evidence, ...] = ()
    job_text: str  # the posting text that asked for it (first mention)


class Subscore(_Model):
    """Score restricted to one group of keyword categories."""

    group: str
    score: float
    weight: float
    keywords: int


class Placement(_Model):
    """Where a missing keyword would belong in the resume."""

    where: Literal["bullet", "skills", "summary"]
    block: int | None = None
    text: str | None = None  # the bullet it could be woven into
    reason: str


class MissingKeyword(_Model):
    """A job keyword the resume lacks, ranked by weight, with where to put it."""

    skill_id: str
    name: str
    category: str
    level: Level
    weight: float
    partial_credit: float
    job_text: str
    related_evidence: tuple[str, ...] = ()  # resume skills that show related experience
    placement: Placement
    certification: str | None = None  # a certification that covers it, for real gaps


class Finding(_Model):
    """A note about the file or its text (parseability, bullet quality)."""

    id: str
    severity: Literal["error", "warning", "info"]
    message: str
    fix: str | None = None
    page: int | None = None
    line: int | None = None
    text: str | None = None


class MatchReport(_Model):
    """The whole explained result of matching one resume against one job."""

    score: float = Field(ge=0, le=100)
    verdict: str
    scorer: str
    subscores: tuple[Subscore, ...]
    keywords: tuple[KeywordResult, ...]  # every job keyword, highest weight first
    matched: tuple[str, ...]  # skill ids with full or partial credit
    missing: tuple[MissingKeyword, ...]
    resume_skills: tuple[str, ...]  # every skill id found in the resume
    findings: tuple[Finding, ...] = ()
    resume_source: str
    job_source: str
    job_title: str | None = None
    taxonomy_version: str
    atsmatch_version: str
