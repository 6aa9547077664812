"""Report models made without validating them again equal their validated copies."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest
from pydantic import BaseModel

from atsmatch.models import (
    BulletFeedback,
    BulletFlag,
    CertificationNote,
    Coaching,
    CoachingFix,
    EducationMatch,
    Evidence,
    EvidenceGap,
    ExperienceCheck,
    KeywordResult,
    MatchReport,
    MissingKeyword,
    Placement,
    RoleBullets,
    SkillExperience,
    Subscore,
    TitleMatch,
    WordCount,
)
from atsmatch.score import scorer_names
from tests.conftest import CORPUS, EXAMPLES, assert_like_validated

if TYPE_CHECKING:
    from atsmatch import Matcher

# The models the scorer (with its title and degree comparisons), the suggestions, the coaching
# the STAR analysis and the match itself make with `_Model._trusted` (or `_defaulted`, which
# calls it).
TRUSTED = (
    MatchReport,
    Evidence,
    KeywordResult,
    Subscore,
    MissingKeyword,
    Placement,
    SkillExperience,
    BulletFeedback,
    BulletFlag,
    Coaching,
    CoachingFix,
    EvidenceGap,
    ExperienceCheck,
    CertificationNote,
    RoleBullets,
    WordCount,
    TitleMatch,
    EducationMatch,
)


def _models(value: object) -> list[BaseModel]:
    """Every model in a report, nested ones too, depth first."""
    if isinstance(value, BaseModel):
        found = [value]
        for name in type(value).model_fields:
            found += _models(getattr(value, name))
        return found
    if isinstance(value, tuple | list):
        return [m for item in value for m in _models(item)]
    return []


def _reports(matcher: Matcher) -> list[MatchReport]:
    """Matches of the example resumes against postings, role profiles and every scorer."""
    resumes = [EXAMPLES / "resume.txt", EXAMPLES / "resume.pdf"]
    postings = [EXAMPLES / "job_ml_engineer.txt", EXAMPLES / "job_mlops_engineer.txt"]
    postings += sorted((CORPUS / "jobs" / "e2e_jds").glob("*.txt"))
    postings += sorted((CORPUS / "long_postings").glob("*.txt"))[:6]
    today = date(2025, 1, 15)
    reports = [matcher.match(r, p, today=today) for r in resumes for p in postings]
    reports += [matcher.match(r, role="mlops-engineer", today=today) for r in resumes]
    for name in scorer_names():
        scoring = type(matcher)(taxonomy=matcher.taxonomy, scorer=name)
        reports += [scoring.match(resumes[0], p, today=today) for p in postings[:3]]
    return reports


@pytest.fixture(scope="module")
def trusted(matcher: Matcher) -> dict[type[BaseModel], list[BaseModel]]:
    """The instances of each trusted model in the reports."""
    found: dict[type[BaseModel], list[BaseModel]] = {cls: [] for cls in TRUSTED}
    for report in _reports(matcher):
        for model in _models(report):
            if type(model) in found:
                found[type(model)].append(model)
    return found


class TestTrustedModels:
    """Each model made by `_trusted` is what validating its fields would give."""

    @pytest.mark.parametrize("cls", TRUSTED, ids=lambda c: c.__name__)
    def test_equal_to_validated_copies(
        self, trusted: dict[type[BaseModel], list[BaseModel]], cls: type[BaseModel]
    ) -> None:
        """Field for field, type for type, in JSON and in the fields it says were set."""
        assert len(trusted[cls]) >= 5
        for model in trusted[cls]:
            assert_like_validated(model)
