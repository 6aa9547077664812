"""Load and validate the vocabulary (`vocab/`) into an immutable, thread-safe `Taxonomy`.

The files are plain TOML (read by `tomllib`) checked by strict pydantic models, so a typo in a key
is an error instead of a silently ignored field. Every problem in every file is collected and
raised once as `TaxonomyValidationError`, each issue as `"file: entry id: message"`, because a
curator fixing a vocabulary wants the whole list, not one error per run.

User overlays (a directory with the same layout, or one `.toml` file of skills) are laid over the
bundled vocabulary: an entry with an existing id replaces the bundled one.

>>> tax = load_taxonomy()
>>> tax.skills["pytorch"].name
'PyTorch'
"""

from __future__ import annotations

import functools
import os
import re
import threading
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from atsmatch._resources import bundled_vocab_dir
from atsmatch.errors import TaxonomyError, TaxonomyValidationError

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

SCHEMA_VERSION = 1
PARENT_RELATIONS = ("part_of", "implements", "built_on", "is_a")
RELATED_RELATIONS = ("equivalent_to", "alternative_to", "complements")

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CALVER = re.compile(r"\d{4}\.\d{1,2}\.\d+")
_LEXICON_FILES = ("headings.toml", "verbs.toml", "weak_openers.toml", "buzzwords.toml")


def normalize_form(text: str) -> str:
    """Key under which two surface forms count as the same: NFKC, casefold, single spaces.

    Hyphens and punctuation are kept on purpose: "C++", "C#" and "C" must stay three forms.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


# --------------------------------------------------------------------------------------------
# Public, immutable records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Relation:
    """An edge to another skill: a parent (`part_of`, ...) or a related skill with a weight."""

    id: str
    rel: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Skill:
    """One vocabulary entry: a skill, tool, concept or certification."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    case_sensitive: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    parents: tuple[Relation, ...] = ()
    related: tuple[Relation, ...] = ()
    vendor: str | None = None
    subcategory: str | None = None
    status: str = "active"
    superseded_by: tuple[str, ...] = ()
    issuer: str | None = None
    code: str | None = None
    covers: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form: the name (unless case-sensitive), aliases, case-sensitive forms."""
        head = () if self.name in self.case_sensitive else (self.name,)
        return head + self.aliases + self.case_sensitive


@dataclass(frozen=True, slots=True)
class RoleProfile:
    """A role usable in place of a job posting: weighted core and nice-to-have skills."""

    id: str
    name: str
    aliases: tuple[str, ...]
    core: tuple[tuple[str, float], ...]
    nice: tuple[tuple[str, float], ...]
    certifications: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Verb:
    """An action verb for resume bullets: present (base) and past form, strength tier."""

    base: str
    past: str
    tier: Literal["strong", "medium"]


# --------------------------------------------------------------------------------------------
# File schemas (strict: unknown keys and wrong types are errors)
# --------------------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _ParentIn(_Strict):
    id: str
    rel: Literal["part_of", "implements", "built_on", "is_a"]
    weight: float = Field(default=1.0, ge=0.0, le=1.0)


class _RelatedIn(_Strict):
    id: str
    rel: Literal["equivalent_to", "alternative_to", "complements"]
    weight: float = Field(ge=0.0, le=1.0)


class _SkillIn(_Strict):
    id: str
    name: str = Field(min_length=1)
    category: str | None = None
    aliases: list[str] = Field(default_factory=list)
    case_sensitive: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    parents: list[_ParentIn] = Field(default_factory=list)
    related: list[_RelatedIn] = Field(default_factory=list)
    vendor: str | None = None
    subcategory: str | None = None
    status: Literal["active", "retired"] = "active"
    superseded_by: list[str] = Field(default_factory=list)
    issuer: str | None = None
    code: str | None = None
    covers: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


_SKILL_LIST = TypeAdapter(list[_SkillIn])


class _WeightedIdIn(_Strict):
    id: str
    weight: float = Field(gt=0.0, le=10.0)


class _RoleIn(_Strict):
    id: str
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    core: list[_WeightedIdIn] = Field(min_length=1)
    nice: list[_WeightedIdIn] = Field(default_factory=list)
    certifications: list[str] = Field(default_factory=list)


class _SourceIn(_Strict):
    id: str
    name: str
    licence: str
    url: str | None = None
    version: str | None = None
    attribution: str | None = None


class _ManifestIn(_Strict):
    schema_version: int
    version: str
    categories: list[str]
    sources: list[_SourceIn] = Field(default_factory=list)


class _OverlayManifestIn(_Strict):
    """An overlay's manifest may add categories and sources; nothing is required."""

    schema_version: int = SCHEMA_VERSION
    version: str | None = None
    categories: list[str] = Field(default_factory=list)
    sources: list[_SourceIn] = Field(default_factory=list)


class _HeadingsIn(_Strict):
    resume: dict[str, list[str]] = Field(default_factory=dict)
    job: dict[str, list[str]] = Field(default_factory=dict)


class _VerbsIn(_Strict):
    strong: dict[str, str] = Field(default_factory=dict)
    medium: dict[str, str] = Field(default_factory=dict)


class _WeakOpenersIn(_Strict):
    weak_openers: dict[str, str]


class _BuzzGroupIn(_Strict):
    hint: str = Field(min_length=1)
    phrases: list[str] = Field(min_length=1)


class _BuzzwordsIn(_Strict):
    group: list[_BuzzGroupIn]


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entry:
    """A validated skill entry and where it came from (for messages)."""

    skill: Skill
    file: str
    layer: int


class _Issues:
    """Collects problems as `file: entry: message` lines."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, entry: str | None, message: str) -> None:
        self.items.append(f"{file}: {entry}: {message}" if entry else f"{file}: {message}")

    def pydantic(self, file: str, entry: str | None, exc: ValidationError) -> None:
        for err in exc.errors(include_url=False):
            where = ".".join(str(part) for part in err["loc"])
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = "unknown key (typo?)"
            self.add(file, entry, f"{where}: {msg}" if where else msg)


def _read_toml(path: Path, label: str, issues: _Issues) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        issues.add(label, None, f"not valid TOML: {exc}")
    except OSError as exc:
        issues.add(label, None, f"cannot read: {exc.strerror or exc}")
    return None


@dataclass(slots=True)
class _Layer:
    """The files of one vocabulary root (the bundled one or an overlay)."""

    root: Path
    is_file: bool
    bundled: bool

    def label(self, path: Path) -> str:
        if self.bundled:
            return path.relative_to(self.root).as_posix()
        return str(path)

    def skill_files(self) -> list[Path]:
        if self.is_file:
            return [self.root]
        found = [p for p in self.root.glob("*.toml") if p.name != "manifest.toml"]
        skills_dir = self.root / "skills"
        if skills_dir.is_dir():
            found += skills_dir.rglob("*.toml")
        return sorted(found)

    def role_files(self) -> list[Path]:
        roles = self.root / "roles"
        return sorted(roles.glob("*.toml")) if not self.is_file and roles.is_dir() else []

    def lexicon_file(self, name: str) -> Path | None:
        if self.is_file:
            return None
        path = self.root / "lexicon" / name
        return path if path.is_file() else None


def _resolve_layers(
    extra: Iterable[str | os.PathLike[str]], base: str | os.PathLike[str] | None = None
) -> list[_Layer]:
    root = Path(base) if base is not None else bundled_vocab_dir()
    if not root.is_dir():
        raise TaxonomyError(f"{root}: not a vocabulary directory")
    layers = [_Layer(root, is_file=False, bundled=True)]
    for raw in extra:
        path = Path(raw)
        if path.is_dir():
            layers.append(_Layer(path, is_file=False, bundled=False))
        elif path.is_file() and path.suffix == ".toml":
            layers.append(_Layer(path, is_file=True, bundled=False))
        else:
            raise TaxonomyError(f"{path}: not a vocabulary directory or .toml file")
    return layers


def _to_skill(model: _SkillIn, category: str) -> Skill:
    return Skill(
        id=model.id,
        name=model.name,
        category=category,
        aliases=tuple(model.aliases),
        case_sensitive=tuple(model.case_sensitive),
        context=tuple(model.context),
        parents=tuple(Relation(p.id, p.rel, p.weight) for p in model.parents),
        related=tuple(Relation(r.id, r.rel, r.weight) for r in model.related),
        vendor=model.vendor,
        subcategory=model.subcategory,
        status=model.status,
        superseded_by=tuple(model.superseded_by),
        issuer=model.issuer,
        code=model.code,
        covers=tuple(model.covers),
        sources=tuple(model.sources),
    )


def _entry_label(raw: object, index: int) -> str:
    if isinstance(raw, dict):
        sid = raw.get("id")
        if isinstance(sid, str):
            return sid
    return f"skill #{index + 1}"


def _read_skill_file(path: Path, layer: _Layer, layer_no: int, issues: _Issues) -> Iterator[_Entry]:
    label = layer.label(path)
    data = _read_toml(path, label, issues)
    if data is None:
        return
    unknown = sorted(set(data) - {"category", "skill"})
    for key in unknown:
        issues.add(
            label, None, f"unknown top-level key {key!r} (expected 'category' and [[skill]])"
        )
    default = data.get("category")
    if default is not None and not isinstance(default, str):
        issues.add(label, None, "category: must be a string")
        default = None
    raw_skills = data.get("skill", [])
    if not isinstance(raw_skills, list):
        issues.add(label, None, "skill: must be an array of tables ([[skill]])")
        return
    try:  # one call per file is much faster; on failure, redo entry by entry for messages
        models: list[_SkillIn | None] = list(_SKILL_LIST.validate_python(raw_skills))
    except ValidationError:
        models = []
        for index, raw in enumerate(raw_skills):
            try:
                models.append(_SkillIn.model_validate(raw))
            except ValidationError as exc:
                issues.pydantic(label, _entry_label(raw, index), exc)
                models.append(None)
    for model in models:
        if model is None:
            continue
        entry = model.id
        category = model.category or default
        if category is None:
            issues.add(label, entry, "no category (set it on the entry or at the top of the file)")
            continue
        yield _Entry(_to_skill(model, category), label, layer_no)


# --------------------------------------------------------------------------------------------
# Checks on the merged vocabulary
# --------------------------------------------------------------------------------------------


def _check_entry(entry: _Entry, categories: set[str], sources: set[str], issues: _Issues) -> None:
    s, f = entry.skill, entry.file
    if not _SLUG.fullmatch(s.id):
        issues.add(f, s.id, "id must be a slug: lowercase letters, digits and single '-'")
    if s.category not in categories:
        issues.add(f, s.id, f"unknown category {s.category!r} (not in manifest.toml)")
    seen: set[str] = set()
    for alias in s.aliases:
        key = normalize_form(alias)
        if not key:
            issues.add(f, s.id, "empty alias")
        elif key == normalize_form(s.name):
            issues.add(f, s.id, f"alias {alias!r} repeats the name")
        elif key in seen:
            issues.add(f, s.id, f"alias {alias!r} listed twice")
        seen.add(key)
    exact: set[str] = set()
    for form in s.case_sensitive:
        if not form.strip():
            issues.add(f, s.id, "empty case-sensitive form")
        if form in exact:
            issues.add(f, s.id, f"case-sensitive form {form!r} listed twice")
        if normalize_form(form) in seen:
            issues.add(f, s.id, f"{form!r} is both an alias and a case-sensitive form")
        exact.add(form)
    if s.context and not s.case_sensitive:
        issues.add(f, s.id, "context is only used with case_sensitive forms")
    if s.superseded_by and s.status != "retired":
        issues.add(f, s.id, "superseded_by is only for retired entries")
    is_cert = s.category == "certification"
    if is_cert and not s.issuer:
        issues.add(f, s.id, "a certification needs an issuer")
    if not is_cert and (s.issuer or s.code or s.covers):
        issues.add(f, s.id, "issuer / code / covers are only for certifications")
    for source in s.sources:
        if source not in sources:
            issues.add(f, s.id, f"unknown source {source!r} (not in manifest.toml)")
    if len({p.id for p in s.parents}) != len(s.parents):
        issues.add(f, s.id, "a parent is listed twice")
    if len({r.id for r in s.related}) != len(s.related):
        issues.add(f, s.id, "a related skill is listed twice")


def _check_references(entries: Mapping[str, _Entry], issues: _Issues) -> None:
    for entry in entries.values():
        s, f = entry.skill, entry.file
        for rel in (*s.parents, *s.related):
            if rel.id == s.id:
                issues.add(f, s.id, f"{rel.rel} points at itself")
            elif rel.id not in entries:
                issues.add(f, s.id, f"{rel.rel} {rel.id!r}: no such skill")
        for key, ids in (("covers", s.covers), ("superseded_by", s.superseded_by)):
            for target in ids:
                if target not in entries:
                    issues.add(f, s.id, f"{key} {target!r}: no such skill")
        parent_ids = {p.id for p in s.parents}
        for rel in s.related:
            if rel.id in parent_ids:
                issues.add(f, s.id, f"{rel.id!r} is both a parent and related")


def _check_cycles(entries: Mapping[str, _Entry], issues: _Issues) -> None:
    """Parents must form a DAG, or `children` / ancestor credit would loop."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in entries:
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(_parent_ids(entries, start)))]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                path = [n for n, _ in stack]
                cycle = [*path[path.index(nxt) :], nxt]
                issues.add(entries[node].file, node, f"parent cycle: {' -> '.join(cycle)}")
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(_parent_ids(entries, nxt))))


def _parent_ids(entries: Mapping[str, _Entry], skill_id: str) -> list[str]:
    return [p.id for p in entries[skill_id].skill.parents if p.id in entries]


def _check_forms(entries: Mapping[str, _Entry], issues: _Issues) -> None:
    """No surface form may name two entries, except distinct exact casings that both declare it."""
    by_key: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for skill_id, entry in entries.items():
        s = entry.skill
        for form in s.forms:
            by_key[normalize_form(form)].append((skill_id, form, form in s.case_sensitive))
    for claims in by_key.values():
        owners = {c[0] for c in claims}
        if len(owners) < 2:
            continue
        for i, (sid, form, cs) in enumerate(claims):
            for other_id, other_form, other_cs in claims[i + 1 :]:
                if other_id == sid or (cs and other_cs and form != other_form):
                    continue
                other = entries[other_id]
                issues.add(
                    entries[sid].file,
                    sid,
                    f"form {form!r} also names {other_id!r} ({other.file}); make both"
                    " case-sensitive with different casing, or drop one",
                )


# --------------------------------------------------------------------------------------------
# The Taxonomy
# --------------------------------------------------------------------------------------------


class Taxonomy:
    """The loaded vocabulary: skills, roles, lexicon and lookup indices. Read-only, thread-safe.

    Lexicon shapes: `verbs` maps each base (present) form to its `Verb`; `verb_forms` maps every
    casefolded form, present and past, to its `Verb`; `weak_openers` maps a weak phrase to a
    suggested replacement; `buzzwords` maps a phrase to a hint on what to write instead.
    `alias_index` maps `normalize_form(form)` of every case-insensitive form (names, aliases) to
    a skill id; `case_sensitive_index` maps each exact case-sensitive form to its skill id.
    """

    __slots__ = (
        "__weakref__",  # a service can watch a dropped overlay go
        "_ancestors",
        "_children",
        "_covering",
        "_derived",
        "_derived_lock",
        "_descendants",
        "_fuzzy_choices",
        "_lock",
        "_neighbours",
        "_related",
        "alias_index",
        "buzzwords",
        "case_sensitive_index",
        "categories",
        "job_headings",
        "loaded_from",
        "resume_headings",
        "roles",
        "schema_version",
        "skills",
        "verb_forms",
        "verbs",
        "version",
        "weak_openers",
    )

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
    _children: dict[str, tuple[str, ...]]
    _ancestors: dict[str, tuple[str, ...]]
    _descendants: dict[str, tuple[str, ...]]
    _neighbours: dict[str, tuple[str, ...]]
    _related: dict[str, tuple[Relation, ...]]
    _covering: dict[str, tuple[Skill, ...]]
    _fuzzy_choices: tuple[tuple[str, ...], tuple[str, ...]] | None
    loaded_from: LoadedFrom | None
    _derived: dict[Callable[[Taxonomy], object], object]
    _derived_lock: threading.RLock
    _lock: threading.Lock

    def __init__(
        self,
        *,
        version: str,
        schema_version: int,
        categories: Iterable[str],
        skills: Iterable[Skill],
        roles: Iterable[RoleProfile] = (),
        resume_headings: Mapping[str, Iterable[str]] | None = None,
        job_headings: Mapping[str, Iterable[str]] | None = None,
        verbs: Iterable[Verb] = (),
        weak_openers: Mapping[str, str] | None = None,
        buzzwords: Mapping[str, str] | None = None,
    ) -> None:
        set_ = functools.partial(object.__setattr__, self)
        by_id = {s.id: s for s in sorted(skills, key=lambda s: s.id)}
        set_("version", version)
        set_("schema_version", schema_version)
        set_("categories", tuple(categories))
        set_("skills", MappingProxyType(by_id))
        set_("roles", MappingProxyType({r.id: r for r in sorted(roles, key=lambda r: r.id)}))
        set_("resume_headings", _frozen_lists(resume_headings))
        set_("job_headings", _frozen_lists(job_headings))
        verb_list = sorted(verbs, key=lambda v: v.base)
        set_("verbs", MappingProxyType({v.base: v for v in verb_list}))
        forms: dict[str, Verb] = {}
        for v in verb_list:
            forms.setdefault(normalize_form(v.base), v)
            forms.setdefault(normalize_form(v.past), v)
        set_("verb_forms", MappingProxyType(forms))
        set_("weak_openers", MappingProxyType(dict(weak_openers or {})))
        set_("buzzwords", MappingProxyType(dict(buzzwords or {})))

        aliases: dict[str, str] = {}
        exact: dict[str, str] = {}
        children: dict[str, list[str]] = defaultdict(list)
        related: dict[str, dict[str, Relation]] = defaultdict(dict)
        covering: dict[str, list[Skill]] = defaultdict(list)
        for s in by_id.values():
            for form in s.forms:
                if form in s.case_sensitive:
                    exact.setdefault(form, s.id)
                else:
                    aliases.setdefault(normalize_form(form), s.id)
            for p in s.parents:
                children[p.id].append(s.id)
            for r in s.related:
                related[s.id].setdefault(r.id, r)
                related[r.id].setdefault(s.id, Relation(s.id, r.rel, r.weight))
            for target in s.covers:
                covering[target].append(s)
        set_("alias_index", MappingProxyType(aliases))
        set_("case_sensitive_index", MappingProxyType(exact))
        set_("_children", {k: tuple(sorted(v)) for k, v in children.items()})
        set_(
            "_related",
            {
                k: tuple(sorted(v.values(), key=lambda r: (-r.weight, r.id)))
                for k, v in related.items()
            },
        )
        set_(
            "_covering",
            {
                k: tuple(sorted(v, key=lambda c: (c.status != "active", c.id)))
                for k, v in covering.items()
            },
        )
        set_("_fuzzy_choices", None)
        set_("_lock", threading.Lock())
        set_("_derived", {})
        set_("loaded_from", None)  # set by load_taxonomy: how another process loads it again
        set_("_derived_lock", threading.RLock())  # a build may ask for another derived part
        # Walks of the parent graph, memoised on first use (one dict write: safe under the GIL).
        set_("_ancestors", {})
        set_("_descendants", {})
        set_("_neighbours", {})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Taxonomy is read-only; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Taxonomy is read-only; cannot delete {name!r}")

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
        return self._children.get(skill_id, ())

    def ancestors(self, skill_id: str) -> tuple[str, ...]:
        """Every skill reachable through parents, nearest first (the parent graph is a DAG)."""
        found = self._ancestors.get(skill_id)
        if found is None:
            found = self._ancestors[skill_id] = self._walk_up(skill_id)
        return found

    def descendants(self, skill_id: str) -> tuple[str, ...]:
        """Every skill below `skill_id` through children, nearest first."""
        found = self._descendants.get(skill_id)
        if found is None:
            out: list[str] = []
            seen = {skill_id}
            frontier = [skill_id]
            while frontier:
                frontier = [c for f in frontier for c in self.children(f) if c not in seen]
                seen.update(frontier)
                out += frontier
            found = self._descendants[skill_id] = tuple(dict.fromkeys(out))
        return found

    def neighbours(self, skill_id: str) -> tuple[str, ...]:
        """Skills near `skill_id` that show related work: every more specific skill (nearest
        first), the related ones, siblings of the same category, then the parents."""
        found = self._neighbours.get(skill_id)
        if found is None:
            skill = self.skills[skill_id]
            near = [*self.descendants(skill_id), *(r.id for r in self.related_to(skill_id))]
            for parent in skill.parents:
                near += [
                    c
                    for c in self.children(parent.id)
                    if c != skill_id and self.skills[c].category == skill.category
                ]
            near += [p.id for p in skill.parents]
            found = tuple(c for c in dict.fromkeys(near) if c != skill_id)
            self._neighbours[skill_id] = found
        return found

    def _walk_up(self, skill_id: str) -> tuple[str, ...]:
        out: list[str] = []
        frontier = [skill_id]
        seen = {skill_id}
        while frontier:
            nxt: list[str] = []
            for sid in frontier:
                skill = self.skills.get(sid)
                for p in skill.parents if skill else ():
                    if p.id not in seen:
                        seen.add(p.id)
                        out.append(p.id)
                        nxt.append(p.id)
            frontier = nxt
        return tuple(out)

    def related_to(self, skill_id: str) -> tuple[Relation, ...]:
        """Related skills, whichever side declared the edge; highest weight first."""
        return self._related.get(skill_id, ())

    def certifications_covering(self, skill_id: str) -> tuple[Skill, ...]:
        """Certifications whose `covers` lists `skill_id`; active ones first."""
        return self._covering.get(skill_id, ())

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

        keys, owners = self._choices()
        long_query = len(query) >= 4
        for key, owner in zip(keys, owners, strict=True):
            score = fuzz.ratio(query, key)
            if long_query and len(key) > len(query):  # "spark" inside "apache spark"
                score = max(score, 0.9 * fuzz.partial_ratio(query, key))
            if score >= 60 and score > found.get(owner, -1.0):
                found[owner] = score
        ranked = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        return [self.skills[sid] for sid, _ in ranked[:limit]]

    def _choices(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        cached: tuple[tuple[str, ...], tuple[str, ...]] | None = self._fuzzy_choices
        if cached is None:
            with self._lock:
                cached = self._fuzzy_choices
                if cached is None:
                    pairs = sorted(
                        {(normalize_form(f), s.id) for s in self.skills.values() for f in s.forms}
                    )
                    cached = (tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))
                    object.__setattr__(self, "_fuzzy_choices", cached)
        return cached

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
            "roles": len(self.roles),
            "verbs": len(self.verbs),
            "weak_openers": len(self.weak_openers),
            "buzzwords": len(self.buzzwords),
            "resume_headings": sum(len(v) for v in self.resume_headings.values()),
            "job_headings": sum(len(v) for v in self.job_headings.values()),
        }


def _frozen_lists(
    data: Mapping[str, Iterable[str]] | None,
) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in (data or {}).items()})


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def _build(layers: list[_Layer]) -> tuple[Taxonomy | None, list[str]]:
    """Read every layer, merge, validate; return the taxonomy (if clean) and all issues."""
    issues = _Issues()
    version, schema = "0", SCHEMA_VERSION
    categories: list[str] = []
    sources: set[str] = set()

    for layer in layers:
        manifest = None if layer.is_file else layer.root / "manifest.toml"
        if manifest is None or not manifest.is_file():
            if layer.bundled:
                issues.add("manifest.toml", None, f"missing in {layer.root}")
            continue
        label = layer.label(manifest)
        data = _read_toml(manifest, label, issues)
        if data is None:
            continue
        model_type = _ManifestIn if layer.bundled else _OverlayManifestIn
        try:
            man = model_type.model_validate(data)
        except ValidationError as exc:
            issues.pydantic(label, None, exc)
            continue
        if man.schema_version != SCHEMA_VERSION:
            issues.add(label, None, f"schema_version {man.schema_version} is not {SCHEMA_VERSION}")
        if layer.bundled:
            assert man.version is not None
            version, schema = man.version, man.schema_version
            if not _CALVER.fullmatch(version):
                issues.add(label, None, f"version {version!r} is not CalVer (YYYY.MM.N)")
        for cat in man.categories:
            if cat in categories:
                if layer.bundled:
                    issues.add(label, None, f"category {cat!r} listed twice")
            elif not _SLUG.fullmatch(cat.replace("_", "-")):
                issues.add(label, None, f"category {cat!r} must be lowercase snake_case")
            else:
                categories.append(cat)
        sources.update(s.id for s in man.sources)

    # Skills: later layers replace earlier entries with the same id.
    entries: dict[str, _Entry] = {}
    for layer_no, layer in enumerate(layers):
        for path in layer.skill_files():
            for entry in _read_skill_file(path, layer, layer_no, issues):
                prior = entries.get(entry.skill.id)
                if prior is not None and prior.layer == layer_no:
                    issues.add(entry.file, entry.skill.id, f"duplicate id (also in {prior.file})")
                    continue
                entries[entry.skill.id] = entry
    cat_set = set(categories)
    for entry in entries.values():
        _check_entry(entry, cat_set, sources, issues)
    _check_references(entries, issues)
    _check_cycles(entries, issues)
    _check_forms(entries, issues)
    roles = _read_roles(layers, entries, issues)
    headings, verbs, openers, buzz = _read_lexicon(layers, issues)

    if issues.items:
        return None, issues.items
    taxonomy = Taxonomy(
        version=version + ("+overlay" if len(layers) > 1 else ""),
        schema_version=schema,
        categories=categories,
        skills=(e.skill for e in entries.values()),
        roles=roles.values(),
        resume_headings=headings.get("resume", {}),
        job_headings=headings.get("job", {}),
        verbs=verbs.values(),
        weak_openers=openers,
        buzzwords=buzz,
    )
    return taxonomy, []


def _read_roles(
    layers: list[_Layer], entries: Mapping[str, _Entry], issues: _Issues
) -> dict[str, RoleProfile]:
    roles: dict[str, tuple[RoleProfile, str, int]] = {}
    for layer_no, layer in enumerate(layers):
        for path in layer.role_files():
            label = layer.label(path)
            data = _read_toml(path, label, issues)
            if data is None:
                continue
            entry = data.get("id") if isinstance(data.get("id"), str) else path.stem
            try:
                model = _RoleIn.model_validate(data)
            except ValidationError as exc:
                issues.pydantic(label, entry, exc)
                continue
            if not _SLUG.fullmatch(model.id):
                issues.add(label, model.id, "id must be a slug: lowercase letters, digits and '-'")
            prior = roles.get(model.id)
            if prior is not None and prior[2] == layer_no:
                issues.add(label, model.id, f"duplicate role id (also in {prior[1]})")
                continue
            listed = [w.id for w in (*model.core, *model.nice)]
            for sid in listed:
                if sid not in entries:
                    issues.add(label, model.id, f"skill {sid!r}: no such skill")
            if len(set(listed)) != len(listed):
                issues.add(label, model.id, "a skill is listed twice across core and nice")
            for cid in model.certifications:
                target = entries.get(cid)
                if target is None:
                    issues.add(label, model.id, f"certification {cid!r}: no such skill")
                elif target.skill.category != "certification":
                    issues.add(label, model.id, f"{cid!r} is not a certification")
            profile = RoleProfile(
                id=model.id,
                name=model.name,
                aliases=tuple(model.aliases),
                core=tuple((w.id, w.weight) for w in model.core),
                nice=tuple((w.id, w.weight) for w in model.nice),
                certifications=tuple(model.certifications),
            )
            roles[model.id] = (profile, label, layer_no)
    return {k: v[0] for k, v in roles.items()}


def _read_lexicon(
    layers: list[_Layer], issues: _Issues
) -> tuple[dict[str, dict[str, list[str]]], dict[str, Verb], dict[str, str], dict[str, str]]:
    """Lexicon tables merge by key across layers; an overlay's key wins."""
    headings: dict[str, dict[str, list[str]]] = {"resume": {}, "job": {}}
    verbs: dict[str, Verb] = {}
    openers: dict[str, str] = {}
    buzz: dict[str, str] = {}
    for layer in layers:
        for name in _LEXICON_FILES:
            path = layer.lexicon_file(name)
            if path is None:
                continue
            label = layer.label(path)
            data = _read_toml(path, label, issues)
            if data is None:
                continue
            try:
                if name == "headings.toml":
                    _merge_headings(_HeadingsIn.model_validate(data), headings, label, issues)
                elif name == "verbs.toml":
                    _merge_verbs(_VerbsIn.model_validate(data), verbs, label, issues)
                elif name == "weak_openers.toml":
                    for phrase, hint in _WeakOpenersIn.model_validate(data).weak_openers.items():
                        if not phrase.strip() or not hint.strip():
                            issues.add(label, phrase, "empty phrase or suggestion")
                        openers[normalize_form(phrase)] = hint
                else:
                    for group in _BuzzwordsIn.model_validate(data).group:
                        for phrase in group.phrases:
                            key = normalize_form(phrase)
                            if key in buzz and layer.bundled:
                                issues.add(label, phrase, "buzzword listed twice")
                            buzz[key] = group.hint
            except ValidationError as exc:
                issues.pydantic(label, None, exc)
    return headings, verbs, openers, buzz


def _merge_headings(
    model: _HeadingsIn, into: dict[str, dict[str, list[str]]], label: str, issues: _Issues
) -> None:
    for table, kinds in (("resume", model.resume), ("job", model.job)):
        owner: dict[str, str] = {}
        for kind, phrases in kinds.items():
            for phrase in phrases:
                key = normalize_form(phrase)
                if key in owner and owner[key] != kind:
                    issues.add(label, f"{table}.{kind}", f"{phrase!r} also under {owner[key]!r}")
                owner[key] = kind
            into[table][kind] = [normalize_form(p) for p in phrases]


def _merge_verbs(model: _VerbsIn, into: dict[str, Verb], label: str, issues: _Issues) -> None:
    tiers: tuple[tuple[Literal["strong", "medium"], dict[str, str]], ...] = (
        ("strong", model.strong),
        ("medium", model.medium),
    )
    seen: set[str] = set()
    for tier, table in tiers:
        for base, past in table.items():
            key = normalize_form(base)
            if key in seen:
                issues.add(label, base, "verb listed in both tiers")
            seen.add(key)
            if not key or not past.strip():
                issues.add(label, base, "empty verb form")
            into[key] = Verb(base=key, past=normalize_form(past), tier=tier)


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _load_bundled() -> Taxonomy:
    return _load((), None)


def _load(
    extra: tuple[str | os.PathLike[str], ...], base: str | os.PathLike[str] | None
) -> Taxonomy:
    taxonomy, problems = _build(_resolve_layers(extra, base))
    if taxonomy is None:
        raise TaxonomyValidationError(problems)
    recipe = (tuple(os.fspath(p) for p in extra), None if base is None else os.fspath(base))
    object.__setattr__(taxonomy, "loaded_from", recipe)
    return taxonomy


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
        _, problems = _build(_resolve_layers(paths, base))
    except TaxonomyError as exc:
        return [str(exc)]
    return problems
