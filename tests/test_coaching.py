"""Resume-level coaching: evidence, stuffing, copying, acronyms, experience length, placement."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import atsmatch
from atsmatch import coaching
from atsmatch.analysis import JobAnalysis
from atsmatch.coaching import JobGrams, months_between, verbatim_overlaps
from atsmatch.coaching.evidence import _words, block_words, untitled_mentions
from atsmatch.coaching.writing import _count_words
from atsmatch.models import Block, MatchReport
from atsmatch.render import render_json, render_markdown
from tests.conftest import corpus_lines

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = date(2025, 6, 1)

RESUME = """Jane Roe
SUMMARY
ML engineer working on NLP and recommendation systems.
EXPERIENCE
Machine Learning Engineer — Acme, Remote    Jan 2023 – Present
• Built NLP ticket routing with PyTorch and FastAPI for 3 support teams, cutting triage time by 40%.
• Packaged services with Docker and ran them on Amazon EKS for 12 teams.
Data Analyst — Initech, Austin, TX    Jun 2021 – Dec 2022
• Automated weekly reports with Python and SQL, saving 10 hours per week.
SKILLS
Python, SQL, PyTorch, Snowflake, Terraform
"""

JOB = """Machine Learning Engineer
Requirements
- 3+ years of Python.
- 5+ years of natural language processing.
- Kubernetes, Snowflake and Terraform.
- 2+ years of professional experience in a fast-moving team.
"""


def coached(resume: str = RESUME, job: str = JOB, today: date = TODAY) -> MatchReport:
    report = atsmatch.match(resume, job, today=today)
    assert report.coaching is not None
    return report


class TestDurations:
    """Months per role and per skill from role dates, the current role up to `today`."""

    def test_months_between(self) -> None:
        """Both end months count; a current role runs to today; a bare year spans the year."""
        assert months_between("2021-03", "2021-03", current=False, today=TODAY) == 1
        assert months_between("2023-01", None, current=True, today=TODAY) == 30
        assert months_between("2019", "2019", current=False, today=TODAY) == 12
        assert months_between(None, "2020-01", current=False, today=TODAY) == 0

    def test_ask_met_and_short(self) -> None:
        """Python shows 49 months (FastAPI counts); NLP shows 30 (short of 5 years by 30)."""
        checks = {c.subject: c for c in coached().coaching.experience}  # type: ignore[union-attr]
        python = checks["Python"]
        assert (python.months_shown, python.met) == (49, True)
        assert "Initech" in python.basis and "Acme" in python.basis and "FastAPI" in python.basis
        nlp = checks["natural language processing"]
        assert (nlp.months_asked, nlp.months_shown, nlp.met) == (60, 30, False)
        assert nlp.short_by_months == 30 and nlp.roles == (0,)

    def test_today_moves_the_current_role(self) -> None:
        """A later `today` adds months to the current role only."""
        later = coached(today=date(2026, 6, 1)).coaching
        checks = {c.subject: c for c in later.experience}  # type: ignore[union-attr]
        assert checks["natural language processing"].months_shown == 42
        assert later.today == "2026-06-01"  # type: ignore[union-attr]

    def test_ask_without_skill_uses_all_dated_roles(self) -> None:
        """An ask naming no vocabulary skill is compared with all dated experience."""
        checks = coached().coaching.experience  # type: ignore[union-attr]
        generic = next(c for c in checks if not c.skill_ids)
        assert generic.months_shown == 49 and generic.met
        assert "all dated experience" in generic.basis

    def test_unreadable_date_is_undated(self) -> None:
        """A role date that is not "YYYY-MM" or "YYYY" (a hand-made `Resume`) counts no months."""
        assert months_between("2021-13", "2022-01", current=False, today=TODAY) == 0
        assert months_between("Jan 2021", "2022-01", current=False, today=TODAY) == 0

    def test_end_after_today_stops_at_today(self) -> None:
        """A role dated into the future counts only up to `today`."""
        assert months_between("2025-01", "2026-12", current=False, today=TODAY) == 6

    def test_nested_and_separate_roles(self) -> None:
        """A role inside another adds nothing; a later role after a gap adds its own months."""
        resume = (
            "EXPERIENCE\nEngineer — A    Jan 2018 – Dec 2018\n"
            "• Built Python services for 3 teams, cutting costs by 10%.\n"
            "Consultant — B    Jun 2018 – Aug 2018\n"
            "• Wrote Python tooling for 2 clients, saving 5 hours per week.\n"
            "Engineer — C    Jan 2020 – Jun 2020\n"
            "• Built Python APIs for 4 teams, cutting latency by 20%.\n"
        )
        report = coached(resume, "Requirements\n- 2+ years of Python")
        assert report.coaching.experience[0].months_shown == 18  # type: ignore[union-attr]

    def test_overlapping_roles_counted_once(self) -> None:
        """Two concurrent roles showing Python add up to the calendar span, not the sum."""
        resume = (
            "EXPERIENCE\nEngineer — A    Jan 2020 – Dec 2020\n"
            "• Built Python services for 3 teams, cutting costs by 10%.\n"
            "Consultant — B    Jun 2020 – Dec 2020\n"
            "• Wrote Python tooling for 2 clients, saving 5 hours per week.\n"
        )
        report = coached(resume, "Requirements\n- 2+ years of Python")
        check = report.coaching.experience[0]  # type: ignore[union-attr]
        assert check.months_shown == 12 and check.short_by_months == 12


class TestEvidence:
    """Claimed-not-shown, stuffing, copying and acronym forms, each in both directions."""

    def test_claimed_not_shown(self) -> None:
        """Snowflake and Terraform sit only in the skills list; Python and PyTorch are shown."""
        gaps = {g.name: g for g in coached().coaching.evidence_gaps}  # type: ignore[union-attr]
        assert {"Snowflake", "Terraform"} <= set(gaps)
        assert gaps["Terraform"].level == "required" and gaps["Terraform"].section == "skills"
        assert gaps["Terraform"].text == "Python, SQL, PyTorch, Snowflake, Terraform"
        assert not {"Python", "PyTorch", "SQL"} & set(gaps)

    def test_child_skill_in_bullet_supports_parent(self) -> None:
        """AWS in the skills list is shown by a SageMaker bullet."""
        resume = (
            "EXPERIENCE\nEngineer — A    Jan 2020 – Dec 2022\n"
            "• Trained models on Amazon SageMaker for 3 teams, cutting cost by 20%.\n"
            "SKILLS\nAWS\n"
        )
        report = coached(resume, "Requirements\n- AWS and SageMaker")
        assert report.coaching.evidence_gaps == ()  # type: ignore[union-attr]

    def test_stuffing(self) -> None:
        """Six mentions of Python against one in the posting is stuffing; two is not."""
        bullets = "".join(
            f"• Built Python service {i} for {i + 2} teams, cutting cost by {i + 5}%.\n"
            for i in range(6)
        )
        resume = f"EXPERIENCE\nEngineer — A    Jan 2020 – Dec 2022\n{bullets}"
        report = coached(resume, "Requirements\n- Python")
        stuffed = report.coaching.stuffing  # type: ignore[union-attr]
        assert [(s.name, s.resume_mentions, s.job_mentions) for s in stuffed] == [("Python", 6, 1)]
        assert coached().coaching.stuffing == ()  # type: ignore[union-attr]

    def test_titles_and_labels_are_not_stuffing(self) -> None:
        """A machine learning engineer's title in the header, on each role and as a skills label
        is naming the job, not stuffing: only the summary and bullet mentions count."""
        resume = (
            "Alex Doe\nMachine Learning Engineer\nSUMMARY\nMachine learning engineer, 6 years.\n"
            "EXPERIENCE\nSenior Machine Learning Engineer — A    Jan 2022 – Dec 2023\n"
            "• Shipped machine learning models for 3 teams, cutting cost by 20%.\n"
            "Machine Learning Engineer — B    Jan 2020 – Dec 2021\n"
            "• Built Python services for 4 teams, saving 5 hours per week.\n"
            "Machine Learning Engineer — C    Jan 2018 – Dec 2019\n"
            "• Built Python services for 2 teams, saving 3 hours per week.\n"
            "SKILLS\nMachine learning: PyTorch, XGBoost\n"
        )
        report = coached(resume, "Requirements\n- Machine learning and Python")
        assert report.coaching.stuffing == ()  # type: ignore[union-attr]

    def test_verbatim_overlap(self) -> None:
        """A bullet pasted from the posting is reported with the posting's text; own words not."""
        job = (
            "Responsibilities\n- Build and maintain feature pipelines with Spark and SQL, and "
            "publish features to our feature store.\n"
        )
        resume = (
            "EXPERIENCE\nEngineer — A    Jan 2020 – Dec 2022\n"
            "• Build and maintain feature pipelines with Spark and SQL, and publish features.\n"
            "• Rewrote feature jobs in Spark, cutting runtime from 5 hours to 40 minutes.\n"
        )
        verbatim = coached(resume, job).coaching.verbatim  # type: ignore[union-attr]
        assert len(verbatim) == 1
        assert verbatim[0].text.startswith("Build and maintain feature pipelines")
        assert verbatim[0].words >= 12 and "feature store" in verbatim[0].job_text

    def test_acronym_other_form(self) -> None:
        """The posting spells out "natural language processing"; the resume only says NLP."""
        advice = coached().coaching.acronyms  # type: ignore[union-attr]
        nlp = next(a for a in advice if a.skill_id == "nlp")
        assert nlp.severity == "warning" and nlp.resume_forms == ("NLP",)
        assert "Natural Language Processing (NLP)" in nlp.suggestion

    def test_acronym_same_form_for_products(self) -> None:
        """Vendor-prefixed names are not expansions: "Amazon EKS" vs "EKS" needs no advice."""
        resume = (
            "EXPERIENCE\nEngineer — A    Jan 2020 – Dec 2022\n"
            "• Ran 40 services on EKS for 6 teams, cutting cost by 20%.\n"
        )
        report = coached(resume, "Requirements\n- Amazon EKS")
        assert report.coaching.acronyms == ()  # type: ignore[union-attr]


class TestVerbatimIndex:
    """The posting's n-gram index is built once per posting and gives the same overlaps."""

    @pytest.fixture
    def blocks(self, matcher):  # type: ignore[no-untyped-def]
        """A resume's and a posting's blocks sharing one copied sentence."""
        job = matcher.parse_job(
            "Responsibilities\n- Build and maintain feature pipelines with Spark and SQL, and "
            "publish features to our feature store.\n"
        )
        resume = matcher.parse_resume(
            "EXPERIENCE\nEngineer — A    Jan 2020 – Dec 2022\n"
            "• Build and maintain feature pipelines with Spark and SQL, and publish features.\n"
        )
        return resume.blocks, job.blocks

    def test_given_index_same_overlaps(self, blocks) -> None:  # type: ignore[no-untyped-def]
        """Overlaps found with a prepared index equal those found without one."""
        resume_blocks, job_blocks = blocks
        with_index = verbatim_overlaps(resume_blocks, job_blocks, grams=JobGrams.of(job_blocks))
        assert with_index == verbatim_overlaps(resume_blocks, job_blocks)
        assert len(with_index) == 1

    def test_index_for_other_run_length_is_not_used(self, blocks) -> None:  # type: ignore[no-untyped-def]
        """An index of 8-word runs is not used for a search of 20-word runs."""
        resume_blocks, job_blocks = blocks
        grams = JobGrams.of(job_blocks)
        assert verbatim_overlaps(resume_blocks, job_blocks, words=20, grams=grams) == ()

    def test_job_analysis_builds_it_once(self, matcher) -> None:  # type: ignore[no-untyped-def]
        """`JobAnalysis.grams` is computed on first use and kept with the posting."""
        posting = matcher.parse_job("Requirements\n- Python and SQL for feature pipelines")
        analysis = JobAnalysis(posting, matcher.extract(posting), matcher.taxonomy)
        assert analysis.grams is analysis.grams
        assert analysis.grams == JobGrams.of(posting.blocks)


class TestWordCount:
    """The word count counts the words of the pattern it replaced."""

    PLAIN = re.compile(r"[A-Za-z0-9][\w'+#./-]*")

    def test_corpus_lines(self) -> None:
        """Every line of the corpus and the examples gives the same count."""
        for line in corpus_lines():
            assert _count_words(line) == len(self.PLAIN.findall(line)), line

    def test_whole_text(self) -> None:
        """A whole resume, lines and all, gives the same count."""
        text = "\n".join(corpus_lines())
        assert _count_words(text) == len(self.PLAIN.findall(text))

    @pytest.mark.parametrize(
        "text",
        [
            "naïve Bayes",
            "Zürich-based",
            "C++/C#, .NET",
            "2é_x-ü'y",
            "_é-x",
            "café—bar",
            "a²b",
            "• 2019–2021: led “ML” work’s roll-out",
            "été -- '' __ ./ x",
            "\ud800word\udfffmore",
        ],
    )
    def test_non_ascii_characters(self, text: str) -> None:
        """A non-ASCII word character continues a word and opens none; any other ends one."""
        assert _count_words(text) == len(self.PLAIN.findall(text))


class TestVerbatimWords:
    """The verbatim check's words are the pattern's words, lowercased."""

    PATTERN = re.compile(r"[a-z0-9][a-z0-9+#]*", re.IGNORECASE)

    def test_corpus_lines(self) -> None:
        """Every line of the corpus and the examples gives the same words."""
        for line in corpus_lines():
            assert _words(line) == [w.lower() for w in self.PATTERN.findall(line)], line

    @pytest.mark.parametrize("text", ["+C++ and C#", "#1 in ++x", "a+#b --+ c_d's", "+#", ""])
    def test_leading_plus_and_hash(self, text: str) -> None:
        """A + or # that opens a run is not part of the word; inside or after one it is."""
        assert _words(text) == [w.lower() for w in self.PATTERN.findall(text)]

    def _blocks(self, texts: list[str]) -> list[Block]:
        return [Block(text=t, kind="line", section="other", line=i) for i, t in enumerate(texts)]

    def test_blocks_of_the_corpus(self) -> None:
        """Every file of the corpus split as blocks at once gives each block's own words."""
        lines = corpus_lines()
        found = block_words(self._blocks(lines))
        assert found == tuple(tuple(w.lower() for w in self.PATTERN.findall(t)) for t in lines)

    @pytest.mark.parametrize(
        "texts",
        [
            ["• Led “ML” work", "2019–2021: C# and +C++", "", "naïve Bayes"],
            ["the \u212aelvin sign is a k", "plain"],  # a non-ASCII letter of a word
            ["two\nlines", "one"],  # a newline inside a block
            ["lone \ud800 surrogate"],
            [],
        ],
    )
    def test_blocks_of_non_ascii_text(self, texts: list[str]) -> None:
        """Blocks split at once give each block's own words, whatever characters they hold."""
        found = block_words(self._blocks(texts))
        assert found == tuple(tuple(w.lower() for w in self.PATTERN.findall(t)) for t in texts)


class TestUntitledMentions:
    """Names in titles and list labels are not counted as mentions."""

    def test_titles_and_labels_left_out(self, matcher) -> None:  # type: ignore[no-untyped-def]
        """The header, a role's title line and a label before a colon do not count; the rest do."""
        resume = matcher.parse_resume(
            "Python Developer\nEXPERIENCE\nPython Developer — Acme    Jan 2020 – Dec 2022\n"
            "• Built Python services.\nSKILLS\nPython: Django, Flask; Python tooling\n"
        )
        counts = untitled_mentions(matcher.extract(resume), resume)
        assert counts["python"] == 2  # the bullet and the list after its label


class TestPackage:
    """`atsmatch.coaching` is a package split by job; its names stay where they were."""

    def test_names_resolve(self) -> None:
        """The names the single module exported are still exported, and all resolve."""
        assert {
            "QUANTIFIED_TARGET", "VERBATIM_WORDS", "WORDS_PER_PAGE", "acronym_advice", "coach",
            "evidence_gaps", "experience_checks", "months_between", "skill_experience",
            "stuffing_warnings", "verbatim_overlaps", "word_count",
        } <= set(coaching.__all__)  # fmt: skip
        for name in coaching.__all__:
            assert getattr(coaching, name) is not None

    def test_fixes_ranked_and_varied(self) -> None:
        """Fixes are ranked 1..n, at most eight, and at most three of one kind."""
        fixes = coached().coaching.fixes  # type: ignore[union-attr]
        assert [f.rank for f in fixes] == list(range(1, len(fixes) + 1)) and len(fixes) <= 8
        assert all(sum(f.kind == g.kind for g in fixes) <= 3 for f in fixes)


class TestPlacement:
    """Missing keywords: related evidence and the bullet to weave them into, or a real gap."""

    def test_related_evidence_docker_and_eks(self) -> None:
        """Kubernetes is missing; Docker and EKS show related work in one bullet (v2: v3 counts
        EKS shown in use as Kubernetes shown)."""
        report = atsmatch.Matcher(scorer="weighted.v2").match(RESUME, JOB, today=TODAY)
        kube = next(m for m in report.missing if m.skill_id == "kubernetes")
        assert {"Docker", "Amazon EKS"} <= set(kube.related_evidence)
        assert not kube.gap and kube.certification is None
        assert kube.placement.where == "bullet"
        assert kube.placement.text is not None and "Amazon EKS" in kube.placement.text

    def test_real_gap_names_certification(self) -> None:
        """With nothing related, the keyword is a real gap and a covering certification is named."""
        report = coached("EXPERIENCE\nAnalyst — A    2020 – 2022\n• Built SQL reports.\n",
                         "Requirements\n- Terraform")  # fmt: skip
        terraform = report.missing[0]
        assert terraform.gap and terraform.related_evidence == ()
        assert terraform.certification is not None and "Terraform" in terraform.certification
        assert terraform.placement.where != "bullet"


class TestReport:
    """The whole coaching report: deterministic, rendered, correct on the example."""

    def test_json_deterministic_with_fixed_today(self) -> None:
        """Same input and date give byte-identical JSON, and the date is recorded."""
        first = render_json(coached())
        assert first == render_json(coached())
        assert '"today": "2025-06-01"' in first

    def test_default_today_is_real_date(self) -> None:
        """Without `today`, the current date is used and recorded."""
        report = atsmatch.match(RESUME, JOB)
        assert report.coaching is not None and report.coaching.today == date.today().isoformat()

    def test_example_resume(self) -> None:
        """On the example, the weak bullets are flagged and ranked first, and asks are met."""
        report = atsmatch.match(
            EXAMPLES / "resume.pdf", EXAMPLES / "job_ml_engineer.txt", today=TODAY
        )
        coaching = report.coaching
        assert coaching is not None
        weak = {b.text for b in coaching.bullets if "weak-opener" in [f.kind for f in b.flags]}
        assert weak == {
            "Worked on model monitoring.",
            "Responsible for maintaining data pipelines.",
            "Helped with dashboards for the risk team.",
            "Worked on various ad hoc analysis requests.",
        }
        assert coaching.quantified == 11 and len(coaching.bullets) == 15
        assert coaching.fixes[0].kind == "weak-opener"
        assert [c.met for c in coaching.experience] == [True, True]
        assert {g.name for g in coaching.evidence_gaps} >= {"Snowflake", "PostgreSQL"}

    @pytest.mark.parametrize("renderer", ["markdown", "terminal"])
    def test_rendered_sections(self, renderer: str) -> None:
        """Both views show bullet feedback, fixes, evidence and experience length."""
        report = coached()
        if renderer == "markdown":
            text = render_markdown(report)
        else:
            from rich.console import Console

            console = Console(width=120, color_system=None, record=True)
            atsmatch.render.render_terminal(report, console)
            text = console.export_text()
        for part in ("Bullet feedback", "Highest-value fixes", "Evidence", "Experience length",
                     "short by 30 months", "Terraform"):  # fmt: skip
            assert part in text, part
