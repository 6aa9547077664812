"""Shared fixtures: the example files, the shared corpus, one compiled matcher per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("ATSMATCH_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def matcher():  # type: ignore[no-untyped-def]
    """One compiled matcher for the whole run, as a backend would keep it."""
    from atsmatch import Matcher

    return Matcher()


@pytest.fixture(scope="session")
def taxonomy(matcher):  # type: ignore[no-untyped-def]
    """The bundled vocabulary."""
    return matcher.taxonomy


@pytest.fixture(scope="session")
def extractor(matcher):  # type: ignore[no-untyped-def]
    """The compiled extractor of the bundled vocabulary."""
    return matcher.extractor


def needs_corpus(path: Path) -> Path:
    """The corpus file, or a test failure naming what is missing (CI always has ../shared)."""
    if not path.exists():
        pytest.fail(f"corpus file missing: {path} (set ATSMATCH_SHARED to the shared/ folder)")
    return path
