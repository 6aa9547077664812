"""Role profiles: finding one by what a person types, and the posting a profile stands for.

A role is found by its id, its name or one of its aliases, case-insensitively ("MLOps Engineer",
"mlops-engineer", "ML Ops"); a name that matches none is a `UnknownRoleError` naming the
closest roles.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from atsmatch.errors import UnknownRoleError
from atsmatch.models import Block, Document, JobPosting, Level

if TYPE_CHECKING:
    from atsmatch.taxonomy import RoleProfile, Taxonomy

__all__ = ["ROLE_SOURCE", "find_role", "role_postings"]

ROLE_SOURCE = "role:"  # the label of a posting made from a profile, before its id (display only)

_SEPARATORS = re.compile(r"[\s_\-/]+")


def _key(text: str) -> str:
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def find_role(taxonomy: Taxonomy, name: str) -> RoleProfile:
    """The profile whose id, name or alias is `name` (case and separators aside).

    >>> from atsmatch.taxonomy import load_taxonomy
    >>> find_role(load_taxonomy(), "MLOps Engineer").id
    'mlops-engineer'
    """
    names = taxonomy.derived(_role_names)
    found = names.get(_key(name))
    if found is not None:
        return taxonomy.roles[found]
    close = difflib.get_close_matches(_key(name), list(names), n=6, cutoff=0.6)
    suggestions = tuple(dict.fromkeys(names[c] for c in close))[:3]
    raise UnknownRoleError(name, suggestions, sorted(taxonomy.roles))


def _role_names(taxonomy: Taxonomy) -> dict[str, str]:
    """Every lookup form of every role (id, name, aliases) -> role id; ids win over names."""
    names: dict[str, str] = {}
    for role in taxonomy.roles.values():
        for form in (role.name, *role.aliases):
            names.setdefault(_key(form), role.id)
    names.update({_key(role_id): role_id for role_id in taxonomy.roles})
    return names


def role_postings(taxonomy: Taxonomy) -> Mapping[str, JobPosting]:
    """The posting each role profile stands for, by role id (`taxonomy.derived(role_postings)`
    makes them once per vocabulary, so their analyses are reused across matches)."""
    return MappingProxyType({r.id: _posting(taxonomy, r) for r in taxonomy.roles.values()})


def _posting(taxonomy: Taxonomy, profile: RoleProfile) -> JobPosting:
    """A job posting made from a role profile: core skills required, nice-to-haves preferred.

    The posting carries the role's id (`JobPosting.role`), so it is weighed with the profile's
    own skill weights.
    """
    skills = taxonomy.skills
    blocks = [Block(text=profile.name, kind="line", section="title", line=0, level="title")]
    levels: tuple[tuple[Level, tuple[tuple[str, float], ...]], ...] = (
        ("required", profile.core),
        ("preferred", profile.nice),
    )
    for level, entries in levels:
        for skill_id, _weight in entries:
            blocks.append(
                Block(
                    text=skills[skill_id].name,
                    kind="bullet",
                    section=level,
                    line=len(blocks),
                    level=level,
                )
            )
    document = Document(source=ROLE_SOURCE + profile.id, format="text")
    return JobPosting(
        document=document,
        title=profile.name,
        core_title=profile.name,
        blocks=tuple(blocks),
        role=profile.id,
    )
