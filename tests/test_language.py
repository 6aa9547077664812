"""The English verdict from bounds agrees with the exact word count it stands in for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from atsmatch.language import _ENGLISH_SHARE, _MIN_WORDS, _english_words, _surely_english, _words
from tests.conftest import CORPUS, EXAMPLES


def _exactly_english(text: str) -> bool:
    """What the exact count says: enough words, and enough of them common English ones."""
    words = _words(text.split())
    return len(words) >= _MIN_WORDS and _english_words(words) >= _ENGLISH_SHARE * len(words)


class TestSurelyEnglish:
    """`_surely_english` says English only where counting every word would say so too."""

    def test_corpus_texts(self) -> None:
        """On every text file of the corpus and the examples, and most of them pass."""
        paths = sorted([*CORPUS.rglob("*.txt"), *CORPUS.rglob("*.md"), *EXAMPLES.glob("*.txt")])
        texts = [path.read_text(errors="replace") for path in paths]
        surely = [text for text in texts if _surely_english(text.split())]
        assert all(_exactly_english(text) for text in surely)
        english = [text for text in texts if _exactly_english(text)]
        assert len(surely) * 4 >= len(english) * 3

    @given(st.lists(st.sampled_from(["the", "and", "x", "b2b", "a/b/c", "•", "Über", "ÆR,"])))
    def test_any_tokens(self, tokens: list[str]) -> None:
        """On any mix of words, English words, glued words and marks."""
        if _surely_english(tokens):
            assert _exactly_english(" ".join(tokens))
