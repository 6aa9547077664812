"""The suite reads nothing outside the repository: conftest.py's audit hook can fail a run.

Each case runs a throwaway test module in a child pytest with this suite's conftest loaded as a
plugin, and checks the run's exit code and report.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT, allowed_roots

# Under the filesystem root, so outside the repository even when the clone sits in a temp folder.
PROBE = Path("/atsmatch-outside-probe/corpus/SOURCES.md")


def run_pytest(folder: Path, module: str) -> subprocess.CompletedProcess[str]:
    """Run `module` as the only test file of a pytest process that loads tests/conftest.py."""
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    (folder / "test_probe.py").write_text(textwrap.dedent(module), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
         str(folder / "test_probe.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip


class TestOutsideReads:
    """A test that opens a path outside the repository fails, naming the test and the path."""

    def test_probe_is_outside(self) -> None:
        """The probe path is outside every allowed folder (else the cases below prove nothing)."""
        assert not (str(PROBE) + os.sep).startswith(allowed_roots())

    @pytest.mark.parametrize("opener", ["open(PROBE, 'rb')", "os.listdir(PROBE.parent)"])
    def test_outside_read_fails_the_test(self, tmp_path: Path, opener: str) -> None:
        """Opening a file or listing a folder outside fails at teardown, even if it raised."""
        done = run_pytest(
            tmp_path,
            f"""
            import os
            from pathlib import Path

            PROBE = Path({str(PROBE)!r})

            def test_reads_outside():
                try:
                    {opener}
                except FileNotFoundError:
                    pass
            """,
        )
        assert done.returncode == pytest.ExitCode.TESTS_FAILED, done.stdout + done.stderr
        assert "1 passed, 1 error" in done.stdout
        assert "test_probe.py::test_reads_outside" in done.stdout
        assert str(PROBE.parent) in done.stdout

    def test_outside_read_at_collection_fails_the_run(self, tmp_path: Path) -> None:
        """A module that opens a path outside while it is imported fails the whole run."""
        done = run_pytest(
            tmp_path,
            f"""
            try:
                open({str(PROBE)!r}, "rb")
            except FileNotFoundError:
                pass

            def test_nothing():
                pass
            """,
        )
        assert done.returncode == pytest.ExitCode.TESTS_FAILED, done.stdout + done.stderr
        assert f"collection: open {PROBE}" in done.stdout

    def test_reads_inside_pass(self, tmp_path: Path) -> None:
        """Reading the repository's own files and temp files passes."""
        done = run_pytest(
            tmp_path,
            f"""
            from pathlib import Path

            def test_reads_inside(tmp_path):
                assert Path({str(ROOT / "tests" / "corpus" / "SOURCES.md")!r}).read_bytes()
                (tmp_path / "x").write_text("x")
            """,
        )
        assert done.returncode == pytest.ExitCode.OK, done.stdout + done.stderr
