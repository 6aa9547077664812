"""The public data contract: pydantic v2 models, frozen, `extra="forbid"`, JSON-schema exportable.

Every stage returns one of these, so a report can always point at the text behind a number:
`Line` (a physical line of a document), `Block` (a logical unit: a heading, a bullet with its
wrapped lines joined, or a plain line), `SkillHit` (where a skill was found), and `MatchReport`.
Indices (`line`, `block`) count from 0 into `Document.lines` and into `Resume.blocks` or
`JobPosting.blocks`.
"""

from __future__ import annotations

from typing import Any, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from atsmatch.findings import FindingId

__all__ = [
    "AcronymAdvice",
    "Alternative",
    "Block",
    "BlockKind",
    "BulletFeedback",
    "BulletFlag",
    "CertificationNote",
    "Coaching",
    "CoachingFix",
    "Contact",
    "Degree",
    "DegreeAsk",
    "DegreeLevel",
    "Document",
    "DocumentFormat",
    "EducationMatch",
    "Evidence",
    "EvidenceGap",
    "EvidenceKind",
    "ExperienceCheck",
    "Finding",
    "JobPosting",
    "KeywordResult",
    "Level",
    "Line",
    "MatchReport",
    "MissingKeyword",
    "ParseReport",
    "ParseSummary",
    "Placement",
    "RankError",
    "RankedResult",
    "Region",
    "Resume",
    "Roadmap",
    "RoadmapCertification",
    "RoadmapGap",
    "RoadmapPath",
    "RoadmapPhase",
    "RoadmapProof",
    "Role",
    "RoleBullets",
    "Section",
    "SectionKind",
    "SkillExperience",
    "SkillHit",
    "StuffingWarning",
    "Subscore",
    "TitleMatch",
    "VerbatimOverlap",
    "WordCount",
    "YearsAsk",
]


_new = object.__new__  # `BaseModel` has no `__new__` of its own
# `__dict__` and the slots pydantic keeps beside it, set through their own descriptors (what
# `model_construct` does through `object.__setattr__` by name, a sixth slower), for the hundreds
# of models a match makes.
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


# Each class's field names: every field is given to `_trusted`, so its instances share the one
# set (frozen models never add to it; `model_copy` copies it before adding the updated fields).
_EVERY_FIELD: dict[type[BaseModel], set[str]] = {}
_DEFAULTS: dict[type[BaseModel], dict[str, Any]] = {}  # each class's fields at their defaults
_M = TypeVar("_M", bound=BaseModel)


def _constructed(cls: type[_M], values: dict[str, Any]) -> _M:
    """A `cls` whose fields are `values` (every field, in field order, of the field's own type,
    made by our own code), not validated again: `model_construct` without its per-field loop.
    The dict itself becomes the model's `__dict__`."""
    model = _new(cls)
    _set_dict(model, values)
    fields = _EVERY_FIELD.get(cls)
    if fields is None:
        fields = _EVERY_FIELD[cls] = set(cls.model_fields)
    _set_fields_set(model, fields)
    _set_extra(model, None)
    _set_private(model, None)
    return model


def _defaults(cls: type[BaseModel]) -> dict[str, Any]:
    """Each field of `cls` at its default, in field order (a report's JSON keeps this order);
    a field without a default holds a placeholder. Shared: copy it before changing it."""
    defaults = _DEFAULTS.get(cls)
    if defaults is None:
        defaults = _DEFAULTS[cls] = {name: f.default for name, f in cls.model_fields.items()}
    return defaults


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def _trusted(cls, **values: Any) -> Self:
        """An instance of values our own code made, of the fields' own types, every field given:
        not validated again (`model_construct` without its per-field loop). For the models a
        match makes by the dozen or more (`SkillHit`, keyword results, bullet feedback and the
        coaching parts); `tests/test_trusted_models.py` holds every such model equal to its
        validated copy."""
        return _constructed(cls, values)

    @classmethod
    def _defaulted(cls, **values: Any) -> Self:
        """`_trusted`, with each field not given at its default (for models whose instances
        leave most fields at their defaults; a required field, or one with a default factory,
        must be given: its value replaces the placeholder)."""
        return _constructed(cls, _defaults(cls) | values)


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
    control: bool = False  # DOCX: the text sits inside a content control (w:sdt)
    hidden: bool = False  # DOCX: most of its characters are in hidden runs (w:vanish)


class Document(_Model):
    """What a reader made of a file: its lines in reading order plus facts about the file."""

    source: str  # file name, or "<text>" / "<bytes>"
    format: DocumentFormat
    pages: int = 1
    pages_estimated: bool = False  # DOCX without a saved page count: estimated from the text
    page_sizes: tuple[tuple[float, float], ...] = ()  # (width, height) per page, PDF only
    byte_size: int = 0
    lines: tuple[Line, ...] = ()
    images: int = 0  # figures / pictures seen (images standing for words are an ATS risk)
    columns: tuple[int, ...] = ()  # columns detected per page, PDF only
    # What the reader's repairs removed, counted before repair (an ATS sees the raw glyphs):
    junk_glyphs: int = 0  # "(cid:N)" placeholders, icon-font and zero-width characters
    ligatures: int = 0  # typographic ligatures ("ﬁ", "ﬂ") expanded to letters

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
Level = Literal["title", "required", "preferred", "duty", "other"]


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


DegreeLevel = Literal["bachelor", "master", "phd"]  # lowest first


class Degree(_Model):
    """A degree on a resume, read from its Education section: level and field."""

    level: DegreeLevel
    # The field by its usual name when known ("Computer Science" for "CS"), else as written;
    # None when the entry names none ("PhD" on a line of its own).
    field: str | None = None
    block: int  # index into `Resume.blocks`
    text: str  # the entry as written


class Resume(_Model):
    """A parsed resume: the document plus its structure."""

    document: Document
    contact: Contact = Contact()
    sections: tuple[Section, ...] = ()
    roles: tuple[Role, ...] = ()
    blocks: tuple[Block, ...] = ()
    # The job title under the name ("Machine Learning Engineer"), when the header has one.
    headline: str | None = None
    education: tuple[Degree, ...] = ()  # degrees in the Education section, in resume order


class YearsAsk(_Model):
    """An "N+ years of X" requirement in a posting."""

    years: float
    subject: str  # the words the posting used, e.g. "Python" or "production ML experience"
    skill_ids: tuple[str, ...] = ()
    block: int
    text: str


class DegreeAsk(_Model):
    """A posting's degree ask: "BS/MS in Computer Science or a related field", "PhD preferred".

    `need` is `not-required` for "no degree required"; such an ask has no level or fields.
    """

    # The lowest level the posting accepts ("BS/MS" and "Bachelor's or Master's": bachelor);
    # None for a degree of any level ("a degree in Statistics").
    level: DegreeLevel | None = None
    need: Literal["required", "preferred", "not-required"]
    equivalent: bool = False  # "or equivalent experience": experience may stand in for it
    fields: tuple[str, ...] = ()  # the fields named, by their usual names
    related: bool = False  # "or a related field", "a quantitative field": close fields accepted
    block: int  # index into `JobPosting.blocks`
    text: str  # the posting's words


class JobPosting(_Model):
    """A parsed job posting: title and requirement blocks with their level."""

    document: Document
    title: str | None = None
    # The title as a job title: without location, work mode, gender tags or team ("Data Analyst"
    # for "Data Analyst - Remote (m/f/d)"); None when `title` names no job ("About the role").
    core_title: str | None = None
    degrees: tuple[DegreeAsk, ...] = ()  # degree asks, in posting order
    blocks: tuple[Block, ...] = ()
    years: tuple[YearsAsk, ...] = ()
    role: str | None = None  # the role profile this posting stands for: its weights apply
    employer: str | None = None  # the employer's name, never read as a skill


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


# Where a keyword's credit came from (named `EvidenceKind`: `Document.source` is a file label).
EvidenceKind = Literal[
    "experience",
    "skills_list",
    "other",
    "certified",  # a certification named under Certifications (or in a bullet): held
    "parent",
    "child",
    "related",
    "successor",  # the successor of a retired certification the posting asks for
    "absent",
]


class Evidence(_Model):
    """Why a job keyword got its credit: the resume text behind it."""

    kind: EvidenceKind
    skill_id: str  # the resume skill behind the credit (the keyword itself or a relative)
    name: str  # that skill's name, as a report shows it
    text: str  # the resume text (block) that shows it
    section: str
    block: int
    fuzzy: bool = False


class Alternative(_Model):
    """One skill of an any-of group ("Airflow or Dagster"): the posting accepts any one of them."""

    skill_id: str
    name: str


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
    # An any-of group ("one of: Airflow, Dagster"): every option, in posting order. The keyword
    # is the option that earns the best credit (the first one when none does).
    any_of: tuple[Alternative, ...] = ()


class Subscore(_Model):
    """Score restricted to one group of keyword categories."""

    group: str
    score: float
    weight: float
    keywords: int


class Placement(_Model):
    """Where a missing keyword would belong in the resume."""

    where: Literal["bullet", "skills", "summary", "certifications"]
    block: int | None = None
    text: str | None = None  # the bullet it could be woven into
    reason: str


class TitleMatch(_Model):
    """The posting's job title against the resume's headline and recent role titles.

    `status`: `same` (the same title once seniority words and abbreviations are set aside),
    `near` (one title contains the other: "Applied ML Engineer" for "ML Engineer"), `related`
    (the same role family: one role profile's name, aliases or ladder; or the same head noun
    with a shared word), `unclear` (the same head noun, and no role profile places one of
    them: not judged), `different`, `no-title` (the posting states none) or `unknown` (the
    resume shows no title). `credit` is None when there is nothing to compare or the
    comparison is unclear: then the score does not use it.
    """

    status: Literal["same", "near", "related", "unclear", "different", "no-title", "unknown"]
    credit: float | None = Field(default=None, ge=0, le=1)
    weight: float = Field(default=0.0, ge=0, le=1)  # its share of the score (0: not scored)
    job_title: str | None = None  # `JobPosting.core_title`
    resume_title: str | None = None  # the resume title compared (the best one)
    where: Literal["headline", "role"] | None = None
    role: int | None = None  # index into `Resume.roles` when `where` is "role"
    reason: str


class EducationMatch(_Model):
    """The posting's degree ask against the resume's degrees.

    `status`: `exceeds` or `meets` the level asked, `below` it, `no-ask` (the posting asks for
    no degree), `not-required` (it says none is needed) or `unknown` (the resume shows no
    degree). `field`: the resume's field is one the posting names (`match`), close to them when
    it accepts related fields (`related`), or neither (`other`); None when not compared. `credit`
    is None when there is nothing to compare: then the score does not use it.
    """

    status: Literal["exceeds", "meets", "below", "no-ask", "not-required", "unknown"]
    field: Literal["match", "related", "other"] | None = None
    credit: float | None = Field(default=None, ge=0, le=1)
    weight: float = Field(default=0.0, ge=0, le=1)  # its share of the score (0: not scored)
    asked: DegreeAsk | None = None  # the ask compared (a required one before a preferred one)
    degree: Degree | None = None  # the resume's degree compared
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
    # True when the resume shows nothing related (no parent, child, sibling or related skill).
    gap: bool = False
    any_of: tuple[Alternative, ...] = ()  # an unmet any-of group: the options, any one will do


class CertificationNote(_Model):
    """A certification in a match: held by the resume, asked for by the posting, or both.

    `status`: `held` (named on the resume), `satisfied` (the posting asks for a retired one and
    the resume holds its successor), `missing` (asked for, not held). `note` is the one line a
    person reads: the date it was earned, retirement and successor, or the covered skills the
    resume already shows.
    """

    skill_id: str
    name: str
    code: str | None = None
    level: str | None = None
    status: Literal["held", "satisfied", "missing"]
    asked: bool  # the posting (or role) asks for it
    earned: str | None = None  # the year (or month and year) written beside it on the resume
    retired_on: str | None = None  # ISO date, for a retired certification
    successors: tuple[str, ...] = ()  # names of the certifications that replace a retired one
    shown: tuple[str, ...] = ()  # skills it covers that the resume already shows
    prep_weeks: float | None = None
    note: str


class Finding(_Model):
    """A note about the file or its text (parseability, bullet quality)."""

    id: FindingId  # worded in `atsmatch.findings.FINDINGS`
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
    # How well an ATS would read the resume file (0-100, see `atsmatch.checks`); separate from
    # the keyword score. None when the report was not made from a resume file check.
    parseability: float | None = Field(default=None, ge=0, le=100)
    resume_source: str
    job_source: str
    job_title: str | None = None
    taxonomy_version: str
    atsmatch_version: str
    # STAR bullet feedback, evidence checks and experience durations (`atsmatch.coaching`).
    coaching: Coaching | None = None
    # Certifications held or asked for, with retirement and successor notes (`atsmatch.suggest`).
    certifications: tuple[CertificationNote, ...] = ()
    # The job title and the degree ask, each on its own line beside the keyword score
    # (`atsmatch.qualify`); their `weight` is their share of `score`.
    title_match: TitleMatch | None = None
    education_match: EducationMatch | None = None


# --------------------------------------------------------------------------------------------
# Ranking (`atsmatch.batch`): many resumes against one posting, or many postings against one resume
# --------------------------------------------------------------------------------------------


class RankError(_Model):
    """Why one file of a ranking could not be read: the error's class, its message, the file."""

    type: str  # the `atsmatch.errors` class name, e.g. "NoTextLayerError"
    message: str  # the first line of the error's message
    source: str  # the file as given, or the name passed for bytes and text

    def __str__(self) -> str:
        return f"{self.type}: {self.message}"


class RankedResult(_Model):
    """One entry of a ranking: the report's headline figures, or why the file could not be read.

    Entries are ordered by score, then parseability (both highest first), then `source`, then
    input order; unreadable files come last, with `error` set and no report. `report` is kept
    for every entry, or only for the best `top` (the others carry their figures only). An entry
    streamed by `iter_rank` has no `rank` yet: the order is known only at the end.
    """

    rank: int | None = Field(default=None, ge=1)
    index: int = Field(ge=0)  # position in the input, to map an entry back to its file
    source: str  # the file as given, or the name passed for bytes and text
    score: float | None = Field(default=None, ge=0, le=100)
    verdict: str | None = None
    parseability: float | None = Field(default=None, ge=0, le=100)
    matched: int = 0
    missing: int = 0
    top_missing: tuple[str, ...] = ()  # names of the heaviest missing keywords, at most five
    error: RankError | None = None  # set when the file could not be read
    report: MatchReport | None = None


# --------------------------------------------------------------------------------------------
# Parseability report (`atsmatch check`, `atsmatch.checks`)
# --------------------------------------------------------------------------------------------


class ParseSummary(_Model):
    """What the parser recognised in a resume file, the way a parse-quality report shows it."""

    format: DocumentFormat | None = None  # None when the file could not be read at all
    pages: int = 0
    words: int = 0
    byte_size: int = 0
    columns: int = 1  # the most columns found on any page
    images: int = 0
    name: str | None = None
    contact: tuple[str, ...] = ()  # contact fields found: "email", "phone", "linkedin", ...
    sections: tuple[str, ...] = ()  # section headings as written, in order
    section_kinds: tuple[SectionKind, ...] = ()  # what each heading was understood as
    roles: int = 0
    dated_roles: int = 0
    bullets: int = 0


class ParseReport(_Model):
    """Parseability findings for one resume file, a 0-100 subscore and a parse summary."""

    source: str
    parseability: float = Field(ge=0, le=100)
    findings: tuple[Finding, ...] = ()
    summary: ParseSummary = ParseSummary()
    atsmatch_version: str


# --------------------------------------------------------------------------------------------
# Coaching (`atsmatch.star`, `atsmatch.coaching`): STAR bullet feedback, evidence, experience
# --------------------------------------------------------------------------------------------

FlagKind = Literal[
    "no-action-verb",
    "weak-opener",
    "tense",
    "no-result",
    "buzzword",
    "passive-voice",
    "first-person",
    "too-short",
    "too-long",
    "duplicate-opener",
]
StarPart = Literal["action", "result", "tools", "context"]


class BulletFlag(_Model):
    """One problem with a bullet and a rewrite built from the bullet's own words."""

    kind: FlagKind
    severity: Literal["warning", "info"]
    message: str
    suggestion: str  # placeholders in <angle brackets>; never an invented figure
    text: str | None = None  # the words in the bullet that raised the flag


class BulletFeedback(_Model):
    """STAR analysis of one experience or project bullet."""

    block: int  # index into `Resume.blocks`
    line: int
    page: int = 1
    section: str
    role: int | None = None  # index into `Resume.roles`
    text: str
    words: int
    verb: str | None = None  # the opening verb as written
    verb_base: str | None = None  # its lexicon base form, when the lexicon knows it
    verb_tier: Literal["strong", "medium", "unlisted"] | None = None
    tense: Literal["past", "present"] | None = None
    results: tuple[str, ...] = ()  # measurable outcomes as written ("8.4%", "$3.1M", "45 ms")
    tools: tuple[str, ...] = ()  # taxonomy skills the bullet shows in use
    context: tuple[str, ...] = ()  # scope / situation phrases ("for the risk team")
    missing: tuple[StarPart, ...] = ()
    flags: tuple[BulletFlag, ...] = ()


class RoleBullets(_Model):
    """How many bullets a role has and how many of them carry a measurable result."""

    role: int
    title: str | None = None
    organization: str | None = None
    bullets: int
    quantified: int
    advice: str | None = None


class WordCount(_Model):
    """Resume length against the commonly cited 475-600 words per page."""

    words: int
    pages: int
    pages_estimated: bool = False  # the document's page count is an estimate (`Document`)
    per_page: float
    advice: str | None = None


class CoachingFix(_Model):
    """One of the highest-value changes, ranked (1 = do first)."""

    rank: int
    kind: str
    message: str
    block: int | None = None
    text: str | None = None


class EvidenceGap(_Model):
    """A skill the resume claims (skills list, summary) but no role or project shows in use."""

    skill_id: str
    name: str
    level: Level | None = None  # how the posting asks for it; None when it does not
    section: str  # where it is claimed
    block: int
    text: str  # the line that claims it
    suggestion: str


class StuffingWarning(_Model):
    """A keyword repeated far beyond the posting's own use of it."""

    skill_id: str
    name: str
    resume_mentions: int
    job_mentions: int
    message: str


class VerbatimOverlap(_Model):
    """A long run of words copied from the posting into the resume."""

    words: int
    text: str  # the resume text as written
    block: int
    job_text: str  # the posting block it comes from
    job_block: int


class AcronymAdvice(_Model):
    """Acronym and long form: ATS searches often match only the form the posting wrote."""

    skill_id: str
    name: str
    severity: Literal["warning", "info"]
    job_forms: tuple[str, ...]
    resume_forms: tuple[str, ...]
    suggestion: str


class SkillExperience(_Model):
    """Months of dated role experience that show a skill (overlapping roles counted once)."""

    skill_id: str
    name: str
    months: int
    roles: tuple[int, ...]  # indices into `Resume.roles`
    via: tuple[str, ...] = ()  # more specific skills that showed it ("FastAPI" for Python)


class ExperienceCheck(_Model):
    """A posting's "N+ years of X" ask against the months the resume's dated roles show."""

    text: str  # the posting's words
    subject: str
    years: float
    skill_ids: tuple[str, ...] = ()
    months_asked: int
    months_shown: int
    met: bool
    short_by_months: int = 0
    roles: tuple[int, ...] = ()
    basis: str  # how the months were counted, in words


class Coaching(_Model):
    """Resume-level coaching: bullet feedback, ranked fixes, evidence and experience checks."""

    today: str  # ISO date used for a current role's end, so the same input gives the same bytes
    bullets: tuple[BulletFeedback, ...] = ()
    quantified: int = 0  # bullets with a measurable result
    quantified_share: float = 0.0
    quantified_target: float = 0.6
    distinct_verbs: int = 0
    repeated_verbs: tuple[str, ...] = ()  # opening verbs used three or more times
    roles: tuple[RoleBullets, ...] = ()
    length: WordCount
    fixes: tuple[CoachingFix, ...] = ()
    evidence_gaps: tuple[EvidenceGap, ...] = ()
    stuffing: tuple[StuffingWarning, ...] = ()
    verbatim: tuple[VerbatimOverlap, ...] = ()
    acronyms: tuple[AcronymAdvice, ...] = ()
    skill_experience: tuple[SkillExperience, ...] = ()
    experience: tuple[ExperienceCheck, ...] = ()


# --------------------------------------------------------------------------------------------
# Roadmap (`atsmatch.roadmap`): what to learn and which certification next
# --------------------------------------------------------------------------------------------

Phase = Literal["foundation", "core", "specialisation", "advanced"]


class RoadmapGap(_Model):
    """A skill the target asks for that the resume does not show, placed in a phase."""

    skill_id: str
    name: str
    category: str
    phase: Phase
    weight: float  # summed over the postings that ask for it
    postings: int  # how many of the postings (1 for a role) ask for it
    related_evidence: tuple[str, ...] = ()  # resume skills close to it
    reason: str  # why it sits in its phase


class RoadmapPhase(_Model):
    """One phase of a roadmap and its gaps, heaviest first."""

    name: Phase
    gaps: tuple[RoadmapGap, ...]


class RoadmapCertification(_Model):
    """A certification worth taking next: what it is and which gaps it covers."""

    skill_id: str
    name: str
    code: str | None = None
    issuer: str | None = None
    level: str | None = None
    prep_weeks: float | None = None
    covers: tuple[str, ...] = ()  # names of the gaps it covers
    reason: str


class RoadmapPath(_Model):
    """The certifications of one issuer in the order people take them (held ones left out)."""

    issuer: str
    steps: tuple[RoadmapCertification, ...]
    prep_weeks: float | None = None  # the steps' preparation added up, when all are known


class RoadmapProof(_Model):
    """A skill the target asks for that the resume already shows, and where."""

    skill_id: str
    name: str
    credit: float
    evidence: str


class Roadmap(_Model):
    """What to learn next against a role or several postings, in phases, with certifications."""

    resume_source: str
    target: str  # the role's name, or "N postings"
    role: str | None = None  # the role id, for a role target
    postings: tuple[str, ...] = ()  # the postings' sources, for a postings target
    summary: str
    phases: tuple[RoadmapPhase, ...]
    certifications: tuple[RoadmapCertification, ...] = ()  # greedy picks, best first
    paths: tuple[RoadmapPath, ...] = ()  # one per issuer
    proven: tuple[RoadmapProof, ...] = ()
    held: tuple[CertificationNote, ...] = ()  # certifications on the resume, with notes
    taxonomy_version: str
    atsmatch_version: str
