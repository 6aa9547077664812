"""What one document brings to every match it takes part in, worked out once per document.

A posting ranked against a thousand resumes is parsed, extracted and weighed once; a resume
matched against many postings is parsed, extracted, coached bullet by bullet and checked once.
`Matcher` keeps these analyses by a digest of the content (of a parsed object's JSON). Each part
beyond the parse and the hits is computed on first use.

The parts depend on the document and the taxonomy only, never on the other side of a match,
so sharing them cannot change a report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from atsmatch.coaching import JobGrams
    from atsmatch.models import BulletFeedback, JobPosting, ParseReport, Resume, SkillHit
    from atsmatch.score import Demand, Mention
    from atsmatch.taxonomy import Taxonomy

__all__ = ["ROLE_SOURCE", "JobAnalysis", "ResumeAnalysis"]

ROLE_SOURCE = "role:"  # `Document.source` of a posting made from a role profile, before its id


class ResumeAnalysis:
    """A parsed resume, its skill hits, and what scoring, coaching and checks derive from them.

    The lazy parts are filled in without a lock: two threads may both compute one, with equal
    results, and the second assignment wins.
    """

    def __init__(self, resume: Resume, hits: list[SkillHit], taxonomy: Taxonomy) -> None:
        self.resume = resume
        self.hits = hits
        self.taxonomy = taxonomy
        self._mentions: dict[str, Mention] | None = None
        self._bullets: tuple[BulletFeedback, ...] | None = None
        self._report: ParseReport | None = None

    @property
    def mentions(self) -> dict[str, Mention]:
        """The best place the resume names each skill (`score.resume_mentions`)."""
        if self._mentions is None:
            from atsmatch.score import resume_mentions

            self._mentions = resume_mentions(self.hits)
        return self._mentions

    @property
    def bullets(self) -> tuple[BulletFeedback, ...]:
        """STAR feedback for every bullet (`star.analyze_bullets`)."""
        if self._bullets is None:
            from atsmatch.star import analyze_bullets

            self._bullets = analyze_bullets(self.resume, self.hits, self.taxonomy)
        return self._bullets

    @property
    def report(self) -> ParseReport:
        """What an ATS would miss or misread in the file (`checks.check_resume`)."""
        if self._report is None:
            from atsmatch.checks import check_resume

            self._report = check_resume(self.resume, aliases=self.taxonomy.alias_index)
        return self._report


class JobAnalysis:
    """A parsed posting, its skill hits, its weighed keywords and its n-gram index.

    A posting made from a role profile (`Matcher.role_posting`, source `ROLE_SOURCE` + id) is
    weighed with the profile's own skill weights.
    """

    def __init__(self, posting: JobPosting, hits: list[SkillHit], taxonomy: Taxonomy) -> None:
        self.posting = posting
        self.hits = hits
        self.taxonomy = taxonomy
        self._demand: tuple[Demand, ...] | None = None
        self._grams: JobGrams | None = None

    @property
    def demand(self) -> tuple[Demand, ...]:
        """Every keyword the posting asks for with its weight (`score.job_demand`)."""
        if self._demand is None:
            from atsmatch.score import job_demand

            levels = None
            source = self.posting.document.source
            profile = None
            if source.startswith(ROLE_SOURCE):
                profile = self.taxonomy.roles.get(source.removeprefix(ROLE_SOURCE))
            if profile is not None:
                levels = dict(profile.nice + profile.core)  # a skill in both weighs as core
            self._demand = job_demand(self.posting.blocks, self.hits, self.taxonomy, levels=levels)
        return self._demand

    @property
    def grams(self) -> JobGrams:
        """The posting's runs of words, to find sentences a resume copied (`coaching.JobGrams`)."""
        if self._grams is None:
            from atsmatch.coaching import JobGrams

            self._grams = JobGrams.of(self.posting.blocks)
        return self._grams
