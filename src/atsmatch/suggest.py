"""Missing keywords, ranked by weight, each with the place in the resume where it would belong."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from atsmatch.models import Block, KeywordResult, MissingKeyword, Placement, SkillHit
from atsmatch.score import group_of

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = ["MISSING_BELOW", "missing_keywords"]

# A keyword counts as missing while the resume does not name it (credit only from relatives).
MISSING_BELOW = 0.7
_SUMMARY_GROUPS = frozenset({"soft_skills", "concepts"})
_WORK_SECTIONS = frozenset({"experience", "projects", "volunteer"})


def missing_keywords(
    keywords: Sequence[KeywordResult],
    resume_blocks: Sequence[Block],
    resume_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
) -> tuple[MissingKeyword, ...]:
    """Job keywords the resume lacks, highest weight first, with a placement hint for each.

    Related evidence is every resume skill near the keyword in the taxonomy: a more specific
    skill (EKS for Kubernetes), a broader one, a declared relative, or a sibling of the same
    category under the same parent (Docker for Kubernetes, both containerisation). With related
    evidence the hint points at the bullet that shows most of it, where the keyword could be
    named if it was really used there; without any, the keyword is a real gap (`gap=True`) and a
    certification that covers it is named.
    """
    by_skill: dict[str, list[int]] = {}
    for hit in resume_hits:
        blocks = by_skill.setdefault(hit.skill_id, [])
        if hit.block not in blocks:
            blocks.append(hit.block)
    result = []
    for keyword in keywords:
        if keyword.credit >= MISSING_BELOW:
            continue
        related = _related_shown(keyword, by_skill, taxonomy)
        if keyword.any_of:
            related, keyword = _group_evidence(keyword, related, by_skill, taxonomy)
        covering = taxonomy.certifications_covering(keyword.skill_id)
        result.append(
            MissingKeyword(
                skill_id=keyword.skill_id,
                name=keyword.name,
                category=keyword.category,
                level=keyword.level,
                weight=keyword.weight,
                partial_credit=keyword.credit,
                job_text=keyword.job_text,
                related_evidence=tuple(taxonomy.skills[r].name for r in related),
                placement=_placement(keyword, related, resume_blocks, by_skill, taxonomy),
                certification=covering[0].name if covering and not related else None,
                gap=not related,
                any_of=keyword.any_of,
            )
        )
    return tuple(result)


def _group_evidence(
    keyword: KeywordResult,
    related: list[str],
    by_skill: dict[str, list[int]],
    taxonomy: Taxonomy,
) -> tuple[list[str], KeywordResult]:
    """An unmet any-of group: what relates to any option, and the keyword renamed "A or B" for
    the placement hints (the options stay in `any_of`)."""
    options = {o.skill_id for o in keyword.any_of}
    for option in keyword.any_of:
        more = [r for r in taxonomy.neighbours(option.skill_id) if r in by_skill]
        related += [r for r in more if r not in options and r not in related]
    label = " or ".join(o.name for o in keyword.any_of)
    return related, keyword.model_copy(update={"name": label})


def _related_shown(
    keyword: KeywordResult, by_skill: dict[str, list[int]], taxonomy: Taxonomy
) -> list[str]:
    """Resume skills related to the keyword: the scorer's evidence first, then the graph."""
    sid = keyword.skill_id
    candidates = dict.fromkeys([*(e.skill_id for e in keyword.evidence), *taxonomy.neighbours(sid)])
    return [c for c in candidates if c != sid and c in by_skill]


def _placement(
    keyword: KeywordResult,
    related: Sequence[str],
    blocks: Sequence[Block],
    by_skill: dict[str, list[int]],
    taxonomy: Taxonomy,
) -> Placement:
    """The bullet that shows most related work, else the skills list or summary."""
    shown: dict[int, list[str]] = {}
    for rid in related:
        for index in by_skill[rid]:
            block = blocks[index]
            if block.kind == "bullet" and block.section in _WORK_SECTIONS:
                shown.setdefault(index, []).append(taxonomy.skills[rid].name)
    if shown:
        best = min(
            shown,
            key=lambda i: (blocks[i].section != "experience", -len(shown[i]), i),
        )
        names = " and ".join(shown[best][:3])
        return Placement(
            where="bullet",
            block=best,
            text=blocks[best].text,
            reason=f"this bullet already shows {names}; if you used {keyword.name} in this "
            "work, name it here",
        )
    if related:
        names = " and ".join(taxonomy.skills[r].name for r in related[:3])
        beside = [i for r in related for i in by_skill[r] if blocks[i].section == "skills"]
        listed = beside[0] if beside else _first(blocks, "skills", kind="line")
        return Placement(
            where="skills",
            block=listed,
            text=blocks[listed].text if listed is not None else None,
            reason=f"your resume names {names} but no bullet shows related work; add "
            f"{keyword.name} beside it only if you have used it, with a bullet that shows it",
        )
    if group_of(keyword.category) in _SUMMARY_GROUPS:
        summary = _first(blocks, "summary")
        return Placement(
            where="summary",
            block=summary,
            text=blocks[summary].text if summary is not None else None,
            reason=f"real gap: nothing in the resume relates to {keyword.name}; if you have "
            "it, show it in your summary and back it with a bullet that demonstrates it",
        )
    listed = _skills_line(keyword.category, blocks, by_skill, taxonomy)
    return Placement(
        where="skills",
        block=listed,
        text=blocks[listed].text if listed is not None else None,
        reason=f"real gap: nothing in the resume relates to {keyword.name}; add it to your "
        "skills only once you have used it, and mention it in a bullet where you did",
    )


def _skills_line(
    category: str, blocks: Sequence[Block], by_skill: dict[str, list[int]], taxonomy: Taxonomy
) -> int | None:
    """The skills-section line that lists most skills of the same category (then group)."""
    group = group_of(category)
    score: dict[int, tuple[int, int]] = {}
    for skill_id, indices in by_skill.items():
        other = taxonomy.skills[skill_id].category
        for index in indices:
            if blocks[index].section == "skills" and blocks[index].kind != "heading":
                same, near = score.get(index, (0, 0))
                score[index] = (same + (other == category), near + (group_of(other) == group))
    if not score or max(score.values()) == (0, 0):
        return _first(blocks, "skills", kind="line")
    return min(score, key=lambda i: (-score[i][0], -score[i][1], i))


def _first(blocks: Sequence[Block], section: str, *, kind: str | None = None) -> int | None:
    for index, block in enumerate(blocks):
        if block.section == section and block.kind != "heading" and kind in (None, block.kind):
            return index
    return None
