"""Walks of the skill graph: children, ancestors, descendants, neighbours, related, covering.

Parents form a DAG (validation rejects cycles), so every walk ends. The edge indexes are built
once from the skills; the walks are memoised on first use, one dict write each, which is safe
under the GIL (two threads racing write the same tuple).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from atsmatch.taxonomy._schema import Relation, Skill

__all__ = ["SkillGraph"]


class SkillGraph:
    """The parent, related and `covers` edges of a set of skills, walked in both directions."""

    __slots__ = (
        "_ancestors",
        "_children",
        "_covering",
        "_descendants",
        "_neighbours",
        "_related",
        "_skills",
    )

    def __init__(self, skills: Mapping[str, Skill]) -> None:
        children: dict[str, list[str]] = defaultdict(list)
        related: dict[str, dict[str, Relation]] = defaultdict(dict)
        covering: dict[str, list[Skill]] = defaultdict(list)
        for s in skills.values():
            for p in s.parents:
                children[p.id].append(s.id)
            for r in s.related:
                related[s.id].setdefault(r.id, r)
                related[r.id].setdefault(s.id, r.model_copy(update={"id": s.id}))
            for target in s.covers:
                covering[target.id].append(s)
        self._skills = skills
        self._children = {k: tuple(sorted(v)) for k, v in children.items()}
        self._related = {
            k: tuple(sorted(v.values(), key=lambda r: (-r.weight, r.id)))
            for k, v in related.items()
        }
        self._covering = {
            k: tuple(sorted(v, key=lambda c: (c.status != "active", c.id)))
            for k, v in covering.items()
        }
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._descendants: dict[str, tuple[str, ...]] = {}
        self._neighbours: dict[str, tuple[str, ...]] = {}

    def children(self, skill_id: str) -> tuple[str, ...]:
        """Ids of the skills that list `skill_id` among their parents (any relation)."""
        return self._children.get(skill_id, ())

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        """Every skill reachable through parents, nearest first."""
        found = self._ancestors.get(skill_id)
        if found is None:
            out: list[str] = []
            frontier = [skill_id]
            seen = {skill_id}
            while frontier:
                nxt: list[str] = []
                for sid in frontier:
                    skill = self._skills.get(sid)
                    for p in skill.parents if skill else ():
                        if p.id not in seen:
                            seen.add(p.id)
                            out.append(p.id)
                            nxt.append(p.id)
                frontier = nxt
            found = self._ancestors[skill_id] = tuple(out)
        return found

    def descendants(self, skill_id: str) -> tuple[str, ...]:
        """Every skill below `skill_id` through children, nearest first."""
        found = self._descendants.get(skill_id)
        if found is None:
            out: list[str] = []
            seen = {skill_id}
            frontier = [skill_id]
            while frontier:
                frontier = [c for f in frontier for c in self.children(f) if c not in seen]
                seen.update(frontier)
                out += frontier
            found = self._descendants[skill_id] = tuple(dict.fromkeys(out))
        return found

    def neighbours(self, skill_id: str) -> tuple[str, ...]:
        """Skills near `skill_id` that show related work: every more specific skill (nearest
        first), the related ones, siblings of the same category, then the parents."""
        found = self._neighbours.get(skill_id)
        if found is None:
            skill = self._skills[skill_id]
            near = [*self.descendants(skill_id), *(r.id for r in self.related_to(skill_id))]
            for parent in skill.parents:
                near += [
                    c
                    for c in self.children(parent.id)
                    if c != skill_id and self._skills[c].category == skill.category
                ]
            near += [p.id for p in skill.parents]
            found = tuple(c for c in dict.fromkeys(near) if c != skill_id)
            self._neighbours[skill_id] = found
        return found

    def related_to(self, skill_id: str) -> tuple[Relation, ...]:
        """Related skills, whichever side declared the edge; highest weight first."""
        return self._related.get(skill_id, ())

    def certifications_covering(self, skill_id: str) -> tuple[Skill, ...]:
        """Certifications whose `covers` lists `skill_id`; active ones first."""
        return self._covering.get(skill_id, ())
