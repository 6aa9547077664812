"""The serial ranking core: match each item against one fixed side, then order the entries.

`Matcher.rank` runs it in this process; `atsmatch.batch` runs the same `outcome` per item in
worker processes or on any executor and orders the outcomes with the same `order`, so serial
and parallel rankings are identical. An item that cannot be read becomes an entry carrying a
`RankError` instead of stopping the batch.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import Protocol

from atsmatch._types import DocumentInput, JobInput, ResumeInput
from atsmatch.errors import AtsmatchError
from atsmatch.models import Document, JobPosting, MatchReport, RankedResult, RankError, Resume

__all__ = ["TOP_MISSING", "Item", "Outcome", "label", "order", "outcome", "rank_serial"]

TOP_MISSING = 5
"""How many missing keyword names an entry lists."""

Item = ResumeInput | JobInput
"""A batch item: text, bytes, a path, a read `Document`, or an already parsed side."""

Outcome = MatchReport | RankError
"""One item's outcome: its report, or why it could not be read."""


class _Matches(Protocol):
    """What the core needs of a `Matcher` (kept structural so this module sits below `_api`)."""

    def read(self, source: DocumentInput, *, name: str | None = None) -> Document: ...

    def match(
        self,
        resume: ResumeInput,
        job: JobInput | None = None,
        *,
        role: str | None = None,
        today: date | None = None,
    ) -> MatchReport: ...


def rank_serial(
    matcher: _Matches,
    fixed: JobPosting | Resume,
    items: Sequence[Item],
    names: Sequence[str] | None,
    today: date,
) -> list[RankedResult]:
    """Match every item against `fixed` with one matcher, in order, and rank the outcomes."""
    given = check_names(names, items)
    labels = [label(item, name) for item, name in zip(items, given, strict=True)]
    outcomes = [
        outcome(matcher, fixed, item, name, lab, today)
        for item, name, lab in zip(items, given, labels, strict=True)
    ]
    return order(outcomes, labels)


def check_names(names: Sequence[str] | None, items: Sequence[Item]) -> list[str | None]:
    """One name (or None) per item; a count that does not fit is a `ValueError`."""
    if names is None:
        return [None] * len(items)
    if len(names) != len(items):
        raise ValueError(f"{len(names)} names for {len(items)} documents")
    return list(names)


def label(item: Item, name: str | None) -> str:
    """How an entry names its item: the name given, else the path, source or kind of input."""
    if name:
        return name
    if isinstance(item, Resume | JobPosting):
        return item.document.source
    if isinstance(item, Document):
        return item.source
    if isinstance(item, bytes):
        return "<bytes>"
    if isinstance(item, str):
        return "<text>"
    return os.fspath(item)


def outcome(
    matcher: _Matches,
    fixed: JobPosting | Resume,
    item: Item,
    name: str | None,
    source: str,
    today: date,
) -> Outcome:
    """Match one item against the fixed side; a reading error becomes a `RankError`."""
    try:
        if name is not None and not isinstance(item, Document | Resume | JobPosting):
            item = matcher.read(item, name=name)
        if isinstance(fixed, JobPosting):
            if isinstance(item, JobPosting):
                raise TypeError("rank() takes resumes, not job postings, against a job")
            return matcher.match(item, fixed, today=today)
        if isinstance(item, Resume):
            raise TypeError("rank_jobs() takes job postings, not resumes, against a resume")
        return matcher.match(fixed, item, today=today)
    except AtsmatchError as exc:
        message = str(exc).splitlines()[0] if str(exc) else ""
        return RankError(type=type(exc).__name__, message=message, source=source)


def order(outcomes: Sequence[Outcome], labels: Sequence[str]) -> list[RankedResult]:
    """Score, then parseability (highest first), then label, then input order; errors last."""

    def key(index: int) -> tuple[int, float, float, str, int]:
        found = outcomes[index]
        if isinstance(found, RankError):
            return (1, 0.0, 0.0, labels[index], index)
        parseability = found.parseability if found.parseability is not None else -1.0
        return (0, -found.score, -parseability, labels[index], index)

    ranked = []
    for position, index in enumerate(sorted(range(len(outcomes)), key=key), start=1):
        found = outcomes[index]
        if isinstance(found, RankError):
            entry = RankedResult(rank=position, index=index, source=labels[index], error=found)
        else:
            entry = RankedResult(
                rank=position,
                index=index,
                source=labels[index],
                score=found.score,
                verdict=found.verdict,
                parseability=found.parseability,
                matched=len(found.matched),
                missing=len(found.missing),
                top_missing=tuple(m.name for m in found.missing[:TOP_MISSING]),
                report=found,
            )
        ranked.append(entry)
    return ranked
