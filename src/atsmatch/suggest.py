"""Missing keywords, ranked by weight, each with the place in the resume where it would belong;
and the certifications of a match (held, asked for, retired, satisfied by a successor)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from atsmatch._hitrows import HitRow, hit_rows
from atsmatch.models import (
    Alternative,
    Block,
    CertificationNote,
    Evidence,
    KeywordResult,
    MissingKeyword,
    Placement,
    SkillHit,
)
from atsmatch.score import group_of

if TYPE_CHECKING:
    from atsmatch.taxonomy import Skill, Taxonomy

__all__ = [
    "MISSING_BELOW",
    "active_covering",
    "certification_label",
    "certification_notes",
    "missing_keywords",
    "shown_skills",
    "skill_names",
]

# The models a match makes by the dozen, each `_trusted` looked up once: a model class's own
# attribute reads are slow (pydantic's metaclass defines `__getattr__`) and bind a method anew.
_missing_keyword = MissingKeyword._trusted
_placed = Placement._trusted

# A keyword counts as missing while the resume does not name it (credit only from relatives).
MISSING_BELOW = 0.7
_SUMMARY_GROUPS = frozenset({"soft_skills", "concepts"})
_WORK_SECTIONS = frozenset({"experience", "projects", "volunteer"})
# The categories and the groups of the skills a skills line names, in the same order.
_Listed = tuple[list[str], list[str]]
# Each resume block's text, section and kind, in block order.
Layout = tuple[Sequence[str], Sequence[str], Sequence[str]]


def missing_keywords(
    keywords: Sequence[KeywordResult],
    resume_blocks: Sequence[Block],
    resume_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    rows: Sequence[HitRow] | None = None,
    layout: Layout | None = None,
    keyword_fields: Sequence[dict[str, Any]] | None = None,
) -> tuple[MissingKeyword, ...]:
    """Job keywords the resume lacks, highest weight first, with a placement hint for each.

    Related evidence is every resume skill near the keyword in the taxonomy: a more specific
    skill (EKS for Kubernetes), a broader one, a declared relative, or a sibling of the same
    category under the same parent (Docker for Kubernetes, both containerisation). With related
    evidence the hint points at the bullet that shows most of it, where the keyword could be
    named if it was really used there; without any, the keyword is a real gap (`gap=True`) and a
    certification that covers it is named.

    The keywords and their placements are made without validating them again (`_trusted`):
    every value is ours, of the field's own type. `rows` is `hit_rows(resume_hits)`, `layout`
    the blocks' texts, sections and kinds, `keyword_fields` each keyword's `__dict__`, when the
    caller kept them.
    """
    by_skill: dict[str, list[int]] = {}
    for skill_id, _, _, block, _, _, _, _ in hit_rows(resume_hits) if rows is None else rows:
        blocks = by_skill.setdefault(skill_id, [])
        if block not in blocks:
            blocks.append(block)
    places = _Places(*(layout or _layout(resume_blocks)), by_skill, taxonomy)
    summary = places.first("summary")  # where every soft skill or concept gap goes
    covering = taxonomy.derived(_first_covering)
    name_of = taxonomy.derived(skill_names)
    result = []
    # Every field in one read (a model's attribute reads are slow).
    if keyword_fields is None:
        keyword_fields = [k.__dict__ for k in keywords]
    for fields in keyword_fields:
        credit = fields["credit"]
        if credit >= MISSING_BELOW:
            continue
        skill_id, any_of, category = fields["skill_id"], fields["any_of"], fields["category"]
        related = _related_shown(skill_id, fields["evidence"], by_skill, taxonomy)
        name = fields["name"]
        if any_of:  # named "A or B", its other fields the same
            related, name = _group_evidence(any_of, related, by_skill, taxonomy)
        result.append(
            _missing_keyword(
                skill_id=skill_id,
                name=name,
                category=category,
                level=fields["level"],
                weight=fields["weight"],
                partial_credit=credit,
                job_text=fields["job_text"],
                related_evidence=tuple([name_of[r] for r in related]),
                placement=_placement(skill_id, name, category, related, places, summary, taxonomy),
                certification=None if related else covering.get(skill_id),
                gap=not related,
                any_of=any_of,
            )
        )
    return tuple(result)


def _group_evidence(
    any_of: Sequence[Alternative],
    related: list[str],
    by_skill: dict[str, list[int]],
    taxonomy: Taxonomy,
) -> tuple[list[str], str]:
    """An unmet any-of group (its options `any_of`): what relates to any option, and the group
    named "A or B" for the placement hints."""
    options = {o.skill_id for o in any_of}
    for option in any_of:
        more = list(filter(by_skill.__contains__, taxonomy.neighbours(option.skill_id)))
        related += [r for r in more if r not in options and r not in related]
    return related, " or ".join(o.name for o in any_of)


def _related_shown(
    sid: str,
    evidence: Sequence[Evidence],
    by_skill: dict[str, list[int]],
    taxonomy: Taxonomy,
) -> list[str]:
    """Resume skills related to the keyword `sid` (credited by `evidence`): the scorer's
    evidence first, then the graph."""
    # Filtered (at C speed) before the duplicates go: a neighbour list can be long, the
    # resume's skills few. Most gaps' neighbours hold none of them: a set test says so first.
    neighbours = taxonomy.neighbours(sid)
    near = (
        []
        if by_skill.keys().isdisjoint(neighbours)
        else list(filter(by_skill.__contains__, neighbours))
    )
    if not evidence:  # the graph's neighbours repeat none and leave the keyword out
        return near
    candidates = [e.skill_id for e in evidence] + near
    return [c for c in dict.fromkeys(candidates) if c != sid and c in by_skill]


def _layout(blocks: Sequence[Block]) -> Layout:
    """Each block's text, section and kind (`ResumeAnalysis` keeps them per resume)."""
    return [b.text for b in blocks], [b.section for b in blocks], [b.kind for b in blocks]


class _Places:
    """The resume's blocks' texts, sections and kinds, read once per resume (a model's
    attribute reads are slow), and the blocks that name each skill, for the placement hints."""

    def __init__(
        self,
        texts: Sequence[str],
        sections: Sequence[str],
        kinds: Sequence[str],
        by_skill: dict[str, list[int]],
        taxonomy: Taxonomy,
    ) -> None:
        self.texts = texts
        self.sections = sections
        self.kinds = kinds
        self.by_skill = by_skill
        self.taxonomy = taxonomy

    @cached_property
    def listed(self) -> dict[int, _Listed]:
        """Skills-section line -> the category and the group of each skill it names (made on
        first need: only a real gap outside the summary's groups asks for it)."""
        lines = {
            i
            for i, (section, kind) in enumerate(zip(self.sections, self.kinds, strict=True))
            if section == "skills" and kind != "heading"
        }
        category_of = self.taxonomy.derived(_categories)
        listed: dict[int, _Listed] = {}
        for skill_id, indices in self.by_skill.items():
            category, group = category_of[skill_id]
            for index in indices:
                if index in lines:
                    categories, groups = listed.setdefault(index, ([], []))
                    categories.append(category)
                    groups.append(group)
        return listed

    def first(self, section: str, *, kind: str | None = None) -> int | None:
        """The first block of `section` that is not a heading (and of `kind`, when given)."""
        for index, (at, its) in enumerate(zip(self.sections, self.kinds, strict=True)):
            if at == section and its != "heading" and kind in (None, its):
                return index
        return None

    def text(self, index: int | None) -> str | None:
        return self.texts[index] if index is not None else None


def _placement(
    skill_id: str,
    name: str,
    category: str,
    related: Sequence[str],
    places: _Places,
    summary: int | None,
    taxonomy: Taxonomy,
) -> Placement:
    """The bullet that shows most related work, else the skills list or summary (the first
    summary block, `summary`); a certification goes under Certifications, never into the
    skills. `name` is the keyword's, or an any-of group's "A or B"."""
    if category == "certification":
        return _certification_placement(skill_id, places, taxonomy)
    sections, kinds, by_skill = places.sections, places.kinds, places.by_skill
    name_of = taxonomy.derived(skill_names)
    shown: dict[int, list[str]] = {}
    for rid in related:
        for index in by_skill[rid]:
            if kinds[index] == "bullet" and sections[index] in _WORK_SECTIONS:
                shown.setdefault(index, []).append(name_of[rid])
    if shown:
        best = min(
            shown,
            key=lambda i: (sections[i] != "experience", -len(shown[i]), i),
        )
        names = " and ".join(shown[best][:3])
        return _placed(
            where="bullet",
            block=best,
            text=places.text(best),
            reason=f"this bullet already shows {names}; if you used {name} in this "
            "work, name it here",
        )
    if related:
        names = " and ".join(name_of[r] for r in related[:3])
        beside = [i for r in related for i in by_skill[r] if sections[i] == "skills"]
        line = beside[0] if beside else places.first("skills", kind="line")
        return _placed(
            where="skills",
            block=line,
            text=places.text(line),
            reason=f"your resume names {names} but no bullet shows related work; add "
            f"{name} beside it only if you have used it, with a bullet that shows it",
        )
    if group_of(category) in _SUMMARY_GROUPS:
        return _placed(
            where="summary",
            block=summary,
            text=places.text(summary),
            reason=f"real gap: nothing in the resume relates to {name}; if you have "
            "it, show it in your summary and back it with a bullet that demonstrates it",
        )
    line = _skills_line(category, places)
    return _placed(
        where="skills",
        block=line,
        text=places.text(line),
        reason=f"real gap: nothing in the resume relates to {name}; add it to your "
        "skills only once you have used it, and mention it in a bullet where you did",
    )


def skill_names(taxonomy: Taxonomy) -> dict[str, str]:
    """Skill id -> its name, once per taxonomy (`taxonomy.derived(skill_names)`): a plain dict,
    where a skill's own attribute reads are slow; shared by suggestions and coaching."""
    return {skill_id: skill.name for skill_id, skill in taxonomy.skills.items()}


def _categories(taxonomy: Taxonomy) -> dict[str, tuple[str, str]]:
    """Skill id -> its category and group, once per taxonomy (`Taxonomy.derived`): a plain
    dict, where a skill's own attribute reads are slow."""
    return {
        skill_id: (skill.category, group_of(skill.category))
        for skill_id, skill in taxonomy.skills.items()
    }


def _skills_line(category: str, places: _Places) -> int | None:
    """The skills-section line that lists most skills of the same category (then group)."""
    group = group_of(category)
    score = {
        index: (categories.count(category), groups.count(group))
        for index, (categories, groups) in places.listed.items()
    }
    if not score or max(score.values()) == (0, 0):
        return places.first("skills", kind="line")
    return min(score, key=lambda i: (-score[i][0], -score[i][1], i))


def active_covering(taxonomy: Taxonomy, skill_id: str) -> list[Skill]:
    """The active certifications that cover a skill (a retired one is never suggested)."""
    return [c for c in taxonomy.certifications_covering(skill_id) if c.status == "active"]


def _first_covering(taxonomy: Taxonomy) -> dict[str, str]:
    """Skill id -> the name of the first active certification that covers it
    (`active_covering`), for the skills one covers; once per taxonomy (`Taxonomy.derived`)."""
    return {
        skill_id: covering[0].name
        for skill_id in taxonomy.skills
        if (covering := active_covering(taxonomy, skill_id))
    }


def certification_label(cert: Skill) -> str:
    """A certification's name with its exam code when the name does not already carry it."""
    if cert.code and cert.code not in cert.name:
        return f"{cert.name} ({cert.code})"
    return cert.name


def shown_skills(cert: Skill, resume_skills: Collection[str]) -> list[str]:
    """Ids of the skills a certification covers that the resume names, in the exam's order."""
    return [c.id for c in cert.covers if c.id in resume_skills]


def _covered_ids(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    """Skill id -> the ids of the skills it covers, in the exam's order (`shown_skills` without
    a skill's slow reads), once per taxonomy (`Taxonomy.derived`)."""
    return {skill_id: tuple([c.id for c in s.covers]) for skill_id, s in taxonomy.skills.items()}


def _names(taxonomy: Taxonomy, ids: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    names = [taxonomy.skills[i].name for i in ids]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _certification_placement(skill_id: str, places: _Places, taxonomy: Taxonomy) -> Placement:
    """A missing certification: what of it the resume already shows, or what to take instead."""
    cert = taxonomy.skills[skill_id]
    listed = places.first("certifications")
    label = certification_label(cert)
    active = [taxonomy.skills[s] for s in cert.superseded_by]
    if cert.status == "retired":
        retired = f"retired on {cert.retired_on.isoformat()}" if cert.retired_on else "retired"
        if active:
            reason = (
                f"{label} is {retired}; the posting's ask is met by its successor "
                f"{' or '.join(certification_label(a) for a in active)}"
            )
        else:
            reason = f"{label} is {retired} and has no successor; it cannot be taken any more"
    elif shown := shown_skills(cert, places.by_skill.keys()):
        reason = f"you show {_names(taxonomy, shown[:3])}; {label} would certify that"
    else:
        reason = f"{label} covers {_names(taxonomy, [c.id for c in cert.covers[:3]])}; "
        reason += "the resume shows none of them yet"
    return _placed(
        where="certifications",
        block=listed,
        text=places.text(listed),
        reason=reason,
    )


_YEAR = re.compile(
    r"\b(?:(?:0?[1-9]|1[0-2])/)?(?:19|20)\d\d\b|\b[A-Z][a-z]{2,8}\.? (?:19|20)\d\d\b"
)


def certification_notes(
    keywords: Sequence[KeywordResult],
    resume_blocks: Sequence[Block],
    resume_hits: Sequence[SkillHit],
    taxonomy: Taxonomy,
    *,
    rows: Sequence[HitRow] | None = None,
    texts: Sequence[str] | None = None,
    keyword_fields: Sequence[dict[str, Any]] | None = None,
) -> tuple[CertificationNote, ...]:
    """Every certification the resume holds or the posting asks for, asked ones first.

    A held one states the date written beside it; a retired one says when it retired and what
    replaced it; an asked one met by a successor says so; a missing one names the skills it
    covers that the resume already shows. `rows` is `hit_rows(resume_hits)`, `texts` each
    block's text and `keyword_fields` each keyword's `__dict__`, when the caller kept them.
    """
    if rows is None:
        rows = hit_rows(resume_hits)
    held: dict[str, SkillHit] = {}
    resume_skills = set()
    for hit, (skill_id, category, _, _, _, _, _, _) in zip(resume_hits, rows, strict=True):
        resume_skills.add(skill_id)
        if category == "certification":
            held.setdefault(skill_id, hit)
    # The hits of each block that holds a certification, for the date written after it.
    in_block: dict[int, list[SkillHit]] = {hit.block: [] for hit in held.values()}
    if in_block:
        for hit, (_, _, _, block, _, _, _, _) in zip(resume_hits, rows, strict=True):
            if (same := in_block.get(block)) is not None:
                same.append(hit)
    if keyword_fields is None:
        keyword_fields = [k.__dict__ for k in keywords]
    asked = {f["skill_id"]: f for f in keyword_fields if f["category"] == "certification"}
    name_of, covers_of = taxonomy.derived(skill_names), taxonomy.derived(_covered_ids)
    notes = []
    for cid in [*asked, *sorted(held.keys() - asked.keys())]:
        cert = taxonomy.skills[cid]
        successors = tuple(taxonomy.skills[s].name for s in cert.superseded_by)
        mention = held.get(cid)
        earned = (
            _earned(mention, resume_blocks, in_block[mention.block], texts)
            if mention is not None
            else None
        )
        via = [e for e in asked[cid]["evidence"] if e.kind == "successor"] if cid in asked else []
        status = "held" if mention is not None else "satisfied" if via else "missing"
        shown = tuple([name_of[s] for s in covers_of[cid] if s in resume_skills])
        parts = []
        if status == "held":
            parts.append(f"held{f' ({earned})' if earned else ''}")
        elif status == "satisfied":
            parts.append(f"met by its successor {taxonomy.skills[via[0].skill_id].name}")
        if cert.status == "retired":
            when = f"retired on {cert.retired_on.isoformat()}" if cert.retired_on else "retired"
            parts.append(when + (f"; successor: {' or '.join(successors)}" if successors else ""))
        if status == "missing" and cert.status == "active":
            label = certification_label(cert)
            parts.append(
                f"you show {', '.join(shown[:3])}; {label} would certify that"
                if shown
                else f"not held; {label} covers skills the resume does not show yet"
            )
        notes.append(
            CertificationNote._trusted(  # our own values, of the fields' types
                skill_id=cid,
                name=cert.name,
                code=cert.code,
                level=cert.level,
                status=status,
                asked=cid in asked,
                earned=earned,
                retired_on=cert.retired_on.isoformat() if cert.retired_on else None,
                successors=successors,
                shown=shown,
                prep_weeks=cert.prep_weeks,
                note="; ".join(parts),
            )
        )
    return tuple(notes)


def _earned(
    hit: SkillHit,
    blocks: Sequence[Block],
    same: Sequence[SkillHit],
    texts: Sequence[str] | None = None,
) -> str | None:
    """The date written after a certification, before the next skill in the same block (`same`
    holds the block's hits; `texts` each block's text, when the caller kept them)."""
    end, skill_id = hit.end, hit.skill_id
    ends = [h.start for h in same if h.start >= end and h.skill_id != skill_id]
    block = texts[hit.block] if texts is not None else blocks[hit.block].text
    text = block[end : min(ends, default=None)]
    found = _YEAR.search(text)
    return found.group(0) if found else None
