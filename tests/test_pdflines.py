"""PDF glyph records and line grouping: the same lines, boxes and spaces as pdfminer's objects."""

from __future__ import annotations

import io
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from atsmatch.documents import read_document
from atsmatch.documents.interpreter import BoundedInterpreter, OperatorBudget
from atsmatch.documents.pdf import _BoundedAggregator
from atsmatch.documents.pdflines import group_lines
from atsmatch.limits import Limits

from .hostile_files import pdf, stream

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"

_FONTS = b"/F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 8 0 R /F5 10 0 R"


def _pdf(content: bytes, form: bytes = b"") -> bytes:
    """One US Letter page: Helvetica, Times-Bold, Courier with odd widths, a vertical CID
    font (Identity-V), a horizontal CID font, and a Form XObject /X1 holding `form`."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << " + _FONTS + b" >> /XObject << /X1 12 0 R >> >> >>",
            stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /FirstChar 32 /LastChar 40 "
            b"/Widths [600 0 -500 1000 3 600 600 600 600] >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Vert /Encoding /Identity-V "
            b"/DescendantFonts [9 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Vert /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [0 [500 600 700]] "
            b"/W2 [40 [-1000 300 800]] >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Horiz /Encoding /Identity-H "
            b"/DescendantFonts [11 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Horiz /CIDSystemInfo "
            b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 800 "
            b"/W [0 [500 600 700]] >>",
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 300 300] /Matrix [1 0 0 1 20 30] "
            b"/Resources << /Font << "
            + _FONTS
            + b" >> >> /Length %d >>\nstream\n" % len(form)
            + form
            + b"\nendstream",
        ]
    )


# Text state and matrices the reader must follow exactly: rotation, mirroring, horizontal
# scaling, rise, character and word spacing, kerning, `cm`, integer and negative-zero entries.
TRANSFORMED = b"""
BT /F1 10 Tf 72 700 Td (Machine learning engineer) Tj ET
BT /F2 12 Tf 72 680 Td [(Py) -120 (thon,) 800 (Spark) -2000 (SQL)] TJ ET
BT /F1 9 Tf 150 Tz 2 Ts 1.5 Tc 6 Tw 72 660 Td (wide  spaced  words) Tj ET
BT /F3 11 Tf 72 640 Td (!"#$%&'\\(x) Tj 0 -14 Td (  gaps  here ) Tj T* (next) Tj ET
BT /F1 10 Tf 0.7071 0.7071 -0.7071 0.7071 300 300 Tm (rotated text) Tj ET
BT /F1 10 Tf -1 0 0 1 500 500 Tm (mirrored) Tj ET
BT /F2 10 Tf 1 0 -0.0 1 300 450 Tm (negative zero) Tj ET
q 0.5 0 0 2 30 40 cm BT /F1 10 Tf 100 100 Td (scaled by cm) Tj ET Q
BT /F5 10 Tf 72 200 Td <000100020001> Tj ET
BT /F4 10 Tf 400 200 Td <000100020001> Tj ET
BT /F1 0 Tf 72 150 Td (size zero) Tj ET
BT /F1 10 Tf -100 Tz 200 120 Td (negative scaling) Tj ET
"""


def _laparams() -> LAParams:
    return LAParams(boxes_flow=None, all_texts=True)  # as the reader sets it


def _reference_lines(data: bytes) -> list[list[str]]:
    """pdfminer's own: an `LTChar` per page-level glyph, then `group_objects`."""
    laparams = _laparams()
    pages: list[list[str]] = []

    class Reference(PDFPageAggregator):
        def end_page(self, page: Any) -> None:
            chars = [obj for obj in self.cur_item if isinstance(obj, LTChar)]
            lines = self.cur_item.group_objects(laparams, chars) if chars else []
            pages.append(
                [
                    repr(
                        (
                            line.get_text(),
                            line.x0,
                            line.y0,
                            line.x1,
                            line.y1,
                            [
                                (ch.fontname, ch.size, ch.graphicstate.ncolor)
                                for ch in line
                                if isinstance(ch, LTChar)
                            ],
                        )
                    )
                    for line in lines
                ]
            )

    resources = PDFResourceManager(caching=True)
    device = Reference(resources, laparams=laparams)
    for _ in _interpret(data, PDFPageInterpreter(resources, device)):
        pass
    return pages


def _our_lines(data: bytes) -> list[list[str]]:
    """Lines from our device run by our interpreter (operator budget, bounded stacks)."""
    resources = PDFResourceManager(caching=True)
    device = _BoundedAggregator(resources, laparams=_laparams())
    interpreter = BoundedInterpreter(resources, device, OperatorBudget(Limits(), float("inf")))
    return [[repr(tuple(line)) for line in device.lines] for _ in _interpret(data, interpreter)]


def _interpret(data: bytes, interpreter: Any) -> Iterator[None]:
    """Process the pages one by one, yielding after each."""
    for page in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))):
        interpreter.process_page(page)
        yield


class TestSameAsPdfminer:
    """Lines from glyph records equal pdfminer's `LTChar` + `group_objects`, float for float."""

    @pytest.mark.parametrize("name", ["John_Doe_ClassicTheme_CV.pdf", "deedy_resume-openfont.pdf"])
    def test_real_resumes(self, name: str) -> None:
        """Two LaTeX resumes (one two-column) give pdfminer's lines exactly."""
        data = (FIXTURES / name).read_bytes()
        ours = _our_lines(data)
        assert ours == _reference_lines(data)
        assert sum(len(page) for page in ours) > 50

    def test_transformed_text(self) -> None:
        """Rotation, mirroring, scaling, rise, spacing, kerning, CID and vertical fonts."""
        data = _pdf(TRANSFORMED)
        ours = _our_lines(data)
        assert ours == _reference_lines(data)
        texts = [line.split("', ")[0] for line in ours[0]]
        assert "('rotate" in texts  # a rotated word breaks where its glyphs stop overlapping
        assert "('Py thon,Spark" in texts  # a kerning gap reads as a space...
        assert "('SQL" in texts  # ...and a gap of two glyph widths ends the line
        assert "('(cid:1)" in texts  # vertical writing: one glyph per line

    def test_random_text_operators(self) -> None:
        """Randomly placed and transformed strings, seeded: every line and box identical."""
        rng = random.Random(5)
        ops = []
        for _ in range(300):
            matrix = " ".join(f"{rng.uniform(-2, 2):.3f}" for _ in range(4))
            words = " ".join(rng.choice(["Python", "ML", "a", " ", "fi"]) for _ in range(4))
            ops.append(
                f"BT /F{rng.randint(1, 5)} {rng.choice([7, 10, 12])} Tf {rng.randint(50, 150)} Tz "
                f"{rng.uniform(-1, 3):.2f} Tc {matrix} {rng.uniform(0, 600):.1f} "
                f"{rng.uniform(0, 780):.1f} Tm [({words}) {rng.randint(-900, 900)} (x)] TJ ET"
            )
        data = _pdf("\n".join(ops).encode())
        assert _our_lines(data) == _reference_lines(data)


class TestGroupLines:
    """The grouping rules on hand-made glyph boxes."""

    @staticmethod
    def _glyph(x0: float, y0: float, text: str, width: float = 5.0) -> Any:
        return (x0, y0, x0 + width, y0 + 10.0, width, 10.0, text, "Helvetica", 10.0, 0)

    def test_gap_wider_than_word_margin_is_a_space(self) -> None:
        """A gap over 0.1 of the glyph size reads as a space; a kerned pair does not."""
        glyphs = [self._glyph(0, 0, "a"), self._glyph(5.5, 0, "b"), self._glyph(12, 0, "c")]
        (line,) = group_lines(glyphs, line_overlap=0.5, char_margin=2.0, word_margin=0.1)
        assert line.text == "ab c"
        assert (line.x0, line.y0, line.x1, line.y1) == (0, 0, 17, 10)

    def test_far_or_lower_glyph_starts_a_new_line(self) -> None:
        """Beyond two glyph widths, or half a line lower, the line ends."""
        glyphs = [
            self._glyph(0, 0, "a"),
            self._glyph(30, 0, "b"),  # 25 points away: more than 2 x 5
            self._glyph(35, -6, "c"),  # overlaps "b" by 4 of 10 points: under half
        ]
        lines = group_lines(glyphs, line_overlap=0.5, char_margin=2.0, word_margin=0.1)
        assert [line.text for line in lines] == ["a", "b", "c"]


class TestFigures:
    """Text inside a Form XObject is still read, grouped within its figure."""

    def test_form_xobject_text_is_read(self) -> None:
        """A page whose only text sits in a Form XObject reads that text."""
        form = b"BT /F1 10 Tf 10 10 Td (Kubernetes operator) Tj ET"
        doc = read_document(_pdf(b"BT /F1 10 Tf 72 700 Td (Page text) Tj ET /X1 Do", form))
        assert [line.text for line in doc.lines] == ["Page text", "Kubernetes operator"]
