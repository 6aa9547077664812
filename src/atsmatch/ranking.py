"""The ranking core: match each item against one fixed side, then order the entries.

Items stream through: each outcome becomes an unranked entry at once (`entry`), and a
`Ranking` keeps the figures of every entry but the full report of the best `top` only, so a
batch of any size ranks in bounded memory. `Matcher.rank` runs the core in this process;
`atsmatch.batch` runs the same `outcome` per item in worker processes, on any executor or on a
Dask cluster, and orders with the same `Ranking`, so every way of running gives the same bytes.
An item that cannot be read becomes an entry carrying a `RankError` instead of stopping the
batch.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Protocol

from atsmatch._types import DocumentInput, JobInput, ResumeInput
from atsmatch.errors import AtsmatchError
from atsmatch.models import Document, JobPosting, MatchReport, RankedResult, RankError, Resume

__all__ = [
    "TOP_MISSING",
    "Item",
    "Outcome",
    "Ranking",
    "entry",
    "label",
    "labelled",
    "outcome",
    "rank_serial",
    "stream_serial",
]

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
    items: Iterable[Item],
    names: Sequence[str] | None,
    today: date,
    *,
    top: int | None = None,
) -> list[RankedResult]:
    """Match every item against `fixed` with one matcher, in order, and rank the outcomes."""
    return Ranking.collect(stream_serial(matcher, fixed, items, names, today), top=top)


def stream_serial(
    matcher: _Matches,
    fixed: JobPosting | Resume,
    items: Iterable[Item],
    names: Sequence[str] | None,
    today: date,
) -> Iterator[RankedResult]:
    """Each item's unranked entry, in input order, as soon as it is matched."""
    for index, (item, name, source) in enumerate(labelled(items, names)):
        yield entry(index, source, outcome(matcher, fixed, item, name, source, today))


def labelled(
    items: Iterable[Item], names: Sequence[str] | None
) -> Iterator[tuple[Item, str | None, str]]:
    """Each item with its given name (or None) and its label, lazily; a count of names that
    does not fit the items is a `ValueError` (before any work when `items` has a length)."""
    if names is not None and isinstance(items, Sequence) and len(names) != len(items):
        raise ValueError(f"{len(names)} names for {len(items)} documents")
    given: Iterable[str | None] = itertools.repeat(None) if names is None else names
    count = 0
    for item, name in zip(items, given, strict=False):
        count += 1
        yield item, name, label(item, name)
    if names is not None and count != len(names):
        raise ValueError(f"{len(names)} names for {count} documents")


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


def entry(index: int, source: str, found: Outcome) -> RankedResult:
    """The unranked entry of one outcome: its headline figures and report, or its error."""
    if isinstance(found, RankError):
        return RankedResult(index=index, source=source, error=found)
    return RankedResult(
        index=index,
        source=source,
        score=found.score,
        verdict=found.verdict,
        parseability=found.parseability,
        matched=len(found.matched),
        missing=len(found.missing),
        top_missing=tuple(m.name for m in found.missing[:TOP_MISSING]),
        report=found,
    )


_Key = tuple[int, float, float, str, int]


def _key(found: RankedResult) -> _Key:
    """Score, then parseability (highest first), then label, then input order; errors last."""
    if found.error is not None or found.score is None:
        return (1, 0.0, 0.0, found.source, found.index)
    parseability = found.parseability if found.parseability is not None else -1.0
    return (0, -found.score, -parseability, found.source, found.index)


class Ranking:
    """Entries in, a ranking out: the figures of every entry, the report of the best `top`.

    `top=None` keeps every report, `top=0` none. Memory is one summary per entry plus at most
    `2 * top` reports at any time (trimmed back to `top` when twice that many are held).
    """

    def __init__(self, *, top: int | None = None) -> None:
        if top is not None and top < 0:
            raise ValueError(f"top must be 0 or more, not {top}")
        self.top = top
        self._entries: list[tuple[_Key, RankedResult]] = []
        # The reports held so far, by input index, with their entry's key.
        self._reports: dict[int, tuple[_Key, MatchReport]] = {}

    @classmethod
    def collect(
        cls, entries: Iterable[RankedResult], *, top: int | None = None
    ) -> list[RankedResult]:
        """Every entry of a stream, ranked (`top` as for `Ranking`)."""
        ranking = cls(top=top)
        for found in entries:
            ranking.add(found)
        return ranking.result()

    def add(self, found: RankedResult) -> None:
        """Take one unranked entry (with its report, if it has one)."""
        key = _key(found)
        if found.report is not None:
            self._reports[found.index] = (key, found.report)
            found = found.model_copy(update={"report": None})
        self._entries.append((key, found))
        if self.top is not None and len(self._reports) >= max(2 * self.top, 1):
            self._trim(self.top)

    def _trim(self, keep: int) -> None:
        best = sorted(self._reports.items(), key=lambda item: item[1][0])[:keep]
        self._reports = dict(best)

    def result(self) -> list[RankedResult]:
        """The entries, best first, each with its rank; reports on the best `top` only."""
        if self.top is not None:
            self._trim(self.top)
        ordered = sorted(self._entries, key=lambda pair: pair[0])
        reports = {index: report for index, (_, report) in self._reports.items()}
        return [
            found.model_copy(update={"rank": position, "report": reports.get(found.index)})
            for position, (_, found) in enumerate(ordered, start=1)
        ]
