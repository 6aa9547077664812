"""The public API: wires reading, structure, extraction, scoring and suggestions together.

`Matcher` holds what is reused across calls: the taxonomy (whose compiled state, such as the
spaCy matcher, is built once per taxonomy by `Taxonomy.derived`), the limits, and the analyses
of recently seen documents. The module-level functions make a `Matcher` per call; keep one
yourself to reuse analyses (a posting ranked against many resumes is analysed once).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from atsmatch import __version__
from atsmatch._hitrows import HitRow
from atsmatch._types import DocumentInput, JobInput, ResumeInput
from atsmatch.analysis import JobAnalysis, ResumeAnalysis
from atsmatch.checks._finding import finding
from atsmatch.language import language_name
from atsmatch.limits import DEFAULT_LIMITS, Limits
from atsmatch.models import (
    Block,
    Document,
    Finding,
    JobPosting,
    MatchReport,
    ParseReport,
    RankedResult,
    Resume,
    Roadmap,
    SkillHit,
    YearsAsk,
)
from atsmatch.qualify import match_education, match_title
from atsmatch.score import SCORER, verdict
from atsmatch.structure.employer import drop_names
from atsmatch.suggest import MISSING_BELOW, certification_notes, missing_keywords

if TYPE_CHECKING:
    from atsmatch.extract import Extractor
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "ANALYSIS_CACHE",
    "SEEN_ONCE",
    "CacheInfo",
    "Matcher",
    "check",
    "extract_skills",
    "match",
    "parse_job",
    "parse_resume",
    "roadmap",
]

_Parsed = TypeVar("_Parsed", Resume, JobPosting)
_Analysis = TypeVar("_Analysis", "ResumeAnalysis", "JobAnalysis")


class Matcher:
    """Matching state for one taxonomy and one set of limits: build once, reuse.

    >>> matcher = Matcher()
    >>> report = matcher.match("Skills: Python, PyTorch", "Requirements: Python, Kubernetes")
    >>> report.score > 0
    True
    """

    def __init__(
        self,
        *,
        taxonomy: Taxonomy | None = None,
        limits: Limits | None = None,
        scorer: str = SCORER,
    ) -> None:
        from atsmatch.score import get_scorer

        # Looked up now, so a misspelt name fails here rather than at the first match.
        self._score = get_scorer(scorer)
        self.scorer = scorer
        if taxonomy is None:
            from atsmatch.taxonomy import load_taxonomy

            taxonomy = load_taxonomy()
        self.taxonomy = taxonomy
        self.limits = limits or DEFAULT_LIMITS
        if self.limits.pdf_reader == "pdfium":  # a missing extra fails here, not per file
            from atsmatch.documents.pdfium import require_pdfium

            require_pdfium()
        self._lock = threading.Lock()
        # Parsed documents with their skill hits, by content: a posting ranked against many
        # resumes (or one resume against many postings) is read and matched about once.
        self._analyses: OrderedDict[tuple[str, bytes], object] = OrderedDict()
        # The keys of documents analysed once and not kept (see `_cached`).
        self._seen_once: OrderedDict[tuple[str, bytes], None] = OrderedDict()
        self._hits = self._misses = 0

    def cache_info(self) -> CacheInfo:
        """How the analysis cache has served (as `functools.lru_cache`'s `cache_info()`).

        A hit is a document (text, bytes or a parsed object) analysed before and reused; paths
        are read again each time and count as neither.
        """
        with self._lock:
            return CacheInfo(self._hits, self._misses, ANALYSIS_CACHE, len(self._analyses))

    @property
    def extractor(self) -> Extractor:
        """The taxonomy's compiled extractor, built on first use (spaCy loads only then)."""
        from atsmatch.extract import Extractor

        return self.taxonomy.derived(Extractor)

    def read(self, source: DocumentInput, *, name: str | None = None) -> Document:
        """Read a document from text, bytes or a path, under this matcher's limits."""
        if isinstance(source, Document):
            return source
        from atsmatch.documents import read_document

        return read_document(source, limits=self.limits, name=name)

    def parse_resume(self, source: ResumeInput) -> Resume:
        """Sections, contact details, roles and bullets of a resume."""
        if isinstance(source, Resume):
            return source
        from atsmatch.structure import Headings, parse_resume

        return parse_resume(self.read(source), headings=Headings.of(self.taxonomy))

    def parse_job(self, source: JobInput) -> JobPosting:
        """Title, requirement blocks with their level, and "N+ years" asks of a job posting."""
        if isinstance(source, JobPosting):
            return source
        from atsmatch.structure import Headings, parse_job

        job = parse_job(self.read(source), headings=Headings.of(self.taxonomy))
        return job.model_copy(update={"years": tuple(self._link_years(job.years))})

    def _link_years(self, asks: Sequence[YearsAsk]) -> list[YearsAsk]:
        """Name the skills each "N+ years of X" ask is about."""
        blocks = [Block(text=a.subject, kind="line", section="years", line=0) for a in asks]
        ids: list[list[str]] = [[] for _ in asks]
        for hit in self.extractor.extract_blocks(blocks):
            if hit.skill_id not in ids[hit.block]:
                ids[hit.block].append(hit.skill_id)
        return [
            a.model_copy(update={"skill_ids": tuple(i)}) for a, i in zip(asks, ids, strict=True)
        ]

    def _resume_analysis(self, source: ResumeInput) -> ResumeAnalysis:
        """A resume parsed and extracted, reused for a document seen recently."""

        def analyze() -> ResumeAnalysis:
            return ResumeAnalysis(*self._with_hits(self.parse_resume(source)), self.taxonomy)

        return self._cached("resume", source, analyze)

    def _job_analysis(self, source: JobInput) -> JobAnalysis:
        """A posting parsed and extracted, reused for a document seen recently."""

        def analyze() -> JobAnalysis:
            return JobAnalysis(*self._with_hits(self.parse_job(source)), self.taxonomy)

        return self._cached("job", source, analyze)

    def _with_hits(self, parsed: _Parsed) -> tuple[_Parsed, list[SkillHit]]:
        if isinstance(parsed, Resume):
            names = [r.organization for r in parsed.roles if r.organization]
        else:
            names = [parsed.employer] if parsed.employer else []
        return parsed, drop_names(
            parsed.blocks, self.extractor.extract_blocks(parsed.blocks), names
        )

    def _cached(self, kind: str, source: object, analyze: Callable[[], _Analysis]) -> _Analysis:
        """The analysis of `source` from the cache, or made by `analyze` (and kept, the second
        time its document is seen).

        Text and bytes are keyed by a digest of their content, a parsed object by a digest of its
        JSON (a tenth of a millisecond; an equal copy, such as a posting sent to a worker process
        with every resume, finds the analysis too). A path is read again each time: the file
        may have changed.

        A document is kept from its second analysis on: most resumes a service matches come
        once, and keeping each of them cost every match about a tenth of its time (hundreds of
        objects the garbage collector walks until they fall out) and pushed the posting that
        does come back out of the cache. Only their digests are remembered, `SEEN_ONCE` at most.
        """
        if isinstance(source, str | bytes):
            data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
        elif isinstance(source, Resume | JobPosting):
            data = source.model_dump_json().encode()
        else:
            return analyze()
        key = (f"{kind}/{type(source).__name__}", _digest(data))
        with self._lock:
            cached = self._analyses.get(key)
            if cached is not None:
                self._hits += 1
                self._analyses.move_to_end(key)
                return cast("_Analysis", cached)  # the key names the kind of analysis
            self._misses += 1
            keep = key in self._seen_once
            if keep:
                del self._seen_once[key]
            else:
                self._seen_once[key] = None
                if len(self._seen_once) > SEEN_ONCE:
                    self._seen_once.popitem(last=False)
        result = analyze()
        if keep:
            with self._lock:
                self._analyses[key] = result
                while len(self._analyses) > ANALYSIS_CACHE:
                    self._analyses.popitem(last=False)
        return result

    def extract(self, source: ResumeInput | JobInput) -> list[SkillHit]:
        """Skills found in a document; block indices refer to its parsed blocks."""
        if isinstance(source, Resume | JobPosting):
            return self.extractor.extract_blocks(source.blocks)
        document = self.read(source)
        blocks = [
            Block(text=line.text, kind="line", section="other", line=i, page=line.page)
            for i, line in enumerate(document.lines)
        ]
        return self.extractor.extract_blocks(blocks)

    def match(
        self,
        resume: ResumeInput,
        job: JobInput | None = None,
        *,
        role: str | None = None,
        today: date | None = None,
    ) -> MatchReport:
        """Score a resume against a job posting (or a role profile) and explain the result.

        `today` ends the current role for experience durations (default: the real date); it is
        recorded in `report.coaching.today`, so a fixed date gives byte-identical reports.
        """
        from atsmatch.coaching import coach

        mine = self._resume_analysis(resume)
        parsed_resume, resume_hits = mine.resume, mine.hits
        wanted = self._job_analysis(self.job_side(job, role, caller="match"))
        posting, job_hits = wanted.posting, wanted.hits
        breakdown = self._score(wanted, mine)
        # Each keyword's fields read once, for every step (a model's attribute reads are slow).
        fields = [k.__dict__ for k in breakdown.keywords]
        missing = missing_keywords(
            breakdown.keywords,
            parsed_resume.blocks,
            resume_hits,
            self.taxonomy,
            rows=mine.rows,
            layout=(mine.texts, mine.sections, mine.kinds),
            keyword_fields=fields,
        )
        coaching = coach(
            parsed_resume,
            posting,
            resume_hits,
            job_hits,
            breakdown.keywords,
            missing,
            self.taxonomy,
            today=today or date.today(),
            bullets=mine.bullets,
            job_grams=wanted.grams,
            job_forms=wanted.written_forms,
            facts=mine.facts,
            keyword_fields=fields,
        )
        findings = _fuzzy_findings(resume_hits, parsed_resume, mine.rows, mine.texts)
        parse_report = mine.report
        findings.extend(parse_report.findings)
        if not breakdown.keywords:
            findings.append(finding("job-no-keywords"))
        label = verdict(breakdown.score) if breakdown.keywords else "no keywords to match"
        for side, other, code in (
            ("posting", "resume", wanted.language),
            ("resume", "posting", mine.language),
        ):
            if code is not None:
                name = language_name(code)
                findings.append(finding("non-english", side=side, other=other, language=name))
                label = f"not comparable: the {side} is in {name}"
        return MatchReport._trusted(
            score=breakdown.score,
            verdict=label,
            scorer=self.scorer,
            subscores=breakdown.subscores,
            keywords=breakdown.keywords,
            matched=tuple([f["skill_id"] for f in fields if f["credit"] >= MISSING_BELOW]),
            missing=missing,
            # Every skill the hits name, once: the keys of the resume's mentions (no walk of
            # the hits again; a model's attribute reads are slow).
            resume_skills=tuple(sorted(mine.mentions)),
            findings=tuple(findings),
            parseability=parse_report.parseability,
            resume_source=parsed_resume.document.source,
            job_source=posting.document.source,
            job_title=posting.title,
            taxonomy_version=self.taxonomy.version,
            atsmatch_version=__version__,
            coaching=coaching,
            certifications=certification_notes(
                breakdown.keywords,
                parsed_resume.blocks,
                resume_hits,
                self.taxonomy,
                rows=mine.rows,
                texts=mine.texts,
                keyword_fields=fields,
            ),
            # A scorer before weighted.v4 does not weigh them: shown with no share of the score.
            title_match=breakdown.title or match_title(posting, parsed_resume, self.taxonomy),
            education_match=breakdown.education or match_education(posting, parsed_resume),
        )

    def rank(
        self,
        job: JobInput | None,
        resumes: Iterable[ResumeInput],
        *,
        role: str | None = None,
        names: Sequence[str] | None = None,
        today: date | None = None,
    ) -> list[RankedResult]:
        """Rank resumes against one posting (or `role=`) in this process, best first.

        The serial form of `atsmatch.rank`: the posting is parsed once, an unreadable resume
        becomes an entry with its error instead of stopping the batch.
        """
        from atsmatch.ranking import rank_serial

        posting = self.parse_job(self.job_side(job, role, caller="rank"))
        return rank_serial(self, posting, list(resumes), names, today or date.today())

    def check(self, resume: ResumeInput) -> ParseReport:
        """What an ATS would miss or misread in a resume file: findings, subscore, summary.

        A file with no text layer (a scan) or a password becomes a report with one error
        finding and parseability 0 instead of an exception; other unreadable input still raises.
        """
        from atsmatch.checks import check_resume, unreadable_report
        from atsmatch.errors import EncryptedDocumentError, NoTextLayerError

        try:
            parsed = self.parse_resume(resume)
        except (NoTextLayerError, EncryptedDocumentError) as exc:
            return unreadable_report(exc)
        return check_resume(parsed, aliases=self.taxonomy.alias_index)

    def job_side(self, job: JobInput | None, role: str | None, *, caller: str) -> JobInput:
        """The job side of a match or ranking: the posting given, or the role's posting."""
        if role is None and job is not None:
            return job
        if job is None and role is not None:
            return self.role_posting(role)
        raise TypeError(f"{caller}() needs exactly one of a job posting or role=")

    def role_posting(self, role: str) -> JobPosting:
        """The posting a role profile stands for (core skills required, nice-to-haves preferred).

        `role` is the profile's id, name or an alias, in any case; an unknown one raises
        `UnknownRoleError` naming the closest roles. Made once per taxonomy, so the analysis of
        it is reused across matches.
        """
        from atsmatch.roles import find_role, role_postings

        return self.taxonomy.derived(role_postings)[find_role(self.taxonomy, role).id]


def _fuzzy_findings(
    hits: Sequence[SkillHit], resume: Resume, rows: Sequence[HitRow], texts: Sequence[str]
) -> list[Finding]:
    """Typo-tier finds in the resume: an ATS searching the exact term would miss them (`rows`
    are the hits' `hit_rows`, `texts` each block's text: only a typo's hit is read again)."""
    findings = []
    for hit, (_, _, _, index, _, _, written, fuzzy) in zip(hits, rows, strict=True):
        if not fuzzy:
            continue
        findings.append(
            finding(
                "misspelled-skill",
                page=resume.blocks[index].page,
                index=hit.line,
                text=texts[index],
                written=written,
                name=hit.name,
                alias=hit.alias,
            )
        )
    return findings


ANALYSIS_CACHE = 64
"""Documents whose analyses a `Matcher` keeps (a parsed resume is a few hundred KB at most)."""
SEEN_ONCE = 1024
"""Documents a `Matcher` remembers it analysed once, by a digest (about 250 KB in all): one seen
again while remembered has its analysis kept."""


class CacheInfo(NamedTuple):
    """`Matcher.cache_info()`: reused and new analyses, the bound, and how many are kept."""

    hits: int
    misses: int
    maxsize: int
    currsize: int


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(data, digest_size=20).digest()


def match(
    resume: ResumeInput,
    job: JobInput | None = None,
    *,
    role: str | None = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> MatchReport:
    """Match a resume against a job posting or a role profile.

    `str` arguments are text, `Path` arguments are files, `bytes` are file content. `today`
    fixes the date that ends a current role (experience durations); default: the real date.

    >>> import atsmatch
    >>> atsmatch.match("Skills: Python, SQL", "Requirements: Python and SQL").score
    85.0
    """
    return Matcher(taxonomy=taxonomy, limits=limits).match(resume, job, role=role, today=today)


def roadmap(
    resume: ResumeInput,
    *,
    role: str | None = None,
    jobs: Sequence[JobInput] = (),
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> Roadmap:
    """What to learn next against a role profile or several postings: gaps in phases,
    certifications that cover most of them, one path per issuer, what the resume proves.

    Give `role=` or `jobs=`, not both; `RoadmapInputError` otherwise, or when a document names
    no skill.

    >>> import atsmatch
    >>> plan = atsmatch.roadmap("Skills: Python, Docker", role="mlops-engineer")
    >>> plan.phases[0].name, plan.target
    ('foundation', 'MLOps Engineer')
    """
    from atsmatch.roadmaps import build_roadmap

    matcher = Matcher(taxonomy=taxonomy, limits=limits)
    return build_roadmap(matcher, resume, role=role, jobs=jobs, today=today)


def parse_resume(source: DocumentInput, *, limits: Limits | None = None) -> Resume:
    """Read and structure a resume (sections, contact, roles, bullets)."""
    return Matcher(limits=limits).parse_resume(source)


def parse_job(source: DocumentInput, *, limits: Limits | None = None) -> JobPosting:
    """Read and structure a job posting (title, requirement blocks, years asks)."""
    return Matcher(limits=limits).parse_job(source)


def check(resume: ResumeInput, *, limits: Limits | None = None) -> ParseReport:
    """Parseability report of a resume: what an ATS would miss or misread, and a 0-100 subscore.

    >>> import atsmatch
    >>> report = atsmatch.check("Jane Roe\\njane@x.org\\nExperience\\nML Engineer  2020 – 2022")
    >>> [f.id for f in report.findings if f.severity == "warning"]
    []
    """
    return Matcher(limits=limits).check(resume)


def extract_skills(
    source: ResumeInput | JobInput, *, taxonomy: Taxonomy | None = None
) -> list[SkillHit]:
    """Every taxonomy skill found in a text, file, document, resume or job posting."""
    return Matcher(taxonomy=taxonomy).extract(source)
