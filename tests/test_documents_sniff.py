"""Format sniffing by magic bytes, input kinds, and the typed errors for what we refuse."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from atsmatch.documents import read_document
from atsmatch.errors import (
    DocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    UnsupportedFormatError,
)
from atsmatch.limits import Limits

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"


class TestSniffing:
    """The bytes decide the format, never the file name."""

    def test_pdf_named_docx_is_read_as_pdf(self, tmp_path: Path) -> None:
        """A PDF saved as resume.docx is still read as a PDF."""
        target = tmp_path / "resume.docx"
        shutil.copy(FIXTURES / "deedy_resume-openfont.pdf", target)
        doc = read_document(target)
        assert doc.format == "pdf" and doc.source == "resume.docx"

    def test_pdf_magic_after_leading_junk(self) -> None:
        """%PDF- within the first kilobyte counts, as in real readers."""
        data = (FIXTURES / "deedy_resume-openfont.pdf").read_bytes()
        assert read_document(b"\r\n junk from a mail gateway\n" + data).format == "pdf"

    def test_legacy_doc(self) -> None:
        """A legacy .doc is refused with advice to export."""
        with pytest.raises(UnsupportedFormatError, match=r"\.doc.*export"):
            read_document(FIXTURES / "empty.doc")

    def test_encrypted_ole_docx(self) -> None:
        """An OLE container holding EncryptionInfo is a password-protected document."""
        with pytest.raises(EncryptedDocumentError):
            read_document((FIXTURES / "bug53475-password-is-pass.docx").read_bytes())

    @pytest.mark.parametrize(
        ("magic", "what"),
        [
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
            (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
            (b"GIF89a\x01\x00", "GIF"),
            (b"II*\x00\x08\x00", "TIFF"),
            (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WEBP"),
            (b"{\\rtf1\\ansi Resume}", "RTF"),
        ],
    )
    def test_images_and_rtf_are_named(self, magic: bytes, what: str) -> None:
        """Images and RTF are refused with their format named."""
        with pytest.raises(UnsupportedFormatError, match=what):
            read_document(magic + b"\x00" * 64)

    def test_random_zip(self) -> None:
        """A zip that is not a Word document is refused as such."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("photo.txt", "x")
        with pytest.raises(UnsupportedFormatError, match="zip archive that is not a Word"):
            read_document(buffer.getvalue())


class TestInputs:
    """str is text, bytes are content, a Path is a file."""

    def test_str_is_text_never_a_path(self) -> None:
        """A string that looks like a path is read as text."""
        doc = read_document(str(FIXTURES / "deedy_resume-openfont.pdf"))
        assert doc.format == "text" and doc.lines[0].text.endswith("deedy_resume-openfont.pdf")

    def test_labels(self) -> None:
        """source defaults to <bytes> / <text> / the file name; name overrides it."""
        assert read_document(b"hello").source == "<bytes>"
        assert read_document("hello", name="job.txt").source == "job.txt"

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing path is a DocumentError naming the file."""
        with pytest.raises(DocumentError, match=r"missing\.pdf"):
            read_document(tmp_path / "missing.pdf")

    def test_file_over_max_bytes(self, tmp_path: Path) -> None:
        """A file over max_bytes is refused from its size."""
        path = tmp_path / "big.txt"
        path.write_bytes(b"a" * 5000)
        with pytest.raises(LimitExceededError, match="bytes"):
            read_document(path, limits=Limits(max_bytes=1000))
        with pytest.raises(LimitExceededError, match="bytes"):
            read_document(path.read_bytes(), limits=Limits(max_bytes=1000))

    def test_errors_carry_the_source(self) -> None:
        """Typed errors name their source for the user."""
        with pytest.raises(UnsupportedFormatError) as info:
            read_document(b"\x89PNG\r\n\x1a\n", name="cv.png")
        assert info.value.source == "cv.png" and str(info.value).startswith("cv.png: ")
