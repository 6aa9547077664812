"""Parseability checks on generated files: each finding fires when it should and stays quiet on a
clean resume (`examples/resume.*`)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import atsmatch
from atsmatch import Matcher
from atsmatch.checks import UNREADABLE, check_resume, parseability
from atsmatch.checks.content import _CAMEL, _camel_words, date_style
from atsmatch.checks.layout import layout_findings, reading_order_excerpt
from atsmatch.findings import FindingId
from atsmatch.models import Document, Finding, Line, ParseReport

from .checks_pdfs import BODY
from .conftest import EXAMPLES

CLEAN = """Jane Roe
jane.roe@example.com | +1 415 555 0100 | linkedin.com/in/janeroe
Experience
Senior ML Engineer, Acme Inc\tJan 2020 – Present
• Built a PyTorch ranking model that lifted click-through by 12% across 40M users.
• Deployed Kubernetes inference services on AWS serving 3,000 requests per second.
ML Engineer, Beta Corp\tJun 2017 – Dec 2019
• Trained XGBoost churn models in Python that cut churn by 8% in one year.
Education
M.S. Computer Science, Stanford University\tSep 2015 – Jun 2017
Skills
Python, PyTorch, Kubernetes, AWS, SQL
"""


def ids(report: ParseReport) -> set[str]:
    return {f.id for f in report.findings}


def by_id(report: ParseReport, finding_id: str) -> Finding:
    return next(f for f in report.findings if f.id == finding_id)


# --- generators ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated PDFs of `checks_pdfs.py`, written by a subprocess (see its docstring)."""
    out = tmp_path_factory.mktemp("check_pdfs")
    script = Path(__file__).with_name("checks_pdfs.py")
    subprocess.run([sys.executable, str(script), str(out)], check=True, timeout=120)
    return out


def docx(build) -> bytes:  # type: ignore[no-untyped-def]
    """A DOCX made by `build(document)` with python-docx."""
    import docx as python_docx

    document = python_docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_body(document) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph("Jane Roe")
    document.add_paragraph("jane.roe@example.com | +1 415 555 0100 | linkedin.com/in/janeroe")
    for text in BODY:
        document.add_paragraph(text)


# --- the clean baseline -------------------------------------------------------------------------


class TestCleanResumes:
    @pytest.mark.parametrize("name", ["resume.pdf", "resume.docx", "resume.txt"])
    def test_example_resume_has_no_findings(self, matcher: Matcher, name: str) -> None:
        """The example resume (one column, body contact, standard headings) raises nothing."""
        report = matcher.check(EXAMPLES / name)
        assert report.findings == ()
        assert report.parseability == 100.0

    def test_summary_of_the_example(self, matcher: Matcher) -> None:
        """The parse summary names what was recognised."""
        summary = matcher.check(EXAMPLES / "resume.pdf").summary
        assert summary.name == "Alex Rivera"
        assert {"email", "phone", "linkedin"} <= set(summary.contact)
        assert summary.section_kinds[:2] == ("summary", "experience")
        assert summary.roles == summary.dated_roles == 3
        assert summary.bullets >= 10
        assert (summary.format, summary.pages, summary.columns) == ("pdf", 1, 1)
        assert 400 < summary.words < 500

    def test_clean_text(self, matcher: Matcher) -> None:
        """A plain, complete text resume scores 100."""
        report = matcher.check(CLEAN)
        assert report.findings == (), report.findings
        assert report.parseability == 100.0


# --- layout: PDF ----------------------------------------------------------------------------------


class TestMultiColumn:
    def test_two_columns_flagged_with_interleaved_excerpt(
        self, matcher: Matcher, pdfs: Path
    ) -> None:
        """A two-column page is flagged, and the evidence shows rows read across both columns."""
        report = matcher.check(pdfs / "two_columns.pdf")
        finding = by_id(report, "multi-column")
        assert finding.severity == "warning" and finding.page == 1
        assert finding.text is not None
        first = finding.text.splitlines()[0]
        assert first.startswith("EXPERIENCE") and first.endswith("SKILLS")
        assert "Acme Inc   Python" in finding.text
        assert report.summary.columns == 2

    def test_excerpt_empty_on_one_column(self) -> None:
        """One column: no row mixes columns, so there is no excerpt."""
        document = atsmatch.read_document(EXAMPLES / "resume.pdf")
        assert reading_order_excerpt(document, 1) == ""


class TestHiddenText:
    def test_white_and_tiny_text_flagged(self, matcher: Matcher, pdfs: Path) -> None:
        """White text and 2 pt text are reported as hidden / tiny, with the stuffed words."""
        report = matcher.check(pdfs / "stuffed.pdf")
        white = by_id(report, "hidden-text")
        assert white.severity == "warning" and "Kubeflow" in (white.text or "")
        tiny = by_id(report, "tiny-text")
        assert "Triton" in (tiny.text or "")

    def test_docx_white_run_flagged(self, matcher: Matcher) -> None:
        """A white run in Word is hidden text too."""
        from docx.shared import RGBColor

        def build(document) -> None:  # type: ignore[no-untyped-def]
            add_body(document)
            run = document.add_paragraph().add_run("Kubernetes Terraform Spark")
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)

        assert "hidden-text" in ids(matcher.check(docx(build)))

    def test_grey_text_is_not_hidden(self) -> None:
        """Light grey that is still readable (#999999) is not flagged."""
        lines = (Line(text="Last updated 2024", color="#999999", size=9.0),)
        document = Document(source="x", format="pdf", lines=lines)
        assert not {f.id for f in layout_findings(document)} & {"hidden-text", "tiny-text"}


class TestHeadersAndFooters:
    def test_contact_in_pdf_header_band(self, matcher: Matcher, pdfs: Path) -> None:
        """Contact details only in a running head: both the region and the contact finding."""
        report = matcher.check(pdfs / "header_contact.pdf")
        assert {"header-footer-contact", "contact-only-in-header"} <= ids(report)
        assert "jane.roe@example.com" in (by_id(report, "header-footer-contact").text or "")

    def test_docx_header_text(self, matcher: Matcher) -> None:
        """Skills in a Word header are flagged; the text is still extracted."""

        def build(document) -> None:  # type: ignore[no-untyped-def]
            add_body(document)
            document.sections[0].header.paragraphs[0].text = "Python, Kubernetes and AWS expert"

        data = docx(build)
        report = matcher.check(data)
        assert by_id(report, "header-footer-text").text == "Python, Kubernetes and AWS expert"
        assert "contact-only-in-header" not in ids(report)
        assert "Kubernetes and AWS" in atsmatch.read_document(data).text

    def test_page_numbers_and_name_are_harmless(self) -> None:
        """A footer with the name and a page number is not worth a finding."""
        lines = (
            Line(text="Jane Roe – 1/2", region="footer"),
            Line(text="Page 2 of 2", region="footer"),
            Line(text="Last updated in Mar 2026", region="header"),
        )
        document = Document(source="x", format="text", lines=lines, pages=2)
        assert layout_findings(document, name="Jane Roe") == []


# --- layout: DOCX -------------------------------------------------------------------------------


class TestDocxStructures:
    def test_layout_table(self, matcher: Matcher) -> None:
        """A resume laid out in a two-column table is flagged as a layout table."""

        def build(document) -> None:  # type: ignore[no-untyped-def]
            document.add_paragraph("Jane Roe")
            table = document.add_table(rows=len(BODY), cols=2)
            for row, text in zip(table.rows, BODY, strict=True):
                row.cells[0].text = text
                row.cells[1].text = "2020"

        report = matcher.check(docx(build))
        finding = by_id(report, "table-layout")
        assert finding.severity == "warning" and "2 columns" in finding.message

    def test_content_control(self, matcher: Matcher) -> None:
        """Text inside a block content control (w:sdt) is tagged and reported."""
        from docx.oxml import parse_xml

        def build(document) -> None:  # type: ignore[no-untyped-def]
            add_body(document)
            w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            sdt = parse_xml(
                f"<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Certified Kubernetes "
                "Administrator</w:t></w:r></w:p></w:sdtContent></w:sdt>"
            )
            document.element.body.insert(0, sdt)

        data = docx(build)
        lines = atsmatch.read_document(data).lines
        assert [line.text for line in lines if line.control] == [
            "Certified Kubernetes Administrator"
        ]
        assert by_id(matcher.check(data), "content-control").line == 0

    def test_icon_glyphs_counted_before_repair(self, matcher: Matcher) -> None:
        """A private-use icon glyph is removed from the text but counted and reported."""

        def build(document) -> None:  # type: ignore[no-untyped-def]
            add_body(document)
            document.paragraphs[1].runs[
                0
            ].text = "\uf0e0 jane.roe@example.com \uf095 +1 415 555 0100"

        data = docx(build)
        document = atsmatch.read_document(data)
        assert document.junk_glyphs == 2
        assert "\uf0e0" not in document.text
        assert "icon-glyphs" in ids(matcher.check(data))

    def test_no_controls_no_tables_in_plain_docx(self, matcher: Matcher) -> None:
        """A plain Word resume raises no layout finding."""
        report = matcher.check(docx(add_body))
        assert not ids(report) & {"content-control", "table", "table-layout", "text-box",
                                  "header-footer-text", "icon-glyphs", "hidden-text"}  # fmt: skip


# --- content ------------------------------------------------------------------------------------


class TestHeadings:
    def test_no_headings(self, matcher: Matcher) -> None:
        """A resume without any heading gets a warning."""
        report = matcher.check("Jane Roe\njane@example.com\nI build models in Python.")
        assert by_id(report, "no-headings").severity == "warning"

    def test_nonstandard_heading(self, matcher: Matcher) -> None:
        """A creative heading in the same style as the standard ones is flagged with its line."""
        text = CLEAN.replace("Education\n", "EDUCATION\n").replace("Skills\n", "SKILLS\n")
        text = (
            text.replace("Experience\n", "EXPERIENCE\n")
            + "CREATIVE CORNER\nStarted coding at 12.\n"
        )
        report = matcher.check(text)
        finding = by_id(report, "nonstandard-heading")
        assert finding.text == "CREATIVE CORNER"
        assert "missing-section" not in ids(report)

    def test_missing_experience(self, matcher: Matcher) -> None:
        """No Experience section is a warning; no Skills section an info."""
        text = "Jane Roe\njane@example.com\nEducation\nM.S. Stanford University  2015 – 2017\n"
        report = matcher.check(text)
        severities = {f.message: f.severity for f in report.findings if f.id == "missing-section"}
        assert "warning" in severities.values() and "info" in severities.values()


class TestContact:
    def test_missing_contact_fields(self, matcher: Matcher) -> None:
        """No e-mail is a warning; no phone or LinkedIn is an info."""
        report = matcher.check(CLEAN.replace(CLEAN.splitlines()[1], "San Francisco, CA"))
        assert by_id(report, "contact-no-email").severity == "warning"
        assert by_id(report, "contact-no-phone").severity == "info"
        assert by_id(report, "contact-no-linkedin").severity == "info"

    def test_contact_present(self, matcher: Matcher) -> None:
        """All three found: no contact finding."""
        assert not {i for i in ids(matcher.check(CLEAN)) if i.startswith("contact")}


class TestDates:
    def test_role_without_date(self, matcher: Matcher) -> None:
        """Bullets under an undated role are reported at the role's line."""
        text = CLEAN.replace(
            "ML Engineer, Beta Corp\tJun 2017 – Dec 2019", "ML Engineer, Beta Corp"
        )
        finding = by_id(matcher.check(text), "role-without-date")
        assert finding.text == "ML Engineer, Beta Corp"
        assert "no dates" in finding.message

    def test_unreadable_date(self, matcher: Matcher) -> None:
        """A date the parser cannot read ("2017/18 season") is called unreadable."""
        text = CLEAN.replace("Jun 2017 – Dec 2019", "2017/18 season")
        assert "could not be read" in by_id(matcher.check(text), "role-without-date").message

    def test_mixed_formats(self, matcher: Matcher) -> None:
        """ "Jan 2020" on one role and "06/2017" on another is flagged as mixed."""
        text = CLEAN.replace("Jun 2017 – Dec 2019", "06/2017 – 12/2019")
        finding = by_id(matcher.check(text), "date-format-mixed")
        assert "MM/YYYY" in finding.message and "Month YYYY" in finding.message

    def test_year_only(self, matcher: Matcher) -> None:
        """Years without months are an info."""
        text = CLEAN.replace("Jan 2020 – Present", "2020 – Present").replace(
            "Jun 2017 – Dec 2019", "2017 – 2019"
        )
        report = matcher.check(text)
        assert "date-year-only" in ids(report)
        assert "date-format-mixed" not in ids(report)

    @pytest.mark.parametrize(
        ("text", "style"),
        [("Jan 2020 – Present", "Month YYYY"), ("September 2019", "Month YYYY"),
         ("03/2019 - 05/2020", "MM/YYYY"), ("2019-03 to 2020-05", "YYYY-MM"),
         ("2019 – 2021", "YYYY"), ("Jun '19 – Aug '20", "Month 'YY")],
    )  # fmt: skip
    def test_date_style(self, text: str, style: str) -> None:
        """Each written date form is named."""
        assert date_style(text) == style


class TestGlyphsAndWords:
    def test_glued_keywords(self, matcher: Matcher) -> None:
        """CamelCase joins of vocabulary terms are flagged; real CamelCase names are not."""
        text = CLEAN.replace("Python, PyTorch,", "MachineLearning, PythonSQL, PyTorch, JavaScript,")
        finding = by_id(matcher.check(text), "glued-words")
        assert "'MachineLearning'" in finding.message and "'PythonSQL'" in finding.message
        assert "PyTorch" not in finding.message and "JavaScript" not in finding.message

    def test_glued_keywords_in_any_piece(self, matcher: Matcher) -> None:
        """Joins are found after a tab and beside a slash; one glued to a word character is
        part of a longer word, not a join."""
        text = CLEAN.replace("Python, PyTorch,", "Tools:\tMachineLearning/DataScience x_PythonSQL,")
        finding = by_id(matcher.check(text), "glued-words")
        assert "'MachineLearning'" in finding.message and "'DataScience'" in finding.message
        assert "PythonSQL" not in finding.message

    @given(st.text(alphabet="aZbYx_1é–\t /\n-Ωß\U0001d400", max_size=40))
    def test_camel_words_are_the_pattern_matches(self, text: str) -> None:
        """The run-based scan finds exactly `_CAMEL`'s matches, glued to any word character
        (a digit, "_", a non-ASCII letter) or not."""
        found = [(m.start(), m.group(0)) for m in _CAMEL.finditer(text)]
        assert list(_camel_words(text)) == found

    def test_unusual_bullets(self, matcher: Matcher) -> None:
        """Arrow and check-mark bullets are an info; round bullets are not."""
        report = matcher.check(
            CLEAN.replace("• Built", "➢ Built").replace("• Deployed", "✔ Deployed")
        )
        finding = by_id(report, "unusual-bullets")
        assert "➢" in finding.message and "✔" in finding.message

    def test_ligatures_counted(self) -> None:
        """Ligatures are counted before the repair expands them."""
        from atsmatch.documents.repair import count_repairs

        assert count_repairs(["e\ufb03cient \ufb01ne-tuned", "(cid:12)(cid:7) plain"]) == (2, 2)
        document = Document(source="x", format="text", lines=(Line(text="fine"),), ligatures=3)
        assert [f.id for f in layout_findings(document)] == ["ligatures"]


class TestSize:
    def test_long_and_large(self) -> None:
        """Over three pages is an info; over 2.5 MB a warning; few words in a file a warning."""
        document = Document(
            source="x", format="pdf", pages=4, byte_size=3_000_000, lines=(Line(text="a b c"),)
        )
        found = {f.id: f.severity for f in layout_findings(document)}
        assert found == {"long-resume": "info", "file-size": "warning", "short-resume": "warning"}

    def test_images_with_little_text(self) -> None:
        """Images are an info, a warning when there is little text besides."""
        few = Document(source="x", format="pdf", images=2, lines=(Line(text="Jane"),))
        many = Document(source="x", format="pdf", images=2, lines=(Line(text="word " * 400),))
        assert [f.severity for f in layout_findings(few) if f.id == "images"] == ["warning"]
        assert [f.severity for f in layout_findings(many) if f.id == "images"] == ["info"]


# --- unreadable files and the subscore ----------------------------------------------------------


class TestUnreadable:
    def test_image_only_pdf(self, matcher: Matcher, pdfs: Path) -> None:
        """A PDF made of an image only: one error finding, parseability 0, no exception."""
        report = matcher.check(pdfs / "image_only.pdf")
        assert [f.id for f in report.findings] == ["no-text-layer"]
        assert report.findings[0].severity == "error"
        assert "OCR" in (report.findings[0].fix or "")
        assert report.parseability == 0.0 and report.summary.format is None

    def test_match_still_raises(self, matcher: Matcher, pdfs: Path) -> None:
        """Matching an unreadable file stays an error, never a silent 0% match."""
        with pytest.raises(atsmatch.NoTextLayerError):
            matcher.match(pdfs / "image_only.pdf", "Requirements: Python")


class TestParseability:
    def test_rules(self) -> None:
        """Once per id at its worst severity; warnings capped at 60, infos at 10."""

        def f(i: str, severity: str) -> Finding:
            return Finding.model_validate({"id": i, "severity": severity, "message": "m"})

        nine = [i for i in get_args(FindingId) if i not in UNREADABLE][:9]
        assert parseability([]) == 100.0
        assert (
            parseability([f("table", "warning"), f("table", "info"), f("table", "warning")]) == 90.0
        )
        assert parseability([f(i, "warning") for i in nine]) == 40.0
        assert parseability([f(i, "info") for i in nine]) == 90.0
        assert parseability([f("table", "error")]) == 70.0
        assert parseability([f("no-text-layer", "error")]) == 0.0

    def test_check_resume_sorts_worst_first(self, matcher: Matcher) -> None:
        """Errors and warnings come before infos."""
        resume = matcher.parse_resume("Jane Roe\nI build models.")
        severities = [f.severity for f in check_resume(resume).findings]
        order = {"error": 0, "warning": 1, "info": 2}
        assert severities == sorted(severities, key=order.__getitem__)


class TestInMatchReport:
    def test_match_carries_findings_and_subscore(self, matcher: Matcher) -> None:
        """A match report holds the parseability findings and subscore, apart from the score."""
        text = CLEAN.replace(CLEAN.splitlines()[1], "San Francisco, CA")
        report = matcher.match(text, "Requirements: Python, PyTorch")
        assert "contact-no-email" in {f.id for f in report.findings}
        assert report.parseability is not None and report.parseability < 100
        clean = matcher.match(CLEAN, "Requirements: Python, PyTorch")
        assert clean.parseability == 100.0
        assert clean.score == report.score

    def test_module_function(self) -> None:
        """`atsmatch.check` is the public entry point."""
        assert isinstance(atsmatch.check(CLEAN), atsmatch.ParseReport)

    def test_renderers_show_parseability(self, matcher: Matcher) -> None:
        """Terminal and Markdown match reports show the parseability subscore."""
        from rich.console import Console

        from atsmatch.render import render_markdown, render_terminal

        report = matcher.match(EXAMPLES / "resume.pdf", EXAMPLES / "job_ml_engineer.txt")
        assert "Parseability (how well an ATS reads the file): 100 / 100" in render_markdown(report)
        console = Console(width=100, record=True, color_system=None)
        render_terminal(report, console)
        assert "parseability 100 / 100" in console.export_text()


def test_fixture_paths_exist() -> None:
    """The examples this module relies on are in place."""
    assert all((EXAMPLES / n).is_file() for n in ("resume.pdf", "resume.docx", "resume.txt"))
    assert Path(__file__).parent.joinpath("fixtures", "SOURCES.md").is_file()


def test_parse_models_made_unvalidated_equal_validated(matcher: Matcher) -> None:
    """The resume's parts (`structure`) and the parse report (`checks`), made with `_trusted`,
    are what validating their fields would give, for text, PDF and DOCX resumes."""
    from pydantic import BaseModel

    from atsmatch.models import Contact, Degree, ParseSummary, Resume, Role, Section

    from .conftest import CORPUS, assert_like_validated

    sources: list[Path | str] = [EXAMPLES / n for n in ("resume.txt", "resume.pdf", "resume.docx")]
    texts = sorted(EXAMPLES.glob("*.txt")) + sorted((CORPUS / "jobs" / "e2e_jds").glob("*.txt"))
    sources += [path.read_text() for path in texts[:6]]
    sources += sorted((CORPUS / "resumes").glob("*.pdf"))
    seen: dict[type[BaseModel], int] = {}
    for source in sources:
        resume = matcher.parse_resume(source)
        report = check_resume(resume, aliases=matcher.taxonomy.alias_index)
        models: list[BaseModel] = [resume, resume.contact, report, report.summary]
        models += [*resume.sections, *resume.roles, *resume.education]
        for model in models:
            assert_like_validated(model)
            seen[type(model)] = seen.get(type(model), 0) + 1
    kinds = (Resume, Contact, Section, Role, Degree, ParseSummary, ParseReport)
    assert all(seen.get(cls, 0) >= 5 for cls in kinds), seen
