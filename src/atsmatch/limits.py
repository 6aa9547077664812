"""Bounds on untrusted input, passed down to every reader as one object."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Limits", "PdfReader"]

PdfReader = Literal["pdfminer", "pdfium"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds for one document. Every reader checks them before doing the work they bound.

    >>> Limits(max_pages=5).max_pages
    5
    """

    max_bytes: int = 10 * 1024 * 1024
    max_pages: int = 20
    max_chars: int = 200_000
    max_seconds: float = 10.0
    # PDF: content-stream operators executed in the whole document, those inside Form XObjects
    # and every inline image and XObject invocation included: 50 times the busiest resume in
    # the test corpus (10,188 for two pages). Each operator also reads the clock.
    max_operators: int = 500_000
    # DOCX: checked from the zip directory before anything is inflated. `max_unzipped_bytes`
    # also bounds what a PDF's compressed streams inflate to, in total.
    max_zip_entries: int = 2_000
    max_unzipped_bytes: int = 50 * 1024 * 1024
    max_zip_ratio: float = 100.0
    # Parse PDF and DOCX in a separate worker process that is killed at `max_seconds` (plus a
    # short grace) and may map at most `max_memory_mb` beyond what it starts with: the hard
    # bound for pages that stall inside pdfminer's own code. Text is read in-process either way.
    isolate: bool = False
    max_memory_mb: int = 512
    # Which PDF reader: pdfminer.six (pure Python, every limit above checked as it parses), or
    # PDFium through pypdfium2 (the `fast` extra: native code, several times faster, the same
    # lines within a small tolerance; no operator or inflation budget in process, so read
    # untrusted files with it under `isolate=True`). Here because every reader, worker and
    # isolating child gets the limits.
    pdf_reader: PdfReader = "pdfminer"

    def __post_init__(self) -> None:
        if self.pdf_reader not in ("pdfminer", "pdfium"):
            raise ValueError(f"pdf_reader must be 'pdfminer' or 'pdfium', not {self.pdf_reader!r}")


DEFAULT_LIMITS = Limits()
