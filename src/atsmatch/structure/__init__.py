"""Document structure: resume sections, contact, roles, dates and bullets; job requirement blocks.

`parse_resume` and `parse_job` take a `Document` from `atsmatch.documents.read_document` (or one
built by hand) and return the models of `atsmatch.models`. Heading synonyms come from
the bundled taxonomy unless another taxonomy's `Headings.of(taxonomy)` is passed in.
"""

from __future__ import annotations

from atsmatch.structure.dates import DateRange, find_date_range
from atsmatch.structure.headings import Headings
from atsmatch.structure.job import find_years, parse_job
from atsmatch.structure.resume import parse_resume

__all__ = [
    "DateRange",
    "Headings",
    "find_date_range",
    "find_years",
    "parse_job",
    "parse_resume",
]
