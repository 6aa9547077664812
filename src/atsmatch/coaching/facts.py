"""What coaching reads from a resume alone, worked out once per resume.

A job seeker's resume is matched against many postings: its length, its bullets per role, the
skills each role shows, its words, how often it names each skill and how it writes each one are
the same against every posting, so `ResumeAnalysis.facts` keeps them for `coach`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from atsmatch._hitrows import HitRow, hit_rows
from atsmatch.coaching.evidence import block_words, untitled_mentions, written_forms
from atsmatch.coaching.experience import RoleSkills, role_skills
from atsmatch.coaching.writing import role_bullets, word_count
from atsmatch.models import BulletFeedback, Resume, RoleBullets, SkillHit, WordCount

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = ["ResumeFacts"]


@dataclass(frozen=True, slots=True)
class ResumeFacts:
    """The posting-independent parts of a resume's coaching."""

    length: WordCount
    roles: tuple[RoleBullets, ...]
    role_skills: RoleSkills  # `experience.role_skills`
    words: tuple[tuple[str, ...], ...]  # `evidence.block_words`, for verbatim copying
    mentions: Mapping[str, int]  # `evidence.untitled_mentions`, for stuffing
    written: Mapping[str, tuple[str, ...]]  # `evidence.written_forms`, for acronym forms
    rows: Sequence[HitRow]  # `analysis.hit_rows` of the hits, for the steps that walk them

    @classmethod
    def of(
        cls,
        resume: Resume,
        hits: Sequence[SkillHit],
        taxonomy: Taxonomy,
        bullets: Sequence[BulletFeedback],
        rows: Sequence[HitRow] | None = None,
        *,
        texts: Sequence[str] | None = None,
    ) -> ResumeFacts:
        """The facts of `resume`, its `hits` and its bullets' feedback (`rows` is
        `hit_rows(hits)` and `texts` each block's text when the caller kept them)."""
        if rows is None:
            rows = hit_rows(hits)
        return cls(
            length=word_count(resume),
            roles=role_bullets(resume, bullets),
            role_skills=role_skills(resume, hits, taxonomy, rows=rows),
            words=block_words(resume.blocks, texts=texts),
            mentions=untitled_mentions(hits, resume, rows=rows, texts=texts),
            written=written_forms(hits, rows=rows),
            rows=rows,
        )
