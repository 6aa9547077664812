"""The extractor's token boundaries agree with spaCy's own tokenizer, run by run.

`atsmatch._affixes` re-implements spaCy's affix algorithm so that a warm process never imports
spaCy; this holds it to spaCy's `Tokenizer` (same prefix, suffix and infix rules, no exception
table, the C#/F#/J# special cases) on every text of the test corpus.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from atsmatch._affixes import SPECIAL_CASES, AffixRules

from .conftest import CORPUS, EXAMPLES

TRICKY = [
    "C#/F# (C#) c#, C #, J#.",
    "Node.JS node.js U.S. e.g. 10GB 8gb R. (R) R&D scikit-learn CI/CD x86-64 3D S3. A/B k8s",
    "C++, C++. \"Python\" 'SQL' [Go] {Rust} --flag ...and/or... 50% $100k ~5y 1,000,000",
    "end.Start pre-/post-processing Python's 'n' rock'n'roll co-op e-mail @handle #hashtag",
    "İstanbul straße ﬁle naïve café — – − ‐ “quoted” «guillemets» 東京 Python3.11 v2.0",
]


def _corpus_texts() -> list[str]:
    texts = [EXAMPLES.joinpath(name).read_text() for name in ("resume.txt", "job_ml_engineer.txt")]
    for path in sorted((CORPUS / "jobs").rglob("*.txt")):
        texts.append(path.read_text(errors="replace"))
    for path in sorted((CORPUS / "long_postings").glob("*.txt")):
        texts.append(path.read_text())
    jsonl = CORPUS / "skills_dev" / "skillspan_dev_postings.jsonl"
    texts += [json.loads(line)["text"] for line in jsonl.read_text().splitlines() if line]
    return texts + TRICKY


@pytest.fixture(scope="module")
def spacy_tokenizer() -> Any:
    """spaCy's tokenizer as the extractor used it before the scan: affix rules only."""
    import spacy
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank("en")
    default: Any = nlp.tokenizer
    tokenizer = Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=default.prefix_search,
        suffix_search=default.suffix_search,
        infix_finditer=default.infix_finditer,
    )
    for special in SPECIAL_CASES:
        tokenizer.add_special_case(special, [{"ORTH": special}])
    return tokenizer


class TestSpacyOracle:
    """Every run of every corpus text splits into the tokens spaCy makes of it."""

    def test_corpus_tokens_equal_spacy(self, spacy_tokenizer: Any) -> None:
        """Token spans of each text equal spaCy's, whitespace tokens aside."""
        rules = AffixRules.from_spacy()
        texts = _corpus_texts()
        assert len(texts) > 100
        for text in texts:
            expected = [(t.idx, t.idx + len(t)) for t in spacy_tokenizer(text) if not t.is_space]
            found = [
                (run.start() + left, run.start() + right)
                for run in re.finditer(r"\S+", text)
                for left, right in rules.spans(run.group())
            ]
            assert found == expected, text[:80]

    def test_rules_round_trip(self) -> None:
        """Rules rebuilt from their patterns (as the cache keeps them) split the same way."""
        rules = AffixRules.from_spacy()
        again = AffixRules(**rules.to_dict())
        for text in TRICKY:
            for run in text.split():
                assert again.spans(run) == rules.spans(run)


class TestLongRuns:
    """A run of thousands of characters without a space is split in linear time."""

    def test_long_run_splits_at_punctuation(self) -> None:
        """Past 200 characters a run is cut at punctuation, each mark its own token."""
        rules = AffixRules.from_spacy()
        run = "C++," * 5_000
        spans = rules.spans(run)
        assert spans[:3] == ((0, 1), (1, 2), (2, 3))
        assert spans[-1] == (len(run) - 1, len(run))


class TestLetterRuns:
    """A run of letters only is one token: the extractor takes a form of plain words standing
    between spaces as one token a word without asking the rules."""

    def test_corpus_words_are_single_tokens(self) -> None:
        """Every alphabetic run of the corpus, as written, in capitals and in lower case."""
        rules = AffixRules.from_spacy()
        words = {run for text in _corpus_texts() for run in text.split() if run.isalpha()}
        assert len(words) > 1_000
        for word in sorted(words):
            for form in (word, word.upper(), word.lower(), word.title()):
                assert rules.spans(form) == ((0, len(form)),), form

    def test_every_letter_alone_and_in_a_word(self) -> None:
        """Each letter of the first 0x3000 code points, alone, opening and closing a word."""
        rules = AffixRules.from_spacy()
        letters = [chr(code) for code in range(0x3000) if chr(code).isalpha()]
        for letter in letters:
            for form in (letter, f"{letter}ab", f"ab{letter}", f"A{letter}B"):
                assert rules.spans(form) == ((0, len(form)),), form


class TestWordMarks:
    """The marks the extractor takes as split off a word without asking the rules."""

    def test_marks_split_off_corpus_words(self) -> None:
        """Every fortieth word of the corpus with one opening mark before it, one or two closing
        marks after it: the word stays a whole token."""
        rules = AffixRules.from_spacy()
        opening, closing = rules.word_marks()
        assert "(" in opening and "," in closing and ")" in closing
        assert "." not in closing  # "U.S.": the rules keep a stop with the letters before it
        words = sorted({run for text in _corpus_texts() for run in text.split() if run.isalpha()})
        pairs = [a + b for a in closing for b in closing]
        cases = [(before, after) for before in ("", *opening) for after in ("", *closing)]
        cases += [("", after) for after in pairs]
        assert len(words) > 1_000
        for word in words[::40]:
            for before, after in cases:
                span = (len(before), len(before) + len(word))
                assert span in rules.spans(before + word + after), before + word + after
