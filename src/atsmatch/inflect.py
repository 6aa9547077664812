"""English verb forms from lemminflect's lookup tables: a word's verb lemma and tense, inflection.

The verb lexicon (`vocab/lexicon/verbs.toml`) names the action verbs worth suggesting; the
tables here know every common English verb, so a bullet opening with "Stood up" or "Took over"
reads as an action, and a rewrite can put any verb in the tense its role wants. Lookups only:
no model, nothing downloaded, the same answer every run.

>>> verb_reading("Stood")
('stand', 'past')
>>> inflect("wind", "past")
'wound'
"""

from __future__ import annotations

import sys
import threading
from functools import cache, lru_cache
from importlib.abc import MetaPathFinder
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

__all__ = ["Tense", "inflect", "is_noun", "verb_reading"]

Tense = Literal["past", "present"]

_TAGS: dict[str, Tense] = {"VBD": "past", "VBN": "past", "VBZ": "present", "VBG": "present"}


class _NoSpacy(MetaPathFinder):
    """Refuses `import spacy` in one thread while lemminflect is imported there."""

    def __init__(self) -> None:
        self.thread = threading.get_ident()

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name == "spacy" and threading.get_ident() == self.thread:
            raise ImportError("lemminflect's spaCy hook is not used")
        return None


@cache
def _tables() -> Any:
    """lemminflect, imported on first use without its spaCy hook.

    lemminflect's `__init__` imports spaCy (about 0.6 s) only to register `Token._.lemma`, which
    atsmatch never uses; once spaCy is loaded anyway, importing it is free and the hook is kept.
    """
    blocker = _NoSpacy()
    sys.meta_path.insert(0, blocker)
    try:
        import lemminflect  # type: ignore[import-untyped]
    finally:
        sys.meta_path.remove(blocker)
    return lemminflect


@lru_cache(maxsize=4096)
def verb_reading(word: str) -> tuple[str, Tense | None] | None:
    """The verb lemma `word` is a form of and its tense (None for a bare base form, or a form
    shared by both tenses such as "set"), or None when the tables know no such verb form."""
    lower = word.lower()
    for lemma in _tables().getAllLemmas(lower, upos="VERB").get("VERB", ()):
        forms = _tables().getAllInflections(lemma, upos="VERB")
        tenses = {_TAGS[tag] for tag, words in forms.items() if tag in _TAGS and lower in words}
        base = lower in forms.get("VB", ())
        if tenses or base:
            return lemma, tenses.pop() if len(tenses) == 1 and not base else None
    return None


@lru_cache(maxsize=4096)
def inflect(lemma: str, tense: Tense) -> str:
    """`lemma` in the simple past, or its base form for the present (as bullets write it)."""
    if tense == "present":
        return lemma
    found = _tables().getInflection(lemma, tag="VBD")
    return str(found[0]) if found else lemma


@lru_cache(maxsize=4096)
def is_noun(word: str) -> bool:
    """Whether the tables know `word` as a noun ("report", "design"): an opener that may name a
    thing rather than an action."""
    return "NOUN" in _tables().getAllLemmas(word.lower(), upos="NOUN")
