"""One way to build a `Finding` from its id, the values of its templates and its evidence."""

from __future__ import annotations

from atsmatch.findings import FindingId, template
from atsmatch.models import Document, Finding

__all__ = ["finding", "plural", "sit"]


def finding(
    id: FindingId,
    /,
    *,
    variant: str | None = None,
    document: Document | None = None,
    index: int | None = None,
    text: str | None = None,
    page: int | None = None,
    **values: object,
) -> Finding:
    """A finding worded by its entry in `findings.FINDINGS`, its templates filled with `values`.

    The evidence is line `index` of `document` (its page and text) when both are given; `text`
    and `page` stand in for (or override) that line's.
    """
    entry = template(id, variant)
    line = document.lines[index] if document is not None and index is not None else None
    if page is None and line is not None:
        page = line.page
    return Finding(
        id=id,
        severity=entry.severity,
        message=entry.message.format(**values),
        fix=entry.fix.format(**values),
        page=page,
        line=index,
        text=text if text is not None else (line.text if line is not None else None),
    )


def plural(count: int, word: str) -> str:
    """ "1 line", "3 lines"."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def sit(count: int) -> str:
    """The verb after `plural(count, "line")`: "1 line sits", "3 lines sit"."""
    return "sits" if count == 1 else "sit"
