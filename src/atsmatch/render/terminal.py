"""The rich terminal view of a `MatchReport`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from atsmatch.models import MatchReport
from atsmatch.render._common import (
    GROUP_LABELS,
    evidence_label,
    hanging,
    placement_label,
    qualification_lines,
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


def _keyword_grid(width: int) -> Table:
    """One line of a keyword table: the name takes what the three fixed columns leave."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_column(width=9, no_wrap=True)
    grid.add_column(width=6, justify="right", no_wrap=True)
    grid.add_column(width=7, justify="right", no_wrap=True)
    grid.width = width
    return grid


def _keyword_table(
    console: Console,
    title: str,
    credit: str,
    where: str,
    rows: Sequence[tuple[str, str, float, float, str]],
    more: int,
) -> None:
    """One line per keyword, then where it is (or would go) on the lines under it, in full.

    The where text is the most useful part of the report, so it gets the whole width below
    its row rather than a column cut to what four other columns leave of 80.
    """
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    console.print(Text(title, style="bold"))
    header = _keyword_grid(console.width)
    header.add_row(
        Text("keyword", style="bold"),
        Text("level", style="bold"),
        Text("weight", style="bold"),
        Text(credit, style="bold"),
    )
    console.print(header)
    console.print(Text(f"    {where}", style="dim"))
    console.print(Rule(style="dim"))
    for name, level, weight, value, detail in rows:
        line = _keyword_grid(console.width)
        line.add_row(Text(name), level, f"{weight:.2f}", f"{value:.2f}")
        console.print(line)
        console.print(Padding(Text(detail, style="dim"), (0, 0, 0, 4)))
    if more:
        console.print(Text(f"... and {more} more (see --format json)", style="dim"))


def render_terminal(report: MatchReport, console: Console, *, top: int = 15) -> None:
    """Print the report: score and verdict, subscores, matched and missing keywords, findings."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    # Short lines, so the panel reads whole at 80 columns: a long job title has a line of its own.
    title = f"{report.resume_source}  vs  {report.job_source}"
    headline = Text()
    headline.append(f"{report.score:.1f}", style=_BAND_STYLE.get(report.verdict, "bold"))
    headline.append(" / 100  ")
    headline.append(report.verdict, style=_BAND_STYLE.get(report.verdict, "bold"))
    headline.append(
        f"   {len(report.matched)} of {len(report.keywords)} job keywords matched", style="dim"
    )
    if report.job_title:
        headline.append(f"\njob: {report.job_title}")
    details = [f"scorer {report.scorer}"]
    if report.parseability is not None:  # the file's ATS readability, apart from the score
        details.insert(0, f"parseability {report.parseability:.0f} / 100")
    headline.append("\n" + "   ".join(details), style="dim")
    console.print(Panel(headline, title=title, title_align="left"))
    for label, counts, reason in qualification_lines(report):
        item = Text.assemble(reason, (f" ({counts})" if counts else "", "dim"))
        console.print(hanging(item, indent=0, marker=f"{label}: "))

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
        rows = [
            (
                k.name,
                k.level,
                k.weight,
                k.credit,
                with_group(k, evidence_label(k, width=None)),
            )
            for k in matched[:top]
        ]
        _keyword_table(
            console, "Matched keywords", "credit", "where the resume shows it", rows,
            max(0, len(matched) - top),
        )  # fmt: skip

    skills_missing = [m for m in report.missing if m.category != "certification"]
    if skills_missing:
        rows = []
        for m in skills_missing[:top]:
            where = placement_label(m, width=None)
            if m.related_evidence:
                where = f"related: {', '.join(m.related_evidence)}; {where}"
            elif m.certification:
                where = f"real gap; {m.certification} covers it; {where}"
            elif m.gap:
                where = f"real gap; {where}"
            where = with_group(m, where)
            rows.append((m.name, m.level, m.weight, m.partial_credit, where))
        _keyword_table(
            console, "Missing keywords", "partial", "where it would go", rows,
            max(0, len(skills_missing) - top),
        )  # fmt: skip
        console.print(Text("Top suggestions", style="bold"))
        for m in skills_missing[:5]:
            item = Text.assemble((m.name, "bold"), f" ({m.level}): {m.placement.reason}")
            console.print(hanging(item, indent=2, marker="• "))

    if report.certifications:
        console.print(Text("Certifications", style="bold"))
        for c in report.certifications:
            asked = " (asked)" if c.asked else ""
            item = Text.assemble((c.name, "bold"), f"{asked}: {c.note}")
            console.print(hanging(item, indent=2, marker="• "))

    if report.coaching is not None:
        from atsmatch.render.coaching import missing_ids, render_coaching

        render_coaching(report.coaching, console, top=top, missing=missing_ids(report.missing))

    if report.findings:
        console.print(Text("Findings", style="bold"))
        for f in report.findings:
            where = f" (page {f.page})" if f.page else ""
            line = Text.assemble((f.severity, _SEVERITY_STYLE[f.severity]), f"{where}: {f.message}")
            console.print(hanging(line, indent=2))
            if f.text:
                console.print(hanging(Text(shorten(f.text, 90), style="dim"), indent=6))
            if f.fix:
                console.print(hanging(f"fix: {f.fix}", indent=6))
