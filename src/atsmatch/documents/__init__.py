"""Turn untrusted input (a path, bytes or text) into a `Document`: lines in reading order.

The format comes from the bytes, never the file name. Every failure is a typed
`DocumentError` with the cause chained; nothing else escapes `read_document`, whatever the
bytes. Parsers are imported lazily so `import atsmatch` stays cheap.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from atsmatch.documents.errormap import ErrorMap, LimitReached, map_reader_errors
from atsmatch.documents.sniff import sniff
from atsmatch.documents.text import counted_text_lines, decode_text
from atsmatch.errors import (
    CorruptDocumentError,
    DocumentError,
    LimitExceededError,
    NoTextLayerError,
)
from atsmatch.limits import DEFAULT_LIMITS, Limits
from atsmatch.models import Document, Line

__all__ = ["read_document"]

# The readers map their own failures; this catches what escapes them (a reader bug).
_ERRORS: ErrorMap = {
    MemoryError: (LimitExceededError, "the document needs too much memory"),
    Exception: (CorruptDocumentError, "the document could not be read ({kind})"),
}


def read_document(
    source: str | bytes | os.PathLike[str],
    *,
    limits: Limits | None = None,
    name: str | None = None,
) -> Document:
    """Read a resume or posting into a `Document`.

    A `str` is the text itself (never a path), `bytes` are file content, a `Path` (any
    `os.PathLike`) is a file to read. `name` replaces the `Document.source` label, which
    otherwise is the file name, `"<bytes>"` or `"<text>"`. With `Limits(isolate=True)`, PDF
    and DOCX are parsed in a worker process killed at the time limit, with its memory capped
    (`documents/isolate.py`). `Limits(pdf_reader="pdfium")` reads PDFs with PDFium (the `fast`
    extra; `MissingExtraError` without it).

    >>> read_document("# Skills\\nPython, SQL").lines[0].bold
    True
    """
    limits = limits or DEFAULT_LIMITS
    started = time.monotonic()
    if isinstance(source, str):
        label = name or "<text>"
        if len(source) > limits.max_bytes:  # every character is at least one byte
            raise _over_bytes(len(source), limits, label)
        return _finish_text(_lines(source, label, limits), label, len(source.encode()), limits)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        label = name or "<bytes>"
    elif isinstance(source, os.PathLike):
        path = Path(source)
        label = name or path.name
        data = _read_file(path, label, limits)
    else:
        raise TypeError(
            f"read_document() takes text (str), bytes or a path, not {type(source).__name__}"
        )
    with map_reader_errors(label, _ERRORS):
        return _dispatch(data, label, limits, started)


def _read_file(path: Path, label: str, limits: Limits) -> bytes:
    """Read a file whole, refusing it from its size before reading when it is too large."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limits.max_bytes:
                raise _over_bytes(size, limits, label)
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise DocumentError(f"cannot read the file ({exc.strerror or exc})", source=label) from exc
    return data


def _over_bytes(size: int, limits: Limits, label: str) -> LimitExceededError:
    return LimitExceededError(
        f"{size:,} bytes, over the limit of {limits.max_bytes:,}", source=label
    )


def _dispatch(data: bytes, label: str, limits: Limits, started: float) -> Document:
    if len(data) > limits.max_bytes:
        raise _over_bytes(len(data), limits, label)
    kind = sniff(data, source=label)
    pdfium = kind == "pdf" and limits.pdf_reader == "pdfium"
    if pdfium:
        from atsmatch.documents.pdfium import require_pdfium

        require_pdfium()  # here, not in the isolating child: the error names the extra
    if limits.isolate and kind != "text":
        from atsmatch.documents.isolate import read_isolated

        return read_isolated(data, source=label, limits=limits)
    if pdfium:
        from atsmatch.documents.pdfium import read_pdf_pdfium

        return read_pdf_pdfium(data, source=label, limits=limits, started=started)
    if kind == "pdf":
        from atsmatch.documents.pdf import read_pdf

        return read_pdf(data, source=label, limits=limits, started=started)
    if kind == "zip":
        from atsmatch.documents.docx import read_docx

        return read_docx(data, source=label, limits=limits, started=started)
    text = decode_text(data, source=label)
    return _finish_text(_lines(text, label, limits), label, len(data), limits)


def _lines(text: str, label: str, limits: Limits) -> tuple[list[Line], int]:
    """The text's lines, counted against the character limit as they are made, and how many
    characters they hold."""
    try:
        return counted_text_lines(text, max_chars=limits.max_chars)
    except LimitReached as exc:
        raise LimitExceededError(str(exc), source=label) from None


def _finish_text(read: tuple[list[Line], int], label: str, size: int, limits: Limits) -> Document:
    lines, total = read  # the lines and their characters, counted as they were made
    if size > limits.max_bytes:
        raise _over_bytes(size, limits, label)
    if total > limits.max_chars:
        raise LimitExceededError(
            f"{total:,} characters of text, over the limit of {limits.max_chars:,}", source=label
        )
    if not lines:
        raise NoTextLayerError("the document holds no text", source=label)
    return Document(source=label, format="text", byte_size=size, lines=tuple(lines))
