"""Missing keywords: ranking and where each one would go."""

from __future__ import annotations

from atsmatch import Matcher

RESUME = """Jane Roe
jane@example.com

Experience
ML Engineer, Acme Corp    Jan 2021 - Present
- Built training pipelines in Python on Amazon EKS, cutting costs by 30%.

Skills
Languages: Python, SQL, Bash
Cloud and DevOps: Docker, Kubernetes, Helm
"""


class TestPlacement:
    def test_real_gap_goes_to_the_matching_skills_line(self, matcher: Matcher) -> None:
        """A tool with nothing related lands on the skills line that lists tools of its kind."""
        report = matcher.match(RESUME, "Requirements: Python, Terraform, Pulumi")
        (gap,) = [m for m in report.missing if m.name == "Pulumi"]
        assert gap.related_evidence == ()
        assert gap.placement.where == "skills"
        assert gap.placement.text is not None
        assert gap.placement.text.startswith("Cloud and DevOps")

    def test_related_evidence_points_at_the_bullet(self, matcher: Matcher) -> None:
        """A missing skill whose relatives a bullet shows is placed in that bullet."""
        report = matcher.match(RESUME, "Requirements: Kubernetes, Amazon ECS, Python")
        (ecs,) = [m for m in report.missing if m.name == "Amazon ECS"]
        assert ecs.related_evidence
        assert ecs.placement.where == "bullet"
        assert ecs.placement.text is not None and "EKS" in ecs.placement.text

    def test_missing_ranked_by_weight(self, matcher: Matcher) -> None:
        """Required gaps come before preferred ones."""
        job = "Requirements\n- Terraform\n\nNice to have\n- Pulumi"
        names = [m.name for m in matcher.match(RESUME, job).missing]
        assert names.index("Terraform") < names.index("Pulumi")


class TestRelatedShown:
    def test_neighbours_repeat_none_and_leave_the_skill_out(self, matcher: Matcher) -> None:
        """A keyword without evidence takes its graph neighbours as they are: that needs them
        free of repeats and of the keyword itself."""
        taxonomy = matcher.taxonomy
        for skill_id in taxonomy.skills:
            near = taxonomy.neighbours(skill_id)
            assert len(set(near)) == len(near) and skill_id not in near, skill_id
