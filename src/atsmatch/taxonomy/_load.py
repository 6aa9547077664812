"""Read the vocabulary files of every layer (bundled `vocab/`, then user overlays); merge them.

The one place a vocabulary file is opened. Each file is parsed with `tomllib` into the models of
`_schema`; what cannot be read or does not fit its model is recorded in `Issues` and skipped, so
one run reports every file's problems. Merging follows the overlay rules: an entry or role with an
existing id replaces the earlier one whole, lexicon keys replace earlier keys.
"""

from __future__ import annotations

import datetime
import os
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from atsmatch._diskcache import cached, fingerprint
from atsmatch._resources import bundled_vocab_dir
from atsmatch.errors import TaxonomyError
from atsmatch.taxonomy._schema import (
    SCHEMA_VERSION,
    BuzzwordsFile,
    HeadingsFile,
    Manifest,
    OverlayManifest,
    RoleProfile,
    Skill,
    Verb,
    VerbsFile,
    WeakOpenersFile,
    normalize_form,
)
from atsmatch.taxonomy._validate import Issues

__all__ = [
    "Files",
    "Layer",
    "Located",
    "Vocabulary",
    "merge_layers",
    "read_layers",
    "resolve_layers",
]

_T = TypeVar("_T")
_M = TypeVar("_M", bound=BaseModel)
_R = TypeVar("_R", Skill, RoleProfile)

_SKILLS = TypeAdapter(list[Skill])
_NO_CATEGORY = "no category (set it on the entry or at the top of the file)"


@dataclass(frozen=True, slots=True)
class Layer:
    """The files of one vocabulary root: the base vocabulary (layer 0) or an overlay."""

    root: Path
    is_file: bool
    bundled: bool

    def label(self, path: Path) -> str:
        """How messages name a file: relative to the base vocabulary, in full for overlays."""
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

    def file(self, *parts: str) -> Path | None:
        if self.is_file:
            return None
        path = self.root.joinpath(*parts)
        return path if path.is_file() else None


def resolve_layers(
    extra: Iterable[str | os.PathLike[str]], base: str | os.PathLike[str] | None = None
) -> list[Layer]:
    """The base vocabulary (the bundled one unless `base` is given), then each overlay path."""
    root = Path(base) if base is not None else bundled_vocab_dir()
    if not root.is_dir():
        raise TaxonomyError(f"{root}: not a vocabulary directory")
    layers = [Layer(root, is_file=False, bundled=True)]
    for raw in extra:
        path = Path(raw)
        if path.is_dir():
            layers.append(Layer(path, is_file=False, bundled=False))
        elif path.is_file() and path.suffix == ".toml":
            layers.append(Layer(path, is_file=True, bundled=False))
        else:
            raise TaxonomyError(f"{path}: not a vocabulary directory or .toml file")
    return layers


@dataclass(frozen=True, slots=True)
class Located(Generic[_T]):
    """A record with the file it came from (for messages) and its layer (0 = the base)."""

    value: _T
    file: str
    layer: int


@dataclass(slots=True)
class Files:
    """Every record read from every layer, in reading order, before merging."""

    manifests: list[Located[Manifest | OverlayManifest]] = field(default_factory=list)
    skills: list[Located[Skill]] = field(default_factory=list)
    roles: list[Located[RoleProfile]] = field(default_factory=list)
    headings: list[Located[HeadingsFile]] = field(default_factory=list)
    verbs: list[Located[VerbsFile]] = field(default_factory=list)
    weak_openers: list[Located[WeakOpenersFile]] = field(default_factory=list)
    buzzwords: list[Located[BuzzwordsFile]] = field(default_factory=list)


def read_layers(layers: list[Layer], issues: Issues) -> Files:
    """Read and parse every file of every layer; problems go to `issues`."""
    files = Files()
    for number, layer in enumerate(layers):
        _read_manifest(layer, number, files, issues)
    for number, layer in enumerate(layers):
        for path in layer.skill_files():
            files.skills += _read_skill_file(path, layer, number, issues)
    for number, layer in enumerate(layers):
        for path in layer.role_files():
            role = _read_model(path, layer, number, RoleProfile, issues, entry=path.stem)
            if role is not None:
                files.roles.append(role)
    for number, layer in enumerate(layers):
        _read_lexicon(layer, number, files, issues)
    return files


def _read_toml(path: Path, label: str, issues: Issues) -> dict[str, Any] | None:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        key = fingerprint("toml", str(_TOML_FORMAT), raw)
        # Parsing TOML costs a new process more than the rest of loading: keep it as JSON.
        parse = lambda: _to_json(tomllib.loads(text))  # noqa: E731
        return cast("dict[str, Any]", cached("toml", key, parse, _is_table, _from_json))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        issues.add(label, None, f"not valid TOML: {exc}")
    except OSError as exc:
        issues.add(label, None, f"cannot read: {exc.strerror or exc}")
    return None


# TOML's dates and times have no JSON form: each is kept as a one-key table whose key no
# vocabulary writes (it starts with a NUL character).
_TOML_FORMAT = 1
_TIME_TYPES: dict[str, Callable[[str], Any]] = {
    "\0datetime": datetime.datetime.fromisoformat,
    "\0date": datetime.date.fromisoformat,
    "\0time": datetime.time.fromisoformat,
}


def _to_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _to_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    if isinstance(value, datetime.datetime):  # before date: a datetime is a date too
        return {"\0datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"\0date": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"\0time": value.isoformat()}
    return value


def _from_json(table: dict[str, Any]) -> Any:
    """A table read back: a tagged date or time becomes one again."""
    if len(table) == 1:
        ((key, item),) = table.items()
        if key in _TIME_TYPES and isinstance(item, str):
            return _TIME_TYPES[key](item)
    return table


def _is_table(value: Any) -> bool:
    return isinstance(value, dict)


def _read_model(
    path: Path,
    layer: Layer,
    number: int,
    model: type[_M],
    issues: Issues,
    *,
    entry: str | None = None,
) -> Located[_M] | None:
    """One file that is one record; `entry` names it in messages unless it has its own id."""
    label = layer.label(path)
    data = _read_toml(path, label, issues)
    if data is None:
        return None
    if entry is not None and isinstance(data.get("id"), str):
        entry = data["id"]
    try:
        return Located(model.model_validate(data), label, number)
    except ValidationError as exc:
        issues.pydantic(label, entry, exc)
        return None


def _read_manifest(layer: Layer, number: int, files: Files, issues: Issues) -> None:
    path = layer.file("manifest.toml")
    if path is None:
        if layer.bundled:
            issues.add("manifest.toml", None, f"missing in {layer.root}")
        return
    found: Located[Manifest | OverlayManifest] | None
    if layer.bundled:
        found = _read_model(path, layer, number, Manifest, issues)
    else:
        found = _read_model(path, layer, number, OverlayManifest, issues)
    if found is not None:
        files.manifests.append(found)


def _read_skill_file(path: Path, layer: Layer, number: int, issues: Issues) -> list[Located[Skill]]:
    label = layer.label(path)
    data = _read_toml(path, label, issues)
    if data is None:
        return []
    for key in sorted(set(data) - {"category", "skill"}):
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
        return []
    # The file's category is each entry's default, so every entry validates as a whole `Skill`.
    if default is not None:
        raw_skills = [
            {"category": default, **raw} if isinstance(raw, dict) else raw for raw in raw_skills
        ]
    try:  # one call per file is much faster; on failure, redo entry by entry for messages
        return [Located(s, label, number) for s in _SKILLS.validate_python(raw_skills)]
    except ValidationError:
        pass
    found: list[Located[Skill]] = []
    for index, raw in enumerate(raw_skills):
        try:
            found.append(Located(Skill.model_validate(raw), label, number))
        except ValidationError as exc:
            issues.pydantic(
                label, _entry_label(raw, index), exc, missing={"category": _NO_CATEGORY}
            )
    return found


def _entry_label(raw: object, index: int) -> str:
    if isinstance(raw, dict):
        sid = raw.get("id")
        if isinstance(sid, str):
            return sid
    return f"skill #{index + 1}"


def _read_lexicon(layer: Layer, number: int, files: Files, issues: Issues) -> None:
    tables: tuple[tuple[str, type[BaseModel], list[Any]], ...] = (
        ("headings.toml", HeadingsFile, files.headings),
        ("verbs.toml", VerbsFile, files.verbs),
        ("weak_openers.toml", WeakOpenersFile, files.weak_openers),
        ("buzzwords.toml", BuzzwordsFile, files.buzzwords),
    )
    for name, model, into in tables:
        path = layer.file("lexicon", name)
        if path is not None:
            found = _read_model(path, layer, number, model, issues)
            if found is not None:
                into.append(found)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The layers merged: what a `Taxonomy` is built from, records still with their files."""

    version: str
    schema_version: int
    categories: tuple[str, ...]
    sources: frozenset[str]
    skills: dict[str, Located[Skill]]
    roles: dict[str, Located[RoleProfile]]
    resume_headings: dict[str, tuple[str, ...]]
    job_headings: dict[str, tuple[str, ...]]
    verbs: dict[str, Verb]
    weak_openers: dict[str, str]
    buzzwords: dict[str, str]


def merge_layers(files: Files, *, overlaid: bool) -> Vocabulary:
    """Lay the layers over each other: later ones replace, an id twice in one layer keeps the
    first (validation reports it)."""
    version, schema = "0", SCHEMA_VERSION
    for man in files.manifests:
        if man.layer == 0 and man.value.version is not None:
            version, schema = man.value.version, man.value.schema_version
    categories = dict.fromkeys(c for m in files.manifests for c in m.value.categories)
    sources = frozenset(s.id for m in files.manifests for s in m.value.sources)
    headings: dict[str, dict[str, tuple[str, ...]]] = {"resume": {}, "job": {}}
    for lexicon in files.headings:
        for side, kinds in (("resume", lexicon.value.resume), ("job", lexicon.value.job)):
            for kind, phrases in kinds.items():
                headings[side][kind] = tuple(normalize_form(p) for p in phrases)
    verbs: dict[str, Verb] = {}
    for verbs_file in files.verbs:
        tiers: tuple[tuple[Literal["strong", "medium"], dict[str, str]], ...] = (
            ("strong", verbs_file.value.strong),
            ("medium", verbs_file.value.medium),
        )
        for tier, forms in tiers:
            for base, past in forms.items():
                key = normalize_form(base)
                verbs[key] = Verb(base=key, past=normalize_form(past), tier=tier)
    openers = {
        normalize_form(phrase): hint
        for found in files.weak_openers
        for phrase, hint in found.value.weak_openers.items()
    }
    buzz = {
        normalize_form(phrase): group.hint
        for found in files.buzzwords
        for group in found.value.group
        for phrase in group.phrases
    }
    return Vocabulary(
        version=version + ("+overlay" if overlaid else ""),
        schema_version=schema,
        categories=tuple(categories),
        sources=sources,
        skills=_by_id(files.skills),
        roles=_by_id(files.roles),
        resume_headings=headings["resume"],
        job_headings=headings["job"],
        verbs=verbs,
        weak_openers=openers,
        buzzwords=buzz,
    )


def _by_id(found: Iterable[Located[_R]]) -> dict[str, Located[_R]]:
    merged: dict[str, Located[_R]] = {}
    for item in found:
        prior = merged.get(item.value.id)
        if prior is None or prior.layer != item.layer:
            merged[item.value.id] = item
    return merged
