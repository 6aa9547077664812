"""The `rank` terminal table: file names, not paths, within 80 columns."""

from __future__ import annotations

from rich.console import Console

from atsmatch.models import RankedResult, RankError
from atsmatch.render.ranking import _short_names, render_ranking_terminal

# Longer than the whole screen, with spaces, as a checkout or upload folder can be.
DEEP = "/home/someone/a very long folder name with spaces to exceed eighty characters in total"


def ranked(rank: int, source: str) -> RankedResult:
    return RankedResult(
        rank=rank,
        index=rank - 1,
        source=source,
        score=61.8,
        verdict="partial match",
        parseability=100,
        top_missing=("Jenkins", "TensorFlow", "Personalization", "Big Data", "Model Evaluation"),
    )


def table(results: list[RankedResult]) -> list[str]:
    """The table as plain text lines on an 80-column console."""
    console = Console(width=80, record=True, color_system=None, highlight=False)
    render_ranking_terminal(results, console, title="3 resume(s) ranked")
    return console.export_text().splitlines()


class TestShortNames:
    """What the table shows for each source."""

    def test_file_name_only(self) -> None:
        """A path is shown as its file name."""
        assert _short_names([f"{DEEP}/resume.pdf"]) == {f"{DEEP}/resume.pdf": "resume.pdf"}

    def test_equal_names_keep_parent_folders(self) -> None:
        """Files of the same name get as many parent folders as it takes to tell them apart."""
        names = _short_names(["/a/x/cv.pdf", "/a/y/cv.pdf", "/b/x/cv.pdf", "/b/z.pdf"])
        assert names == {
            "/a/x/cv.pdf": "a/x/cv.pdf",
            "/a/y/cv.pdf": "y/cv.pdf",
            "/b/x/cv.pdf": "b/x/cv.pdf",
            "/b/z.pdf": "z.pdf",
        }

    def test_names_without_folders(self) -> None:
        """Names given for bytes or text stay as they are."""
        assert _short_names(["pasted text", "resume.txt"]) == {
            "pasted text": "pasted text",
            "resume.txt": "resume.txt",
        }


class TestTerminalTable:
    """`render_ranking_terminal` on long paths."""

    def test_fits_80_columns(self) -> None:
        """No line of the table is wider than the console."""
        lines = table([ranked(1, f"{DEEP}/resume.pdf"), ranked(2, f"{DEEP}/cv.docx")])
        assert max(len(line) for line in lines) <= 80

    def test_rows_show_whole_names_not_paths(self) -> None:
        """Each row shows its file name on one line, and no folder of the long path."""
        lines = table([ranked(1, f"{DEEP}/resume.pdf"), ranked(2, f"{DEEP}/x/cv.docx")])
        rows = [line for line in lines if line.split("│")[0].strip().isdigit()]
        assert [row.split("│")[1].strip() for row in rows] == ["resume.pdf", "cv.docx"]
        assert "long folder" not in "\n".join(lines)

    def test_unreadable_line_names_the_file(self) -> None:
        """An unreadable file's line opens with its name and the error class."""
        error = RankedResult(
            rank=2,
            index=1,
            source=f"{DEEP}/old.doc",
            error=RankError(
                type="UnsupportedFormatError",
                message="old.doc: a legacy Microsoft Office (OLE) file",
                source=f"{DEEP}/old.doc",
            ),
        )
        lines = table([ranked(1, f"{DEEP}/resume.pdf"), error])
        (line,) = [x for x in lines if x.startswith("unreadable")]
        assert line.startswith("unreadable old.doc: UnsupportedFormatError")
