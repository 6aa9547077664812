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

from functools import lru_cache
from typing import Literal

import lemminflect  # type: ignore[import-untyped]

__all__ = ["Tense", "inflect", "is_noun", "verb_reading"]

Tense = Literal["past", "present"]

_TAGS: dict[str, Tense] = {"VBD": "past", "VBN": "past", "VBZ": "present", "VBG": "present"}


@lru_cache(maxsize=4096)
def verb_reading(word: str) -> tuple[str, Tense | None] | None:
    """The verb lemma `word` is a form of and its tense (None for a bare base form, or a form
    shared by both tenses such as "set"), or None when the tables know no such verb form."""
    lower = word.lower()
    for lemma in lemminflect.getAllLemmas(lower, upos="VERB").get("VERB", ()):
        forms = lemminflect.getAllInflections(lemma, upos="VERB")
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
    found = lemminflect.getInflection(lemma, tag="VBD")
    return str(found[0]) if found else lemma


@lru_cache(maxsize=4096)
def is_noun(word: str) -> bool:
    """Whether the tables know `word` as a noun ("report", "design"): an opener that may name a
    thing rather than an action."""
    return "NOUN" in lemminflect.getAllLemmas(word.lower(), upos="NOUN")
