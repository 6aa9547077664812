"""The `weighted.v1` scorer: how much each job keyword weighs and how much credit the resume earns.

weight(keyword) = level x category x mentions x title
  level     strongest place the posting names it: title 3, required 3, preferred 1.5, other 1
            (in "about us" / "benefits" blocks 0.5)
  category  tools, languages, platforms 1.0; methods, concepts, practices, metrics, math 0.8;
            certifications 0.6; soft skills 0.4
  mentions  1 + 0.2 per extra mention, at most 1.6
  title     1.5 when the posting's title names it too

credit(keyword) = the best of
  1.0   named in an experience or project bullet or role line (shown in use)
  0.85  named only in the skills list, summary or elsewhere (claimed, not shown)
  0.6   a more specific skill is shown (EKS for Kubernetes, PyTorch for deep learning)
  0.3   only a broader skill is shown (AWS for SageMaker)
  0.5 x w  a related skill with weight w (Vertex AI for SageMaker)
  0     absent
  and a typo-tier (fuzzy) find earns 0.8 of its credit.

score = 100 x sum(weight x credit) / sum(weight)
Subscores apply the same formula to each group of categories. The function is pure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from atsmatch.models import Block, Evidence, KeywordResult, Level, SkillHit, Source, Subscore

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = ["SCORER", "ScoreBreakdown", "group_of", "score", "verdict"]

SCORER = "weighted.v1"

LEVEL_WEIGHT: dict[str, float] = {"title": 3.0, "required": 3.0, "preferred": 1.5, "other": 1.0}
LOW_SECTIONS = frozenset(
    {"about", "benefits"}
)  # a stack named in "about us" is context, not an ask
LOW_SECTION_WEIGHT = 0.5
TITLE_BOOST = 1.5
MENTION_STEP = 0.2
MENTION_CAP = 3

GROUPS: dict[str, tuple[str, ...]] = {
    "hard_skills": (
        "language", "library", "framework", "genai_tool", "model", "mlops_tool", "data_tool",
        "database", "cloud_platform", "cloud_service", "devops_tool", "bi_tool", "dev_tool",
        "hardware",
    ),
    "concepts": ("concept", "method", "metric", "math_stats", "practice"),
    "certifications": ("certification",),
    "soft_skills": ("soft_skill",),
}  # fmt: skip
GROUP_WEIGHT = {"hard_skills": 1.0, "concepts": 0.8, "certifications": 0.6, "soft_skills": 0.4}
_GROUP_OF = {category: group for group, cats in GROUPS.items() for category in cats}

CREDIT_SHOWN = 1.0
CREDIT_CLAIMED = 0.85
CREDIT_CHILD = 0.6
CREDIT_PARENT = 0.3
RELATED_FACTOR = 0.5
FUZZY_FACTOR = 0.8
SHOWN_SECTIONS = frozenset({"experience", "projects"})

# Verdict bands (commercial tools advise aiming for 75-80).
BANDS: tuple[tuple[float, str], ...] = (
    (80.0, "strong match"),
    (65.0, "good match"),
    (50.0, "partial match"),
    (0.0, "weak match"),
)


def group_of(category: str) -> str:
    """The subscore group of a category (unknown categories count as hard skills)."""
    return _GROUP_OF.get(category, "hard_skills")


def verdict(score: float) -> str:
    """The verdict band for a score."""
    return next(label for floor, label in BANDS if score >= floor)


@dataclass(frozen=True, slots=True)
class ScoreBreakdown:
    """What `score` returns: the overall score, per-group subscores and every keyword."""

    score: float
    subscores: tuple[Subscore, ...]
    keywords: tuple[KeywordResult, ...]


def score(
    job_blocks: Sequence[Block],
    job_hits: Sequence[SkillHit],
    resume_blocks: Sequence[Block],
    resume_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
) -> ScoreBreakdown:
    """Weigh every job keyword and credit it from the resume (see the module docstring)."""
    evidence = _resume_evidence(resume_blocks, resume_hits)
    keywords = [
        _keyword(skill_id, hits, job_blocks, evidence, taxonomy)
        for skill_id, hits in _group_hits(job_hits).items()
    ]
    keywords.sort(key=lambda k: (-k.weight, k.name.casefold(), k.skill_id))
    return ScoreBreakdown(
        score=_ratio(keywords),
        subscores=tuple(
            Subscore(
                group=group,
                score=_ratio(members),
                weight=round(sum(k.weight for k in members), 3),
                keywords=len(members),
            )
            for group in GROUPS
            if (members := [k for k in keywords if group_of(k.category) == group])
        ),
        keywords=tuple(keywords),
    )


def _ratio(keywords: Sequence[KeywordResult]) -> float:
    total = sum(k.weight for k in keywords)
    if total == 0:
        return 0.0
    value = 100.0 * sum(k.weight * k.credit for k in keywords) / total
    return round(min(100.0, max(0.0, value)), 1)


def _group_hits(hits: Sequence[SkillHit]) -> dict[str, list[SkillHit]]:
    grouped: dict[str, list[SkillHit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.skill_id].append(hit)
    return dict(grouped)


def _keyword(
    skill_id: str,
    hits: list[SkillHit],
    job_blocks: Sequence[Block],
    evidence: dict[str, Evidence],
    taxonomy: Taxonomy,
) -> KeywordResult:
    skill = taxonomy.skills[skill_id]
    levels = [_level_weight(job_blocks[h.block]) for h in hits]
    strongest = max(range(len(hits)), key=lambda i: (levels[i], -hits[i].block))
    level: Level = job_blocks[hits[strongest].block].level or "other"
    mentions = len({(h.block, h.start) for h in hits})
    weight = levels[strongest] * GROUP_WEIGHT[group_of(skill.category)]
    weight *= 1.0 + MENTION_STEP * min(mentions - 1, MENTION_CAP)
    in_title = any(job_blocks[h.block].level == "title" for h in hits)
    if in_title and level != "title":
        weight *= TITLE_BOOST
    credit, proof = _credit(skill_id, evidence, taxonomy)
    return KeywordResult(
        skill_id=skill_id,
        name=skill.name,
        category=skill.category,
        level=level,
        mentions=mentions,
        weight=round(weight, 3),
        credit=round(credit, 3),
        evidence=proof,
        job_text=job_blocks[hits[strongest].block].text,
    )


def _level_weight(block: Block) -> float:
    weight = LEVEL_WEIGHT[block.level or "other"]
    if block.section in LOW_SECTIONS:
        weight *= LOW_SECTION_WEIGHT
    return weight


def _resume_evidence(blocks: Sequence[Block], hits: Sequence[SkillHit]) -> dict[str, Evidence]:
    """The best place each resume skill appears: shown in use beats claimed, exact beats fuzzy."""
    best: dict[str, Evidence] = {}
    for hit in hits:
        if hit.section in SHOWN_SECTIONS:
            kind: Source = "experience"
        else:
            kind = "skills_list" if hit.section == "skills" else "other"
        ev = Evidence(
            kind=kind,
            skill_id=hit.skill_id,
            text=blocks[hit.block].text,
            section=hit.section,
            block=hit.block,
            fuzzy=hit.fuzzy,
        )
        held = best.get(hit.skill_id)
        if held is None or _direct_value(ev) > _direct_value(held):
            best[hit.skill_id] = ev
    return best


def _direct_value(ev: Evidence) -> float:
    value = CREDIT_SHOWN if ev.kind == "experience" else CREDIT_CLAIMED
    return value * (FUZZY_FACTOR if ev.fuzzy else 1.0)


def _credit(
    skill_id: str, evidence: dict[str, Evidence], taxonomy: Taxonomy
) -> tuple[float, tuple[Evidence, ...]]:
    """Best credit for one keyword and the resume evidence behind it (strongest first)."""
    options: list[tuple[float, Evidence, Source]] = []
    if skill_id in evidence:
        ev = evidence[skill_id]
        options.append((_direct_value(ev), ev, ev.kind))
    relatives: list[tuple[str, float, Source]] = [
        (child, CREDIT_CHILD, "child") for child in taxonomy.children(skill_id)
    ]
    relatives += [(p.id, CREDIT_PARENT, "parent") for p in taxonomy.skills[skill_id].parents]
    relatives += [
        (r.id, RELATED_FACTOR * r.weight, "related") for r in taxonomy.related_to(skill_id)
    ]
    for other, factor, kind in relatives:
        if other in evidence:
            ev = evidence[other]
            options.append((factor * _direct_value(ev), ev, kind))
    if not options:
        return 0.0, ()
    options.sort(key=lambda o: (-o[0], o[1].skill_id))
    best = options[:3]
    return best[0][0], tuple(ev if ev.kind == kind else _as_kind(ev, kind) for _, ev, kind in best)


def _as_kind(ev: Evidence, kind: Source) -> Evidence:
    """The same resume evidence, seen through a relation (pydantic's model_copy is 10x slower)."""
    return Evidence(kind=kind, skill_id=ev.skill_id, text=ev.text, section=ev.section,
                    block=ev.block, fuzzy=ev.fuzzy)  # fmt: skip
