"""The terminal and Markdown views of a `Roadmap`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from atsmatch.models import Phase, Roadmap, RoadmapCertification

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["PHASE_TITLES", "render_roadmap_markdown", "render_roadmap_terminal"]

PHASE_TITLES: dict[Phase, str] = {
    "foundation": "Foundation",
    "core": "Core",
    "specialisation": "Specialisation",
    "advanced": "Advanced",
}

_Kind = Literal["title", "heading", "paragraph", "item"]


def _named(cert: RoadmapCertification) -> str:
    """The name, then code, level and preparation time as far as the vocabulary knows them."""
    facts = [p for p in (cert.code, cert.level) if p]
    if cert.prep_weeks is not None:
        facts.append(f"about {cert.prep_weeks:g} weeks")
    return cert.name + (f" ({', '.join(facts)})" if facts else "")


def _lines(roadmap: Roadmap) -> list[tuple[_Kind, str, str, str]]:
    """The roadmap as (kind, marker, name, rest) lines; an item's marker is "" for a bullet or
    its number ("1. "), its name leads its text."""
    out: list[tuple[_Kind, str, str, str]] = [
        ("title", "", f"Roadmap: {roadmap.resume_source} towards {roadmap.target}", ""),
        ("paragraph", "", roadmap.summary, ""),
    ]
    for phase in roadmap.phases:
        out.append(("heading", "", f"{PHASE_TITLES[phase.name]} ({len(phase.gaps)})", ""))
        for gap in phase.gaps:
            asked = f", asked in {gap.postings} postings" if len(roadmap.postings) > 1 else ""
            near = (
                f"; you show {', '.join(gap.related_evidence[:3])}" if gap.related_evidence else ""
            )
            out.append(("item", "", gap.name, f": {gap.reason}{asked}{near}"))
    if roadmap.certifications:
        out.append(("heading", "", "Certifications that close the most gaps", ""))
        for number, cert in enumerate(roadmap.certifications, 1):
            out.append(("item", f"{number}. ", _named(cert), f": {cert.reason}"))
    for path in roadmap.paths:
        weeks = f", about {path.prep_weeks:g} weeks in all" if path.prep_weeks else ""
        out.append(("heading", "", f"Path: {path.issuer}{weeks}", ""))
        out += [("item", "", _named(cert), f": {cert.reason}") for cert in path.steps]
    if roadmap.held:
        out.append(("heading", "", "Certifications you hold", ""))
        out += [("item", "", c.name, f": {c.note}") for c in roadmap.held]
    if roadmap.proven:
        out.append(("heading", "", f"What the resume already proves ({len(roadmap.proven)})", ""))
        out += [("item", "", p.name, f" ({p.credit:.2f}): {p.evidence}") for p in roadmap.proven]
    return out


def render_roadmap_markdown(roadmap: Roadmap) -> str:
    """The roadmap as GitHub-flavoured Markdown."""
    out = []
    for kind, marker, name, rest in _lines(roadmap):
        if kind == "item":
            out.append(f"{marker or '- '}{name}{rest}")
        elif kind == "paragraph":
            out += [name, ""]
        else:
            level = 1 if kind == "title" else 2
            out += ([""] if out and out[-1] else []) + ["#" * level + " " + name, ""]
    return "\n".join(out) + "\n"


def render_roadmap_terminal(roadmap: Roadmap, console: Console) -> None:
    """Print the roadmap: summary, phases, certification picks and paths, what is proven.

    Items hang under their first word (as in the match report), so a wrapped line never reads
    as a new item.
    """
    from rich.text import Text

    from atsmatch.render._common import hanging

    for kind, marker, name, rest in _lines(roadmap):
        if kind == "item":
            item = Text.assemble((name, "bold"), rest)
            console.print(hanging(item, indent=2, marker=marker or "• "))
        elif kind == "paragraph":
            console.print(Text(name))
        else:
            console.print(Text(name, style="bold"))
