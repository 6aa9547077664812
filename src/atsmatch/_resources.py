"""Locate the bundled vocabulary: `atsmatch/vocab` in a wheel, `vocab/` in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["bundled_vocab_dir"]


def bundled_vocab_dir() -> Path:
    """The directory of the vocabulary shipped with atsmatch."""
    packaged = Path(str(resources.files("atsmatch"))) / "vocab"
    if packaged.is_dir():
        return packaged
    # Editable install / source checkout: src/atsmatch/../../vocab
    return Path(__file__).resolve().parents[2] / "vocab"
