"""Months of dated experience per skill, and each "N+ years of X" ask met or short.

A role's dates are parsed once into `YearMonth` values; the current role runs to `today`, which
is an argument so the same input and date give the same months.

>>> from datetime import date
>>> months_between("2021-03", None, current=True, today=date(2024, 2, 10))
36
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from atsmatch._hitrows import HitRow, hit_rows
from atsmatch.models import ExperienceCheck, JobPosting, Resume, Role, SkillExperience, SkillHit
from atsmatch.structure.dates import YearMonth
from atsmatch.suggest import skill_names

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "RoleSkills",
    "experience_checks",
    "measure_experience",
    "months_between",
    "role_skills",
    "skill_experience",
]

_EXPERIENCE_SECTIONS = frozenset({"experience", "volunteer"})

# Role index -> skill id -> the skills written in the role that show it (itself or a more
# specific one).
RoleSkills = dict[int, dict[str, set[str]]]
# `SkillExperience._trusted` looked up once: a model class's own attribute reads are slow
# (pydantic's metaclass defines `__getattr__`) and bind a method anew, and a match makes dozens.
_skill_experience_of = SkillExperience._trusted
# First and last month, both counted, as `YearMonth.ordinal`: plain ints compare and subtract
# several times faster than `YearMonth` values, and a resume's spans are compared per skill.
_Span = tuple[int, int]


# Pure in one date as written ("2021-03"): a resume's few dates are read again every match.
@functools.lru_cache(maxsize=1024)
def _months(value: str | None) -> _Span | None:
    """A role date ("YYYY-MM" or "YYYY") as its first and last month (a bare year spans January
    to December); None when missing or written some other way."""
    if not value:
        return None
    try:
        month = YearMonth.parse(value.strip())
    except ValueError:
        return None
    return month.first.ordinal, month.last.ordinal


def _span(role: Role, now: int) -> _Span | None:
    """The months a role covers up to `now` (the `YearMonth.ordinal` of today)."""
    start = _months(role.start)
    end = (now, now) if role.current else _months(role.end)
    if start is None or end is None:
        return None
    first, last = start[0], min(end[1], now)
    return (first, last) if last >= first else None


def months_between(start: str | None, end: str | None, *, current: bool, today: date) -> int:
    """Months in a role, counting both the first and the last month; 0 when undated."""
    role = Role(start=start, end=end, current=current, first_block=0)
    span = _span(role, YearMonth.of(today).ordinal)
    return 0 if span is None else span[1] - span[0] + 1


def _union_months(spans: Sequence[_Span]) -> int:
    """Months covered by the spans, overlapping roles counted once."""
    total, reached = 0, -1  # ordinals are never negative
    for first, last in sorted(spans):
        if first <= reached:  # overlaps what is counted so far
            if last > reached:
                total += last - reached
                reached = last
        else:
            total += last - first + 1
            reached = last
    return total


def role_skills(
    resume: Resume,
    hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    rows: Sequence[HitRow] | None = None,
) -> RoleSkills:
    """For each role in an experience section: skill id -> the skills written in the role that
    show it (itself or a more specific one). Of the resume alone: `ResumeFacts` keeps it.
    `rows` is `hit_rows(hits)` when the caller kept it."""
    counted = {i for i, role in enumerate(resume.roles) if role.section in _EXPERIENCE_SECTIONS}
    # Each block's counted role read once, not once per hit (a model's reads are slow).
    block_role = [role if role in counted else None for role in [b.role for b in resume.blocks]]
    # Each skill once per role: a role names most of its skills more than once.
    named = dict.fromkeys(
        (role, skill_id)
        for skill_id, _, _, block, _, _, _, _ in (hit_rows(hits) if rows is None else rows)
        if (role := block_role[block]) is not None
    )
    lineage = taxonomy.derived(_Lineage)
    out: RoleSkills = {}
    for role, skill_id in named:
        shown = out.setdefault(role, {})
        for sid in lineage[skill_id]:
            held = shown.get(sid)  # not `setdefault`: that makes a set on every call
            if held is None:
                shown[sid] = {skill_id}
            else:
                held.add(skill_id)
    return out


class _Lineage(dict[str, tuple[str, ...]]):
    """Skill id -> the skill and its ancestors, nearest first, made on first need and kept for
    the taxonomy (`Taxonomy.derived`): one dict read per skill a role names, not two calls."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        super().__init__()
        self._ancestors = taxonomy.ancestors

    def __missing__(self, skill_id: str) -> tuple[str, ...]:
        found = self[skill_id] = (skill_id, *self._ancestors(skill_id))
        return found


def _label(role: Role) -> str:
    who = " at ".join(p for p in (role.title, role.organization) if p) or "a role"
    return f"{who} ({role.start or '?'} to {'today' if role.current else role.end or '?'})"


def measure_experience(
    resume: Resume,
    job: JobPosting,
    hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    today: date,
    skills: Sequence[str] | None = None,
    per_role: RoleSkills | None = None,
) -> tuple[tuple[SkillExperience, ...], tuple[ExperienceCheck, ...]]:
    """`skill_experience` and `experience_checks` together, reading the roles' skills once.

    `per_role` is `role_skills(resume, hits, taxonomy)` when the caller kept it."""
    if per_role is None:
        per_role = role_skills(resume, hits, taxonomy)
    dated = _dated_roles(resume, today)
    return (
        _skill_experience(per_role, dated, taxonomy, skills=skills),
        _experience_checks(resume, job, per_role, dated, taxonomy),
    )


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
    per_role = role_skills(resume, hits, taxonomy)
    return _skill_experience(per_role, _dated_roles(resume, today), taxonomy, skills=skills)


def _dated_roles(resume: Resume, today: date) -> dict[int, _Span]:
    """Role index -> months, for the dated roles in an experience section, in order."""
    now = YearMonth.of(today).ordinal
    return {
        i: span
        for i, role in enumerate(resume.roles)
        if role.section in _EXPERIENCE_SECTIONS and (span := _span(role, now))
    }


def _skill_experience(
    per_role: RoleSkills,
    dated: dict[int, _Span],
    taxonomy: Taxonomy,
    *,
    skills: Sequence[str] | None,
) -> tuple[SkillExperience, ...]:
    wanted = set(skills) if skills is not None else {s for r in per_role.values() for s in r}
    # `role_skills` keeps experience-section roles only: these are its dated ones, in order.
    spans_of = {i: span for i, span in dated.items() if i in per_role}
    # Skill id -> the dated roles that show it, in order: one pass over the roles instead of
    # one per wanted skill, each role's wanted skills found by one set intersection.
    shown_in: dict[str, list[int]] = {}
    for index in spans_of:
        for sid in wanted.intersection(per_role[index]):
            shown_in.setdefault(sid, []).append(index)
    months: dict[tuple[int, ...], int] = {}  # skills shown in the same roles share their months
    found: list[tuple[int, str, tuple[int, ...]]] = []
    for sid in shown_in:  # any order: the sort below orders them in full
        roles = tuple(shown_in[sid])
        if sid not in taxonomy.skills:
            continue
        if roles not in months:
            months[roles] = _union_months([spans_of[i] for i in roles])
        found.append((-months[roles], sid, roles))
    found.sort()  # longest first, then by id: sorted before the models are made, not after
    name_of = taxonomy.derived(skill_names)  # a plain dict: a skill's own reads are slow
    out = []
    for minus, sid, roles in found:
        via: set[str] = set()
        for index in roles:
            shown = per_role[index][sid]
            if sid not in shown:
                via.update(shown)
        out.append(
            _skill_experience_of(  # our own values, of the fields' types: not validated again
                skill_id=sid,
                name=name_of[sid],
                months=-minus,
                roles=roles,
                via=tuple(sorted([name_of[v] for v in via])) if via else (),
            )
        )
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
    per_role = role_skills(resume, hits, taxonomy)
    return _experience_checks(resume, job, per_role, _dated_roles(resume, today), taxonomy)


def _experience_checks(
    resume: Resume,
    job: JobPosting,
    per_role: RoleSkills,
    dated: dict[int, _Span],
    taxonomy: Taxonomy,
) -> tuple[ExperienceCheck, ...]:
    name_of = taxonomy.derived(skill_names)  # a plain dict: a skill's own reads are slow
    out = []
    for ask in job.years:
        skill_ids = ask.skill_ids  # read once (a model's attribute reads are slow)
        if skill_ids:
            roles = [
                i for i in sorted(dated) if not per_role.get(i, {}).keys().isdisjoint(skill_ids)
            ]
            names = " or ".join([name_of[s] for s in skill_ids])
            via = sorted(
                {
                    name_of[v]
                    for i in roles
                    for s in skill_ids
                    for v in per_role[i].get(s, ())
                    if v not in skill_ids
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
            ExperienceCheck._trusted(  # our own values, of the fields' types
                text=ask.text,
                subject=ask.subject,
                years=ask.years,
                skill_ids=skill_ids,
                months_asked=asked,
                months_shown=shown,
                met=shown >= asked,
                short_by_months=max(0, asked - shown),
                roles=tuple(roles),
                basis=basis,
            )
        )
    return tuple(out)
