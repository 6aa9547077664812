"""Text, Markdown and HTML input, decoding, and the shared repairs."""

from __future__ import annotations

import pytest

from atsmatch.documents import read_document
from atsmatch.documents.repair import join_hyphenated, repair_text
from atsmatch.documents.text import counted_text_lines, text_lines
from atsmatch.errors import LimitExceededError, NoTextLayerError, UnsupportedFormatError
from atsmatch.limits import Limits
from atsmatch.models import Line
from tests.conftest import CORPUS, EXAMPLES, assert_like_validated


def texts(source: str | bytes) -> list[str]:
    return [line.text for line in read_document(source).lines]


class TestMarkdown:
    """Markdown markup is removed; headings become bold lines; bullets stay."""

    def test_headings_are_bold_without_markers(self) -> None:
        """`# Skills` is the bold line "Skills"; body lines are not bold."""
        doc = read_document("# Jane Doe\n\n## Skills ##\nPython, SQL\n")
        assert [(line.text, line.bold) for line in doc.lines] == [
            ("Jane Doe", True),
            ("Skills", True),
            ("Python, SQL", False),
        ]
        assert doc.format == "text" and doc.source == "<text>"

    def test_setext_heading_and_rules(self) -> None:
        """A line underlined with === is a heading; a lone --- rule is dropped."""
        doc = read_document("Experience\n==========\nBuilt things\n\n---\nMore")
        assert [(line.text, line.bold) for line in doc.lines] == [
            ("Experience", True),
            ("Built things", False),
            ("More", False),
        ]

    def test_indented_markup(self) -> None:
        """Up to three spaces may indent a heading, an underline or a rule (tabs count too)."""
        doc = read_document("   ## Skills\nPython\nTools\n  ===\n - - -\n\t# Notes\n* a")
        assert [(line.text, line.bold) for line in doc.lines] == [
            ("Skills", True),
            ("Python", False),
            ("Tools", True),
            ("Notes", True),
            ("* a", False),
        ]

    def test_emphasis_and_links(self) -> None:
        """**bold** and [text](url) lose their syntax; the URL is kept after the text."""
        assert texts("Led **MLOps** at [Acme](https://acme.test) with __Kubeflow__") == [
            "Led MLOps at Acme https://acme.test with Kubeflow"
        ]

    def test_list_markers_and_identifiers_stay(self) -> None:
        """List markers remain for the bullet parser; snake_case and C++ are untouched."""
        assert texts("- Python\n* C++ and C#\n1. used snake_case names\n") == [
            "- Python",
            "* C++ and C#",
            "1. used snake_case names",
        ]


class TestHtml:
    """Minimal HTML: block tags break lines, entities are unescaped, scripts dropped."""

    def test_html_page(self) -> None:
        """Headings are bold, list items get a bullet, script text is ignored."""
        page = (
            "<!DOCTYPE html><html><head><title>CV</title><script>var x=1;</script></head><body>"
            "<h1>Jane&nbsp;Doe</h1><p>ML &amp; data <b>engineer</b></p><ul><li>Spark</li></ul>"
            "</body></html>"
        )
        doc = read_document(page)
        assert [(line.text, line.bold) for line in doc.lines] == [
            ("CV", True),
            ("Jane Doe", True),
            ("ML & data engineer", False),
            ("• Spark", False),
        ]


class TestDecoding:
    """Bytes that are text decode whatever their encoding."""

    def test_utf8_bom(self) -> None:
        """A UTF-8 byte order mark is not part of the first line."""
        assert texts(b"\xef\xbb\xbfNa\xc3\xafve R\xc3\xa9sum\xc3\xa9") == ["Naïve Résumé"]

    def test_utf16_with_and_without_bom(self) -> None:
        """UTF-16 text (as Windows Notepad saves it) decodes."""
        assert texts("Résumé\r\nPython".encode("utf-16")) == ["Résumé", "Python"]
        assert texts("Kubernetes engineer".encode("utf-16-le")) == ["Kubernetes engineer"]

    def test_cp1252_fallback(self) -> None:
        """Non-UTF-8 bytes fall back to cp1252 (smart quotes and dashes)."""
        assert texts("“Senior” engineer – Zürich".encode("cp1252")) == [
            "“Senior” engineer – Zürich"
        ]

    def test_binary_junk_is_refused(self) -> None:
        """Bytes full of control characters are not text."""
        with pytest.raises(UnsupportedFormatError, match="binary"):
            read_document(bytes(range(256)) * 4)

    def test_empty_and_blank(self) -> None:
        """Empty or whitespace-only input holds no text."""
        for source in ("", "  \n\t\n", b"", b"\n\n"):
            with pytest.raises(NoTextLayerError, match="no text"):
                read_document(source)

    def test_limits_apply_to_text(self) -> None:
        """max_chars and max_bytes bound text input too."""
        with pytest.raises(LimitExceededError):
            read_document("word " * 100, limits=Limits(max_chars=50))
        with pytest.raises(LimitExceededError):
            read_document(b"word " * 100, limits=Limits(max_bytes=50))


class TestRepairs:
    """The shared repairs applied to every format."""

    def test_ligatures_cid_icons_and_spaces(self) -> None:
        """Ligatures expand, (cid:N) and icon glyphs go, space runs collapse, tabs stay."""
        assert repair_text(
            "  \ufb01ne-tuned \ufb02ows (cid:123)  e\ufb03cient \uf0e0 x\t\t y "
        ) == ("fine-tuned flows efficient x\ty")
        assert repair_text("soft\u00adhyphen zero\u200bwidth") == "softhyphen zerowidth"

    def test_unicode_spaces_beside_printable_symbols(self) -> None:
        """No-break and em spaces collapse on lines that also hold bullets and dashes."""
        assert repair_text("• Python\u00a0\u00a0SQL\u2003Spark –  Airflow") == (
            "• Python SQL Spark – Airflow"
        )

    def test_repairs_reach_text_input(self) -> None:
        """Text input goes through the same repairs."""
        assert texts("PyTorch  \ufb01ne-tuning (cid:3)") == ["PyTorch fine-tuning"]

    def test_ligatures_found_as_the_pattern_finds_them(self) -> None:
        """`has_ligatures` agrees with the ligature pattern on every corpus text and on texts
        with each ligature, beside other non-ASCII text or alone."""
        from atsmatch.documents import repair

        samples = [chr(c) for c in range(0xFAFE, 0xFB09)] + ["• x \ufb06", "e\ufb00ort", "é", ""]
        for path in sorted([*CORPUS.rglob("*.txt"), *EXAMPLES.glob("*.txt")]):
            samples.append(path.read_text(errors="replace"))
        for text in samples:
            assert repair.has_ligatures(text) == bool(repair._LIGATURE.search(text))

    def test_ligatures_repaired_on_the_lines_of_a_text_holding_some(self) -> None:
        """A text whose ligatures sit on a few lines has them undone there, others kept."""
        assert texts("• e\ufb03cient\n• plain — text\n\ufb01ne") == [
            "• efficient",
            "• plain — text",
            "fine",
        ]

    def test_hyphen_join_rules(self) -> None:
        """Soft breaks join, compound prefixes keep the hyphen, other words are left alone."""
        assert join_hyphenated(["built engi-", "neering tools"]) == ["built engineering", "tools"]
        assert join_hyphenated(["end-to-", "end and data-", "driven"]) == [
            "end-to-",
            "end and data-driven",
            "",
        ]
        assert join_hyphenated(["Jan 2019-", "present"]) == ["Jan 2019-", "present"]
        assert join_hyphenated(["Python-", "based"]) == ["Python-", "based"]
        assert join_hyphenated(["cloud-", "native apps"]) == ["cloud-native", "apps"]

    def test_hyphen_join_around_right_aligned_cells(self) -> None:
        """The word is rebuilt before a tab cell; cells left alone on the next line move up."""
        assert join_hyphenated(["top of submis-\t2022", "sions) and more"]) == [
            "top of submissions)\t2022",
            "and more",
        ]
        assert join_hyphenated(["language mod-\tMay 2019", "eling\t4 months"]) == [
            "language modeling\tMay 2019\t4 months",
            "",
        ]


def test_text_lines_equal_validated_lines() -> None:
    """Text lines are made without validation: each equals the `Line` validated from its text
    and boldness, field for field, in hash and JSON (the resumes and postings of the corpus)."""
    paths = sorted(EXAMPLES.glob("*.txt")) + sorted((CORPUS / "jobs" / "e2e_jds").glob("*.txt"))
    assert paths
    for path in paths:
        lines = text_lines(path.read_text(encoding="utf-8"))
        assert lines
        for line in lines:
            assert_like_validated(line)
            validated = Line(text=line.text, bold=line.bold)
            assert line == validated and hash(line) == hash(validated)
            assert line.model_dump_json() == validated.model_dump_json()


def test_counted_lines_hold_their_count() -> None:
    """The reader's character count, made as the lines are, is the characters the lines hold
    (plain text, Markdown and HTML)."""
    sources = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    sources += ["# Skills\nPython, **SQL**\n\nTitle\n=====\n", "<html><h1>Jane</h1><li>SQL</li>"]
    for text in sources:
        lines, total = counted_text_lines(text)
        assert lines == text_lines(text)
        assert total == sum(len(line.text) for line in lines)
