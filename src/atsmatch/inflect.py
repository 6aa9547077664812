"""English verb forms from lemminflect's lookup tables: a word's verb lemma and tense, inflection.

The verb lexicon (`vocab/lexicon/verbs.toml`) names the action verbs worth suggesting; the
tables here know every common English verb, so a bullet opening with "Stood up" or "Took over"
reads as an action, and a rewrite can put any verb in the tense its role wants. Lookups only:
no model, nothing downloaded, the same answer every run.

Loading lemminflect costs a new process more than a second (its tables, numpy for its model of
unknown words), so the part used here (verb forms, the past tense of each verb, which words are
nouns) is read from it once and kept in the on-disk cache (`atsmatch._diskcache`); lemminflect
itself is imported only to build that, or for the past tense of a verb its tables do not know.

>>> verb_reading("Stood")
('stand', 'past')
>>> inflect("wind", "past")
'wound'
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.abc import MetaPathFinder
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

__all__ = ["Tense", "inflect", "is_noun", "lemminflect_module", "lemminflect_stamp", "verb_reading"]

Tense = Literal["past", "present"]

_TAGS: dict[str, Tense] = {"VBD": "past", "VBN": "past", "VBZ": "present", "VBG": "present"}
_RESOURCES = ("infl_lu.csv.gz", "infl_overrides.csv", "lemma_lu.csv.gz", "lemma_overrides.csv")


@dataclass(frozen=True, slots=True)
class _Tables:
    # Two maps of strings rather than one of [lemma, tense] lists: 27,000 lists would be
    # objects the garbage collector walks for the life of the process.
    lemmas: dict[str, str]  # verb form -> its lemma
    tenses: dict[str, Tense]  # verb form -> its tense, where it has one
    past: dict[str, str]  # verb lemma -> its simple past
    nouns: frozenset[str]  # every word lemminflect knows as a noun (lower case)


@lru_cache(maxsize=4096)
def verb_reading(word: str) -> tuple[str, Tense | None] | None:
    """The verb lemma `word` is a form of and its tense (None for a bare base form, or a form
    shared by both tenses such as "set"), or None when the tables know no such verb form."""
    tables, lower = _tables(), word.lower()
    lemma = tables.lemmas.get(lower)
    return None if lemma is None else (lemma, tables.tenses.get(lower))


@lru_cache(maxsize=4096)
def inflect(lemma: str, tense: Tense) -> str:
    """`lemma` in the simple past, or its base form for the present (as bullets write it)."""
    if tense == "present":
        return lemma
    past = _tables().past.get(lemma)
    if past is not None:
        return past
    found = lemminflect_module().getInflection(lemma, tag="VBD")  # a verb the tables do not know
    return str(found[0]) if found else lemma


@lru_cache(maxsize=4096)
def is_noun(word: str) -> bool:
    """Whether the tables know `word` as a noun ("report", "design"): an opener that may name a
    thing rather than an action."""
    return word.lower() in _tables().nouns


@cache
def _tables() -> _Tables:
    """The tables, from the on-disk cache or derived from lemminflect (once per process)."""
    from atsmatch._diskcache import cached, fingerprint

    # Keyed by this module's own code too: a change to what `_derive` makes is a miss.
    key = fingerprint(Path(__file__).read_bytes(), lemminflect_stamp())
    data = cached("english-verbs", key, _derive, _well_formed)
    return _Tables(
        lemmas=data["lemmas"],
        tenses=data["tenses"],
        past=data["past"],
        nouns=frozenset(data["nouns"].split()),
    )


@cache
def lemminflect_stamp() -> str:
    """A digest of lemminflect's table files, which anything derived from them depends on."""
    from atsmatch._diskcache import fingerprint

    return fingerprint(*(path.read_bytes() for path in _resources()))


def _resources() -> list[Path]:
    """lemminflect's table files, found without importing it."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
    return [folder / name for name in _RESOURCES]


def _derive() -> dict[str, Any]:
    """Read each verb form's reading, each verb's past and every noun out of lemminflect,
    through its public calls."""
    lemminflect = lemminflect_module()
    # Its word list has no public call: the lookup tables' keys are the words it knows.
    lemmatizer = lemminflect.Lemmatizer()
    words = sorted(set(lemmatizer._getLemmaDict()) | set(lemmatizer._getOverridesDict()))
    lemmas_of: dict[str, str] = {}
    tenses: dict[str, Tense] = {}
    nouns: list[str] = []
    lemmas: set[str] = set()
    for word in words:
        for lemma in lemminflect.getAllLemmas(word, upos="VERB").get("VERB", ()):
            lemmas.add(lemma)
            forms = lemminflect.getAllInflections(lemma, upos="VERB")
            tags = {_TAGS[tag] for tag, found in forms.items() if tag in _TAGS and word in found}
            base = word in forms.get("VB", ())
            if tags or base:  # the first lemma that has the word as a form reads it
                lemmas_of[word] = lemma
                if len(tags) == 1 and not base:
                    tenses[word] = tags.pop()
                break
        if "NOUN" in lemminflect.getAllLemmas(word, upos="NOUN"):
            nouns.append(word)
    past: dict[str, str] = {}
    for lemma in sorted(lemmas):
        simple_past = lemminflect.getInflection(lemma, tag="VBD")
        if simple_past:
            past[lemma] = str(simple_past[0])
    # Nouns as one string: a list of 40,000 strings costs more to read back than to split.
    return {"lemmas": lemmas_of, "tenses": tenses, "past": past, "nouns": "\n".join(nouns)}


def _well_formed(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and all(isinstance(data.get(name), dict) for name in ("lemmas", "tenses", "past"))
        and isinstance(data.get("nouns"), str)
    )


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
def lemminflect_module() -> Any:
    """lemminflect, imported without its spaCy hook.

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
