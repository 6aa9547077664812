"""Certification metadata and retirement, roles, weighted.v3 credit, and the roadmap."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import atsmatch
from atsmatch.cli import app
from atsmatch.errors import RoadmapInputError
from atsmatch.taxonomy import Taxonomy

from .conftest import EXAMPLES

runner = CliRunner()
RESUME = """Jane Roe
jane@example.org

Skills
Python, Amazon SageMaker, Docker, SQL

Experience
ML Engineer, Acme  2020 - 2024
- Built training workflows with Amazon SageMaker Pipelines and PySpark for 40 models.

Certifications
AWS Certified Machine Learning Engineer - Associate (MLA-C01), 2025
"""
JOB = """ML Engineer
Requirements
- Python, SageMaker, Apache Spark
- AWS Certified Machine Learning - Specialty (MLS-C01)
- Kubernetes and Terraform
"""
JOBS = [EXAMPLES / "job_ml_engineer.txt", EXAMPLES / "job_mlops_engineer.txt"]


def _certs(taxonomy: Taxonomy) -> list[atsmatch.taxonomy.Skill]:  # type: ignore[name-defined]
    return [s for s in taxonomy.skills.values() if s.category == "certification"]


class TestCertificationRecords:
    """Every certification carries typed metadata; successors are real and active."""

    def test_every_successor_is_an_active_certification(self, taxonomy: Taxonomy) -> None:
        """A retired certification's successors exist, are certifications and are active."""
        for cert in _certs(taxonomy):
            for successor in cert.superseded_by:
                target = taxonomy.skills[successor]
                assert target.category == "certification" and target.status == "active"

    def test_every_certification_has_a_source_note(self, taxonomy: Taxonomy) -> None:
        """Each entry says where its facts come from."""
        assert all(c.sources_note for c in _certs(taxonomy))

    def test_known_facts(self, taxonomy: Taxonomy) -> None:
        """AIF-C01 is the AI Practitioner; MLS-C01 retired on 2026-03-31 for MLA-C01 and AIP-C01."""
        assert taxonomy.skills["aws-aif-c01"].name == "AWS Certified AI Practitioner"
        mls = taxonomy.skills["aws-mls-c01"]
        assert mls.status == "retired" and str(mls.retired_on) == "2026-03-31"
        assert mls.superseded_by == ("aws-mla-c01", "aws-aip-c01")

    def test_no_role_lists_a_retired_certification(self, taxonomy: Taxonomy) -> None:
        """Role profiles only point at certifications that can still be taken."""
        for role in taxonomy.roles.values():
            assert all(taxonomy.skills[c].status == "active" for c in role.certifications)

    def test_every_role_has_a_ladder(self, taxonomy: Taxonomy) -> None:
        """Each role has a seniority ladder whose years rise rung by rung."""
        for role in taxonomy.roles.values():
            years = [step.min_years for step in role.ladder]
            assert len(years) >= 4 and years == sorted(years)

    def test_ladder_validation(self, tmp_path) -> None:  # type: ignore[no-untyped-def]
        """A rung whose years fall, or an open rung before the top, is reported."""
        (tmp_path / "roles").mkdir()
        (tmp_path / "roles" / "x.toml").write_text(
            'id = "x"\nname = "X"\ncore = [{ id = "python", weight = 1 }]\n'
            'ladder = [{ title = "A", min_years = 3 }, { title = "B", min_years = 1, '
            "max_years = 2 }]\n"
        )
        issues = [str(i) for i in atsmatch.taxonomy.validate_vocab(tmp_path)]
        assert any("only the top rung" in i for i in issues)
        assert any("must rise" in i for i in issues)


class TestCredit:
    """weighted.v3: certifications held, successors, parts shown in use."""

    @pytest.fixture(scope="class")
    @classmethod
    def report(cls) -> atsmatch.MatchReport:
        return atsmatch.match(RESUME, JOB)

    def _keyword(
        self, report: atsmatch.MatchReport, skill_id: str
    ) -> atsmatch.models.KeywordResult:  # type: ignore[name-defined]
        return next(k for k in report.keywords if k.skill_id == skill_id)

    def test_successor_satisfies_a_retired_ask(self, report: atsmatch.MatchReport) -> None:
        """A posting asking MLS-C01 is met by MLA-C01, and the evidence says so."""
        k = self._keyword(report, "aws-mls-c01")
        assert k.credit == 1.0 and k.evidence[0].kind == "successor"
        note = next(c for c in report.certifications if c.skill_id == "aws-mls-c01")
        assert note.status == "satisfied" and "retired on 2026-03-31" in note.note

    def test_held_certification_states_its_date(self, report: atsmatch.MatchReport) -> None:
        """A certification under Certifications is held, with the year written beside it."""
        note = next(c for c in report.certifications if c.skill_id == "aws-mla-c01")
        assert note.status == "held" and note.earned == "2025"

    def test_part_shown_counts_for_the_parent(self, report: atsmatch.MatchReport) -> None:
        """SageMaker listed and SageMaker Pipelines in a bullet: shown, 1.0, naming the part."""
        k = self._keyword(report, "amazon-sagemaker")
        assert k.credit == 1.0 and k.evidence[0].skill_id == "sagemaker-pipelines"

    def test_child_alone_earns_the_parent_credit(self, report: atsmatch.MatchReport) -> None:
        """PySpark in a bullet, Spark never named: 0.85 through the child."""
        k = self._keyword(report, "apache-spark")
        assert k.credit == 0.85 and k.evidence[0].skill_id == "pyspark"

    def test_v2_still_scores_the_old_way(self) -> None:
        """`weighted.v2` keeps its formula: the part does not lift the parent."""
        report = atsmatch.Matcher(scorer="weighted.v2").match(RESUME, JOB)
        assert self._keyword(report, "amazon-sagemaker").credit == 0.85

    def test_missing_certification_wording(self) -> None:
        """A missing certification names the covered skills shown, never 'add it to skills'."""
        report = atsmatch.match(
            RESUME, "Requirements: Python, AWS Certified Data Engineer - Associate"
        )
        m = next(m for m in report.missing if m.skill_id == "aws-dea-c01")
        assert m.placement.where == "certifications"
        assert "would certify that" in m.placement.reason or "shows none" in m.placement.reason
        assert "skills" not in m.placement.reason.split(";")[-1]


class TestNoRetiredSuggestions:
    """No report or roadmap suggests a retired certification."""

    @pytest.mark.parametrize("role", sorted(atsmatch.load_taxonomy().roles))
    def test_roadmap_per_role(self, role: str, taxonomy: Taxonomy) -> None:
        """Neither the picks nor the paths of any role name a retired certification."""
        plan = atsmatch.roadmap(EXAMPLES / "resume.txt", role=role)
        named = [c.skill_id for c in plan.certifications]
        named += [s.skill_id for p in plan.paths for s in p.steps]
        assert all(taxonomy.skills[c].status == "active" for c in named)

    @pytest.mark.parametrize("job", JOBS)
    def test_example_reports(self, job, taxonomy: Taxonomy) -> None:  # type: ignore[no-untyped-def]
        """Missing keywords of the example reports only name active certifications."""
        report = atsmatch.match(EXAMPLES / "resume.txt", job)
        by_name = {s.name: s for s in _certs(taxonomy)}
        assert all(
            by_name[m.certification].status == "active" for m in report.missing if m.certification
        )


class TestRoadmap:
    """`atsmatch.roadmap` against a role and against several postings."""

    def test_postings_are_aggregated(self) -> None:
        """Two postings: the summary speaks of both, and gaps count the postings asking."""
        plan = atsmatch.roadmap(EXAMPLES / "resume.txt", jobs=JOBS)
        assert plan.summary.startswith("Across these 2 postings, your top gaps are")
        assert plan.postings and max(g.postings for p in plan.phases for g in p.gaps) == 2

    def test_phases_follow_the_taxonomy(self) -> None:
        """A gap whose child is also a gap comes in the foundation phase."""
        plan = atsmatch.roadmap(EXAMPLES / "resume.txt", jobs=JOBS)
        foundation = plan.phases[0]
        assert foundation.name == "foundation"
        assert any(g.reason.endswith("builds on it") for g in foundation.gaps)

    def test_picks_give_reasons(self) -> None:
        """Each certification picked says which gaps it covers."""
        plan = atsmatch.roadmap(EXAMPLES / "resume.txt", role="mlops-engineer")
        assert plan.certifications and all("covers" in c.reason for c in plan.certifications)

    def test_deterministic(self) -> None:
        """Same input, byte-identical JSON."""
        first = atsmatch.roadmap(EXAMPLES / "resume.txt", jobs=JOBS).model_dump_json()
        assert atsmatch.roadmap(EXAMPLES / "resume.txt", jobs=JOBS).model_dump_json() == first

    def test_role_and_jobs_is_a_usage_error(self) -> None:
        """A role and postings together are refused."""
        with pytest.raises(RoadmapInputError) as caught:
            atsmatch.roadmap(RESUME, role="ml-engineer", jobs=[JOB])
        assert caught.value.usage

    def test_resume_without_skills(self) -> None:
        """A resume naming no known skill is an input error, not a usage error."""
        with pytest.raises(RoadmapInputError) as caught:
            atsmatch.roadmap("Jane Roe\nLikes long walks", role="ml-engineer")
        assert not caught.value.usage


class TestCli:
    """`atsmatch roles`, `roles show` and `roadmap` from the command line."""

    def test_roles_lists_every_role(self, taxonomy: Taxonomy) -> None:
        """One line per role: id, name, summary."""
        result = runner.invoke(app, ["roles"])
        assert result.exit_code == 0
        assert len(result.output.splitlines()) == len(taxonomy.roles)

    def test_roles_show(self) -> None:
        """A role by alias, any case: skills with weights, certifications, the ladder."""
        result = runner.invoke(app, ["roles", "show", "head of ai"])
        assert result.exit_code == 0
        assert "seniority ladder:" in result.output and "People Management\t3" in result.output

    def test_roles_show_unknown(self) -> None:
        """An unknown role exits 2 with the closest ones."""
        result = runner.invoke(app, ["roles", "show", "prompt enginer"])
        assert result.exit_code == 2 and "prompt-engineer" in result.output

    def test_roadmap_markdown(self) -> None:
        """The Markdown roadmap has its phases and its certification picks."""
        result = runner.invoke(
            app,
            ["roadmap", str(EXAMPLES / "resume.txt"), "--role", "mlops-engineer", "-f", "markdown"],
        )
        assert (
            result.exit_code == 0 and "## Certifications that close the most gaps" in result.output
        )

    def test_roadmap_needs_a_target(self) -> None:
        """Neither --role nor --job exits 2."""
        result = runner.invoke(app, ["roadmap", str(EXAMPLES / "resume.txt")])
        assert result.exit_code == 2

    def test_roadmap_schema(self) -> None:
        """`atsmatch schema --model roadmap` prints the Roadmap schema."""
        result = runner.invoke(app, ["schema", "--model", "roadmap"])
        assert result.exit_code == 0 and '"Roadmap"' in result.output
