"""Role profiles used in place of a job posting, from the API and the CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import atsmatch
from atsmatch.cli import app
from atsmatch.errors import AtsmatchError

from .conftest import EXAMPLES

runner = CliRunner()
ROLES = [
    "ai-engineer",
    "ai-product-manager",
    "ai-solutions-architect",
    "analytics-engineer",
    "bi-developer",
    "computational-linguist",
    "computer-vision-engineer",
    "data-analyst",
    "data-engineer",
    "data-science-manager",
    "data-scientist",
    "deep-learning-engineer",
    "ml-engineer",
    "ml-platform-engineer",
    "mlops-engineer",
    "nlp-engineer",
    "prompt-engineer",
    "reinforcement-learning-engineer",
    "research-scientist",
    "responsible-ai-specialist",
    "robotics-engineer",
]


class TestRoleProfiles:
    """Every profile the issue names exists and points at real entries."""

    def test_all_roles_present(self, taxonomy) -> None:  # type: ignore[no-untyped-def]
        """The eleven first profiles and the ten roles of the seed articles ship."""
        assert sorted(taxonomy.roles) == ROLES

    @pytest.mark.parametrize("role_id", ROLES)
    def test_profile_is_usable(self, taxonomy, role_id: str) -> None:  # type: ignore[no-untyped-def]
        """Core skills exist, carry weights, and certifications are certification entries."""
        profile = taxonomy.roles[role_id]
        assert len(profile.core) >= 5
        assert all(skill_id in taxonomy.skills and w > 0 for skill_id, w in profile.core)
        assert all(taxonomy.skills[c].category == "certification" for c in profile.certifications)


class TestRoleApi:
    """`atsmatch.match(resume, role=...)` scores a resume against a profile."""

    def test_match_by_role(self) -> None:
        """The MLOps profile becomes the job: its core skills are required keywords."""
        report = atsmatch.match(EXAMPLES / "resume.txt", role="mlops-engineer")
        assert report.job_source == "role:mlops-engineer"
        assert report.job_title == "MLOps Engineer"
        required = {k.skill_id for k in report.keywords if k.level == "required"}
        assert {"kubernetes", "ci-cd", "mlflow"} <= required
        assert "mlflow" in report.matched
        assert 0 < report.score < 100

    def test_roles_rank_the_example_resume(self) -> None:
        """The ML engineer example fits the ML engineer role better than the data analyst role."""
        ml = atsmatch.match(EXAMPLES / "resume.txt", role="ml-engineer")
        analyst = atsmatch.match(EXAMPLES / "resume.txt", role="data-analyst")
        assert ml.score > analyst.score

    def test_profile_weights_weigh_the_keywords(self, taxonomy) -> None:  # type: ignore[no-untyped-def]
        """A profile's skill weights stand in for the level: among core tools, Python (weight 3)
        outweighs Docker (weight 1), and a nice-to-have of weight 0.5 weighs a sixth of Python."""
        report = atsmatch.match("Skills: Python", role="ai-engineer")
        weight = {k.skill_id: k.weight for k in report.keywords}
        core = dict(taxonomy.roles["ai-engineer"].core)
        nice = dict(taxonomy.roles["ai-engineer"].nice)
        assert core["python"] == 3 and core["docker"] == 1 and nice["pinecone"] == 0.5
        assert weight["python"] == pytest.approx(3 * weight["docker"])
        assert weight["python"] == pytest.approx(6 * weight["pinecone"])

    def test_rank_by_role_matches_match_by_role(self) -> None:
        """Ranking against a role weighs it as matching against the role does."""
        resume = (EXAMPLES / "resume.txt").read_text(encoding="utf-8")
        ranked = atsmatch.rank(None, [resume], role="ai-engineer")
        assert ranked[0].score == atsmatch.match(resume, role="ai-engineer").score

    def test_unknown_role(self) -> None:
        """An unknown role names the known ones."""
        with pytest.raises(AtsmatchError, match="mlops-engineer"):
            atsmatch.match(EXAMPLES / "resume.txt", role="astronaut")


class TestRoleCli:
    """`atsmatch match resume --role ID` works from the command line."""

    def test_cli_role_json(self) -> None:
        """The JSON report names the role as its job."""
        result = runner.invoke(
            app, ["match", str(EXAMPLES / "resume.pdf"), "--role", "mlops-engineer", "-f", "json"]
        )
        assert result.exit_code == 0, result.output
        report = json.loads(result.output)
        assert report["job_source"] == "role:mlops-engineer"
        assert report["job_title"] == "MLOps Engineer"
        assert report["taxonomy_version"].startswith("2026.11.1")

    def test_cli_unknown_role(self) -> None:
        """An unknown role is an error with a non-zero exit code."""
        result = runner.invoke(app, ["match", str(EXAMPLES / "resume.pdf"), "--role", "astronaut"])
        assert result.exit_code != 0
        assert "known roles" in result.output
