"""The command line: reports, exit codes, one-line errors, JSON round trip, help everywhere."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atsmatch.cli import app
from atsmatch.models import MatchReport

from .conftest import EXAMPLES, ROOT

RESUME = str(EXAMPLES / "resume.pdf")
JOB = str(EXAMPLES / "job_ml_engineer.txt")

runner = CliRunner()


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1"})


class TestMatch:
    def test_text_report(self) -> None:
        """The terminal report shows the score, verdict, keyword tables and suggestions."""
        result = invoke("match", RESUME, JOB)
        assert result.exit_code == 0, result.output
        assert re.search(r"\d+\.\d / 100", result.output)
        for part in ("Subscores", "Matched keywords", "Missing keywords", "Top suggestions"):
            assert part in result.output

    def test_json_round_trip(self) -> None:
        """`--format json` output parses back into an equal MatchReport."""
        result = invoke("match", RESUME, JOB, "--format", "json")
        assert result.exit_code == 0
        report = MatchReport.model_validate_json(result.output)
        assert report.model_dump_json(indent=2) == result.output.rstrip("\n")

    def test_json_is_byte_identical_across_runs(self) -> None:
        """Two runs on the same input print the same bytes."""
        first = invoke("match", RESUME, JOB, "-f", "json").output
        assert first == invoke("match", RESUME, JOB, "-f", "json").output

    def test_markdown(self) -> None:
        """`--format markdown` prints a Markdown report with tables."""
        result = invoke("match", RESUME, JOB, "--format", "markdown")
        assert result.exit_code == 0
        assert result.output.startswith("# Match report:")
        assert "| keyword | level |" in result.output

    def test_fail_under(self) -> None:
        """`--fail-under` above the score exits 3; below it exits 0."""
        assert invoke("match", RESUME, JOB, "--fail-under", "99.9").exit_code == 3
        assert invoke("match", RESUME, JOB, "--fail-under", "1").exit_code == 0

    def test_docx_resume(self) -> None:
        """A DOCX resume gives the same skills as the PDF of the same content."""
        pdf = json.loads(invoke("match", RESUME, JOB, "-f", "json").output)
        docx = json.loads(invoke("match", str(EXAMPLES / "resume.docx"), JOB, "-f", "json").output)
        assert pdf["resume_skills"] == docx["resume_skills"]


class TestErrors:
    def test_missing_file_is_usage_error(self, tmp_path: Path) -> None:
        """A missing file exits 2 with one line on stderr."""
        result = invoke("match", str(tmp_path / "nope.pdf"), JOB)
        assert result.exit_code == 2
        assert "no such file" in result.output
        assert "Traceback" not in result.output

    def test_unreadable_file_is_error(self, tmp_path: Path) -> None:
        """A legacy .doc exits 1 with a one-line message naming the file, never a 0% match."""
        doc = tmp_path / "resume.doc"
        doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
        result = invoke("match", str(doc), JOB)
        assert result.exit_code == 1
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("atsmatch: ")
        assert "resume.doc" in lines[0]

    def test_job_and_role_exclusive(self) -> None:
        """Giving neither a job nor a role is a usage error."""
        assert invoke("match", RESUME).exit_code == 2

    def test_bad_format_option(self) -> None:
        """An unknown --format is a usage error."""
        assert invoke("match", RESUME, JOB, "--format", "xml").exit_code == 2


class TestOtherCommands:
    def test_extract(self) -> None:
        """`extract` lists the skills with section and line."""
        result = invoke("extract", RESUME, "--format", "json")
        assert result.exit_code == 0
        hits = json.loads(result.output)
        assert {"PyTorch", "Docker"} <= {h["name"] for h in hits}
        assert all({"section", "line", "text"} <= set(h) for h in hits)

    def test_vocab_commands(self) -> None:
        """`vocab check`, `stats` and `search` work on the bundled vocabulary."""
        check = invoke("vocab", "check")
        assert check.exit_code == 0, check.output
        assert "ok" in check.output
        assert invoke("vocab", "stats").exit_code == 0
        search = invoke("vocab", "search", "kubernates")
        assert search.exit_code == 0
        assert "Kubernetes" in search.output.splitlines()[0]

    def test_schema(self) -> None:
        """`schema` prints the JSON schema of MatchReport."""
        result = invoke("schema")
        assert result.exit_code == 0
        assert json.loads(result.output)["title"] == "MatchReport"

    def test_version(self) -> None:
        """`--version` prints the package version."""
        from atsmatch import __version__

        result = invoke("--version")
        assert result.exit_code == 0
        assert __version__ in result.output

    def test_python_dash_m(self) -> None:
        """`python -m atsmatch` runs the same CLI."""
        out = subprocess.run([sys.executable, "-m", "atsmatch", "--version"],
                             capture_output=True, text=True, check=True)  # fmt: skip
        assert out.stdout.startswith("atsmatch ")


COMMANDS = [["match"], ["check"], ["extract"], ["rank"], ["schema"], ["vocab"],
            ["vocab", "check"], ["vocab", "stats"], ["vocab", "search"]]  # fmt: skip


class TestHelp:
    @pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
    def test_every_command_has_help(self, command: list[str]) -> None:
        """Every command prints help text with a description."""
        result = invoke(*command, "--help")
        assert result.exit_code == 0
        assert "Usage:" in result.output
        assert len(result.output.splitlines()) > 4

    @pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
    def test_every_command_is_in_the_readme(self, command: list[str]) -> None:
        """The README documents every command."""
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        assert f"atsmatch {' '.join(command)}" in readme


class TestSchemaModels:
    @pytest.mark.parametrize(
        ("model", "title"),
        [("report", "MatchReport"), ("resume", "Resume"), ("job", "JobPosting"),
         ("hit", "SkillHit"), ("check", "ParseReport"), ("ranked", "RankedResult")],
    )  # fmt: skip
    def test_each_model_has_a_schema(self, model: str, title: str) -> None:
        """`schema --model M` prints the JSON schema of that model."""
        result = invoke("schema", "--model", model)
        assert result.exit_code == 0
        assert json.loads(result.output)["title"] == title

    def test_unknown_model_is_usage_error(self) -> None:
        """An unknown model name exits 2."""
        assert invoke("schema", "--model", "nope").exit_code == 2
