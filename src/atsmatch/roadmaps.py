"""A learning roadmap: the gaps against a role or several postings, in phases, with the
certifications that close most of them.

Gaps are the keywords a match leaves below `MISSING_BELOW`, summed over the postings (a role is
one posting). Each goes in one phase, decided by the taxonomy and the asks:

  foundation      a language or maths, or the parent of another gap (learn Kubernetes
                  before EKS)
  core            asked for as required (a role's core skill)
  advanced        nice to have, and built on another gap
  specialisation  any other nice-to-have

Certifications are picked greedily (set cover): each time the active certification whose
`covers` (and itself, and the retired ones it replaces) hold the heaviest remaining gaps, until
none covers any. Paths list, per issuer, the role's certifications (or those picked) in the
order of their levels. Everything is sorted with ties broken by id, so a roadmap is
deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from atsmatch.errors import RoadmapInputError
from atsmatch.models import (
    CertificationNote,
    MatchReport,
    Phase,
    Roadmap,
    RoadmapCertification,
    RoadmapGap,
    RoadmapPath,
    RoadmapPhase,
    RoadmapProof,
)
from atsmatch.roles import find_role
from atsmatch.suggest import MISSING_BELOW, certification_label

if TYPE_CHECKING:
    from atsmatch._api import Matcher
    from atsmatch._types import JobInput, ResumeInput
    from atsmatch.taxonomy import Skill, Taxonomy

__all__ = ["PHASES", "build_roadmap"]

PHASES: tuple[Phase, ...] = ("foundation", "core", "specialisation", "advanced")
LEVEL_ORDER = ("foundational", "associate", "professional", "specialty", "expert")
_FOUNDATION_CATEGORIES = frozenset({"language", "math_stats"})
MAX_PICKS = 5


@dataclass
class _Gap:
    skill_id: str
    weight: float = 0.0
    postings: int = 0
    required: bool = False
    related: list[str] = field(default_factory=list)


def build_roadmap(
    matcher: Matcher,
    resume: ResumeInput,
    *,
    role: str | None = None,
    jobs: Sequence[JobInput] = (),
    today: date | None = None,
) -> Roadmap:
    """The roadmap of `resume` against a role profile or against the postings in `jobs`."""
    from atsmatch import __version__

    if role is not None and jobs:
        raise RoadmapInputError("give a role or job postings, not both", usage=True)
    if role is None and not jobs:
        raise RoadmapInputError("give a role or at least one job posting", usage=True)
    taxonomy = matcher.taxonomy
    targets: list[JobInput | None] = [None] if role is not None else list(jobs)
    reports = [matcher.match(resume, job, role=role, today=today) for job in targets]
    for report in reports:
        if not report.keywords:
            raise RoadmapInputError(
                f"{report.job_source}: the posting names no skill the vocabulary knows",
                usage=False,
            )
    if not reports[0].resume_skills:
        raise RoadmapInputError(
            f"{reports[0].resume_source}: the resume names no skill the vocabulary knows",
            usage=False,
        )
    gaps = _gaps(reports)
    profile = find_role(taxonomy, role) if role is not None else None
    phases = _phases(gaps, taxonomy)
    held = {h for r in reports for h in r.resume_skills}
    picks = _cover(gaps, taxonomy, held)
    pool = list(profile.certifications) if profile else [p.skill_id for p in picks]
    target = profile.name if profile else f"{len(reports)} posting{'s' * (len(reports) > 1)}"
    return Roadmap(
        resume_source=reports[0].resume_source,
        target=target,
        role=profile.id if profile else None,
        postings=() if profile else tuple(r.job_source for r in reports),
        summary=_summary(target, gaps, taxonomy, len(reports)),
        phases=phases,
        certifications=picks,
        paths=_paths(pool, taxonomy, held, gaps),
        proven=_proven(reports),
        held=_held(reports),
        taxonomy_version=taxonomy.version,
        atsmatch_version=__version__,
    )


def _gaps(reports: Sequence[MatchReport]) -> dict[str, _Gap]:
    """Every keyword left below `MISSING_BELOW`, summed over the reports."""
    gaps: dict[str, _Gap] = {}
    for report in reports:
        for m in report.missing:
            gap = gaps.setdefault(m.skill_id, _Gap(m.skill_id))
            gap.weight += m.weight * (1.0 - m.partial_credit)
            gap.postings += 1
            gap.required = gap.required or m.level in ("required", "title")
            gap.related += [r for r in m.related_evidence if r not in gap.related]
    return gaps


def _order(gaps: dict[str, _Gap], taxonomy: Taxonomy) -> list[_Gap]:
    return sorted(
        gaps.values(),
        key=lambda g: (
            -g.postings,
            -round(g.weight, 6),
            taxonomy.skills[g.skill_id].name,
            g.skill_id,
        ),
    )


def _phase(gap: _Gap, gaps: dict[str, _Gap], taxonomy: Taxonomy) -> tuple[Phase, str]:
    skill = taxonomy.skills[gap.skill_id]
    under = [d for d in taxonomy.descendants(gap.skill_id) if d in gaps]
    above = [a for a in taxonomy.ancestors(gap.skill_id) if a in gaps]
    if under:
        return "foundation", f"{taxonomy.skills[under[0]].name} builds on it"
    if skill.category in _FOUNDATION_CATEGORIES:
        return "foundation", "a language or maths that the rest builds on"
    if gap.required:
        return "core", "asked for as a requirement"
    if above:
        return "advanced", f"builds on {taxonomy.skills[above[0]].name}, itself a gap"
    return "specialisation", "nice to have"


def _phases(gaps: dict[str, _Gap], taxonomy: Taxonomy) -> tuple[RoadmapPhase, ...]:
    placed: dict[Phase, list[RoadmapGap]] = {p: [] for p in PHASES}
    for gap in _order(gaps, taxonomy):
        skill = taxonomy.skills[gap.skill_id]
        phase, reason = _phase(gap, gaps, taxonomy)
        placed[phase].append(
            RoadmapGap(
                skill_id=gap.skill_id,
                name=skill.name,
                category=skill.category,
                phase=phase,
                weight=round(gap.weight, 3),
                postings=gap.postings,
                related_evidence=tuple(gap.related),
                reason=reason,
            )
        )
    return tuple(RoadmapPhase(name=p, gaps=tuple(placed[p])) for p in PHASES if placed[p])


def _covered(cert: Skill, taxonomy: Taxonomy) -> set[str]:
    """What a certification proves: its covers, itself, and the retired ones it replaces."""
    replaced = {s.id for s in taxonomy.skills.values() if cert.id in s.superseded_by}
    return {c.id for c in cert.covers} | {cert.id} | replaced


def _certification(
    cert: Skill, taxonomy: Taxonomy, covers: Sequence[str], reason: str
) -> RoadmapCertification:
    return RoadmapCertification(
        skill_id=cert.id,
        name=cert.name,
        code=cert.code,
        issuer=cert.issuer,
        level=cert.level,
        prep_weeks=cert.prep_weeks,
        covers=tuple(taxonomy.skills[c].name for c in covers),
        reason=reason,
    )


def _cover(
    gaps: dict[str, _Gap], taxonomy: Taxonomy, held: set[str]
) -> tuple[RoadmapCertification, ...]:
    """Greedy set cover of the gaps by active certifications the resume does not hold."""
    candidates = [
        c
        for c in taxonomy.skills.values()
        if c.category == "certification" and c.status == "active" and c.id not in held
    ]
    left = dict(gaps)
    picks: list[RoadmapCertification] = []
    while left and len(picks) < MAX_PICKS:
        best: tuple[float, int, str] | None = None
        chosen: tuple[Skill, list[str]] | None = None
        for cert in candidates:
            hits = sorted(_covered(cert, taxonomy) & left.keys())
            if not hits:
                continue
            value = round(sum(left[h].weight for h in hits), 6)
            level = LEVEL_ORDER.index(cert.level) if cert.level else len(LEVEL_ORDER)
            key = (-value, level, cert.id)
            if best is None or key < best:
                best, chosen = key, (cert, hits)
        if chosen is None:
            break
        cert, hits = chosen
        ordered = [g.skill_id for g in _order({h: left[h] for h in hits}, taxonomy)]
        names = _names(taxonomy, ordered[:4])
        more = f" and {len(ordered) - 4} more" if len(ordered) > 4 else ""
        reason = f"covers {len(ordered)} of your remaining gaps: {names}{more}"
        picks.append(_certification(cert, taxonomy, ordered, reason))
        candidates.remove(cert)
        for h in hits:
            del left[h]
    return tuple(picks)


def _paths(
    pool: Sequence[str], taxonomy: Taxonomy, held: set[str], gaps: dict[str, _Gap]
) -> tuple[RoadmapPath, ...]:
    """Per issuer, the certifications not yet held, from the foundational level up."""
    by_issuer: dict[str, list[Skill]] = {}
    for cid in dict.fromkeys(pool):
        cert = taxonomy.skills[cid]
        if cert.status == "active" and cid not in held:
            by_issuer.setdefault(cert.issuer or "other", []).append(cert)
    paths = []
    for issuer in sorted(by_issuer):
        certs = sorted(
            by_issuer[issuer],
            key=lambda c: (LEVEL_ORDER.index(c.level) if c.level else len(LEVEL_ORDER), c.id),
        )
        steps = []
        for cert in certs:
            covers = sorted(_covered(cert, taxonomy) & gaps.keys())
            after = [taxonomy.skills[a] for a in (*cert.prerequisites, *cert.recommended_after)]
            reason = f"{cert.level or 'unlevelled'} level"
            if covers:
                reason += f"; covers {_names(taxonomy, covers[:3])}"
            if after:
                kind = "requires" if cert.prerequisites else "usually after"
                reason += f"; {kind} {' or '.join(certification_label(a) for a in after)}"
            steps.append(_certification(cert, taxonomy, covers, reason))
        weeks = [s.prep_weeks for s in steps]
        total = sum(w for w in weeks if w is not None) if None not in weeks else None
        paths.append(RoadmapPath(issuer=issuer, steps=tuple(steps), prep_weeks=total))
    return tuple(paths)


def _proven(reports: Sequence[MatchReport]) -> tuple[RoadmapProof, ...]:
    """What the resume already shows: each matched keyword at its best credit."""
    from atsmatch.render._common import evidence_label

    best: dict[str, RoadmapProof] = {}
    for report in reports:
        for k in report.keywords:
            if k.credit < MISSING_BELOW:
                continue
            held = best.get(k.skill_id)
            if held is None or k.credit > held.credit:
                best[k.skill_id] = RoadmapProof(
                    skill_id=k.skill_id,
                    name=k.name,
                    credit=k.credit,
                    evidence=evidence_label(k, width=None),
                )
    return tuple(sorted(best.values(), key=lambda p: (-p.credit, p.name, p.skill_id)))


def _held(reports: Sequence[MatchReport]) -> tuple[CertificationNote, ...]:
    """The certifications the resume holds, as the first report words them."""
    return tuple(c for c in reports[0].certifications if c.status == "held")


def _summary(target: str, gaps: dict[str, _Gap], taxonomy: Taxonomy, postings: int) -> str:
    if not gaps:
        return f"Against {target}, the resume shows every skill asked for."
    top = _names(taxonomy, [g.skill_id for g in _order(gaps, taxonomy)[:3]])
    across = f"Across these {postings} postings" if postings > 1 else f"Against {target}"
    return f"{across}, your top gaps are {top}."


def _names(taxonomy: Taxonomy, ids: Sequence[str]) -> str:
    names = [taxonomy.skills[i].name for i in ids]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
