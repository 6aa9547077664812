"""The rich terminal view of a `MatchReport`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from atsmatch.models import MatchReport
from atsmatch.render._common import GROUP_LABELS, evidence_label, placement_label, shorten

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["render_terminal"]

_BAND_STYLE = {
    "strong match": "bold green",
    "good match": "green",
    "partial match": "yellow",
    "weak match": "red",
}
_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_terminal(report: MatchReport, console: Console, *, top: int = 15) -> None:
    """Print the report: score and verdict, subscores, matched and missing keywords, findings."""
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
        table = Table(title="Matched keywords", title_justify="left", show_edge=False)
        for name, justify in (("keyword", "left"), ("level", "left"), ("weight", "right"),
                              ("credit", "right"), ("where", "left")):  # fmt: skip
            table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
        for k in matched[:top]:
            table.add_row(k.name, k.level, f"{k.weight:.2f}", f"{k.credit:.2f}", evidence_label(k))
        if len(matched) > top:
            table.caption = f"... and {len(matched) - top} more (see --format json)"
        console.print(table)

    if report.missing:
        table = Table(title="Missing keywords", title_justify="left", show_edge=False)
        for name, justify in (("keyword", "left"), ("level", "left"), ("weight", "right"),
                              ("where it would go", "left")):  # fmt: skip
            table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
        for m in report.missing[:top]:
            where = placement_label(m)
            if m.related_evidence:
                where = f"related: {', '.join(m.related_evidence)}; {where}"
            elif m.certification:
                where = f"{where}; covered by {m.certification}"
            table.add_row(m.name, m.level, f"{m.weight:.2f}", where)
        if len(report.missing) > top:
            table.caption = f"... and {len(report.missing) - top} more (see --format json)"
        console.print(table)

    if report.missing:
        console.print("[bold]Top suggestions[/bold]")
        for m in report.missing[:5]:
            console.print(f"  • [bold]{m.name}[/bold] ({m.level}): {m.placement.reason}")

    if report.findings:
        console.print("[bold]Findings[/bold]")
        for f in report.findings:
            where = f" (page {f.page})" if f.page else ""
            style = _SEVERITY_STYLE[f.severity]
            console.print(f"  [{style}]{f.severity}[/{style}]{where}: {f.message}")
            if f.text:
                console.print(f"      [dim]{shorten(f.text, 90)}[/dim]")
            if f.fix:
                console.print(f"      fix: {f.fix}")
