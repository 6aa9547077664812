"""Word forms of vocabulary phrases: surface variants and verb + object phrasings of concepts."""

from __future__ import annotations

import pytest

from atsmatch import extract_skills
from atsmatch.morphology import (
    ConceptTable,
    build_concepts,
    concept_spans,
    plural,
    surface_variants,
    titled,
)
from atsmatch.taxonomy import Taxonomy, load_taxonomy
from atsmatch.taxonomy._schema import normalize_form

from .conftest import CORPUS, skill_ids

# (sentence, skill id the phrasing must yield)
FOUND = [
    ("Cleaned customer data for the sales team.", "data-cleaning"),
    ("Containerized the scoring service.", "containerization"),
    ("Containerised the scoring service.", "containerization"),
    ("Added drift detection to every model.", "drift-detection"),
    ("Detected drift in weekly features.", "drift-detection"),
    ("Moved search to a vector database.", "vector-database"),
    ("Compared three vector databases.", "vector-database"),
    ("Kept embeddings in a vector store.", "vector-database"),
    ("Built a time series model for demand.", "time-series-analysis"),
    ("Split billing into a microservice.", "microservices"),
    ("Handled imbalanced datasets with SMOTE.", "class-imbalance-handling"),
    ("Owned the ML lifecycle end to end.", "ml-lifecycle"),
    ("CKAD", "ckad"),
    ("Tuned the hyperparameters of the ranking model.", "hyperparameter-tuning"),
    ("Deployed models to production on Kubernetes.", "model-deployment"),
    ("Trained models on 4 GPUs.", "model-training"),
    ("Engineered features from clickstream logs.", "feature-engineering"),
    ("Visualised data in weekly dashboards.", "data-visualization"),
    ("Segmented customers by lifetime value.", "customer-segmentation"),
    ("Led time series modelling for retail.", "time-series-analysis"),
    ("Quantised the model to int8.", "quantization"),
    ("Tooling for training models on TPUs.", "model-training"),
]

# (sentence, skill id the sentence must NOT yield)
TRAPS = [
    ("A data-driven cleaning company.", "data-cleaning"),
    ("Compared models of deployment.", "model-deployment"),
    ("Trained staff on the new tools.", "model-training"),
    ("Trained staff to use models.", "model-training"),
    ("Cleaned customer data pipelines.", "data-cleaning"),
    ("The training data came from models.", "model-training"),
    ("Optimized queries for the reporting team.", "optimization"),
    ("Normalized the spend figures.", "database-normalization"),
    ("Deployed trained models.", "model-training"),
    ("Extracted information from invoices.", "information-extraction"),
    ("Managed services and trained the team.", "model-training"),
]


class TestPhrasings:
    """Inflected and near phrasings of vocabulary concepts are found."""

    @pytest.mark.parametrize(("text", "skill_id"), FOUND)
    def test_found(self, text: str, skill_id: str) -> None:
        """The sentence yields the skill."""
        assert skill_id in skill_ids(text)

    @pytest.mark.parametrize(("text", "skill_id"), TRAPS)
    def test_trap(self, text: str, skill_id: str) -> None:
        """The sentence reads like the phrasing but does not yield the skill."""
        assert skill_id not in skill_ids(text)


class TestSurfaceVariants:
    """Extra exact surfaces of a vocabulary form."""

    def test_plural_of_last_word(self) -> None:
        """A phrase gets the plural of its last word."""
        assert "data pipelines" in surface_variants("data pipeline")

    def test_plural_of_acronym(self) -> None:
        """An acronym takes a plain "s"."""
        assert surface_variants("LLM") == ["LLMs"]

    def test_plural_after_sibilant(self) -> None:
        """Words in -ch and -sh take "es", words in -sis become -ses."""
        assert (plural("batch"), plural("data analysis")) == ("batches", "data analyses")

    def test_no_plural_of_s(self) -> None:
        """A word already ending in s gets no plural."""
        assert plural("Kubernetes") is None

    def test_british_spelling(self) -> None:
        """An American form gets its British spelling, with the plural of both."""
        variants = surface_variants("Data Visualization")
        assert {"Data Visualisation", "Data Visualisations"} <= set(variants)

    def test_american_spelling(self) -> None:
        """A British form gets its American spelling."""
        assert "time series modeling" in surface_variants("time series modelling")

    def test_word_pair(self) -> None:
        """Spellings that differ by more than a suffix come from a table."""
        assert "Behaviour-Driven Development" in surface_variants("Behavior-Driven Development")

    def test_verb_forms_of_rare_verb(self) -> None:
        """A one-word -ization concept gets its verb forms when they are not everyday words."""
        assert {"containerized", "containerised"} <= set(surface_variants("containerization"))

    def test_no_verb_forms_of_everyday_verb(self) -> None:
        """Everyday verbs ("optimized", "prioritize") get no verb forms."""
        found = surface_variants("optimization") + surface_variants("prioritization")
        assert not any(v.endswith(("ized", "ize")) for v in found)

    def test_no_verb_forms_of_phrase(self) -> None:
        """Phrases get no verb forms ("model quantized" is no phrase)."""
        assert not any(v.endswith("ized") for v in surface_variants("model quantization"))

    def test_capital_kept(self) -> None:
        """A capitalised form keeps its capital in the variants."""
        assert "Quantised" in surface_variants("Quantization")

    def test_excludes_form(self) -> None:
        """The form itself is not among its variants."""
        assert "Vector Search" not in surface_variants("Vector Search")

    def test_spelling_variants_name_one_entry(self, taxonomy: Taxonomy) -> None:
        """No respelt or verb form of one entry is a form of another."""
        owners: dict[str, set[str]] = {}
        for skill in taxonomy.skills.values():
            for form in (skill.name, *skill.aliases, *skill.case_sensitive):
                owners.setdefault(normalize_form(form), set()).add(skill.id)
        clashes = [
            (skill.id, variant)
            for skill in taxonomy.skills.values()
            for form in (skill.name, *skill.aliases)
            for variant in surface_variants(form)
            if variant != plural(form)
            and owners.get(normalize_form(variant), {skill.id}) - {skill.id}
        ]
        assert clashes == []


class TestConceptSpans:
    """Verb + object phrasings, on a small table and on the bundled one."""

    TABLE = ConceptTable(
        {
            "cleaned": ((("data",), "data-cleaning"),),
            "training": ((("model",), "model-training"), (("models",), "model-training")),
        }
    )

    def test_span_from_verb_to_object(self) -> None:
        """The span runs from the verb to the end of its object."""
        assert concept_spans("Cleaned customer data.", self.TABLE) == [(0, 21, "data-cleaning")]

    def test_gap_limit(self) -> None:
        """More than three words between verb and object break the phrase."""
        assert concept_spans("Cleaned a b c d data", self.TABLE) == []

    def test_punctuation_breaks(self) -> None:
        """A comma between verb and object breaks the phrase."""
        assert concept_spans("Cleaned rooms, data", self.TABLE) == []

    def test_object_must_end(self) -> None:
        """An object followed by another noun names that noun, not itself."""
        assert concept_spans("Cleaned data pipelines", self.TABLE) == []

    def test_noun_reading_after_determiner(self) -> None:
        """A form that is also a noun is a noun after a determiner."""
        assert concept_spans("the training models", self.TABLE) == []

    def test_verb_reading_at_clause_start(self) -> None:
        """A form that is also a noun is a verb where a clause starts."""
        assert concept_spans("Training models on GPUs", self.TABLE) == [(0, 15, "model-training")]

    def test_table_from_names(self, taxonomy: Taxonomy) -> None:
        """The bundled table maps "tuned" + "hyperparameters" to Hyperparameter Tuning."""
        table = build_concepts(taxonomy)
        assert (("hyperparameters",), "hyperparameter-tuning") in table.verbs["tuned"]

    def test_table_built_once(self) -> None:
        """The table is derived once per taxonomy."""
        taxonomy = load_taxonomy()
        assert taxonomy.derived(build_concepts) is taxonomy.derived(build_concepts)

    def test_exact_match_wins(self) -> None:
        """Where an exact form covers the words, the exact hit stands alone."""
        hits = extract_skills("Deployed PyTorch models.")
        assert [h.skill_id for h in hits] == ["pytorch"]


class TestVerbStarts:
    """The extractor's automaton finds the same places to read a verb phrasing from as the
    pattern `concept_spans` uses on its own."""

    def test_same_spans_on_the_long_postings(self) -> None:
        """Every long posting of the corpus: the phrasings found either way are the same."""
        from atsmatch.extract import Extractor
        from atsmatch.morphology import build_concepts, titled

        taxonomy = load_taxonomy()
        extractor, table = Extractor(taxonomy), taxonomy.derived(build_concepts)
        found = 0
        for path in sorted((CORPUS / "long_postings").glob("*.txt")):
            text = path.read_text()
            starts = extractor._scan(text, titled(text)).verbs
            spans = concept_spans(text, table, starts)
            assert spans == concept_spans(text, table)
            found += len(spans)
        assert found >= 3  # the postings hold a few such phrasings to agree on


class TestTitled:
    """Title case one character for one, by a shortcut on ASCII text."""

    def test_ascii_as_str_title(self) -> None:
        """On ASCII text, every character after every other one is cased as `str.title` cases it."""
        chars = "".join(map(chr, range(128)))
        text = "".join(before + char for before in chars for char in chars)
        assert titled(text) == text.title()

    def test_other_text_one_for_one(self) -> None:
        """A character whose title case is longer stays as written: offsets still hold."""
        assert titled("straße ﬁle café") == "Straße ﬁle Café"
