"""The weighted.v2 scorer: weights, credits, subscores, bounds and monotonicity."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atsmatch import Matcher, score
from atsmatch.errors import AtsmatchError, UnknownScorerError
from atsmatch.models import Block
from atsmatch.score import (
    SCORER,
    ScoreBreakdown,
    attribute_children,
    certified_mentions,
    get_scorer,
    mentions_and_certified,
    register_scorer,
    resume_mentions,
    score_demand,
    scorer_names,
    verdict,
    weighted_v2,
    weighted_v3,
    weighted_v4,
)

if TYPE_CHECKING:
    from atsmatch.analysis import JobAnalysis, ResumeAnalysis


def job(*lines: tuple[str, str]) -> list[Block]:
    """Job blocks from (level, text) pairs."""
    return [
        Block(text=text, kind="bullet", section=level, line=i, level=level)  # type: ignore[arg-type]
        for i, (level, text) in enumerate(lines)
    ]


def resume(*lines: tuple[str, str]) -> list[Block]:
    """Resume blocks from (section, text) pairs."""
    return [
        Block(
            text=text, kind="bullet" if section == "experience" else "line", section=section, line=i
        )
        for i, (section, text) in enumerate(lines)
    ]


def run(matcher: Matcher, job_blocks: list[Block], resume_blocks: list[Block]):  # type: ignore[no-untyped-def]
    ex = matcher.extractor
    return score.score(
        job_blocks,
        ex.extract_blocks(job_blocks),
        resume_blocks,
        ex.extract_blocks(resume_blocks),
        matcher.taxonomy,
    )


def keyword(breakdown, name: str):  # type: ignore[no-untyped-def]
    return next(k for k in breakdown.keywords if k.name == name)


class TestWeights:
    def test_required_outweighs_preferred(self, matcher: Matcher) -> None:
        """A required skill weighs more than a preferred one of the same category."""
        b = run(matcher, job(("required", "Python"), ("preferred", "Scala")), [])
        assert keyword(b, "Python").weight > keyword(b, "Scala").weight

    def test_repeated_mentions_weigh_more(self, matcher: Matcher) -> None:
        """A skill the posting names three times weighs more than one named once."""
        blocks = job(("other", "Python and Scala"), ("other", "Python"), ("other", "Python"))
        b = run(matcher, blocks, [])
        assert keyword(b, "Python").weight > keyword(b, "Scala").weight
        assert keyword(b, "Python").mentions == 3

    def test_soft_skills_weigh_less(self, matcher: Matcher) -> None:
        """Soft skills weigh less than tools at the same level."""
        b = run(matcher, job(("required", "Python"), ("required", "communication")), [])
        assert keyword(b, "Python").weight > keyword(b, "Communication").weight


class TestCredit:
    def test_shown_beats_listed(self, matcher: Matcher) -> None:
        """A skill used in a bullet earns more than one only in the skills list."""
        shown = run(
            matcher, job(("required", "Python")), resume(("experience", "Built APIs in Python"))
        )
        listed = run(matcher, job(("required", "Python")), resume(("skills", "Python, SQL")))
        assert keyword(shown, "Python").credit == 1.0
        assert 0.7 <= keyword(listed, "Python").credit < 1.0
        assert keyword(listed, "Python").evidence[0].kind == "skills_list"

    def test_child_earns_partial_credit(self, matcher: Matcher) -> None:
        """EKS shown in a bullet earns partial credit for Kubernetes, naming the bullet."""
        b = run(matcher, job(("required", "Kubernetes")),
                resume(("experience", "Ran training jobs on Amazon EKS")))  # fmt: skip
        k = keyword(b, "Kubernetes")
        assert 0 < k.credit < 0.85
        assert k.evidence[0].kind == "child"
        assert "EKS" in k.evidence[0].text

    def test_related_earns_small_credit(self, matcher: Matcher) -> None:
        """Vertex AI earns a small credit for SageMaker (cross-cloud equivalent)."""
        b = run(matcher, job(("required", "Amazon SageMaker")),
                resume(("experience", "Deployed models on Vertex AI")))  # fmt: skip
        k = next(k for k in b.keywords if "SageMaker" in k.name)
        assert 0 < k.credit <= 0.5
        assert k.evidence[0].kind == "related"

    def test_absent_is_zero(self, matcher: Matcher) -> None:
        """A skill the resume does not show at all earns nothing."""
        b = run(matcher, job(("required", "Terraform")), resume(("experience", "Wrote Python")))
        assert keyword(b, "Terraform").credit == 0
        assert b.score == 0


class TestScore:
    def test_full_match_is_100(self, matcher: Matcher) -> None:
        """Every keyword shown in experience gives 100."""
        b = run(matcher, job(("required", "Python, Docker")),
                resume(("experience", "Shipped Python services in Docker")))  # fmt: skip
        assert b.score == 100.0

    def test_subscores_per_group(self, matcher: Matcher) -> None:
        """Subscores split tools from soft skills."""
        b = run(matcher, job(("required", "Python"), ("required", "communication")),
                resume(("experience", "Python services")))  # fmt: skip
        groups = {s.group: s.score for s in b.subscores}
        assert groups["hard_skills"] == 100.0
        assert groups["soft_skills"] == 0.0

    def test_verdict_bands(self) -> None:
        """The verdict bands are ordered."""
        assert [verdict(s) for s in (90, 70, 55, 10)] == [
            "strong match", "good match", "partial match", "weak match",
        ]  # fmt: skip
        assert SCORER == "weighted.v4"


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> str:
    """A toy scorer registered for one test: the registry is a copy that dies with the test."""
    monkeypatch.setattr(score, "_SCORERS", dict(score._SCORERS))

    @register_scorer("toy.v1")
    def toy_v1(job: JobAnalysis, resume: ResumeAnalysis) -> ScoreBreakdown:
        return replace(weighted_v2(job, resume), score=42.0)

    return "toy.v1"


class TestRegistry:
    def test_default_is_registered(self) -> None:
        """`weighted.v4` is the default; v2 and v3 stay registered; no test leaks a scorer."""
        assert get_scorer(SCORER) is weighted_v4
        assert get_scorer("weighted.v2") is weighted_v2
        assert scorer_names() == ("weighted.v2", "weighted.v3", "weighted.v4")

    def test_unknown_name_is_a_typed_error(self) -> None:
        """An unknown name raises `UnknownScorerError`, a ValueError naming the known scorers."""
        with pytest.raises(UnknownScorerError) as caught:
            get_scorer("weighted.v9")
        assert str(caught.value) == (
            "unknown scorer 'weighted.v9'; known scorers: weighted.v2, weighted.v3, weighted.v4"
        )
        assert isinstance(caught.value, AtsmatchError) and isinstance(caught.value, ValueError)
        assert caught.value.name == "weighted.v9"
        assert caught.value.known == ("weighted.v2", "weighted.v3", "weighted.v4")

    def test_matcher_rejects_unknown_name_at_once(self) -> None:
        """`Matcher(scorer=...)` fails on construction, not at the first match."""
        with pytest.raises(UnknownScorerError, match="'weighted'"):
            Matcher(scorer="weighted")

    def test_name_is_taken_once(self) -> None:
        """Registering a second scorer under a used name is refused."""
        with pytest.raises(ValueError, match="already registered"):
            register_scorer("weighted.v2")(weighted_v2)

    def test_registered_scorer_is_used_by_matcher(self, matcher: Matcher, toy: str) -> None:
        """A Matcher built with a registered name scores with it and names it in the report."""
        report = Matcher(taxonomy=matcher.taxonomy, scorer=toy).match(
            "Skills: Python", "Requirements: Python, SQL"
        )
        assert report.scorer == "toy.v1" and report.score == 42.0

    def test_default_matcher_names_its_scorer(self, matcher: Matcher) -> None:
        """The default Matcher scores with `weighted.v4` and says so."""
        report = matcher.match("Skills: Python", "Requirements: Python, SQL")
        assert report.scorer == "weighted.v4" and report.score != 42.0


_POOL = [
    "Python", "SQL", "PyTorch", "TensorFlow", "Docker", "Kubernetes", "Terraform", "Airflow",
    "MLflow", "Amazon SageMaker", "Amazon EKS", "Vertex AI", "Snowflake", "dbt", "Kafka",
    "scikit-learn", "XGBoost", "pandas", "communication", "A/B testing", "Databricks",
]  # fmt: skip


class TestProperties:
    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        wanted=st.lists(st.sampled_from(_POOL), min_size=1, max_size=8, unique=True),
        have=st.lists(st.sampled_from(_POOL), max_size=8, unique=True),
        extra=st.sampled_from(_POOL),
        where=st.sampled_from(["experience", "skills"]),
    )
    def test_bounds_and_monotonic(
        self, matcher: Matcher, wanted: list[str], have: list[str], extra: str, where: str
    ) -> None:
        """Score stays in 0..100, and adding a skill to the resume never lowers it."""
        job_blocks = job(("required", ", ".join(wanted[:4])), ("preferred", ", ".join(wanted[4:])))
        before = run(matcher, job_blocks, resume((where, ", ".join(have))))
        after = run(matcher, job_blocks, resume((where, ", ".join(have)), ("experience", extra)))
        assert 0 <= before.score <= 100
        assert 0 <= after.score <= 100
        assert after.score >= before.score


def stepwise_v3(job: JobAnalysis, resume: ResumeAnalysis) -> ScoreBreakdown:
    """weighted.v3 as its docstring's steps: every keyword credited, then attributed."""
    demand, mentions = job.credit_table.demand, resume.certified_mentions
    blocks = resume.resume.blocks
    return attribute_children(score_demand(demand, mentions, blocks), demand, mentions, blocks)


_EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_JOBS = sorted(
    [*_EXAMPLES.glob("job_*.txt"), *(Path(__file__).parent / "corpus" / "jobs").rglob("*.txt")]
)


class TestAttributedOnce:
    @pytest.mark.parametrize("job_path", _JOBS, ids=lambda p: p.stem)
    def test_equals_the_steps_on_the_corpus(self, matcher: Matcher, job_path: Path) -> None:
        """weighted.v3, attributing before it makes a result, equals the steps on real pairs."""
        wanted = matcher._job_analysis(job_path.read_text())
        for name in ("resume.txt", "resume.pdf", "resume.docx"):
            mine = matcher._resume_analysis((_EXAMPLES / name).read_bytes())
            assert weighted_v3(wanted, mine) == stepwise_v3(wanted, mine)

    @settings(
        max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        wanted=st.lists(st.sampled_from(_POOL), min_size=1, max_size=8, unique=True),
        shown=st.lists(st.sampled_from(_POOL), max_size=6, unique=True),
        listed=st.lists(st.sampled_from(_POOL), max_size=6, unique=True),
    )
    def test_equals_the_steps(
        self, matcher: Matcher, wanted: list[str], shown: list[str], listed: list[str]
    ) -> None:
        """Parents asked, children shown or listed, any-of groups: the same results."""
        posting = f"Requirements:\n- {', '.join(wanted[:4])}\n- One of: {' or '.join(wanted[4:])}"
        text = f"Experience\n- Built {', '.join(shown)}\nSkills\n{', '.join(listed)}"
        job_analysis, resume_analysis = (
            matcher._job_analysis(posting),
            matcher._resume_analysis(text),
        )
        assert weighted_v3(job_analysis, resume_analysis) == stepwise_v3(
            job_analysis, resume_analysis
        )


def test_hit_rows_are_the_hits_fields_in_the_rows_order() -> None:
    """`hit_rows` takes the fields from each hit's `__dict__` by name: the same values, in
    `HitRow`'s order, as reading the hits' attributes one by one."""
    from atsmatch._hitrows import hit_rows

    examples = Path(__file__).resolve().parent.parent / "examples"
    matcher = Matcher()
    resume = matcher.parse_resume((examples / "resume.txt").read_text("utf-8"))
    hits = matcher.extractor.extract_blocks(resume.blocks)
    assert len({h.section for h in hits}) > 2  # hits of several sections, each field varied
    expected = [
        (h.skill_id, h.category, h.section, h.block, h.start, h.end, h.text, h.fuzzy) for h in hits
    ]
    assert hit_rows(hits) == expected


_RESUMES = sorted(
    [
        *_EXAMPLES.glob("resume.*"),
        *(Path(__file__).parent / "corpus" / "resumes").glob("*.pdf"),
    ]
)


@pytest.mark.parametrize("path", _RESUMES, ids=lambda p: p.name)
def test_mentions_in_one_walk_equal_the_steps(matcher: Matcher, path: Path) -> None:
    """`mentions_and_certified` equals `resume_mentions`, then `certified_mentions`."""
    mine = matcher._resume_analysis(path.read_bytes())
    mentions = resume_mentions(mine.hits)
    assert mentions_and_certified(mine.hits) == (
        mentions,
        certified_mentions(mentions, mine.hits),
    )
    assert (mine.mentions, mine.certified_mentions) == mentions_and_certified(mine.hits)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    places=st.lists(
        st.tuples(
            st.sampled_from(["skills", "summary", "certifications", "experience", "projects"]),
            st.booleans(),
            st.sampled_from(["CKA", "AWS Certified Cloud Practitioner", "Python"]),
        ),
        max_size=7,
    )
)
def test_mentions_in_one_walk_on_any_placement(
    matcher: Matcher, places: list[tuple[str, bool, str]]
) -> None:
    """Certifications (and a skill) named in any sections, exact or typo-tier, in any order:
    one walk gives what `resume_mentions`, then `certified_mentions`, give."""
    found = {
        h.text: h
        for h in matcher.extractor.extract_blocks(
            resume(("skills", "CKA, AWS Certified Cloud Practitioner, Python"))
        )
    }
    hits = [
        found[name].model_copy(update={"section": section, "fuzzy": fuzzy, "block": i})
        for i, (section, fuzzy, name) in enumerate(places)
    ]
    mentions = resume_mentions(hits)
    assert mentions_and_certified(hits) == (mentions, certified_mentions(mentions, hits))
