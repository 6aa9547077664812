"""Rank many resumes against one job posting, or many postings against one resume, in parallel.

A thin layer over `Matcher` and the serial core in `atsmatch.ranking`: the one side is read and
parsed once, each item of the other side is matched against it, and an item that cannot be
read becomes an entry carrying its error instead of stopping the batch. A serial run shares one
`Matcher`. `workers=N` spreads the items over a process pool whose workers each build one
`Matcher` from what pickles (the taxonomy's `loaded_from` paths and the `Limits`, never a
compiled taxonomy) and send reports back as JSON, so serial and parallel rankings are
byte-identical.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import date
from typing import TYPE_CHECKING

from atsmatch._api import Matcher
from atsmatch.limits import DEFAULT_LIMITS, Limits
from atsmatch.models import JobPosting, MatchReport, RankedResult, RankError, Resume
from atsmatch.ranking import Item, Outcome, check_names, label, order, outcome, rank_serial

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from atsmatch._types import JobInput, ResumeInput
    from atsmatch.taxonomy import LoadedFrom, Taxonomy

__all__ = ["rank", "rank_jobs"]

# A worker's Matcher, described by values that pickle: how to load its taxonomy, and limits.
_Settings = tuple["LoadedFrom", Limits]


def rank(
    job: JobInput | None,
    resumes: Iterable[ResumeInput],
    *,
    role: str | None = None,
    names: Sequence[str] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    taxonomy: Taxonomy | None = None,
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
    not depend on Dask). A `taxonomy` goes to other processes as the paths it was loaded from
    (`load_taxonomy(...)`). `today` (default: the real date, taken once) ends a current role.

    >>> import atsmatch
    >>> job = "Requirements: Python, PyTorch and Kubernetes"
    >>> ranking = atsmatch.rank(job, ["Skills: Python", "Skills: Python, PyTorch"])
    >>> [(r.rank, r.index, r.score) for r in ranking]
    [(1, 1, 56.7), (2, 0, 28.3)]
    """
    pool = _pool_settings(workers, executor, taxonomy, limits)
    matcher = Matcher(taxonomy=taxonomy, limits=limits)
    posting = matcher.parse_job(matcher.job_side(job, role, caller="rank"))
    return _rank(matcher, posting, list(resumes), names, pool, executor, today)


def rank_jobs(
    resume: ResumeInput,
    jobs: Iterable[JobInput],
    *,
    names: Sequence[str] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> list[RankedResult]:
    """Rank job postings against one resume: the job seeker's view of `rank`.

    Same options and ordering as `rank`; `names` labels the postings. A posting that cannot be
    read gets an entry with `error` set; an unreadable resume raises.
    """
    pool = _pool_settings(workers, executor, taxonomy, limits)
    matcher = Matcher(taxonomy=taxonomy, limits=limits)
    parsed = matcher.parse_resume(resume)
    return _rank(matcher, parsed, list(jobs), names, pool, executor, today)


def _rank(
    matcher: Matcher,
    fixed: JobPosting | Resume,
    items: list[Item],
    names: Sequence[str] | None,
    pool: tuple[_Settings, int] | None,
    executor: Executor | None,
    today: date | None,
) -> list[RankedResult]:
    # Taken once, so every worker ends a current role on the same day.
    day = today or date.today()
    if pool is None or not items:
        return rank_serial(matcher, fixed, items, names, day)
    given = check_names(names, items)
    labels = [label(item, name) for item, name in zip(items, given, strict=True)]
    settings, workers = pool
    if executor is not None:
        outcomes = _run_on(executor, settings, fixed, items, given, labels, day)
    else:
        with ProcessPoolExecutor(
            max_workers=min(workers, len(items)),
            mp_context=_context(),
            initializer=_worker_matcher,
            initargs=(settings,),
        ) as processes:
            outcomes = _run_on(processes, settings, fixed, items, given, labels, day)
    return order(outcomes, labels)


def _pool_settings(
    workers: int | None, executor: Executor | None, taxonomy: Taxonomy | None, limits: Limits | None
) -> tuple[_Settings, int] | None:
    """What worker processes need to build their Matcher, or None for a serial run."""
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if executor is not None and workers is not None:
        raise TypeError("give workers= or executor=, not both")
    if executor is None and (workers is None or workers == 1):
        return None
    loaded_from: LoadedFrom = ((), None)
    if taxonomy is not None:
        if taxonomy.loaded_from is None:
            raise TypeError(
                "this Taxonomy was not made by load_taxonomy(), so worker processes cannot "
                "load it again: load it with load_taxonomy(*overlay_paths)"
            )
        loaded_from = taxonomy.loaded_from
    return (loaded_from, limits or DEFAULT_LIMITS), workers or 1


def _run_on(
    executor: Executor,
    settings: _Settings,
    fixed: JobPosting | Resume,
    items: list[Item],
    names: list[str | None],
    labels: list[str],
    today: date,
) -> list[Outcome]:
    futures = [
        executor.submit(_task, settings, fixed, item, name, source, today)
        for item, name, source in zip(items, names, labels, strict=True)
    ]
    outcomes: list[Outcome] = []
    for future in futures:
        found = future.result()
        outcomes.append(MatchReport.model_validate_json(found) if isinstance(found, str) else found)
    return outcomes


def _task(
    settings: _Settings,
    fixed: JobPosting | Resume,
    item: Item,
    name: str | None,
    source: str,
    today: date,
) -> str | RankError:
    """One match in a worker: the report as JSON (pickle-safe, exact), or why it failed."""
    found = outcome(_worker_matcher(settings), fixed, item, name, source, today)
    return found.model_dump_json() if isinstance(found, MatchReport) else found


# This process's Matcher when it works for a pool or an executor: one at a time, built on the
# first task (or by the pool's initializer) and kept, so the fixed side's analysis is reused.
_worker: tuple[_Settings, Matcher] | None = None
_worker_lock = threading.Lock()


def _worker_matcher(settings: _Settings) -> Matcher:
    """The Matcher of this worker process for these settings, built once."""
    global _worker
    with _worker_lock:
        if _worker is None or _worker[0] != settings:
            from atsmatch.taxonomy import load_taxonomy

            (overlays, base), limits = settings
            matcher = Matcher(taxonomy=load_taxonomy(*overlays, base=base), limits=limits)
            matcher.extractor  # noqa: B018 - compile now, at worker start, not in the first task
            _worker = (settings, matcher)
        return _worker[1]


def _context() -> BaseContext:
    """Forkserver where there is one (a fresh, thread-safe start), else spawn; never fork."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)
