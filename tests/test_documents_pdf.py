"""PDF reading: layout facts, reading order, regions, repairs, limits and hostile files."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import pytest

from atsmatch.documents import read_document
from atsmatch.errors import (
    CorruptDocumentError,
    DocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    NoTextLayerError,
)
from atsmatch.limits import Limits

from .hostile_files import pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"

Item = tuple[float, float, str] | tuple[float, float, str, str] | tuple[float, float, str, str, str]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def content(*items: Item, size: float = 10) -> bytes:
    """A content stream: (x, y, text[, font F1|F2[, fill "r g b"]]) items, y from the bottom."""
    ops = []
    for item in items:
        x, y, text = item[0], item[1], item[2]
        font = item[3] if len(item) > 3 else "F1"  # type: ignore[misc]
        fill = item[4] if len(item) > 4 else "0 0 0"  # type: ignore[misc]
        ops.append(f"BT {fill} rg /{font} {size} Tf {x} {y} Td ({_escape(text)}) Tj ET")
    return "\n".join(ops).encode("latin-1")


def make_pdf(
    pages: list[bytes],
    *,
    producer: str | None = None,
    count: int | None = None,
    extra: list[bytes] | None = None,
) -> bytes:
    """A small valid PDF: Helvetica (F1) and Helvetica-Bold (F2), US Letter pages."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    ]
    kids = []
    for stream in pages:
        page_no = len(objects) + 1
        kids.append(f"{page_no} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_no + 1} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects[1] = (
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {count or len(pages)} >>".encode()
    )
    objects.extend(extra or [])
    info = None
    if producer:
        objects.append(f"<< /Producer ({producer}) >>".encode())
        info = len(objects)
    return pdf(objects, info=info)


def texts(data: bytes, **limits: float) -> list[str]:
    return [line.text for line in read_document(data, limits=Limits(**limits)).lines]  # type: ignore[arg-type]


class TestRealResumes:
    """Layout of real resume PDFs copied from the corpus."""

    def test_deedy_reads_one_column_after_the_other(self) -> None:
        """Deedy's two columns are not interleaved: left sections, then right sections."""
        doc = read_document(FIXTURES / "deedy_resume-openfont.pdf")
        assert doc.columns == (2,)
        text = [line.text for line in doc.lines]
        left = [text.index(h) for h in ("EDUCATION", "LINKS", "COURSEWORK", "SKILLS")]
        right = [text.index(h) for h in ("EXPERIENCE", "RESEARCH", "AWARDS", "PUBLICATIONS")]
        assert left == sorted(left) and right == sorted(right)
        assert max(left) < min(right)
        # Every line of the right column sits in one contiguous run.
        right_rows = [i for i, line in enumerate(doc.lines) if line.column == 1 and i > 3]
        assert right_rows == list(range(right_rows[0], right_rows[-1] + 1))

    def test_deedy_keeps_education_lines_together(self) -> None:
        """All Education lines come before the first Experience line."""
        text = read_document(FIXTURES / "deedy_resume-openfont.pdf").text
        assert text.index("Magna Cum Laude") < text.index("EXPERIENCE")
        assert text.index("LA MARTINIERE FOR BOYS") < text.index("FACEBOOK")

    def test_deedy_bold_and_sizes(self) -> None:
        """Bold comes from the font name; the dominant size is kept per line."""
        lines = {
            line.text: line for line in read_document(FIXTURES / "deedy_resume-openfont.pdf").lines
        }
        assert lines["CORNELL UNIVERSITY"].bold
        assert not lines["Magna Cum Laude"].bold
        assert lines["Debarghya Das"].size is not None and lines["Debarghya Das"].size > 30
        assert lines["Debarghya Das"].region == "body"  # a big name near the top is not a header

    def test_single_column_theme_stays_single_column(self) -> None:
        """A one-column CV is one column on every page, in top-to-bottom order."""
        doc = read_document(FIXTURES / "John_Doe_ClassicTheme_CV.pdf")
        assert doc.pages == 2 and doc.columns == (1, 1)
        assert len(doc.page_sizes) == 2 and doc.format == "pdf"
        text = [line.text for line in doc.lines]
        assert text.index("Education") < text.index("Experience")
        for page in (1, 2):
            tops = [
                line.bbox[1]
                for line in doc.lines
                if line.page == page and line.region == "body" and line.bbox
            ]
            assert tops == sorted(tops)

    def test_running_footer_and_header_regions(self) -> None:
        """Page footers and the small top line are marked footer / header."""
        doc = read_document(FIXTURES / "John_Doe_ClassicTheme_CV.pdf")
        footers = [line for line in doc.lines if line.region == "footer"]
        assert [(line.page, line.text) for line in footers] == [
            (1, "John Doe – 1/2"),
            (2, "John Doe – 2/2"),
        ]
        assert doc.lines[0].region == "header" and doc.lines[0].text.startswith("Last updated")

    def test_same_baseline_fragments_are_merged(self) -> None:
        """A degree, school and place set apart on one baseline become one tab-joined line."""
        text = read_document(FIXTURES / "John_Doe_ClassicTheme_CV.pdf").text
        assert "PhD\tPrinceton University, Computer Science\tPrinceton, NJ" in text

    def test_typst_soft_hyphens_are_joined(self) -> None:
        """A Typst-made file hyphenates words; the broken word is joined on one line."""
        lines = [
            line.text for line in read_document(FIXTURES / "John_Doe_ClassicTheme_CV.pdf").lines
        ]
        assert any("top 5% of submissions)\t4 months" in line for line in lines)
        assert any("low-resource language modeling\t" in line for line in lines)
        assert "sions)" not in lines


class TestSyntheticLayout:
    """Layout rules checked on small hand-made PDFs."""

    def test_two_full_columns_on_shared_baselines(self) -> None:
        """Columns whose lines share baselines still read column by column."""
        rows = [(72, 700 - 14 * i, f"left line {i}") for i in range(12)]
        rows += [(320, 700 - 14 * i, f"right line {i}") for i in range(12)]
        doc = read_document(make_pdf([content(*rows)]))
        assert doc.columns == (2,)
        assert [line.text for line in doc.lines] == [f"left line {i}" for i in range(12)] + [
            f"right line {i}" for i in range(12)
        ]
        assert {line.column for line in doc.lines[:12]} == {0}
        assert {line.column for line in doc.lines[12:]} == {1}

    def test_full_width_title_comes_first(self) -> None:
        """A name spanning both columns is read before the columns."""
        rows: list[Item] = [
            (72, 740, "Jane Q. Candidate, Machine Learning Engineer and Researcher")
        ]
        rows += [(72, 700 - 14 * i, f"left {i}") for i in range(10)]
        rows += [(330, 700 - 14 * i, f"right {i}") for i in range(10)]
        doc = read_document(make_pdf([content(*rows)]))
        assert doc.lines[0].text.startswith("Jane Q. Candidate")
        assert [line.text for line in doc.lines[1:3]] == ["left 0", "left 1"]

    def test_right_aligned_dates_are_not_a_column(self) -> None:
        """Dates at the right margin join their title line; the page stays one column."""
        rows: list[Item] = []
        y = 700
        for role in range(4):
            rows.append((72, y, f"Senior Engineer {role}", "F2"))
            rows.append((460, y, "Jan 2020 - Present"))
            for bullet in range(4):
                y -= 14
                rows.append((72, y, f"Built data pipelines with Spark and Airflow, item {bullet}"))
            y -= 20
        doc = read_document(make_pdf([content(*rows)]))
        assert doc.columns == (1,)
        assert doc.lines[0].text == "Senior Engineer 0\tJan 2020 - Present"
        assert doc.lines[1].text.startswith("Built data pipelines")

    def test_bold_font_and_colour(self) -> None:
        """Helvetica-Bold is bold; the fill colour comes out as #rrggbb."""
        doc = read_document(
            make_pdf([content((72, 700, "EXPERIENCE", "F2", "1 0 0"), (72, 680, "plain text"))])
        )
        heading, plain = doc.lines
        assert heading.bold and heading.color == "#ff0000" and heading.font == "Helvetica-Bold"
        assert not plain.bold and plain.color == "#000000" and plain.size == 10
        assert heading.bbox is not None and heading.bbox[1] < plain.bbox[1]  # type: ignore[index]

    def test_repeated_page_header_and_page_numbers(self) -> None:
        """A running head repeated on each page is a header; "Page n of m" is a footer."""
        pages = [
            content(
                (72, 770, "Jane Doe - Resume"),
                *[(72, 650 - 14 * i, f"page {p} body line {i}") for i in range(8)],
                (280, 30, f"Page {p} of 2"),
            )
            for p in (1, 2)
        ]
        doc = read_document(make_pdf(pages))
        regions = {(line.page, line.text): line.region for line in doc.lines}
        assert regions[(1, "Jane Doe - Resume")] == "header"
        assert regions[(2, "Page 2 of 2")] == "footer"
        assert regions[(1, "page 1 body line 0")] == "body"
        assert [line.text for line in doc.lines if line.page == 1][-1] == "Page 1 of 2"

    def test_tex_hyphenation_is_joined(self) -> None:
        """In a TeX file "engi-" + "neering" is one word, moved to the first line."""
        stream = content((72, 700, "strong software engi-"), (72, 686, "neering skills"))
        assert texts(make_pdf([stream], producer="pdfTeX-1.40.25")) == [
            "strong software engineering",
            "skills",
        ]

    def test_real_compound_hyphen_is_kept(self) -> None:
        """Outside TeX a line-end hyphen is a real one: "community-driven" keeps it."""
        stream = content((72, 700, "led a community-"), (72, 686, "driven open source effort"))
        assert texts(make_pdf([stream], producer="Skia/PDF m120")) == [
            "led a community-driven",
            "open source effort",
        ]

    def test_off_page_glyphs_are_dropped(self) -> None:
        """Text placed far outside the page is invisible and never reaches layout."""
        stream = content((72, 700, "visible text"), (9e8, 9e8, "hidden far away"))
        assert texts(make_pdf([stream])) == ["visible text"]


class TestPdfErrors:
    """Every bad PDF becomes a typed error, quickly."""

    def test_image_only_pdf_needs_ocr(self) -> None:
        """An image-only PDF parses but has no text layer; the message says OCR."""
        with pytest.raises(NoTextLayerError, match="OCR"):
            read_document(FIXTURES / "007-imagemagick-images__imagemagick-lzw.pdf")

    def test_encrypted_pdf(self) -> None:
        """A password-protected PDF raises EncryptedDocumentError with the cause chained."""
        with pytest.raises(EncryptedDocumentError) as info:
            read_document(FIXTURES / "aes-128.pdf")
        assert info.value.__cause__ is not None

    def test_corrupt_pdf_chains_the_cause(self) -> None:
        """Garbage after the PDF magic is a typed error, never a pdfminer exception."""
        with pytest.raises(DocumentError):
            read_document(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF")
        with pytest.raises(CorruptDocumentError) as info:
            read_document(b"%PDF-1.4\n" + b"\x00\xff" * 200)
        assert info.value.__cause__ is not None

    def test_declared_page_count_over_limit(self) -> None:
        """max_pages is checked from the page tree's count before any layout."""
        data = make_pdf([content((72, 700, f"page {i}")) for i in range(3)])
        with pytest.raises(LimitExceededError, match="3 pages"):
            read_document(data, limits=Limits(max_pages=2))
        assert len(read_document(data, limits=Limits(max_pages=3)).page_sizes) == 3

    def test_lying_page_count_is_still_bounded(self) -> None:
        """A /Count that understates the pages does not get past max_pages."""
        data = make_pdf([content((72, 700, f"page {i}")) for i in range(3)], count=1)
        with pytest.raises(LimitExceededError):
            read_document(data, limits=Limits(max_pages=2))

    def test_glyph_flood_stops_before_layout(self) -> None:
        """A page with a huge number of glyphs is refused instead of eating gigabytes."""
        flood = b"BT /F1 1 Tf 10 10 Td (" + b"a" * 60_000 + b") Tj ET"
        with pytest.raises(LimitExceededError, match="glyphs"):
            read_document(make_pdf([flood]))

    def test_time_limit(self) -> None:
        """max_seconds is enforced between pages."""
        data = make_pdf([content((72, 700, f"page {i}")) for i in range(3)])
        with pytest.raises(LimitExceededError, match="longer"):
            read_document(data, limits=Limits(max_seconds=0))

    def test_char_limit(self) -> None:
        """max_chars bounds the extracted text."""
        data = make_pdf([content(*[(72, 700 - 14 * i, "x" * 60) for i in range(10)])])
        with pytest.raises(LimitExceededError, match="characters"):
            read_document(data, limits=Limits(max_chars=100))

    def test_self_referencing_object_does_not_hang(self) -> None:
        """An object that refers to itself ends instead of looping in pdfminer's resolve1."""
        fonts = b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >>"
        looped = make_pdf([content((72, 700, "text"))], extra=[b"7 0 R"])  # object 7 -> itself
        started = time.process_time()
        with contextlib.suppress(DocumentError):  # an error or a document, but an answer
            read_document(looped.replace(fonts, b"/Resources 7 0 R"))
        assert time.process_time() - started < 5

    def test_page_tree_cycle_is_walked_once(self) -> None:
        """A page tree listing itself among its kids still yields each page once."""
        data = make_pdf([content((72, 700, "only page"))])
        doc = read_document(data.replace(b"/Kids [5 0 R]", b"/Kids [2 0 R 5 0 R]"))
        assert doc.pages == 1 and doc.text == "only page"
