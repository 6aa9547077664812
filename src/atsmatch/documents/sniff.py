"""Decide what a file is from its first bytes, never from its name.

Uploads arrive with wrong or missing extensions ("resume.docx" that is a PDF, a `.doc` renamed
to `.docx`); readers must see the format the bytes say. Formats we cannot read are refused here
with a message telling the user what to export instead.
"""

from __future__ import annotations

from typing import Literal

from atsmatch.errors import EncryptedDocumentError, UnsupportedFormatError

__all__ = ["Kind", "sniff"]

Kind = Literal["pdf", "zip", "text"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EXPORT = "export it as PDF or .docx"
# (magic prefix, offset, what the user sent)
_REFUSED: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"ftypheic", 4, "a HEIC image"),
    (b"ftypmif1", 4, "a HEIF image"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
)
_IMAGE_HINT = "OCR it or export the original document as PDF or .docx"


def sniff(data: bytes, *, source: str) -> Kind:
    """Classify `data` as PDF, a zip container (maybe DOCX) or text; raise for known others.

    Like real PDF readers, `%PDF-` may follow up to 1 KB of leading junk.

    >>> sniff(b"%PDF-1.7 ...", source="<bytes>")
    'pdf'
    """
    if data.find(b"%PDF-", 0, 1024) >= 0:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise EncryptedDocumentError(
                "the Word document is password-protected; save an unprotected copy",
                source=source,
            )
        what = (
            "a legacy Word .doc file"
            if "WordDocument".encode("utf-16-le") in data
            else "a legacy Microsoft Office (OLE) file"
        )
        raise UnsupportedFormatError(f"{what} is not supported; {_EXPORT}", source=source)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise UnsupportedFormatError(f"a WEBP image has no text; {_IMAGE_HINT}", source=source)
    for magic, offset, what in _REFUSED:
        if data[offset : offset + len(magic)] == magic:
            hint = _IMAGE_HINT if "image" in what else _EXPORT
            raise UnsupportedFormatError(f"{what} is not supported; {hint}", source=source)
    return "text"
