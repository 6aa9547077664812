"""Hidden Word text (w:vanish, w:specVanish): still read, as an ATS reads it, marked on the line,
and reported by `check` as hidden text."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import atsmatch
from atsmatch import Matcher
from atsmatch.checks.layout import layout_findings
from atsmatch.cli import app
from atsmatch.models import Document, Line, ParseReport

from .checks_pdfs import BODY

STUFFED = "Kubernetes Terraform Spark Airflow"


def docx(build: Callable[[Any], None]) -> bytes:
    """A DOCX made by `build(document)` with python-docx, after a clean resume body."""
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("Jane Roe")
    document.add_paragraph("jane.roe@example.com | +1 415 555 0100 | linkedin.com/in/janeroe")
    for text in BODY:
        document.add_paragraph(text)
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xml(data: bytes) -> str:
    """The main document part, to show which markup python-docx wrote."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode()


def line(data: bytes, text: str) -> Line:
    """The one line of the document read from `data` that contains `text`."""
    found = [x for x in atsmatch.read_document(data).lines if text in x.text]
    assert len(found) == 1, found
    return found[0]


def toggle(run: Any, tag: str, value: str | None) -> None:
    """Add `<w:tag w:val=value/>` (no w:val when None) to a run's properties."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    if value is not None:
        element.set(qn("w:val"), value)
    run._r.get_or_add_rPr().append(element)


def hidden_run(document: Any) -> None:
    document.add_paragraph().add_run(STUFFED).font.hidden = True


def plain_run(document: Any) -> None:
    document.add_paragraph().add_run(STUFFED)


def ids(report: ParseReport) -> set[str]:
    return {f.id for f in report.findings}


class TestReader:
    def test_hidden_run_is_read_and_marked(self) -> None:
        """A run with Font > Hidden keeps its text (an ATS reads it) and marks the line hidden."""
        data = docx(hidden_run)
        assert "<w:vanish/>" in xml(data)
        assert line(data, STUFFED).hidden
        assert not line(data, "Jane Roe").hidden

    def test_plain_run_is_not_hidden(self) -> None:
        """The same text without the effect is an ordinary line."""
        assert not line(docx(plain_run), STUFFED).hidden

    def test_character_style_with_vanish(self) -> None:
        """Hidden through a character style (and its basedOn parent) counts too."""
        from docx.enum.style import WD_STYLE_TYPE

        def build(document: Any) -> None:
            parent = document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
            parent.font.hidden = True
            child = document.styles.add_style("Secret Note", WD_STYLE_TYPE.CHARACTER)
            child.base_style = parent
            document.add_paragraph().add_run(STUFFED, style="Secret Note")

        assert line(docx(build), STUFFED).hidden

    def test_paragraph_style_with_vanish(self) -> None:
        """A paragraph style that hides its text hides the runs that do not say otherwise."""
        from docx.enum.style import WD_STYLE_TYPE

        def build(document: Any) -> None:
            style = document.styles.add_style("Hidden Para", WD_STYLE_TYPE.PARAGRAPH)
            style.font.hidden = True
            document.add_paragraph(STUFFED, style="Hidden Para")

        assert line(docx(build), STUFFED).hidden

    @pytest.mark.parametrize("value", ["0", "false"])
    def test_run_turns_style_vanish_off(self, value: str) -> None:
        """A style turns vanish on and the run turns it off again: the text shows."""
        from docx.enum.style import WD_STYLE_TYPE

        def build(document: Any) -> None:
            style = document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
            style.font.hidden = True
            run = document.add_paragraph().add_run(STUFFED, style="Secret")
            toggle(run, "w:vanish", value)

        data = docx(build)
        assert f'<w:vanish w:val="{value}"/>' in xml(data)
        assert not line(data, STUFFED).hidden

    def test_python_docx_false_writes_val_zero(self) -> None:
        """python-docx's `font.hidden = False` (w:val="0") also overrides a hiding style."""
        from docx.enum.style import WD_STYLE_TYPE

        def build(document: Any) -> None:
            style = document.styles.add_style("Hidden Para", WD_STYLE_TYPE.PARAGRAPH)
            style.font.hidden = True
            document.add_paragraph(style="Hidden Para").add_run(STUFFED).font.hidden = False

        data = docx(build)
        assert '<w:vanish w:val="0"/>' in xml(data)
        assert not line(data, STUFFED).hidden

    def test_spec_vanish_hides(self) -> None:
        """w:specVanish hides a run even when w:vanish is off."""

        def build(document: Any) -> None:
            run = document.add_paragraph().add_run(STUFFED)
            toggle(run, "w:vanish", "0")
            toggle(run, "w:specVanish", None)

        assert line(docx(build), STUFFED).hidden

    def test_majority_of_characters_decides(self) -> None:
        """A line is hidden when most of its characters are; a hidden word in a visible line
        leaves the line visible (as colour is judged)."""

        def build(document: Any) -> None:
            mostly = document.add_paragraph()
            mostly.add_run("Skills: ")
            mostly.add_run("Kubernetes Terraform Spark Airflow Kubeflow").font.hidden = True
            little = document.add_paragraph()
            little.add_run("Shipped a PyTorch ranking model to production at scale ")
            little.add_run("MLflow").font.hidden = True

        data = docx(build)
        assert line(data, "Kubeflow").hidden
        assert not line(data, "MLflow").hidden

    def test_hidden_keywords_are_still_extracted(self, matcher: Matcher) -> None:
        """The extractor sees what an ATS sees: skills in hidden runs are found."""
        skills = {hit.name for hit in matcher.extract(docx(hidden_run))}
        assert {"Kubernetes", "Terraform"} <= skills


class TestCheck:
    def test_hidden_run_reported(self, matcher: Matcher) -> None:
        """`check` reports hidden Word text as hidden-text, named as hidden (not white)."""
        report = matcher.check(docx(hidden_run))
        found = [f for f in report.findings if f.id == "hidden-text"]
        assert len(found) == 1
        assert found[0].severity == "warning"
        assert found[0].text == STUFFED
        assert "hidden in Word" in found[0].message and "white" not in found[0].message
        assert "Show/Hide" in found[0].fix

    def test_plain_run_not_reported(self, matcher: Matcher) -> None:
        """The same resume without the Hidden effect raises no hidden-text finding."""
        assert "hidden-text" not in ids(matcher.check(docx(plain_run)))

    def test_run_turning_vanish_off_not_reported(self, matcher: Matcher) -> None:
        """Vanish turned on by a style and off by the run is visible text: nothing reported."""
        from docx.enum.style import WD_STYLE_TYPE

        def build(document: Any) -> None:
            style = document.styles.add_style("Secret", WD_STYLE_TYPE.CHARACTER)
            style.font.hidden = True
            run = document.add_paragraph().add_run(STUFFED, style="Secret")
            toggle(run, "w:vanish", "0")

        assert "hidden-text" not in ids(matcher.check(docx(build)))

    def test_hidden_and_white_are_one_finding(self) -> None:
        """Hidden and white lines in one file: one hidden-text finding naming both kinds, the
        first such line as evidence; a hidden white line counts as hidden."""
        lines = (
            Line(text="Jane Roe"),
            Line(text="Airflow Kubeflow", color="#ffffff"),
            Line(text="Ray Triton", hidden=True, color="#ffffff"),
            Line(text="note to self: ask about salary", hidden=True),
        )
        document = Document(source="x", format="docx", lines=lines)
        found = [f for f in layout_findings(document) if f.id == "hidden-text"]
        assert len(found) == 1
        assert found[0].line == 1
        assert "2 lines hidden in Word" in found[0].message
        assert "1 line in white" in found[0].message

    def test_hidden_line_without_words_ignored(self) -> None:
        """A hidden line of only punctuation or digits is no stuffing risk."""
        lines = (Line(text="Jane Roe"), Line(text="• 2024 –", hidden=True))
        document = Document(source="x", format="docx", lines=lines)
        assert "hidden-text" not in {f.id for f in layout_findings(document)}

    def test_cli_check_shows_finding(self, tmp_path: Path) -> None:
        """`atsmatch check FILE` on a resume with hidden text shows the finding."""
        path = tmp_path / "hidden.docx"
        path.write_bytes(docx(hidden_run))
        result = CliRunner().invoke(
            app, ["check", str(path), "--format", "json"], env={"COLUMNS": "120"}
        )
        assert result.exit_code == 0, result.output
        report = ParseReport.model_validate_json(result.output)
        assert "hidden-text" in ids(report)
        text = CliRunner().invoke(app, ["check", str(path)], env={"COLUMNS": "200"})
        assert text.exit_code == 0, text.output
        assert "hidden-text" in text.output and "hidden in Word" in text.output
