"""Word forms of vocabulary phrases: the extra spellings of a form, and verb + object phrasings.

Two pure functions, independent of the matching engine:

- `surface_variants(form)`: the exact surfaces a vocabulary form also matches: the plural of its
  last word, the other national spelling ("data visualisation", "time series modelling"), and for
  a one-word "-ization" concept its verb forms ("containerized", "quantised") when none of them
  is an ordinary English word ("optimized", "normalized" and "personalized" are);
- `concept_spans(text, concepts)`: an entry named "<object> <action noun>" ("Data Cleaning",
  "Hyperparameter Tuning", "Model Deployment") written as the verb of that action followed by its
  object ("cleaned customer data", "tuned the hyperparameters", "deployed models to production"),
  from the table `build_concepts` makes once per taxonomy.

>>> surface_variants("containerization")[3:6]
['containerize', 'containerise', 'containerized']
>>> table = ConceptTable({"cleaned": ((("data",), "data-cleaning"),)})
>>> concept_spans("Cleaned customer data for 3 teams", table)
[(0, 21, 'data-cleaning')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from atsmatch.english import zipf
from atsmatch.inflect import is_noun, lemminflect_module, lemminflect_stamp

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy

__all__ = [
    "ConceptTable",
    "build_concepts",
    "concept_spans",
    "plural",
    "surface_variants",
    "titled",
]

# ------------------------------------------------------------------ spellings
# Words spelt differently in British and American English, both ways.
_WORD_PAIRS = {
    "behavior": "behaviour",
    "behavioral": "behavioural",
    "color": "colour",
    "center": "centre",
    "catalog": "catalogue",
    "defense": "defence",
    "license": "licence",
    "artifact": "artefact",
    "judgment": "judgement",
    "gray": "grey",
}
_WORD_PAIRS |= {british: american for american, british in _WORD_PAIRS.items()}
# Stems that double their l in British English: modelling, labelled, signalling.
_DOUBLE_L = ("model", "label", "signal", "channel", "tunnel", "funnel", "cancel", "travel", "level")
_IZE = re.compile(r"(?<=[a-z]{3})i([zs])(ation|ations|e|ed|es|ing)$")
_YZE = re.compile(r"(?<=[a-z])y([zs])(e|ed|es|ing)$")
_VERB_ENDINGS = ("ize", "ise", "ized", "ised", "izing", "ising", "izes", "ises")
_VERB_WORD = 3.0  # a verb form this frequent (Zipf) is everyday English: "optimized", "prioritize"


def plural(form: str) -> str | None:
    """The plural of a form's last word ("data pipeline" -> "data pipelines"), if it has one."""
    last = form.rsplit(" ", 1)[-1]
    if len(last) < 3 or not last.isalpha():
        return None
    if last.isupper():
        return None if last[-1] in "sSxX" else form + "s"  # LLMs, GPUs, APIs
    if last.endswith("sis"):
        return form[:-2] + "es"  # analyses, hypotheses
    if last.endswith(("ch", "sh")):
        return form + "es"  # batches, searches
    if last[-1] in "sxSX":
        return None
    if last[-1] == "y" and last[-2] not in "aeiou":
        return form[:-1] + "ies"
    return form + "s"


def _respell_word(word: str) -> str:
    """`word` in the other national spelling, or `word` itself when it has only one."""
    lower = word.lower()
    if word.isupper() or not lower.isalpha():
        return word
    other = _WORD_PAIRS.get(lower)
    if other is None:
        for stem in _DOUBLE_L:
            for single, double in (("ing", "ling"), ("ed", "led"), ("er", "ler")):
                if lower == stem + single:
                    other = stem + double
                elif lower == stem + double:
                    other = stem + single
    if other is None and lower.endswith(("ization", "izations", "isation", "isations")):
        other = _IZE.sub(lambda m: "i" + ("s" if m[1] == "z" else "z") + m[2], lower)
    if other is None and _YZE.search(lower) and lower.startswith(("analy", "cataly", "paraly")):
        other = _YZE.sub(lambda m: "y" + ("s" if m[1] == "z" else "z") + m[2], lower)
    if other is None:
        return word
    return other.capitalize() if word[0].isupper() else other


def _respelt(form: str) -> str:
    """`form` with every word that has another national spelling respelt."""
    return re.sub(r"[A-Za-z]+", lambda m: _respell_word(m.group()), form)


def _verb_forms(form: str) -> list[str]:
    """The verb forms of a one-word "-ization" form ("containerized"), when none is an everyday
    English word (an "optimized" query is not Mathematical Optimization)."""
    if not form.isalpha() or not form.lower().endswith(("ization", "isation")):
        return []
    forms = [form[:-7] + ending for ending in _VERB_ENDINGS]
    return [] if any(zipf(f.lower()) >= _VERB_WORD for f in forms) else forms


def surface_variants(form: str) -> list[str]:
    """The exact surfaces `form` should also match, besides itself (may be empty).

    The plural of the last word and the other national spelling of every word come for any form;
    verb forms only for a one-word "-ization" concept (see `_verb_forms`).
    """
    spellings = [form, _respelt(form)]
    found = [*spellings, *(plural(s) for s in spellings), *_verb_forms(form)]
    return [v for v in dict.fromkeys(found) if v is not None and v != form]


# ------------------------------------------------------------ verb + object
# The action nouns whose verb, with the entry's object after it, says the action was done.
# Left out on purpose: testing, selection ("selected features" for a release), classification
# ("classified documents"), generation ("generated revenue"), management ("managed services").
_ACTIONS: dict[str, tuple[str, ...]] = {
    "analysis": ("analyze", "analyse"),
    "annotation": ("annotate",),
    "cleaning": ("clean",),
    "cleansing": ("cleanse",),
    "deployment": ("deploy",),
    "detection": ("detect",),
    "engineering": ("engineer",),
    "extraction": ("extract",),
    "forecasting": ("forecast",),
    "imputation": ("impute",),
    "labeling": ("label",),
    "labelling": ("label",),
    "migration": ("migrate",),
    "modeling": ("model",),
    "modelling": ("model",),
    "monitoring": ("monitor",),
    "preprocessing": ("preprocess",),
    "segmentation": ("segment",),
    "training": ("train",),
    "tuning": ("tune",),
    "versioning": ("version",),
    "visualisation": ("visualize", "visualise"),
    "visualization": ("visualize", "visualise"),
}
_CONCEPT_CATEGORIES = frozenset({"concept", "method", "practice", "math_stats"})
# Entries whose verb + object reads as something else: "engineered software" is not a claim of
# Software Engineering as a discipline, "modeled the data" is loose for Data Modeling.
_NOT_CONCEPTS = frozenset(
    {
        "analytics-engineering", "backend-development", "chaos-engineering", "cybersecurity",
        "data-engineering", "data-modeling", "data-platform", "factor-analysis",
        "frontend-development", "long-context", "platform-engineering", "power-analysis",
        "predictive-maintenance", "pytorch-ddp", "real-analysis", "requirements-engineering",
        "social-engineering", "software-engineering", "sre",
    }
)  # fmt: skip
# Nouns without a plural ("datas"), and first halves of a compound action ("fine tuning").
_MASS_NOUNS = frozenset({"data", "information", "software", "hardware", "performance", "text"})
_PREFIXES = frozenset({"fine", "pre", "self", "multi", "co", "re"})
# Objects too vague to name the concept: "extracted information", "tuned performance".
_VAGUE_OBJECTS = frozenset({"information", "performance", "business", "quality", "value"})
_GAP = 3  # words allowed between the verb and its object: "tuned the model's hyperparameters"
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\w.,%+]*|\S")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")  # `_TOKEN`'s word
_AHEAD = re.compile(rf"(?:\s*\S+){{1,{_GAP + 2}}}")
# Words that end the phrase between a verb and its object: another clause or a prepositional
# phrase ("trained staff to use models", "deployed on servers the models").
_BREAKS = frozenset(
    {
        "to", "for", "with", "on", "in", "into", "onto", "at", "by", "from", "of", "via", "using",
        "through", "over", "under", "across", "within", "and", "or", "but", "nor", "so", "yet",
        "then", "that", "which", "who", "whom", "whose", "where", "when", "while", "because", "as",
        "if", "than", "i", "we", "you", "he", "she", "they", "it", "is", "are", "was", "were", "be",
        "been", "being", "has", "have", "had", "will", "would", "can", "could", "should", "must",
        "may", "might", "not",
    }
)  # fmt: skip
# Words after which a verb form reads as a verb: the start of a clause.
_VERB_LEAD = frozenset(
    {
        "to", "and", "or", "i", "we", "you", "they", "he", "she", "also", "then", "will", "would",
        "can", "could", "should", "must", "may", "might",
    }
)  # fmt: skip
# Prepositions after which an -ing form is a gerund, a verb: "for deploying models".
_GERUND_LEAD = frozenset(
    {"for", "in", "by", "with", "on", "at", "from", "about", "after", "before"}
)
# Words after which a participle reads as an adjective: "the trained models", "use of".
_DETERMINERS = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "our", "their", "its", "his", "her",
        "my", "your", "of", "for", "with", "in", "on", "by", "from", "pre",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ConceptTable:
    """For each verb form (lower case), the objects it may take and the entry each one means."""

    verbs: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]
    longest: int = field(init=False, repr=False, compare=False)  # words in the longest object
    # For each verb form, a pattern finding the first word of any of its objects: most verb
    # forms found have none within reach, and are passed over before the words around them
    # are split. The forms of one verb share theirs, nested by prefix (`_trie_pattern`): an
    # alternation of forty words would try each at every character.
    firsts: Mapping[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sizes = [len(obj) for choices in self.verbs.values() for obj, _ in choices]
        object.__setattr__(self, "longest", max(sizes, default=0))
        patterns: dict[frozenset[str], re.Pattern[str]] = {}
        firsts = {}
        for verb, objs in self.verbs.items():
            words = frozenset(obj[0] for obj, _ in objs)
            if words not in patterns:
                patterns[words] = re.compile(_trie_pattern(sorted(words)))
            firsts[verb] = patterns[words]
        object.__setattr__(self, "firsts", firsts)


def _object_forms(words: Sequence[str]) -> list[tuple[str, ...]]:
    """The object as written and with its last word in the plural (or the singular)."""
    *head, last = words
    forms = [(*head, last)]
    other = None if last in _MASS_NOUNS else plural(last)
    if other is not None:
        forms.append((*head, other))
    elif last.endswith("series"):
        pass
    elif last.endswith("ies"):
        forms.append((*head, last[:-3] + "y"))
    elif last.endswith("s") and not last.endswith(("ss", "us", "is", "os", "ics")):
        forms.append((*head, last[:-1]))
    return forms


def build_concepts(taxonomy: Taxonomy) -> ConceptTable:
    """The verb + object table of a taxonomy (`taxonomy.derived(build_concepts)`), from the
    on-disk cache when it holds the table for these entries (`atsmatch._diskcache`)."""
    from atsmatch._diskcache import cached, fingerprint, skills_stamp

    key = fingerprint(Path(__file__).read_bytes(), lemminflect_stamp(), skills_stamp(taxonomy))
    stored = cached("concepts", key, lambda: _concept_rows(taxonomy), _rows_well_formed)
    return ConceptTable(
        {
            verb: tuple((tuple(obj), skill_id) for obj, skill_id in objects)
            for verb, objects in stored.items()
        }
    )


def _rows_well_formed(rows: Any) -> bool:
    return isinstance(rows, dict) and all(isinstance(v, list) for v in rows.values())


def _concept_rows(taxonomy: Taxonomy) -> dict[str, list[tuple[list[str], str]]]:
    """The table of `build_concepts` as JSON rows: verb form -> [object words, entry id].

    Every entry of a concept-like category named (or aliased) "<one or two object words>
    <action noun>" gives its action's verb forms, each with the object in the singular and plural.
    Names go before aliases, so where two entries share a verb and object the one named so wins.
    """
    found: dict[str, dict[tuple[str, ...], str]] = {}
    skills = sorted(taxonomy.skills.values(), key=lambda s: s.id)
    pairs = [(s.id, s.name) for s in skills] + [(s.id, a) for s in skills for a in s.aliases]
    for skill_id, form in pairs:
        skill = taxonomy.skills[skill_id]
        if skill.category not in _CONCEPT_CATEGORIES or skill_id in _NOT_CONCEPTS:
            continue
        words = form.lower().split()
        if not 2 <= len(words) <= 3 or not all(w.isalpha() for w in words):
            continue
        lemmas = _ACTIONS.get(words[-1], ())
        if not lemmas or not _noun_like(words[-2]) or words[-2] in _PREFIXES | _VAGUE_OBJECTS:
            continue
        if any(w in _BREAKS for w in words[:-1]):
            continue
        objects = _object_forms(words[:-1])
        for lemma in lemmas:
            for verb in _inflections(lemma):
                table = found.setdefault(verb, {})
                for obj in objects:
                    table.setdefault(obj, skill_id)
    return {
        verb: [(list(obj), sid) for obj, sid in table.items()]
        for verb, table in sorted(found.items())
    }


def _noun_like(word: str) -> bool:
    """False for a word the tables know only as another part of speech ("statistical")."""
    known = lemminflect_module().getAllLemmas(word)
    return not known or "NOUN" in known or "PROPN" in known


def _inflections(lemma: str) -> list[str]:
    """Every form of the verb `lemma` ("train": train, trains, trained, training)."""
    forms = {lemma}
    for words in lemminflect_module().getAllInflections(lemma, upos="VERB").values():
        forms.update(words)
    return sorted(forms)


def _reads_as_verb(tokens: Sequence[re.Match[str]], i: int) -> bool:
    """True when the verb form at `tokens[i]` reads as a verb there, not as a noun or adjective.

    A form that is also a noun ("training", "models", "forecast") counts only where a clause
    starts (the text's start, punctuation, "to", a subject, an adverb in -ly), an -ing form also
    after a preposition ("experience in training models"); an unambiguous one
    ("cleaned") anywhere but after a determiner or a preposition ("the trained models") or another
    participle ("deployed trained models": the models were trained, not by the writer).
    """
    if i == 0:
        return True
    prev = tokens[i - 1].group()
    low = prev.lower()
    if not prev[0].isalnum() or low in _VERB_LEAD or low.endswith("ly"):
        return True
    word = tokens[i].group().lower()
    if word.endswith("ing") and low in _GERUND_LEAD:
        return True  # "experience in training models", "for deploying models"
    if word.endswith("ing") or is_noun(word):
        return False
    return low not in _DETERMINERS and not low.endswith("ed")


def _trie_pattern(words: Sequence[str]) -> str:
    """A regular expression matching any of `words`, longest first, nested by shared prefix
    ("Clean(?:ed|ing|s)?"), so each position tries a few letters, not every word."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, Any]) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


def titled(text: str) -> str:
    """`text` title-cased, one character for one: a letter after a cased letter in lower case,
    any other in upper case (a character whose case changes its length stays as written)."""
    if text.isascii():  # `bytes.title` agrees with `str.title` on ASCII and is 6x faster
        return text.encode("ascii").title().decode("ascii")
    result = text.title()
    if len(result) == len(text):
        return result
    out: list[str] = []
    cased = False
    for char in text:
        changed = char.lower() if cased else char.upper()
        out.append(changed if len(changed) == 1 else char)
        cased = char.lower() != char.upper()
    return "".join(out)


def concept_spans(
    text: str, concepts: ConceptTable, starts: Iterable[int] | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, skill id) for each verb + object phrasing of a concept in `text`.

    The object follows its verb with at most `_GAP` words between them and no punctuation or
    clause break, and ends there (punctuation, the text's end or a word such as "to" or "for"
    follows): "cleaned customer data pipelines" names pipelines, not data.

    Only the words around a verb form are split into tokens: from the start of the run of
    non-spaces before it (whitespace always ends a token, so the tokens there are the ones the
    whole text would give) to as far as its object can reach. `starts` are where a verb form
    (title-cased) starts in `text`, ascending, when the caller has found them already.
    """
    spans: list[tuple[int, int, str]] = []
    resume_at = 0  # the end of the last phrase: its words are not read again
    if starts is None:  # the extractor finds them with its automaton; here, any verb form
        # opening a word of the title-cased text (a case-blind pattern would cost far more)
        pattern = _trie_pattern([titled(form) for form in concepts.verbs]) or "(?!)"
        starts = (found.start() for found in re.finditer(pattern, titled(text)))
    for start in starts:
        word = _WORD.match(text, start)
        verb = word.group().lower() if word is not None else ""
        if start < resume_at or verb not in concepts.verbs:
            continue  # read already, or the form opens a longer word ("Trainings")
        # The object starts within the verb's next `_GAP` + 1 tokens, which lie within the next
        # `_GAP` + 2 runs of non-spaces (the first may be the rest of the verb's own run).
        ahead = _AHEAD.match(text, start + len(verb))
        window = ahead.group().lower() if ahead is not None else ""
        if concepts.firsts[verb].search(window) is None:
            continue  # no object within reach: most verb forms found are nouns ("Models")
        tokens, i = _tokens_before(text, start)
        if i is None:
            continue  # the form is inside a longer token ("precleaned", "3.trained")
        choices = concepts.verbs.get(tokens[i].group().lower())
        if choices is None or not _reads_as_verb(tokens, i):
            continue  # most forms found are nouns ("Models", "Engineering"): no further work
        _extend(text, tokens, i + _GAP + concepts.longest + 2)
        phrase = _object_after(tokens, i, choices)
        if phrase is not None:
            stop, skill_id = phrase
            spans.append((start, tokens[stop - 1].end(), skill_id))
            resume_at = tokens[stop - 1].end()
    return spans


def _tokens_before(text: str, start: int) -> tuple[list[re.Match[str]], int | None]:
    """The tokens from the one before position `start` to the one at it, and the index of
    the token that starts at `start` (None when none does)."""
    origin = start
    while origin and not text[origin - 1].isspace():
        origin -= 1
    if origin == start:  # the previous token is in the run before this one
        while origin and text[origin - 1].isspace():
            origin -= 1
        while origin and not text[origin - 1].isspace():
            origin -= 1
    tokens: list[re.Match[str]] = []
    for token in _TOKEN.finditer(text, origin):
        if token.start() > start:
            return tokens, None
        tokens.append(token)
        if token.start() == start:
            return tokens, len(tokens) - 1
    return tokens, None


def _extend(text: str, tokens: list[re.Match[str]], count: int) -> None:
    """Add the tokens that follow `tokens`, until there are `count` + 1 or the text ends."""
    for token in _TOKEN.finditer(text, tokens[-1].end()):
        if len(tokens) > count:
            return
        tokens.append(token)


def _object_after(
    tokens: Sequence[re.Match[str]], i: int, choices: tuple[tuple[tuple[str, ...], str], ...]
) -> tuple[int, str] | None:
    """The end token and entry of the nearest object the verb at `tokens[i]` takes, if any."""
    for start in range(i + 1, min(i + 2 + _GAP, len(tokens))):
        for obj, skill_id in choices:
            stop = start + len(obj)
            words = [t.group().lower() for t in tokens[start:stop]]
            if tuple(words) == obj and _ends_object(tokens, stop):
                return stop, skill_id
        word = tokens[start].group()
        if not word[0].isalnum() or word.lower() in _BREAKS:
            return None
    return None


def _ends_object(tokens: Sequence[re.Match[str]], stop: int) -> bool:
    """True when nothing after `tokens[stop - 1]` carries its noun phrase on."""
    if stop == len(tokens):
        return True
    after = tokens[stop].group()
    return (not after[0].isalnum() and after not in "-'") or after.lower() in _BREAKS
