"""Section heading synonyms: load them from the vocabulary and match a line against them.

Kept apart from the parsers so the taxonomy loader, the resume parser and the job parser all
normalise a heading the same way ("— WORK EXPERIENCE —", "2. Work experience:" and
"W O R K  E X P E R I E N C E" are one heading).
"""

from __future__ import annotations

import functools
import re
import threading
import tomllib
from collections.abc import Mapping, Sequence

from atsmatch._resources import bundled_vocab_dir

__all__ = ["HeadingIndex", "heading_key", "load_headings"]

_lock = threading.Lock()
_cache: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] | None = None

# Icon fonts come out as "(cid:NNN)" or private-use code points.
_ICONS = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\U000f0000-\U000fffff]")
_MARKDOWN = re.compile(r"^#{1,6}\s*|\*\*|__")
_NUMBERING = re.compile(r"^(?:\d{1,2}|[ivxIVX]{1,4}|[A-Za-z])[.)]\s+")
_EDGE = " \t-–—_=|:•*#~.·>»«<()[]/\\+"
_SPACED_GROUP = re.compile(r"(?:\S ){1,}\S")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@functools.lru_cache(maxsize=4096)  # asked two or three times per short line while parsing
def heading_key(text: str) -> str:
    """The lookup form of a heading: lowercase, undecorated, "&" as "and", letter spacing undone."""
    text = _ICONS.sub(" ", text)
    text = _MARKDOWN.sub("", text.strip())
    text = text.strip(_EDGE)
    text = _NUMBERING.sub("", text)
    groups = re.split(r"\s{2,}", text)
    if len(groups) >= 1 and all(_SPACED_GROUP.fullmatch(g) for g in groups if g):
        text = " ".join(g.replace(" ", "") for g in groups)
    text = text.translate(_APOSTROPHES).replace("&", " and ").replace("+", " and ")
    return _SPACES.sub(" ", text).strip(_EDGE).lower()


class HeadingIndex:
    """Synonym -> kind lookup for one heading map (resume or job)."""

    @classmethod
    def of(
        cls, headings: Mapping[str, Sequence[str]], kinds: frozenset[str] | None = None
    ) -> HeadingIndex:
        """The index of a heading map, built once per map object (maps are never mutated)."""
        key = (id(headings), kinds)
        cached = _indexes.get(key)
        if cached is None or cached[0] is not headings:
            selected = {k: v for k, v in headings.items() if kinds is None or k in kinds}
            cached = (headings, cls(selected))
            with _lock:
                _indexes[key] = cached
        return cached[1]

    def __init__(self, headings: Mapping[str, Sequence[str]]) -> None:
        self.keys = frozenset(heading_key(s) for v in headings.values() for s in v)
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


# Built indexes, keyed by the identity of the map they index; the map is kept alive with them.
_indexes: dict[
    tuple[int, frozenset[str] | None], tuple[Mapping[str, Sequence[str]], HeadingIndex]
] = {}


def load_headings() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The bundled resume and job heading maps from `vocab/lexicon/headings.toml` (cached)."""
    global _cache
    with _lock:
        if _cache is None:
            path = bundled_vocab_dir() / "lexicon" / "headings.toml"
            with path.open("rb") as handle:
                data = tomllib.load(handle)
            _cache = (_section_map(data.get("resume", {})), _section_map(data.get("job", {})))
        return _cache


def _section_map(table: object) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        return {}
    return {
        str(kind): tuple(str(s) for s in synonyms)
        for kind, synonyms in table.items()
        if isinstance(synonyms, list)
    }
