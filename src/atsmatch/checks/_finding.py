"""One way to build a `Finding` with its evidence, shared by the check modules."""

from __future__ import annotations

from typing import Literal

from atsmatch.models import Document, Finding

__all__ = ["Severity", "finding", "plural", "sit"]

Severity = Literal["error", "warning", "info"]


def finding(
    id: str,
    severity: Severity,
    message: str,
    fix: str,
    document: Document | None = None,
    index: int | None = None,
    text: str | None = None,
) -> Finding:
    """A finding whose evidence is line `index` of `document` (its page and text) when given."""
    line = document.lines[index] if document is not None and index is not None else None
    return Finding(
        id=id,
        severity=severity,
        message=message,
        fix=fix,
        page=line.page if line is not None else None,
        line=index,
        text=text if text is not None else (line.text if line is not None else None),
    )


def plural(count: int, word: str) -> str:
    """ "1 line", "3 lines"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def sit(count: int) -> str:
    """The verb after `plural(count, "line")`: "1 line sits", "3 lines sit"."""
    return "sits" if count == 1 else "sit"
