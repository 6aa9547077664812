"""Rank many resumes against one job posting, or many postings against one resume, in parallel.

A thin layer over `Matcher` and the core in `atsmatch.ranking`: the one side is read and parsed
once, each item of the other side is matched against it, and an item that cannot be read
becomes an entry carrying its error instead of stopping the batch. Items stream through in
chunks with a bounded number in flight, so any number of files ranks in bounded memory.

Where the matches run:

- serially, with one `Matcher` (the default, and always for a batch too small to pay for
  starting workers: fewer than `MIN_ITEMS_PER_WORKER` items per worker);
- `workers=N`: a process pool whose workers each build one `Matcher` from what pickles (the
  taxonomy's `loaded_from` paths and the `Limits`, never a compiled taxonomy). The workers fork
  from a forkserver that is started before the caller parses its fixed side and that builds the
  bundled vocabulary's compiled state while the caller does (`atsmatch._warm`), so a worker
  using the bundled vocabulary starts warm instead of importing spaCy and compiling its own;
- `executor=`: any `concurrent.futures.Executor`;
- `client=`: a Dask `distributed.Client` (the `dask` extra); each Dask worker builds its
  `Matcher` once and keeps it for every later chunk.

Workers send reports back as JSON, so every way of running gives byte-identical rankings.
"""

from __future__ import annotations

import itertools
import multiprocessing
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias

from atsmatch._api import Matcher
from atsmatch.limits import DEFAULT_LIMITS, Limits
from atsmatch.models import JobPosting, MatchReport, RankedResult, RankError, Resume
from atsmatch.ranking import Item, Ranking, entry, labelled, outcome, stream_serial

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from atsmatch._types import JobInput, ResumeInput
    from atsmatch.taxonomy import LoadedFrom, Taxonomy

__all__ = ["CHUNK_SIZE", "MIN_ITEMS_PER_WORKER", "iter_rank", "iter_rank_jobs", "rank", "rank_jobs"]

MIN_ITEMS_PER_WORKER = 24
"""Below this many items per worker a batch runs serially: starting a pool costs about two
seconds of CPU (importing spaCy, loading and compiling the vocabulary once in the forkserver, or
in each worker with an overlay vocabulary), as much as matching two dozen PDF resumes."""

CHUNK_SIZE = 8
"""Items per task sent to a worker: large enough to make the per-task cost (pickling the fixed
side, a round trip) vanish, small enough to keep both workers busy to the end."""

_IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: enough to never idle, bounded memory
_EXECUTOR_WORKERS = 4  # an executor does not say how many workers it has: assume a few

# A worker's Matcher, described by values that pickle: how to load its taxonomy, and limits.
_Settings: TypeAlias = "tuple[LoadedFrom, Limits]"
_Chunk = list[tuple[Item, str | None, str]]


def rank(
    job: JobInput | None,
    resumes: Iterable[ResumeInput],
    *,
    role: str | None = None,
    names: Sequence[str] | None = None,
    top: int | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    client: Any = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> list[RankedResult]:
    """Rank resumes against one job posting (or a role profile: `rank(None, resumes, role=...)`).

    Sources follow `atsmatch.match`: a `str` is text, a `Path` is a file, `bytes` are file
    content. `names` labels the resumes (one per resume; default: the path as given,
    `"<bytes>"` or `"<text>"`). A resume that cannot be read gets an entry with `error` set and
    sorts last; an unreadable job raises. `top=N` keeps the full report of the best N entries
    only (every entry keeps its figures; `top=0`: no reports), so memory stays bounded for any
    number of resumes.
    `workers=N` matches in N processes (spawned, or forked from a forkserver: call it under
    `if __name__ == "__main__":` in a script); `executor` runs the matches on any
    `concurrent.futures.Executor`; `client` on a Dask cluster (`distributed.Client`). A
    `taxonomy` goes to other processes as the paths it was loaded from (`load_taxonomy(...)`).
    `today` (default: the real date, taken once) ends a current role.

    >>> import atsmatch
    >>> job = "Requirements: Python, PyTorch and Kubernetes"
    >>> ranking = atsmatch.rank(job, ["Skills: Python", "Skills: Python, PyTorch"])
    >>> [(r.rank, r.index, r.score) for r in ranking]
    [(1, 1, 56.7), (2, 0, 28.3)]
    """
    stream = iter_rank(
        job, resumes, role=role, names=names, workers=workers, executor=executor,
        client=client, taxonomy=taxonomy, limits=limits, today=today,
    )  # fmt: skip
    return Ranking.collect(stream, top=top)


def iter_rank(
    job: JobInput | None,
    resumes: Iterable[ResumeInput],
    *,
    role: str | None = None,
    names: Sequence[str] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    client: Any = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> Iterator[RankedResult]:
    """`rank`, one unranked entry per resume (with its full report) in input order, each as
    soon as it and those before it are matched; `resumes` is read lazily, so a generator of
    50,000 paths streams through in bounded memory. Feed the entries to `ranking.Ranking` (or
    write them out) to order them.
    """
    pool = _pool_settings(workers, executor, client, taxonomy, limits)
    _start_workers_early(pool, executor, client, resumes)
    matcher = Matcher(taxonomy=taxonomy, limits=limits)
    posting = matcher.parse_job(matcher.job_side(job, role, caller="rank"))
    return _stream(matcher, posting, resumes, names, pool, executor, client, today)


def rank_jobs(
    resume: ResumeInput,
    jobs: Iterable[JobInput],
    *,
    names: Sequence[str] | None = None,
    top: int | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    client: Any = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> list[RankedResult]:
    """Rank job postings against one resume: the job seeker's view of `rank`.

    Same options and ordering as `rank`; `names` labels the postings. A posting that cannot be
    read gets an entry with `error` set; an unreadable resume raises.
    """
    stream = iter_rank_jobs(
        resume, jobs, names=names, workers=workers, executor=executor, client=client,
        taxonomy=taxonomy, limits=limits, today=today,
    )  # fmt: skip
    return Ranking.collect(stream, top=top)


def iter_rank_jobs(
    resume: ResumeInput,
    jobs: Iterable[JobInput],
    *,
    names: Sequence[str] | None = None,
    workers: int | None = None,
    executor: Executor | None = None,
    client: Any = None,
    taxonomy: Taxonomy | None = None,
    limits: Limits | None = None,
    today: date | None = None,
) -> Iterator[RankedResult]:
    """`rank_jobs`, one unranked entry per posting in input order (see `iter_rank`)."""
    pool = _pool_settings(workers, executor, client, taxonomy, limits)
    _start_workers_early(pool, executor, client, jobs)
    matcher = Matcher(taxonomy=taxonomy, limits=limits)
    parsed = matcher.parse_resume(resume)
    return _stream(matcher, parsed, jobs, names, pool, executor, client, today)


def _uses_pool(
    pool: tuple[_Settings, int] | None,
    executor: Executor | None,
    client: Any,
    items: Iterable[Item],
) -> bool:
    """Whether the matches will run in a process pool of ours."""
    return (
        pool is not None and executor is None and client is None and not _too_small(items, pool[1])
    )


def _start_workers_early(
    pool: tuple[_Settings, int] | None,
    executor: Executor | None,
    client: Any,
    items: Iterable[Item],
) -> None:
    """Start the pool's forkserver now, so it warms up while the caller parses its fixed side."""
    if _uses_pool(pool, executor, client, items):
        _context(start=True)


def _stream(
    matcher: Matcher,
    fixed: JobPosting | Resume,
    items: Iterable[Item],
    names: Sequence[str] | None,
    pool: tuple[_Settings, int] | None,
    executor: Executor | None,
    client: Any,
    today: date | None,
) -> Iterator[RankedResult]:
    # Taken once, so every worker ends a current role on the same day.
    day = today or date.today()
    if pool is not None and executor is None and client is None and _too_small(items, pool[1]):
        pool = None
    if pool is None:
        return stream_serial(matcher, fixed, items, names, day)
    settings, workers = pool
    chunks = _chunks(labelled(items, names))
    if client is not None:
        return _on_dask(client, settings, fixed, chunks, day)
    if executor is not None:
        return _on_executor(executor, settings, fixed, chunks, day, _EXECUTOR_WORKERS)
    return _on_pool(settings, fixed, chunks, day, workers)


def _too_small(items: Iterable[Item], workers: int) -> bool:
    """A batch of known size too small to pay for starting workers (an iterator of unknown
    length always goes to the pool)."""
    return isinstance(items, Sequence) and len(items) < MIN_ITEMS_PER_WORKER * workers


def _chunks(labelled_items: Iterator[tuple[Item, str | None, str]]) -> Iterator[_Chunk]:
    while chunk := list(itertools.islice(labelled_items, CHUNK_SIZE)):
        yield chunk


def _on_pool(
    settings: _Settings, fixed: JobPosting | Resume, chunks: Iterator[_Chunk], day: date, n: int
) -> Iterator[RankedResult]:
    with ProcessPoolExecutor(
        max_workers=n, mp_context=_context(), initializer=_worker_matcher, initargs=(settings,)
    ) as processes:
        yield from _on_executor(processes, settings, fixed, chunks, day, n)


def _on_executor(
    executor: Executor,
    settings: _Settings,
    fixed: JobPosting | Resume,
    chunks: Iterator[_Chunk],
    day: date,
    workers: int,
) -> Iterator[RankedResult]:
    def submit(chunk: _Chunk) -> Future[list[str | RankError]]:
        return executor.submit(_task, settings, fixed, chunk, day)

    return _windowed(submit, chunks, workers)


def _on_dask(
    client: Any,
    settings: _Settings,
    fixed: JobPosting | Resume,
    chunks: Iterator[_Chunk],
    day: date,
) -> Iterator[RankedResult]:
    workers = max(1, len(client.scheduler_info().get("workers", {})))

    def submit(chunk: _Chunk) -> Any:
        return client.submit(_task, settings, fixed, chunk, day, pure=False)

    return _windowed(submit, chunks, workers)


def _windowed(
    submit: Callable[[_Chunk], Any], chunks: Iterator[_Chunk], workers: int
) -> Iterator[RankedResult]:
    """Submit chunks with at most a few per worker in flight; yield entries in input order."""
    window: deque[tuple[int, _Chunk, Any]] = deque()
    start = 0
    for chunk in chunks:
        window.append((start, chunk, submit(chunk)))
        start += len(chunk)
        if len(window) >= workers * _IN_FLIGHT_PER_WORKER:
            yield from _entries(*window.popleft())
    while window:
        yield from _entries(*window.popleft())


def _entries(start: int, chunk: _Chunk, future: Any) -> Iterator[RankedResult]:
    for offset, ((_, _, source), found) in enumerate(zip(chunk, future.result(), strict=True)):
        report = MatchReport.model_validate_json(found) if isinstance(found, str) else found
        yield entry(start + offset, source, report)


def _pool_settings(
    workers: int | None,
    executor: Executor | None,
    client: Any,
    taxonomy: Taxonomy | None,
    limits: Limits | None,
) -> tuple[_Settings, int] | None:
    """What worker processes need to build their Matcher, or None for a serial run."""
    if workers is not None and workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    if sum(x is not None for x in (workers, executor, client)) > 1:
        raise TypeError("give one of workers=, executor= or client=")
    if executor is None and client is None and (workers is None or workers == 1):
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


def _task(
    settings: _Settings, fixed: JobPosting | Resume, chunk: _Chunk, today: date
) -> list[str | RankError]:
    """A chunk of matches in a worker: each report as JSON (pickle-safe, exact), or its error."""
    matcher = _worker_matcher(settings)
    out: list[str | RankError] = []
    for item, name, source in chunk:
        found = outcome(matcher, fixed, item, name, source, today)
        out.append(found.model_dump_json() if isinstance(found, MatchReport) else found)
    return out


# This process's Matcher when it works for a pool, an executor or a Dask cluster: one at a
# time, built on the first task (or by the pool's initializer, or before the fork by
# `warm_worker` in the forkserver) and kept, so the compiled vocabulary and the fixed side's
# analysis are reused by every later chunk.
_worker: tuple[_Settings, Matcher] | None = None
_worker_lock = threading.Lock()

_WARM_SETTINGS: _Settings = (((), None), DEFAULT_LIMITS)
# What a pool's forkserver imports before forking workers: the readers, and `_warm`, whose
# import builds the bundled vocabulary's Matcher.
_PRELOAD = [
    "atsmatch.documents.isolate",
    "atsmatch.documents.pdf",
    "atsmatch.documents.docx",
    "atsmatch._warm",
]


def _worker_matcher(settings: _Settings) -> Matcher:
    """The Matcher of this worker process for these settings, built once.

    Settings that differ in their limits only share the taxonomy already loaded (and with it
    the compiled extractor), so a worker forked warm for `DEFAULT_LIMITS` stays warm under the
    CLI's `Limits(isolate=True)`.
    """
    global _worker
    with _worker_lock:
        if _worker is None or _worker[0] != settings:
            from atsmatch.taxonomy import load_taxonomy

            (overlays, base), limits = settings
            if _worker is not None and _worker[0][0] == settings[0]:
                taxonomy = _worker[1].taxonomy
            else:
                taxonomy = load_taxonomy(*overlays, base=base)
            matcher = Matcher(taxonomy=taxonomy, limits=limits)
            matcher.extractor  # noqa: B018 - compile now, at worker start, not in the first task
            _worker = (settings, matcher)
        return _worker[1]


def warm_worker() -> None:
    """Build the bundled vocabulary's Matcher in this process (a pool's forkserver), so every
    worker forked from it starts with it."""
    _worker_matcher(_WARM_SETTINGS)


def _context(*, start: bool = False) -> BaseContext:
    """Forkserver where there is one (a fresh, thread-safe start), else spawn; never fork.

    The forkserver preloads `_PRELOAD` when this is the first use of it in the process (a
    forkserver started earlier, by an isolated read, keeps its own list; workers then build
    their Matcher themselves). `start=True` starts it now, without waiting for it.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from multiprocessing import forkserver

    from atsmatch.documents.isolate import stop_forkserver_at_exit

    stop_forkserver_at_exit()  # so no process of ours outlives this one
    global _preloading
    context = multiprocessing.get_context("forkserver")
    with _preload_lock:
        if not _preloading:
            context.set_forkserver_preload(_PRELOAD)
            _preloading = True
        if start:
            forkserver.ensure_running()
    return context


_preload_lock = threading.Lock()
_preloading = False  # the preload list is set (once: an isolated read may set its own later)
