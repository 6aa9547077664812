"""Real resumes from tests/corpus: the same content in other layouts gives the same skills."""

from __future__ import annotations

from pathlib import Path

import pytest

from atsmatch import Matcher

from .conftest import CORPUS

RESUMES = CORPUS / "resumes"


def skill_set(matcher: Matcher, path: Path) -> set[str]:
    return {hit.skill_id for hit in matcher.extract(matcher.parse_resume(path))}


class TestSameContentSameSkills:
    def test_rendercv_themes(self, matcher: Matcher) -> None:
        """The two rendercv themes of one CV give the same, non-trivial skill set."""
        classic = skill_set(matcher, RESUMES / "John_Doe_ClassicTheme_CV.pdf")
        sb2nov = skill_set(matcher, RESUMES / "John_Doe_Sb2novTheme_CV.pdf")
        assert classic == sb2nov
        assert len(classic) >= 20

    @pytest.mark.parametrize("family", ["", "modern-"])
    def test_html_templates_one_and_two_columns(self, matcher: Matcher, family: str) -> None:
        """A single- and a two-column rendering of the same resume give the same skills."""
        base = RESUMES / "html_templates"
        single = skill_set(matcher, base / f"{family}single-column.pdf")
        double = skill_set(matcher, base / f"{family}two-column.pdf")
        assert single == double
        assert len(single) >= 20

    def test_all_four_html_templates_agree(self, matcher: Matcher) -> None:
        """All four html_templates (same content) give one skill set."""
        sets = [skill_set(matcher, p) for p in sorted((RESUMES / "html_templates").glob("*.pdf"))]
        assert len(sets) == 4
        assert all(s == sets[0] for s in sets)


class TestTwoColumnReadingOrder:
    def test_two_column_sections_are_whole(self, matcher: Matcher) -> None:
        """In the two-column template every experience bullet sits in the experience section."""
        resume = matcher.parse_resume(RESUMES / "html_templates" / "two-column.pdf")
        single = matcher.parse_resume(RESUMES / "html_templates" / "single-column.pdf")

        def bullets(r):  # type: ignore[no-untyped-def]
            return sorted(
                b.text for b in r.blocks if b.kind == "bullet" and b.section == "experience"
            )

        assert bullets(resume) == bullets(single)
        assert len(bullets(resume)) >= 5
