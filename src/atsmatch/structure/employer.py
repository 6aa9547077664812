"""The employer's own name, which is never a skill: "Acme Robotics" asks for no robotics.

A posting names its employer in a few set phrases ("About Acme Robotics", "At Acme, we",
"Acme Robotics is an equal opportunity employer", "Company: Acme", "Join Acme"); a resume names
one per role (`Role.organization`). `drop_names` removes the skill hits that lie inside such a
name, while a skill that is the whole name ("Databricks" at Databricks) stays.

>>> from atsmatch.models import Block
>>> find_employer([Block(text="About Acme Robotics", kind="heading", section="about", line=0)])
'Acme Robotics'
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence

from atsmatch.models import Block, SkillHit

__all__ = ["drop_names", "find_employer"]

_NAME = r"(?P<name>[A-Z][\w&'.-]*(?:\s+(?:&\s+)?[A-Z][\w&'.-]*){0,4})"
# (pattern, the sections it is looked for in: None for anywhere)
_PATTERNS: tuple[tuple[re.Pattern[str], frozenset[str] | None], ...] = (
    (re.compile(rf"^(?:company|employer|organi[sz]ation)\s*:\s*{_NAME}\s*$", re.I), None),
    (re.compile(rf"^(?i:about)\s+{_NAME}\s*:?\s*$"), None),
    (re.compile(rf"\b(?i:at)\s+{_NAME},\s+(?:we|our)\b"), None),
    (re.compile(rf"\b(?i:join)\s+{_NAME}(?:\s+(?:as|and|to|in)\b|[.,!])"), None),
    (re.compile(rf"^{_NAME}\s+(?:is|are)\s+(?:an?\s+)?(?:equal|proud|committed)\b"), None),
    (
        re.compile(rf"^{_NAME}\s+(?:is|are|was|has|builds|runs|makes|helps)\s+"),
        frozenset({"intro", "about", "team", "legal"}),
    ),
)
# Words a name found by the loose patterns must not be: headings and pronouns read as names.
_NOT_NAMES = frozenset(
    {"us", "we", "our", "the", "the team", "the role", "the company", "you", "this", "it", "you'll"}
)
_LINES = 40  # the employer is named near the top or in the closing boilerplate


def find_employer(blocks: Sequence[Block]) -> str | None:
    """The employer a posting names in one of the set phrases, else None."""
    candidates = [*blocks[:_LINES], *blocks[-_LINES:]]
    for pattern, sections in _PATTERNS:
        for block in candidates:
            if sections is not None and block.section not in sections:
                continue
            match = pattern.search(block.text.strip())
            if match is None:
                continue
            name = match.group("name").strip(" .,")
            words = name.split()
            if name.casefold() in _NOT_NAMES or words[0].casefold() in _NOT_NAMES:
                continue
            return name
    return None


def drop_names(
    blocks: Sequence[Block], hits: Iterable[SkillHit], names: Iterable[str]
) -> list[SkillHit]:
    """`hits` less those inside one of `names` as written in their block (and not all of it)."""
    hits = list(hits)
    names = [name for name in dict.fromkeys(names) if name.strip()]
    if not names or not hits:
        return hits
    # One `str.find` a name over all the texts run together finds where it stands, without a
    # regular expression: one that opens with a look-behind is tried at every character.
    texts = [block.text for block in blocks]  # each read once: a model's reads are slow ones
    ends = list(itertools.accumulate(map(len, texts)))  # where each block ends in `joined`
    joined = "".join(texts)
    named: dict[int, list[tuple[int, int]]] = {}  # block -> where a name stands in it
    for name in names:
        for index, start, end in _standing(joined, ends, name):
            named.setdefault(index, []).append((start, end))
    if not named:
        return hits
    where = [hit.block for hit in hits]  # read once: a model's attribute reads are slow ones
    return [
        hit
        for hit, index in zip(hits, where, strict=True)
        if index not in named or not _inside(hit, named[index])
    ]


def _standing(joined: str, ends: list[int], name: str) -> Iterator[tuple[int, int, int]]:
    """Where `name` stands as a whole word in one block (`joined`: the blocks' texts run
    together, each ending at its `ends`), as (block, start, end) in the block, from left to
    right and not overlapping: the matches of `(?<!\\w)name(?!\\w)` in each block's text."""
    size = len(name)
    at = joined.find(name)
    while at >= 0:
        index = bisect_right(ends, at)
        first, last, stop = ends[index - 1] if index else 0, ends[index], at + size
        if (
            stop <= last
            and (at == first or not _word(joined[at - 1]))
            and (stop == last or not _word(joined[stop]))
        ):
            yield index, at - first, stop - first
            at = joined.find(name, stop)
        else:
            at = joined.find(name, at + 1)


def _word(char: str) -> bool:
    """True for a character `\\w` matches: a letter, a digit or "_"."""
    return char.isalnum() or char == "_"


def _inside(hit: SkillHit, spans: Iterable[tuple[int, int]]) -> bool:
    """True when `hit` lies inside one of `spans` and is not all of it."""
    return any(
        start <= hit.start and hit.end <= end and (start, end) != (hit.start, hit.end)
        for start, end in spans
    )
