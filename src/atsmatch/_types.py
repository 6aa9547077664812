"""The input types of the public API, spelled once (as httpx's `_types.py` does).

A `str` is always text, never a path guess; a path is a `Path` (any `os.PathLike`); `bytes`
are file content; a `Document` has been read already. A parsed `Resume` or `JobPosting` may
stand in for its side of a match.
"""

from __future__ import annotations

import os
from typing import TypeAlias

from atsmatch.models import Document, JobPosting, Resume

__all__ = ["DocumentInput", "JobInput", "ResumeInput"]

DocumentInput: TypeAlias = str | bytes | os.PathLike[str] | Document
ResumeInput: TypeAlias = DocumentInput | Resume
JobInput: TypeAlias = DocumentInput | JobPosting
