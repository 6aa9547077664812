"""The Markdown view of a `MatchReport` (for pull requests, notes, emails)."""

from __future__ import annotations

from atsmatch.models import MatchReport
from atsmatch.render._common import (
    GROUP_LABELS,
    evidence_label,
    placement_label,
    qualification_lines,
    with_group,
)

__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: MatchReport) -> str:
    """The whole report as GitHub-flavoured Markdown."""
    out = [f"# Match report: {report.score:.1f} / 100 ({report.verdict})", ""]
    job = report.job_source + (f" ({report.job_title})" if report.job_title else "")
    out += [
        f"- Resume: `{report.resume_source}`",
        f"- Job: `{job}`",
        f"- Keywords matched: {len(report.matched)} of {len(report.keywords)}",
        *(
            f"- {label}{f' ({counts})' if counts else ''}: {reason}"
            for label, counts, reason in qualification_lines(report)
        ),
        *(
            [f"- Parseability (how well an ATS reads the file): {report.parseability:.0f} / 100"]
            if report.parseability is not None
            else []
        ),
        f"- Scorer: `{report.scorer}`, vocabulary {report.taxonomy_version}, "
        f"atsmatch {report.atsmatch_version}",
        "",
    ]
    if report.subscores:
        out += ["## Subscores", "", "| group | score | keywords |", "|---|---:|---:|"]
        out += [
            f"| {GROUP_LABELS.get(s.group, s.group)} | {s.score:.1f} | {s.keywords} |"
            for s in report.subscores
        ]
        out.append("")
    matched = set(report.matched)
    rows = [k for k in report.keywords if k.skill_id in matched]
    if rows:
        out += ["## Matched keywords", "", "| keyword | level | weight | credit | where |",
                "|---|---|---:|---:|---|"]  # fmt: skip
        out += [
            f"| {_cell(k.name)} | {k.level} | {k.weight:.2f} | {k.credit:.2f} "
            f"| {_cell(with_group(k, evidence_label(k)))} |"
            for k in rows
        ]
        out.append("")
    skills_missing = [m for m in report.missing if m.category != "certification"]
    if skills_missing:
        out += ["## Missing keywords", "", "| keyword | level | weight | related evidence "
                "| where it would go |", "|---|---|---:|---|---|"]  # fmt: skip
        for m in skills_missing:
            related = ", ".join(m.related_evidence) or (
                f"none (real gap); covered by {m.certification}"
                if m.certification
                else "none (real gap)"
            )
            out.append(
                f"| {_cell(m.name)} | {m.level} | {m.weight:.2f} | {_cell(related)} "
                f"| {_cell(with_group(m, placement_label(m)))} |"
            )
        out.append("")
        out += ["## Top suggestions", ""]
        out += [f"- **{m.name}** ({m.level}): {m.placement.reason}" for m in skills_missing[:5]]
        out.append("")
    if report.certifications:
        out += ["## Certifications", ""]
        out += [
            f"- **{c.name}**{' (asked)' if c.asked else ''}: {c.note}"
            for c in report.certifications
        ]
        out.append("")
    if report.coaching is not None:
        from atsmatch.render.coaching import coaching_markdown, missing_ids

        out += coaching_markdown(report.coaching, missing=missing_ids(report.missing))
    if report.findings:
        out += ["## Findings", ""]
        for f in report.findings:
            page = f" (page {f.page})" if f.page else ""
            fix = f" Fix: {f.fix}" if f.fix else ""
            out.append(f"- **{f.severity}**{page} `{f.id}`: {f.message}.{fix}")
        out.append("")
    return "\n".join(out)
