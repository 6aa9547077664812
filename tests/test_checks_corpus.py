"""Parseability on real files from tests/corpus, and the `atsmatch check` command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import atsmatch
from atsmatch import Matcher
from atsmatch.cli import app
from atsmatch.models import ParseReport

from .conftest import CORPUS, EXAMPLES, FIXTURES

RESUMES = CORPUS / "resumes"
PYPDF = CORPUS / "malformed_pdf" / "pypdf_samples"
DOCX = CORPUS / "malformed_docx"
IMAGE_ONLY = [
    "007-imagemagick-images__imagemagick-ASCII85Decode.pdf",
    "007-imagemagick-images__imagemagick-CCITTFaxDecode.pdf",
    "007-imagemagick-images__imagemagick-images.pdf",
    "007-imagemagick-images__imagemagick-lzw.pdf",
]
# Ids that describe the layout of the file; a clean one-column resume raises none of them.
LAYOUT_IDS = {
    "multi-column", "header-footer-contact", "header-footer-text", "text-box", "content-control",
    "table", "table-layout", "footnote-text", "images", "icon-glyphs", "ligatures", "hidden-text",
    "tiny-text", "unusual-font", "unusual-bullets", "short-resume", "file-size", "glued-words",
    "contact-only-in-header", "role-without-date", "date-format-mixed", "no-headings",
}  # fmt: skip

runner = CliRunner()


def ids(report: ParseReport) -> set[str]:
    return {f.id for f in report.findings}


class TestColumns:
    @pytest.mark.parametrize(
        "name",
        ["deedy_resume-openfont.pdf", "html_templates/two-column.pdf",
         "html_templates/modern-two-column.pdf"],
    )  # fmt: skip
    def test_two_column_resumes_flagged(self, matcher: Matcher, name: str) -> None:
        """Deedy and the two-column html templates are flagged, with an interleaved excerpt."""
        report = matcher.check(RESUMES / name)
        finding = next(f for f in report.findings if f.id == "multi-column")
        assert finding.text and len(finding.text.splitlines()) == 3
        assert report.summary.columns == 2

    @pytest.mark.parametrize(
        "name",
        ["John_Doe_Sb2novTheme_CV.pdf", "John_Doe_ClassicTheme_CV.pdf",
         "html_templates/single-column.pdf", "html_templates/modern-single-column.pdf"],
    )  # fmt: skip
    def test_one_column_resumes_not_flagged(self, matcher: Matcher, name: str) -> None:
        """sb2nov, rendercv classic and the one-column templates are not multi-column."""
        assert "multi-column" not in ids(matcher.check(RESUMES / name))


class TestCleanCorpusResume:
    def test_sb2nov_is_quiet(self, matcher: Matcher) -> None:
        """The sb2nov resume: no error or warning, no layout finding; its running head and
        page-number footer are not worth a finding."""
        report = matcher.check(RESUMES / "John_Doe_Sb2novTheme_CV.pdf")
        assert not ids(report) & LAYOUT_IDS, report.findings
        assert all(f.severity == "info" for f in report.findings)
        assert report.parseability >= 90
        assert report.summary.roles == report.summary.dated_roles == 7

    def test_rendercv_classic_icons(self, matcher: Matcher) -> None:
        """The classic theme draws contact icons: reported as dropped glyphs, nothing else
        about the layout."""
        report = matcher.check(FIXTURES / "documents" / "John_Doe_ClassicTheme_CV.pdf")
        assert ids(report) & LAYOUT_IDS == {"icon-glyphs"}

    def test_deedy_ligatures(self, matcher: Matcher) -> None:
        """Deedy's LaTeX output holds ligatures, counted before repair."""
        report = matcher.check(FIXTURES / "documents" / "deedy_resume-openfont.pdf")
        assert "ligatures" in ids(report)


class TestUnreadable:
    @pytest.mark.parametrize("name", IMAGE_ONLY)
    def test_image_only_pdfs(self, matcher: Matcher, name: str) -> None:
        """The imagemagick PDFs are reported as having no text layer."""
        report = matcher.check(PYPDF / name)
        assert [(f.id, f.severity) for f in report.findings] == [("no-text-layer", "error")]
        assert report.parseability == 0.0

    def test_encrypted(self, matcher: Matcher) -> None:
        """A password-protected file is an error finding too."""
        report = matcher.check(FIXTURES / "documents" / "aes-128.pdf")
        assert [f.id for f in report.findings] == ["encrypted"]


class TestWordStructures:
    @pytest.mark.parametrize(
        ("path", "finding", "text"),
        [("python-docx/hdr-header-footer.docx", "header-footer-text", "Header"),
         ("mammoth/text-box.docx", "text-box", "Datum plane"),
         ("mammoth/tables.docx", "table-layout", "Top left"),
         ("python-docx/blk-paras-and-tables.docx", "table", "Text before"),
         ("mammoth/footnotes.docx", "footnote-text", "A tachyon walks into a bar.")],
    )  # fmt: skip
    def test_flagged_and_still_extracted(
        self, matcher: Matcher, path: str, finding: str, text: str
    ) -> None:
        """Headers, text boxes and tables are flagged, and their text is still read."""
        file = DOCX / path
        report = matcher.check(file)
        assert finding in ids(report)
        assert text in atsmatch.read_document(file).text


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1"})


class TestCheckCommand:
    def test_text_report(self) -> None:
        """The terminal report shows the subscore, the summary and each finding with its fix."""
        result = invoke("check", str(FIXTURES / "documents" / "deedy_resume-openfont.pdf"))
        assert result.exit_code == 0, result.output
        assert "/ 100 parseability" in result.output
        assert "What was recognised" in result.output
        assert "multi-column" in result.output and "fix:" in result.output
        assert "| EDUCATION" in result.output

    def test_clean_resume(self) -> None:
        """The example resume: 100 and no findings."""
        result = invoke("check", str(EXAMPLES / "resume.pdf"))
        assert result.exit_code == 0
        assert "100 / 100" in result.output and "No findings" in result.output

    def test_json_round_trip(self) -> None:
        """`--format json` parses back into an equal ParseReport."""
        path = str(FIXTURES / "documents" / "deedy_resume-openfont.pdf")
        result = invoke("check", path, "--format", "json")
        assert result.exit_code == 0
        report = ParseReport.model_validate(json.loads(result.output))
        assert report.summary.columns == 2 and report.parseability < 100

    def test_markdown(self) -> None:
        """`--format markdown` gives a Markdown document with the findings."""
        path = str(FIXTURES / "documents" / "deedy_resume-openfont.pdf")
        result = invoke("check", path, "--format", "markdown")
        assert result.exit_code == 0
        assert result.output.startswith("# Parseability: ")
        assert "`multi-column`" in result.output

    def test_scanned_file_prints_report_and_exits_1(self) -> None:
        """A scan gets a printed report with the OCR advice, exit code 1, and no traceback."""
        path = str(FIXTURES / "documents" / "007-imagemagick-images__imagemagick-lzw.pdf")
        result = invoke("check", path)
        assert result.exit_code == 1
        assert "no-text-layer" in result.output and "OCR" in result.output
        assert "Traceback" not in result.output

    def test_fail_under(self) -> None:
        """Below `--fail-under` the command exits with code 3."""
        path = str(FIXTURES / "documents" / "deedy_resume-openfont.pdf")
        assert invoke("check", path, "--fail-under", "95").exit_code == 3
        assert invoke("check", path, "--fail-under", "50").exit_code == 0

    def test_unsupported_file_is_one_line_error(self) -> None:
        """A legacy .doc is an error line on stderr, exit code 1."""
        result = invoke("check", str(FIXTURES / "documents" / "empty.doc"))
        assert result.exit_code == 1
        assert "atsmatch:" in result.output and "Traceback" not in result.output
