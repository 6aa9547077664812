"""Token boundaries inside one run of non-space characters, by spaCy's English affix rules.

The extractor only needs to know where tokens start and end around the few places a vocabulary
form occurs, not a tokenised document. This is spaCy's tokenizer algorithm (`_split_affixes`
and `_attach_tokens` in its tokenizer.pyx, with no exception table, URL or token matcher) in
plain Python, driven by the prefix, suffix and infix patterns of `spacy.blank("en")`. Those
patterns are read from spaCy once, when the compiled vocabulary is built, and kept with it, so
a process that finds that cache never imports spaCy. `tests/test_affixes.py` holds this to
spaCy's own tokenizer on every text of the test corpus.

>>> AffixRules.from_spacy().spans("(scikit-learn),")
((0, 1), (1, 7), (7, 8), (8, 13), (13, 14), (14, 15))
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["SPECIAL_CASES", "AffixRules"]

# Names whose last character the suffix rules would split off ("C#" -> "C", "#").
SPECIAL_CASES = ("C#", "c#", "F#", "f#", "J#", "j#")
_CACHE_SIZE = 50_000
# Marks that may open or close a word (what `AffixRules.word_marks` tries).
_OPENING_MARKS = "([{\"'*<«“‘#$"
_CLOSING_MARKS = ",;:!?)]}\"'*&>…"  # not ".": "U.S." keeps its stop
_LONG_CHUNK = 200  # characters: no prose word is this long; split such a run at punctuation
_PUNCT_RUN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class AffixRules:
    """spaCy's prefix, suffix and infix patterns plus the special cases, compiled."""

    prefix: str
    suffix: str
    infix: str
    specials: frozenset[str] = frozenset(SPECIAL_CASES)
    _prefix: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _suffix: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _infix: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _cache: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_prefix", re.compile(self.prefix))
        object.__setattr__(self, "_suffix", re.compile(self.suffix))
        object.__setattr__(self, "_infix", re.compile(self.infix))

    @classmethod
    def from_spacy(cls) -> AffixRules:
        """The rules of the installed spaCy's blank English pipeline."""
        import spacy

        tokenizer: Any = spacy.blank("en").tokenizer
        return cls(
            prefix=tokenizer.prefix_search.__self__.pattern,
            suffix=tokenizer.suffix_search.__self__.pattern,
            infix=tokenizer.infix_finditer.__self__.pattern,
        )

    @staticmethod
    @functools.cache
    def spacy_stamp() -> str:
        """A digest of the installed spaCy's version file, found without importing spaCy: what
        rules `from_spacy` would read depends on it."""
        import hashlib
        import importlib.util

        spec = importlib.util.find_spec("spacy")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("spaCy is not installed")
        about = Path(next(iter(spec.submodule_search_locations))) / "about.py"
        return hashlib.sha256(about.read_bytes()).hexdigest()

    def to_dict(self) -> dict[str, str]:
        return {"prefix": self.prefix, "suffix": self.suffix, "infix": self.infix}

    def word_marks(self) -> tuple[str, str]:
        """The marks these rules always split off a word of letters: one opening it ("(", a
        quote) and up to two closing it (",", ")", "):"), whatever the word. Tried on words of
        every kind of letter; `tests/test_affixes.py` holds them to words of the corpus."""
        words = ("python", "Python", "PYTHON", "a", "Z", "ab", "AB", "é", "Ω")
        few = words[:3]

        def whole(before: str, word: str, after: str) -> bool:
            return (len(before), len(before) + len(word)) in self.spans(before + word + after)

        opening = "".join(m for m in _OPENING_MARKS if all(whole(m, w, "") for w in words))
        closing = "".join(
            mark
            for mark in _CLOSING_MARKS
            if all(whole("", w, mark) for w in words)
            and all(whole("", w, mark + after) for w in few for after in _CLOSING_MARKS)
            and all(whole(first, w, mark) for w in few for first in opening)
        )
        return opening, closing

    def spans(self, chunk: str) -> tuple[tuple[int, int], ...]:
        """The (start, end) of each token of `chunk`, a run without whitespace."""
        return tuple(zip(*self.bounds(chunk), strict=True))

    def bounds(self, chunk: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Where the tokens of `chunk` start, and where they end (both ascending)."""
        found = self._cache.get(chunk)
        if found is None:
            if len(chunk) > _LONG_CHUNK:  # the affix loop is quadratic on such runs
                spans = tuple(m.span() for m in _PUNCT_RUN.finditer(chunk))
            else:
                spans = self._split(chunk)
            found = (tuple(a for a, _ in spans), tuple(b for _, b in spans))
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            self._cache[chunk] = found  # a plain dict write is atomic under the GIL
        return found

    def _split(self, chunk: str) -> tuple[tuple[int, int], ...]:
        if chunk in self.specials:
            return ((0, len(chunk)),)
        # Strip prefixes and suffixes off the ends until nothing changes (`_split_affixes`).
        start, end = 0, len(chunk)
        prefixes: list[tuple[int, int]] = []
        suffixes: list[tuple[int, int]] = []
        last_size = -1
        while start < end and end - start != last_size:
            string = chunk[start:end]
            if string in self.specials:
                break
            last_size = end - start
            match = self._prefix.search(string)
            pre_len = match.end() - match.start() if match else 0
            if pre_len and string[pre_len:] in self.specials:
                prefixes.append((start, start + pre_len))
                start += pre_len
                break
            match = self._suffix.search(string[pre_len:])
            suf_len = match.end() - match.start() if match else 0
            if suf_len and string[:-suf_len] in self.specials:
                suffixes.append((end - suf_len, end))
                end -= suf_len
                break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                prefixes.append((start, start + pre_len))
                suffixes.append((end - suf_len, end))
                start, end = start + pre_len, end - suf_len
            elif pre_len:
                prefixes.append((start, start + pre_len))
                start += pre_len
            elif suf_len:
                suffixes.append((end - suf_len, end))
                end -= suf_len
        # The core between them is split at infixes (`_attach_tokens`).
        core: list[tuple[int, int]] = []
        string = chunk[start:end]
        if string:
            if string in self.specials:
                core.append((start, end))
            else:
                at = 0
                for match in self._infix.finditer(string):
                    infix_start, infix_end = match.span()
                    if infix_start == 0:
                        continue
                    if infix_start != at:
                        core.append((start + at, start + infix_start))
                    if infix_start != infix_end:
                        core.append((start + infix_start, start + infix_end))
                    at = infix_end
                if at < len(string):
                    core.append((start + at, end))
        return (*prefixes, *core, *reversed(suffixes))
