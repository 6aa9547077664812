"""The extractor: boundaries, ambiguous names, plurals, typo tier, and what each hit records."""

from __future__ import annotations

import re

import pytest

from atsmatch import extract
from atsmatch.extract import Extractor
from atsmatch.models import Block, SkillHit
from atsmatch.morphology import titled

from .conftest import CORPUS, assert_like_validated


def names(extractor: Extractor, text: str, section: str = "other") -> list[str]:
    return [h.name for h in extractor.extract_text(text, section=section)]


class TestBoundaries:
    def test_c_family_kept_apart(self, extractor: Extractor) -> None:
        """C is not found inside C++, C# or Objective-C, and each of those is found whole."""
        found = names(extractor, "Skills: C++, C#, Objective-C, Python")
        assert "C" not in found
        assert {"C++", "C#", "Objective-C"} <= set(found)

    def test_plain_c_in_a_list(self, extractor: Extractor) -> None:
        """C on its own in a list of languages is the C language."""
        assert "C" in names(extractor, "Languages: C, C++, Rust, Python")

    def test_java_not_in_javascript(self, extractor: Extractor) -> None:
        """Java is not found inside JavaScript."""
        found = names(extractor, "Built the front end in JavaScript and TypeScript.")
        assert "Java" not in found
        assert "JavaScript" in found

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Migrated services to .NET 8", ".NET"),
            ("Wrote APIs in Node.js", "Node.js"),
            ("Set up CI/CD with GitHub Actions", "CI/CD"),
            ("Trained models with scikit-learn", "scikit-learn"),
            ("Trained models with scikit learn", "scikit-learn"),
            ("Trained models with sklearn", "scikit-learn"),
        ],
    )
    def test_punctuated_names(self, extractor: Extractor, text: str, expected: str) -> None:
        """Names with dots, slashes and hyphens, and their spelling variants, are found."""
        assert expected in names(extractor, text)

    def test_glued_letters_are_not_skills(self, extractor: Extractor) -> None:
        """R&D, C-suite and A/B letters are not the R or C languages."""
        found = names(extractor, "Presented R&D results to the C-suite and ran A/B tests.")
        assert "R" not in found
        assert "C" not in found

    def test_urls_and_emails_are_masked(self, extractor: Extractor) -> None:
        """A GitHub profile URL or an e-mail domain does not count as a skill."""
        found = names(extractor, "github.com/alex/python-tools  alex@kafka.dev")
        assert "Python" not in found
        assert "Apache Kafka" not in found

    def test_url_masking_matches_the_regex_on_random_runs(self, extractor: Extractor) -> None:
        """Runs built from the pieces URLs and addresses are made of, in any order."""
        import random

        rng = random.Random(11)
        pieces = ["@", "://", "www.", ".com/", ".io/", ".ai", "http", "s", "x", "W", "-", ".",
                  "/", " ", " ", "\n", "a.b", "Ww", "é"]  # fmt: skip
        for _ in range(3_000):
            text = "".join(rng.choices(pieces, k=rng.randint(1, 14)))
            expected = [m.span() for m in extract._URLISH.finditer(text)]
            triggers = extractor._scan(text, titled(text)).urls
            assert [m.span() for m in extract._urls(text, triggers)] == expected, text

    @pytest.mark.parametrize(
        "text",
        [
            "Python https://x.io/a/b and Kafka",
            "a@b@c x/y www.spark.io tail",
            "CI/CD, TensorFlow/PyTorch\n\nmail: me@kafka.dev",
            "spark.io/x\u00a0docker.com/y\u2003end@",
            "@ / www. @x y/ wwww.python.org",
            "WWW.SPARK.IO Www.kafka.com/x xwww.a.ai/b .COM/ a.com/ me@X.ORG",
            "",
        ],
    )
    def test_url_masking_matches_the_whole_text_regex(
        self, extractor: Extractor, text: str
    ) -> None:
        """Searching the runs that hold a trigger the automaton found finds exactly the URLs a
        regex over the whole text finds."""
        expected = [m.span() for m in extract._URLISH.finditer(text)]
        triggers = extractor._scan(text, titled(text)).urls
        assert [m.span() for m in extract._urls(text, triggers)] == expected


class TestAmbiguousNames:
    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("We invest heavily in R&D.", "R"),
            ("Our go to market plan doubled revenue.", "Go"),
            ("Projects that spark interest in science.", "Apache Spark"),
            ("I excel at building relationships.", "Microsoft Excel"),
            ("Studied Lambda calculus and type theory.", "AWS Lambda"),
            ("A ray of hope for the team.", "Ray"),
            ("Julia Smith, our hiring manager, will call you.", "Julia"),
            ("Go to the careers page to apply.", "Go"),
            ("Spark curiosity in every customer conversation.", "Apache Spark"),
            ("Glue the pieces together before the quarterly review.", "AWS Glue"),
            ("Swift action by the team, Rust on the old pipes.", "Swift"),
        ],
    )
    def test_english_words_are_not_skills(self, extractor: Extractor, text: str, word: str) -> None:
        """Words that are also skill names do not match in ordinary English."""
        assert word not in names(extractor, text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Languages: Python, R, Go, Julia, SQL", {"R", "Go", "Julia"}),
            ("Built ETL jobs in Spark on Databricks", {"Apache Spark"}),
            ("Wrote event handlers with AWS Lambda and S3", {"AWS Lambda"}),
            ("Analysed survey data in R with tidyverse and ggplot2", {"R"}),
            ("Rewrote the ingestion service in Go using goroutines", {"Go"}),
            ("Reporting in Excel with pivot tables and VBA", {"Microsoft Excel"}),
            ("Distributed hyperparameter search with Ray Tune on Kubernetes", {"Ray"}),
        ],
    )
    def test_skill_uses_are_found(
        self, extractor: Extractor, text: str, expected: set[str]
    ) -> None:
        """The same names match in a skills list or next to related tools."""
        found = set(names(extractor, text))
        for name in expected:
            assert any(name in f for f in found), (name, found)

    def test_skills_section_is_context(self, extractor: Extractor) -> None:
        """In the skills section an ambiguous name needs no other context."""
        assert "Go" in names(extractor, "Go", section="skills")

    def test_gpt_means_models_only(self, extractor: Extractor) -> None:
        """GPT-4 is a model family mention."""
        assert any("GPT" in n for n in names(extractor, "Built a chatbot on GPT-4 with LangChain"))


class TestInflections:
    def test_plural_of_last_word(self, extractor: Extractor) -> None:
        """Plurals match their singular entry and keep the text as written."""
        hits = extractor.extract_text("Fine-tuned LLMs and built data pipelines")
        written = {h.text for h in hits}
        assert "LLMs" in written

    def test_case_insensitive_forms(self, extractor: Extractor) -> None:
        """Unambiguous names match in any case."""
        assert "PyTorch" in names(extractor, "experience with PYTORCH and pytorch")


class TestTypoTier:
    def test_misspelling_is_fuzzy(self, extractor: Extractor) -> None:
        """A misspelt long name is found and marked fuzzy."""
        hits = [h for h in extractor.extract_text("Deployed on Kubernates clusters") if h.fuzzy]
        assert [h.name for h in hits] == ["Kubernetes"]
        assert hits[0].text == "Kubernates"

    def test_split_name_is_fuzzy(self, extractor: Extractor) -> None:
        """A name split by a space is found through the compact form."""
        hits = extractor.extract_text("Warehouse on Data bricks")
        assert [(h.name, h.fuzzy) for h in hits] == [("Databricks", True)]

    def test_common_words_stay_words(self, extractor: Extractor) -> None:
        """Ordinary long words are not bent into skills."""
        text = "Responsible for managing stakeholder expectations across departments"
        assert [h for h in extractor.extract_text(text) if h.fuzzy] == []

    def test_typo_tier_can_be_switched_off(self, taxonomy: object) -> None:
        """`fuzzy=False` finds only exact forms."""
        plain = Extractor(taxonomy, fuzzy=False)  # type: ignore[arg-type]
        assert plain.extract_text("Kubernates") == []

    def test_titled_ascii_capital_never_follows_a_letter(self) -> None:
        """On ASCII text a key that opens with a letter (title-cased: a capital) never matches
        right after a letter, so `_scan` checks that edge only on other text."""
        chars = "".join(map(chr, range(128)))
        text = "".join(a + b for a in chars for b in chars)
        title_cased = titled(text)
        after_letter = [i for i in range(1, len(text)) if text[i - 1].isalpha()]
        assert after_letter
        assert not any(title_cased[i].isupper() for i in after_letter)

    def test_ascii_words_as_unicode_words(self) -> None:
        """On ASCII text the pattern on classes of bytes finds the capitalised words the Unicode
        one finds."""
        chars = "".join(map(chr, range(128)))
        text = "".join(a + b + "Ab" for a in chars for b in chars)
        spans = [m.span() for m in extract._CAPITAL_WORD.finditer(text)]
        assert [m.span() for m in extract._capital_words(text)] == spans


class TestHits:
    def test_hit_names_its_text(self, extractor: Extractor) -> None:
        """Each hit carries the alias, the text as written, its span, block, line and section."""
        block = Block(text="Served models with Amazon SageMaker", kind="bullet",
                      section="experience", line=7)  # fmt: skip
        (hit,) = [h for h in extractor.extract_blocks([block]) if "SageMaker" in h.name]
        assert block.text[hit.start : hit.end] == hit.text == "Amazon SageMaker"
        assert (hit.block, hit.line, hit.section) == (0, 7, "experience")
        assert hit.alias in {"Amazon SageMaker", "SageMaker"}

    def test_longest_match_wins(self, extractor: Extractor) -> None:
        """ "Apache Spark" is one hit, not Apache and Spark."""
        hits = extractor.extract_text("Pipelines in Apache Spark")
        assert [h.text for h in hits] == ["Apache Spark"]

    def test_patterns_cover_aliases(self, extractor: Extractor) -> None:
        """`patterns()` lists every form with its skill id (for reference benchmarks)."""
        forms = dict(extractor.patterns())
        assert forms["sklearn"] == forms["scikit-learn"]

    def test_hits_equal_validated_ones(self, extractor: Extractor) -> None:
        """Hits are made without validating them again: each equals its validated copy, field
        for field, type for type, in JSON and in the fields it says were set."""
        texts = [p.read_text() for p in sorted((CORPUS / "long_postings").glob("*.txt"))[:8]]
        hits = [hit for text in texts for hit in extractor.extract_text(text)]
        assert len(hits) > 100
        assert {type(hit) for hit in hits} == {SkillHit}
        for hit in hits:
            assert_like_validated(hit)

    def test_deterministic(self, extractor: Extractor) -> None:
        """The same text gives the same hits in the same order."""
        text = "Python, PyTorch, Kubernetes, Spark on Databricks, Kubernates"
        assert extractor.extract_text(text) == extractor.extract_text(text)


class TestTriggerWindows:
    """The quick test of a window before a doubtful name never loses a trigger."""

    def test_agrees_with_the_pattern_on_every_corpus_window(self) -> None:
        """Each 48-character window before a word of the corpus's long postings."""
        texts = [p.read_text() for p in sorted((CORPUS / "long_postings").glob("*.txt"))]
        windows = [
            text[max(0, m.start() - extract._TRIGGER_WINDOW) : m.start()]
            for text in texts
            for m in re.finditer(r"\S+", text)
        ]
        found = [w for w in windows if extract._TRIGGER.search(w)]
        assert found  # the corpus holds triggers to agree on
        assert [w for w in windows if extract._triggers(w)] == found

    @pytest.mark.parametrize(
        "window",
        ["experience with\xa0", "Such as:", "e.g. (", "Experience In The  ", "FLUENT IN (\r\n",
         "knowledge of modern\t", "hands-on experience with a", "such aſ", "experienced in: "],
    )  # fmt: skip
    def test_agrees_on_spacing_and_case(self, window: str) -> None:
        """Unusual spaces, capitals, a colon or bracket and case folding."""
        assert extract._triggers(window) == (extract._TRIGGER.search(window) is not None)


class TestLongRunning:
    """A service extracting from endless new documents keeps its word caches bounded."""

    def test_token_cache_stays_bounded(
        self, extractor: Extractor, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Past the cap the cache of split words starts over, and the hits stay the same."""
        import random

        from atsmatch import _affixes

        monkeypatch.setattr(_affixes, "_CACHE_SIZE", 50)
        capped = Extractor(extractor.taxonomy)
        rng = random.Random(7)
        words = ["".join(rng.choices("bcdfghjklmnpqrstvwxz", k=9)) for _ in range(400)]
        texts = [
            "Built PyTorch models on Kubernetes, "
            + " ".join(f"(Python/{word})," for word in words[i : i + 40])
            for i in range(0, 400, 40)
        ]
        for text in texts:
            assert capped.extract_text(text) == extractor.extract_text(text)
            assert len(capped._rules._cache) <= 50


def test_short_names_need_no_check_after_them(extractor: Extractor) -> None:
    """`_scan` checks only the edge before a short name: each is letters only and its pattern
    looks ahead for a non-letter, so the old check after it (a letter follows) never fires."""
    from .conftest import corpus_lines

    lines = [*corpus_lines(), "R² Rⅻ Go½ C三 AIé uv_ KG1 Dª"]
    for name, (_, head, tail, _, _) in extractor._short_names:
        assert head and tail
        for line in lines:
            for found in name.finditer(line):
                assert found.group().isalpha()
                assert found.end() == len(line) or not line[found.end()].isalpha()
