"""HTML views of reports: one self-contained page each (inline CSS and SVG, nothing fetched).

Jinja2 (the `atsmatch[html]` extra) fills the templates in `render/templates/`, with
autoescaping on: resume and posting text is untrusted, so markup in it prints as text. Each
report kind is one template extending `base.html.j2`, rendered by `render_html`; the
functions below only gather what their template shows.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from atsmatch.errors import MissingExtraError
from atsmatch.models import (
    Block,
    BulletFeedback,
    JobPosting,
    MatchReport,
    ParseReport,
    Phase,
    RankedResult,
    Resume,
    Roadmap,
    SkillHit,
)
from atsmatch.render._common import (
    GROUP_LABELS,
    evidence_label,
    placement_label,
    qualification_lines,
)

if TYPE_CHECKING:
    from jinja2 import Environment

    from atsmatch._api import Matcher

__all__ = [
    "MatchSources",
    "render_check_html",
    "render_html",
    "render_match_html",
    "render_ranking_html",
    "render_roadmap_html",
    "require_jinja2",
]


@dataclass(frozen=True)
class MatchSources:
    """The documents behind a match, for the page's side-by-side resume and posting."""

    resume: Resume
    resume_hits: Sequence[SkillHit]
    job: JobPosting
    job_hits: Sequence[SkillHit]

    @classmethod
    def of(cls, matcher: Matcher, resume: Resume, job: JobPosting) -> MatchSources:
        """The parsed documents with the skills `matcher` finds in them."""
        return cls(resume, matcher.extract(resume), job, matcher.extract(job))


def require_jinja2() -> None:
    """Raise `MissingExtraError` unless Jinja2 can be imported (check before slow work)."""
    _environment()


@cache
def _environment() -> Environment:
    try:
        import jinja2
    except ImportError:
        raise MissingExtraError("--format html", "html", "Jinja2") from None
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("atsmatch.render", "templates"),
        autoescape=True,  # every template: resume text must never become markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals["band"] = _band  # a global: imported macros see no render context
    return environment


@cache
def _script() -> tuple[str, str]:
    """The page's one script and its hash for the Content-Security-Policy (no other runs)."""
    text = files("atsmatch.render").joinpath("templates", "sort.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"sha256-{digest}"


def render_html(template: str, **context: Any) -> str:
    """Fill one of the shipped templates: the whole page, styles and script inline.

    A template extends `base.html.j2` and fills its `title` and `content` blocks; `context`
    is what it reads. Raises `MissingExtraError` when Jinja2 is not installed.
    """
    page = _environment().get_template(template)  # first: it names the extra when it is missing
    from markupsafe import Markup  # installed with Jinja2

    script, script_hash = _script()
    return page.render(
        script=Markup(script),  # our own file, shipped with the package
        script_hash=script_hash,
        **context,
    )


def _band(score: float, good: float = 65.0, fair: float = 50.0) -> str:
    """A colour class for a 0-100 figure (defaults: the verdict bands); words always go with it."""
    return "good" if score >= good else "fair" if score >= fair else "poor"


@dataclass(frozen=True)
class _Piece:
    """A run of a document's text; `anchor` set when it names a job keyword."""

    text: str
    anchor: str | None = None
    status: str = ""  # "matched", "missing" or "related"
    title: str = ""


def _pieces(
    block: Block,
    hits: Sequence[SkillHit],
    anchors: dict[str, tuple[str, str]],
    relatives: dict[str, str],
) -> list[_Piece]:
    """A block's text cut at each keyword it names, the keywords linked to their rows."""
    out: list[_Piece] = []
    at = 0
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        keyword = hit.skill_id if hit.skill_id in anchors else relatives.get(hit.skill_id)
        if keyword is None or hit.start < at:  # not a job keyword, or inside one marked already
            continue
        anchor, status = anchors[keyword]
        related = keyword != hit.skill_id
        out.append(_Piece(block.text[at : hit.start]))
        out.append(
            _Piece(
                block.text[hit.start : hit.end],
                anchor,
                "related" if related else status,
                f"{hit.name}, related to a job keyword" if related else f"{hit.name}: {status}",
            )
        )
        at = hit.end
    out.append(_Piece(block.text[at:]))
    return [p for p in out if p.text]


def _by_block(hits: Sequence[SkillHit]) -> dict[int, list[SkillHit]]:
    out: dict[int, list[SkillHit]] = {}
    for hit in hits:
        out.setdefault(hit.block, []).append(hit)
    return out


def _documents(report: MatchReport, sources: MatchSources) -> dict[str, Any]:
    """Both documents block by block, keywords marked, bullet coaching beside its bullet."""
    matched = set(report.matched)
    anchors = {
        k.skill_id: (f"kw-{i}", "matched" if k.skill_id in matched else "missing")
        for i, k in enumerate(report.keywords)
    }
    # A resume skill that earned credit for a keyword (a parent, child or relative) links there.
    relatives = {
        ev.skill_id: k.skill_id
        for k in report.keywords
        for ev in k.evidence
        if ev.skill_id != k.skill_id
    }
    coaching: dict[int, BulletFeedback] = {}
    if report.coaching is not None:
        coaching = {b.block: b for b in report.coaching.bullets if b.flags}
    resume_hits = _by_block(sources.resume_hits)
    job_hits = _by_block(sources.job_hits)
    return {
        "resume": [
            {
                "kind": block.kind,
                "pieces": _pieces(block, resume_hits.get(i, []), anchors, relatives),
                "coaching": coaching.get(i),
                "try": _first_try(coaching[i]) if i in coaching else None,
            }
            for i, block in enumerate(sources.resume.blocks)
        ],
        "job": [
            {
                "kind": block.kind,
                "level": block.level,
                "pieces": _pieces(block, job_hits.get(i, []), anchors, {}),
            }
            for i, block in enumerate(sources.job.blocks)
        ],
    }


def _first_try(bullet: BulletFeedback) -> str:
    """The rewrite to try first: the first warning's, else the first flag's (as the terminal)."""
    return next((f for f in bullet.flags if f.severity == "warning"), bullet.flags[0]).suggestion


def _coaching_sections(report: MatchReport, *, bullets: bool) -> list[dict[str, Any]]:
    """The coaching lines as headed sections of paragraphs and lists (items with sub-items)."""
    from atsmatch.render.coaching import coaching_lines, missing_ids

    if report.coaching is None:
        return []
    sections: list[dict[str, Any]] = []
    lines = coaching_lines(
        report.coaching,
        cut=False,
        top=10_000,
        bullets=bullets,
        missing=missing_ids(report.missing),
    )
    for kind, text in lines:
        parts = sections[-1]["parts"] if sections else []
        if kind == "h":
            sections.append({"heading": text, "parts": []})
        elif kind == "p":
            parts.append({"text": text, "entries": None})
        elif kind == "i":
            if not parts or parts[-1]["entries"] is None:
                parts.append({"text": "", "entries": []})
            parts[-1]["entries"].append({"text": text, "subs": []})
        else:
            parts[-1]["entries"][-1]["subs"].append(text)
    return sections


def render_match_html(report: MatchReport, sources: MatchSources | None = None) -> str:
    """The match report as one page; with `sources`, the resume and posting side by side."""
    matched = set(report.matched)
    index = {k.skill_id: i for i, k in enumerate(report.keywords)}  # row anchors: kw-<index>
    return render_html(
        "match.html.j2",
        report=report,
        groups=GROUP_LABELS,
        qualifications=qualification_lines(report),
        matched=[
            (i, k, evidence_label(k, width=None))
            for i, k in enumerate(report.keywords)
            if k.skill_id in matched
        ],
        missing=[(index[m.skill_id], m, placement_label(m, width=None)) for m in report.missing],
        documents=_documents(report, sources) if sources is not None else None,
        coaching=_coaching_sections(report, bullets=sources is None),
    )


def render_check_html(report: ParseReport) -> str:
    """The parseability report (`atsmatch check`) as one page."""
    from atsmatch.render.check import parseability_band, summary_rows

    return render_html(
        "check.html.j2",
        report=report,
        band_words=parseability_band(report.parseability),
        summary=summary_rows(report.summary),
    )


def render_ranking_html(results: Sequence[RankedResult], *, title: str) -> str:
    """The ranking (`atsmatch rank`) as one page: a table sortable by any column."""
    return render_html(
        "ranking.html.j2",
        title=title,
        ranked=[r for r in results if r.error is None],
        errors=[r for r in results if r.error is not None],
    )


_PHASE_NOTES: dict[Phase, str] = {
    "foundation": "Learn these first: languages, maths, and skills that other gaps build on.",
    "core": "What the target asks for as a requirement.",
    "specialisation": "Nice to have.",
    "advanced": "Nice to have, and built on another gap: learn that one first.",
}


def render_roadmap_html(roadmap: Roadmap) -> str:
    """The roadmap (`atsmatch roadmap`) as one page: phases, certifications, paths, proof."""
    from atsmatch.render.roadmap import PHASE_TITLES

    return render_html(
        "roadmap.html.j2",
        roadmap=roadmap,
        titles=PHASE_TITLES,
        notes=_PHASE_NOTES,
        several=len(roadmap.postings) > 1,
    )
