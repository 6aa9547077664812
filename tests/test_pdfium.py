"""The PDFium reader against the pdfminer reader: the same lines, fonts and positions.

The oracle is the pdfminer reader itself, run on every resume PDF of the corpus and the example
resume. Line texts, their order, page sizes, images, columns and junk glyphs must be equal for
every file; fonts, sizes, bold, colour, region and column for every line; positions within
`X_TOLERANCE` and `Y_TOLERANCE`. Where PDFium cannot give what pdfminer reads, `KNOWN` names the
file, the lines affected and why; nothing else may differ.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from typer.testing import CliRunner

from atsmatch import Matcher
from atsmatch.cli import app
from atsmatch.documents import read_document
from atsmatch.documents.pdf import read_pdf
from atsmatch.documents.pdfium import read_pdf_pdfium
from atsmatch.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    MissingExtraError,
)
from atsmatch.limits import Limits
from atsmatch.models import Document, Line

from .conftest import CORPUS, EXAMPLES
from .hostile_files import pdf, stream

RESUMES = [*sorted((CORPUS / "resumes").rglob("*.pdf")), EXAMPLES / "resume.pdf"]

# PDFium keeps a simple font's glyph widths in whole thousandths of an em and lays the glyphs
# out with them, pdfminer with the widths as written: a line's right end drifts by up to about
# a point over a long line. Vertical boxes come from the same descent and size in both.
X_TOLERANCE = 1.5
Y_TOLERANCE = 0.05


@dataclass(frozen=True)
class Known:
    """What PDFium cannot give for one file, and why."""

    reason: str
    # pdfminer's names of Type3 fonts: PDFium's API has no name for them ("unknown", never bold)
    unnamed_fonts: frozenset[str] = frozenset()
    # lines holding one of these characters may sit this far off vertically (points)
    y_chars: str = ""
    y_off: float = 0.0
    # lines holding one of these characters may end this far off horizontally (points)
    x_chars: str = ""
    x_off: float = 0.0
    # the ligature count: PDFium spells a ligature glyph ("ﬁ") as its letters ("fi")
    ligatures: bool = False
    # every line of the file may sit this far off vertically (points)
    y_any: float = 0.0
    # characters PDFium leaves out of the text page; lines are compared without them
    dropped: str = ""


_FLAGS = "\U000f03d9\U000f03b2\U000f0388\U000f0457"
_CHROME = Known(
    "Chrome prints the system font as Type3 fonts, whose FontDescriptor name PDFium does not "
    "report and whose vertical box it measures from the glyphs, not the FontBBox",
    unnamed_fonts=frozenset({".SFNS-Regular", ".SFNS-Bold"}),
    y_any=3.0,
)
KNOWN = {
    "modern-single-column.pdf": _CHROME,
    "modern-two-column.pdf": _CHROME,
    "single-column.pdf": _CHROME,
    "two-column.pdf": _CHROME,
    "sourabh_bajaj_resume.pdf": Known(
        "the bullet's font declares Ascent and Descent 0; pdfminer uses 0, PDFium measures the "
        "font's glyphs instead",
        y_chars="•",
        y_off=3.0,
    ),
    "google-doc-document.pdf": Known(
        "PDFium leaves the four flag icons (private-use glyphs of a colour-emoji font) out of "
        "the text, so their line is the same words with tabs for the gaps",
        dropped=_FLAGS,
        y_chars=_FLAGS,
        y_off=2.5,
        x_chars=_FLAGS,
        x_off=20.0,
    ),
    "deedy_resume-openfont.pdf": Known("two ligature glyphs", ligatures=True),
    "multicolumn.pdf": Known("two ligature glyphs", ligatures=True),
}


def _read_both(path: Path) -> tuple[Document, Document]:
    data = path.read_bytes()
    limits = Limits()
    miner = read_pdf(data, source=path.name, limits=limits, started=time.monotonic())
    pdfium = read_pdf_pdfium(data, source=path.name, limits=limits, started=time.monotonic())
    return miner, pdfium


def _words(text: str, dropped: str) -> list[str]:
    return "".join(char for char in text if char not in dropped).split()


def _style(line: Line) -> tuple[object, ...]:
    return (line.font, line.size, line.bold, line.color, line.region, line.column, line.page)


@pytest.mark.parametrize("path", RESUMES, ids=lambda p: p.name)
class TestOracle:
    def test_same_lines_in_the_same_order(self, path: Path) -> None:
        """Every line's text, in reading order, is the pdfminer reader's."""
        known = KNOWN.get(path.name, Known(""))
        miner, pdfium = _read_both(path)
        ours, theirs = [line.text for line in pdfium.lines], [line.text for line in miner.lines]
        if known.dropped:
            ours = [" ".join(_words(text, known.dropped)) for text in ours]
            theirs = [" ".join(_words(text, known.dropped)) for text in theirs]
        assert ours == theirs

    def test_same_document_facts(self, path: Path) -> None:
        """Pages, page sizes, images, columns and junk glyphs are equal (ligatures as known)."""
        miner, pdfium = _read_both(path)
        facts = ("pages", "page_sizes", "images", "columns", "junk_glyphs", "byte_size")
        for name in facts:
            assert getattr(pdfium, name) == getattr(miner, name), name
        if not (path.name in KNOWN and KNOWN[path.name].ligatures):
            assert pdfium.ligatures == miner.ligatures

    def test_same_styles(self, path: Path) -> None:
        """Font, size, bold, colour, region, column and page of every line are equal."""
        known = KNOWN.get(path.name, Known(""))
        miner, pdfium = _read_both(path)
        for ours, theirs in zip(pdfium.lines, miner.lines, strict=True):
            if ours.font == "unknown" and theirs.font in known.unnamed_fonts:
                ours = ours.model_copy(update={"font": theirs.font, "bold": theirs.bold})
            assert _style(ours) == _style(theirs), theirs.text

    def test_positions_within_tolerance(self, path: Path) -> None:
        """Every line's box is within the tolerance of pdfminer's (more where `KNOWN` says)."""
        known = KNOWN.get(path.name, Known(""))
        miner, pdfium = _read_both(path)
        for ours, theirs in zip(pdfium.lines, miner.lines, strict=True):
            x_limit, y_limit = X_TOLERANCE, max(Y_TOLERANCE, known.y_any)
            if any(char in theirs.text for char in known.y_chars):
                y_limit = known.y_off
            if any(char in theirs.text for char in known.x_chars):
                x_limit = known.x_off
            dx = max(abs(ours.bbox[i] - theirs.bbox[i]) for i in (0, 2))
            dy = max(abs(ours.bbox[i] - theirs.bbox[i]) for i in (1, 3))
            assert dx <= x_limit, (theirs.text, ours.bbox, theirs.bbox)
            assert dy <= y_limit, (theirs.text, ours.bbox, theirs.bbox)


class TestKnownDifferences:
    def test_every_listed_file_is_in_the_corpus(self) -> None:
        """`KNOWN` names only files the oracle reads."""
        assert set(KNOWN) <= {path.name for path in RESUMES}

    def test_some_files_need_no_exception(self) -> None:
        """At least four of the files match with no entry in `KNOWN` at all."""
        assert len([p for p in RESUMES if p.name not in KNOWN]) >= 4


class TestChoice:
    def test_read_document_uses_pdfium_when_asked(self) -> None:
        """`Limits(pdf_reader="pdfium")` reads the example with PDFium, to the same text."""
        path = EXAMPLES / "resume.pdf"
        document = read_document(path, limits=Limits(pdf_reader="pdfium"))
        assert [line.text for line in document.lines] == [
            line.text for line in read_document(path).lines
        ]

    def test_isolated_read(self) -> None:
        """With `isolate=True` PDFium reads in the worker process, to the same document."""
        path = EXAMPLES / "resume.pdf"
        isolated = read_document(path, limits=Limits(isolate=True, pdf_reader="pdfium"))
        assert isolated == read_document(path, limits=Limits(pdf_reader="pdfium"))

    def test_unknown_reader_is_refused(self) -> None:
        """A misspelt reader name is a ValueError when the limits are made."""
        with pytest.raises(ValueError, match="pdf_reader"):
            Limits(pdf_reader="pdfum")  # type: ignore[arg-type]

    def test_matcher_reads_with_pdfium(self) -> None:
        """A Matcher with the PDFium reader matches the example like the default one."""
        path = EXAMPLES / "resume.pdf"
        job = (EXAMPLES / "job_ml_engineer.txt").read_text()
        fast = Matcher(limits=Limits(pdf_reader="pdfium")).match(path, job)
        assert fast.score == Matcher().match(path, job).score


class TestMissingExtra:
    def test_matcher_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pypdfium2, asking for PDFium raises MissingExtraError naming `fast`."""
        monkeypatch.setitem(sys.modules, "pypdfium2", None)
        with pytest.raises(MissingExtraError, match=r"atsmatch\[fast\]"):
            Matcher(limits=Limits(pdf_reader="pdfium"))

    def test_cli_exits_2_with_one_line(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """`match --pdf-reader pdfium` without the extra exits 2 with one line on stderr."""
        monkeypatch.setitem(sys.modules, "pypdfium2", None)
        result = CliRunner().invoke(
            app,
            [
                "match",
                str(EXAMPLES / "resume.pdf"),
                "--role",
                "ml-engineer",
                "--pdf-reader",
                "pdfium",
            ],
        )
        assert result.exit_code == 2
        assert result.stderr.strip().count("\n") == 0
        assert "pip install 'atsmatch[fast]'" in result.stderr


class TestLimits:
    def test_page_count(self) -> None:
        """Over `max_pages` is refused from the page count, before any page is read."""
        with pytest.raises(LimitExceededError, match="pages"):
            read_document(EXAMPLES / "resume.pdf", limits=Limits(max_pages=0, pdf_reader="pdfium"))

    def test_clock(self) -> None:
        """Over `max_seconds` stops at the next page."""
        with pytest.raises(LimitExceededError, match="longer than the limit"):
            read_pdf_pdfium(
                (EXAMPLES / "resume.pdf").read_bytes(),
                source="x",
                limits=Limits(max_seconds=1),
                started=time.monotonic() - 2,
            )

    def test_characters(self) -> None:
        """Over `max_chars` is refused after the lines are made, as with pdfminer."""
        with pytest.raises(LimitExceededError, match="characters"):
            read_document(EXAMPLES / "resume.pdf", limits=Limits(max_chars=10, pdf_reader="pdfium"))

    def test_not_a_pdf(self) -> None:
        """Bytes PDFium cannot parse are a CorruptDocumentError naming the file."""
        data = b"%PDF-1.4\n" + b"\x00garbage" * 50
        with pytest.raises(CorruptDocumentError) as caught:
            read_pdf_pdfium(data, source="bad.pdf", limits=Limits(), started=time.monotonic())
        assert caught.value.source == "bad.pdf"

    def test_password(self) -> None:
        """A PDF with a user password is an EncryptedDocumentError."""
        encrypted = next(
            p
            for p in sorted((CORPUS / "malformed_pdf").rglob("*.pdf"))
            if _needs_password(p.read_bytes())
        )
        with pytest.raises(EncryptedDocumentError):
            read_pdf_pdfium(
                encrypted.read_bytes(), source="x", limits=Limits(), started=time.monotonic()
            )

    def test_glyphs_per_page(self) -> None:
        """A page showing more than 50,000 glyphs is refused."""
        text = b"BT /F1 1 Tf " + (b"(" + b"x" * 1000 + b") Tj ") * 60 + b"ET"
        data = pdf(
            [
                b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                stream(text),
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            ]
        )
        with pytest.raises(LimitExceededError, match="glyphs"):
            read_pdf_pdfium(data, source="x", limits=Limits(), started=time.monotonic())


def _needs_password(data: bytes) -> bool:
    """Whether PDFium asks for a password to open `data`."""
    import ctypes

    import pypdfium2.raw as pdfium

    buffer = ctypes.create_string_buffer(data, len(data))
    document = pdfium.FPDF_LoadMemDocument64(buffer, len(data), None)
    if document:
        pdfium.FPDF_CloseDocument(document)
        return False
    return bool(pdfium.FPDF_GetLastError() == pdfium.FPDF_ERR_PASSWORD)
