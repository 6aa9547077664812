"""The Python API end to end: sources, report contents, reuse across threads, determinism."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import atsmatch
from atsmatch import Matcher
from atsmatch.errors import AtsmatchError, DocumentError, NoTextLayerError

from .conftest import EXAMPLES

RESUME_PDF = EXAMPLES / "resume.pdf"
JOB = EXAMPLES / "job_ml_engineer.txt"


class TestSources:
    def test_str_is_text_never_a_path(self) -> None:
        """A str that looks like a path is still read as text."""
        resume = atsmatch.parse_resume(str(RESUME_PDF))
        assert resume.document.format == "text"
        assert resume.document.lines[0].text == str(RESUME_PDF)

    def test_path_bytes_and_text_agree(self, matcher: Matcher) -> None:
        """The same resume as Path and as bytes gives the same report."""
        by_path = matcher.match(RESUME_PDF, JOB)
        by_bytes = matcher.match(RESUME_PDF.read_bytes(), JOB.read_text(encoding="utf-8"))
        assert by_path.score == by_bytes.score
        assert by_path.resume_skills == by_bytes.resume_skills

    def test_empty_resume_is_an_error(self) -> None:
        """An empty resume raises instead of scoring 0%."""
        with pytest.raises(NoTextLayerError):
            atsmatch.match(b"", "Requirements: Python")

    def test_missing_path_is_a_document_error(self, tmp_path: Path) -> None:
        """A path that does not exist raises a DocumentError naming it."""
        with pytest.raises(DocumentError, match=r"missing\.pdf"):
            atsmatch.match(tmp_path / "missing.pdf", "Requirements: Python")


@pytest.fixture(scope="module")
def report(matcher: Matcher) -> atsmatch.MatchReport:
    """The example resume matched against the example ML engineer posting."""
    return matcher.match(RESUME_PDF, JOB)


class TestReport:
    def test_score_and_verdict(self, report: atsmatch.MatchReport) -> None:
        """The example resume is a partial-to-good match for the example posting."""
        assert 40 <= report.score <= 95
        assert report.verdict in {"partial match", "good match", "strong match"}
        assert report.scorer == "weighted.v2"

    def test_every_keyword_names_its_text(self, report: atsmatch.MatchReport) -> None:
        """Each keyword carries the posting text that asked for it and the resume evidence."""
        for k in report.keywords:
            assert k.name.casefold() in k.job_text.casefold() or k.job_text
            for ev in k.evidence:
                assert ev.text
        shown = [k for k in report.keywords if k.credit == 1.0]
        assert shown and all(k.evidence[0].kind == "experience" for k in shown)

    def test_missing_ranked_with_placement(self, report: atsmatch.MatchReport) -> None:
        """Missing keywords come highest weight first, each with a placement."""
        weights = [m.weight for m in report.missing]
        assert weights == sorted(weights, reverse=True)
        assert any(m.name == "Terraform" for m in report.missing)
        for m in report.missing:
            assert m.placement.reason
            if m.placement.where == "bullet":
                assert m.placement.text

    def test_matched_and_missing_partition_keywords(self, report: atsmatch.MatchReport) -> None:
        """Every job keyword is either matched or missing, never both."""
        missing = {m.skill_id for m in report.missing}
        assert not missing & set(report.matched)
        assert missing | set(report.matched) == {k.skill_id for k in report.keywords}

    def test_json_round_trip(self, report: atsmatch.MatchReport) -> None:
        """The report survives JSON and back unchanged."""
        again = atsmatch.MatchReport.model_validate_json(report.model_dump_json())
        assert again == report


class TestRoles:
    def test_role_profile_in_place_of_a_posting(self, matcher: Matcher) -> None:
        """A role profile scores like a posting made of its core and nice-to-have skills."""
        role = next(iter(sorted(matcher.taxonomy.roles)))
        report = matcher.match(RESUME_PDF, role=role)
        assert report.keywords
        assert report.job_source == f"role:{role}"

    def test_unknown_role(self, matcher: Matcher) -> None:
        """An unknown role raises a typed error listing the known ones."""
        with pytest.raises(AtsmatchError, match="known roles"):
            matcher.match(RESUME_PDF, role="astronaut")


class TestReuse:
    def test_threads_match_serial(self, matcher: Matcher) -> None:
        """One Matcher shared by 8 threads gives the same reports as serial runs."""
        jobs = [JOB, EXAMPLES / "job_mlops_engineer.txt"] * 8
        serial = [matcher.match(RESUME_PDF, j).model_dump_json() for j in jobs]
        with ThreadPoolExecutor(max_workers=8) as pool:
            threaded = list(
                pool.map(lambda j: matcher.match(RESUME_PDF, j).model_dump_json(), jobs)
            )
        assert threaded == serial

    def test_module_functions_share_state(self) -> None:
        """The module-level API reuses one compiled extractor."""
        first = atsmatch.extract_skills("Python and PyTorch")
        second = atsmatch.extract_skills("Python and PyTorch")
        assert first == second
        assert {h.name for h in first} == {"Python", "PyTorch"}


class TestAnalysisCache:
    def test_repeated_text_gives_the_same_report(self) -> None:
        """A posting seen before is reused, and the report is the same as from a new Matcher."""
        job = JOB.read_text(encoding="utf-8")
        resume = (EXAMPLES / "resume.txt").read_text(encoding="utf-8")
        warm = Matcher()
        warm.match(resume, job)
        again = warm.match(resume, job)
        fresh = Matcher(taxonomy=warm.taxonomy).match(resume, job)
        assert again.model_dump_json() == fresh.model_dump_json()

    def test_cache_is_bounded(self, matcher: Matcher) -> None:
        """However many different documents pass through, the matcher keeps a bounded number."""
        from atsmatch._api import _ANALYSIS_CACHE

        for i in range(_ANALYSIS_CACHE + 10):
            matcher.match(f"Skills: Python, SQL\nReference {i}", "Requirements: Python")
        assert len(matcher._analyses) <= _ANALYSIS_CACHE

    def test_text_and_bytes_are_kept_apart(self, matcher: Matcher) -> None:
        """The same characters as text and as file bytes are analysed separately, correctly."""
        job = "Requirements: Python, Go, SQL"
        as_text = matcher.match("Skills: Python, Go, Rust", job)
        as_bytes = matcher.match(b"Skills: Python, Go, Rust", job)
        assert as_text.resume_skills == as_bytes.resume_skills
        assert as_text.score == as_bytes.score > 0
        assert {"python", "golang"} <= set(as_text.matched)

    def test_parsed_objects_are_reused_by_identity_only(self, matcher: Matcher) -> None:
        """A parsed posting is analysed once and reused, an equal copy too; another posting
        gets its own analysis."""
        resume = "Experience\n- Built PyTorch models served on Kubernetes"
        first = matcher.parse_job("Requirements: Python, PyTorch")
        assert matcher.match(resume, first).matched == ("pytorch",)
        assert matcher.match(resume, first) == matcher.match(resume, first)
        copy = first.model_validate_json(first.model_dump_json())
        cached = len(matcher._analyses)
        assert matcher.match(resume, copy) == matcher.match(resume, first)
        assert len(matcher._analyses) == cached
        other = matcher.parse_job("Requirements: Kubernetes")
        assert [k.skill_id for k in matcher.match(resume, other).keywords] == ["kubernetes"]
        assert matcher.match(resume, first).matched == ("pytorch",)

    def test_role_postings_are_made_once(self, matcher: Matcher) -> None:
        """A role profile becomes one posting per matcher, so matches against it reuse its
        analysis, and the report equals one from a fresh matcher."""
        assert matcher.role_posting("ml-engineer") is matcher.role_posting("ml-engineer")
        resume = (EXAMPLES / "resume.txt").read_text(encoding="utf-8")
        warm = matcher.match(resume, role="ml-engineer")
        fresh = Matcher(taxonomy=matcher.taxonomy).match(resume, role="ml-engineer")
        assert warm.model_dump_json() == fresh.model_dump_json()
