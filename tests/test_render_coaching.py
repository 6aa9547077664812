"""The coaching lines every view shows: months per job keyword, whole and consistent."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console

from atsmatch import Matcher
from atsmatch.models import Coaching, MatchReport, SkillExperience, WordCount
from atsmatch.render import render_markdown, render_terminal
from atsmatch.render.coaching import coaching_lines, missing_ids
from atsmatch.render.html import render_match_html

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def report(matcher: Matcher) -> MatchReport:
    """The example resume (text) against the example posting: Statistics is missing, and
    the resume's more specific skills show months of it."""
    return matcher.match(
        EXAMPLES / "resume.txt", EXAMPLES / "job_ml_engineer.txt", today=date(2026, 1, 15)
    )


def _coaching(*experience: SkillExperience) -> Coaching:
    return Coaching(
        today="2026-01-15",
        length=WordCount(words=500, pages=1, per_page=500.0),
        skill_experience=experience,
    )


def _months_line(coaching: Coaching, missing: frozenset[str]) -> str:
    lines = coaching_lines(coaching, cut=False, top=15, missing=missing)
    return next(text for _, text in lines if text.startswith("Months per job keyword:"))


class TestKeywordMonths:
    def test_missing_through_other_skills(self) -> None:
        """A missing keyword's months say they come through more specific skills."""
        stats = SkillExperience(
            skill_id="statistics", name="Statistics", months=12, roles=(0,), via=("A/B Testing",)
        )
        line = _months_line(_coaching(stats), frozenset({"statistics"}))
        assert line == "Months per job keyword: Statistics 12 m through more specific skills"

    def test_missing_without_other_skills_left_out(self) -> None:
        """A missing keyword whose months come from itself (a typo) is left out of the line."""
        python = SkillExperience(skill_id="python", name="Python", months=12, roles=(0,))
        sql = SkillExperience(skill_id="sql", name="SQL", months=6, roles=(0,))
        line = _months_line(_coaching(python, sql), frozenset({"python"}))
        assert line == "Months per job keyword: SQL 6 m"

    def test_present_keyword_unchanged(self) -> None:
        """A keyword the resume has keeps its plain months, even when some came through others."""
        python = SkillExperience(
            skill_id="python", name="Python", months=12, roles=(0,), via=("FastAPI",)
        )
        assert _months_line(_coaching(python), frozenset()) == "Months per job keyword: Python 12 m"

    def test_any_of_options_count_as_missing(self, report: MatchReport) -> None:
        """Every option of an unmet any-of group is among the missing skills."""
        groups = [m for m in report.missing if m.any_of]
        assert groups
        assert {o.skill_id for m in groups for o in m.any_of} <= missing_ids(report.missing)

    @pytest.mark.parametrize("width", [50, 60, 80, 120])
    def test_terminal_items_whole(self, report: MatchReport, width: int) -> None:
        """On the terminal no "Name N m" item is split across two lines."""
        console = Console(width=width, record=True, color_system=None, file=io.StringIO())
        render_terminal(report, console)
        lines = console.export_text().splitlines()
        start = next(i for i, line in enumerate(lines) if "Months per job keyword:" in line)
        block = [line.strip() for line in lines[start : start + 12]]
        missing = missing_ids(report.missing)
        for e in report.coaching.skill_experience[:15] if report.coaching else ():
            if e.skill_id not in missing:
                assert any(f"{e.name} {e.months} m" in line for line in block), (e.name, width)
        assert max(len(line) for line in lines) <= width

    def test_every_view_says_through(self, report: MatchReport) -> None:
        """Terminal, Markdown and HTML all word the missing keyword's months the same way."""
        assert report.coaching is not None
        stats = next(e for e in report.coaching.skill_experience if e.skill_id == "statistics")
        assert "statistics" in missing_ids(report.missing)
        through = f"Statistics {stats.months} m through more specific skills"
        console = Console(width=200, record=True, color_system=None, file=io.StringIO())
        render_terminal(report, console)
        assert through in console.export_text()
        assert through in render_markdown(report)
        assert through in render_match_html(report)
