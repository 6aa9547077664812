"""The rich terminal view of a `MatchReport`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from atsmatch.models import MatchReport
from atsmatch.render._common import (
    GROUP_LABELS,
    evidence_label,
    placement_label,
    shorten,
    with_group,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = ["render_terminal"]

_BAND_STYLE = {
    "strong match": "bold green",
    "good match": "green",
    "partial match": "yellow",
    "weak match": "red",
}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


_FIXED_COLUMNS = 22 + 9 + 6 + 7 + 5 * 2 + 4  # four fixed columns, cell padding, rules


def _keyword_table(title: str, credit: str, where: str, width: int) -> Table:
    """One row per keyword; long evidence is cut to the terminal width, never wrapped."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_edge=False)
    table.add_column("keyword", no_wrap=True, width=22, overflow="ellipsis")
    table.add_column("level", no_wrap=True, width=9)
    table.add_column("weight", justify="right", no_wrap=True, width=6)
    table.add_column(credit, justify="right", no_wrap=True, width=7)
    # An explicit width: rich would otherwise squeeze the fixed columns to fit a long cell.
    table.add_column(
        where, no_wrap=True, overflow="ellipsis", width=max(20, width - _FIXED_COLUMNS)
    )
    return table


def render_terminal(report: MatchReport, console: Console, *, top: int = 15) -> None:
    """Print the report: score and verdict, subscores, matched and missing keywords, findings."""
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    title = f"{report.resume_source}  vs  {report.job_source}"
    if report.job_title:
        title += f"  ({report.job_title})"
    headline = Text()
    headline.append(f"{report.score:.1f}", style=_BAND_STYLE.get(report.verdict, "bold"))
    headline.append(" / 100  ")
    headline.append(report.verdict, style=_BAND_STYLE.get(report.verdict, "bold"))
    headline.append(
        f"   {len(report.matched)} of {len(report.keywords)} job keywords matched"
        f"   scorer {report.scorer}",
        style="dim",
    )
    if report.parseability is not None:  # the file's ATS readability, apart from the score
        headline.append(f"\nparseability {report.parseability:.0f} / 100", style="dim")
    console.print(Panel(headline, title=title, title_align="left"))

    if report.subscores:
        table = Table(title="Subscores", title_justify="left", show_edge=False)
        table.add_column("group")
        table.add_column("score", justify="right")
        table.add_column("keywords", justify="right")
        for sub in report.subscores:
            table.add_row(
                GROUP_LABELS.get(sub.group, sub.group), f"{sub.score:.1f}", str(sub.keywords)
            )
        console.print(table)

    matched = [k for k in report.keywords if k.skill_id in set(report.matched)]
    if matched:
        table = _keyword_table(
            "Matched keywords", "credit", "where the resume shows it", console.width
        )
        for k in matched[:top]:
            where = with_group(k, evidence_label(k))
            table.add_row(k.name, k.level, f"{k.weight:.2f}", f"{k.credit:.2f}", where)
        if len(matched) > top:
            table.caption = f"... and {len(matched) - top} more (see --format json)"
        console.print(table)

    if report.missing:
        table = _keyword_table("Missing keywords", "partial", "where it would go", console.width)
        for m in report.missing[:top]:
            where = placement_label(m)
            if m.related_evidence:
                where = f"related: {', '.join(m.related_evidence)}; {where}"
            elif m.certification:
                where = f"real gap; {m.certification} covers it; {where}"
            elif m.gap:
                where = f"real gap; {where}"
            where = with_group(m, where)
            table.add_row(m.name, m.level, f"{m.weight:.2f}", f"{m.partial_credit:.2f}", where)
        if len(report.missing) > top:
            table.caption = f"... and {len(report.missing) - top} more (see --format json)"
        console.print(table)

    if report.missing:
        console.print("[bold]Top suggestions[/bold]")
        for m in report.missing[:5]:
            console.print(f"  • [bold]{m.name}[/bold] ({m.level}): {m.placement.reason}")

    if report.coaching is not None:
        from atsmatch.render.coaching import render_coaching

        render_coaching(report.coaching, console, top=top)

    if report.findings:
        console.print("[bold]Findings[/bold]")
        for f in report.findings:
            where = f" (page {f.page})" if f.page else ""
            style = _SEVERITY_STYLE[f.severity]
            console.print(f"  [{style}]{f.severity}[/{style}]{where}: {escape(f.message)}")
            if f.text:
                console.print(f"      [dim]{escape(shorten(f.text, 90))}[/dim]")
            if f.fix:
                console.print(f"      fix: {escape(f.fix)}")
