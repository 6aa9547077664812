"""Vocabulary coverage on the SkillSpan dev postings (benchmarks/coverage.py), pinned as floors.

Measured for vocabulary 2026.11.1 after the precision pass: recall 0.942 of the technical gold
Knowledge spans, precision 0.785 of technical hits against the posting's gold spans (0.902 against
the annotators' dev-set lexicon), 0.774 over all hits incl. soft skills. The floors sit a little
below, so a vocabulary change that loses coverage or adds noisy forms fails here;
benchmarks/README.md explains the figures and the misses.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import CORPUS, ROOT

DEV = CORPUS / "skills_dev" / "skillspan_dev_postings.jsonl"


def _coverage_module() -> ModuleType:
    path = ROOT / "benchmarks" / "coverage.py"
    spec = importlib.util.spec_from_file_location("atsmatch_bench_coverage", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def coverage():  # type: ignore[no-untyped-def]
    """One run of the coverage benchmark over the dev postings."""
    return _coverage_module().evaluate(DEV)


class TestSkillSpanCoverage:
    """Recall and precision on real postings stay above the floors."""

    def test_recall_of_technical_terms(self, coverage) -> None:  # type: ignore[no-untyped-def]
        """At least 93.5% of the hand-picked technical Knowledge spans are found."""
        assert coverage.technical >= 400
        assert coverage.recall >= 0.935, sorted(coverage.misses)

    def test_precision_of_technical_hits(self, coverage) -> None:  # type: ignore[no-untyped-def]
        """Technical hits overlap a gold span of their posting at least 77% of the time."""
        assert coverage.tech_precision >= 0.77, coverage.false_positives.most_common(20)

    def test_precision_of_all_hits(self, coverage) -> None:  # type: ignore[no-untyped-def]
        """Counting soft skills too, hits overlap a gold span at least 76% of the time."""
        assert coverage.precision >= 0.76, coverage.false_positives.most_common(20)

    def test_precision_against_annotator_lexicon(self, coverage) -> None:  # type: ignore[no-untyped-def]
        """Counting terms the annotators marked elsewhere, technical precision is at least 0.89."""
        assert coverage.lexicon_precision >= 0.89

    def test_known_noise_stays_out(self, coverage) -> None:  # type: ignore[no-untyped-def]
        """Company-blurb words and wrong aliases removed in 2026.11.1 do not come back as skills."""
        noisy = {hit.split(" -> ")[0].casefold() for hit in coverage.false_positives}
        assert not noisy & {"innovation", "flexibility", "autonomy", "workshops"}
        assert not noisy & {"front door", "remote work", "knowledge sharing", "near real-time"}
        assert not noisy & {"digitization", "networking", "retention rates", "throughput"}

    def test_generic_words_mostly_rejected(self, coverage) -> None:  # type: ignore[no-untyped-def]
        """Bare "Cloud", "AI", "backend" and "frontend" outside gold spans stay rare (were 37)."""
        generic = {"cloud", "ai", "backend", "back-end", "frontend", "front-end", "front end"}
        stray = sum(
            n
            for hit, n in coverage.false_positives.items()
            if hit.split(" -> ")[0].casefold() in generic
        )
        assert stray <= 18, coverage.false_positives.most_common(30)


class TestTechnicalList:
    """The hand-picked list is well-formed and drawn from the gold spans."""

    def test_every_listed_span_is_gold(self) -> None:
        """Each line of skillspan_technical.txt is a Knowledge span of the dev set."""
        import json

        gold = {
            span
            for line in DEV.read_text(encoding="utf-8").splitlines()
            for span in json.loads(line)["knowledge_spans"]
        }
        listed = _coverage_module().technical_spans(
            Path(ROOT / "benchmarks" / "skillspan_technical.txt")
        )
        assert listed - gold == set()
