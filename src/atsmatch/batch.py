"""Rank many resumes against one job posting, or many postings against one resume.

A recruiter's batch and a job seeker's batch are the same loop: the one side is read and parsed
once, each item of the other side is matched against it, and an item that cannot be read
becomes an entry carrying its error instead of stopping the batch. A serial run shares one
`Matcher`. `workers=N` spreads the items over a process pool whose workers each build one
`Matcher` from picklable settings (vocabulary overlay paths and `Limits`, never a compiled
`Taxonomy`) and send reports back as JSON, so serial and parallel rankings are byte-identical.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import date
from typing import TYPE_CHECKING

from atsmatch.errors import AtsmatchError
from atsmatch.limits import DEFAULT_LIMITS, Limits
from atsmatch.models import Document, JobPosting, MatchReport, RankedResult, Resume

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from atsmatch._api import Matcher
    from atsmatch.taxonomy import Taxonomy

__all__ = ["TOP_MISSING", "rank", "rank_jobs", "rank_with"]

TOP_MISSING = 5
"""How many missing keyword names an entry lists."""

# What a batch item may be: text, bytes, a path, a read Document, or an already parsed side.
Item = str | bytes | os.PathLike[str] | Document | Resume | JobPosting
# A worker's Matcher, described by values that pickle: overlay paths and limits.
_Settings = tuple[tuple[str, ...], Limits]
# One item's outcome: a report, or the "ErrorClass: message" line of why it could not be read.
_Outcome = MatchReport | str


def rank(
    job: str | bytes | os.PathLike[str] | Document | JobPosting | None,
    resumes: Iterable[str | bytes | os.PathLike[str] | Document | Resume],
    *,
    role: str | None = None,
    names: Sequence[str] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    taxonomy: Taxonomy | None = None,
    vocab: Sequence[str | os.PathLike[str]] = (),
    limits: Limits | None = None,
    today: date | None = None,
) -> list[RankedResult]:
    """Rank resumes against one job posting (or a role profile: `rank(None, resumes, role=...)`).

    Sources follow `atsmatch.match`: a `str` is text, a `Path` is a file, `bytes` are file
    content. `names` labels the resumes (one per resume; default: the path as given,
    `"<bytes>"` or `"<text>"`). A resume that cannot be read gets an entry with `error` set and
    sorts last; an unreadable job raises. `workers=N` (N > 1) matches in N processes (spawned,
    or forked from a forkserver: call it under `if __name__ == "__main__":` in a script);
    `executor` runs the matches on any `concurrent.futures.Executor` instead (threads, your own
    process pool, or a cluster's executor such as Dask's `Client.get_executor()`; atsmatch does
    not depend on Dask). Both need overlays as `vocab=` paths, not a `taxonomy=` object.
    `today` (default: the real date, taken once) ends a current role.

    >>> import atsmatch
    >>> job = "Requirements: Python, PyTorch and Kubernetes"
    >>> ranking = atsmatch.rank(job, ["Skills: Python", "Skills: Python, PyTorch"])
    >>> [(r.rank, r.index, r.score) for r in ranking]
    [(1, 1, 56.7), (2, 0, 28.3)]
    """
    pool = _pool_settings(workers, executor, taxonomy, vocab, limits)
    matcher = _parent_matcher(taxonomy, vocab, limits)
    posting = _posting(matcher, job, role)
    return _rank(matcher, posting, list(resumes), names, pool, executor, today)


def rank_jobs(
    resume: str | bytes | os.PathLike[str] | Document | Resume,
    jobs: Iterable[str | bytes | os.PathLike[str] | Document | JobPosting],
    *,
    names: Sequence[str] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    taxonomy: Taxonomy | None = None,
    vocab: Sequence[str | os.PathLike[str]] = (),
    limits: Limits | None = None,
    today: date | None = None,
) -> list[RankedResult]:
    """Rank job postings against one resume: the job seeker's view of `rank`.

    Same options and ordering as `rank`; `names` labels the postings. A posting that cannot be
    read gets an entry with `error` set; an unreadable resume raises.
    """
    pool = _pool_settings(workers, executor, taxonomy, vocab, limits)
    matcher = _parent_matcher(taxonomy, vocab, limits)
    parsed = matcher.parse_resume(resume)
    return _rank(matcher, parsed, list(jobs), names, pool, executor, today)


def rank_with(
    matcher: Matcher,
    job: str | bytes | os.PathLike[str] | Document | JobPosting | None,
    resumes: Iterable[str | bytes | os.PathLike[str] | Document | Resume],
    *,
    role: str | None = None,
    names: Sequence[str] | None = None,
    today: date | None = None,
) -> list[RankedResult]:
    """`rank` in this process with an existing `Matcher` (what `Matcher.rank` calls)."""
    posting = _posting(matcher, job, role)
    return _rank(matcher, posting, list(resumes), names, None, None, today)


def _rank(
    matcher: Matcher,
    fixed: JobPosting | Resume,
    items: list[Item],
    names: Sequence[str] | None,
    pool: tuple[_Settings, int] | None,
    executor: Executor | None,
    today: date | None,
) -> list[RankedResult]:
    if names is not None and len(names) != len(items):
        raise ValueError(f"{len(names)} names for {len(items)} documents")
    given: list[str | None] = list(names) if names is not None else [None] * len(items)
    labels = [name or _label(item) for name, item in zip(given, items, strict=True)]
    # Taken once, so every worker ends a current role on the same day.
    day = today or date.today()
    if pool is None or not items:
        outcomes = [_outcome(matcher, fixed, *pair, day) for pair in zip(items, given, strict=True)]
    elif executor is not None:
        outcomes = _run_on(executor, pool[0], fixed, items, given, day)
    else:
        settings, workers = pool
        with ProcessPoolExecutor(
            max_workers=min(workers, len(items)),
            mp_context=_context(),
            initializer=_worker_matcher,
            initargs=(settings,),
        ) as processes:
            outcomes = _run_on(processes, settings, fixed, items, given, day)
    return _order(outcomes, labels)


def _pool_settings(
    workers: int | None,
    executor: Executor | None,
    taxonomy: Taxonomy | None,
    vocab: Sequence[str | os.PathLike[str]],
    limits: Limits | None,
) -> tuple[_Settings, int] | None:
    """What worker processes need to build their Matcher, or None for a serial run."""
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if executor is not None and workers is not None:
        raise TypeError("give workers= or executor=, not both")
    if executor is None and (workers is None or workers == 1):
        return None
    if taxonomy is not None:
        raise TypeError(
            "a Taxonomy object is not sent to worker processes: pass its overlay paths as vocab="
        )
    settings = (tuple(os.fspath(p) for p in vocab), limits or DEFAULT_LIMITS)
    return settings, workers or 1


def _parent_matcher(
    taxonomy: Taxonomy | None, vocab: Sequence[str | os.PathLike[str]], limits: Limits | None
) -> Matcher:
    from atsmatch._api import _matcher

    if taxonomy is not None and vocab:
        raise TypeError("give taxonomy= or vocab=, not both")
    if vocab:
        from atsmatch.taxonomy import load_taxonomy

        taxonomy = load_taxonomy(*vocab)
    return _matcher(taxonomy, limits)


def _posting(
    matcher: Matcher,
    job: str | bytes | os.PathLike[str] | Document | JobPosting | None,
    role: str | None,
) -> JobPosting:
    """The job side, read and parsed once (its errors stop the batch before any work)."""
    if (job is None) == (role is None):
        raise TypeError("rank() needs exactly one of a job posting or role=")
    if role is not None:
        return matcher.role_posting(role)
    assert job is not None
    return matcher.parse_job(job)


def _label(item: Item) -> str:
    if isinstance(item, Resume | JobPosting):
        return item.document.source
    if isinstance(item, Document):
        return item.source
    if isinstance(item, bytes):
        return "<bytes>"
    if isinstance(item, str):
        return "<text>"
    return os.fspath(item)


def _outcome(
    matcher: Matcher, fixed: JobPosting | Resume, item: Item, name: str | None, today: date
) -> _Outcome:
    """Match one item against the fixed side; a reading error becomes its one-line text."""
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
        return f"{type(exc).__name__}: {message}"


def _run_on(
    executor: Executor,
    settings: _Settings,
    fixed: JobPosting | Resume,
    items: list[Item],
    names: list[str | None],
    today: date,
) -> list[_Outcome]:
    futures = [
        executor.submit(_task, settings, fixed, item, name, today)
        for item, name in zip(items, names, strict=True)
    ]
    outcomes: list[_Outcome] = []
    for future in futures:
        report_json, error = future.result()
        if report_json is not None:
            outcomes.append(MatchReport.model_validate_json(report_json))
        else:
            outcomes.append(error or "")
    return outcomes


def _task(
    settings: _Settings, fixed: JobPosting | Resume, item: Item, name: str | None, today: date
) -> tuple[str | None, str | None]:
    """One match in a worker: the report as JSON (pickle-safe, exact), or the error line."""
    outcome = _outcome(_worker_matcher(settings), fixed, item, name, today)
    if isinstance(outcome, MatchReport):
        return outcome.model_dump_json(), None
    return None, outcome


_matchers: dict[_Settings, Matcher] = {}
_matchers_lock = threading.Lock()
_MATCHERS_KEPT = 4  # settings a long-lived worker keeps compiled (each holds a vocabulary)


def _worker_matcher(settings: _Settings) -> Matcher:
    """The one Matcher of this worker process for these settings (the pool's initializer)."""
    from atsmatch._api import _matcher

    with _matchers_lock:
        matcher = _matchers.get(settings)
        if matcher is None:
            vocab, limits = settings
            taxonomy = None
            if vocab:
                from atsmatch.taxonomy import load_taxonomy

                taxonomy = load_taxonomy(*vocab)
            matcher = _matcher(taxonomy, limits)
            matcher.extractor  # noqa: B018 - compile now, at worker start, not in the first task
            if len(_matchers) >= _MATCHERS_KEPT:
                del _matchers[next(iter(_matchers))]
            _matchers[settings] = matcher
        return matcher


def _context() -> BaseContext:
    """Forkserver where there is one (a fresh, thread-safe start), else spawn; never fork."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from atsmatch.documents.isolate import stop_forkserver_at_exit

    stop_forkserver_at_exit()  # so no process of ours outlives this one
    return multiprocessing.get_context("forkserver")


def _order(outcomes: Sequence[_Outcome], labels: Sequence[str]) -> list[RankedResult]:
    """Score, then parseability (highest first), then label, then input order; errors last."""

    def key(index: int) -> tuple[int, float, float, str, int]:
        outcome = outcomes[index]
        if isinstance(outcome, str):
            return (1, 0.0, 0.0, labels[index], index)
        parseability = outcome.parseability if outcome.parseability is not None else -1.0
        return (0, -outcome.score, -parseability, labels[index], index)

    ranked = []
    for position, index in enumerate(sorted(range(len(outcomes)), key=key), start=1):
        outcome = outcomes[index]
        if isinstance(outcome, str):
            entry = RankedResult(rank=position, index=index, source=labels[index], error=outcome)
        else:
            entry = RankedResult(
                rank=position,
                index=index,
                source=labels[index],
                score=outcome.score,
                verdict=outcome.verdict,
                parseability=outcome.parseability,
                matched=len(outcome.matched),
                missing=len(outcome.missing),
                top_missing=tuple(m.name for m in outcome.missing[:TOP_MISSING]),
                report=outcome,
            )
        ranked.append(entry)
    return ranked
