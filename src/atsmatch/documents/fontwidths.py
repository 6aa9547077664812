"""Bounded CID font width tables inside pdfminer, so one `/W` entry cannot fill gigabytes.

A CID font's `/W` array gives widths for ranges of character ids: `[c_first c_last w]`.
pdfminer fills a dict entry for every id in the range, so a 54 KB file whose range is
`[0 2000000000 500]` (found by fuzzing) allocates until the process dies. Character ids are
16-bit, so `install()` puts a filter in front of pdfminer's `get_widths` and `get_widths2`
(module-level names `PDFCIDFont` looks up at call time) that drops ranges outside 0..65535.
Real fonts are unaffected.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["MAX_CID", "bounded_ranges", "install"]

MAX_CID = 0xFFFF


def bounded_ranges(seq: Iterable[object], numbers: int, stride: int = 1) -> list[object]:
    """`seq` without the ranges that leave 0..MAX_CID.

    A `/W` (or `/W2`) array mixes `c [w ...]` lists (`stride` numbers per id) and
    `c_first c_last ...` runs of `numbers` numbers; a run is kept only when both ends are ids
    and the range is in bounds, and a list is cut where its ids would pass MAX_CID.
    """
    out: list[object] = []
    run: list[object] = []
    for value in seq:
        if isinstance(value, int | float) and not isinstance(value, bool):
            run.append(value)
            if len(run) == numbers:
                first, last = run[0], run[1]
                if (
                    isinstance(first, int)
                    and isinstance(last, int)
                    and 0 <= first <= last <= MAX_CID
                ):
                    out += run
                run = []
            continue
        if isinstance(value, list):
            start = run[-1] if run else None
            if isinstance(start, int) and 0 <= start <= MAX_CID:
                out += [*run, value[: (MAX_CID + 1 - start) * stride]]
            run = []
            continue
        out.append(value)  # anything else pdfminer itself skips with a warning
    return out


def _bounded(original: Callable[..., Any], numbers: int, stride: int) -> Callable[..., Any]:
    def widths(seq: Iterable[object]) -> Any:
        from pdfminer.pdftypes import resolve1

        return original(bounded_ranges([resolve1(v) for v in seq], numbers, stride))

    return widths


_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Put the range filter in front of pdfminer's width tables (once; safe from any thread)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        from pdfminer import pdffont

        pdffont.get_widths = _bounded(pdffont.get_widths, 3, 1)
        pdffont.get_widths2 = _bounded(pdffont.get_widths2, 5, 3)
        _installed = True
