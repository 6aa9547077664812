"""What one document brings to every match it takes part in, worked out once per document.

A posting ranked against a thousand resumes is parsed, extracted and weighed once; a resume
matched against many postings is parsed, extracted, coached bullet by bullet and checked once.
`Matcher` keeps these analyses by a digest of the content (of a parsed object's JSON). Each part
beyond the parse and the hits is computed on first use and kept (`_kept`: two threads may
both compute one, with equal results).

The parts depend on the document and the taxonomy only, never on the other side of a match,
so sharing them cannot change a report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

from atsmatch._hitrows import HitRow, hit_rows
from atsmatch.checks import check_resume
from atsmatch.language import detect_language
from atsmatch.score import (
    CreditTable,
    Demand,
    Mention,
    grouped_demand,
    job_demand,
    mentions_and_certified,
    with_successors,
)

if TYPE_CHECKING:
    from atsmatch.coaching import JobGrams, ResumeFacts
    from atsmatch.models import BulletFeedback, JobPosting, ParseReport, Resume, SkillHit
    from atsmatch.taxonomy import Taxonomy

__all__ = ["JobAnalysis", "ResumeAnalysis"]

_T = TypeVar("_T")


class _kept(Generic[_T]):  # lower case: a decorator, as `cached_property` is
    """`functools.cached_property` without its lock (Python 3.11 takes one, shared by every
    instance, on each first read: about a microsecond, and a match reads a dozen parts of a new
    resume first): the value is computed on the first read and kept in the instance's
    `__dict__`, where every later read finds it without calling this descriptor."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...

    def __get__(self, instance: object, owner: type | None = None) -> _T | Self:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value


class ResumeAnalysis:
    """A parsed resume, its skill hits, and what scoring, coaching and checks derive from them."""

    def __init__(self, resume: Resume, hits: list[SkillHit], taxonomy: Taxonomy) -> None:
        self.resume = resume
        self.hits = hits
        self.taxonomy = taxonomy

    @_kept
    def language(self) -> str | None:
        """The resume's language when it is not English (`language.detect_language`)."""
        return detect_language("\n".join(self.texts))

    @_kept
    def texts(self) -> list[str]:
        """Each block's text, read once (a model's attribute reads are slow) for the steps that
        read them all: the language, the scorer's evidence, the coaching facts, suggestions."""
        return self._block_fields[0]

    @_kept
    def sections(self) -> list[str]:
        """Each block's section, for the suggestions' placement hints."""
        return self._block_fields[1]

    @_kept
    def kinds(self) -> list[str]:
        """Each block's kind, for the suggestions' placement hints."""
        return self._block_fields[2]

    @_kept
    def _block_fields(self) -> tuple[list[str], list[str], list[str]]:
        """`texts`, `sections` and `kinds` from one slow read per block (its `__dict__`)."""
        fields = [b.__dict__ for b in self.resume.blocks]
        return (
            [f["text"] for f in fields],
            [f["section"] for f in fields],
            [f["kind"] for f in fields],
        )

    @_kept
    def rows(self) -> list[HitRow]:
        """The hits' fields as plain tuples (`hit_rows`), shared by every step that walks them."""
        return hit_rows(self.hits)

    @_kept
    def mentions(self) -> dict[str, Mention]:
        """The best place the resume names each skill (`score.resume_mentions`)."""
        return self._mentions[0]

    @_kept
    def certified_mentions(self) -> dict[str, Mention]:
        """`mentions` with held certifications as evidence of themselves
        (`score.certified_mentions`): weighted.v3's resume side."""
        return self._mentions[1]

    @_kept
    def _mentions(self) -> tuple[dict[str, Mention], dict[str, Mention]]:
        """`mentions` and `certified_mentions` from one walk over the hits."""
        return mentions_and_certified(self.hits, self.rows)

    @_kept
    def bullets(self) -> tuple[BulletFeedback, ...]:
        """STAR feedback for every bullet (`star.analyze_bullets`)."""
        from atsmatch.star import analyze_bullets

        return analyze_bullets(self.resume, self.hits, self.taxonomy)

    @_kept
    def facts(self) -> ResumeFacts:
        """What coaching reads from the resume alone (`coaching.ResumeFacts`)."""
        from atsmatch.coaching import ResumeFacts

        return ResumeFacts.of(
            self.resume, self.hits, self.taxonomy, self.bullets, self.rows, texts=self.texts
        )

    @_kept
    def report(self) -> ParseReport:
        """What an ATS would miss or misread in the file (`checks.check_resume`)."""
        return check_resume(self.resume, aliases=self.taxonomy.alias_index)


class JobAnalysis:
    """A parsed posting, its skill hits, its weighed keywords and its n-gram index.

    A posting made from a role profile (`JobPosting.role` set) is weighed with the profile's own
    skill weights; any other posting by where and how it names each skill.
    """

    def __init__(self, posting: JobPosting, hits: list[SkillHit], taxonomy: Taxonomy) -> None:
        self.posting = posting
        self.hits = hits
        self.taxonomy = taxonomy

    @_kept
    def demand(self) -> tuple[Demand, ...]:
        """Every keyword the posting asks for with its weight (`score.job_demand`)."""
        return job_demand(
            self.posting.blocks, self.hits, self.taxonomy, levels=self._profile_levels()
        )

    @_kept
    def grouped_demand(self) -> tuple[Demand, ...]:
        """The keywords with any-of groups and section weights (`score.grouped_demand`)."""
        return grouped_demand(
            self.posting.blocks, self.hits, self.taxonomy, levels=self._profile_levels()
        )

    @_kept
    def successor_demand(self) -> tuple[Demand, ...]:
        """`grouped_demand` with retired certifications earned by successors
        (`score.with_successors`): weighted.v3's posting side."""
        return with_successors(self.grouped_demand, self.taxonomy)

    @_kept
    def credit_table(self) -> CreditTable:
        """What crediting `successor_demand` needs from the posting alone (`score.CreditTable`):
        the keywords no resume skill can credit are made once, not per match."""
        return CreditTable.of(self.successor_demand)

    def _profile_levels(self) -> dict[str, float] | None:
        """A role profile's own weight per skill (a skill in both lists weighs as core)."""
        profile = self.taxonomy.roles.get(self.posting.role) if self.posting.role else None
        return None if profile is None else dict(profile.nice + profile.core)

    @_kept
    def language(self) -> str | None:
        """The posting's language when it is not English (`language.detect_language`)."""
        return detect_language("\n".join([b.text for b in self.posting.blocks]))

    @_kept
    def written_forms(self) -> dict[str, tuple[str, ...]]:
        """How the posting writes each skill (`coaching.written_forms`), for acronym advice."""
        from atsmatch.coaching import written_forms

        return written_forms(self.hits)

    @_kept
    def grams(self) -> JobGrams:
        """The posting's runs of words, to find sentences a resume copied (`coaching.JobGrams`)."""
        from atsmatch.coaching import JobGrams

        return JobGrams.of(self.posting.blocks)
