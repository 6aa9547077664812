"""Views of a `ParseReport` (`atsmatch check`): rich terminal, Markdown (JSON: `render_json`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from atsmatch.models import Finding, ParseReport, ParseSummary
from atsmatch.render._common import hanging

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "parseability_band",
    "render_check_markdown",
    "render_check_terminal",
    "summary_rows",
]

_SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def parseability_band(score: float) -> str:
    """A few words for a parseability subscore."""
    if score >= 90:
        return "reads cleanly"
    if score >= 70:
        return "minor risks"
    if score >= 40:
        return "likely misread"
    return "unreadable or badly misread"


def _band_style(score: float) -> str:
    return "green" if score >= 90 else "yellow" if score >= 70 else "red"


def summary_rows(summary: ParseSummary) -> list[tuple[str, str]]:
    """What was recognised, as (label, value) rows."""
    if summary.format is None:
        return [("text", "none could be read")]
    sections = ", ".join(
        f"{heading} ({kind})" if heading.lower() != kind else heading
        for heading, kind in zip(summary.sections, summary.section_kinds, strict=True)
    )
    return [
        ("file", f"{summary.format}, {summary.pages} page(s), {summary.byte_size:,} bytes"),
        ("text", f"{summary.words} words, {summary.columns} column(s), {summary.images} image(s)"),
        ("name", summary.name or "not found"),
        ("contact", ", ".join(summary.contact) or "none found"),
        ("sections", sections or "none recognised"),
        ("roles", f"{summary.roles} ({summary.dated_roles} with dates)"),
        ("bullets", str(summary.bullets)),
    ]


def _counts(findings: tuple[Finding, ...]) -> str:
    parts = []
    for severity in ("error", "warning", "info"):
        n = sum(1 for f in findings if f.severity == severity)
        if n:
            parts.append(f"{n} {severity}{'s' if n > 1 else ''}")
    return ", ".join(parts) or "no findings"


def render_check_terminal(report: ParseReport, console: Console) -> None:
    """Print the subscore, what was recognised, and every finding with its evidence and fix."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    headline = Text()
    style = _band_style(report.parseability)
    headline.append(f"{report.parseability:.0f}", style=f"bold {style}")
    headline.append(" / 100 parseability  ")
    headline.append(parseability_band(report.parseability), style=style)
    headline.append(f"   {_counts(report.findings)}", style="dim")
    console.print(Panel(headline, title=report.source, title_align="left"))

    table = Table(
        title="What was recognised", title_justify="left", show_edge=False, show_header=False
    )
    table.add_column("")
    table.add_column("", overflow="fold")
    for key, value in summary_rows(report.summary):
        table.add_row(key, value)
    console.print(table)

    if not report.findings:
        console.print("No findings: an ATS should read this file as it is.")
        return
    console.print("[bold]Findings[/bold]")
    for f in report.findings:
        where = f" page {f.page}" if f.page else ""
        where += f", line {f.line + 1}" if f.line is not None else ""
        line = Text()
        line.append(f.severity, style=_SEVERITY_STYLE[f.severity])
        line.append(" ")
        line.append(f.id, style="bold")
        line.append(f"{where}: {f.message}")
        console.print(hanging(line, indent=2))
        if f.text:
            for row in f.text.splitlines()[:4]:
                console.print(hanging(Text(row[:110], style="dim"), indent=6, marker="| "))
        if f.fix:
            console.print(hanging(f"fix: {f.fix}", indent=6))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_check_markdown(report: ParseReport) -> str:
    """The parseability report as GitHub-flavoured Markdown."""
    out = [
        f"# Parseability: {report.parseability:.0f} / 100 "
        f"({parseability_band(report.parseability)})",
        "",
        f"- File: `{report.source}`",
        f"- Findings: {_counts(report.findings)}",
        f"- atsmatch {report.atsmatch_version}",
        "",
        "## What was recognised",
        "",
        "| | |",
        "|---|---|",
    ]
    out += [f"| {key} | {_cell(value)} |" for key, value in summary_rows(report.summary)]
    out.append("")
    if report.findings:
        out += ["## Findings", ""]
        for f in report.findings:
            where = f" (page {f.page})" if f.page else ""
            out.append(f"- **{f.severity}**{where} `{f.id}`: {f.message}.")
            if f.text:
                out += ["", "  ```text", *(f"  {row}" for row in f.text.splitlines()[:4]), "  ```"]
            if f.fix:
                out.append(f"  Fix: {f.fix}.")
        out.append("")
    return "\n".join(out)
