"""Wording shared by the terminal, Markdown and HTML views, and the terminal's hanging indent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from atsmatch.models import (
    EducationMatch,
    Evidence,
    KeywordResult,
    MatchReport,
    MissingKeyword,
    TitleMatch,
)

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

__all__ = [
    "GROUP_LABELS",
    "evidence_label",
    "hanging",
    "placement_label",
    "qualification_lines",
    "shorten",
    "with_group",
]

GROUP_LABELS = {
    "hard_skills": "Tools & technologies",
    "concepts": "Methods & concepts",
    "certifications": "Certifications",
    "soft_skills": "Soft skills",
}

_KIND_LABELS = {
    "experience": "shown in",
    "skills_list": "listed in",
    "other": "named in",
    "certified": "held, listed in",
    "successor": "via its successor in",
    "child": "via a more specific skill in",
    "parent": "via a broader skill in",
    "related": "via a related skill in",
}


def shorten(text: str, width: int | None = 70) -> str:
    """One line of at most `width` characters (`None`: whitespace collapsed, never cut)."""
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def evidence_label(keyword: KeywordResult, *, width: int | None = 60) -> str:
    """Where the resume shows a keyword, in a few words (naming the skill behind credit earned
    through a relative); the quoted text cut to `width`."""
    if not keyword.evidence:
        return "not found"
    ev: Evidence = keyword.evidence[0]
    via = f" ({ev.name})" if ev.skill_id != keyword.skill_id else ""
    fuzzy = " [misspelt]" if ev.fuzzy else ""
    kind = _KIND_LABELS.get(ev.kind, ev.kind)
    return f"{kind} {ev.section}{via}{fuzzy}: {shorten(ev.text, width)}"


def with_group(item: KeywordResult | MissingKeyword, text: str) -> str:
    """`text` led by the options of an any-of group ("one of: Airflow, Dagster; ..."), if any."""
    if not item.any_of:
        return text
    return f"one of: {', '.join(o.name for o in item.any_of)}; {text}"


def qualification_lines(report: MatchReport) -> list[tuple[str, str, str]]:
    """The Title and Education lines: (label, how it counts, reason), for a report that has them.

    How it counts: "credit 0.80, 15% of the score", "credit 1.00, not in the score" (a scorer
    before weighted.v4), or "" when there was nothing to compare.
    """
    lines: list[tuple[str, str, str]] = []
    parts: tuple[tuple[str, TitleMatch | EducationMatch | None], ...] = (
        ("Title", report.title_match),
        ("Education", report.education_match),
    )
    for label, part in parts:
        if part is None:
            continue
        counts = ""
        if part.credit is not None:
            share = f"{part.weight:.0%} of the score" if part.weight else "not in the score"
            counts = f"credit {part.credit:.2f}, {share}"
        lines.append((label, counts, part.reason))
    return lines


def placement_label(missing: MissingKeyword, *, width: int | None = 60) -> str:
    """Where a missing keyword would go; the quoted text cut to `width`."""
    place = missing.placement
    if place.where == "bullet" and place.text:
        return f"bullet: {shorten(place.text, width)}"
    if place.where == "skills":
        short = width if width is None else width - 10
        return "skills section" + (f": {shorten(place.text, short)}" if place.text else "")
    return "summary"


def hanging(text: Text | str, *, indent: int, marker: str = "") -> Table:
    """`text` after `indent` spaces and a marker, its wrapped lines aligned under its first word.

    Printed as is, rich would wrap a long item back to column 0, where it reads as a new line.
    """
    from rich.table import Table

    grid = Table.grid(expand=True)
    grid.add_column(width=indent + len(marker), no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(" " * indent + marker, text)
    return grid
