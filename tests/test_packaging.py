"""The wheel ships the vocabulary and the typing marker, and nothing from the source tree leaks."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """A wheel built from this checkout (no network: the build backend is installed)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "--quiet", "--wheel-dir", str(out)],
        check=True,
    )  # fmt: skip
    (path,) = out.glob("atsmatch-*.whl")
    return zipfile.ZipFile(path)


class TestWheel:
    def test_vocab_inside(self, wheel: zipfile.ZipFile) -> None:
        """Every vocabulary file of the source tree is in the wheel under atsmatch/vocab."""
        names = set(wheel.namelist())
        expected = {
            "atsmatch/vocab/" + p.relative_to(ROOT / "vocab").as_posix()
            for p in (ROOT / "vocab").rglob("*")
            if p.is_file()
        }
        assert "atsmatch/vocab/manifest.toml" in expected
        assert expected <= names

    def test_templates_inside(self, wheel: zipfile.ZipFile) -> None:
        """The HTML templates, stylesheet and script ship in the package."""
        names = set(wheel.namelist())
        expected = {
            "atsmatch/" + p.relative_to(ROOT / "src" / "atsmatch").as_posix()
            for p in (ROOT / "src" / "atsmatch" / "render" / "templates").iterdir()
        }
        assert "atsmatch/render/templates/match.html.j2" in expected
        assert expected <= names

    def test_typed_and_entry_point(self, wheel: zipfile.ZipFile) -> None:
        """The wheel is marked typed and installs the `atsmatch` command."""
        names = wheel.namelist()
        assert "atsmatch/py.typed" in names
        (entry_points,) = [n for n in names if n.endswith("entry_points.txt")]
        assert "atsmatch = atsmatch.__main__:run" in wheel.read(entry_points).decode()

    def test_no_tests_or_tools(self, wheel: zipfile.ZipFile) -> None:
        """Tests, tools and examples stay out of the wheel."""
        tops = {Path(n).parts[0] for n in wheel.namelist()}
        assert tops <= {"atsmatch", next(t for t in tops if t.endswith(".dist-info"))}
