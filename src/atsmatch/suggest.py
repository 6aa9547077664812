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


def missing_keywords(
    keywords: Sequence[KeywordResult],
    resume_blocks: Sequence[Block],
    resume_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
) -> tuple[MissingKeyword, ...]:
    """Job keywords the resume lacks, highest weight first, with a placement hint for each."""
    by_block: dict[int, set[str]] = {}
    for hit in resume_hits:
        by_block.setdefault(hit.block, set()).add(hit.skill_id)
    result = []
    for keyword in keywords:
        if keyword.credit >= MISSING_BELOW:
            continue
        related = tuple(dict.fromkeys(taxonomy.skills[e.skill_id].name for e in keyword.evidence))
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
                related_evidence=related,
                placement=_placement(keyword, resume_blocks, by_block, taxonomy),
                certification=covering[0].name if covering and not related else None,
            )
        )
    return tuple(result)


def _placement(
    keyword: KeywordResult,
    blocks: Sequence[Block],
    by_block: dict[int, set[str]],
    taxonomy: Taxonomy,
) -> Placement:
    """A bullet that already shows related work, else the skills list, else the summary."""
    for ev in keyword.evidence:
        block = blocks[ev.block]
        if block.kind == "bullet" and block.section in {"experience", "projects"}:
            shown = taxonomy.skills[ev.skill_id].name
            return Placement(
                where="bullet",
                block=ev.block,
                text=block.text,
                reason=f"this bullet already shows {shown} ({ev.kind} skill); name "
                f"{keyword.name} here if you used it in this work",
            )
    category = keyword.category
    best: tuple[int, int] | None = None
    for index, named in by_block.items():
        block = blocks[index]
        if block.kind != "bullet" or block.section not in {"experience", "projects"}:
            continue
        same = sum(1 for s in named if taxonomy.skills[s].category == category)
        if same and (best is None or (same, -index) > (best[0], -best[1])):
            best = (same, index)
    if best is not None and group_of(category) == "hard_skills":
        block = blocks[best[1]]
        return Placement(
            where="bullet",
            block=best[1],
            text=block.text,
            reason=f"this bullet already names tools of the same kind; if {keyword.name} was "
            "part of this work, say so here",
        )
    if group_of(category) in _SUMMARY_GROUPS:
        summary = _first(blocks, "summary")
        return Placement(
            where="summary",
            block=summary,
            text=blocks[summary].text if summary is not None else None,
            reason=f"show {keyword.name} in your summary and back it with a bullet that "
            "demonstrates it",
        )
    listed = _first(blocks, "skills", kind="line")
    return Placement(
        where="skills",
        block=listed,
        text=blocks[listed].text if listed is not None else None,
        reason=f"add {keyword.name} to your skills section only if you have used it, and "
        "mention it in a bullet where you did",
    )


def _first(blocks: Sequence[Block], section: str, *, kind: str | None = None) -> int | None:
    for index, block in enumerate(blocks):
        if block.section == section and block.kind != "heading" and kind in (None, block.kind):
            return index
    return None
