"""Draft vocab/skills/*.toml from the compact curation sheets in tools/draft/*.txt (not shipped).

A sheet is one entry per line, fields separated by " | ":

    @category library          following entries go to skills/library.toml
    @sub deep learning         default subcategory ("@sub -" clears it)
    @vendor Amazon Web Services default vendor ("@vendor -" clears it)
    @parent aws po             default parent(s) added to each entry ("@parent -" clears)
    PyTorch | a: torch | p: deep-learning isa | r: tensorflow alt .5 | v: Meta
    ~ eq .6: amazon-sagemaker, vertex-ai, azure-machine-learning   (pairwise related edges)

Fields: a (aliases), cs (case-sensitive forms), ctx (context words), p (parents: "id rel"),
r (related: "id rel weight"), v (vendor), sub, id, iss (issuer), code, cov (covers),
st (status), sup (superseded_by). Ids default to a slug of the name.
rel short forms: po part_of, im implements, bo built_on, isa is_a, eq equivalent_to,
alt alternative_to, comp complements.

Sources are attached by lookup: a name found in a seed list in /work/shared/taxonomy_sources
gets that list's id; O*NET long forms ("Amazon Web Services AWS CloudFormation") become aliases.
Run: python tools/vocab_draft.py   (rewrites vocab/skills/*.toml)
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHEETS = ROOT / "tools" / "draft"
OUT = ROOT / "vocab" / "skills"
SRC = Path("/work/shared/taxonomy_sources")

REL = {
    "po": "part_of",
    "im": "implements",
    "bo": "built_on",
    "isa": "is_a",
    "eq": "equivalent_to",
    "alt": "alternative_to",
    "comp": "complements",
}
ONET_PREFIXES = (
    "Amazon Web Services AWS ",
    "Amazon Web Services ",
    "Amazon ",
    "AWS ",
    "Apache ",
    "Google ",
    "Microsoft Azure ",
    "Microsoft ",
    "Oracle ",
    "IBM ",
)
NO_ONET_FORMS = {
    "certification",
    "soft_skill",
    "concept",
    "method",
    "metric",
    "math_stats",
    "practice",
}
HEADERS = {
    "language": "Programming, query and shell languages.",
    "library": "Libraries and packages imported in code.",
    "framework": "Application, web and ML frameworks.",
    "genai_tool": "GenAI and LLM application tooling: orchestration, vector search, eval, serving.",
    "model": "Model families and named models.",
    "mlops_tool": "MLOps tools: tracking, registry, orchestration, serving, monitoring, labeling.",
    "data_tool": "Data processing, streaming, integration and quality tools.",
    "database": "Databases and data warehouses (self-managed or vendor products).",
    "cloud_platform": "Cloud providers.",
    "cloud_service": "Managed services of the cloud providers.",
    "devops_tool": "Containers, infrastructure as code, CI/CD and observability.",
    "bi_tool": "Business intelligence, reporting and spreadsheet tools.",
    "dev_tool": "Editors, notebooks, version control and developer tooling.",
    "hardware": "Accelerators and compute hardware.",
    "concept": "Fields and concepts of ML, data and software.",
    "method": "Methods, algorithms and techniques.",
    "metric": "Evaluation and operational metrics.",
    "math_stats": "Mathematics and statistics.",
    "practice": "Engineering practices.",
    "certification": "Certifications; codes and status from the issuers' public exam pages.",
    "soft_skill": "Soft skills.",
}


def slug(name: str) -> str:
    s = name.lower().replace("&", " and ").replace("+", "p").replace("#", "sharp")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def seed_names() -> dict[str, set[str]]:
    """Lower-cased names per source id, to credit the sources an entry's name appears in."""
    out: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader((SRC / "aws/aws_services_botocore.tsv").open(), delimiter="\t"):
        for key in ("serviceFullName", "serviceAbbreviation"):
            if row[key]:
                out["botocore"].add(row[key].lower())
    for lang in json.loads((SRC / "linguist/linguist_languages_9.5.0.json").read_text()):
        out["linguist"].add(lang["name"].lower())
    for icon in json.loads((SRC / "simple_icons/simple-icons_16.37.0.json").read_text()):
        out["simple-icons"].add(icon["title"].lower())
    for row in csv.DictReader((SRC / "ethicalml/ethicalml_tools.tsv").open(), delimiter="\t"):
        out["ethicalml"].add(row["name"].lower())
    onet = SRC / "onet/DERIVED_onet_29.2_tech_examples_for_15-xxxx_computer_math_occupations.tsv"
    for row in csv.DictReader(onet.open(), delimiter="\t"):
        out["onet"].add(row["example"].lower())
    return out


def onet_examples() -> list[str]:
    onet = SRC / "onet/DERIVED_onet_29.2_tech_examples_for_15-xxxx_computer_math_occupations.tsv"
    return [row["example"] for row in csv.DictReader(onet.open(), delimiter="\t")]


def q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def qlist(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def split(v: str) -> list[str]:
    return [x.strip() for x in v.split(",") if x.strip()]


def parse() -> tuple[dict[str, list[dict]], list[tuple[str, float, list[str]]]]:
    files: dict[str, list[dict]] = defaultdict(list)
    groups: list[tuple[str, float, list[str]]] = []
    for sheet in sorted(SHEETS.glob("*.txt")):
        cat = sub = vendor = None
        dparents: list[tuple[str, str]] = []
        for n, raw in enumerate(sheet.read_text().splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                key, _, val = line[1:].partition(" ")
                val = val.strip()
                if key == "category":
                    cat, sub, vendor, dparents = val, None, None, []
                elif key == "sub":
                    sub = None if val == "-" else val
                elif key == "vendor":
                    vendor = None if val == "-" else val
                elif key == "parent":
                    dparents = [] if val == "-" else [tuple(p.split()) for p in split(val)]
                else:
                    sys.exit(f"{sheet}:{n}: unknown directive {key}")
                continue
            if line.startswith("~"):
                head, _, members = line[1:].partition(":")
                rel, weight = head.split()
                groups.append((REL[rel], float(weight), split(members)))
                continue
            fields = [f.strip() for f in line.split(" | ")]
            e: dict = {"name": fields[0], "category": cat, "sub": sub, "vendor": vendor}
            e["parents"] = [(i, REL[r]) for i, r in dparents]
            e["related"] = []
            for f in fields[1:]:
                key, _, val = f.partition(":")
                val = val.strip()
                if key == "a":
                    e["aliases"] = split(val)
                elif key == "cs":
                    e["cs"] = split(val)
                elif key == "ctx":
                    e["ctx"] = split(val)
                elif key == "p":
                    e["parents"] = e["parents"] + [
                        (p.split()[0], REL[p.split()[1]] if len(p.split()) > 1 else "is_a")
                        for p in split(val)
                    ]
                elif key == "p!":
                    e["parents"] = [
                        (p.split()[0], REL[p.split()[1]] if len(p.split()) > 1 else "is_a")
                        for p in split(val)
                    ]
                elif key == "r":
                    for r in split(val):
                        i, rel, w = r.split()
                        e["related"].append((i, REL[rel], float(w)))
                elif key in ("v", "sub", "id", "iss", "code", "st"):
                    e[key if key != "v" else "vendor"] = None if val == "-" else val
                elif key in ("cov", "sup"):
                    e[key] = split(val)
                else:
                    sys.exit(f"{sheet}:{n}: unknown field {key!r} in {line!r}")
            e.setdefault("id", slug(e["name"]))
            for pid, prel in list(e["parents"]):
                if prel in ("equivalent_to", "alternative_to", "complements"):
                    e["parents"].remove((pid, prel))
                    e["related"].append((pid, prel, 0.5))
            seen = {" ".join(e["name"].casefold().split())}
            kept = []
            for alias in e.get("aliases", []):
                key = " ".join(alias.casefold().split())
                if key not in seen:
                    seen.add(key)
                    kept.append(alias)
            e["aliases"] = kept
            if e["id"] in {p[0] for p in e["parents"]}:
                e["parents"] = [p for p in e["parents"] if p[0] != e["id"]]
            files[cat].append(e)
    return files, groups


def main() -> None:
    files, groups = parse()
    by_id = {e["id"]: e for es in files.values() for e in es}
    for rel, weight, members in groups:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a not in by_id or b not in by_id:
                    sys.exit(f"group member missing: {a if a not in by_id else b}")
                if any(r[0] == b for r in by_id[a]["related"]) or any(
                    r[0] == a for r in by_id[b]["related"]
                ):
                    continue
                by_id[a]["related"].append((b, rel, weight))
    names = seed_names()
    examples = onet_examples()
    onet_long: dict[str, list[str]] = defaultdict(list)
    for ex in examples:
        for prefix in ONET_PREFIXES:
            if ex.startswith(prefix):
                onet_long[ex[len(prefix) :].lower()].append(ex)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.toml"):
        old.unlink()
    for cat, entries in files.items():
        out = [
            f"# {HEADERS.get(cat, cat)}",
            "# Edit by hand; vocab/README.md describes the format.",
            "",
        ]
        out.append(f"category = {q(cat)}")
        for e in entries:
            forms = [e["name"], *e.get("aliases", []), *e.get("cs", [])]
            low = {f.lower() for f in forms}
            aliases = list(e.get("aliases", []))
            srcs = []
            for src in ("onet", "linguist", "botocore", "simple-icons", "ethicalml"):
                if low & names[src]:
                    srcs.append(src)
            if cat not in (
                "certification",
                "soft_skill",
                "concept",
                "method",
                "metric",
                "math_stats",
                "practice",
            ):
                for f in forms:
                    for long in onet_long.get(f.lower(), []):
                        if long.lower() not in low and long.lower() not in {
                            a.lower() for a in aliases
                        }:
                            aliases.append(long)
                            if "onet" not in srcs:
                                srcs.insert(0, "onet")
            out += ["", "[[skill]]", f"id = {q(e['id'])}", f"name = {q(e['name'])}"]
            if aliases:
                out.append(f"aliases = {qlist(aliases)}")
            if e.get("cs"):
                out.append(f"case_sensitive = {qlist(e['cs'])}")
            if e.get("ctx"):
                out.append(f"context = {qlist(e['ctx'])}")
            if e.get("sub"):
                out.append(f"subcategory = {q(e['sub'])}")
            if e.get("vendor"):
                out.append(f"vendor = {q(e['vendor'])}")
            for key, name in (("iss", "issuer"), ("code", "code")):
                if e.get(key):
                    out.append(f"{name} = {q(e[key])}")
            if e.get("cov"):
                out.append(f"covers = {qlist(e['cov'])}")
            if e.get("st"):
                out.append(f"status = {q(e['st'])}")
            if e.get("sup"):
                out.append(f"superseded_by = {qlist(e['sup'])}")
            if e["parents"]:
                ps = ", ".join(f'{{ id = {q(i)}, rel = "{r}" }}' for i, r in e["parents"])
                out.append(f"parents = [{ps}]")
            if e["related"]:
                rs = [f'{{ id = {q(i)}, rel = "{r}", weight = {w:g} }}' for i, r, w in e["related"]]
                if len(rs) == 1:
                    out.append(f"related = [{rs[0]}]")
                else:
                    out.append("related = [\n" + "".join(f"  {r},\n" for r in rs) + "]")
            if srcs:
                out.append(f"sources = {qlist(srcs)}")
        (OUT / f"{cat}.toml").write_text("\n".join(out) + "\n")
    print(f"{sum(len(v) for v in files.values())} entries in {len(files)} files")


if __name__ == "__main__":
    main()
