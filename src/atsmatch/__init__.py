"""atsmatch: offline, explainable resume / job matching for ML, data, cloud and MLOps roles.

>>> import atsmatch
>>> report = atsmatch.match(Path("resume.pdf"), Path("job.txt"))  # doctest: +SKIP
>>> report.score, [m.name for m in report.missing[:3]]  # doctest: +SKIP

Public names are loaded on first use, so `import atsmatch` (and the CLI's `--help`) stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# The one place the version is written: the build reads it from here (pyproject's
# [tool.hatch.version]), so the package metadata always agrees, and importing atsmatch does
# not pay ~30 ms for importlib.metadata.
__version__ = "0.1.0"

if TYPE_CHECKING:
    from atsmatch._api import (
        Matcher,
        check,
        extract_skills,
        match,
        parse_job,
        parse_resume,
        roadmap,
    )
    from atsmatch.batch import iter_rank, iter_rank_jobs, rank, rank_jobs
    from atsmatch.documents import read_document
    from atsmatch.errors import (
        AtsmatchError,
        CorruptDocumentError,
        DocumentError,
        EncryptedDocumentError,
        LimitExceededError,
        NoTextLayerError,
        RoadmapInputError,
        TaxonomyError,
        TaxonomyValidationError,
        UnknownRoleError,
        UnsupportedFormatError,
    )
    from atsmatch.limits import Limits
    from atsmatch.models import (
        Document,
        JobPosting,
        MatchReport,
        MissingKeyword,
        ParseReport,
        RankedResult,
        RankError,
        Resume,
        Roadmap,
        SkillHit,
    )
    from atsmatch.taxonomy import Taxonomy, load_taxonomy

_LAZY = {
    "AtsmatchError": "atsmatch.errors",
    "CorruptDocumentError": "atsmatch.errors",
    "Document": "atsmatch.models",
    "DocumentError": "atsmatch.errors",
    "EncryptedDocumentError": "atsmatch.errors",
    "JobPosting": "atsmatch.models",
    "LimitExceededError": "atsmatch.errors",
    "Limits": "atsmatch.limits",
    "MatchReport": "atsmatch.models",
    "Matcher": "atsmatch._api",
    "MissingKeyword": "atsmatch.models",
    "NoTextLayerError": "atsmatch.errors",
    "ParseReport": "atsmatch.models",
    "RankError": "atsmatch.models",
    "RankedResult": "atsmatch.models",
    "Resume": "atsmatch.models",
    "Roadmap": "atsmatch.models",
    "RoadmapInputError": "atsmatch.errors",
    "SkillHit": "atsmatch.models",
    "Taxonomy": "atsmatch.taxonomy",
    "TaxonomyError": "atsmatch.errors",
    "TaxonomyValidationError": "atsmatch.errors",
    "UnknownRoleError": "atsmatch.errors",
    "UnsupportedFormatError": "atsmatch.errors",
    "check": "atsmatch._api",
    "extract_skills": "atsmatch._api",
    "iter_rank": "atsmatch.batch",
    "iter_rank_jobs": "atsmatch.batch",
    "load_taxonomy": "atsmatch.taxonomy",
    "match": "atsmatch._api",
    "parse_job": "atsmatch._api",
    "parse_resume": "atsmatch._api",
    "rank": "atsmatch.batch",
    "rank_jobs": "atsmatch.batch",
    "read_document": "atsmatch.documents",
    "roadmap": "atsmatch._api",
}

__all__ = [
    "AtsmatchError",
    "CorruptDocumentError",
    "Document",
    "DocumentError",
    "EncryptedDocumentError",
    "JobPosting",
    "LimitExceededError",
    "Limits",
    "MatchReport",
    "Matcher",
    "MissingKeyword",
    "NoTextLayerError",
    "ParseReport",
    "RankError",
    "RankedResult",
    "Resume",
    "Roadmap",
    "RoadmapInputError",
    "SkillHit",
    "Taxonomy",
    "TaxonomyError",
    "TaxonomyValidationError",
    "UnknownRoleError",
    "UnsupportedFormatError",
    "__version__",
    "check",
    "extract_skills",
    "iter_rank",
    "iter_rank_jobs",
    "load_taxonomy",
    "match",
    "parse_job",
    "parse_resume",
    "rank",
    "rank_jobs",
    "read_document",
    "roadmap",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'atsmatch' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
