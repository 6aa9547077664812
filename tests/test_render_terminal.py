"""The rich views fit the terminal: no line past its width, evidence shown whole, never cut."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from rich.console import Console

from atsmatch import Matcher
from atsmatch.models import MatchReport, ParseReport, Roadmap
from atsmatch.render import render_terminal
from atsmatch.render.check import render_check_terminal
from atsmatch.render.ranking import render_ranking_terminal
from atsmatch.render.roadmap import render_roadmap_markdown, render_roadmap_terminal
from atsmatch.roadmaps import build_roadmap

from .conftest import EXAMPLES

WIDTHS = (60, 80, 120)


@pytest.fixture(scope="module")
def report(matcher: Matcher) -> MatchReport:
    """The example resume against the example posting, on a fixed date."""
    return matcher.match(
        EXAMPLES / "resume.pdf", EXAMPLES / "job_ml_engineer.txt", today=date(2026, 1, 15)
    )


def _lines(width: int, draw: Callable[[Console], None]) -> list[str]:
    """What `draw` prints on a console `width` columns wide, line by line."""
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    draw(console)
    return console.export_text().splitlines()


def _flat(lines: list[str]) -> str:
    """The printed words in order, wrapping undone."""
    return " ".join(" ".join(lines).split())


class TestMatchReport:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_fits_width(self, report: MatchReport, width: int) -> None:
        """No printed line is longer than the console."""
        lines = _lines(width, lambda c: render_terminal(report, c))
        assert max(len(line) for line in lines) <= width

    @pytest.mark.parametrize("width", WIDTHS)
    def test_evidence_whole(self, report: MatchReport, width: int) -> None:
        """Each shown keyword's evidence text is printed in full, wrapped under its row."""
        text = _flat(_lines(width, lambda c: render_terminal(report, c)))
        matched = [k for k in report.keywords if k.skill_id in set(report.matched)][:15]
        assert matched
        for keyword in matched:
            assert " ".join(keyword.evidence[0].text.split()) in text, keyword.name

    @pytest.mark.parametrize("width", WIDTHS)
    def test_placement_whole(self, report: MatchReport, width: int) -> None:
        """Where a missing keyword would go is printed in full (the bullet or skills line quoted;
        a summary placement is named, not quoted; certifications have their own list)."""
        text = _flat(_lines(width, lambda c: render_terminal(report, c)))
        skills = [m for m in report.missing if m.category != "certification"]
        placed = [m for m in skills[:15] if m.placement.text and m.placement.where != "summary"]
        assert placed
        for missing in placed:
            assert " ".join((missing.placement.text or "").split()) in text, missing.name

    @pytest.mark.parametrize("width", WIDTHS)
    def test_nothing_cut(self, report: MatchReport, width: int) -> None:
        """No text is cut with an ellipsis."""
        lines = _lines(width, lambda c: render_terminal(report, c))
        assert not [line for line in lines if "…" in line]

    def test_row_then_evidence(self, report: MatchReport) -> None:
        """At 80 columns a keyword's row holds its figures, the next line its evidence."""
        lines = _lines(80, lambda c: render_terminal(report, c))
        row = next(i for i, line in enumerate(lines) if line.startswith("Kubernetes "))
        assert lines[row].split()[1:] == ["required", "3.60", "1.00"]
        assert lines[row + 1].startswith("    shown in experience: Designed a FastAPI")

    def test_wrapped_items_keep_indent(self, report: MatchReport) -> None:
        """A wrapped suggestion or finding continues under its text, not at column 0."""
        lines = [line.rstrip() for line in _lines(60, lambda c: render_terminal(report, c))]
        first = lines.index("Top suggestions") + 1
        top = next(m for m in report.missing if m.category != "certification")
        assert lines[first].startswith(f"  • {top.name} ({top.level}): ")
        assert lines[first + 1].startswith("    ") and lines[first + 1].strip()


class TestOtherViews:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_check_fits(self, matcher: Matcher, width: int) -> None:
        """The `check` report fits the console."""
        check: ParseReport = matcher.check(EXAMPLES / "resume.docx")
        lines = _lines(width, lambda c: render_check_terminal(check, c))
        assert max(len(line) for line in lines) <= width

    @pytest.mark.parametrize("width", WIDTHS)
    def test_ranking_fits(self, matcher: Matcher, width: int) -> None:
        """The `rank` table fits the console."""
        ranked = matcher.rank(
            EXAMPLES / "job_ml_engineer.txt",
            [EXAMPLES / "resume.pdf", EXAMPLES / "resume.txt"],
            today=date(2026, 1, 15),
        )
        lines = _lines(width, lambda c: render_ranking_terminal(ranked, c, title="ranked"))
        assert max(len(line) for line in lines) <= width


@pytest.fixture(scope="module")
def roadmap(matcher: Matcher) -> Roadmap:
    """The example resume's roadmap towards the MLOps role, on a fixed date."""
    return build_roadmap(
        matcher, EXAMPLES / "resume.pdf", role="mlops-engineer", today=date(2026, 1, 15)
    )


class TestRoadmap:
    @pytest.mark.parametrize("width", WIDTHS)
    def test_fits_width(self, roadmap: Roadmap, width: int) -> None:
        """No printed line is longer than the console."""
        lines = _lines(width, lambda c: render_roadmap_terminal(roadmap, c))
        assert max(len(line) for line in lines) <= width

    @pytest.mark.parametrize("width", WIDTHS)
    def test_wrapped_items_keep_indent(self, roadmap: Roadmap, width: int) -> None:
        """Only the title, the summary and headings start at column 0: an item's wrapped lines
        continue under its text."""
        markdown = render_roadmap_markdown(roadmap).splitlines()
        unindented = " ".join(
            [roadmap.summary, *(line.lstrip("# ") for line in markdown if line.startswith("#"))]
        )
        lines = _lines(width, lambda c: render_roadmap_terminal(roadmap, c))
        for line in lines:
            if line.strip() and not line.startswith(" "):
                assert line.rstrip() in unindented, line

    @pytest.mark.parametrize("width", WIDTHS)
    def test_items_whole(self, roadmap: Roadmap, width: int) -> None:
        """Each pick's reason and each proof's evidence is printed whole, as the roadmap has it."""
        text = _flat(_lines(width, lambda c: render_roadmap_terminal(roadmap, c)))
        assert roadmap.certifications and roadmap.proven
        for cert in roadmap.certifications:
            assert cert.reason in text, cert.name
        for proof in roadmap.proven:
            assert " ".join(proof.evidence.split()) in text, proof.name

    def test_wrapped_pick_under_its_name(self, roadmap: Roadmap) -> None:
        """At 80 columns a numbered pick that wraps continues under its name, past the number."""
        lines = _lines(80, lambda c: render_roadmap_terminal(roadmap, c))
        first = next(i for i, line in enumerate(lines) if line.startswith("  2. "))
        assert lines[first + 1].startswith("     ") and lines[first + 1].strip()
