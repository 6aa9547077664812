"""Tests for atsmatch.taxonomy: loading, validation, overlays, relations and search."""

from __future__ import annotations

import datetime
import re
import textwrap
import threading
import tomllib
from pathlib import Path

import pytest

from atsmatch._resources import bundled_vocab_dir
from atsmatch.errors import TaxonomyError, TaxonomyValidationError
from atsmatch.taxonomy import (
    PARENT_RELATIONS,
    RELATED_RELATIONS,
    Taxonomy,
    load_taxonomy,
    normalize_form,
    validate_vocab,
)

MANIFEST = """\
schema_version = 1
version = "2026.1.0"
categories = ["language", "library", "concept", "certification"]

[[sources]]
id = "onet"
name = "O*NET"
licence = "CC-BY-4.0"
"""

GOOD_SKILLS = """\
category = "library"

[[skill]]
id = "machine-learning"
name = "Machine Learning"
category = "concept"
aliases = ["ML"]

[[skill]]
id = "pytorch"
name = "PyTorch"
aliases = ["torch"]
parents = [{ id = "machine-learning", rel = "is_a" }]
related = [{ id = "tensorflow", rel = "alternative_to", weight = 0.5 }]

[[skill]]
id = "tensorflow"
name = "TensorFlow"
parents = [{ id = "machine-learning", rel = "is_a" }]

[[skill]]
id = "cert-ml"
name = "ML Certificate"
category = "certification"
issuer = "Someone"
covers = ["pytorch"]
status = "retired"
superseded_by = ["cert-ml-2"]

[[skill]]
id = "cert-ml-2"
name = "ML Certificate 2"
category = "certification"
issuer = "Someone"
covers = ["pytorch"]
"""


def write(root: Path, rel: str, text: str) -> Path:
    """Write a file under root, creating folders."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A small, valid vocabulary directory."""
    root = tmp_path / "vocab"
    write(root, "manifest.toml", MANIFEST)
    write(root, "skills/main.toml", GOOD_SKILLS)
    return root


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    """The bundled vocabulary."""
    return load_taxonomy()


class TestBundled:
    """The shipped vocabulary."""

    def test_validates_clean(self) -> None:
        """The bundled vocabulary has no validation issue at all."""
        assert validate_vocab() == []

    def test_cache_returns_same_object(self) -> None:
        """Loading without overlays returns one shared, cached object."""
        assert load_taxonomy() is load_taxonomy()

    def test_cache_is_thread_safe(self) -> None:
        """Concurrent first loads all see the same object."""
        seen: list[Taxonomy] = []
        threads = [threading.Thread(target=lambda: seen.append(load_taxonomy())) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len({id(t) for t in seen}) == 1

    def test_minimum_sizes(self, tax: Taxonomy) -> None:
        """The release targets of issue 3: 1,500 entries, 5,000 aliases, 3,000 edges."""
        stats = tax.stats()
        assert stats["skills"] >= 1500
        assert stats["aliases"] >= 5000
        assert stats["edges"] >= 3000
        assert stats["certifications"] >= 43
        assert stats["roles"] == 21
        assert stats["verbs"] >= 250
        assert stats["weak_openers"] >= 50
        assert stats["buzzwords"] >= 60

    def test_every_category_used(self, tax: Taxonomy) -> None:
        """Every category of the manifest holds entries."""
        per_category = tax.stats()["categories"]
        assert isinstance(per_category, dict)
        assert all(per_category[c] > 0 for c in tax.categories)

    def test_version_is_calver(self, tax: Taxonomy) -> None:
        """The data version is the manifest's CalVer (YYYY.MM.N), without an overlay marker."""
        with (bundled_vocab_dir() / "manifest.toml").open("rb") as fh:
            manifest = tomllib.load(fh)
        assert re.fullmatch(r"20\d\d\.(?:[1-9]|1[0-2])\.\d+", tax.version)
        assert tax.version == manifest["version"]
        assert tax.schema_version == 1

    def test_skills_sorted_by_id(self, tax: Taxonomy) -> None:
        """`skills` iterates in id order (stable output)."""
        ids = list(tax.skills)
        assert ids == sorted(ids)

    def test_read_only(self, tax: Taxonomy) -> None:
        """A shared taxonomy cannot be mutated."""
        with pytest.raises(AttributeError):
            tax.version = "x"  # type: ignore[misc]
        with pytest.raises(TypeError):
            tax.skills["x"] = tax.skills["pytorch"]  # type: ignore[index]

    def test_no_parent_cycles(self, tax: Taxonomy) -> None:
        """Walking up the parents always ends, and never returns to the start."""
        for sid in tax.skills:
            assert sid not in tax.ancestors(sid)

    def test_role_skills_exist(self, tax: Taxonomy) -> None:
        """Every skill and certification named by a role profile exists."""
        for role in tax.roles.values():
            for sid, weight in (*role.core, *role.nice):
                assert sid in tax.skills, (role.id, sid)
                assert weight > 0
            for cid in role.certifications:
                assert tax.skills[cid].category == "certification"

    def test_the_eleven_roles(self, tax: Taxonomy) -> None:
        """The role profiles promised in TAXONOMY.md ship (among others)."""
        assert set(tax.roles) >= {
            "ml-engineer",
            "mlops-engineer",
            "ml-platform-engineer",
            "data-scientist",
            "data-engineer",
            "ai-engineer",
            "research-scientist",
            "computer-vision-engineer",
            "nlp-engineer",
            "analytics-engineer",
            "data-analyst",
        }

    def test_relations_use_known_kinds(self, tax: Taxonomy) -> None:
        """Parents and related edges use only the documented relation names."""
        for s in tax.skills.values():
            assert all(p.rel in PARENT_RELATIONS for p in s.parents)
            assert all(r.rel in RELATED_RELATIONS and 0 <= r.weight <= 1 for r in s.related)

    def test_headings_loaded(self, tax: Taxonomy) -> None:
        """lexicon/headings.toml is loaded into resume and job heading maps."""
        assert "experience" in tax.resume_headings["experience"]
        assert tax.job_headings


class TestAmbiguity:
    """Names that are English words or letters are case-sensitive, with context where needed."""

    @pytest.mark.parametrize(
        ("skill_id", "form"),
        [
            ("r-lang", "R"),
            ("c-lang", "C"),
            ("golang", "Go"),
            ("d-lang", "D"),
            ("julia", "Julia"),
            ("rust", "Rust"),
            ("swift", "Swift"),
            ("apache-spark", "Spark"),
            ("ray", "Ray"),
            ("plotly-dash", "Dash"),
            ("apache-hive", "Hive"),
            ("apache-pig", "Pig"),
            ("apache-beam", "Beam"),
            ("flask", "Flask"),
            ("excel", "Excel"),
            ("microsoft-access", "Access"),
            ("aws-glue", "Glue"),
            ("aws-lambda", "Lambda"),
            ("amazon-polly", "Polly"),
            ("amazon-forecast", "Forecast"),
            ("amazon-personalize", "Personalize"),
            ("amazon-translate", "Translate"),
            ("amazon-comprehend", "Comprehend"),
            ("amazon-athena", "Athena"),
            ("aws-batch", "Batch"),
            ("aws-backup", "Backup"),
            ("cka", "CKA"),
            ("gcp-ace", "ACE"),
            ("gcp-pde", "PDE"),
        ],
    )
    def test_case_sensitive(self, tax: Taxonomy, skill_id: str, form: str) -> None:
        """The ambiguous form matches only with its exact casing."""
        skill = tax.skills[skill_id]
        assert form in skill.case_sensitive
        assert tax.case_sensitive_index[form] == skill_id
        assert normalize_form(form) not in tax.alias_index

    @pytest.mark.parametrize("skill_id", ["r-lang", "c-lang", "golang", "apache-spark", "cka"])
    def test_context_words(self, tax: Taxonomy, skill_id: str) -> None:
        """The riskiest case-sensitive names also require context words nearby."""
        assert tax.skills[skill_id].context

    def test_c_family_distinct(self, tax: Taxonomy) -> None:
        """C, C++ and C# are three entries."""
        assert tax.lookup("C++") is tax.skills["cpp"]
        assert tax.lookup("C#") is tax.skills["c-sharp"]
        assert tax.lookup("C") is tax.skills["c-lang"]

    def test_gpt_means_models(self, tax: Taxonomy) -> None:
        """'gpt' names the GPT model family, nothing else."""
        assert tax.alias_index["gpt"] == "gpt"
        assert tax.skills["gpt"].category == "model"


class TestRelations:
    """children, related_to, ancestors and certifications_covering."""

    def test_children(self, tax: Taxonomy) -> None:
        """SageMaker is a child of AWS; PyTorch Lightning is built on PyTorch."""
        assert "amazon-sagemaker" in tax.children("aws")
        assert "pytorch-lightning" in tax.children("pytorch")
        assert tax.children("no-such-skill") == ()

    def test_parents_as_briefed(self, tax: Taxonomy) -> None:
        """The example edges of the brief exist with their relation."""
        rels = {(p.id, p.rel) for p in tax.skills["amazon-eks"].parents}
        assert ("kubernetes", "implements") in rels
        assert ("gradient-boosting", "is_a") in {
            (p.id, p.rel) for p in tax.skills["xgboost"].parents
        }

    def test_related_symmetric(self, tax: Taxonomy) -> None:
        """An edge declared on one side is visible from both, with the same weight."""
        for sid, skill in tax.skills.items():
            for rel in skill.related:
                back = {r.id: r for r in tax.related_to(rel.id)}
                assert sid in back
                assert back[sid].weight == rel.weight

    def test_cross_cloud_equivalents(self, tax: Taxonomy) -> None:
        """SageMaker, Vertex AI and Azure ML are equivalent with partial weight."""
        around = {r.id: r for r in tax.related_to("vertex-ai")}
        assert around["amazon-sagemaker"].rel == "equivalent_to"
        assert 0 < around["azure-machine-learning"].weight < 1

    def test_ancestors(self, tax: Taxonomy) -> None:
        """Ancestors walk all the way up, nearest first."""
        up = tax.ancestors("sagemaker-pipelines")
        assert up[0] == "amazon-sagemaker"
        assert "aws" in up

    def test_certifications_covering_active_first(self, tax: Taxonomy) -> None:
        """Certifications covering SageMaker list active ones before retired ones."""
        certs = tax.certifications_covering("amazon-sagemaker")
        ids = [c.id for c in certs]
        assert "aws-mla-c01" in ids
        assert "aws-mls-c01" in ids
        statuses = [c.status for c in certs]
        assert statuses == sorted(statuses, key=lambda s: s != "active")

    def test_retired_cert_points_to_successor(self, tax: Taxonomy) -> None:
        """MLS-C01 is retired and superseded by MLA-C01 / AIP-C01."""
        mls = tax.skills["aws-mls-c01"]
        assert mls.status == "retired"
        assert set(mls.superseded_by) == {"aws-mla-c01", "aws-aip-c01"}
        assert mls.code == "MLS-C01"


class TestSearch:
    """Exact lookup first, then fuzzy."""

    @pytest.mark.parametrize(
        ("term", "expected"),
        [
            ("kubernates", "kubernetes"),
            ("sklearn", "scikit-learn"),
            ("scikit learn", "scikit-learn"),
            ("C++", "cpp"),
            ("k8s", "kubernetes"),
            ("AWS SageMaker", "amazon-sagemaker"),
            ("natural language processing", "nlp"),
            ("large language models", "llm"),
            ("AI Platform", "vertex-ai"),
            ("pytorch", "pytorch"),
            ("tensorflw", "tensorflow"),
        ],
    )
    def test_finds(self, tax: Taxonomy, term: str, expected: str) -> None:
        """The expected skill comes first."""
        assert tax.search(term)[0].id == expected

    def test_cpp_not_c(self, tax: Taxonomy) -> None:
        """'C++' never returns plain C first (no processor that strips '+')."""
        hits = [s.id for s in tax.search("C++")]
        assert hits[0] == "cpp"
        assert "c-lang" not in hits[:1]

    def test_limit_and_empty(self, tax: Taxonomy) -> None:
        """limit bounds the result; empty input finds nothing."""
        assert len(tax.search("data", limit=3)) == 3
        assert tax.search("   ") == []
        assert tax.search("zzzzqqqxx") == []

    def test_lookup_case_rules(self, tax: Taxonomy) -> None:
        """lookup honours case-sensitive forms and ids."""
        assert tax.lookup("Spark") is tax.skills["apache-spark"]
        assert tax.lookup("apache-spark") is tax.skills["apache-spark"]
        assert tax.lookup("go") is None


class TestValidation:
    """Every kind of mistake is reported, all at once, as 'file: entry: message'."""

    def test_tiny_vocab_loads(self, tiny: Path) -> None:
        """A valid custom base directory loads."""
        tax = load_taxonomy(base=tiny)
        assert set(tax.skills) == {
            "machine-learning",
            "pytorch",
            "tensorflow",
            "cert-ml",
            "cert-ml-2",
        }
        assert [c.id for c in tax.certifications_covering("pytorch")] == ["cert-ml-2", "cert-ml"]

    def test_every_problem_at_once(self, tiny: Path) -> None:
        """One bad file with many mistakes yields one issue per mistake, in one exception."""
        write(
            tiny,
            "skills/bad.toml",
            """\
            category = "library"

            [[skill]]
            id = "pytorch"
            name = "Duplicate"

            [[skill]]
            id = "Bad_Id"
            name = "Bad"

            [[skill]]
            id = "typo"
            name = "Typo"
            alias = ["x"]

            [[skill]]
            id = "dangling"
            name = "Dangling"
            parents = [{ id = "nowhere", rel = "is_a" }]
            related = [{ id = "nowhere-else", rel = "alternative_to", weight = 0.5 }]

            [[skill]]
            id = "heavy"
            name = "Heavy"
            related = [{ id = "pytorch", rel = "alternative_to", weight = 1.5 }]

            [[skill]]
            id = "wrong-cat"
            name = "Wrong Category"
            category = "libary"

            [[skill]]
            id = "steals-alias"
            name = "Steals"
            aliases = ["TENSORFLOW"]

            [[skill]]
            id = "cycle-a"
            name = "Cycle A"
            parents = [{ id = "cycle-b", rel = "part_of" }]

            [[skill]]
            id = "cycle-b"
            name = "Cycle B"
            parents = [{ id = "cycle-a", rel = "part_of" }]

            [[skill]]
            id = "bad-cert"
            name = "Bad Cert"
            category = "certification"
            issuer = "X"
            covers = ["ghost"]
            status = "retired"
            superseded_by = ["phantom"]

            [[skill]]
            id = "bad-source"
            name = "Bad Source"
            sources = ["nowhere"]

            [[skill]]
            id = "bad-rel"
            name = "Bad Rel"
            parents = [{ id = "pytorch", rel = "cousin_of" }]
            """,
        )
        write(
            tiny,
            "roles/r.toml",
            """\
            id = "r"
            name = "Role"
            core = [{ id = "ghost-skill", weight = 2 }]
            certifications = ["pytorch"]
            """,
        )
        with pytest.raises(TaxonomyValidationError) as info:
            load_taxonomy(base=tiny)
        text = "\n".join(info.value.issues)
        expected = [
            "pytorch: duplicate id (also in skills/",
            "skills/bad.toml: Bad_Id: id must be a slug",
            "skills/bad.toml: typo: alias: unknown key (typo?)",
            "skills/bad.toml: dangling: is_a 'nowhere': no such skill",
            "skills/bad.toml: dangling: alternative_to 'nowhere-else': no such skill",
            "skills/bad.toml: heavy: related.0.weight",
            "skills/bad.toml: wrong-cat: unknown category 'libary'",
            "parent cycle: cycle-",
            "skills/bad.toml: bad-cert: covers 'ghost': no such skill",
            "skills/bad.toml: bad-cert: superseded_by 'phantom': no such skill",
            "skills/bad.toml: bad-source: unknown source 'nowhere'",
            "skills/bad.toml: bad-rel: parents.0.rel",
            "roles/r.toml: r: skill 'ghost-skill': no such skill",
            "roles/r.toml: r: 'pytorch' is not a certification",
        ]
        for needle in expected:
            assert needle in text, needle
        assert any("steals-alias" in i and "also names" in i for i in info.value.issues)
        assert validate_vocab(base=tiny) == list(info.value.issues)

    def test_case_sensitive_forms_may_share_casefold(self, tiny: Path) -> None:
        """'Go' and 'GO' may name two entries when both are declared case-sensitive."""
        write(
            tiny,
            "skills/go.toml",
            """\
            category = "language"

            [[skill]]
            id = "golang"
            name = "Go"
            case_sensitive = ["Go"]

            [[skill]]
            id = "gene-ontology"
            name = "Gene Ontology"
            category = "concept"
            case_sensitive = ["GO"]
            """,
        )
        tax = load_taxonomy(base=tiny)
        assert tax.case_sensitive_index["Go"] == "golang"
        assert tax.case_sensitive_index["GO"] == "gene-ontology"

    def test_case_sensitive_vs_plain_alias_collides(self, tiny: Path) -> None:
        """A case-sensitive form may not shadow another entry's case-insensitive alias."""
        write(
            tiny,
            "skills/c.toml",
            """\
            category = "language"

            [[skill]]
            id = "torch-lua"
            name = "Torch Lua"
            case_sensitive = ["Torch"]
            """,
        )
        issues = validate_vocab(base=tiny)
        assert any("form 'Torch' also names 'pytorch'" in i for i in issues)

    def test_cpp_and_c_do_not_collide(self, tiny: Path) -> None:
        """Normalisation keeps punctuation: C, C++ and C# are distinct forms."""
        write(
            tiny,
            "skills/c.toml",
            """\
            category = "language"

            [[skill]]
            id = "c-lang"
            name = "C"
            case_sensitive = ["C"]

            [[skill]]
            id = "cpp"
            name = "C++"

            [[skill]]
            id = "c-sharp"
            name = "C#"
            """,
        )
        assert validate_vocab(base=tiny) == []

    def test_entry_rules(self, tiny: Path) -> None:
        """Context without case forms, certification fields elsewhere, self edges are errors."""
        write(
            tiny,
            "skills/rules.toml",
            """\
            category = "library"

            [[skill]]
            id = "ctx-only"
            name = "Ctx"
            context = ["x"]

            [[skill]]
            id = "not-cert"
            name = "Not Cert"
            issuer = "X"

            [[skill]]
            id = "cert-no-issuer"
            name = "Cert No Issuer"
            category = "certification"

            [[skill]]
            id = "selfish"
            name = "Selfish"
            related = [{ id = "selfish", rel = "complements", weight = 0.2 }]

            [[skill]]
            id = "active-superseded"
            name = "Active Superseded"
            superseded_by = ["pytorch"]

            [[skill]]
            id = "echo"
            name = "Echo"
            aliases = ["echo"]
            """,
        )
        text = "\n".join(validate_vocab(base=tiny))
        assert "ctx-only: context is only used with case_sensitive forms" in text
        assert "not-cert: issuer / code / covers are only for certifications" in text
        assert "cert-no-issuer: a certification needs an issuer" in text
        assert "selfish: complements points at itself" in text
        assert "active-superseded: superseded_by is only for retired entries" in text
        assert "echo: alias 'echo' repeats the name" in text

    def test_bad_toml_and_manifest(self, tiny: Path) -> None:
        """Broken TOML and a bad manifest are reported with their file names."""
        write(tiny, "skills/broken.toml", "[[skill]\nid = ")
        write(tiny, "manifest.toml", MANIFEST.replace('"2026.1.0"', '"v1"'))
        text = "\n".join(validate_vocab(base=tiny))
        assert "skills/broken.toml: not valid TOML" in text
        assert "manifest.toml: version 'v1' is not CalVer" in text

    def test_lexicon_checked(self, tiny: Path) -> None:
        """Lexicon files are validated too."""
        write(tiny, "lexicon/verbs.toml", '[strong]\nbuild = "built"\n[medium]\nbuild = "built"\n')
        write(tiny, "lexicon/weak_openers.toml", '[openers]\n"x" = "y"\n')
        text = "\n".join(validate_vocab(base=tiny))
        assert "lexicon/verbs.toml: build: verb listed in both tiers" in text
        assert "lexicon/weak_openers.toml" in text

    def test_bad_path(self, tmp_path: Path) -> None:
        """A path that is neither a directory nor a .toml file is a TaxonomyError."""
        with pytest.raises(TaxonomyError):
            load_taxonomy(tmp_path / "missing")
        assert validate_vocab(tmp_path / "missing")


class TestCertificationFields:
    """Typed certification metadata: all optional, checked like the rest."""

    def test_metadata_loads_typed(self, tiny: Path) -> None:
        """Level, retirement date, weighted coverage, order, preparation and cost load typed."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            category = "certification"

            [[skill]]
            id = "cert-ml-3"
            name = "ML Certificate 3"
            issuer = "Someone"
            code = "ML-300"
            level = "professional"
            covers = ["tensorflow", { id = "machine-learning", weight = 0.6 }]
            prerequisites = ["cert-ml-2"]
            recommended_after = ["cert-ml-2"]
            prep_weeks = 8
            cost_usd = 300
            sources_note = "exam guide, checked 2026-11"

            [[skill]]
            id = "cert-old"
            name = "Old Certificate"
            issuer = "Someone"
            status = "retired"
            retired_on = 2026-03-31
            superseded_by = ["cert-ml-3"]
            """,
        )
        tax = load_taxonomy(base=tiny)
        cert = tax.skills["cert-ml-3"]
        assert cert.level == "professional"
        assert [(c.id, c.weight) for c in cert.covers] == [
            ("tensorflow", None),
            ("machine-learning", 0.6),
        ]
        assert cert.prerequisites == ("cert-ml-2",)
        assert (cert.prep_weeks, cert.cost_usd) == (8.0, 300.0)
        assert tax.skills["cert-old"].retired_on == datetime.date(2026, 3, 31)
        assert [c.id for c in tax.certifications_covering("machine-learning")] == ["cert-ml-3"]

    def test_successor_must_be_an_active_certification(self, tiny: Path) -> None:
        """A retired certification's successors exist, are certifications and are active."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            category = "certification"

            [[skill]]
            id = "cert-a"
            name = "Cert A"
            issuer = "X"
            status = "retired"
            superseded_by = ["pytorch", "cert-ml", "ghost"]
            """,
        )
        issues = validate_vocab(base=tiny)
        assert issues == [
            "skills/certs.toml: cert-a: superseded_by 'pytorch' is not a certification",
            "skills/certs.toml: cert-a: superseded_by 'cert-ml' is retired itself",
            "skills/certs.toml: cert-a: superseded_by 'ghost': no such skill",
        ]

    def test_retired_on_only_when_retired(self, tiny: Path) -> None:
        """An active entry has no retirement date."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            [[skill]]
            id = "cert-a"
            name = "Cert A"
            category = "certification"
            issuer = "X"
            retired_on = 2026-01-01
            """,
        )
        assert validate_vocab(base=tiny) == [
            "skills/certs.toml: cert-a: retired_on is only for retired entries"
        ]

    def test_order_names_certifications(self, tiny: Path) -> None:
        """Prerequisites and recommended order name other certifications that exist."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            category = "certification"

            [[skill]]
            id = "cert-a"
            name = "Cert A"
            issuer = "X"
            prerequisites = ["pytorch", "ghost", "cert-a"]
            recommended_after = ["cert-ml-2"]
            """,
        )
        text = "\n".join(validate_vocab(base=tiny))
        assert "cert-a: prerequisites 'pytorch' is not a certification" in text
        assert "cert-a: prerequisites 'ghost': no such skill" in text
        assert "cert-a: prerequisites points at itself" in text
        assert "recommended_after" not in text

    def test_order_cycle(self, tiny: Path) -> None:
        """Two certifications that each come first are a cycle."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            category = "certification"

            [[skill]]
            id = "cert-a"
            name = "Cert A"
            issuer = "X"
            prerequisites = ["cert-b"]

            [[skill]]
            id = "cert-b"
            name = "Cert B"
            issuer = "X"
            recommended_after = ["cert-a"]
            """,
        )
        issues = validate_vocab(base=tiny)
        assert len(issues) == 1
        assert "certification order cycle: cert-" in issues[0]

    def test_coverage_weights(self, tiny: Path) -> None:
        """Coverage weights are shares of the exam: each in (0, 1], together at most 1."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            category = "certification"

            [[skill]]
            id = "cert-a"
            name = "Cert A"
            issuer = "X"
            covers = [{ id = "pytorch", weight = 0.7 }, { id = "tensorflow", weight = 0.5 }]

            [[skill]]
            id = "cert-b"
            name = "Cert B"
            issuer = "X"
            covers = [{ id = "pytorch", weight = 0 }, "pytorch"]
            """,
        )
        text = "\n".join(validate_vocab(base=tiny))
        assert "cert-a: covers weights add up to 1.2, more than 1" in text
        assert "cert-b: covers.0.weight: Input should be greater than 0" in text

    def test_covered_skill_twice(self, tiny: Path) -> None:
        """A skill is covered once, whether written bare or with a weight."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            [[skill]]
            id = "cert-a"
            name = "Cert A"
            category = "certification"
            issuer = "X"
            covers = ["pytorch", { id = "pytorch", weight = 0.5 }]
            """,
        )
        assert validate_vocab(base=tiny) == [
            "skills/certs.toml: cert-a: a covered skill is listed twice"
        ]

    def test_typed_values(self, tiny: Path) -> None:
        """An unknown level, a date written as text and a negative cost are type errors."""
        write(
            tiny,
            "skills/certs.toml",
            """\
            [[skill]]
            id = "cert-a"
            name = "Cert A"
            category = "certification"
            issuer = "X"
            level = "master"
            status = "retired"
            retired_on = "2026-01-01"
            cost_usd = -5
            """,
        )
        text = "\n".join(validate_vocab(base=tiny))
        assert "cert-a: level: Input should be 'foundational'" in text
        assert "cert-a: retired_on: Input should be a valid date" in text
        assert "cert-a: cost_usd: Input should be greater than or equal to 0" in text

    def test_certification_fields_elsewhere(self, tiny: Path) -> None:
        """The new certification fields on another category are errors, named in one issue."""
        write(
            tiny,
            "skills/tools.toml",
            """\
            [[skill]]
            id = "tool"
            name = "Tool"
            category = "library"
            level = "associate"
            prep_weeks = 4
            cost_usd = 0
            """,
        )
        assert validate_vocab(base=tiny) == [
            "skills/tools.toml: tool: level / prep_weeks / cost_usd: only for certifications"
        ]


class TestOverlays:
    """User overlays replace and add entries."""

    def test_overlay_replaces_and_adds(self, tmp_path: Path) -> None:
        """An entry with an existing id replaces the bundled one; new ids are added."""
        overlay = write(
            tmp_path,
            "mine.toml",
            """\
            category = "library"

            [[skill]]
            id = "pytorch"
            name = "PyTorch"
            aliases = ["torch", "our torch fork"]

            [[skill]]
            id = "acme-ml"
            name = "Acme ML"
            parents = [{ id = "machine-learning", rel = "is_a" }]
            """,
        )
        tax = load_taxonomy(overlay)
        assert tax.version == load_taxonomy().version + "+overlay"
        assert tax.lookup("our torch fork") is tax.skills["pytorch"]
        assert tax.skills["pytorch"].parents == ()
        assert "acme-ml" in tax.children("machine-learning")
        assert load_taxonomy().lookup("our torch fork") is None

    def test_overlay_directory(self, tmp_path: Path) -> None:
        """A directory overlay may add categories, roles and lexicon entries."""
        root = tmp_path / "ov"
        write(root, "manifest.toml", 'categories = ["quantum_tool"]\n')
        write(
            root,
            "skills/q.toml",
            'category = "quantum_tool"\n\n[[skill]]\nid = "qiskit"\nname = "Qiskit"\n',
        )
        write(
            root,
            "roles/q.toml",
            'id = "quantum-engineer"\nname = "Quantum Engineer"\n'
            'core = [{ id = "qiskit", weight = 2 }]\n',
        )
        write(root, "lexicon/verbs.toml", '[strong]\nentangle = "entangled"\n')
        tax = load_taxonomy(root)
        assert "quantum_tool" in tax.categories
        assert tax.skills["qiskit"].category == "quantum_tool"
        assert tax.roles["quantum-engineer"].core == (("qiskit", 2.0),)
        assert tax.verb_forms["entangled"].base == "entangle"
        assert "build" in tax.verbs

    def test_overlay_errors_name_file(self, tmp_path: Path) -> None:
        """Overlay problems name the overlay file."""
        overlay = write(
            tmp_path,
            "bad.toml",
            'category = "library"\n\n[[skill]]\nid = "x-tool"\nname = "X"\n'
            'parents = [{ id = "nope", rel = "is_a" }]\n',
        )
        issues = validate_vocab(overlay)
        assert issues == [f"{overlay}: x-tool: is_a 'nope': no such skill"]

    def test_overlay_not_cached(self, tmp_path: Path) -> None:
        """Overlay loads build fresh objects; the bundled cache stays untouched."""
        overlay = write(tmp_path, "o.toml", 'category = "library"\n')
        assert load_taxonomy(overlay) is not load_taxonomy()


class TestLexicon:
    """Verbs, weak openers and buzzwords."""

    @pytest.mark.parametrize(
        "form",
        [
            "trained",
            "fine-tuned",
            "deployed",
            "productionized",
            "served",
            "scaled",
            "benchmarked",
            "quantized",
            "distilled",
            "containerized",
            "orchestrated",
            "instrumented",
        ],
    )
    def test_ml_verbs(self, tax: Taxonomy, form: str) -> None:
        """The ML verbs of TAXONOMY.md are known, in past form."""
        assert form in tax.verb_forms

    def test_verb_tiers(self, tax: Taxonomy) -> None:
        """Present and past forms map to the same verb with a tier."""
        assert tax.verb_forms["led"] is tax.verb_forms["lead"]
        assert tax.verbs["lead"].tier == "strong"
        assert tax.verbs["use"].tier == "medium"

    def test_weak_openers(self, tax: Taxonomy) -> None:
        """The common weak openers carry a suggestion."""
        for phrase in ("responsible for", "worked on", "helped", "familiar with", "exposure to"):
            assert tax.weak_openers[phrase]

    def test_buzzwords(self, tax: Taxonomy) -> None:
        """Clichés are listed with a hint."""
        for phrase in ("team player", "results-oriented", "proven track record", "ai-powered"):
            assert tax.buzzwords[phrase]
