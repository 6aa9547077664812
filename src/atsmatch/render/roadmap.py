"""The terminal and Markdown views of a `Roadmap`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from atsmatch.models import Roadmap, RoadmapCertification

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["render_roadmap_markdown", "render_roadmap_terminal"]

_PHASE_TITLES = {
    "foundation": "Foundation",
    "core": "Core",
    "specialisation": "Specialisation",
    "advanced": "Advanced",
}


def _facts(cert: RoadmapCertification) -> str:
    """Code, level and preparation time, as far as the vocabulary knows them."""
    parts = [p for p in (cert.code, cert.level) if p]
    if cert.prep_weeks is not None:
        parts.append(f"about {cert.prep_weeks:g} weeks")
    return f" ({', '.join(parts)})" if parts else ""


def _lines(roadmap: Roadmap) -> list[tuple[int, str]]:
    """The roadmap as (kind, text) lines: 0 a bullet, 8 a numbered item, 9 a paragraph, 1 the
    title, 2 a section heading."""
    out: list[tuple[int, str]] = [(1, f"Roadmap: {roadmap.resume_source} towards {roadmap.target}")]
    out.append((9, roadmap.summary))
    for phase in roadmap.phases:
        out.append((2, f"{_PHASE_TITLES[phase.name]} ({len(phase.gaps)})"))
        for gap in phase.gaps:
            asked = f", asked in {gap.postings} postings" if len(roadmap.postings) > 1 else ""
            near = (
                f"; you show {', '.join(gap.related_evidence[:3])}" if gap.related_evidence else ""
            )
            out.append((0, f"{gap.name}: {gap.reason}{asked}{near}"))
    if roadmap.certifications:
        out.append((2, "Certifications that close the most gaps"))
        for number, cert in enumerate(roadmap.certifications, 1):
            out.append((8, f"{number}. {cert.name}{_facts(cert)}: {cert.reason}"))
    for path in roadmap.paths:
        weeks = f", about {path.prep_weeks:g} weeks in all" if path.prep_weeks else ""
        out.append((2, f"Path: {path.issuer}{weeks}"))
        out += [(0, f"{cert.name}{_facts(cert)}: {cert.reason}") for cert in path.steps]
    if roadmap.held:
        out.append((2, "Certifications you hold"))
        out += [(0, f"{c.name}: {c.note}") for c in roadmap.held]
    if roadmap.proven:
        out.append((2, f"What the resume already proves ({len(roadmap.proven)})"))
        out += [(0, f"{p.name} ({p.credit:.2f}): {p.evidence}") for p in roadmap.proven]
    return out


def render_roadmap_markdown(roadmap: Roadmap) -> str:
    """The roadmap as GitHub-flavoured Markdown."""
    out = []
    for level, text in _lines(roadmap):
        if level in (0, 8):
            out.append(text if level == 8 else f"- {text}")
        elif level == 9:
            out += [text, ""]
        else:
            out += ([""] if out and out[-1] else []) + ["#" * level + " " + text, ""]
    return "\n".join(out) + "\n"


def render_roadmap_terminal(roadmap: Roadmap, console: Console) -> None:
    """Print the roadmap: summary, phases, certification picks and paths, what is proven."""
    from rich.markup import escape

    for level, text in _lines(roadmap):
        if level in (0, 8):
            console.print(f"  {'' if level == 8 else '• '}{escape(text)}")
        elif level == 9:
            console.print(escape(text))
        else:
            console.print(f"[bold]{escape(text)}[/bold]")
