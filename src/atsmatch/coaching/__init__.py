"""Resume-level coaching: bullet statistics, ranked fixes, evidence, stuffing, experience length.

Everything here is grounded in text already on the page: a claim in the skills list with no
bullet behind it, a keyword repeated far more often than the posting uses it, sentences copied
from the posting, an acronym the posting spells differently (`evidence`), and months of dated
experience per skill against the posting's "N+ years of X" (`experience`); `writing` sums up the
bullets and the length, and `fixes` ranks what to change first. Durations depend on the date, so
`today` is an argument and is recorded in the result: the same input and date give the same
bytes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from atsmatch.coaching.evidence import (
    VERBATIM_WORDS,
    JobGrams,
    acronym_advice,
    evidence_gaps,
    stuffing_warnings,
    verbatim_overlaps,
    written_forms,
)
from atsmatch.coaching.experience import (
    experience_checks,
    measure_experience,
    months_between,
    skill_experience,
)
from atsmatch.coaching.facts import ResumeFacts
from atsmatch.coaching.fixes import ranked_fixes
from atsmatch.coaching.writing import (
    QUANTIFIED_TARGET,
    WORDS_PER_PAGE,
    verb_counts,
    word_count,
)
from atsmatch.models import (
    BulletFeedback,
    Coaching,
    JobPosting,
    KeywordResult,
    MissingKeyword,
    Resume,
    SkillHit,
)
from atsmatch.star import analyze_bullets

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "QUANTIFIED_TARGET",
    "VERBATIM_WORDS",
    "WORDS_PER_PAGE",
    "JobGrams",
    "ResumeFacts",
    "acronym_advice",
    "coach",
    "evidence_gaps",
    "experience_checks",
    "months_between",
    "skill_experience",
    "stuffing_warnings",
    "verbatim_overlaps",
    "word_count",
    "written_forms",
]


def coach(
    resume: Resume,
    job: JobPosting,
    resume_hits: Sequence[SkillHit],
    job_hits: Sequence[SkillHit],
    keywords: Sequence[KeywordResult],
    missing: Sequence[MissingKeyword],
    taxonomy: Taxonomy,
    *,
    today: date,
    bullets: Sequence[BulletFeedback] | None = None,
    job_grams: JobGrams | None = None,
    job_forms: Mapping[str, tuple[str, ...]] | None = None,
    facts: ResumeFacts | None = None,
    keyword_fields: Sequence[dict[str, Any]] | None = None,
) -> Coaching:
    """Every coaching check for one resume against one posting.

    `resume_hits` and `job_hits` are the extractor's hits over `resume.blocks` and `job.blocks`
    (computed once by the matcher); `keywords` and `missing` come from the scorer and
    `suggest.missing_keywords`. `bullets` (`star.analyze_bullets` of the resume), `job_grams`
    (`JobGrams.of(job.blocks)`), `job_forms` (`written_forms(job_hits)`) and `facts`
    (`ResumeFacts.of`) are computed here unless the caller kept them from an earlier match of
    the same resume or posting; `keyword_fields` is each keyword's `__dict__` when the caller
    read them.

    The result is made without validating it again (`_trusted`): its parts are our own models
    and values, of the fields' types.
    """
    if bullets is None:
        bullets = analyze_bullets(resume, resume_hits, taxonomy)
    if facts is None:
        facts = ResumeFacts.of(resume, resume_hits, taxonomy, bullets)
    quantified = sum(1 for b in bullets if b.results)
    counts = verb_counts(bullets)
    # Each keyword's fields read once, for every step (a model's attribute reads are slow).
    fields = [k.__dict__ for k in keywords] if keyword_fields is None else keyword_fields
    ids = [f["skill_id"] for f in fields]
    wanted = ids + [s for ask in job.years for s in ask.skill_ids]
    experience, checks = measure_experience(
        resume, job, resume_hits, taxonomy, today=today, skills=wanted, per_role=facts.role_skills
    )
    values = {
        "today": today.isoformat(),
        "bullets": tuple(bullets),
        "quantified": quantified,
        "quantified_share": round(quantified / len(bullets), 3) if bullets else 0.0,
        "quantified_target": QUANTIFIED_TARGET,
        "distinct_verbs": len(counts),
        "repeated_verbs": tuple(v for v, n in counts.items() if n >= 3),
        "roles": facts.roles,
        "length": facts.length,
        "fixes": (),
        "evidence_gaps": evidence_gaps(
            resume, resume_hits, keywords, taxonomy, rows=facts.rows, ids=ids
        ),
        "stuffing": stuffing_warnings(
            resume_hits, job_hits, keywords, resume=resume, resume_counts=facts.mentions, ids=ids
        ),
        "verbatim": verbatim_overlaps(
            resume.blocks, job.blocks, grams=job_grams, resume_words=facts.words
        ),
        "acronyms": acronym_advice(
            resume_hits,
            job_hits,
            keywords,
            taxonomy,
            job_written=job_forms,
            resume_written=facts.written,
            ids=ids,
        ),
        "skill_experience": experience,
        "experience": checks,
    }
    weights = {f["skill_id"]: f["weight"] for f in fields}
    values["fixes"] = ranked_fixes(values, missing, weights)  # before the one model is made
    return Coaching._trusted(**values)
