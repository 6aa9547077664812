"""Reading a posting the way a recruiter means it: alternatives, sections, traps, language.

A labelled set of small postings: each names what a recruiter asks for, and the tests check that
`weighted.v3` reads the same demands (issue 11).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pytest

from atsmatch import Matcher
from atsmatch.errors import AtsmatchError
from atsmatch.extract import ambiguities
from atsmatch.language import detect_language
from atsmatch.models import Block, MatchReport
from atsmatch.score import DUTY_WEIGHT
from atsmatch.structure.employer import find_employer
from atsmatch.structure.groups import find_groups

if TYPE_CHECKING:
    from atsmatch.extract import Extractor
    from atsmatch.taxonomy import Taxonomy

from tests.conftest import EXAMPLES

TODAY = date(2026, 1, 1)
RESUME = """Jane Roe
Experience
Data Engineer, Vector Analytics   Jan 2020 - Present
- Built batch pipelines in Dagster and Snowflake on AWS, trained models in PyTorch.
Skills
Python, SQL, Dagster, Snowflake, AWS, PyTorch
"""


def posting(*requirements: str) -> str:
    return "Data Engineer\nRequirements\n" + "".join(f"- {r}\n" for r in requirements)


def report(matcher: Matcher, job: str, resume: str = RESUME) -> MatchReport:
    return matcher.match(resume, job, today=TODAY)


def keyword(result: MatchReport, name: str) -> list[str]:
    """The options of the keyword named `name` (its own name when it is no group)."""
    found = next(k for k in result.keywords if k.name == name)
    return [o.name for o in found.any_of] or [found.name]


class TestGroups:
    @pytest.mark.parametrize(
        ("line", "options"),
        [
            ("Experience with Airflow or Dagster", ["Apache Airflow", "Dagster"]),
            ("Snowflake, BigQuery or Redshift", ["Snowflake", "BigQuery", "Amazon Redshift"]),
            (
                "Experience with at least one cloud (AWS, Azure or GCP)",
                ["Amazon Web Services", "Microsoft Azure", "Google Cloud"],
            ),
            ("Fluency in one of PyTorch, TensorFlow or JAX", ["PyTorch", "TensorFlow", "JAX"]),
            ("Containers, e.g. Docker, Podman", ["Docker", "Podman"]),
        ],
    )
    def test_alternatives_are_one_demand(
        self, matcher: Matcher, line: str, options: list[str]
    ) -> None:
        """Each phrasing of alternatives is one keyword that lists its options."""
        result = report(matcher, posting(line))
        groups = [k for k in result.keywords if k.any_of]
        assert len(groups) == 1
        assert [o.name for o in groups[0].any_of] == options

    def test_the_member_shown_earns_the_credit(self, matcher: Matcher) -> None:
        """A resume with Dagster meets "Airflow or Dagster" in full, and Airflow is not missing."""
        result = report(matcher, posting("Experience with Airflow or Dagster"))
        group = next(k for k in result.keywords if k.any_of)
        assert group.name == "Dagster" and group.credit == 1.0
        assert "apache-airflow" not in {m.skill_id for m in result.missing}

    def test_unmet_group_is_one_missing_item(self, matcher: Matcher) -> None:
        """A group the resume does not meet is one missing item that names its options."""
        result = report(matcher, posting("Experience with Kafka or Flink"))
        assert [m.name for m in result.missing] == ["Apache Kafka or Apache Flink"]
        assert [o.name for o in result.missing[0].any_of] == ["Apache Kafka", "Apache Flink"]

    def test_and_stays_two_demands(self, matcher: Matcher) -> None:
        """ "Kafka and Flink" asks for both."""
        result = report(matcher, posting("Experience with Kafka and Flink"))
        assert not any(k.any_of for k in result.keywords)
        assert {m.name for m in result.missing} == {"Apache Kafka", "Apache Flink"}

    def test_named_alone_keeps_its_demand(self, matcher: Matcher) -> None:
        """A skill also named on its own stays a demand; the group's other options are accepted
        alternatives of it."""
        job = (
            "ML Engineer\nResponsibilities\n- Train models in TensorFlow\n"
            + posting("Experience with TensorFlow or PyTorch").split("\n", 1)[1]
        )
        result = report(matcher, job)
        tf = next(k for k in result.keywords if "tensorflow" in {o.skill_id for o in k.any_of})
        assert tf.skill_id == "pytorch" and tf.credit == 1.0
        assert len([k for k in result.keywords if k.any_of]) == 1

    def test_weight_is_the_heaviest_option(self, matcher: Matcher) -> None:
        """The group weighs as one required keyword, not as the sum of its options."""
        result = report(matcher, posting("Snowflake, BigQuery or Redshift"))
        assert [k.weight for k in result.keywords] == [3.0]

    def test_example_posting_jenkins_is_an_alternative(self, matcher: Matcher) -> None:
        """The example posting's "(GitHub Actions or Jenkins)" is not a Jenkins gap."""
        result = matcher.match(
            EXAMPLES / "resume.txt", EXAMPLES / "job_ml_engineer.txt", today=TODAY
        )
        assert "jenkins" not in {m.skill_id for m in result.missing}
        assert keyword(result, "GitHub Actions") == ["GitHub Actions", "Jenkins"]

    def test_v2_still_counts_each_option(self) -> None:
        """`weighted.v2` keeps its formula: every option is a keyword of its own."""
        result = Matcher(scorer="weighted.v2").match(
            RESUME, posting("Snowflake, BigQuery or Redshift"), today=TODAY
        )
        assert result.scorer == "weighted.v2"
        assert len(result.keywords) == 3 and not any(k.any_of for k in result.keywords)

    @pytest.mark.parametrize(
        ("text", "members"),
        [
            ("Data jobs in Spark or Ray, experiment tracking in MLflow", [("apache-spark", "ray")]),
            (
                "Snowflake, BigQuery or Redshift, and dbt",
                [("snowflake", "bigquery", "amazon-redshift")],
            ),
            ("Python, SQL and Docker", []),
        ],
    )
    def test_group_ends_after_its_or(
        self, extractor: Extractor, text: str, members: list[tuple[str, ...]]
    ) -> None:
        """An item after the "or" joined by a comma or "and" is a demand of its own."""
        block = Block(text=text, kind="bullet", section="required", line=0)
        hits = extractor.extract_blocks([block])
        assert [g.members for g in find_groups([block], hits)] == members

    def test_slash_between_skills(self, extractor: Extractor) -> None:
        """ "EMR/Spark" is a group of two."""
        block = Block(text="Experience with EMR/Spark", kind="bullet", section="required", line=0)
        hits = extractor.extract_blocks([block])
        assert [g.members for g in find_groups([block], hits)] == [("amazon-emr", "apache-spark")]


class TestSections:
    JOB = """Senior Data Engineer
About Acme Robotics
Acme Robotics builds warehouse robots with Kubernetes. We are hiring people with curiosity.
What you'll do
- Build pipelines with Airflow
Requirements
- Python
Benefits
- A learning budget for Terraform courses
How to apply
Send your resume with a note on your Snowflake work.
Acme Robotics is an equal opportunity employer and values diversity and Scala skills.
"""

    def test_duties_weigh_near_required(self, matcher: Matcher) -> None:
        """A duty ("What you'll do") weighs `DUTY_WEIGHT`, between preferred and required."""
        result = report(matcher, self.JOB)
        airflow = next(k for k in result.keywords if k.skill_id == "apache-airflow")
        assert airflow.level == "duty" and airflow.weight == DUTY_WEIGHT

    def test_boilerplate_asks_for_nothing(self, matcher: Matcher) -> None:
        """About us, benefits, how to apply and the EEO line yield no demand."""
        result = report(matcher, self.JOB)
        assert {k.skill_id for k in result.keywords} == {"apache-airflow", "python"}

    def test_employer_name_is_found(self, matcher: Matcher) -> None:
        """The employer named in "About Acme Robotics" is the posting's employer."""
        assert matcher.parse_job(self.JOB).employer == "Acme Robotics"

    def test_employer_name_is_no_skill(self, matcher: Matcher) -> None:
        """ "Acme Robotics" yields no Robotics on the posting side."""
        hits = matcher.extract(matcher.parse_job("Robotics Engineer\n" + self.JOB))
        assert "robotics" in {h.skill_id for h in hits}  # the title still names it
        result = report(matcher, "Robotics Engineer\n" + self.JOB)
        robotics = [k for k in result.keywords if k.skill_id == "robotics"]
        assert [k.level for k in robotics] == ["title"]

    def test_resume_employer_is_no_skill(self, matcher: Matcher) -> None:
        """A role at "Vector Analytics" is no evidence of data analysis."""
        result = report(matcher, posting("Python"))
        assert "data-analysis" not in result.resume_skills

    def test_unheaded_eeo_line_is_legal(self, matcher: Matcher) -> None:
        """An EEO statement inside another section is filed under "legal"."""
        job = matcher.parse_job(posting("Python", "We are an equal opportunity employer."))
        assert [b.section for b in job.blocks][-1] == "legal"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("At Globex, we build maps.", "Globex"),
            ("Company: Initech Analytics", "Initech Analytics"),
            ("Python is a plus.", None),
        ],
    )
    def test_employer_phrases(self, text: str, expected: str | None) -> None:
        """The set phrases name the employer; a requirement line does not."""
        block = Block(text=text, kind="line", section="required", line=0)
        assert find_employer([block]) == expected


class TestBadInput:
    def test_only_boilerplate(self, matcher: Matcher) -> None:
        """A posting that is only boilerplate gets a report that says there is nothing to match."""
        job = (
            "About us\nWe are Acme.\nBenefits\n- Free lunch\nAcme is an equal opportunity employer."
        )
        result = report(matcher, job)
        assert result.keywords == () and "job-no-keywords" in {f.id for f in result.findings}

    def test_empty_posting_is_a_typed_error(self, matcher: Matcher) -> None:
        """An empty posting raises one of the package's errors, not a crash."""
        with pytest.raises(AtsmatchError):
            report(matcher, "   \n  ")

    def test_long_lists(self, matcher: Matcher) -> None:
        """200,000 characters of lists give a report or a typed error, never a crash."""
        job = "Requirements\n" + "- Python, SQL or Spark / Kafka and Airflow\n" * 4700
        try:
            result = report(matcher, job)
        except AtsmatchError:
            return
        assert result.keywords


class TestOrdinaryWords:
    @pytest.mark.parametrize(
        ("text", "skill_id"),
        [
            ("What did you ship last quarter?", "difference-in-differences"),
            ("The beats per minute matter.", "filebeat"),
            ("We value care and precision.", "precision-and-recall"),
            ("We reinforce good habits.", "policy-gradient-methods"),
            ("Salary SGD 5,000 a month.", "mathematical-optimization"),
            ("He lit the torch.", "pytorch"),
            ("BS in Mathematics or Physics.", "mathematica"),
        ],
    )
    def test_word_is_no_skill(self, extractor: Extractor, text: str, skill_id: str) -> None:
        """An everyday word does not become the skill it shares a spelling with."""
        assert skill_id not in {h.skill_id for h in extractor.extract_text(text)}

    @pytest.mark.parametrize(
        ("text", "skill_id"),
        [
            ("We estimated effects with DiD and event studies", "difference-in-differences"),
            ("Shipped logs with Beats and Logstash.", "filebeat"),
            ("Proficient in MS Word, PowerPoint, Excel, and Outlook", "excel"),
            ("Experience with Ray or Feast.", "feast"),
            ("Experience with Ray or Feast.", "ray"),
            ("Trained it in Torch and Lua.", "pytorch"),
            ("Flags faults with 0.93 precision.", "precision-and-recall"),
        ],
    )
    def test_skill_in_context(self, extractor: Extractor, text: str, skill_id: str) -> None:
        """The same names in tool context are skills."""
        assert skill_id in {h.skill_id for h in extractor.extract_text(text)}


class TestLanguage:
    SPANISH = """Ingeniera de Datos
Requisitos
- Tres años de experiencia con Python y SQL, y con Docker y Kubernetes en la nube.
- Diseñar y mantener los flujos de datos de la empresa con Spark y Airflow.
- Colaborar con los equipos de producto y de analítica para medir cada cambio.
"""

    def test_spanish_posting_is_named(self, matcher: Matcher) -> None:
        """A Spanish posting gets a `non-english` finding and no match verdict."""
        result = report(matcher, self.SPANISH)
        finding = next(f for f in result.findings if f.id == "non-english")
        assert "Spanish" in finding.message
        assert result.verdict == "not comparable: the posting is in Spanish"

    def test_english_posting_has_no_finding(self, matcher: Matcher) -> None:
        """The example posting is English."""
        result = matcher.match(
            EXAMPLES / "resume.txt", EXAMPLES / "job_ml_engineer.txt", today=TODAY
        )
        assert "non-english" not in {f.id for f in result.findings}

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (
                "Wir suchen eine Data Engineerin mit mehreren Jahren Erfahrung in Python und SQL. "
                "Sie entwickeln und betreiben unsere Datenplattform und arbeiten eng mit den "
                "Teams aus Produkt und Analyse zusammen, um jede Änderung zu messen.",
                "de",
            ),
            ("Python, SQL, Docker, Kubernetes, AWS, Terraform, Spark, Airflow", None),
            ("Short.", None),
        ],
    )
    def test_detect(self, text: str, code: str | None) -> None:
        """German is named; a bare list of tools or a short text is not judged."""
        assert detect_language(text) == code


class TestVocabReview:
    def test_shared_abbreviation_is_listed(self, taxonomy: Taxonomy) -> None:
        """ "PCA", listed by one entry and spelled out by another, is reported."""
        lines = ambiguities(taxonomy)
        assert any(line.startswith("PCA: abbreviation of ") for line in lines)

    def test_word_name_without_rule_is_listed(self, taxonomy: Taxonomy) -> None:
        """A name that is an English word with no context rule is reported; "Spark" has one."""
        lines = ambiguities(taxonomy)
        assert any(line.startswith("calculus: the name 'Calculus'") for line in lines)
        assert not any(line.startswith("apache-spark:") for line in lines)

    def test_cli_prints_the_review(self) -> None:
        """`vocab check` passes and lists the review after its ok line."""
        from typer.testing import CliRunner

        from atsmatch.cli import app

        result = CliRunner().invoke(app, ["vocab", "check"])
        assert result.exit_code == 0
        assert "to review (" in result.output and "PCA: abbreviation of" in result.output
