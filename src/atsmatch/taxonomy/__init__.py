"""Load and validate the vocabulary (`vocab/`) into an immutable, thread-safe `Taxonomy`.

The files are plain TOML checked by the strict pydantic models of `_schema` (a typo in a key is
an error, not a silently ignored field), read in one place (`_load`), and checked together
(`_validate`): every problem in every file is raised once as `TaxonomyValidationError`, each issue
as `"file: entry id: message"`. The walks of the skill graph live in `_graph`.

User overlays (a directory with the same layout, or one `.toml` file of skills) are laid over the
bundled vocabulary: an entry with an existing id replaces the bundled one.

>>> tax = load_taxonomy()
>>> tax.skills["pytorch"].name
'PyTorch'
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar, get_args

from atsmatch.errors import TaxonomyError
from atsmatch.taxonomy._graph import SkillGraph
from atsmatch.taxonomy._load import Layer, Vocabulary, merge_layers, read_layers, resolve_layers
from atsmatch.taxonomy._schema import (
    PARENT_RELATIONS,
    RELATED_RELATIONS,
    SCHEMA_VERSION,
    CertificationLevel,
    Relation,
    RoleProfile,
    Skill,
    Verb,
    normalize_form,
)
from atsmatch.taxonomy._validate import Issues, check_vocabulary

_T = TypeVar("_T")

LoadedFrom = tuple[tuple[str, ...], str | None]
"""The overlay paths and `base` a taxonomy was loaded with: `load_taxonomy(*overlays, base=base)`
builds an equal one in another process (worker processes get this, never a compiled taxonomy)."""

__all__ = [
    "PARENT_RELATIONS",
    "RELATED_RELATIONS",
    "SCHEMA_VERSION",
    "LoadedFrom",
    "Relation",
    "RoleProfile",
    "Skill",
    "Taxonomy",
    "Verb",
    "load_taxonomy",
    "normalize_form",
    "validate_vocab",
]


# weakref_slot: a service can watch a dropped overlay go.
@dataclass(frozen=True, slots=True, weakref_slot=True, eq=False, repr=False)
class Taxonomy:
    """The loaded vocabulary: skills, roles, lexicon and lookup indices. Read-only, thread-safe.

    Lexicon shapes: `verbs` maps each base (present) form to its `Verb`; `verb_forms` maps every
    casefolded form, present and past, to its `Verb`; `weak_openers` maps a weak phrase to a
    suggested replacement; `buzzwords` maps a phrase to a hint on what to write instead.
    `alias_index` maps `normalize_form(form)` of every case-insensitive form (names, aliases) to
    a skill id; `case_sensitive_index` maps each exact case-sensitive form to its skill id.
    Equal only to itself: two loads of the same files are two taxonomies, each with its own
    `derived` state.
    """

    version: str
    schema_version: int
    categories: tuple[str, ...]
    skills: Mapping[str, Skill]
    roles: Mapping[str, RoleProfile]
    resume_headings: Mapping[str, tuple[str, ...]]
    job_headings: Mapping[str, tuple[str, ...]]
    verbs: Mapping[str, Verb]
    verb_forms: Mapping[str, Verb]
    weak_openers: Mapping[str, str]
    buzzwords: Mapping[str, str]
    alias_index: Mapping[str, str]
    case_sensitive_index: Mapping[str, str]
    _graph: SkillGraph
    _derived: dict[Callable[[Taxonomy], object], object] = field(init=False, default_factory=dict)
    # Reentrant: a build may ask for another derived part.
    _derived_lock: threading.RLock = field(init=False, default_factory=threading.RLock)
    # Set by load_taxonomy: how another process loads an equal taxonomy.
    loaded_from: LoadedFrom | None = field(init=False, default=None)

    def __repr__(self) -> str:
        return f"<Taxonomy {self.version}: {len(self.skills)} skills, {len(self.roles)} roles>"

    def derived(self, build: Callable[[Taxonomy], _T]) -> _T:
        """What `build(self)` makes from this vocabulary, built once and kept as long as it lives.

        The one home of compiled state (extractor, lexicons, indexes): it dies with the taxonomy,
        so a service that loads an overlay per request keeps nothing of the ones it dropped.
        """
        found = self._derived.get(build)
        if found is None:
            with self._derived_lock:
                found = self._derived.get(build)
                if found is None:
                    found = self._derived[build] = build(self)
        return found  # type: ignore[return-value]  # keyed by its builder, so of its type

    def children(self, skill_id: str) -> tuple[str, ...]:
        """Ids of the skills that list `skill_id` among their parents (any relation)."""
        return self._graph.children(skill_id)

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        """Every skill reachable through parents, nearest first (the parent graph is a DAG)."""
        return self._graph.ancestors(skill_id)

    def descendants(self, skill_id: str) -> tuple[str, ...]:
        """Every skill below `skill_id` through children, nearest first."""
        return self._graph.descendants(skill_id)

    def neighbours(self, skill_id: str) -> tuple[str, ...]:
        """Skills near `skill_id` that show related work: every more specific skill (nearest
        first), the related ones, siblings of the same category, then the parents."""
        return self._graph.neighbours(skill_id)

    def related_to(self, skill_id: str) -> tuple[Relation, ...]:
        """Related skills, whichever side declared the edge; highest weight first."""
        return self._graph.related_to(skill_id)

    def certifications_covering(self, skill_id: str) -> tuple[Skill, ...]:
        """Certifications whose `covers` lists `skill_id`; active ones first."""
        return self._graph.certifications_covering(skill_id)

    def lookup(self, term: str) -> Skill | None:
        """The skill a term names exactly: an id, an exact case-sensitive form, or a name/alias."""
        sid = self.case_sensitive_index.get(term.strip())
        if sid is None:
            sid = self.alias_index.get(normalize_form(term))
        if sid is None and term.strip() in self.skills:
            sid = term.strip()
        return self.skills.get(sid) if sid else None

    def search(self, term: str, *, limit: int = 10) -> list[Skill]:
        """Skills matching `term`: the exact match first, then fuzzy matches on names and aliases.

        Fuzzy scores use `fuzz.ratio` (and `fuzz.partial_ratio` against longer forms, for terms
        of 4+ characters) on casefolded text, never rapidfuzz's default processor, which would
        turn "C++" into "c".
        """
        query = normalize_form(term)
        if not query or limit <= 0:
            return []
        found: dict[str, float] = {}
        exact = self.lookup(term)
        if exact is not None:
            found[exact.id] = 1000.0
        from rapidfuzz import fuzz

        keys, owners = self.derived(_search_choices)
        long_query = len(query) >= 4
        for key, owner in zip(keys, owners, strict=True):
            score = fuzz.ratio(query, key)
            if long_query and len(key) > len(query):  # "spark" inside "apache spark"
                score = max(score, 0.9 * fuzz.partial_ratio(query, key))
            if score >= 60 and score > found.get(owner, -1.0):
                found[owner] = score
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.skills[sid] for sid, _ in ranked[:limit]]

    def stats(self) -> dict[str, object]:
        """Counts for `atsmatch vocab stats` and for tests that pin the vocabulary's size."""
        per_category = dict.fromkeys(self.categories, 0)
        for s in self.skills.values():
            per_category[s.category] = per_category.get(s.category, 0) + 1
        certs = [s for s in self.skills.values() if s.category == "certification"]
        parent_edges = sum(len(s.parents) for s in self.skills.values())
        related_edges = sum(len(s.related) for s in self.skills.values())
        return {
            "version": self.version,
            "schema_version": self.schema_version,
            "skills": len(self.skills),
            "categories": per_category,
            "aliases": sum(len(s.aliases) + len(s.case_sensitive) for s in self.skills.values()),
            "forms": len(self.alias_index) + len(self.case_sensitive_index),
            "parent_edges": parent_edges,
            "related_edges": related_edges,
            "edges": parent_edges + related_edges,
            "certifications": len(certs),
            "retired_certifications": sum(1 for c in certs if c.status == "retired"),
            "certification_levels": {
                level or "no level": count
                for level in (*get_args(CertificationLevel), None)
                if (count := sum(1 for c in certs if c.level == level))
            },
            "roles": len(self.roles),
            "verbs": len(self.verbs),
            "weak_openers": len(self.weak_openers),
            "buzzwords": len(self.buzzwords),
            "resume_headings": sum(len(v) for v in self.resume_headings.values()),
            "job_headings": sum(len(v) for v in self.job_headings.values()),
        }


def _search_choices(taxonomy: Taxonomy) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Every (normalised form, skill id) pair, sorted: what `search` scores a term against."""
    pairs = sorted({(normalize_form(f), s.id) for s in taxonomy.skills.values() for f in s.forms})
    return tuple(p[0] for p in pairs), tuple(p[1] for p in pairs)


def _assemble(vocab: Vocabulary) -> Taxonomy:
    """The `Taxonomy` of a merged, valid vocabulary, with its lookup indices."""
    by_id = {sid: vocab.skills[sid].value for sid in sorted(vocab.skills)}
    aliases: dict[str, str] = {}
    exact: dict[str, str] = {}
    for s in by_id.values():
        for form in s.forms:
            if form in s.case_sensitive:
                exact.setdefault(form, s.id)
            else:
                aliases.setdefault(normalize_form(form), s.id)
    verbs = [vocab.verbs[base] for base in sorted(vocab.verbs)]
    verb_forms: dict[str, Verb] = {}
    for v in verbs:
        verb_forms.setdefault(normalize_form(v.base), v)
        verb_forms.setdefault(normalize_form(v.past), v)
    return Taxonomy(
        version=vocab.version,
        schema_version=vocab.schema_version,
        categories=vocab.categories,
        skills=MappingProxyType(by_id),
        roles=MappingProxyType({rid: vocab.roles[rid].value for rid in sorted(vocab.roles)}),
        resume_headings=MappingProxyType(dict(vocab.resume_headings)),
        job_headings=MappingProxyType(dict(vocab.job_headings)),
        verbs=MappingProxyType({v.base: v for v in verbs}),
        verb_forms=MappingProxyType(verb_forms),
        weak_openers=MappingProxyType(dict(vocab.weak_openers)),
        buzzwords=MappingProxyType(dict(vocab.buzzwords)),
        alias_index=MappingProxyType(aliases),
        case_sensitive_index=MappingProxyType(exact),
        _graph=SkillGraph(by_id),
    )


def _build(layers: list[Layer]) -> tuple[Taxonomy | None, Issues]:
    """Read every layer, merge, validate; the taxonomy (if clean) and all issues."""
    issues = Issues()
    files = read_layers(layers, issues)
    vocab = merge_layers(files, overlaid=len(layers) > 1)
    check_vocabulary(files, vocab, issues)
    return (None if issues.items else _assemble(vocab)), issues


def _load(
    extra: tuple[str | os.PathLike[str], ...], base: str | os.PathLike[str] | None
) -> Taxonomy:
    taxonomy, issues = _build(resolve_layers(extra, base))
    issues.raise_any()
    assert taxonomy is not None
    recipe = (tuple(os.fspath(p) for p in extra), None if base is None else os.fspath(base))
    object.__setattr__(taxonomy, "loaded_from", recipe)
    return taxonomy


_bundled_lock = threading.Lock()


@functools.cache
def _load_bundled() -> Taxonomy:
    return _load((), None)


def load_taxonomy(
    *extra: str | os.PathLike[str], base: str | os.PathLike[str] | None = None
) -> Taxonomy:
    """The bundled vocabulary, with overlay directories or `.toml` files laid over it in order.

    `base` replaces the bundled vocabulary with another full vocabulary directory (one with a
    `manifest.toml`). Without overlays or `base` the result is cached: every call returns the
    same shared object. Raises `TaxonomyValidationError` listing every problem, `TaxonomyError`
    for a path that is neither a directory nor a `.toml` file.

    >>> load_taxonomy().lookup("sklearn").name
    'scikit-learn'
    """
    if not extra and base is None:
        with _bundled_lock:  # concurrent first calls wait for one load
            return _load_bundled()
    return _load(tuple(extra), base)


def validate_vocab(
    *paths: str | os.PathLike[str], base: str | os.PathLike[str] | None = None
) -> list[str]:
    """Every problem in the bundled vocabulary (or `base`) plus overlay `paths`, one per line.

    Lines read `file: entry id: message`; an empty list means the vocabulary loads cleanly.
    Used by `atsmatch vocab check`.
    """
    try:
        _, issues = _build(resolve_layers(paths, base))
    except TaxonomyError as exc:
        return [str(exc)]
    return issues.lines()
