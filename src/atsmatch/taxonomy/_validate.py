"""Every rule the vocabulary files must follow, with every broken one collected, not the first.

Like spaCy's `schemas.py`, problems are gathered as (file, entry, message) and raised together
as one `TaxonomyValidationError`, each issue reading `"file: entry id: message"`: a curator
fixing a vocabulary wants the whole list, not one error per run.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from typing import TYPE_CHECKING, NamedTuple

from pydantic import ValidationError

from atsmatch.errors import TaxonomyValidationError
from atsmatch.taxonomy._schema import (
    CERTIFICATION_FIELDS,
    SCHEMA_VERSION,
    HeadingsFile,
    RoleProfile,
    Skill,
    VerbsFile,
    normalize_form,
)

if TYPE_CHECKING:
    from atsmatch.taxonomy._load import Files, Located, Vocabulary

__all__ = ["Issue", "Issues", "check_vocabulary"]

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CALVER = re.compile(r"\d{4}\.\d{1,2}\.\d+")
# The certification fields of the first schema, reported together in their own message.
_FIRST_CERTIFICATION_FIELDS = ("issuer", "code", "covers")


class Issue(NamedTuple):
    """One problem: the file, the entry in it (if any) and what is wrong."""

    file: str
    entry: str | None
    message: str

    def __str__(self) -> str:
        if self.entry:
            return f"{self.file}: {self.entry}: {self.message}"
        return f"{self.file}: {self.message}"


class Issues:
    """Collects problems in the order they are found."""

    def __init__(self) -> None:
        self.items: list[Issue] = []

    def add(self, file: str, entry: str | None, message: str) -> None:
        self.items.append(Issue(file, entry, message))

    def pydantic(
        self,
        file: str,
        entry: str | None,
        exc: ValidationError,
        *,
        missing: Mapping[str, str] | None = None,
    ) -> None:
        """One issue per error of a pydantic validation, located by its dotted path.

        `missing` gives the message for a missing top-level key, in place of "Field required".
        """
        for err in exc.errors(include_url=False):
            where = ".".join(str(part) for part in err["loc"])
            msg = err["msg"]
            if err["type"] == "missing" and missing and where in missing:
                self.add(file, entry, missing[where])
                continue
            if err["type"] == "extra_forbidden":
                msg = "unknown key (typo?)"
            self.add(file, entry, f"{where}: {msg}" if where else msg)

    def lines(self) -> list[str]:
        """The issues as `file: entry: message` lines."""
        return [str(issue) for issue in self.items]

    def raise_any(self) -> None:
        """Raise every issue at once as a `TaxonomyValidationError`, if there is any."""
        if self.items:
            raise TaxonomyValidationError(self.lines())


def check_vocabulary(files: Files, vocab: Vocabulary, issues: Issues) -> None:
    """Check what was read (`files`) and what it merged into (`vocab`); add every problem."""
    _check_manifests(files, issues)
    _check_duplicates(((s.value.id, s.file, s.layer) for s in files.skills), "duplicate id", issues)
    _check_duplicates(
        ((r.value.id, r.file, r.layer) for r in files.roles), "duplicate role id", issues
    )
    categories, sources = set(vocab.categories), vocab.sources
    for entry in vocab.skills.values():
        _check_entry(entry, categories, sources, issues)
    _check_references(vocab.skills, issues)
    _check_cycles(vocab.skills, lambda s: [p.id for p in s.parents], "parent cycle", issues)
    _check_cycles(
        vocab.skills,
        lambda s: [*s.prerequisites, *s.recommended_after],
        "certification order cycle",
        issues,
    )
    _check_forms(vocab.skills, issues)
    _check_roles(vocab, issues)
    _check_lexicon(files, issues)


# --- manifests and layers -----------------------------------------------------------------------


def _check_manifests(files: Files, issues: Issues) -> None:
    seen: set[str] = set()
    for found in files.manifests:
        man, label, bundled = found.value, found.file, found.layer == 0
        if man.schema_version != SCHEMA_VERSION:
            issues.add(label, None, f"schema_version {man.schema_version} is not {SCHEMA_VERSION}")
        if bundled and man.version is not None and not _CALVER.fullmatch(man.version):
            issues.add(label, None, f"version {man.version!r} is not CalVer (YYYY.MM.N)")
        for cat in man.categories:
            if cat in seen:
                if bundled:
                    issues.add(label, None, f"category {cat!r} listed twice")
            elif not _SLUG.fullmatch(cat.replace("_", "-")):
                issues.add(label, None, f"category {cat!r} must be lowercase snake_case")
            seen.add(cat)


def _check_duplicates(found: Iterable[tuple[str, str, int]], what: str, issues: Issues) -> None:
    """An id may appear once per layer (id, file, layer); a later layer replaces it on purpose."""
    first: dict[tuple[str, int], str] = {}
    for sid, file, layer in found:
        prior = first.get((sid, layer))
        if prior is None:
            first[sid, layer] = file
        else:
            issues.add(file, sid, f"{what} (also in {prior})")


# --- skill entries ------------------------------------------------------------------------------


def _check_entry(
    entry: Located[Skill], categories: Set[str], sources: Set[str], issues: Issues
) -> None:
    s, f = entry.value, entry.file
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
    if s.status != "retired":
        if s.superseded_by:
            issues.add(f, s.id, "superseded_by is only for retired entries")
        if s.retired_on is not None:
            issues.add(f, s.id, "retired_on is only for retired entries")
    for source in s.sources:
        if source not in sources:
            issues.add(f, s.id, f"unknown source {source!r} (not in manifest.toml)")
    if len({p.id for p in s.parents}) != len(s.parents):
        issues.add(f, s.id, "a parent is listed twice")
    if len({r.id for r in s.related}) != len(s.related):
        issues.add(f, s.id, "a related skill is listed twice")
    if s.category == "certification":
        _check_certification(entry, issues)
    else:
        if s.issuer or s.code or s.covers:
            issues.add(f, s.id, "issuer / code / covers are only for certifications")
        extra = [
            name
            for name in CERTIFICATION_FIELDS
            if name not in _FIRST_CERTIFICATION_FIELDS and getattr(s, name) not in (None, ())
        ]
        if extra:
            issues.add(f, s.id, f"{' / '.join(extra)}: only for certifications")


def _check_certification(entry: Located[Skill], issues: Issues) -> None:
    s, f = entry.value, entry.file
    if not s.issuer:
        issues.add(f, s.id, "a certification needs an issuer")
    covered = [c.id for c in s.covers]
    if len(set(covered)) != len(covered):
        issues.add(f, s.id, "a covered skill is listed twice")
    share = sum(c.weight or 0.0 for c in s.covers)
    if share > 1.0 + 1e-9:  # weights are shares of the exam
        issues.add(f, s.id, f"covers weights add up to {share:g}, more than 1")


def _check_references(entries: Mapping[str, Located[Skill]], issues: Issues) -> None:
    for entry in entries.values():
        s, f = entry.value, entry.file
        for rel in (*s.parents, *s.related):
            if rel.id == s.id:
                issues.add(f, s.id, f"{rel.rel} points at itself")
            elif rel.id not in entries:
                issues.add(f, s.id, f"{rel.rel} {rel.id!r}: no such skill")
        for target in (c.id for c in s.covers):
            if target not in entries:
                issues.add(f, s.id, f"covers {target!r}: no such skill")
        parent_ids = {p.id for p in s.parents}
        for rel in s.related:
            if rel.id in parent_ids:
                issues.add(f, s.id, f"{rel.id!r} is both a parent and related")
        is_cert = s.category == "certification"
        for target in s.superseded_by:
            found = entries.get(target)
            if found is None:
                issues.add(f, s.id, f"superseded_by {target!r}: no such skill")
            elif is_cert and found.value.category != "certification":
                issues.add(f, s.id, f"superseded_by {target!r} is not a certification")
            elif found.value.status != "active":
                issues.add(f, s.id, f"superseded_by {target!r} is retired itself")
        for key, ids in (
            ("prerequisites", s.prerequisites),
            ("recommended_after", s.recommended_after),
        ):
            for target in ids:
                found = entries.get(target)
                if target == s.id:
                    issues.add(f, s.id, f"{key} points at itself")
                elif found is None:
                    issues.add(f, s.id, f"{key} {target!r}: no such skill")
                elif found.value.category != "certification":
                    issues.add(f, s.id, f"{key} {target!r} is not a certification")


def _check_cycles(
    entries: Mapping[str, Located[Skill]],
    edges: Callable[[Skill], Iterable[str]],
    what: str,
    issues: Issues,
) -> None:
    """The edges must form a DAG: parents (or `children` / ancestor credit would loop), and the
    order in which certifications are taken."""

    def out(skill_id: str) -> Iterator[str]:
        return (t for t in edges(entries[skill_id].value) if t in entries)

    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in entries:
        if state.get(start):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(start, out(start))]
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
                issues.add(entries[node].file, node, f"{what}: {' -> '.join(cycle)}")
            elif not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, out(nxt)))


def _check_forms(entries: Mapping[str, Located[Skill]], issues: Issues) -> None:
    """No surface form may name two entries, except distinct exact casings that both declare it."""
    by_key: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for skill_id, entry in entries.items():
        s = entry.value
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


# --- roles and lexicon --------------------------------------------------------------------------


def _check_roles(vocab: Vocabulary, issues: Issues) -> None:
    entries = vocab.skills
    for found in vocab.roles.values():
        role, label = found.value, found.file
        if not _SLUG.fullmatch(role.id):
            issues.add(label, role.id, "id must be a slug: lowercase letters, digits and '-'")
        listed = [w.id for w in (*role.core, *role.nice)]
        for sid in listed:
            if sid not in entries:
                issues.add(label, role.id, f"skill {sid!r}: no such skill")
        if len(set(listed)) != len(listed):
            issues.add(label, role.id, "a skill is listed twice across core and nice")
        for cid in role.certifications:
            target = entries.get(cid)
            if target is None:
                issues.add(label, role.id, f"certification {cid!r}: no such skill")
            elif target.value.category != "certification":
                issues.add(label, role.id, f"{cid!r} is not a certification")
            elif target.value.status == "retired":
                issues.add(label, role.id, f"certification {cid!r} is retired")
        _check_ladder(role, label, issues)


def _check_ladder(role: RoleProfile, label: str, issues: Issues) -> None:
    """Rungs go up in years, each range is not empty, only the top rung is open-ended."""
    ladder = role.ladder
    for number, step in enumerate(ladder):
        if step.max_years is not None and step.max_years <= step.min_years:
            issues.add(label, role.id, f"ladder {step.title!r}: max_years is not above min_years")
        if step.max_years is None and number != len(ladder) - 1:
            issues.add(
                label, role.id, f"ladder {step.title!r}: only the top rung may omit max_years"
            )
        if number and step.min_years <= ladder[number - 1].min_years:
            issues.add(label, role.id, f"ladder {step.title!r}: min_years must rise rung by rung")
    titles = [step.title.casefold() for step in ladder]
    if len(set(titles)) != len(titles):
        issues.add(label, role.id, "a ladder title is listed twice")


def _check_lexicon(files: Files, issues: Issues) -> None:
    for headings in files.headings:
        _check_headings(headings.value, headings.file, issues)
    for verbs in files.verbs:
        _check_verbs(verbs.value, verbs.file, issues)
    for openers in files.weak_openers:
        for phrase, hint in openers.value.weak_openers.items():
            if not phrase.strip() or not hint.strip():
                issues.add(openers.file, phrase, "empty phrase or suggestion")
    for buzz in files.buzzwords:
        if buzz.layer != 0:  # an overlay may move a phrase to another group on purpose
            continue
        seen: set[str] = set()
        for group in buzz.value.group:
            for phrase in group.phrases:
                key = normalize_form(phrase)
                if key in seen:
                    issues.add(buzz.file, phrase, "buzzword listed twice")
                seen.add(key)


def _check_headings(model: HeadingsFile, label: str, issues: Issues) -> None:
    for table, kinds in (("resume", model.resume), ("job", model.job)):
        owner: dict[str, str] = {}
        for kind, phrases in kinds.items():
            for phrase in phrases:
                key = normalize_form(phrase)
                if key in owner and owner[key] != kind:
                    issues.add(label, f"{table}.{kind}", f"{phrase!r} also under {owner[key]!r}")
                owner[key] = kind


def _check_verbs(model: VerbsFile, label: str, issues: Issues) -> None:
    seen: set[str] = set()
    for table in (model.strong, model.medium):
        for base, past in table.items():
            key = normalize_form(base)
            if key in seen:
                issues.add(label, base, "verb listed in both tiers")
            seen.add(key)
            if not key or not past.strip():
                issues.add(label, base, "empty verb form")
