"""Requirement groups: the alternatives a posting accepts ("Airflow or Dagster", "one of A, B, C").

A recruiter who writes "Snowflake, BigQuery or Redshift" asks for one warehouse, not three. A
group is a run of skills in one block joined only by commas, slashes and "or" (at least one "or"
or slash, and no "and"), or a list after a cue that offers examples ("one of", "any of", "at
least one of", "such as", "e.g.", "for example"). "A and B" stays two demands, and so
does "A, B and C" without a cue.

>>> from atsmatch.models import Block, SkillHit
>>> def hit(sid, start, end):
...     return SkillHit(skill_id=sid, name=sid, category="tool", alias=sid, text=sid,
...                     start=start, end=end, block=0, line=0, section="required")
>>> text = "Experience with Airflow or Dagster"
>>> [g.members for g in find_groups([Block(text=text, kind="line", section="required", line=0)],
...                               [hit("airflow", 16, 23), hit("dagster", 27, 34)])]
[('airflow', 'dagster')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from atsmatch.models import Block, SkillHit

__all__ = ["AnyOf", "find_groups"]

# What may stand between two members of a run: commas, slashes, "or", "and", "and/or", an opening
# parenthesis after the cue ("one cloud (AWS, Azure or GCP)").
_JOINER = re.compile(
    r"^(?:\s*,\s*(?:(?P<or1>or|and/or)\s+|(?P<and1>and|&)\s+)?"
    r"|\s*(?P<slash>/)\s*"
    r"|\s+(?P<or2>or|and/or)\s+"
    r"|\s+(?P<and2>and|&)\s+)$",
    re.I,
)
# A cue that turns the list after it into examples of one demand.
_CUE = re.compile(
    r"(?:\b(?:one|any|either)\s+of(?:\s+(?:the\s+)?following)?|\bat\s+least\s+one(?:\s+of)?"
    r"(?:\s+[a-z-]+){0,3}|\bsuch\s+as|\be\.g\.?|\bfor\s+example|\bfor\s+instance)\s*[:(,]?\s*$",
    re.I,
)
_CUE_WINDOW = 40  # characters before a run searched for a cue


@dataclass(frozen=True, slots=True)
class AnyOf:
    """One any-of group: the block it is in, its members (skill ids, in text order) and the
    indexes of the hits that form it."""

    block: int
    members: tuple[str, ...]
    hits: tuple[int, ...]


def _offers(joiner: re.Match[str]) -> bool:
    """True for a joiner that offers an alternative: "or", "and/or" or a slash."""
    return any(joiner[name] for name in ("or1", "or2", "slash"))


def find_groups(blocks: Sequence[Block], hits: Sequence[SkillHit]) -> tuple[AnyOf, ...]:
    """Every any-of group among `hits` (in block order, then text order, as the extractor gives
    them); `blocks` are the blocks the hits index."""
    groups: list[AnyOf] = []
    run: list[int] = []
    cued = False
    joined_by_or = False
    joined_by_and = False

    def close() -> None:
        members = tuple(dict.fromkeys(hits[i].skill_id for i in run))
        if len(members) >= 2 and (cued or (joined_by_or and not joined_by_and)):
            groups.append(AnyOf(hits[run[0]].block, members, tuple(run)))

    for index, hit in enumerate(hits):
        text = blocks[hit.block].text
        joiner = None
        if run:
            prev = hits[run[-1]]
            if prev.block == hit.block and prev.end <= hit.start:
                joiner = _JOINER.match(text[prev.end : hit.start])
        if joiner is not None and joined_by_or and not _offers(joiner):
            joiner = None  # "Spark or Ray, MLflow", "A or B, and C": the group ended at the "or"
        if joiner is not None:
            run.append(index)
            joined_by_or |= bool(joiner["or1"] or joiner["or2"] or joiner["slash"])
            joined_by_and |= bool(joiner["and1"] or joiner["and2"])
            continue
        if run:
            close()
        run = [index]
        cued = _CUE.search(text[max(0, hit.start - _CUE_WINDOW) : hit.start]) is not None
        joined_by_or = joined_by_and = False
    if run:
        close()
    return tuple(groups)
