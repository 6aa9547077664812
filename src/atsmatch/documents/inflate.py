"""Bounded Flate inflation inside pdfminer, so a stream bomb stops at a budget, not at 2 GB.

pdfminer inflates every compressed stream whole with `zlib.decompress` (a 1 MB file can hold a
stream that inflates to 1 GiB) and recovers broken streams by feeding zlib one byte at a time
while concatenating bytes (quadratic: a truncated 1 MiB stream takes seconds, more takes
minutes). pdfminer has no hook for either, so `install()` swaps the two names its `pdftypes`
module looks up at call time:

- `zlib`: a stand-in whose `decompress` stops at the budget of the calling thread's current
  read, and behaves exactly like `zlib.decompress` when no budget is set (other users of
  pdfminer in the same process see no change). A stream that inflates past 1 MiB is measured
  first, a piece at a time, so a bomb is refused holding one piece, not the budget's worth;
- `decompress_corrupted`: the same recovery (everything up to the broken byte, an error unless
  it is in the trailing checksum), in linear time and within the budget.

The budget is per thread (`inflate_budget()`), so concurrent reads do not share one.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from atsmatch.documents.errormap import LimitReached

__all__ = ["InflateLimitError", "inflate_budget", "install"]

_CHUNK = 4096
_PIECE = 1 << 20  # output held at once before a stream's size is known
_state = threading.local()


class InflateLimitError(LimitReached):
    """Inflating would pass the budget of the current read."""


@dataclass(slots=True)
class Budget:
    """Bytes the current read may still inflate; `exceeded` stays set once the budget ran out.

    pdfminer swallows some exceptions while it reads fonts, so the reader checks the flag too.
    """

    limit: int
    remaining: int
    exceeded: bool = False

    def take(self, size: int) -> None:
        if size > self.remaining:
            self.exceeded = True
            raise InflateLimitError(
                f"compressed streams inflate to more than {self.limit:,} bytes, over the limit"
            )
        self.remaining -= size


@contextmanager
def inflate_budget(limit: int) -> Iterator[Budget]:
    """Bound what pdfminer inflates on this thread, in total, while the block runs."""
    budget = Budget(limit=limit, remaining=limit)
    previous = getattr(_state, "budget", None)
    _state.budget = budget
    try:
        yield budget
    finally:
        _state.budget = previous


def _current() -> Budget | None:
    budget: Budget | None = getattr(_state, "budget", None)
    return budget


class _BoundedZlib:
    """Stands in for the `zlib` module inside `pdfminer.pdftypes`."""

    error = zlib.error

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    def decompress(self, data: bytes, *args: Any, **kwargs: Any) -> bytes:
        budget = _current()
        if budget is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        inflater = zlib.decompressobj()
        out = inflater.decompress(data, _PIECE)
        if len(out) == _PIECE:  # more may follow: measure it before holding it
            size = _PIECE + _measure(inflater.copy(), budget.remaining - _PIECE)
            budget.take(size)
            out = b"".join([out, *_pieces(inflater, _PIECE)])
        else:
            budget.take(len(out))
        if not inflater.eof:
            # The same error zlib.decompress raises, so pdfminer takes its recovery path.
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out


def _pieces(inflater: Any, size: int) -> Iterator[bytes]:
    """The rest of `inflater`'s output, `size` bytes at a time."""
    while not inflater.eof:
        piece: bytes = inflater.decompress(inflater.unconsumed_tail, size)
        if not piece:
            return
        yield piece


def _measure(inflater: Any, allowed: int) -> int:
    """Bytes `inflater` has still to give, counted without keeping them; past `allowed`
    (plus one piece) it stops counting."""
    size = 0
    for piece in _pieces(inflater, _PIECE):
        size += len(piece)
        if size > allowed:
            break
    return size


def decompress_corrupted(data: bytes) -> bytes:
    """pdfminer's recovery of a stream with a broken end, in linear time and bounded.

    Inflates chunk by chunk; when a chunk fails, it is fed again byte by byte from a copy of
    the inflater, to find the failing byte as pdfminer does. Like pdfminer, an error before the
    last three bytes (the checksum) is raised, one inside them is ignored.
    """
    budget = _current()
    cap = budget.remaining if budget is not None else None
    inflater = zlib.decompressobj()
    out = bytearray()
    for start in range(0, len(data), _CHUNK):
        chunk = data[start : start + _CHUNK]
        saved = inflater.copy()
        try:
            out += _feed(inflater, chunk, cap, len(out))
        except zlib.error:
            inflater = saved
            for offset in range(len(chunk)):
                try:
                    out += _feed(inflater, chunk[offset : offset + 1], cap, len(out))
                except zlib.error:
                    if start + offset < len(data) - 3:
                        raise
                    break
            break
        if inflater.eof:
            break
    if budget is not None:
        budget.take(len(out))
    return bytes(out)


def _feed(inflater: Any, chunk: bytes, cap: int | None, have: int) -> bytes:
    if cap is None:
        piece: bytes = inflater.decompress(chunk)
        return piece
    piece = inflater.decompress(chunk, cap - have + 1)
    if have + len(piece) > cap:
        budget = _current()
        if budget is not None:
            budget.take(have + len(piece))
    return piece


_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Swap the bounded versions into `pdfminer.pdftypes` (once; safe from any thread)."""
    global _installed
    if _installed:
        return
    with _install_lock:
        if _installed:
            return
        from pdfminer import pdftypes

        vars(pdftypes)["zlib"] = _BoundedZlib()  # its module-level name, read per call
        pdftypes.decompress_corrupted = decompress_corrupted
        _installed = True
