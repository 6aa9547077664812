"""Resume-level coaching: bullet statistics, ranked fixes, evidence, stuffing, experience length.

Everything here is grounded in text already on the page: a claim in the skills list with no
bullet behind it, a keyword repeated far more often than the posting uses it, sentences copied
from the posting, an acronym the posting spells differently, and months of dated experience per
skill against the posting's "N+ years of X". Durations depend on the date, so `today` is an
argument and is recorded in the result: the same input and date give the same bytes.

>>> from datetime import date
>>> months_between("2021-03", None, current=True, today=date(2024, 2, 10))
36
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Literal

from atsmatch.models import (
    AcronymAdvice,
    Block,
    BulletFeedback,
    Coaching,
    CoachingFix,
    EvidenceGap,
    ExperienceCheck,
    JobPosting,
    KeywordResult,
    Level,
    MissingKeyword,
    Resume,
    Role,
    RoleBullets,
    SkillExperience,
    SkillHit,
    StuffingWarning,
    VerbatimOverlap,
    WordCount,
)
from atsmatch.score import group_of
from atsmatch.star import COACHED_SECTIONS, analyze_bullets

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "QUANTIFIED_TARGET",
    "VERBATIM_WORDS",
    "WORDS_PER_PAGE",
    "acronym_advice",
    "coach",
    "evidence_gaps",
    "experience_checks",
    "months_between",
    "skill_experience",
    "stuffing_warnings",
    "verbatim_overlaps",
    "word_count",
]

QUANTIFIED_TARGET = 0.6  # career guides aim for a figure in about 60% of bullets
WORDS_PER_PAGE = (475, 600)  # the commonly cited sweet spot
VERBATIM_WORDS = 8  # a run of this many words shared with the posting reads as copied
MAX_FIXES = 8
_PER_KIND = 3
_EXPERIENCE_SECTIONS = frozenset({"experience", "volunteer"})
_NOT_CLAIMS = frozenset({"certification", "soft_skill"})  # shown by a certificate or by how
# you write, not by naming them in a bullet


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
) -> Coaching:
    """Every coaching check for one resume against one posting.

    `resume_hits` and `job_hits` are the extractor's hits over `resume.blocks` and `job.blocks`
    (computed once by the matcher); `keywords` and `missing` come from the scorer and
    `suggest.missing_keywords`; `bullets`, when given, are `star.analyze_bullets` of the resume.
    """
    if bullets is None:
        bullets = analyze_bullets(resume, resume_hits, taxonomy)
    quantified = sum(1 for b in bullets if b.results)
    verbs = [b.verb_base or b.verb.lower() for b in bullets if b.verb]
    counts = {v: verbs.count(v) for v in dict.fromkeys(verbs)}
    gaps = evidence_gaps(resume, resume_hits, keywords, taxonomy)
    stuffing = stuffing_warnings(resume_hits, job_hits, keywords, resume=resume)
    verbatim = verbatim_overlaps(resume.blocks, job.blocks)
    acronyms = acronym_advice(resume_hits, job_hits, keywords, taxonomy)
    wanted = [k.skill_id for k in keywords]
    wanted += [s for ask in job.years for s in ask.skill_ids]
    per_role = _role_skills(resume, resume_hits, taxonomy)
    experience = _skill_experience(resume, per_role, taxonomy, today=today, skills=wanted)
    checks = _experience_checks(resume, job, per_role, taxonomy, today=today)
    length = word_count(resume)
    share = round(quantified / len(bullets), 3) if bullets else 0.0
    partial = Coaching(
        today=today.isoformat(),
        bullets=bullets,
        quantified=quantified,
        quantified_share=share,
        quantified_target=QUANTIFIED_TARGET,
        distinct_verbs=len(counts),
        repeated_verbs=tuple(v for v, n in counts.items() if n >= 3),
        roles=_role_bullets(resume, bullets),
        length=length,
        evidence_gaps=gaps,
        stuffing=stuffing,
        verbatim=verbatim,
        acronyms=acronyms,
        skill_experience=experience,
        experience=checks,
    )
    return partial.model_copy(update={"fixes": _rank_fixes(partial, missing, keywords)})


# ---- bullets and length --------------------------------------------------------------------


def _role_bullets(resume: Resume, bullets: Sequence[BulletFeedback]) -> tuple[RoleBullets, ...]:
    """Bullets per role: two to six reads as substantial without burying the best ones."""
    out = []
    for index, role in enumerate(resume.roles):
        mine = [b for b in bullets if b.role == index]
        advice = None
        if len(mine) < 2:
            advice = "add two or three bullets with what you did and what changed"
        elif len(mine) > 6:
            advice = "keep the four to six strongest bullets; recruiters skim past the rest"
        elif mine and not any(b.results for b in mine):
            advice = "no bullet in this role has a figure: add one to the strongest bullet"
        out.append(
            RoleBullets(
                role=index,
                title=role.title,
                organization=role.organization,
                bullets=len(mine),
                quantified=sum(1 for b in mine if b.results),
                advice=advice,
            )
        )
    return tuple(out)


_WORDS = re.compile(r"[A-Za-z0-9][\w'+#./-]*")


def word_count(resume: Resume) -> WordCount:
    """Words in the whole resume against 475-600 words per page."""
    words = len(_WORDS.findall(resume.document.text))
    pages = max(1, resume.document.pages)
    per_page = round(words / pages, 1)
    low, high = WORDS_PER_PAGE
    advice = None
    if per_page < low:
        advice = (
            f"{per_page:.0f} words per page is below the {low}-{high} most resumes aim for: "
            "give your strongest bullets their context and results"
        )
    elif per_page > high:
        advice = (
            f"{per_page:.0f} words per page is above the {low}-{high} most resumes aim for: "
            "cut older or weaker bullets"
        )
    return WordCount(words=words, pages=pages, per_page=per_page, advice=advice)


# ---- evidence ------------------------------------------------------------------------------


def evidence_gaps(
    resume: Resume,
    resume_hits: Sequence[SkillHit],
    keywords: Sequence[KeywordResult],
    taxonomy: Taxonomy,
) -> tuple[EvidenceGap, ...]:
    """Job keywords the resume claims (skills list, summary) that no role or project shows.

    A bullet showing a more specific skill counts as support ("SageMaker" shows AWS).
    """
    shown = {h.skill_id for h in resume_hits if h.section in COACHED_SECTIONS}
    first_claim: dict[str, SkillHit] = {}
    for hit in resume_hits:
        if hit.section not in COACHED_SECTIONS:
            current = first_claim.get(hit.skill_id)
            # Prefer the skills list: that is where a bare claim usually sits.
            if current is None or (current.section != "skills" and hit.section == "skills"):
                first_claim[hit.skill_id] = hit
    asked: dict[str, Level | None] = {k.skill_id: k.level for k in keywords}
    others = sorted(set(first_claim) - set(asked), key=lambda s: taxonomy.skills[s].name.lower())
    asked.update(dict.fromkeys(others))
    out = []
    for sid, level in asked.items():
        claim = first_claim.get(sid)
        skill = taxonomy.skills[sid]
        if claim is None or sid in shown or skill.category in _NOT_CLAIMS:
            continue
        if claim.section != "skills" and level is None:
            continue  # a summary naming a skill the posting does not ask for is fine
        if not shown.isdisjoint(taxonomy.descendants(sid)):
            continue
        why = "the posting asks for it" if level else "the posting does not ask for it"
        out.append(
            EvidenceGap(
                skill_id=sid,
                name=skill.name,
                level=level,
                section=claim.section,
                block=claim.block,
                text=resume.blocks[claim.block].text,
                suggestion=f"claimed, not shown ({why}): add a bullet where you used "
                f'{skill.name}, e.g. "<Verb> <what> with {skill.name}, <result>"',
            )
        )
    return tuple(out)


def stuffing_warnings(
    resume_hits: Sequence[SkillHit],
    job_hits: Sequence[SkillHit],
    keywords: Sequence[KeywordResult],
    *,
    resume: Resume | None = None,
) -> tuple[StuffingWarning, ...]:
    """Job keywords the resume repeats far beyond the posting's own use (more than twice as
    often, and at least five times): ATS and recruiters both read that as stuffing.

    With `resume`, names that are titles or labels do not count: the header, each role's title
    line ("Machine Learning Engineer - Acme") and a list's label ("Machine learning: PyTorch,
    ..."). Naming your own job title is not stuffing.
    """
    titles: set[int] = set()
    if resume is not None:
        titles = {role.first_block for role in resume.roles}
    resume_counts: dict[str, int] = {}
    for hit in resume_hits:
        if resume is not None and _names_a_title(hit, resume, titles):
            continue
        resume_counts[hit.skill_id] = resume_counts.get(hit.skill_id, 0) + 1
    job_counts: dict[str, int] = {}
    for hit in job_hits:
        job_counts[hit.skill_id] = job_counts.get(hit.skill_id, 0) + 1
    out = []
    for keyword in keywords:
        mine = resume_counts.get(keyword.skill_id, 0)
        theirs = job_counts.get(keyword.skill_id, 0)
        if mine > max(4, 2 * theirs):
            out.append(
                StuffingWarning(
                    skill_id=keyword.skill_id,
                    name=keyword.name,
                    resume_mentions=mine,
                    job_mentions=theirs,
                    message=f"{keyword.name} appears {mine} times in the resume and {theirs} "
                    "in the posting: keep the mentions that show real use and cut the rest",
                )
            )
    return tuple(out)


def _names_a_title(hit: SkillHit, resume: Resume, titles: set[int]) -> bool:
    """True for a hit in the header, a role's title line, or a "Label:" before a list."""
    if hit.section == "header" or hit.block in titles:
        return True
    colon = resume.blocks[hit.block].text.find(":")
    return 0 < colon < 40 and hit.end <= colon


_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*", re.IGNORECASE)


# The n-grams of recent postings: one posting is usually matched against many resumes.
_grams_cache: dict[tuple[int, int], tuple[Sequence[Block], dict[tuple[str, ...], int]]] = {}


def _job_grams(job_blocks: Sequence[Block], words: int) -> dict[tuple[str, ...], int]:
    cached = _grams_cache.get((id(job_blocks), words))
    if cached is not None and cached[0] is job_blocks:
        return cached[1]
    grams: dict[tuple[str, ...], int] = {}
    for index, block in enumerate(job_blocks):
        tokens = [t.lower() for t in _TOKEN.findall(block.text)]
        for i in range(len(tokens) - words + 1):
            grams.setdefault(tuple(tokens[i : i + words]), index)
    if len(_grams_cache) >= 64:
        _grams_cache.clear()
    _grams_cache[(id(job_blocks), words)] = (job_blocks, grams)  # holds the blocks: id stays theirs
    return grams


def verbatim_overlaps(
    resume_blocks: Sequence[Block], job_blocks: Sequence[Block], *, words: int = VERBATIM_WORDS
) -> tuple[VerbatimOverlap, ...]:
    """Runs of `words` or more consecutive words the resume shares with the posting."""
    grams = _job_grams(job_blocks, words)
    if not grams:
        return ()
    firsts = {gram[0] for gram in grams}  # cheap set tests rule out most positions
    lasts = {gram[-1] for gram in grams}
    out = []
    for index, block in enumerate(resume_blocks):
        tokens = [t.lower() for t in _TOKEN.findall(block.text)]
        found: list[re.Match[str]] | None = None
        i = 0
        while i <= len(tokens) - words:
            if tokens[i] not in firsts or tokens[i + words - 1] not in lasts:
                i += 1
                continue
            source = grams.get(tuple(tokens[i : i + words]))
            if source is None:
                i += 1
                continue
            if found is None:
                found = list(_TOKEN.finditer(block.text))
            j = i + words
            while j < len(tokens) and tuple(tokens[j - words + 1 : j + 1]) in grams:
                j += 1
            out.append(
                VerbatimOverlap(
                    words=j - i,
                    text=block.text[found[i].start() : found[j - 1].end()],
                    block=index,
                    job_text=job_blocks[source].text,
                    job_block=source,
                )
            )
            i = j
    return tuple(out)


_ACRONYM = re.compile(r"[A-Z0-9][A-Za-z0-9/&+.-]{1,7}")


def _is_acronym(form: str) -> bool:
    return bool(_ACRONYM.fullmatch(form)) and sum(ch.isupper() for ch in form) >= 2


def _form_kind(form: str) -> Literal["acronym", "long"] | None:
    """An acronym ("NLP", "CI/CD") or a long form ("natural language processing")."""
    form = form.strip()
    if _is_acronym(form):
        return "acronym"
    # A long form spells the words out: "Amazon EKS" or "Machine Learning (ML)" is neither.
    spelled = not any(_is_acronym(word) for word in re.split(r"[\s()]+", form) if word)
    if spelled and (" " in form or ("-" in form and len(form) > 8)):
        return "long"
    return None


def acronym_advice(
    resume_hits: Sequence[SkillHit],
    job_hits: Sequence[SkillHit],
    keywords: Sequence[KeywordResult],
    taxonomy: Taxonomy,
) -> tuple[AcronymAdvice, ...]:
    """Acronym and long form for keywords the resume has under a different form than the
    posting, and both forms for methods and concepts the posting writes only one way."""
    job_written, resume_written = _written_forms(job_hits), _written_forms(resume_hits)
    out = []
    for keyword in keywords:
        skill = taxonomy.skills[keyword.skill_id]
        job_forms = job_written.get(skill.id, ())
        resume_forms = resume_written.get(skill.id, ())
        if not job_forms or not resume_forms:
            continue
        both = _both_forms(skill.name, tuple(skill.forms))
        if both is None:
            continue
        job_kinds = {_form_kind(f) for f in job_forms} - {None}
        resume_kinds = {_form_kind(f) for f in resume_forms} - {None}
        if job_kinds and resume_kinds and not job_kinds & resume_kinds:
            out.append(
                AcronymAdvice(
                    skill_id=skill.id,
                    name=skill.name,
                    severity="warning",
                    job_forms=job_forms,
                    resume_forms=resume_forms,
                    suggestion=f"the posting writes {_quote(job_forms)} and your resume only "
                    f'{_quote(resume_forms)}; an ATS search may not connect them: write "{both}" '
                    "once",
                )
            )
        elif (
            len(job_kinds) == 1
            and len(resume_kinds) == 1
            and group_of(skill.category) == "concepts"
        ):
            out.append(
                AcronymAdvice(
                    skill_id=skill.id,
                    name=skill.name,
                    severity="info",
                    job_forms=job_forms,
                    resume_forms=resume_forms,
                    suggestion=f'write both forms once, "{both}", so a search for either finds you',
                )
            )
    return tuple(out)


def _written_forms(hits: Sequence[SkillHit]) -> dict[str, tuple[str, ...]]:
    """Skill id -> the distinct ways the text writes it, sorted."""
    forms: dict[str, set[str]] = {}
    for hit in hits:
        forms.setdefault(hit.skill_id, set()).add(" ".join(hit.text.split()))
    return {skill_id: tuple(sorted(written)) for skill_id, written in forms.items()}


_SMALL_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "with", "a"})


def _initials(form: str) -> str:
    words = [w for w in re.split(r"[\s/-]+", form.lower()) if w and w not in _SMALL_WORDS]
    return "".join(w[0] for w in words)


@functools.lru_cache(maxsize=8192)  # the vocabulary is fixed: work this out once per entry
def _both_forms(name: str, forms: tuple[str, ...]) -> str | None:
    """ "Long Form (ACR)" when the vocabulary has an acronym whose letters are the initials of
    one of its long forms ("NLP" and "natural language processing"); None otherwise."""
    ordered = [name, *(f for f in forms if f != name)]
    for acronym in (f for f in ordered if _form_kind(f) == "acronym"):
        letters = "".join(ch for ch in acronym.lower() if ch.isalpha())
        for long in (f for f in ordered if _form_kind(f) == "long"):
            if _initials(long) == letters:
                return f"{long} ({acronym})"
    return None


def _quote(forms: Sequence[str]) -> str:
    return " / ".join(f'"{f}"' for f in forms)


# ---- experience duration -------------------------------------------------------------------

_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?")


def _month(value: str | None, *, end: bool) -> int | None:
    """A "YYYY-MM" or "YYYY" date as a month number; a bare year spans January to December."""
    if not value:
        return None
    m = _DATE.fullmatch(value.strip())
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    return int(m.group(1)) * 12 + month - 1


def _interval(role: Role, today: date) -> tuple[int, int] | None:
    now = today.year * 12 + today.month - 1
    start = _month(role.start, end=False)
    end = now if role.current else _month(role.end, end=True)
    if start is None or end is None:
        return None
    end = min(end, now)
    return (start, end) if end >= start else None


def months_between(start: str | None, end: str | None, *, current: bool, today: date) -> int:
    """Months in a role, counting both the first and the last month; 0 when undated."""
    role = Role(start=start, end=end, current=current, first_block=0)
    span = _interval(role, today)
    return 0 if span is None else span[1] - span[0] + 1


def _union_months(spans: Sequence[tuple[int, int]]) -> int:
    """Months covered by the spans, overlapping roles counted once."""
    months: set[int] = set()
    for start, end in spans:
        months.update(range(start, end + 1))
    return len(months)


def _role_skills(
    resume: Resume, hits: Sequence[SkillHit], taxonomy: Taxonomy
) -> dict[int, dict[str, set[str]]]:
    """For each role: skill id -> the skills written in the role that show it (itself or a
    more specific one)."""
    out: dict[int, dict[str, set[str]]] = {}
    for hit in hits:
        role = resume.blocks[hit.block].role
        if role is None or resume.roles[role].section not in _EXPERIENCE_SECTIONS:
            continue
        shown = out.setdefault(role, {})
        for sid in (hit.skill_id, *taxonomy.ancestors(hit.skill_id)):
            shown.setdefault(sid, set()).add(hit.skill_id)
    return out


def _label(role: Role) -> str:
    who = " at ".join(p for p in (role.title, role.organization) if p) or "a role"
    return f"{who} ({role.start or '?'} to {'today' if role.current else role.end or '?'})"


def skill_experience(
    resume: Resume,
    hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    today: date,
    skills: Sequence[str] | None = None,
) -> tuple[SkillExperience, ...]:
    """Months of dated experience per skill: the roles whose text shows it or a more specific
    skill, overlapping roles counted once, the current role up to `today`."""
    per_role = _role_skills(resume, hits, taxonomy)
    return _skill_experience(resume, per_role, taxonomy, today=today, skills=skills)


def _skill_experience(
    resume: Resume,
    per_role: dict[int, dict[str, set[str]]],
    taxonomy: Taxonomy,
    *,
    today: date,
    skills: Sequence[str] | None,
) -> tuple[SkillExperience, ...]:
    wanted = set(skills) if skills is not None else {s for r in per_role.values() for s in r}
    spans_of = {index: _interval(resume.roles[index], today) for index in sorted(per_role)}
    out = []
    for sid in sorted(wanted):
        roles, spans, via = [], [], set()
        for index, span in spans_of.items():
            shown = per_role[index].get(sid)
            if shown and span:
                roles.append(index)
                spans.append(span)
                if sid not in shown:
                    via.update(shown)
        if roles and sid in taxonomy.skills:
            out.append(
                SkillExperience(
                    skill_id=sid,
                    name=taxonomy.skills[sid].name,
                    months=_union_months(spans),
                    roles=tuple(roles),
                    via=tuple(sorted(taxonomy.skills[v].name for v in via)),
                )
            )
    out.sort(key=lambda e: (-e.months, e.skill_id))
    return tuple(out)


def experience_checks(
    resume: Resume,
    job: JobPosting,
    hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    today: date,
) -> tuple[ExperienceCheck, ...]:
    """Each "N+ years of X" ask: met, or short by how many months of dated experience.

    An ask that names no skill is compared with all dated experience.
    """
    per_role = _role_skills(resume, hits, taxonomy)
    return _experience_checks(resume, job, per_role, taxonomy, today=today)


def _experience_checks(
    resume: Resume,
    job: JobPosting,
    per_role: dict[int, dict[str, set[str]]],
    taxonomy: Taxonomy,
    *,
    today: date,
) -> tuple[ExperienceCheck, ...]:
    dated = {
        i: span
        for i, role in enumerate(resume.roles)
        if role.section in _EXPERIENCE_SECTIONS and (span := _interval(role, today))
    }
    out = []
    for ask in job.years:
        if ask.skill_ids:
            roles = [
                i for i in sorted(dated) if any(s in per_role.get(i, {}) for s in ask.skill_ids)
            ]
            names = " or ".join(taxonomy.skills[s].name for s in ask.skill_ids)
            via = sorted(
                {
                    taxonomy.skills[v].name
                    for i in roles
                    for s in ask.skill_ids
                    for v in per_role[i].get(s, ())
                    if v not in ask.skill_ids
                }
            )
            basis = f"roles showing {names}"
            if via:
                basis += f" (also through {', '.join(via[:4])})"
        else:
            roles = sorted(dated)
            basis = "all dated experience (the ask names no skill in the vocabulary)"
        shown = _union_months([dated[i] for i in roles])
        asked = round(ask.years * 12)
        if roles:
            basis += ": " + "; ".join(_label(resume.roles[i]) for i in roles)
        else:
            basis += ": none of your dated roles shows it"
        out.append(
            ExperienceCheck(
                text=ask.text,
                subject=ask.subject,
                years=ask.years,
                skill_ids=ask.skill_ids,
                months_asked=asked,
                months_shown=shown,
                met=shown >= asked,
                short_by_months=max(0, asked - shown),
                roles=tuple(roles),
                basis=basis,
            )
        )
    return tuple(out)


# ---- ranking -------------------------------------------------------------------------------

# Rough value of each kind of fix, on the scale of a keyword weight (a required tool weighs ~3):
# what a recruiter or ATS would notice first. Missing keywords rank by their own weight.
_FLAG_VALUE = {
    "weak-opener": 2.2,
    "no-action-verb": 2.0,
    "no-result": 1.8,
    "tense": 1.0,
    "passive-voice": 1.0,
    "first-person": 1.0,
    "buzzword": 0.8,
}


def _rank_fixes(
    coaching: Coaching, missing: Sequence[MissingKeyword], keywords: Sequence[KeywordResult]
) -> tuple[CoachingFix, ...]:
    """The highest-value changes across every check, most valuable first."""
    weight = {k.skill_id: k.weight for k in keywords}
    found: list[tuple[float, str, str, int | None, str | None]] = []
    for m in missing:
        if not m.gap and m.placement.where == "bullet":
            value = 0.7 * m.weight * (1 - m.partial_credit)
            related = ", ".join(m.related_evidence[:2])
            found.append(
                (
                    value,
                    "weave-keyword",
                    f"{m.name} ({m.level}) is missing but you show {related}: {m.placement.reason}",
                    m.placement.block,
                    m.placement.text,
                )
            )
    for check in coaching.experience:
        if not check.met:
            found.append(
                (
                    3.0,
                    "experience",
                    f'the posting asks "{check.text}"; your dated roles show '
                    f"{check.months_shown} months, {check.short_by_months} short: name the "
                    "skill in the earlier roles where you used it",
                    None,
                    check.text,
                )
            )
    if coaching.bullets and coaching.quantified_share < coaching.quantified_target:
        need = round(coaching.quantified_target * len(coaching.bullets)) - coaching.quantified
        found.append(
            (
                2.5,
                "quantify",
                f"{coaching.quantified} of {len(coaching.bullets)} bullets have a measurable "
                f"result; add your real figures to {need} more",
                None,
                None,
            )
        )
    for gap in coaching.evidence_gaps:
        found.append(
            (
                0.5 * weight[gap.skill_id] if gap.skill_id in weight else 0.3,
                "claimed-not-shown",
                f"{gap.name} is only claimed in your {gap.section}: {gap.suggestion}",
                gap.block,
                gap.text,
            )
        )
    for overlap in coaching.verbatim:
        found.append(
            (
                2.0,
                "verbatim",
                f"{overlap.words} words copied from the posting: say it in your own words",
                overlap.block,
                overlap.text,
            )
        )
    for stuffed in coaching.stuffing:
        found.append((2.0, "stuffing", stuffed.message, None, stuffed.name))
    for advice in coaching.acronyms:
        if advice.severity == "warning":
            found.append(
                (0.5 * weight.get(advice.skill_id, 1.0), "acronym", advice.suggestion, None, None)
            )
    for fb in coaching.bullets:
        worst = max(
            (f for f in fb.flags if f.kind in _FLAG_VALUE),
            key=lambda f: _FLAG_VALUE[f.kind],
            default=None,
        )
        if worst is not None:
            found.append(
                (
                    _FLAG_VALUE[worst.kind],
                    worst.kind,
                    f"{worst.message}. {worst.suggestion}",
                    fb.block,
                    fb.text,
                )
            )
    found.sort(key=lambda f: (-round(f[0], 6), f[1], -1 if f[3] is None else f[3], f[2]))
    kept: list[tuple[float, str, str, int | None, str | None]] = []
    per_kind: dict[str, int] = {}
    for fix in found:  # at most three of a kind, so the list covers different problems
        if per_kind.get(fix[1], 0) < _PER_KIND and len(kept) < MAX_FIXES:
            per_kind[fix[1]] = per_kind.get(fix[1], 0) + 1
            kept.append(fix)
    return tuple(
        CoachingFix(rank=i, kind=kind, message=message, block=block, text=text)
        for i, (_value, kind, message, block, text) in enumerate(kept, start=1)
    )
