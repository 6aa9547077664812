"""Title and education: the posting's job title and degree ask against the resume's.

Commercial scanners score these apart from keywords: an analyst's resume should beat a data
scientist's on an analyst posting even when both name the same tools. Each comparison gives
a status, a credit (0-1) and one line of reason; the credit is None when there is nothing to
compare (no title or degree ask in the posting, none found on the resume), so a scorer that
folds them in (`weighted.v4`) leaves the score alone then. A doubtful reading says less: an
unknown field is not judged, and a resume without a degree found is not marked below.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from atsmatch.models import (
    Degree,
    DegreeAsk,
    DegreeLevel,
    EducationMatch,
    JobPosting,
    Resume,
    Role,
    TitleMatch,
)
from atsmatch.structure.qualifications import (
    DEGREE_LEVELS,
    QUANTITATIVE,
    family_of,
    title_key,
)

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "EQUIVALENT_FLOOR",
    "FIELD_FACTOR",
    "LEVEL_BELOW",
    "RECENT_ROLES",
    "TITLE_CREDIT",
    "match_education",
    "match_title",
]

TITLE_CREDIT = {"same": 1.0, "near": 0.8, "related": 0.5, "different": 0.0}
RECENT_ROLES = 3  # the resume's most recent roles that count, with its headline
LEVEL_BELOW = 0.4  # a degree below the level asked
FIELD_FACTOR = {"match": 1.0, "related": 0.85, "other": 0.5}
EQUIVALENT_FLOOR = 0.7  # "or equivalent experience": a miss costs at most this much

_TitleStatus = Literal["same", "near", "related", "unclear", "different"]
# Which comparison wins among the resume's titles: an unclear one beats a different one, so a
# title the vocabulary cannot place keeps the score from moving.
_RANK: dict[_TitleStatus, int] = {"same": 4, "near": 3, "related": 2, "unclear": 1, "different": 0}
_FieldStatus = Literal["match", "related", "other"]
_LEVEL_NAMES: dict[DegreeLevel, str] = {
    "bachelor": "bachelor's", "master": "master's", "phd": "PhD"
}  # fmt: skip


def match_title(posting: JobPosting, resume: Resume, taxonomy: Taxonomy) -> TitleMatch:
    """The posting's core title against the resume's headline and its most recent roles.

    >>> from atsmatch.models import Document, JobPosting, Resume, Role
    >>> from atsmatch.taxonomy import load_taxonomy
    >>> doc = Document(source="<text>", format="text")
    >>> job = JobPosting(document=doc, core_title="Senior Data Analyst")
    >>> cv = Resume(document=doc, roles=(Role(title="Data Analyst", first_block=0),))
    >>> found = match_title(job, cv, load_taxonomy())
    >>> found.status, found.credit, found.resume_title
    ('same', 1.0, 'Data Analyst')
    """
    job = posting.core_title
    if job is None:
        return TitleMatch._defaulted(
            status="no-title", reason="the posting states no job title; not scored"
        )
    candidates = _resume_titles(resume)
    if not candidates:
        return TitleMatch._defaulted(
            status="unknown",
            reason="no headline or role title found on the resume; not scored",
            job_title=job,
        )
    roles = taxonomy.derived(_TitleRoles)
    wanted = _title_key(job)
    judged = [_relation(wanted, _title_key(c[0]), roles) for c in candidates]
    # The first of the best: the headline, then the most recent role.
    best = max(range(len(judged)), key=lambda n: (_RANK[judged[n][0]], -n))
    status, family = judged[best]
    title, where, index, label = candidates[best]
    # Only the chosen status's reason is written.
    if status == "same":
        reason = f'the same title as the resume\'s {label}, "{title}"'
    elif status == "near":
        reason = f'close to the resume\'s {label}, "{title}"'
    elif status == "related":
        reason = f'a related title: the resume\'s {label}, "{title}"' + (
            f", is in the same role family ({taxonomy.roles[family].name})" if family else ""
        )
    elif status == "unclear":
        reason = (
            f'"{job}" and the resume\'s {label}, "{title}", share only "{wanted[-1]}" '
            "and no role profile tells how close they are; not scored"
        )
    else:
        reason = (
            f'no headline or recent role on the resume matches "{job}" or comes close '
            f'(its {label}: "{title}")'
        )
    return TitleMatch._defaulted(
        status=status,
        reason=reason,
        credit=TITLE_CREDIT.get(status),
        job_title=job,
        resume_title=title,
        where=where,
        role=index,
    )


# A pure function of the title, kept in a bounded cache: a posting's title recurs in every match
# against it, and a resume's titles in every match of the resume (common titles across resumes).
_title_key = functools.lru_cache(maxsize=4096)(title_key)

_Where = Literal["headline", "role"]


def _resume_titles(resume: Resume) -> list[tuple[str, _Where, int | None, str]]:
    """The headline, then the titles of the most recent experience roles (current first), each
    with the words that name where it is."""
    found: list[tuple[str, _Where, int | None, str]] = []
    if resume.headline:
        found.append((resume.headline, "headline", None, "headline"))
    dated = [
        (i, role)
        for i, role in enumerate(resume.roles)
        if role.section == "experience" and role.title
    ]
    dated.sort(key=lambda pair: _recency(pair[1]), reverse=True)
    for n, (i, role) in enumerate(dated[:RECENT_ROLES]):
        label = "role" if n else "current role" if role.current else "most recent role"
        found.append((role.title or "", "role", i, label))
    return found


def _recency(role: Role) -> tuple[bool, str]:
    """A sort key: current roles first, then by end (else start) date, "YYYY" read as its end."""
    when = role.end or role.start or ""
    return role.current, when if len(when) != 4 else f"{when}-12"


def _relation(
    job: tuple[str, ...], mine: tuple[str, ...], roles: _TitleRoles
) -> tuple[_TitleStatus, str | None]:
    """How a resume title stands to the posting's (both as `title_key`), and the role family
    they share when that is what relates them.

    Near: the resume's title has every word of the posting's, same head noun. Related: one role
    profile's titles hold both, or the same head noun with a shared word (a resume title less
    specific than the posting's is related, not near). Unclear: the same head noun, and no
    role profile covers one of them ("Software Engineer" for "Backend Engineer": the
    vocabulary cannot say, so it says nothing). Different: other head nouns, or the titles of
    two different profiles ("Data Engineer", "ML Engineer").
    """
    if not job or not mine:
        return "different", None
    if job == mine:
        return "same", None
    same_head = job[-1] == mine[-1]
    if same_head and set(job) <= set(mine):  # the resume's is more specific: "Applied ML Engineer"
        return "near", None
    family, other = _role_of(job, roles), _role_of(mine, roles)
    if family is not None and family == other:
        return "related", family
    if same_head and set(job[:-1]) & set(mine[:-1]):  # "ML Engineer" for "ML Platform Engineer"
        return "related", None
    if same_head and (family is None or other is None):  # the vocabulary cannot place one
        return "unclear", None
    return "different", None


def _role_of(key: tuple[str, ...], roles: _TitleRoles) -> str | None:
    """The role profile a title belongs to: its own form, else the longest profile title whose
    words it contains with the same head noun ("Senior Product Analyst" -> data-analyst)."""
    role = roles.of.get(key)
    if role is not None:
        return role
    words = set(key)
    inside = [k for k, its in roles.by_head.get(key[-1], ()) if its <= words]
    return roles.of[max(inside, key=lambda k: (len(k), k))] if inside else None


class _TitleRoles:
    """Every title of every role profile (name, aliases, ladder) as a `title_key` -> role id
    (`of`), and those keys by head noun with their words (`by_head`); once per taxonomy
    (`Taxonomy.derived`)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        found: dict[tuple[str, ...], str] = {}
        for role_id in sorted(taxonomy.roles):
            role = taxonomy.roles[role_id]
            for title in (role.name, *role.aliases, *(step.title for step in role.ladder)):
                key = title_key(title)
                if key:
                    found.setdefault(key, role_id)
        self.of = found
        self.by_head: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {}
        for key in found:
            self.by_head.setdefault(key[-1], []).append((key, frozenset(key)))


def match_education(posting: JobPosting, resume: Resume) -> EducationMatch:
    """The posting's degree ask (a required one before a preferred one) against the resume's
    degrees: the level met, exceeded or not, and the field named, related or other.

    >>> from atsmatch.models import Degree, DegreeAsk, Document, JobPosting, Resume
    >>> doc = Document(source="<text>", format="text")
    >>> ask = DegreeAsk(level="master", need="required", fields=("Statistics",), block=0,
    ...     text="MS in Statistics")
    >>> cv = Resume(document=doc, education=(Degree(level="phd", field="Statistics", block=0,
    ...     text="PhD, Statistics"),))
    >>> found = match_education(JobPosting(document=doc, degrees=(ask,)), cv)
    >>> found.status, found.field, found.credit
    ('exceeds', 'match', 1.0)
    """
    asks = [a for a in posting.degrees if a.need != "not-required"]
    if not asks:
        if posting.degrees:
            return EducationMatch._defaulted(
                status="not-required",
                reason="the posting says no degree is required; not scored",
            )
        asker = "the role profile" if posting.role else "the posting"
        return EducationMatch._defaulted(
            status="no-ask", reason=f"{asker} asks for no degree; not scored"
        )
    ask = next((a for a in asks if a.need == "required"), asks[0])
    if not resume.education:
        return EducationMatch._defaulted(
            status="unknown",
            reason=f"{_ask_phrase(ask)}; no degree found on the resume, so not scored",
            asked=ask,
        )
    judged = [_judge(ask, degree) for degree in resume.education]
    best = max(range(len(judged)), key=lambda n: (judged[n][2], -n))
    status, field, credit = judged[best]
    degree = resume.education[best]
    return EducationMatch._defaulted(
        status=status,
        reason=f"{_ask_phrase(ask)}; the resume shows {_degree_phrase(degree)}"
        + _verdict(ask, status, field),
        field=field,
        credit=credit,
        asked=ask,
        degree=degree,
    )


def _judge(
    ask: DegreeAsk, degree: Degree
) -> tuple[Literal["exceeds", "meets", "below"], _FieldStatus | None, float]:
    """One resume degree against the ask: level status, field status and credit."""
    status: Literal["exceeds", "meets", "below"] = "meets"
    if ask.level is not None:
        held, asked = DEGREE_LEVELS.index(degree.level), DEGREE_LEVELS.index(ask.level)
        status = "exceeds" if held > asked else "meets" if held == asked else "below"
    field = _field_status(ask, degree.field)
    credit = (LEVEL_BELOW if status == "below" else 1.0) * FIELD_FACTOR.get(field or "match", 1.0)
    if ask.equivalent:
        credit = max(credit, EQUIVALENT_FLOOR)
    return status, field, round(credit, 3)


def _field_status(ask: DegreeAsk, field: str | None) -> _FieldStatus | None:
    """`match`, `related` or `other`; None when the posting names no field or the resume's
    field is not one the list knows (not judged)."""
    if field is None or (not ask.fields and not ask.related):
        return None
    if field in ask.fields:
        return "match"
    family = family_of(field)
    if family is None:
        return None
    asked = {family_of(f) for f in ask.fields}
    if ask.related and (family in asked or (family in QUANTITATIVE and asked <= QUANTITATIVE)):
        return "related"
    return "other"


def _ask_phrase(ask: DegreeAsk) -> str:
    """ "asks for a bachelor's in Statistics or Mathematics (or a related field)"."""
    verb = "asks for" if ask.need == "required" else "prefers"
    level = f"a {_LEVEL_NAMES[ask.level]}" if ask.level else "a degree"
    fields = f" in {_or(ask.fields)}" if ask.fields else ""
    extras = [
        *(["or a related field"] if ask.related else []),
        *(["or equivalent experience"] if ask.equivalent else []),
    ]
    more = f" ({', '.join(extras)})" if extras else ""
    return f"the posting {verb} {level}{fields}{more}"


def _degree_phrase(degree: Degree) -> str:
    field = f" in {degree.field}" if degree.field else ""
    return f"a {_LEVEL_NAMES[degree.level]}{field}"


def _verdict(ask: DegreeAsk, status: str, field: _FieldStatus | None) -> str:
    """ ": at the level asked, in a field it names" (the level only when the ask names one)."""
    parts = []
    if ask.level is not None:
        parts.append(
            {"exceeds": "above the level asked", "meets": "at the level asked"}.get(
                status, "below the level asked"
            )
        )
    if field is not None:
        parts.append(
            {
                "match": "in a field it names",
                "related": "in a related field",
                "other": "in a field it does not name",
            }[field]
        )
    softened = ask.equivalent and (status == "below" or field == "other")
    tail = "; equivalent experience may stand in" if softened else ""
    return (": " + ", ".join(parts) if parts else "") + tail


def _or(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"
