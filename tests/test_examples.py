"""The committed example files match `examples/make_resume.py` and stay readable."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import docx
import pytest
from pdfminer.high_level import extract_pages, extract_text
from pdfminer.layout import LAParams

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_resume", EXAMPLES / "make_resume.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # dataclasses look their module up while defining
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def _docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    document = docx.Document(str(path))
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples")
    _load_script().build(out)
    return out


class TestGeneratedFilesUpToDate:
    """Regenerating gives what is committed, so the files cannot drift from the script."""

    def test_pdf_bytes_identical(self, regenerated: Path) -> None:
        """The PDF is byte-for-byte what make_resume.py writes (reportlab invariant mode)."""
        assert (regenerated / "resume.pdf").read_bytes() == (EXAMPLES / "resume.pdf").read_bytes()

    def test_docx_same_paragraphs(self, regenerated: Path) -> None:
        """The DOCX has the same paragraphs, in order and with the same styles."""
        assert _docx_paragraphs(regenerated / "resume.docx") == _docx_paragraphs(
            EXAMPLES / "resume.docx"
        )

    def test_text_identical(self, regenerated: Path) -> None:
        """The plain-text resume is what make_resume.py writes."""
        assert (regenerated / "resume.txt").read_text("utf-8") == (
            EXAMPLES / "resume.txt"
        ).read_text("utf-8")

    def test_docx_deterministic(self, regenerated: Path, tmp_path: Path) -> None:
        """Two runs give identical DOCX bytes: fixed core properties and zip timestamps."""
        _load_script().build(tmp_path)
        assert (tmp_path / "resume.docx").read_bytes() == (regenerated / "resume.docx").read_bytes()


class TestExampleResume:
    """The example resume is the clean, one-page, single-column file the docs promise."""

    def test_pdf_one_page_with_real_bullets(self) -> None:
        """pdfminer reads one page, real "•" bullets and no unmapped (cid:N) glyphs."""
        pages = list(extract_pages(EXAMPLES / "resume.pdf", laparams=LAParams(boxes_flow=None)))
        text = extract_text(EXAMPLES / "resume.pdf")
        assert len(pages) == 1
        assert text.count("•") == 15
        assert "(cid:" not in text
        assert "alex.rivera@example.com" in text
        assert "Mar 2021 – Present" in text

    def test_formats_carry_same_bullets(self) -> None:
        """Every bullet of the text version is a List Bullet paragraph in the DOCX."""
        txt_bullets = [
            line[2:]
            for line in (EXAMPLES / "resume.txt").read_text("utf-8").splitlines()
            if line.startswith("• ")
        ]
        docx_bullets = [
            text
            for style, text in _docx_paragraphs(EXAMPLES / "resume.docx")
            if style == "List Bullet"
        ]
        assert txt_bullets == docx_bullets
        assert len(txt_bullets) == 15

    def test_docx_metadata_fixed(self) -> None:
        """The DOCX core properties carry the fixed author and dates, not the build machine's."""
        props = docx.Document(str(EXAMPLES / "resume.docx")).core_properties
        assert props.author == "Alex Rivera"
        assert props.created is not None and props.created.year == 2025


class TestExamplePostings:
    """The example postings are realistic, sectioned and of a typical size."""

    @pytest.mark.parametrize("name", ["job_ml_engineer.txt", "job_mlops_engineer.txt"])
    def test_posting_shape(self, name: str) -> None:
        """Each posting is 2.5-3.5 KB with requirements and nice-to-have sections."""
        text = (EXAMPLES / name).read_text("utf-8")
        assert 2500 <= len(text.encode()) <= 3500
        for heading in ("About us", "Responsibilities", "Requirements", "Nice to have"):
            assert f"\n{heading}\n" in text


class TestApiExample:
    """The API example runs from another directory and prints a score."""

    def test_runs_from_any_directory(self, tmp_path: Path) -> None:
        """api_example.py finds its files relative to itself and prints both postings' scores."""
        result = subprocess.run(
            [sys.executable, str(EXAMPLES / "api_example.py")],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "job_ml_engineer.txt:" in result.stdout
        assert "job_mlops_engineer.txt:" in result.stdout
        assert "/100" in result.stdout
