"""No process the CLI starts (reader, forkserver, pool worker) outlives the command.

The CLI reads files in isolated reader processes forked from a forkserver, and `rank --workers`
runs a process pool; a harness that times the command, or reads its output until every holder
of the pipe is gone, must find nothing of it left once it has exited. Orphans lose their parent
chain, so each run marks its environment, which every descendant inherits, and /proc is
searched for the mark the moment the command has exited.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from .conftest import EXAMPLES

MARK = "ATSMATCH_TEST_RUN"
JOB = str(EXAMPLES / "job_ml_engineer.txt")
RESUMES = [str(EXAMPLES / name) for name in ("resume.pdf", "resume.docx", "resume.txt")]

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")


def marked(mark: str) -> list[str]:
    """Command lines of the live processes whose environment carries `MARK=mark`."""
    wanted = f"{MARK}={mark}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if wanted in environ.split(b"\0"):
            found.append(f"{entry.name}: {command.decode(errors='replace')}")
    return found


def run_cli(tmp_path: Path, *args: str) -> tuple[int, str, list[str]]:
    """Run `python -m atsmatch ARGS`: exit code, output, the marked processes left right after."""
    mark = uuid.uuid4().hex
    env = {**os.environ, MARK: mark, "COLUMNS": "100"}
    # Output to a file, not a pipe: reading a pipe would wait for every process holding it.
    with (tmp_path / "output.txt").open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "atsmatch", *args], stdout=output, stderr=output, env=env
        )
        try:
            code = process.wait(timeout=300)
        finally:
            process.kill()  # no-op once it has exited
    left = marked(mark)
    return code, (tmp_path / "output.txt").read_text(encoding="utf-8"), left


class TestNoChildOutlivesTheCli:
    """Right after the command exits, no process carrying its mark is alive."""

    def test_mark_is_seen_while_running(self) -> None:
        """The search finds a marked process (else the cases below prove nothing)."""
        mark = uuid.uuid4().hex
        env = {**os.environ, MARK: mark}
        waiting = [sys.executable, "-c", "input()"]
        with subprocess.Popen(waiting, stdin=subprocess.PIPE, env=env) as process:
            assert any(line.startswith(f"{process.pid}:") for line in marked(mark))
            process.communicate(b"\n", timeout=60)

    def test_match_with_isolated_reader(self, tmp_path: Path) -> None:
        """`match` reads the PDF in a forked reader (the CLI isolates); nothing is left."""
        code, output, left = run_cli(tmp_path, "match", RESUMES[0], JOB)
        assert code == 0 and "Traceback" not in output, output
        assert left == []

    def test_rank_with_two_workers(self, tmp_path: Path) -> None:
        """`rank --workers 2`: the pool's workers, their readers and forkservers are all gone."""
        code, output, left = run_cli(tmp_path, "rank", "--job", JOB, *RESUMES, "--workers", "2")
        assert code == 0 and "Traceback" not in output, output
        assert left == []
