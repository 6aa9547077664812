"""DOCX reading: every place text hides, formatting, Strict OOXML, zip limits and safety."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from atsmatch.documents import read_document
from atsmatch.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from atsmatch.limits import Limits
from atsmatch.models import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = (
    f'xmlns:w="{W}" xmlns:r="{R}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def p(text: str, *, props: str = "", run_props: str = "") -> str:
    """One paragraph with one run."""
    rpr = f"<w:rPr>{run_props}</w:rPr>" if run_props else ""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def make_docx(
    body: str,
    *,
    parts: dict[str, tuple[str, str]] | None = None,
    styles: str | None = None,
    sect: str = "",
) -> bytes:
    """A minimal WordprocessingML package; `parts` maps part name -> (relationship kind, xml)."""
    parts = dict(parts or {})
    if styles is not None:
        parts["styles.xml"] = ("styles", f"<w:styles {NS}>{styles}</w:styles>")
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{name}"/>'
        for i, (name, (kind, _)) in enumerate(parts.items(), start=1)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {NS}><w:body>{body}'
            f"<w:sectPr>{sect}</w:sectPr></w:body></w:document>",
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f"{rels}</Relationships>",
        )
        for name, (_, xml) in parts.items():
            archive.writestr(f"word/{name}", xml)
    return buffer.getvalue()


def lines(doc: Document) -> list[tuple[str, str]]:
    return [(line.region, line.text) for line in doc.lines]


class TestWhereTextHides:
    """Text in tables, text boxes, controls, headers, notes and tracked changes."""

    def test_body_paragraphs_in_order_with_hyperlinks(self) -> None:
        """Paragraphs come in document order; hyperlink runs are part of the text."""
        body = p("Jane Doe") + (
            '<w:p><w:r><w:t xml:space="preserve">GitHub: </w:t></w:r><w:hyperlink r:id="rId9">'
            "<w:r><w:t>github.com/jane</w:t></w:r></w:hyperlink></w:p>"
        )
        assert lines(read_document(make_docx(body))) == [
            ("body", "Jane Doe"),
            ("body", "GitHub: github.com/jane"),
        ]

    def test_tables_nested_tables_and_columns(self) -> None:
        """One line per cell paragraph, row by row, region table, column = cell index."""
        inner = f"<w:tbl><w:tr><w:tc>{p('Kubernetes')}</w:tc></w:tr></w:tbl>"
        table = (
            f"<w:tbl><w:tr><w:tc>{p('2019 - 2021')}</w:tc><w:tc>{p('Data Engineer')}"
            f"{p('Built Airflow DAGs')}</w:tc></w:tr><w:tr><w:tc>{p('Skills')}</w:tc>"
            f"<w:tc>{inner}</w:tc></w:tr></w:tbl>"
        )
        doc = read_document(make_docx(p("Before") + table + p("After")))
        assert lines(doc) == [
            ("body", "Before"),
            ("table", "2019 - 2021"),
            ("table", "Data Engineer"),
            ("table", "Built Airflow DAGs"),
            ("table", "Skills"),
            ("table", "Kubernetes"),
            ("body", "After"),
        ]
        assert [line.column for line in doc.lines[1:5]] == [0, 1, 1, 0]

    def test_text_box_read_once(self) -> None:
        """A text box is read from mc:Choice; the mc:Fallback copy is skipped."""
        box = (
            '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
            f"<w:txbxContent>{p('jane@example.com')}</w:txbxContent></wps:txbx></w:drawing>"
            "</mc:Choice><mc:Fallback><w:pict><v:textbox>"
            f"<w:txbxContent>{p('jane@example.com')}</w:txbxContent></v:textbox></w:pict>"
            "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        )
        assert lines(read_document(make_docx(p("Jane Doe") + box))) == [
            ("body", "Jane Doe"),
            ("textbox", "jane@example.com"),
        ]

    def test_real_text_box_file(self) -> None:
        """mammoth's text-box.docx yields its box text once, as a textbox line."""
        assert lines(read_document(FIXTURES / "text-box.docx")) == [("textbox", "Datum plane")]

    def test_content_controls_and_tracked_changes(self) -> None:
        """sdt content and insertions are read; deletions and field codes are not."""
        body = (
            f'<w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent>{p("Jane Doe")}'
            "</w:sdtContent></w:sdt>"
            '<w:p><w:r><w:t xml:space="preserve">Skills: </w:t></w:r>'
            "<w:ins><w:r><w:t>PyTorch</w:t></w:r></w:ins>"
            "<w:del><w:r><w:delText>TensorFlow</w:delText></w:r></w:del></w:p>"
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText> HYPERLINK "https://x.test" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>portfolio</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:fldSimple w:instr=" PAGE "><w:r><w:t> site</w:t></w:r></w:fldSimple></w:p>'
        )
        assert [text for _, text in lines(read_document(make_docx(body)))] == [
            "Jane Doe",
            "Skills: PyTorch",
            "portfolio site",
        ]

    def test_headers_footers_deduplicated_and_placed(self) -> None:
        """Header lines come first and footer lines last, each distinct text once."""
        header = f"<w:hdr {NS}>{p('Jane Doe | jane@example.com')}</w:hdr>"
        footer = f"<w:ftr {NS}>{p('Page')}</w:ftr>"
        parts = {
            "header1.xml": ("header", header),
            "header2.xml": ("header", header),
            "footer1.xml": ("footer", footer),
        }
        sect = (
            '<w:headerReference w:type="default" r:id="rId1"/>'
            '<w:headerReference w:type="first" r:id="rId2"/>'
            '<w:footerReference w:type="default" r:id="rId3"/>'
        )
        doc = read_document(make_docx(p("Experience"), parts=parts, sect=sect))
        assert lines(doc) == [
            ("header", "Jane Doe | jane@example.com"),
            ("body", "Experience"),
            ("footer", "Page"),
        ]

    def test_footnotes_skip_separators(self) -> None:
        """Footnote text is read as region footnote; separator notes are not text."""
        notes = (
            f'<w:footnotes {NS}><w:footnote w:type="separator" w:id="-1">'
            f"<w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            f'<w:footnote w:id="1">{p("Certified Kubernetes Administrator")}</w:footnote>'
            "</w:footnotes>"
        )
        doc = read_document(make_docx(p("Body"), parts={"footnotes.xml": ("footnotes", notes)}))
        assert lines(doc) == [("body", "Body"), ("footnote", "Certified Kubernetes Administrator")]

    def test_tabs_breaks_and_list_bullets(self) -> None:
        """w:tab is a tab, w:br starts a new line, numbered paragraphs get a bullet."""
        body = (
            "<w:p><w:r><w:t>Engineer</w:t><w:tab/><w:t>2020</w:t><w:br/><w:t>Acme</w:t></w:r></w:p>"
            + p(
                "Shipped models", props='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'
            )
        )
        assert [text for _, text in lines(read_document(make_docx(body)))] == [
            "Engineer\t2020",
            "Acme",
            "• Shipped models",
        ]


class TestFormatting:
    """Bold, size, colour and headings from run properties and styles."""

    def test_run_bold_size_colour(self) -> None:
        """w:b, w:sz (half-points) and w:color are kept per line."""
        body = p("EXPERIENCE", run_props='<w:b/><w:sz w:val="28"/><w:color w:val="1F4E79"/>')
        body += p("plain", run_props='<w:b w:val="0"/>')
        heading, plain = read_document(make_docx(body)).lines
        assert heading.bold and heading.size == 14 and heading.color == "#1f4e79"
        assert not plain.bold

    def test_heading_style_is_bold_and_inherits_size(self) -> None:
        """A "heading 1" style paragraph is bold; size comes through basedOn and defaults."""
        styles = (
            '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault>'
            '</w:docDefaults><w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
            '<w:rPr><w:sz w:val="32"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
            '<w:basedOn w:val="Base"/></w:style>'
        )
        body = p("Skills", props='<w:pStyle w:val="Heading1"/>') + p("Python, SQL")
        heading, text = read_document(make_docx(body, styles=styles)).lines
        assert heading.bold and heading.size == 16
        assert not text.bold and text.size == 11

    def test_mostly_bold_line(self) -> None:
        """A line is bold when most of its characters are."""
        body = (
            '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Senior ML Engineer </w:t>'
            "</w:r><w:r><w:t>at X</w:t></w:r></w:p>"
        )
        assert read_document(make_docx(body)).lines[0].bold


class TestPackages:
    """Strict OOXML, other zips, encryption, entities and zip limits."""

    def test_strict_ooxml(self) -> None:
        """A Strict OOXML file (purl.oclc.org namespaces) is read."""
        doc = read_document(FIXTURES / "strict-format.docx")
        assert doc.format == "docx" and lines(doc) == [("body", "Test")]

    def test_external_entity_not_resolved(self) -> None:
        """An external entity in the XML is never fetched or expanded."""
        doc = read_document(FIXTURES / "ExternalEntityInText.docx")
        assert "poi.apache.org" not in doc.text and "Apache" not in doc.text
        assert doc.text.startswith("Here should not be the POI web site")

    def test_password_protected_docx(self) -> None:
        """An encrypted DOCX (an OLE container) raises EncryptedDocumentError."""
        with pytest.raises(EncryptedDocumentError):
            read_document(FIXTURES / "bug53475-password-is-pass.docx")

    def test_docm_content_type_is_read(self) -> None:
        """A macro-enabled package is still a Word document; its text is read."""
        data = make_docx(p("Macro resume")).replace(b"<Types/>", b"<Types></Types>")
        assert read_document(data, name="cv.docm").lines[0].text == "Macro resume"

    def test_other_zips_are_refused(self) -> None:
        """A workbook or a plain zip is not a Word document."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("xl/workbook.xml", "<workbook/>")
        with pytest.raises(UnsupportedFormatError, match="Excel"):
            read_document(buffer.getvalue())
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("notes.txt", "hello")
        with pytest.raises(UnsupportedFormatError, match="not a Word document"):
            read_document(buffer.getvalue())

    def test_empty_document(self) -> None:
        """A document without text raises NoTextLayerError."""
        with pytest.raises(NoTextLayerError):
            read_document(make_docx("<w:p/>"))

    def test_broken_xml_and_truncated_zip(self) -> None:
        """Malformed XML and a cut-off zip are CorruptDocumentError with the cause chained."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("word/document.xml", f"<w:document {NS}><w:body><w:p>")
        data = buffer.getvalue()
        with pytest.raises(CorruptDocumentError) as info:
            read_document(data)
        assert info.value.__cause__ is not None
        with pytest.raises(CorruptDocumentError):
            read_document(make_docx(p("text"))[:300])

    def test_too_many_entries(self) -> None:
        """The entry count is checked from the zip directory first."""
        with pytest.raises(LimitExceededError, match="entries"):
            read_document(make_docx(p("x")), limits=Limits(max_zip_entries=3))

    def test_declared_size_over_limit(self) -> None:
        """The sum of declared sizes is checked before inflating anything."""
        with pytest.raises(LimitExceededError, match="expands"):
            read_document(make_docx(p("x" * 5000)), limits=Limits(max_unzipped_bytes=2000))

    def test_compression_ratio(self) -> None:
        """A large part compressed far beyond the ratio limit is refused."""
        bomb = make_docx(p("a") + "<w:p/>" * 400_000)
        with pytest.raises(LimitExceededError, match="expands"):
            read_document(bomb, limits=Limits(max_zip_ratio=20))

    def test_lying_size_header_is_bounded(self) -> None:
        """A member that inflates past its declared size is never read past it."""
        data = bytearray(make_docx(p("Jane Doe " * 200)))
        info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
        at = bytes(data).rfind(b"PK\x01\x02", 0, bytes(data).rfind(b"word/document.xml") + 1)
        data[at + 24 : at + 28] = (100).to_bytes(4, "little")  # central directory file size
        assert info.file_size > 100
        with pytest.raises((CorruptDocumentError, LimitExceededError)):
            read_document(bytes(data))

    def test_char_limit(self) -> None:
        """max_chars bounds the extracted text."""
        with pytest.raises(LimitExceededError, match="characters"):
            read_document(make_docx(p("x" * 500) * 3), limits=Limits(max_chars=1000))
