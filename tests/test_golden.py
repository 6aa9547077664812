"""Whole reports of the bundled examples against golden files: any change to what a person
reads shows up here, and is accepted only by regenerating on purpose:

    ATSMATCH_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

then reading `git diff tests/golden` before committing it.
"""

from __future__ import annotations

import difflib
import os
from datetime import date

import pytest

from atsmatch import Matcher
from atsmatch.render import render_json

from .conftest import EXAMPLES

GOLDEN = EXAMPLES.parent / "tests" / "golden"
TODAY = date(2026, 12, 1)
RESUMES = ["resume.pdf", "resume.docx", "resume.txt"]
JOBS = ["job_ml_engineer.txt", "job_mlops_engineer.txt"]
CASES = [(r, j) for r in RESUMES for j in JOBS] + [(r, "role:ml-engineer") for r in RESUMES]


def _report(matcher: Matcher, resume: str, job: str) -> str:
    # Read from bytes under the file's own name, so no checkout path enters the report.
    document = matcher.read((EXAMPLES / resume).read_bytes(), name=resume)
    if job.startswith("role:"):
        return render_json(matcher.match(document, role=job.removeprefix("role:"), today=TODAY))
    posting = matcher.read((EXAMPLES / job).read_bytes(), name=job)
    return render_json(matcher.match(document, posting, today=TODAY))


def _compare(name: str, got: str) -> None:
    path = GOLDEN / name
    if os.environ.get("ATSMATCH_UPDATE_GOLDEN"):
        path.write_text(got + "\n", encoding="utf-8")
        return
    want = path.read_text(encoding="utf-8").removesuffix("\n")
    if got != want:
        diff = difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=1)
        shown = "\n".join(list(diff)[:60])
        pytest.fail(f"{name} differs from the golden file (regenerate on purpose):\n{shown}")


class TestGoldenReports:
    @pytest.mark.parametrize(("resume", "job"), CASES)
    def test_match_report(self, matcher: Matcher, resume: str, job: str) -> None:
        """The match report of an example pair is the committed one, byte for byte."""
        stem = job.removesuffix(".txt").replace(":", "-")
        _compare(f"match_{resume.replace('.', '_')}_{stem}.json", _report(matcher, resume, job))

    @pytest.mark.parametrize("resume", RESUMES)
    def test_check_report(self, matcher: Matcher, resume: str) -> None:
        """The parseability report of an example resume is the committed one."""
        document = matcher.read((EXAMPLES / resume).read_bytes(), name=resume)
        _compare(f"check_{resume.replace('.', '_')}.json", render_json(matcher.check(document)))
