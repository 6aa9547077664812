"""Ranking many resumes against one job (and many jobs against one resume): order, errors, pools."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import atsmatch
from atsmatch import Matcher, RankedResult, batch
from atsmatch.cli import app
from atsmatch.errors import AtsmatchError, UnsupportedFormatError
from atsmatch.ranking import Ranking
from atsmatch.render import render_json

from .conftest import CORPUS, EXAMPLES

JOB = EXAMPLES / "job_ml_engineer.txt"
JOB_TEXT = "Requirements: Python, PyTorch and Kubernetes"
TODAY = date(2026, 1, 1)
LEGACY_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
# Same score against JOB_TEXT (Python and PyTorch, no Kubernetes); parseability differs.
BARE = "Skills: Python, PyTorch"
WITH_CONTACT = "Jane Roe\njane@x.org\n+1 555 123 4567\nSkills\nPython, PyTorch"
WITH_ROLE = (
    "Jane Roe\njane@x.org\nExperience\nML Engineer  2020 – 2022\n"
    "- Built models in Python and PyTorch\nSkills\nPython, PyTorch"
)


class TestOrdering:
    """Highest score first; ties by parseability, then name, then input order."""

    def test_score_then_parseability(self, matcher: Matcher) -> None:
        """The best score ranks first; equal scores rank the more parseable file first."""
        ranking = matcher.rank(JOB_TEXT, [BARE, "Skills: Python", WITH_CONTACT, WITH_ROLE],
                               today=TODAY)  # fmt: skip
        assert [r.index for r in ranking] == [3, 2, 0, 1]
        assert [r.rank for r in ranking] == [1, 2, 3, 4]
        scores = [r.score for r in ranking]
        assert scores == sorted(scores, reverse=True)  # type: ignore[type-var]
        assert ranking[1].score == ranking[2].score
        assert ranking[1].parseability > ranking[2].parseability  # type: ignore[operator]

    def test_ties_by_name_then_input_order(self, matcher: Matcher) -> None:
        """Identical resumes rank by their name, and identical names by input order."""
        ranking = matcher.rank(JOB_TEXT, [BARE, BARE, BARE], names=["b", "a", "b"], today=TODAY)
        assert [(r.source, r.index) for r in ranking] == [("a", 1), ("b", 0), ("b", 2)]

    def test_headline_figures_come_from_the_report(self, matcher: Matcher) -> None:
        """Counts, verdict and top missing names are the report's own."""
        (entry,) = matcher.rank(JOB, [EXAMPLES / "resume.txt"], today=TODAY)
        report = entry.report
        assert report is not None and entry.error is None
        assert entry.score == report.score and entry.verdict == report.verdict
        assert entry.matched == len(report.matched) and entry.missing == len(report.missing)
        assert entry.top_missing == tuple(m.name for m in report.missing[:5])
        assert len(entry.top_missing) == 5
        assert entry.source == str(EXAMPLES / "resume.txt")

    def test_report_equals_a_single_match(self, matcher: Matcher) -> None:
        """Each ranked report is byte-identical to `match` on the same pair."""
        ranking = matcher.rank(JOB, [EXAMPLES / "resume.pdf", WITH_ROLE], today=TODAY)
        for entry, resume in zip(sorted(ranking, key=lambda r: r.index),
                                 [EXAMPLES / "resume.pdf", WITH_ROLE], strict=True):  # fmt: skip
            assert entry.report is not None
            single = matcher.match(resume, JOB, today=TODAY)
            assert render_json(entry.report) == render_json(single)


class TestUnreadable:
    """A file that cannot be read is reported, sorted last, and does not stop the batch."""

    def test_legacy_doc_and_empty_file(self, matcher: Matcher, tmp_path: Path) -> None:
        """A legacy .doc and an empty file get typed errors and sort after every report."""
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"")
        ranking = matcher.rank(JOB, [LEGACY_DOC, EXAMPLES / "resume.txt", empty], today=TODAY)
        # Errors sort among themselves by name: "/tmp/.../empty.txt" before "<bytes>".
        assert [r.index for r in ranking] == [1, 2, 0]
        ok, blank, doc = ranking
        assert ok.report is not None and ok.error is None
        assert doc.error is not None and doc.error.type == "UnsupportedFormatError"
        assert blank.error is not None and blank.error.type == "NoTextLayerError"
        assert blank.error.source == str(empty) and "empty.txt" in blank.error.message
        assert "\n" not in blank.error.message
        assert str(blank.error) == f"NoTextLayerError: {blank.error.message}"
        for entry in (doc, blank):
            assert entry.report is None and entry.score is None and entry.top_missing == ()

    def test_unreadable_job_raises(self, matcher: Matcher) -> None:
        """The one job posting is read first: if it cannot be read, the batch raises."""
        with pytest.raises(UnsupportedFormatError):
            matcher.rank(LEGACY_DOC, [BARE])

    def test_job_or_role(self, matcher: Matcher) -> None:
        """Exactly one of a job and `role=`; an unknown role is an atsmatch error."""
        ranking = matcher.rank(None, [BARE, WITH_ROLE], role="ml-engineer", today=TODAY)
        assert ranking[0].report is not None
        assert ranking[0].report.job_source == "role:ml-engineer"
        with pytest.raises(TypeError):
            matcher.rank(JOB_TEXT, [BARE], role="ml-engineer")
        with pytest.raises(AtsmatchError, match="unknown role"):
            matcher.rank(None, [BARE], role="no-such-role")


class TestArguments:
    """Option checks happen before any work."""

    def test_names_must_match(self) -> None:
        """One name per resume."""
        with pytest.raises(ValueError, match="2 names for 1"):
            atsmatch.rank(JOB_TEXT, [BARE], names=["a", "b"])

    def test_bad_worker_options(self) -> None:
        """Zero workers, or workers with an executor, is refused."""
        with pytest.raises(ValueError):
            atsmatch.rank(JOB_TEXT, [BARE], workers=0)
        with ThreadPoolExecutor(1) as pool, pytest.raises(TypeError):
            atsmatch.rank(JOB_TEXT, [BARE], workers=2, executor=pool)

    def test_hand_made_taxonomy_cannot_go_to_workers(self) -> None:
        """A Taxonomy not made by load_taxonomy() has no recipe a worker could load it from."""
        made = dataclasses.replace(atsmatch.load_taxonomy())  # an equal copy, made by hand
        assert made.loaded_from is None
        with pytest.raises(TypeError, match="load_taxonomy"):
            atsmatch.rank(JOB_TEXT, [BARE], workers=2, taxonomy=made)

    def test_empty_batch(self) -> None:
        """No resumes, no entries (and no pool is started)."""
        assert atsmatch.rank(JOB_TEXT, [], workers=2) == []


class TestRankJobs:
    """The job seeker's direction: one resume, many postings."""

    def test_postings_ranked_for_one_resume(self, matcher: Matcher) -> None:
        """Postings rank by score, an unreadable posting sorts last with its error."""
        jobs = [LEGACY_DOC, *sorted(EXAMPLES.glob("job_*.txt"))]
        ranking = atsmatch.rank_jobs(EXAMPLES / "resume.txt", jobs, today=TODAY)
        assert [r.error is None for r in ranking] == [True, True, False]
        assert ranking[0].score >= ranking[1].score  # type: ignore[operator]
        for entry in ranking[:2]:
            assert entry.report is not None
            single = matcher.match(EXAMPLES / "resume.txt", jobs[entry.index], today=TODAY)
            assert render_json(entry.report) == render_json(single)


def _overlay(tmp_path: Path) -> Path:
    """A vocabulary overlay adding one skill, to prove the workers load it too."""
    path = tmp_path / "mine.toml"
    path.write_text(
        textwrap.dedent("""\
            category = "library"

            [[skill]]
            id = "acme-ml"
            name = "Acme ML"
            parents = [{ id = "machine-learning", rel = "is_a" }]
            """),
        encoding="utf-8",
    )
    return path


class TestParallel:
    """Worker processes and executors give the serial ranking, byte for byte."""

    def test_two_workers_equal_serial(self, tmp_path: Path) -> None:
        """workers=2 (process pool, overlay by path) equals the serial run, JSON byte for byte."""
        resumes: list[Path | bytes | str] = [
            EXAMPLES / "resume.pdf",
            EXAMPLES / "resume.docx",
            EXAMPLES / "resume.txt",
            CORPUS / "resumes" / "sourabh_bajaj_resume.pdf",
            CORPUS / "resumes" / "John_Doe_ClassicTheme_CV.pdf",
            LEGACY_DOC,
            "Skills: Acme ML, Python",
        ]
        job = JOB.read_text(encoding="utf-8") + "\nRequirements: Acme ML\n"
        taxonomy = atsmatch.load_taxonomy(_overlay(tmp_path))
        serial = atsmatch.rank(job, resumes, taxonomy=taxonomy, today=TODAY)
        pools: list[object] = []
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(batch, "_on_pool", _spy(batch._on_pool, pools))
            # An iterator has no length, so the pool runs however few the items are.
            parallel = atsmatch.rank(job, iter(resumes), taxonomy=taxonomy, workers=2, today=TODAY)
        assert len(pools) == 1
        assert [render_json(r) for r in parallel] == [render_json(r) for r in serial]
        acme = next(r for r in parallel if r.index == 6)
        assert acme.report is not None and "acme-ml" in acme.report.matched
        assert parallel[-1].error is not None and parallel[-1].index == 5

    def test_workers_fork_warm(self) -> None:
        """A pool worker is forked with the bundled vocabulary's Matcher already built (in the
        forkserver, by `atsmatch._warm`): it neither imports spaCy nor compiles on its own."""
        script = textwrap.dedent(
            """
            from concurrent.futures import ProcessPoolExecutor
            from atsmatch import batch
            probe = "__import__('atsmatch.batch').batch._worker is not None"
            with ProcessPoolExecutor(1, mp_context=batch._context(start=True)) as pool:
                print(pool.submit(eval, probe).result())
            """
        )
        # A fresh interpreter: this one's forkserver may have been started by an isolated read.
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
        )
        assert done.stdout.split() == ["True"]

    def test_small_batch_stays_serial(self) -> None:
        """A list too short to pay for starting workers is matched in this process."""
        pools: list[object] = []
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(batch, "_on_pool", _spy(batch._on_pool, pools))
            ranking = atsmatch.rank(JOB_TEXT, [BARE] * 3, workers=2, today=TODAY)
        assert pools == [] and [r.rank for r in ranking] == [1, 2, 3]

    def test_dask_cluster_equals_serial(self) -> None:
        """On a two-worker Dask LocalCluster the ranking is the serial one, byte for byte, and
        each Dask worker builds its matcher once however many chunks it takes."""
        distributed = pytest.importorskip("distributed")
        resumes = [BARE, WITH_CONTACT, WITH_ROLE, LEGACY_DOC] * 5
        serial = atsmatch.rank(JOB, resumes, today=TODAY)
        with (
            distributed.LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            on_dask = atsmatch.rank(JOB, resumes, client=client, today=TODAY)
            built = client.run(lambda: batch._worker is not None)
        assert [render_json(r) for r in on_dask] == [render_json(r) for r in serial]
        assert len(built) == 2

    def test_executor_equals_serial(self, matcher: Matcher) -> None:
        """Any `concurrent.futures.Executor` (here threads) gives the serial ranking."""
        resumes = [BARE, WITH_CONTACT, WITH_ROLE, LEGACY_DOC]
        serial = atsmatch.rank(JOB, resumes, today=TODAY)
        with ThreadPoolExecutor(2) as pool:
            pooled = atsmatch.rank(JOB, resumes, executor=pool, today=TODAY)
        assert [render_json(r) for r in pooled] == [render_json(r) for r in serial]


class TestStreaming:
    """Entries stream through; only the best reports are kept."""

    def test_iter_rank_in_input_order_unranked(self) -> None:
        """iter_rank yields one entry per resume, in input order, with no rank yet."""
        entries = list(atsmatch.iter_rank(JOB_TEXT, iter([BARE, LEGACY_DOC, WITH_ROLE]),
                                          today=TODAY))  # fmt: skip
        assert [(e.index, e.rank) for e in entries] == [(0, None), (1, None), (2, None)]
        assert entries[0].report is not None and entries[1].error is not None

    def test_top_keeps_the_best_reports_only(self) -> None:
        """top=N ranks every entry the same way but keeps reports on the best N only."""
        resumes = [f"Skills: Python{', PyTorch' * (i % 3)}\nRef {i}" for i in range(30)]
        everything = atsmatch.rank(JOB_TEXT, resumes, today=TODAY)
        best = atsmatch.rank(JOB_TEXT, resumes, top=4, today=TODAY)
        strip = {"report"}
        assert [r.model_dump(exclude=strip) for r in best] == [
            r.model_dump(exclude=strip) for r in everything
        ]
        assert [r.report is not None for r in best] == [True] * 4 + [False] * 26
        assert [r.report for r in best[:4]] == [r.report for r in everything[:4]]

    def test_names_must_match_a_generator(self) -> None:
        """A generator of resumes with the wrong number of names is an error too."""
        with pytest.raises(ValueError, match="2 names for 1"):
            atsmatch.rank(JOB_TEXT, (r for r in [BARE]), names=["a", "b"], today=TODAY)


class TestRankingCollector:
    @given(
        st.lists(st.tuples(st.integers(0, 20), st.sampled_from("abc")), min_size=1, max_size=60),
        st.integers(1, 8),
    )
    def test_kept_reports_are_the_best(self, rows: list[tuple[int, str]], top: int) -> None:
        """Whatever the order entries arrive in, the kept reports are those of the best `top`."""
        report = atsmatch.MatchReport.model_construct()
        ranking = Ranking(top=top)
        for index, (score, source) in enumerate(rows):
            ranking.add(RankedResult(index=index, source=source, score=score, report=report))
        result = ranking.result()
        expected = sorted(range(len(rows)), key=lambda i: (-rows[i][0], rows[i][1], i))
        assert [r.index for r in result] == expected
        assert [r.index for r in result if r.report is not None] == expected[:top]


def _spy(function: Any, calls: list[object]) -> Any:
    def spy(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return function(*args, **kwargs)

    return spy


runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1"})


class TestCli:
    """`atsmatch rank`: views, exit codes."""

    def test_text_table_and_unreadable_line(self, tmp_path: Path) -> None:
        """The table lists ranked files; an unreadable file gets one line; exit 0."""
        doc = tmp_path / "old.doc"
        doc.write_bytes(LEGACY_DOC)
        resume = str(EXAMPLES / "resume.txt")
        result = invoke("rank", "--job", str(JOB), resume, str(doc), "--today", "2026-01-01")
        assert result.exit_code == 0, result.output
        assert "resume.txt" in result.output and "71.9" in result.output  # weighted.v4
        (line,) = [x for x in result.output.splitlines() if x.startswith("unreadable")]
        assert "old.doc" in line and "UnsupportedFormatError" in line

    def test_json_output(self) -> None:
        """`--format json` is a list of RankedResult, best first, `--top` keeps the best N."""
        files = [str(EXAMPLES / "resume.txt"), str(EXAMPLES / "resume.docx")]
        result = invoke("rank", "--role", "mlops-engineer", *files, "-f", "json", "--top", "1",
                        "--today", "2026-01-01")  # fmt: skip
        assert result.exit_code == 0, result.output
        (entry,) = [RankedResult.model_validate(e) for e in json.loads(result.output)]
        assert entry.rank == 1 and entry.source == files[1]  # tie: resume.docx < resume.txt
        assert entry.report is not None and entry.report.coaching is not None
        assert entry.report.coaching.today == "2026-01-01"

    def test_resume_direction_markdown(self) -> None:
        """`--resume` ranks postings; Markdown is a table."""
        jobs = [str(p) for p in sorted(EXAMPLES.glob("job_*.txt"))]
        result = invoke("rank", "--resume", str(EXAMPLES / "resume.txt"), *jobs, "-f", "markdown")
        assert result.exit_code == 0, result.output
        assert "| # | file | score |" in result.output
        assert all(job in result.output for job in jobs)

    def test_nothing_readable_exits_1(self, tmp_path: Path) -> None:
        """When no file can be read, the errors are listed and the exit code is 1."""
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"")
        result = invoke("rank", "--job", str(JOB), str(empty))
        assert result.exit_code == 1
        assert "NoTextLayerError" in result.output
        assert "Traceback" not in result.output

    def test_usage_errors_exit_2(self, tmp_path: Path) -> None:
        """Neither or both of --job/--role, a missing file, or --workers 0 exit 2."""
        resume = str(EXAMPLES / "resume.txt")
        assert invoke("rank", resume).exit_code == 2
        assert invoke("rank", "--job", str(JOB), "--role", "ml-engineer", resume).exit_code == 2
        assert invoke("rank", "--job", str(JOB), str(tmp_path / "nope.pdf")).exit_code == 2
        assert invoke("rank", "--job", str(JOB), resume, "--workers", "0").exit_code == 2
        assert invoke("rank", "--job", str(JOB)).exit_code == 2
