"""The public surface: `__all__` lists exactly the public names, and they resolve."""

from __future__ import annotations

import subprocess
import sys

import atsmatch


class TestExports:
    def test_all_is_sorted_and_complete(self) -> None:
        """`__all__` is sorted and every name in it resolves."""
        assert atsmatch.__all__ == sorted(atsmatch.__all__)
        for name in atsmatch.__all__:
            assert getattr(atsmatch, name) is not None

    def test_no_private_names_exported(self) -> None:
        """Nothing private leaks into `__all__`."""
        assert all(not n.startswith("_") or n == "__version__" for n in atsmatch.__all__)

    def test_unknown_name_raises_attribute_error(self) -> None:
        """A typo gets an AttributeError, like any module."""
        try:
            atsmatch.not_a_name  # noqa: B018
        except AttributeError as exc:
            assert "not_a_name" in str(exc)
        else:
            raise AssertionError("expected AttributeError")

    def test_import_is_light(self) -> None:
        """`import atsmatch` loads neither spaCy nor pdfminer nor pydantic."""
        code = (
            "import sys, atsmatch; heavy = ('spacy', 'pdfminer', 'pydantic', 'docx'); "
            "print(sorted(m for m in heavy if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"

    def test_version_from_metadata(self) -> None:
        """`__version__` (written once, read by the build) agrees with the installed metadata."""
        from importlib.metadata import version

        assert atsmatch.__version__ == version("atsmatch")
