"""The public API: wires reading, structure, extraction, scoring and suggestions together.

`Matcher` holds the compiled state (taxonomy, spaCy matcher) so a backend builds it once and
shares it across requests and threads; the module-level functions use one default `Matcher`.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, TypeVar, Union

from atsmatch.limits import DEFAULT_LIMITS, Limits
from atsmatch.models import (
    Block,
    Document,
    Finding,
    JobPosting,
    Level,
    MatchReport,
    ParseReport,
    RankedResult,
    Resume,
    SkillHit,
    YearsAsk,
)

if TYPE_CHECKING:
    from atsmatch.analysis import JobAnalysis, ResumeAnalysis
    from atsmatch.extract import Extractor
    from atsmatch.taxonomy import Taxonomy

__all__ = ["Matcher", "check", "extract_skills", "match", "parse_job", "parse_resume"]

# A `str` is always text; a path must be a `Path` (or any os.PathLike); bytes are file content.
Source = str | bytes | os.PathLike[str] | Document
_Parsed = TypeVar("_Parsed", Resume, JobPosting)
_Analysis = Union["ResumeAnalysis", "JobAnalysis"]


class Matcher:
    """Compiled matching state for one taxonomy and one set of limits: build once, reuse.

    >>> matcher = Matcher()
    >>> report = matcher.match("Skills: Python, PyTorch", "Requirements: Python, Kubernetes")
    >>> report.score > 0
    True
    """

    def __init__(self, *, taxonomy: Taxonomy | None = None, limits: Limits | None = None) -> None:
        if taxonomy is None:
            from atsmatch.taxonomy import load_taxonomy

            taxonomy = load_taxonomy()
        self.taxonomy = taxonomy
        self.limits = limits or DEFAULT_LIMITS
        self._extractor: Extractor | None = None
        self._lock = threading.Lock()
        # Parsed documents with their skill hits, by content: a posting ranked against many
        # resumes (or one resume against many postings) is read and matched once.
        self._analyses: OrderedDict[tuple[str, bytes], _Analysis] = OrderedDict()
        self._roles: dict[str, JobPosting] = {}

    @property
    def extractor(self) -> Extractor:
        """The compiled extractor, built on first use (spaCy loads only then)."""
        if self._extractor is None:
            with self._lock:
                if self._extractor is None:
                    from atsmatch.extract import Extractor

                    self._extractor = Extractor(self.taxonomy)
        return self._extractor

    def read(self, source: Source, *, name: str | None = None) -> Document:
        """Read a document from text, bytes or a path, under this matcher's limits."""
        if isinstance(source, Document):
            return source
        from atsmatch.documents import read_document

        return read_document(source, limits=self.limits, name=name)

    def parse_resume(self, source: Source | Resume) -> Resume:
        """Sections, contact details, roles and bullets of a resume."""
        if isinstance(source, Resume):
            return source
        from atsmatch.structure import parse_resume

        return parse_resume(self.read(source), headings=self.taxonomy.resume_headings)

    def parse_job(self, source: Source | JobPosting) -> JobPosting:
        """Title, requirement blocks with their level, and "N+ years" asks of a job posting."""
        if isinstance(source, JobPosting):
            return source
        from atsmatch.structure import parse_job

        job = parse_job(self.read(source), headings=self.taxonomy.job_headings)
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

    def _resume_analysis(self, source: Source | Resume) -> ResumeAnalysis:
        """A resume parsed and extracted, reused for a document seen recently."""
        from atsmatch.analysis import ResumeAnalysis

        def analyze() -> ResumeAnalysis:
            return ResumeAnalysis(*self._with_hits(self.parse_resume(source)), self.taxonomy)

        found = self._cached("resume", source, analyze)
        assert isinstance(found, ResumeAnalysis)
        return found

    def _job_analysis(self, source: Source | JobPosting) -> JobAnalysis:
        """A posting parsed and extracted, reused for a document seen recently."""
        from atsmatch.analysis import JobAnalysis

        def analyze() -> JobAnalysis:
            return JobAnalysis(*self._with_hits(self.parse_job(source)), self.taxonomy)

        found = self._cached("job", source, analyze)
        assert isinstance(found, JobAnalysis)
        return found

    def _with_hits(self, parsed: _Parsed) -> tuple[_Parsed, list[SkillHit]]:
        return parsed, self.extractor.extract_blocks(parsed.blocks)

    def _cached(self, kind: str, source: object, analyze: Callable[[], _Analysis]) -> _Analysis:
        """The analysis of `source` from the cache, or made by `analyze` and kept.

        Text and bytes are keyed by a digest of their content, a parsed object by a digest of its
        JSON (a tenth of a millisecond; an equal copy, such as a posting sent to a worker process
        with every resume, finds the analysis too). A path is read again each time: the file
        may have changed.
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
                self._analyses.move_to_end(key)
                return cached
        result = analyze()
        with self._lock:
            self._analyses[key] = result
            while len(self._analyses) > _ANALYSIS_CACHE:
                self._analyses.popitem(last=False)
        return result

    def extract(self, source: Source | Resume | JobPosting) -> list[SkillHit]:
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
        resume: Source | Resume,
        job: Source | JobPosting | None = None,
        *,
        role: str | None = None,
        today: date | None = None,
    ) -> MatchReport:
        """Score a resume against a job posting (or a role profile) and explain the result.

        `today` ends the current role for experience durations (default: the real date); it is
        recorded in `report.coaching.today`, so a fixed date gives byte-identical reports.
        """
        from atsmatch import __version__
        from atsmatch.coaching import coach
        from atsmatch.score import SCORER, score_demand, verdict
        from atsmatch.suggest import MISSING_BELOW, missing_keywords

        if (job is None) == (role is None):
            raise TypeError("match() needs exactly one of a job posting or role=")
        mine = self._resume_analysis(resume)
        parsed_resume, resume_hits = mine.resume, mine.hits
        wanted = self._job_analysis(job if job is not None else self.role_posting(role or ""))
        posting, job_hits = wanted.posting, wanted.hits
        breakdown = score_demand(wanted.demand, mine.mentions, parsed_resume.blocks)
        missing = missing_keywords(
            breakdown.keywords, parsed_resume.blocks, resume_hits, self.taxonomy
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
        )
        findings = list(_fuzzy_findings(resume_hits, parsed_resume))
        parse_report = mine.report
        findings.extend(parse_report.findings)
        if not breakdown.keywords:
            findings.append(
                Finding(
                    id="job-no-keywords",
                    severity="warning",
                    message="no skill from the vocabulary was found in the job posting, so "
                    "there is nothing to score against",
                    fix="check that the posting is the right file, or add its terms with --vocab",
                )
            )
        return MatchReport(
            score=breakdown.score,
            verdict=verdict(breakdown.score) if breakdown.keywords else "no keywords to match",
            scorer=SCORER,
            subscores=breakdown.subscores,
            keywords=breakdown.keywords,
            matched=tuple(k.skill_id for k in breakdown.keywords if k.credit >= MISSING_BELOW),
            missing=missing,
            resume_skills=tuple(sorted({h.skill_id for h in resume_hits})),
            findings=tuple(findings),
            parseability=parse_report.parseability,
            resume_source=parsed_resume.document.source,
            job_source=posting.document.source,
            job_title=posting.title,
            taxonomy_version=self.taxonomy.version,
            atsmatch_version=__version__,
            coaching=coaching,
        )

    def rank(
        self,
        job: Source | JobPosting | None,
        resumes: Iterable[Source | Resume],
        *,
        role: str | None = None,
        names: Sequence[str] | None = None,
        today: date | None = None,
    ) -> list[RankedResult]:
        """Rank resumes against one posting (or `role=`) in this process, best first.

        The serial form of `atsmatch.rank`: the posting is parsed once, an unreadable resume
        becomes an entry with its error instead of stopping the batch.
        """
        from atsmatch.batch import rank_with

        return rank_with(self, job, resumes, role=role, names=names, today=today)

    def check(self, resume: Source | Resume) -> ParseReport:
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

    def role_posting(self, role_id: str) -> JobPosting:
        """A job posting made from a role profile: core skills required, nice-to-haves preferred.

        Made once per role and kept, so the analysis of it is reused across matches.
        """
        posting = self._roles.get(role_id)
        if posting is None:
            posting = self._roles[role_id] = self._role_posting(role_id)
        return posting

    def _role_posting(self, role_id: str) -> JobPosting:
        profile = self.taxonomy.roles.get(role_id)
        if profile is None:
            from atsmatch.errors import AtsmatchError

            known = ", ".join(sorted(self.taxonomy.roles))
            raise AtsmatchError(f"unknown role {role_id!r}; known roles: {known}")
        skills = self.taxonomy.skills
        blocks = [Block(text=profile.name, kind="line", section="title", line=0, level="title")]
        levels: tuple[tuple[Level, tuple[tuple[str, float], ...]], ...] = (
            ("required", profile.core),
            ("preferred", profile.nice),
        )
        for level, entries in levels:
            for skill_id, _weight in entries:
                blocks.append(
                    Block(
                        text=skills[skill_id].name,
                        kind="bullet",
                        section=level,
                        line=len(blocks),
                        level=level,
                    )
                )
        from atsmatch.analysis import ROLE_SOURCE

        document = Document(source=ROLE_SOURCE + profile.id, format="text")
        return JobPosting(document=document, title=profile.name, blocks=tuple(blocks))


def _fuzzy_findings(hits: Sequence[SkillHit], resume: Resume) -> list[Finding]:
    """Typo-tier finds in the resume: an ATS searching the exact term would miss them."""
    findings = []
    for hit in hits:
        if not hit.fuzzy:
            continue
        block = resume.blocks[hit.block]
        findings.append(
            Finding(
                id="misspelled-skill",
                severity="warning",
                message=f"{hit.text!r} reads as a misspelling of {hit.name}; an ATS searching "
                f"for {hit.name!r} would not find it",
                fix=f"write it as {hit.alias!r}",
                page=block.page,
                line=hit.line,
                text=block.text,
            )
        )
    return findings


_ANALYSIS_CACHE = 64  # documents kept per Matcher (a parsed resume is a few hundred KB at most)


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(data, digest_size=20).digest()


_default: Matcher | None = None
_default_lock = threading.Lock()


def _default_matcher() -> Matcher:
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Matcher()
    return _default


def _matcher(taxonomy: Taxonomy | None, limits: Limits | None) -> Matcher:
    if taxonomy is None and limits is None:
        return _default_matcher()
    if limits is not None and taxonomy is None:
        default = _default_matcher()
        matcher = Matcher(taxonomy=default.taxonomy, limits=limits)
        matcher._extractor = default.extractor  # same taxonomy: reuse the compiled matcher
        return matcher
    return Matcher(taxonomy=taxonomy, limits=limits)


def match(
    resume: Source | Resume,
    job: Source | JobPosting | None = None,
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
    return _matcher(taxonomy, limits).match(resume, job, role=role, today=today)


def parse_resume(source: Source, *, limits: Limits | None = None) -> Resume:
    """Read and structure a resume (sections, contact, roles, bullets)."""
    return _matcher(None, limits).parse_resume(source)


def parse_job(source: Source, *, limits: Limits | None = None) -> JobPosting:
    """Read and structure a job posting (title, requirement blocks, years asks)."""
    return _matcher(None, limits).parse_job(source)


def check(resume: Source | Resume, *, limits: Limits | None = None) -> ParseReport:
    """Parseability report of a resume: what an ATS would miss or misread, and a 0-100 subscore.

    >>> import atsmatch
    >>> report = atsmatch.check("Jane Roe\\njane@x.org\\nExperience\\nML Engineer  2020 – 2022")
    >>> [f.id for f in report.findings if f.severity == "warning"]
    []
    """
    return _matcher(None, limits).check(resume)


def extract_skills(
    source: Source | Resume | JobPosting, *, taxonomy: Taxonomy | None = None
) -> list[SkillHit]:
    """Every taxonomy skill found in a text, file, document, resume or job posting."""
    return _matcher(taxonomy, None).extract(source)
