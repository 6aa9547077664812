"""Grow the vocabulary in place: new entries, aliases and edges (not shipped; run by hand).

Unlike `vocab_draft.py` (which drafted the first release and would overwrite hand edits), this
script reads the TOML masters in `vocab/skills/`, only adds, and writes every file back in its
curated layout (`vocab_io.py`). It only adds: a second run adds at most the rule variants of
forms the first run created (run it until it reports no additions; 2026.11.1 took two runs).

What it adds:

1. Sheets in `tools/grow/*.txt`, in the compact format of `vocab_draft.py` ("Name | a: ... |
   p: ... | r: ..."; "~ alt .5: id, id, id" for pairwise related edges). A line whose name is
   "+ some-id" patches the existing entry `some-id` (aliases, case-sensitive forms, context words,
   parents, related) instead of creating one.
2. Spelling variants people write, derived from each entry's own forms by fixed rules:
   hyphen or space ("fine-tuning" / "fine tuning" / "finetuning"), British and American
   spellings for fields and methods ("optimisation"), vendor prefixes of cloud services
   ("Amazon X" / "AWS X", "Azure X" / "Microsoft Azure X", "Google Cloud X" / "GCP X"), the en
   dash of official certification names.
3. Names from the seed lists in /work/shared/taxonomy_sources: O*NET long forms, botocore full
   names and abbreviations, Simple Icons alternative names ("aka"), Linguist aliases of languages.

A candidate alias is dropped when its normalised form already names any entry, so the script can
never create the collisions `atsmatch vocab check` rejects. Run: python tools/vocab_grow.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import vocab_draft  # sheet parser and seed lists
import vocab_io

SHEETS = Path(__file__).resolve().parent / "grow"
SRC = vocab_draft.SRC
GENERIC = {"concept", "method", "math_stats", "practice", "metric", "soft_skill"}
JOIN_PREFIXES = ("fine", "pre", "multi", "hyper", "micro", "post", "auto", "meta")
# Linguist aliases are mostly file-type ids ("inc", "cake", "posh"): only these read as the
# language on a resume.
LINGUIST_ALLOW = {"pwsh", "vbnet", "xhtml", "jsonl", "nasm", "wolfram lang", "objectivec"}


def norm(text: str) -> str:
    """The key `atsmatch vocab check` compares forms by (NFKC, casefold, single spaces)."""
    from atsmatch.taxonomy import normalize_form

    return normalize_form(text)


class Vocab:
    """The skill files plus a form index, with add-only edits."""

    def __init__(self) -> None:
        self.files = vocab_io.read_all()
        self.by_id: dict[str, dict[str, Any]] = {}
        self.file_of: dict[str, vocab_io.SkillFile] = {}
        self.forms: dict[str, str] = {}
        self.cs_forms: set[str] = set()
        self.added: dict[str, int] = defaultdict(int)
        for file in self.files:
            for entry in file.entries:
                self.by_id[entry["id"]] = entry
                self.file_of[entry["id"]] = file
                for form in [entry["name"], *entry.get("aliases", [])]:
                    self.forms.setdefault(norm(form), entry["id"])
                for form in entry.get("case_sensitive", []):
                    self.forms.setdefault(norm(form), entry["id"])
                    self.cs_forms.add(norm(form))

    def category(self, skill_id: str) -> str:
        entry = self.by_id[skill_id]
        return str(entry.get("category") or self.file_of[skill_id].category)

    def own_forms(self, skill_id: str) -> list[str]:
        entry = self.by_id[skill_id]
        cs = set(entry.get("case_sensitive", []))
        return [f for f in [entry["name"], *entry.get("aliases", [])] if f not in cs]

    def add_alias(self, skill_id: str, alias: str, why: str) -> bool:
        alias = " ".join(alias.split())
        key = norm(alias)
        if not alias or key in self.forms:
            return False
        self.by_id[skill_id].setdefault("aliases", []).append(alias)
        self.forms[key] = skill_id
        self.added[why] += 1
        return True

    def add_cs(self, skill_id: str, form: str, why: str) -> bool:
        key = norm(form)
        owner = self.forms.get(key)
        if owner is not None and not (owner != skill_id and key in self.cs_forms):
            return False
        self.by_id[skill_id].setdefault("case_sensitive", []).append(form)
        self.forms.setdefault(key, skill_id)
        self.cs_forms.add(key)
        self.added[why] += 1
        return True

    def has_edge(self, a: str, b: str) -> bool:
        ea, eb = self.by_id[a], self.by_id[b]
        return any(r["id"] == b for r in [*ea.get("parents", []), *ea.get("related", [])]) or any(
            r["id"] == a for r in [*eb.get("parents", []), *eb.get("related", [])]
        )

    def add_parent(self, skill_id: str, parent: str, rel: str) -> None:
        if parent == skill_id or self.has_edge(skill_id, parent):
            return
        if skill_id in self.ancestors(parent):
            sys.exit(f"cycle: {skill_id} -> {parent}")
        self.by_id[skill_id].setdefault("parents", []).append({"id": parent, "rel": rel})
        self.added["parents"] += 1

    def ancestors(self, skill_id: str) -> set[str]:
        seen: set[str] = set()
        todo = [skill_id]
        while todo:
            for p in self.by_id[todo.pop()].get("parents", []):
                if p["id"] not in seen:
                    seen.add(p["id"])
                    todo.append(p["id"])
        return seen

    def add_related(self, skill_id: str, other: str, rel: str, weight: float) -> None:
        if other == skill_id or self.has_edge(skill_id, other):
            return
        self.by_id[skill_id].setdefault("related", []).append(
            {"id": other, "rel": rel, "weight": weight}
        )
        self.added["related"] += 1


# ------------------------------------------------------------------------------ sheets
def apply_sheets(vocab: Vocab) -> None:
    """New entries and patches from tools/grow/*.txt."""
    vocab_draft.SHEETS = SHEETS
    vocab_draft.REL.update({v: v for v in list(vocab_draft.REL.values())})  # long names too
    files, groups = vocab_draft.parse()
    names = vocab_draft.seed_names()
    patches = []
    for cat, entries in files.items():
        for e in entries:
            if e["name"].startswith("+ "):
                patches.append((e["name"][2:].strip(), e))
                continue
            if e["id"] in vocab.by_id:
                print(f"exists, not added again: {e['id']}")
                continue
            target = next((f for f in vocab.files if f.category == cat), None)
            if target is None:
                sys.exit(f"no skill file for category {cat}")
            entry: dict[str, Any] = {"id": e["id"], "name": e["name"]}
            vocab.by_id[e["id"]] = entry
            vocab.file_of[e["id"]] = target
            target.entries.append(entry)
            key = norm(e["name"])
            name_cs = e["name"] in e.get("cs", [])
            if key in vocab.forms and not name_cs:
                # the new, more specific entry takes the form over ("Java EE" was an alias of Java)
                owner = vocab.by_id[vocab.forms[key]]
                kept = [a for a in owner.get("aliases", []) if norm(a) != key]
                if len(kept) == len(owner.get("aliases", [])):
                    sys.exit(f"new entry {e['id']}: name {e['name']!r} names {owner['id']}")
                print(f"alias {e['name']!r} moves from {owner['id']} to new entry {e['id']}")
                owner["aliases"] = kept
                vocab.forms[key] = e["id"]
            if not name_cs:
                vocab.forms.setdefault(key, e["id"])
            for alias in e.get("aliases", []):
                if not vocab.add_alias(e["id"], alias, "new-entry aliases"):
                    print(
                        f"skip alias {alias!r} of new {e['id']}: names {vocab.forms[norm(alias)]}"
                    )
            for form in e.get("cs", []):
                if not vocab.add_cs(e["id"], form, "new-entry case-sensitive"):
                    print(f"skip case-sensitive {form!r} of new {e['id']}")
            if e.get("ctx"):
                entry["context"] = e["ctx"]
            for src_key, key_out in (("sub", "subcategory"), ("vendor", "vendor")):
                if e.get(src_key):
                    entry[key_out] = e[src_key]
            for src_key, key_out in (("iss", "issuer"), ("code", "code"), ("st", "status")):
                if e.get(src_key):
                    entry[key_out] = e[src_key]
            for src_key, key_out in (("cov", "covers"), ("sup", "superseded_by")):
                if e.get(src_key):
                    entry[key_out] = e[src_key]
            low = {f.lower() for f in [e["name"], *e.get("aliases", [])]}
            srcs: list[str] = []
            for src in ("onet", "linguist", "botocore", "simple-icons", "ethicalml"):
                if low & names[src]:
                    srcs.append(src)
            if srcs:
                entry["_sources"] = srcs
            entry["_parents"] = e["parents"]
            entry["_related"] = e["related"]
            vocab.added["entries"] += 1
    # edges once every new id exists
    for entry in list(vocab.by_id.values()):
        for pid, rel in entry.pop("_parents", []):
            need(vocab, pid, entry["id"])
            vocab.add_parent(entry["id"], pid, rel)
        for rid, rel, w in entry.pop("_related", []):
            need(vocab, rid, entry["id"])
            vocab.add_related(entry["id"], rid, rel, w)
        srcs = entry.pop("_sources", None)
        if srcs:
            entry["sources"] = srcs
    for skill_id, e in patches:
        need(vocab, skill_id, "patch")
        entry = vocab.by_id[skill_id]
        for alias in e.get("aliases", []):
            if not vocab.add_alias(skill_id, alias, "curated aliases"):
                owner = vocab.forms.get(norm(alias))
                if owner != skill_id:
                    print(f"skip alias {alias!r} of {skill_id}: names {owner}")
        for form in e.get("cs", []):
            vocab.add_cs(skill_id, form, "curated case-sensitive")
        if e.get("ctx"):
            ctx = entry.setdefault("context", [])
            ctx += [w for w in e["ctx"] if w not in ctx]
        for pid, rel in e["parents"]:
            need(vocab, pid, skill_id)
            vocab.add_parent(skill_id, pid, rel)
        for rid, rel, w in e["related"]:
            need(vocab, rid, skill_id)
            vocab.add_related(skill_id, rid, rel, w)
    for rel, weight, members in groups:
        for i, a in enumerate(members):
            need(vocab, a, "group")
            for b in members[i + 1 :]:
                need(vocab, b, "group")
                vocab.add_related(a, b, rel, weight)


def need(vocab: Vocab, skill_id: str, where: str) -> None:
    if skill_id not in vocab.by_id:
        sys.exit(f"{where}: unknown id {skill_id}")


# ------------------------------------------------------------------------------ rules
_HYPHEN = re.compile(r"\b([A-Za-z]{3,})-([A-Za-z]{3,})\b")
_BRIT = [
    (re.compile(r"\b([a-z]{3,})iz(e|es|ed|er|ers|ing|ation|ations)\b"), r"\1is\2"),
    (re.compile(r"\bmodeling\b"), "modelling"),
    (re.compile(r"\blabeling\b"), "labelling"),
    (re.compile(r"\banalyz(e|es|ed|ing)\b"), r"analys\1"),
    (re.compile(r"\bbehavior(al)?\b"), r"behaviour\1"),
]
_AMER = [
    (re.compile(r"\b([a-z]{3,})is(e|es|ed|er|ers|ing|ation|ations)\b"), r"\1iz\2"),
    (re.compile(r"\bmodelling\b"), "modeling"),
    (re.compile(r"\blabelling\b"), "labeling"),
    (re.compile(r"\banalys(e|es|ed|ing)\b"), r"analyz\1"),
    (re.compile(r"\bbehaviour(al)?\b"), r"behavior\1"),
]
# -ise words that are not the -ize suffix
_NOT_ISE = {
    "exercise",
    "expertise",
    "enterprise",
    "promise",
    "premise",
    "advertise",
    "compromise",
    "supervise",
    "revise",
    "devise",
    "comprise",
    "surprise",
    "noise",
    "raise",
    "precise",
    "concise",
    "wise",
    "otherwise",
    "franchise",
    "merchandise",
    "televise",
    "improvise",
    "advise",
    "disguise",
    "demise",
    "rise",
    "arise",
    "treatise",
    "paradise",
    "bruise",
    "cruise",
    "praise",
    "mortise",
    "chastise",
    "despise",
    "incise",
    "excise",
    "apprise",
}


def spelling_rules(vocab: Vocab) -> None:
    for skill_id in list(vocab.by_id):
        cat = vocab.category(skill_id)
        for form in vocab.own_forms(skill_id):
            if re.search(r"\d", form):
                continue
            if _HYPHEN.search(form):
                vocab.add_alias(skill_id, _HYPHEN.sub(r"\1 \2", form), "hyphen/space")
                if cat in GENERIC:
                    for m in _HYPHEN.finditer(form):
                        if m.group(1).lower() in JOIN_PREFIXES:
                            joined = form.replace(m.group(0), m.group(1) + m.group(2))
                            vocab.add_alias(skill_id, joined, "hyphen/joined")
            if cat in GENERIC and form == form.lower():
                for pattern, repl in (*_BRIT, *_AMER):
                    if pattern is _AMER[0][0] and any(w in form for w in _NOT_ISE):
                        continue
                    variant = pattern.sub(repl, form)
                    if variant != form:
                        vocab.add_alias(skill_id, variant, "british/american")


_PREFIXES = {
    "Amazon Web Services": [("Amazon Web Services ", []), ("Amazon ", ["AWS "]), ("AWS ", [])],
    "Microsoft": [("Azure ", ["Microsoft Azure "]), ("Microsoft Azure ", ["Azure "])],
    "Google": [
        ("Google Cloud ", ["GCP ", "Google "]),
        ("Google ", ["Google Cloud ", "GCP "]),
        ("Cloud ", ["Google Cloud ", "GCP "]),
        ("GCP ", ["Google Cloud "]),
    ],
}


def vendor_prefixes(vocab: Vocab) -> None:
    for skill_id in list(vocab.by_id):
        if vocab.category(skill_id) != "cloud_service":
            continue
        vendor = str(vocab.by_id[skill_id].get("vendor") or "")
        rules = next((r for v, r in _PREFIXES.items() if vendor.startswith(v)), None)
        if rules is None:
            continue
        for form in vocab.own_forms(skill_id):
            for prefix, others in rules:
                if not form.startswith(prefix):
                    continue
                rest = form[len(prefix) :]
                if len(rest) < 3 or (rest.startswith(("Cloud ", "Web ")) and prefix == "Google "):
                    continue
                for other in others:
                    vocab.add_alias(skill_id, other + rest, "vendor prefix")
                break


def dash_variants(vocab: Vocab) -> None:
    for skill_id in list(vocab.by_id):
        if vocab.category(skill_id) != "certification":
            continue
        for form in vocab.own_forms(skill_id):
            if " - " in form:
                vocab.add_alias(skill_id, form.replace(" - ", " – "), "certification en dash")
                vocab.add_alias(skill_id, form.replace(" - ", " "), "certification no dash")


# ------------------------------------------------------------------------------ seeds
_ONET_PREFIXES = (
    *vocab_draft.ONET_PREFIXES,
    "The MathWorks ",
    "Atlassian ",
    "Red Hat ",
    "SAS ",
    "Salesforce ",
    "Meta ",
    "Facebook ",
    "Hugging Face ",
    "Docker ",
    "HashiCorp ",
    "Elastic ",
    "JetBrains ",
    "Tableau ",
    "Databricks ",
    "Snowflake ",
    "Cloudera ",
    "Teradata ",
    "SAP ",
    "Adobe ",
    "Alteryx ",
    "Qlik ",
    "Python ",
)


def onet_forms(vocab: Vocab) -> None:
    path = SRC / "onet/DERIVED_onet_29.2_tech_examples_for_15-xxxx_computer_math_occupations.tsv"
    for row in csv.DictReader(path.open(), delimiter="\t"):
        example = row["example"]
        if norm(example) in vocab.forms:
            continue
        core = re.sub(r"\s+software$", "", example)
        candidates = [core]
        for prefix in _ONET_PREFIXES:
            if core.startswith(prefix):
                candidates.append(core[len(prefix) :])
        for cand in candidates:
            owner = vocab.forms.get(norm(cand))
            if owner is None or norm(cand) in vocab.cs_forms:
                continue
            if vocab.category(owner) in vocab_draft.NO_ONET_FORMS:
                continue
            if vocab.add_alias(owner, example, "O*NET long forms"):
                srcs = vocab.by_id[owner].setdefault("sources", [])
                if "onet" not in srcs:
                    srcs.insert(0, "onet")
            break


def botocore_forms(vocab: Vocab) -> None:
    rows = csv.DictReader((SRC / "aws/aws_services_botocore.tsv").open(), delimiter="\t")
    for row in rows:
        names = [n for n in (row["serviceFullName"], row["serviceAbbreviation"]) if n]
        owners = {vocab.forms.get(norm(n)) for n in names} - {None}
        owners = {o for o in owners if o and vocab.category(o) == "cloud_service"}
        if len(owners) != 1:
            continue
        (owner,) = owners
        for name in names:
            readable = " " in name or (name.isupper() and len(name) <= 8)
            if readable and len(name) > 3 and vocab.add_alias(owner, name, "botocore names"):
                srcs = vocab.by_id[owner].setdefault("sources", [])
                if "botocore" not in srcs:
                    srcs.append("botocore")


def simple_icons_forms(vocab: Vocab) -> None:
    icons = json.loads((SRC / "simple_icons/simple-icons_16.37.0.json").read_text())
    for icon in icons:
        owner = vocab.forms.get(norm(icon["title"]))
        aliases = icon.get("aliases") or {}
        if owner is None or not aliases:
            continue
        if norm(icon["title"]) in vocab.cs_forms:
            continue
        names = list(aliases.get("aka", [])) + [d["title"] for d in aliases.get("dup", [])]
        for name in names:
            if len(name) >= 3 and vocab.add_alias(owner, name, "simple-icons aka"):
                srcs = vocab.by_id[owner].setdefault("sources", [])
                if "simple-icons" not in srcs:
                    srcs.append("simple-icons")


def linguist_forms(vocab: Vocab) -> None:
    langs = json.loads((SRC / "linguist/linguist_languages_9.5.0.json").read_text())
    for lang in langs:
        owner = vocab.forms.get(norm(lang["name"]))
        if owner is None or vocab.category(owner) != "language":
            continue
        if norm(lang["name"]) in vocab.cs_forms:
            continue
        for alias in lang.get("aliases", []):
            if alias in LINGUIST_ALLOW and vocab.add_alias(owner, alias, "linguist aliases"):
                srcs = vocab.by_id[owner].setdefault("sources", [])
                if "linguist" not in srcs:
                    srcs.append("linguist")


# Everyday words that named a soft skill: company blurbs ("we value innovation", "flexibility
# of working hours", "autonomy") matched them in the SkillSpan dev postings.
TOO_BROAD = {
    "creativity": {"innovation"},
    "adaptability": {"flexibility"},
    "ownership": {"autonomy"},
    "teaching": {"workshops"},
}


def hand_fixes(vocab: Vocab) -> None:
    """Forms that were too broad: bare "optimisation" named Operations Research, so "cost
    optimisation" matched it, and bare "optimization" named the maths entry."""
    for skill_id, words in TOO_BROAD.items():
        entry = vocab.by_id[skill_id]
        entry["aliases"] = [a for a in entry.get("aliases", []) if norm(a) not in words]
        for word in words:
            vocab.forms.pop(word, None)
    research = vocab.by_id["operations-research"]
    drop = {"optimisation", "mathematical optimization", "mathematical optimisation"}
    research["aliases"] = [a for a in research.get("aliases", []) if norm(a) not in drop]
    maths = vocab.by_id["optimization"]
    if maths["name"] == "Optimization":
        maths["name"] = "Mathematical Optimization"
        maths["aliases"] = [a for a in maths.get("aliases", []) if norm(a) != norm(maths["name"])]
        for key in ("optimization", "optimisation", "mathematical optimization"):
            vocab.forms.pop(key, None)
        vocab.forms[norm(maths["name"])] = "optimization"
        for alias in (
            "mathematical optimisation",
            "optimization theory",
            "optimisation theory",
            "optimization algorithms",
            "optimisation algorithms",
        ):
            vocab.add_alias("optimization", alias, "curated aliases")


def main() -> None:
    vocab = Vocab()
    hand_fixes(vocab)
    apply_sheets(vocab)
    spelling_rules(vocab)
    vendor_prefixes(vocab)
    dash_variants(vocab)
    onet_forms(vocab)
    botocore_forms(vocab)
    simple_icons_forms(vocab)
    linguist_forms(vocab)
    for file in vocab.files:
        vocab_io.write(file)
    for why, n in sorted(vocab.added.items()):
        print(f"{n:6d}  {why}")


if __name__ == "__main__":
    main()
