"""Section heading synonyms: the indexes a taxonomy's heading maps make, and matching a line.

Kept apart from the parsers so the resume parser and the job parser normalise a heading the same
way ("— WORK EXPERIENCE —", "2. Work experience:" and "W O R K  E X P E R I E N C E" are one
heading). The synonyms come from the taxonomy (`vocab/lexicon/headings.toml`, validated with
the rest of the vocabulary); their indexes are built once per taxonomy (`Headings.of`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, get_args

from atsmatch.models import SectionKind

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = ["HeadingIndex", "Headings", "heading_key"]

_SECTION_KINDS: frozenset[str] = frozenset(get_args(SectionKind))

# Icon fonts come out as "(cid:NNN)" or private-use code points.
_ICONS = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\U000f0000-\U000fffff]")
_MARKDOWN = re.compile(r"^#{1,6}\s*|\*\*|__")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[ivxIVX]{1,4}|[A-Za-z])[.)]\s+")
_EDGE = " \t-–—_=|:•*#~.·>»«<()[]/\\+"
_SPACED_GROUP = re.compile(r"(?:\S ){1,}\S")
_SPACES = re.compile(r"\s+")
_GROUPS = re.compile(r"\s{2,}")  # the gaps between letter-spaced words ("S K I L L S  A N D")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@functools.lru_cache(maxsize=4096)  # asked two or three times per short line while parsing
def heading_key(text: str) -> str:
    """The lookup form of a heading: lowercase, undecorated, "&" as "and", letter spacing undone."""
    text = _ICONS.sub(" ", text)
    text = _MARKDOWN.sub("", text.strip())
    text = text.strip(_EDGE)
    text = _NUMBERING.sub("", text)
    groups = _GROUPS.split(text)
    if len(groups) >= 1 and all(_SPACED_GROUP.fullmatch(g) for g in groups if g):
        text = " ".join(g.replace(" ", "") for g in groups)
    text = text.translate(_APOSTROPHES).replace("&", " and ").replace("+", " and ")
    return _SPACES.sub(" ", text).strip(_EDGE).lower()


class HeadingIndex:
    """Synonym -> kind lookup for one heading map (resume or job)."""

    def __init__(self, headings: Mapping[str, Sequence[str]]) -> None:
        self._exact: dict[str, str] = {}
        for kind, synonyms in headings.items():
            self._exact.setdefault(heading_key(kind), kind)
            for synonym in synonyms:
                key = heading_key(synonym)
                if key:
                    self._exact[key] = kind
        self._longest = max((len(k.split()) for k in self._exact), default=0)

    def exact(self, text: str) -> str | None:
        """The kind whose synonym is exactly this heading, or None."""
        return self._exact.get(heading_key(text))

    def within(self, text: str) -> str | None:
        """The kind of the longest synonym found as whole words inside the heading, or None.

        For decorated headings such as "Relevant Work Experience & Internships"; callers use it
        only on lines whose typography already says "heading".
        """
        words = heading_key(text).split()
        for size in range(min(self._longest, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                kind = self._exact.get(" ".join(words[start : start + size]))
                if kind is not None:
                    return kind
        return None


@dataclass(frozen=True, slots=True)
class Headings:
    """The heading indexes of one taxonomy: resume sections, every resume heading, job blocks."""

    resume: HeadingIndex  # the kinds that are a `SectionKind`
    resume_keys: frozenset[str]  # every resume heading of any kind: never a person's name
    job: HeadingIndex

    @staticmethod
    def of(taxonomy: Taxonomy | None = None) -> Headings:
        """The indexes of `taxonomy`'s headings (the bundled vocabulary's by default).

        Built on first use and kept with the taxonomy (`Taxonomy.derived`), so every document
        parsed with one taxonomy shares them and they go when the taxonomy goes.
        """
        if taxonomy is None:
            from atsmatch.taxonomy import load_taxonomy

            taxonomy = load_taxonomy()
        return taxonomy.derived(_build_headings)


def _build_headings(taxonomy: Taxonomy) -> Headings:
    resume = taxonomy.resume_headings
    return Headings(
        resume=HeadingIndex({k: v for k, v in resume.items() if k in _SECTION_KINDS}),
        resume_keys=frozenset(heading_key(s) for v in resume.values() for s in v),
        job=HeadingIndex(taxonomy.job_headings),
    )
