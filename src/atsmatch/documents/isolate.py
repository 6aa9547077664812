"""Parse one PDF or DOCX in a throw-away worker process with a hard time and memory bound.

In-process checks (page counts, glyphs per page, the operator budget and the clock at every
operator, zip directory checks) stop almost every hostile file early, but a step that stalls
inside a parser's own code cannot be interrupted from Python, and a library that
allocates gigabytes in one call cannot be stopped half-way. A child process can: it is killed
at `Limits.max_seconds` plus a short grace, and it may map at most `Limits.max_memory_mb`
beyond the address space it starts with (`RLIMIT_AS`), so a `MemoryError` (or a crash) ends
the child, not the server.

On Linux, a process with one thread (the CLI, a script) forks its first two children from
itself: it has the readers imported already, so such a child costs a fork and the read, not
the imports of a second interpreter. Later children, and those of a process with threads (a
server, which must not fork itself), come from a `forkserver` that has the parsers imported:
after each fork of itself a process takes a write fault on every page it touches again, which
over many reads costs more than the forkserver's start (a fork of the small forkserver costs a
few milliseconds). Where there is no forkserver (Windows, macOS) children are spawned. Using
the forkserver sets its preload list to the atsmatch readers, once, for the whole process.

The child sends back the pickled `Document`, or the error's type and message, which are raised
again here as the same `DocumentError` subclass. Each call leaves its figures (wall time, the
child's peak RSS above what it started with, how it ended) in `last_run()` for the calling
thread, for logs and benchmarks.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import multiprocessing.util
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import Any, Literal

from atsmatch import errors
from atsmatch.errors import CorruptDocumentError, DocumentError, LimitExceededError
from atsmatch.limits import Limits, PdfReader
from atsmatch.models import Document

__all__ = ["GRACE_SECONDS", "IsolatedRun", "last_run", "read_isolated", "stop_forkserver_at_exit"]

GRACE_SECONDS = 1.0
"""Added to `max_seconds` before the child is killed: its own clock checks speak first."""

_PRELOAD = ["atsmatch.documents.isolate", "atsmatch.documents.pdf", "atsmatch.documents.docx"]
# For the PDFium reader (the `fast` extra), pypdfium2 is initialised once in the forkserver
# rather than in every child, where its import would cost more than a read; a process reading
# with pdfminer does not pay for it.
_PRELOAD_PDFIUM = ["atsmatch.documents.pdfium", "pypdfium2"]
_context: BaseContext | None = None
_context_lock = threading.Lock()
# Forking a process with threads can leave a lock held for good in the child; with one thread,
# forking it is safe, on Linux (macOS frameworks are not fork-safe).
_FORK: BaseContext | None = multiprocessing.get_context("fork") if sys.platform == "linux" else None
_OWN_FORKS = 2  # a CLI match reads a resume and perhaps a posting
_forks = 0  # reads this process has forked itself for
_stop_registered = False
_stop_lock = threading.Lock()
_local = threading.local()

Ending = Literal["document", "error", "killed", "died"]


@dataclass(frozen=True, slots=True)
class IsolatedRun:
    """How one isolated read went: wall seconds, the child's CPU seconds and peak RSS in MB
    above what it started with (None when it did not report them), how it ended, and how the
    child was started ("fork", "forkserver" or "spawn")."""

    seconds: float
    cpu_seconds: float | None
    peak_rss_mb: float | None
    ending: Ending
    exitcode: int | None
    start_method: str


def last_run() -> IsolatedRun | None:
    """Figures of the calling thread's most recent `read_isolated` call."""
    run: IsolatedRun | None = getattr(_local, "run", None)
    return run


def _mp_context(reader: PdfReader) -> BaseContext:
    """The process's context for readers that do not fork the caller (forkserver, else spawn);
    its forkserver preloads what the first such read's `reader` needs."""
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in multiprocessing.get_all_start_methods():
                forkserver = multiprocessing.get_context("forkserver")
                preload = [*_PRELOAD, *(_PRELOAD_PDFIUM if reader == "pdfium" else [])]
                forkserver.set_forkserver_preload(["__main__", *preload])
                stop_forkserver_at_exit()
                _context = forkserver
            else:
                _context = multiprocessing.get_context("spawn")
        return _context


def _own_fork() -> BaseContext | None:
    """The fork context, for one of the first `_OWN_FORKS` reads of a process with one thread."""
    global _forks
    if _FORK is None or threading.active_count() != 1 or _forks >= _OWN_FORKS:
        return None
    _forks += 1
    return _FORK


def stop_forkserver_at_exit() -> None:
    """Make this process stop its forkserver and resource tracker, and wait for them, as it exits.

    Left alone, each ends only when it notices that our end of its pipe closed, a moment after
    we are gone, so whoever waits for our exit (a shell, a timing harness, a pool joining its
    worker) would find a process of ours still running. A multiprocessing finalizer runs at
    the exit of the main process and of pool workers alike (`atexit` does not run in the
    latter), after their own children have been joined.
    """
    global _stop_registered
    with _stop_lock:
        if not _stop_registered:
            # After children are joined (priority below 0), before multiprocessing removes
            # its temp folder with the forkserver's socket in it (-100).
            multiprocessing.util.Finalize(None, _stop_helpers, exitpriority=-50)
            _stop_registered = True


def _stop_helpers() -> None:
    from multiprocessing import forkserver, resource_tracker

    # Private, but the only way to stop them; each is a no-op when this process started none.
    # The resource tracker, started along with the forkserver, is stopped only where it was
    # started (workers hold a copy of its pipe, not the process).
    helpers: list[object] = [forkserver._forkserver]
    if getattr(resource_tracker._resource_tracker, "_pid", None) is not None:
        helpers.append(resource_tracker._resource_tracker)
    for helper in helpers:
        stop: Callable[[], None] | None = getattr(helper, "_stop", None)
        if stop is not None:
            with contextlib.suppress(OSError):  # a traceback here would end the CLI's output
                stop()


def read_isolated(data: bytes, *, source: str, limits: Limits) -> Document:
    """Read PDF or DOCX bytes in a worker process under `limits`; raise typed errors only.

    The child reads with the same limits (minus `isolate`); over the hard bounds the child is
    killed and this raises `LimitExceededError`.
    """
    inner = dataclasses.replace(limits, isolate=False)
    return _run(_child_main, (data, source, inner), source=source, limits=limits)


def _run(
    target: Callable[..., None], args: tuple[Any, ...], *, source: str, limits: Limits
) -> Document:
    """Run `target(conn, *args)` in a child under the hard bounds; it must `conn.send` a
    ("document", Document, usage) or ("error", class name, reason, cause text, usage) tuple,
    usage being `_usage()` or None."""
    started = time.monotonic()
    context = _own_fork() or _mp_context(limits.pdf_reader)
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(  # type: ignore[attr-defined]
        target=target,
        args=(sender, *args),
        name="atsmatch-reader",
        daemon=True,
    )
    try:
        process.start()
    except OSError as exc:
        receiver.close()
        sender.close()
        raise DocumentError(f"cannot start the reader process ({exc})", source=source) from exc
    sender.close()  # the child holds its own copy; EOF now means the child is gone
    deadline = started + limits.max_seconds + GRACE_SECONDS
    message: Any = None
    ending: Ending = "died"
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                ending = "killed"
                break
            if receiver.poll(min(left, 0.5)):
                try:
                    message = receiver.recv()
                except (EOFError, OSError):
                    ending = "died"
                    break
                ending = "document" if message[0] == "document" else "error"
                break
            if not process.is_alive() and not receiver.poll(0):
                ending = "died"
                break
    finally:
        if ending != "document" and ending != "error":
            process.kill()
        process.join(5)
        receiver.close()
    seconds = time.monotonic() - started
    peak, cpu = message[-1] if message is not None and message[-1] else (None, None)
    exitcode = process.exitcode
    _local.run = IsolatedRun(
        seconds=seconds,
        cpu_seconds=cpu,
        peak_rss_mb=peak,
        ending=ending,
        exitcode=exitcode,
        start_method=context.get_start_method(),
    )
    if exitcode is not None:
        process.close()
    if ending == "killed":
        raise LimitExceededError(
            f"reading took longer than the limit of {limits.max_seconds:g} s "
            "(the reader process was stopped)",
            source=source,
        )
    if ending == "died":
        raise LimitExceededError(
            f"the reader process ended without a result (exit code {exitcode}); "
            f"the file most likely needs more than {limits.max_memory_mb:,} MB",
            source=source,
        )
    if message[0] == "document":
        document: Document = message[1]
        return document
    _, kind, reason, cause = message[:4]
    raise _rebuild(kind, reason, source, cause)


class RemoteCause(Exception):
    """The exception raised inside the worker process, as text (type, message, traceback)."""


def _rebuild(kind: str, reason: str, source: str, cause: str | None) -> DocumentError:
    cls = getattr(errors, kind, None)
    if not (isinstance(cls, type) and issubclass(cls, DocumentError)):
        cls = CorruptDocumentError
    error = cls(reason, source=source)
    if cause:
        error.__cause__ = RemoteCause(cause)
    return error


def _usage(baseline_mb: float) -> tuple[float | None, float | None]:
    """This process's peak RSS in MB above `baseline_mb` and its CPU seconds, for `IsolatedRun`."""
    try:
        cpu: float | None = sum(os.times()[:2])
    except OSError:
        cpu = None
    peak = _peak_rss_mb()
    return (None if peak is None else max(0.0, peak - baseline_mb)), cpu


def _status_mb(field: str) -> float | None:
    """A size from this process's status on Linux ("VmHWM", "VmRSS", "VmSize"), in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:  # noqa: PTH123
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float | None:
    """This process's peak resident set size (VmHWM on Linux, else getrusage)."""
    peak = _status_mb("VmHWM")
    if peak is not None:
        return peak
    try:
        import resource

        most = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (ImportError, OSError):
        return None
    return most / (1024 * 1024) if sys.platform == "darwin" else most / 1024


def _cap_memory(megabytes: int) -> None:
    """Let this process map at most `megabytes` beyond what it has mapped already."""
    try:
        import resource

        mapped = _status_mb("VmSize") or 0.0
        cap = int((mapped + megabytes) * 1024 * 1024)
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, OSError, ValueError):  # no RLIMIT_AS here: the time bound remains
        pass


def _child_main(conn: Connection, data: bytes, source: str, limits: Limits) -> None:
    """Worker entry point: cap memory, read, send the result (or the error) back."""
    baseline = _status_mb("VmRSS") or 0.0  # a forked child starts with its parent's pages
    _cap_memory(limits.max_memory_mb)
    message: tuple[Any, ...]
    try:
        from atsmatch.documents import read_document

        document = read_document(data, limits=limits, name=source)
        message = ("document", document, _usage(baseline))
    except DocumentError as exc:
        cause = exc.__cause__
        text = None
        if cause is not None:
            text = "".join(traceback.format_exception_only(type(cause), cause)).strip()[:2000]
        message = ("error", type(exc).__name__, exc.reason, text, _usage(baseline))
    except MemoryError:
        message = (
            "error",
            "LimitExceededError",
            f"the document needs more than {limits.max_memory_mb:,} MB of memory",
            None,
            _usage(baseline),
        )
    except BaseException as exc:  # anything else still comes back typed
        text = "".join(traceback.format_exception(exc))[-4000:]
        message = (
            "error",
            "CorruptDocumentError",
            f"the document could not be read ({type(exc).__name__})",
            text,
            _usage(baseline),
        )
    try:
        conn.send(message)
    except MemoryError:
        os._exit(3)
    finally:
        conn.close()
