"""One Matcher shared by threads gives serial results; JSON is byte-identical across processes."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import atsmatch
from atsmatch.render import render_json

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
JOBS = sorted(EXAMPLES.glob("job_*.txt"))
RESUMES: list[Path | str] = [
    EXAMPLES / "resume.txt",
    EXAMPLES / "resume.docx",
    EXAMPLES / "resume.pdf",
    "Skills: Python, Go, R, Spark, Kubernates, Tensor Flow. Built ETL on AWS Glue.",
]


class TestThreads:
    """Concurrent use of one compiled matcher."""

    def test_eight_threads_equal_serial(self, matcher: atsmatch.Matcher) -> None:
        """8 threads over 48 matches (text, DOCX, PDF documents; two jobs) equal serial runs.

        PDF and DOCX are read once up front (concurrent reading is the next test), so the
        threads spend their time in structure, extraction, scoring and suggestions.
        """
        resumes = [r if isinstance(r, str) else matcher.read(r) for r in RESUMES]
        cases = [(resume, job) for resume in resumes for job in JOBS] * 6
        cases = cases[:48]
        serial = [render_json(matcher.match(r, j)) for r, j in cases]
        with ThreadPoolExecutor(8) as pool:
            threaded = list(pool.map(lambda c: render_json(matcher.match(*c)), cases))
        assert threaded == serial

    def test_threads_with_isolated_reads(self, matcher: atsmatch.Matcher) -> None:
        """Isolated reads (worker processes) from 8 threads give the in-process documents."""
        isolated = atsmatch.Matcher(taxonomy=matcher.taxonomy, limits=atsmatch.Limits(isolate=True))
        paths = [EXAMPLES / "resume.pdf", EXAMPLES / "resume.docx"] * 8
        with ThreadPoolExecutor(8) as pool:
            documents = list(pool.map(isolated.read, paths))
        assert documents == [matcher.read(p) for p in paths]


_SCRIPT = """
import sys
from pathlib import Path
import atsmatch
from atsmatch.render import render_json
report = atsmatch.match(Path(sys.argv[1]), Path(sys.argv[2]))
sys.stdout.write(render_json(report))
"""


class TestDeterminism:
    """Same input, same bytes out, in this process and in fresh ones."""

    def test_json_identical_across_processes(self) -> None:
        """A fresh interpreter (another hash seed) and this one print the same JSON bytes."""
        args = [str(EXAMPLES / "resume.pdf"), str(EXAMPLES / "job_ml_engineer.txt")]
        outputs = [
            subprocess.run(
                [sys.executable, "-c", _SCRIPT, *args],
                capture_output=True,
                check=True,
                timeout=120,
                env={"PYTHONHASHSEED": seed, "PATH": ""},
            ).stdout
            for seed in ("12345",)
        ]
        here = render_json(atsmatch.match(Path(args[0]), Path(args[1]))).encode()
        again = render_json(atsmatch.match(Path(args[0]), Path(args[1]))).encode()
        assert outputs[0] == here == again
