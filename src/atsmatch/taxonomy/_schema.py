"""The records of the vocabulary files, as strict, frozen pydantic models.

One model per record, used both to read the files and at run time: a typo in a key is an error
instead of a silently ignored field, and a loaded record cannot be changed. Sequences are tuples
(TOML arrays are accepted for them) so records hash and compare by value.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata
from typing import Annotated, Literal, NamedTuple, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict

__all__ = [
    "CERTIFICATION_FIELDS",
    "PARENT_RELATIONS",
    "RELATED_RELATIONS",
    "SCHEMA_VERSION",
    "BuzzwordsFile",
    "CertificationLevel",
    "Coverage",
    "HeadingsFile",
    "LadderStep",
    "Manifest",
    "OverlayManifest",
    "ParentRelation",
    "RelatedRelation",
    "Relation",
    "RoleProfile",
    "Skill",
    "Verb",
    "VerbsFile",
    "WeakOpenersFile",
    "WeightedSkill",
    "normalize_form",
]

SCHEMA_VERSION = 1
PARENT_RELATIONS = ("part_of", "implements", "built_on", "is_a")
RELATED_RELATIONS = ("equivalent_to", "alternative_to", "complements")

_T = TypeVar("_T")
# A TOML array read into a tuple; the items stay strict.
_Tuple = Annotated[tuple[_T, ...], Strict(False)]

CertificationLevel = Literal["foundational", "associate", "professional", "specialty", "expert"]


@functools.lru_cache(maxsize=65536)  # every form is normalised several times while loading
def normalize_form(text: str) -> str:
    """Key under which two surface forms count as the same: NFKC, casefold, single spaces.

    Hyphens and punctuation are kept on purpose: "C++", "C#" and "C" must stay three forms.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Relation(_Record):
    """An edge to another skill: a parent (`part_of`, ...) or a related skill with a weight."""

    id: str
    rel: str
    weight: float = Field(default=1.0, ge=0.0, le=1.0)


class ParentRelation(Relation):
    """A parent edge as written in a skill file: one of `PARENT_RELATIONS`."""

    rel: Literal["part_of", "implements", "built_on", "is_a"]


class RelatedRelation(Relation):
    """A related edge as written in a skill file: one of `RELATED_RELATIONS`, weight required."""

    rel: Literal["equivalent_to", "alternative_to", "complements"]
    weight: float = Field(ge=0.0, le=1.0)


def _bare_id(value: object) -> object:
    return {"id": value} if isinstance(value, str) else value


class Coverage(_Record):
    """A skill a certification covers, with its share of the exam where the vendor states it.

    Written as a bare id (`"mlops"`) or a table (`{ id = "mlops", weight = 0.3 }`).
    """

    id: str
    weight: float | None = Field(default=None, gt=0.0, le=1.0)


class Skill(_Record):
    """One vocabulary entry: a skill, tool, concept or certification.

    The certification fields (`issuer` is the vendor, `code` the exam code) are optional and only
    allowed on entries of the `certification` category; `CERTIFICATION_FIELDS` lists them.
    """

    id: str
    name: str = Field(min_length=1)
    category: str
    aliases: _Tuple[str] = ()
    case_sensitive: _Tuple[str] = ()
    context: _Tuple[str] = ()
    parents: _Tuple[ParentRelation] = ()
    related: _Tuple[RelatedRelation] = ()
    vendor: str | None = None
    subcategory: str | None = None
    status: Literal["active", "retired"] = "active"
    retired_on: datetime.date | None = None
    superseded_by: _Tuple[str] = ()
    sources: _Tuple[str] = ()
    issuer: str | None = None
    code: str | None = None
    covers: _Tuple[Annotated[Coverage, BeforeValidator(_bare_id)]] = ()
    level: CertificationLevel | None = None
    prerequisites: _Tuple[str] = ()  # certifications to hold first
    recommended_after: _Tuple[str] = ()  # certifications usually taken first, not required
    prep_weeks: float | None = Field(default=None, gt=0.0, le=104.0)  # > 2 years: a typo
    cost_usd: float | None = Field(default=None, ge=0.0)  # only where the vendor states it
    sources_note: str | None = Field(default=None, min_length=1)  # exam page, date checked

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form: the name (unless case-sensitive), aliases, case-sensitive forms."""
        head = () if self.name in self.case_sensitive else (self.name,)
        return head + self.aliases + self.case_sensitive


# Set on an entry of another category, these are mistakes.
CERTIFICATION_FIELDS = (
    "issuer",
    "code",
    "covers",
    "level",
    "prerequisites",
    "recommended_after",
    "prep_weeks",
    "cost_usd",
    "sources_note",
)


class WeightedSkill(NamedTuple):
    """A skill of a role profile with its weight; written `{ id = "python", weight = 3 }`."""

    id: str
    weight: Annotated[float, Field(gt=0.0, le=10.0)]


class LadderStep(_Record):
    """One rung of a role's seniority ladder: a title and the years of experience it usually takes.

    Written `{ title = "Senior ML Engineer", min_years = 5, max_years = 8 }`; the top rung may
    leave `max_years` out ("12+ years").
    """

    title: str = Field(min_length=1)
    min_years: float = Field(ge=0.0, le=50.0)
    max_years: float | None = Field(default=None, gt=0.0, le=60.0)


class RoleProfile(_Record):
    """A role usable in place of a job posting: weighted core and nice-to-have skills, the
    certifications that fit it and its seniority ladder (junior first)."""

    id: str
    name: str = Field(min_length=1)
    aliases: _Tuple[str] = ()
    core: _Tuple[WeightedSkill] = Field(min_length=1)
    nice: _Tuple[WeightedSkill] = ()
    certifications: _Tuple[str] = ()
    summary: str | None = Field(default=None, min_length=1)  # one line for `atsmatch roles`
    ladder: _Tuple[LadderStep] = ()


class Verb(_Record):
    """An action verb for resume bullets: present (base) and past form, strength tier."""

    base: str
    past: str
    tier: Literal["strong", "medium"]


class _Source(_Record):
    id: str
    name: str
    licence: str
    url: str | None = None
    version: str | None = None
    attribution: str | None = None


class Manifest(_Record):
    """`manifest.toml` of a full vocabulary: its versions, categories and sources."""

    schema_version: int
    version: str
    categories: list[str]
    sources: list[_Source] = Field(default_factory=list)


class OverlayManifest(_Record):
    """An overlay's manifest may add categories and sources; nothing is required."""

    schema_version: int = SCHEMA_VERSION
    version: str | None = None
    categories: list[str] = Field(default_factory=list)
    sources: list[_Source] = Field(default_factory=list)


class HeadingsFile(_Record):
    """`lexicon/headings.toml`: section kind -> heading synonyms, for resumes and postings."""

    resume: dict[str, list[str]] = Field(default_factory=dict)
    job: dict[str, list[str]] = Field(default_factory=dict)


class VerbsFile(_Record):
    """`lexicon/verbs.toml`: present -> past form, per strength tier."""

    strong: dict[str, str] = Field(default_factory=dict)
    medium: dict[str, str] = Field(default_factory=dict)


class WeakOpenersFile(_Record):
    """`lexicon/weak_openers.toml`: weak bullet opener -> suggested replacement."""

    weak_openers: dict[str, str]


class _BuzzGroup(_Record):
    hint: str = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)


class BuzzwordsFile(_Record):
    """`lexicon/buzzwords.toml`: groups of phrases sharing one hint."""

    group: list[_BuzzGroup]
