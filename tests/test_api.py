"""The Python API end to end: sources, report contents, reuse across threads, determinism."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import atsmatch
from atsmatch import Matcher
from atsmatch._api import ANALYSIS_CACHE, SEEN_ONCE
from atsmatch.errors import DocumentError, NoTextLayerError, UnknownRoleError
from atsmatch.extract import Extractor

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
        assert report.scorer == "weighted.v4"

    def test_every_keyword_names_its_text(self, report: atsmatch.MatchReport) -> None:
        """Each keyword carries the posting text that asked for it and the resume evidence."""
        for k in report.keywords:
            assert k.name.casefold() in k.job_text.casefold() or k.job_text
            for ev in k.evidence:
                assert ev.text
        shown = [k for k in report.keywords if k.credit == 1.0]
        # v3: full credit is shown in use, a certification held, or a part shown in use.
        full = {"experience", "certified", "child"}
        assert shown and all(k.evidence[0].kind in full for k in shown)

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

    @pytest.mark.parametrize("name", ["mlops-engineer", "MLOps Engineer", "MLOPS_ENGINEER"])
    def test_role_by_id_or_name_in_any_case(self, matcher: Matcher, name: str) -> None:
        """A role is found by its id or its name, whatever the case and separators."""
        assert matcher.role_posting(name).role == "mlops-engineer"

    def test_unknown_role(self, matcher: Matcher) -> None:
        """An unknown role raises UnknownRoleError (a ValueError) naming the closest roles."""
        with pytest.raises(UnknownRoleError, match="known roles") as caught:
            matcher.match(RESUME_PDF, role="mlop engineer")
        assert isinstance(caught.value, ValueError)
        assert caught.value.suggestions[0] == "mlops-engineer"
        with pytest.raises(UnknownRoleError) as nothing_close:
            matcher.match(RESUME_PDF, role="astronaut")
        assert nothing_close.value.suggestions == ()

    def test_role_label_does_not_change_weights(self, matcher: Matcher) -> None:
        """A posting whose source merely starts with "role:" is weighed as a posting, not as the
        profile: only `JobPosting.role` applies a profile's weights."""
        profile = matcher.role_posting("ml-engineer")
        lookalike = profile.model_copy(
            update={"role": None, "document": profile.document.model_copy()}
        )
        assert lookalike.document.source == "role:ml-engineer"
        resume = (EXAMPLES / "resume.txt").read_text(encoding="utf-8")
        as_role = matcher.match(resume, profile)
        as_posting = matcher.match(resume, lookalike)
        assert [k.weight for k in as_role.keywords] != [k.weight for k in as_posting.keywords]
        plain = Matcher(taxonomy=matcher.taxonomy)
        relabelled = plain.parse_job("Requirements: Python, PyTorch, Kubernetes")
        renamed = relabelled.model_copy(
            update={"document": relabelled.document.model_copy(update={"source": "role:x"})}
        )
        assert [k.weight for k in plain.match(resume, renamed).keywords] == [
            k.weight for k in plain.match(resume, relabelled).keywords
        ]


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

    def test_module_functions_share_compiled_state(self) -> None:
        """Module-level calls reuse the bundled vocabulary's one compiled extractor."""
        first = atsmatch.extract_skills("Python and PyTorch")
        second = atsmatch.extract_skills("Python and PyTorch")
        assert first == second
        assert {h.name for h in first} == {"Python", "PyTorch"}
        assert Matcher().extractor is Matcher().extractor

    def test_extract_with_an_overlay_compiles_once(self, tmp_path: Path) -> None:
        """extract_skills(x, taxonomy=t) twice builds t's extractor once, not per call."""
        overlay = tmp_path / "mine.toml"
        overlay.write_text(OVERLAY.format(n=0), encoding="utf-8")
        taxonomy = atsmatch.load_taxonomy(overlay)
        builds: list[object] = []
        original = Extractor.__init__

        def counting(self: Extractor, *args: object, **kwargs: object) -> None:
            builds.append(self)
            original(self, *args, **kwargs)  # type: ignore[arg-type]

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Extractor, "__init__", counting)
            first = atsmatch.extract_skills("Acme ML 0 and Python", taxonomy=taxonomy)
            second = atsmatch.extract_skills("Acme ML 0 and Python", taxonomy=taxonomy)
        assert first == second and {h.skill_id for h in first} == {"acme-ml-0", "python"}
        assert len(builds) == 1


OVERLAY = """\
category = "library"

[[skill]]
id = "acme-ml-{n}"
name = "Acme ML {n}"
"""


class TestOverlayLoop:
    @pytest.fixture
    def small_base(self, tmp_path: Path) -> Path:
        """A whole vocabulary of one skill (the bundled manifest and lexicon), so that
        compiling one costs milliseconds and a loop of 200 stays quick."""
        import shutil

        from atsmatch._resources import bundled_vocab_dir

        base = tmp_path / "base"
        bundled = bundled_vocab_dir()
        shutil.copytree(bundled / "lexicon", base / "lexicon")
        shutil.copy(bundled / "manifest.toml", base / "manifest.toml")
        (base / "skills").mkdir()
        (base / "skills" / "language.toml").write_text(
            'category = "language"\n\n[[skill]]\nid = "python"\nname = "Python"\n',
            encoding="utf-8",
        )
        return base

    def test_dropped_overlays_are_freed(self, tmp_path: Path, small_base: Path) -> None:
        """A service loading an overlay per request keeps nothing of the ones it dropped: after
        200 overlays, each compiled and matched, no taxonomy (with its compiled extractor)
        survives, and memory stays flat."""
        import gc
        import resource
        import weakref

        def one_request(n: int) -> weakref.ref[atsmatch.Taxonomy]:
            overlay = tmp_path / f"overlay{n}.toml"
            overlay.write_text(OVERLAY.format(n=n), encoding="utf-8")
            taxonomy = atsmatch.load_taxonomy(overlay, base=small_base)
            report = atsmatch.match(
                f"Skills: Acme ML {n}, Python", f"Requirements: Acme ML {n}", taxonomy=taxonomy
            )
            assert report.matched == (f"acme-ml-{n}",)
            return weakref.ref(taxonomy)

        for n in range(20):  # warm-up: allocator pools and the bounded word caches settle
            one_request(n)
        gc.collect()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        alive = [one_request(n) for n in range(20, 220)]
        gc.collect()
        grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        assert sum(ref() is not None for ref in alive) == 0
        # Each taxonomy with what is derived from it (the lexicon, the extractor's automaton and
        # tables) takes about 200 KB even for this one-skill vocabulary: 200 kept would show as
        # tens of MB.
        assert grown_kb < 20 * 1024


class TestAnalysisCache:
    def test_repeated_text_gives_the_same_report(self) -> None:
        """A posting seen before is reused, and the report is the same as from a new Matcher."""
        job = JOB.read_text(encoding="utf-8")
        resume = (EXAMPLES / "resume.txt").read_text(encoding="utf-8")
        warm = Matcher()
        warm.match(resume, job)
        warm.match(resume, job)  # seen twice: kept from now on
        assert warm.cache_info() == (0, 4, ANALYSIS_CACHE, 2)
        again = warm.match(resume, job)
        assert warm.cache_info().hits == 2  # the resume and the posting
        fresh = Matcher(taxonomy=warm.taxonomy).match(resume, job)
        assert again.model_dump_json() == fresh.model_dump_json()

    def test_documents_seen_once_are_not_kept(self) -> None:
        """A stream of new resumes against one posting keeps the posting alone: it is never
        pushed out, however many resumes pass."""
        matcher = Matcher()
        for i in range(ANALYSIS_CACHE + 10):
            matcher.match(f"Skills: Python, SQL\nReference {i}", "Requirements: Python")
        info = matcher.cache_info()
        assert info.currsize == 1
        assert info.hits == ANALYSIS_CACHE + 10 - 2  # the posting, from its third match on
        assert info.misses == ANALYSIS_CACHE + 10 + 2

    def test_cache_is_bounded(self) -> None:
        """However many different documents come back, the matcher keeps a bounded number,
        the most recent."""
        matcher = Matcher()
        resumes = [f"Skills: Python, SQL\nReference {i}" for i in range(ANALYSIS_CACHE + 10)]
        for resume in resumes * 2:
            matcher.match(resume, "Requirements: Python")
        info = matcher.cache_info()
        assert info.currsize == info.maxsize == ANALYSIS_CACHE
        assert info.misses + info.hits == 4 * (ANALYSIS_CACHE + 10)
        hits = info.hits
        matcher.match(resumes[-1], "Requirements: Python")
        assert matcher.cache_info().hits == hits + 2
        matcher.match(resumes[0], "Requirements: Python")  # fell out: analysed, and kept again
        assert matcher.cache_info().hits == hits + 3

    def test_remembers_a_bounded_number_seen_once(self) -> None:
        """Past `SEEN_ONCE` other documents, one seen once is forgotten: seen again, it is
        analysed and not kept."""
        matcher = Matcher()
        job = "Requirements: Python"
        matcher.match("Skills: Python", job)
        for i in range(SEEN_ONCE):
            matcher.match(f"Skills: Go\nReference {i}", job)
        matcher.match("Skills: Python", job)
        assert matcher.cache_info().currsize == 1  # the posting

    def test_text_and_bytes_are_kept_apart(self) -> None:
        """The same characters as text and as file bytes are analysed separately, correctly."""
        matcher = Matcher()
        job = "Requirements: Python, Go, SQL"
        as_text = matcher.match("Skills: Python, Go, Rust", job)
        as_bytes = matcher.match(b"Skills: Python, Go, Rust", job)
        # The posting twice (kept from then on), the resume as text and as bytes once each.
        assert matcher.cache_info().misses == 4
        assert as_text.resume_skills == as_bytes.resume_skills
        assert as_text.score == as_bytes.score > 0
        assert {"python", "golang"} <= set(as_text.matched)

    def test_parsed_objects_are_reused_by_content(self) -> None:
        """A parsed posting is analysed once and reused, an equal copy too; another posting
        gets its own analysis."""
        matcher = Matcher()
        resume = "Experience\n- Built PyTorch models served on Kubernetes"
        first = matcher.parse_job("Requirements: Python, PyTorch")
        assert matcher.match(resume, first).matched == ("pytorch",)
        assert matcher.match(resume, first) == matcher.match(resume, first)
        copy = first.model_validate_json(first.model_dump_json())
        misses = matcher.cache_info().misses
        assert matcher.match(resume, copy) == matcher.match(resume, first)
        assert matcher.cache_info().misses == misses
        other = matcher.parse_job("Requirements: Kubernetes")
        assert [k.skill_id for k in matcher.match(resume, other).keywords] == ["kubernetes"]
        assert matcher.cache_info().misses == misses + 1
        assert matcher.match(resume, first).matched == ("pytorch",)

    def test_role_postings_are_made_once(self) -> None:
        """A role profile becomes one posting per vocabulary, so matches against it reuse its
        analysis, and the report equals one from a fresh matcher."""
        matcher = Matcher()
        assert matcher.role_posting("ml-engineer") is Matcher().role_posting("ML Engineer")
        resume = (EXAMPLES / "resume.txt").read_text(encoding="utf-8")
        warm = matcher.match(resume, role="ml-engineer")
        assert matcher.match(resume, role="ml-engineer") == warm
        assert matcher.match(resume, role="ml-engineer") == warm
        assert matcher.cache_info().hits == 2
        fresh = Matcher(taxonomy=matcher.taxonomy).match(resume, role="ml-engineer")
        assert warm.model_dump_json() == fresh.model_dump_json()
