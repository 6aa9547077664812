"""Find taxonomy skills in text: a compiled multi-pattern scan, case and context rules, typo tier.

Three tiers, cheapest first:
1. exact phrases, case-insensitive, for names and aliases that are not English words, with their
   variants (plural, the other national spelling: `morphology.surface_variants`);
2. exact phrases, case-sensitive, for forms like "R", "Go", "Spark", "Lambda" that are also words
   or letters; when the entry lists `context` words, the block must also hold one of them, a
   skill of the same category or a related skill, or be a list of skills;
3. a typo tier on the words nothing matched ("Kubernates", "Tenser Flow"), reported as fuzzy.

The exact tiers are one Aho-Corasick automaton over the title-cased text (case-sensitive forms
are then checked as written; one- and two-letter ones are found by a regular expression) that
finds every occurrence of every form in one pass. An occurrence counts only where it starts and
ends on token boundaries and spans as many tokens as the form, by spaCy's English affix rules
(`atsmatch._affixes`), so "Java" is not found in "JavaScript" nor "C" in "Objective-C", exactly
as a spaCy PhraseMatcher would decide, at a fraction of the cost: only the few words around an
occurrence that would be kept are ever split into tokens. Verb + object phrasings of concepts
(`atsmatch.morphology`) fill in where nothing exact matched.

What building derives from the taxonomy (`compiled_tables`) is kept in the on-disk cache, so an
`Extractor` is built in tens of milliseconds without importing spaCy. It is then read-only
(its caches are plain dict writes), so one instance serves every thread.
"""

from __future__ import annotations

import itertools
import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from atsmatch import _affixes, morphology
from atsmatch._affixes import AffixRules
from atsmatch.english import english_stamp, is_ordinary, zipf
from atsmatch.models import Block, SkillHit, _constructed
from atsmatch.morphology import build_concepts, concept_spans, surface_variants, titled

if TYPE_CHECKING:
    from atsmatch.taxonomy import Skill, Taxonomy

__all__ = ["Extractor", "ambiguities"]

# Typo tier: only tokens this long, compared with `fuzz.ratio` (never WRatio, which scores a
# fragment inside a longer string as a match). 90 allows one edit in ten characters.
_FUZZY_MIN_LEN = 7
_FUZZY_CUTOFF = 90.0
_COMPACT_MIN_LEN = 6  # "Tensor Flow" -> TensorFlow; shorter joins ("Go Lang") are too risky
_TYPO_CACHE_SIZE = 50_000
_SPLIT_HEAD_MAX = 8
# Tokens glued to a short alias on these sides belong to another word: Objective-C, C-suite, R&D.
_GLUE_BEFORE = frozenset("-.'&_")
_GLUE_AFTER = frozenset("+#-&_'")
# A block reads as a list of skills when it is mostly short comma/pipe separated items.
# Bullets and slashes are left out: "Notion • San Francisco, CA" is an employer line, not a list.
_LIST_SPLIT = re.compile(r"[,|;]")
_TLDS = ("com", "io", "org", "net", "dev", "ai")
# URLs and e-mail addresses, branch by branch, each with what a run of non-spaces must hold for
# it to match there: the automaton finds those (`_URL_TRIGGERS`), and a run is searched only
# for the branches it can hold (the e-mail branch costs most, and in vain, on a run without "@").
_URL_BRANCHES = (
    (r"\S+@\S+", ("@",)),
    (r"(?:https?://|www\.)\S+", ("://", "www.")),
    (rf"\b[\w-]+\.(?:{'|'.join(_TLDS)})/\S*", tuple(f".{tld}/" for tld in _TLDS)),
)
_URLISH = re.compile("|".join(branch for branch, _ in _URL_BRANCHES))  # the whole, for tests
_URL_SEARCHES = tuple((re.compile(branch), needles) for branch, needles in _URL_BRANCHES)
_URL_TRIGGERS = tuple(needle for _, needles in _URL_BRANCHES for needle in needles)
_VERB = "verb"  # the mark of an automaton key that is a verb form of the concept table
_SPACE = re.compile(r"\s")
# Words the typo tier must never touch: common English words of seven letters or more that sit
# one edit away from a vocabulary form.
# Endings common in English words and rare in tool names ("Ministerial" is not "Ministral").
_ENGLISH_ENDINGS = (
    "ing", "ed", "ly", "tion", "sion", "ment", "ness", "able", "ible", "ies", "ial", "ous",
    "ity", "ence", "ance", "ism", "ive", "ful", "less",
)  # fmt: skip
_SKILL_LIST_SECTIONS = frozenset({"skills"})
# Names that are ordinary words ("Beats", "Torch", "augmentation") need evidence in these
# categories; soft skills are ordinary words by nature and weigh little.
_WORDY_CATEGORIES = frozenset({"soft_skill"})
_TYPO_WORD = 3.0  # a word this frequent in English (Zipf) is a word, never a misspelt tool
_ALIAS_WORD = 3.0  # a lowercase alias this frequent is an ordinary word ("augmentation" 3.1)
_NAME_WORD = 3.5  # a capitalised one ("Torch" 3.7, "Beats" 4.2; "Airflow" 3.1 stays a name)
# Words just before a name that say a skill follows: "experience with Ray", "such as Feast".
_TRIGGER = re.compile(
    r"(?:\b(?:experience[ds]?|expertise|proficien(?:t|cy)|skilled|knowledge|familiar(?:ity)?"
    r"|background|fluen(?:t|cy)|competen(?:t|ce|cy)|hands-on\s+experience)\s+(?:with|in|of)"
    r"|\bsuch\s+as|\be\.g\.)(?:\s+(?:a|an|the|modern|strong|solid))?\s*[:(]?\s*$",
    re.I,
)
_TRIGGER_WINDOW = 48
# How a window that `_TRIGGER` matches ends, once spaces, ":" and "(" are stripped.
_TRIGGER_ENDS = ("with", "in", "of", "as", "e.g.", "a", "an", "the", "modern", "strong", "solid")
_VALUE_BEFORE = re.compile(r"\d(?:[.,]\d+)?\s*%?\s*$")
_VALUE_AFTER = re.compile(r"\s*(?:of|at|=|:|@)?\s*\d")
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,5}")  # "PCA", "MLE", "K8S"
_MINOR_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "with", "a", "an"})
# ISO 4217 codes that are also vocabulary forms or look like them: "SGD 5,000" is money, not
# stochastic gradient descent.
_CURRENCY = frozenset(
    {"USD", "EUR", "GBP", "SGD", "AUD", "CAD", "INR", "JPY", "CHF", "CNY", "HKD", "NZD", "SEK"}
)
_AMOUNT_AFTER = re.compile(r"\s?[$€£]?\d")
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*[kKmM]?\s?$")
# What joins two names of one list: "Ray or Feast", "Word, PowerPoint, Excel", "EMR/Spark".
_LIST_JOIN = re.compile(r"^(?:\s*[,/&]\s*(?:(?:and|or)\s+)?|\s+(?:and|or|and/or)\s+)$", re.I)


_BLOCK_SEP = "\n\n"
_first = itemgetter(0)
_SHORT = 2  # case-sensitive names this short are found by `_short_names`, not the automaton
_MAX_GAPS = 3  # "c/c++" is also found as "C / C++"; forms with more such gaps only as written
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphens, en and em dash, minus
# A capitalised word: \b[A-Z] written as a capital not preceded by a word character, since a
# pattern that opens with a character class lets the regex engine skip to the capitals.
_CAPITAL_WORD = re.compile(r"[A-Z](?<!\w[A-Z])[^\W\d_]*")
# The same on ASCII text (most resumes), run on its bytes with each class of character made one
# byte ("A" a capital, "a" another letter, "0" a digit or "_"): a pattern that opens with one
# byte skips to the next at `memchr` speed, where a class is tested at every character.
_WORD_CLASSES = bytes.maketrans(
    (string.ascii_uppercase + string.ascii_lowercase + string.digits + "_").encode(),
    b"A" * 26 + b"a" * 26 + b"0" * 11,
)
_CAPITAL_WORD_CLASSES = re.compile(rb"A(?<![a0A]A)[Aa]*")
_CAPITAL, _LOWER = b"Aa"  # a capital's class, and another letter's
# A claimed character in `covered` (`_claim`): a bytearray, whose repeats a bytearray's slice
# takes as they are, where bytes are first copied into a new bytearray.
_CLAIMED = bytearray(b"\x01")
_LETTERS = re.compile(r"[^\W\d_]+")
# A word standing on its own, not part of a longer one: no "ray" in "x-ray", "ray.io", "rayon".
_WORD_EDGE_BEFORE = r"(?<![\w+#])(?<![\w+#][.-])"
_WORD_EDGE_AFTER = r"(?![\w+#])(?![.-][\w+#])"


class _Scan(NamedTuple):
    """What one pass of the automaton finds (`Extractor._scan`)."""

    spans: list[tuple[int, int, tuple[_Surface, ...]]]  # forms found, by where they start
    verbs: list[int]  # where a verb form of the concept table starts, ascending
    urls: list[int]  # where a URL trigger ("@", "www.") ends, ascending


class _Candidate(NamedTuple):
    """A match before the context rules decide on it (a tuple: built a hundred times a call)."""

    start: int
    end: int
    skill_id: str
    alias: str
    fuzzy: bool
    # Needs its block to back it up: a case-sensitive form with context words ("Spark"), or an
    # ordinary English alias not written as a name ("beats", "torch").
    doubtful: bool = False


# `_Candidate` built from a full tuple, without the Python-level `__new__` a NamedTuple calls:
# `_exact` makes one for every match it keeps.
_candidate = partial(tuple.__new__, _Candidate)


@dataclass(frozen=True, slots=True)
class _Form:
    """A vocabulary form the typo tier can name: its skill and the form as written."""

    skill_id: str
    text: str


# The typo tier's reading of a capitalised word: the word in lower case, the letters the second
# word of a split name it starts can open with ("" when none starts with it), and the form it
# names with whether it is misspelt, if any.
_Kind = tuple[str, str, tuple[_Form, bool] | None]
_NOTHING: _Kind = ("", "", None)  # a word the typo tier can make nothing of


class _Surface(NamedTuple):
    """What one automaton key stands for: a skill's form and the tokens it spans."""

    key: str  # as the text must write it, for a case-sensitive form
    skill_id: str
    sensitive: bool
    tokens: int
    # Tie-breaks between surfaces of as many tokens at one place: case-insensitive first, an
    # entry's name before another's alias ("message queues"), then compile order.
    rank: tuple[bool, bool, int]
    plain: bool  # words of letters only, a token each: no affix rule splits such a word
    form: str  # what a hit reports as its alias: the vocabulary form, or the entry's name
    ordinary: bool  # an alias that is an English word: needs evidence unless written as a name
    contextual: bool  # case-sensitive, of an entry with context words: needs evidence


# What the automaton holds for a key: its length, whether it starts and ends with a letter, the
# surfaces it stands for, and a mark: `_VERB` for a verb form of the concept table, a URL
# trigger as it must be written ("www."), or "".
_Entries = tuple[int, bool, bool, tuple[_Surface, ...], str]


class _Chunk:
    """Token boundaries of one text, computed run by run (runs between whitespace) on demand.

    Occurrences arrive in text order, so the run last split is kept: a long run with many
    occurrences ("C++,C++,...") is found and split once, and searched by bisection.
    """

    def __init__(self, text: str, rules: AffixRules) -> None:
        self._text = text
        self._rules = rules
        self._first = self._last = -1
        self._starts: tuple[int, ...] = ()
        self._ends: tuple[int, ...] = ()

    def tokens(self, start: int, end: int) -> int | None:
        """How many tokens [start, end) spans, or None when an edge falls inside a token."""
        count = 0
        at = start
        while True:
            self._load(at)
            first, starts, ends = self._first, self._starts, self._ends
            index = bisect_left(starts, at - first)
            if index == len(starts) or starts[index] != at - first:
                return None  # `at` is inside a token
            if end <= self._last:
                stop = bisect_left(ends, end - first)
                if stop == len(ends) or ends[stop] != end - first:
                    return None  # `end` is inside a token
                return count + stop - index + 1
            count += len(starts) - index
            at = self._last + 1  # the pattern's next word, after its single space

    def _load(self, at: int) -> None:
        """Make the run holding position `at` the current one."""
        if self._first <= at < self._last:
            return
        text = self._text
        first = at
        while first and not text[first - 1].isspace():
            first -= 1
        space = _SPACE.search(text, at)
        last = space.start() if space is not None else len(text)
        self._first, self._last = first, last
        self._starts, self._ends = self._rules.bounds(text[first:last])


def _spacings(key: str, rules: AffixRules) -> list[str]:
    """`key` and its spellings with one space between tokens that it writes together: a
    tokenised phrase matches whatever single spaces stand between its tokens ("CI / CD",
    "C / C++" for "ci/cd", "c/c++"). Up to `_MAX_GAPS` such gaps; more are not spelt apart."""
    pieces: list[str] = []
    gaps: list[bool] = []  # after each piece but the last: may a space go there?
    for word in key.split(" "):
        spans = rules.spans(word)
        for index, (left, right) in enumerate(spans):
            pieces.append(word[left:right])
            gaps.append(index < len(spans) - 1)
    gaps.pop()
    open_gaps = [i for i, free in enumerate(gaps) if free]
    if not open_gaps or len(open_gaps) > _MAX_GAPS:
        return [key]
    spellings = []
    for spaced in itertools.product((False, True), repeat=len(open_gaps)):
        joiners = [" "] * len(gaps)
        for gap, space in zip(open_gaps, spaced, strict=True):
            joiners[gap] = " " if space else ""
        spellings.append(
            pieces[0] + "".join(j + p for j, p in zip(joiners, pieces[1:], strict=True))
        )
    return spellings


# One compiled form: skill id, the form as the vocabulary writes it, case-sensitive, an ordinary
# English word, and its variants (itself, `surface_variants`) as [key, tokens, spellings] where
# `spellings` lists the keys with spaces between tokens when there are any ("c / c++").
_FormRecord = tuple[str, str, bool, bool, list[tuple[str, int, list[str]]]]
_TABLE_LISTS = ("forms", "fuzzy", "compact", "heads")


def compiled_tables(taxonomy: Taxonomy) -> dict[str, Any]:
    """What building an extractor for `taxonomy` derives: spaCy's affix rules and every form
    with its variants and token counts; from the on-disk cache when it holds them.

    The key covers everything the tables are derived from: the skills' names, aliases,
    case-sensitive forms and categories, the English word list, spaCy's version, and the code
    that derives them.
    """
    from atsmatch import __version__
    from atsmatch._diskcache import cached, fingerprint, skills_stamp

    sources = [Path(module.__file__ or "").read_bytes() for module in (_affixes, morphology)]
    key = fingerprint(
        __version__,
        Path(__file__).read_bytes(),  # a change to how forms are compiled is a miss
        *sources,
        english_stamp(),
        AffixRules.spacy_stamp(),
        skills_stamp(taxonomy),
    )
    return cast(
        "dict[str, Any]", cached("extractor", key, lambda: _compile(taxonomy), _well_formed)
    )


def _well_formed(tables: Any) -> bool:
    """A cheap shape check of tables read back from disk."""
    return (
        isinstance(tables, dict)
        and isinstance(tables.get("rules"), dict)
        and set(tables["rules"]) == {"prefix", "suffix", "infix"}
        and isinstance(tables.get("marks"), list)
        and len(tables["marks"]) == 2
        and all(isinstance(marks, str) for marks in tables["marks"])
        and all(isinstance(tables.get(name), list) for name in _TABLE_LISTS)
        and all(isinstance(record, list) and len(record) == 5 for record in tables["forms"])
    )


def _compile(taxonomy: Taxonomy) -> dict[str, Any]:
    """The tables of `compiled_tables`, derived (about a second: spaCy, word frequencies)."""
    rules = AffixRules.from_spacy()
    records: list[_FormRecord] = []
    seen: set[tuple[str, bool, str]] = set()

    def add(skill_id: str, form: str, *, sensitive: bool, ordinary: bool = False) -> None:
        variants: list[tuple[str, int, list[str]]] = []
        for variant in [form, *surface_variants(form)]:
            surface = " ".join(_hyphenated(variant).split())
            key = surface if sensitive else surface.lower()
            if (skill_id, sensitive, key) in seen or not key:
                continue
            seen.add((skill_id, sensitive, key))
            tokens = sum(len(rules.spans(word)) for word in surface.split(" "))
            spellings = _spacings(key, rules)
            variants.append((key, tokens, spellings if spellings != [key] else []))
        records.append((skill_id, form, sensitive, ordinary, variants))

    for skill in taxonomy.skills.values():
        exact = set(skill.case_sensitive)
        for form in dict.fromkeys([skill.name, *skill.aliases]):
            if form in exact:
                continue
            alias = form.casefold() != skill.name.casefold()
            if _exact_case(form, alias=alias):  # "DiD" is not "did", "ROUGE" not "rouge"
                add(skill.id, form, sensitive=True)
                continue
            ordinary = alias and skill.category not in _WORDY_CATEGORIES and _ordinary_word(form)
            add(skill.id, form, sensitive=False, ordinary=ordinary)
        for form in skill.case_sensitive:
            add(skill.id, form, sensitive=True)
    # The typo tier's indexes: long one-word forms, every form without spaces or hyphens, and
    # the first parts a split spelling of one can start with ("Py Torch", "Tensor Flow").
    fuzzy: dict[str, tuple[str, str]] = {}
    compact: dict[str, tuple[str, str]] = {}
    heads: set[str] = set()
    for skill_id, form, sensitive, _, _ in records:
        if sensitive:
            continue
        folded = form.casefold()
        if len(form) >= _FUZZY_MIN_LEN and form.isalpha():
            fuzzy.setdefault(folded, (skill_id, form))
        joined = "".join(folded.split()).replace("-", "")
        if len(joined) >= _COMPACT_MIN_LEN and joined.isalpha():
            compact.setdefault(joined, (skill_id, form))
            last = min(len(joined) - 2, _SPLIT_HEAD_MAX)
            heads.update(joined[:cut] for cut in range(2, last + 1))
    # For each first part, the letters the rest of a form it starts can open with.
    initials: dict[str, set[str]] = {head: set() for head in heads}
    for joined in compact:
        for cut in range(2, min(len(joined) - 1, _SPLIT_HEAD_MAX) + 1):
            if joined[:cut] in initials:
                initials[joined[:cut]].add(joined[cut])
    return {
        "rules": rules.to_dict(),
        "marks": list(rules.word_marks()),
        "forms": records,
        "fuzzy": [[word, *found] for word, found in fuzzy.items()],
        "compact": [[word, *found] for word, found in compact.items()],
        "heads": [[head, "".join(sorted(initials[head]))] for head in sorted(heads)],
    }


class Extractor:
    """Compiled matcher for one taxonomy: build once, reuse everywhere (thread-safe).

    >>> from atsmatch.taxonomy import load_taxonomy
    >>> hits = Extractor(load_taxonomy()).extract_text("Built pipelines in PySpark and C++")
    >>> sorted({h.name for h in hits})
    ['C++', 'PySpark']
    """

    def __init__(self, taxonomy: Taxonomy, *, fuzzy: bool = True) -> None:
        import ahocorasick

        self.taxonomy = taxonomy
        self.fuzzy = fuzzy
        tables = compiled_tables(taxonomy)
        self._rules = AffixRules(**tables["rules"])
        self._opening, self._closing = tables["marks"]  # `AffixRules.word_marks`
        # Every matchable surface, in compile order.
        self._surfaces: list[_Surface] = []
        # Typo tier: long one-word forms by first letter, and every form without spaces/hyphens.
        self._fuzzy_buckets: dict[str, dict[str, _Form]] = {}
        self._compact: dict[str, _Form] = {}
        # First parts a split compact form can start with, and the letters its rest can open with.
        self._compact_heads: dict[str, str] = {}
        self._kinds: dict[str, _Kind] = {}  # the typo tier's verdicts, by capitalised word
        self._context: dict[str, frozenset[str]] = {}
        self._word_patterns: dict[str, re.Pattern[str]] = {}  # context word -> where it stands
        self._family: dict[str, frozenset[str]] = {}
        self._category: dict[str, str] = {}  # skill id -> category, read for every doubtful name
        # skill id -> (id, name, category), what every hit reports: read off the taxonomy's
        # models once here, not three attribute reads per hit (a model's are slow ones).
        self._reported: dict[str, tuple[str, str, str]] = {}
        self._load(tables)
        self._relate(taxonomy.skills.values())
        self._concepts = taxonomy.derived(build_concepts)
        # One automaton finds every form in the text title-cased ("Apache Spark", "Cpython"):
        # case no longer matters, and a form that opens with a letter cannot match inside a
        # word ("Python" is not "pYTHON"), so most occurrences inside words are never reported.
        # A case-sensitive form is then checked as written. Short case-sensitive names ("R",
        # "Go") would match at the start of many words, so each has a regular expression of its
        # own that finds it as written: one opening with a letter searches as fast as
        # `str.find`, where one for all the names would try each at every character (a leading
        # look-behind would cost it that too; the edge check below does that job).
        self._automaton: Any = ahocorasick.Automaton()
        grouped: dict[tuple[bool, str], list[_Surface]] = {}
        for surface in self._surfaces:
            key = surface.key
            short = surface.sensitive and len(key) <= _SHORT and key.isalpha()
            grouped.setdefault((short, key if short else key.lower()), []).append(surface)
        shorts: dict[str, _Entries] = {}
        keys: dict[str, _Entries] = {}
        for (short, key), surfaces in grouped.items():
            surfaces.sort(key=lambda s: (-s.tokens, s.rank))  # the order `_scan` tries them
            value = (len(key), key[0].isalpha(), key[-1].isalpha(), tuple(surfaces), "")
            if short:
                shorts[key] = value
            else:
                keys[titled(key)] = value
        # The same pass finds where the concept table's verb forms and URLs may start.
        marks = [(titled(verb), _VERB) for verb in self._concepts.verbs]
        for trigger in _URL_TRIGGERS:
            marks.append((titled(trigger), trigger))
            if trigger[0].isalpha():  # after a letter, title case leaves it lower case: "wwww."
                marks.append((trigger.lower(), trigger))
        for key, mark in marks:
            size, head, tail, entries, _ = keys.get(key, (len(key), False, False, (), ""))
            keys[key] = (size, head, tail, entries, mark)
        for key, value in keys.items():
            self._automaton.add_word(key, value)
        self._automaton.make_automaton()
        self._short_names = [
            (re.compile(f"{re.escape(key)}(?![^\\W\\d_])"), value)
            for key, value in sorted(shorts.items())
        ]

    # ------------------------------------------------------------------ build
    def _load(self, tables: dict[str, Any]) -> None:
        """Fill the form tables and the typo tier's indexes from `compiled_tables`."""
        skills = self.taxonomy.skills
        records: list[_FormRecord] = tables["forms"]
        # (skill id, case-sensitive, key) -> the form as written, whether an English word
        forms = {
            (skill_id, sensitive, key): (form, ordinary)
            for skill_id, form, sensitive, ordinary, variants in records
            for key, _, _ in variants
        }
        for skill_id, form, sensitive, _, variants in records:
            name = skills[skill_id].name
            alias = form.casefold() != name.casefold()
            for key, tokens, spellings in variants:
                for spaced in spellings or [key]:
                    words = spaced.split(" ")
                    plain = len(words) == tokens and all(map(str.isalpha, words))
                    # A spelling with spaces added ("ci / cd") reports the entry's name.
                    written, ordinary = forms.get((skill_id, sensitive, spaced), (name, False))
                    self._surfaces.append(
                        _Surface(
                            spaced,
                            skill_id,
                            sensitive,
                            tokens,
                            (sensitive, alias, len(self._surfaces)),
                            plain,
                            written,
                            ordinary,
                            sensitive and bool(skills[skill_id].context),
                        )
                    )
        for word, skill_id, form in tables["fuzzy"]:
            bucket = self._fuzzy_buckets.setdefault(word[0], {})
            bucket[word] = _Form(skill_id, form)
        for word, skill_id, form in tables["compact"]:
            self._compact[word] = _Form(skill_id, form)
        self._compact_heads.update(tables["heads"])  # [head, initials] pairs

    def _relate(self, skills: Iterable[Skill]) -> None:
        """Each skill's context words and family (parents, children, related both ways)."""
        for skill in skills:
            self._category[skill.id] = skill.category
            self._reported[skill.id] = (skill.id, skill.name, skill.category)
            if skill.context:
                self._context[skill.id] = frozenset(w.casefold() for w in skill.context)
            family = {r.id for r in skill.parents} | {r.id for r in skill.related}
            family |= set(self.taxonomy.children(skill.id))
            family |= {r.id for r in self.taxonomy.related_to(skill.id)}
            self._family[skill.id] = frozenset(family)

    def patterns(self) -> list[tuple[str, str]]:
        """Every (form, skill id) pair the exact tiers match, for loading into other tools."""
        return sorted({(s.form, s.skill_id) for s in self._surfaces})

    # ---------------------------------------------------------------- extract
    def extract_text(self, text: str, *, section: str = "other") -> list[SkillHit]:
        """Skills in one piece of text, treated as a single block."""
        return self.extract_blocks([Block(text=text, kind="line", section=section, line=0)])

    def extract_blocks(self, blocks: Sequence[Block]) -> list[SkillHit]:
        """Skills in each block, in block order then text order.

        All blocks are scanned in one pass over their texts joined by blank lines: no form holds
        a line break, so no phrase runs from one block into the next.
        """
        texts = [block.text for block in blocks]  # each read once: a model's reads are slow
        # Where each block starts in the joined text, then where one more would: block i holds
        # the candidates from starts[i] up to starts[i + 1].
        starts: list[int] = []
        offset = 0
        for block_text in texts:
            starts.append(offset)
            offset += len(block_text) + len(_BLOCK_SEP)
        starts.append(offset)
        # Dashes become "-" for matching ("Engineer – Associate"); one character for one, so
        # every offset still points into the blocks' own text.
        text = _BLOCK_SEP.join(texts)
        text = _hyphenated(text)
        if not text.strip():
            return []
        title_cased = titled(text)
        scan = self._scan(text, title_cased)
        covered = bytearray(len(text))  # 1 where a match or a URL already claims the character
        # The typo tier's capitalised words are found on these (`_capital_words`); a claimed
        # span's opening capital is lowered in them as it is claimed, so that scan skips the
        # many words the exact tiers found (a capital inside a span is left to `covered`).
        classes = _word_classes(text)
        for url in _urls(text, scan.urls):
            start, end = url.span()
            _claim(covered, classes, start, end)
        candidates = self._exact(text, scan.spans, covered, classes)
        for start, end, skill_id in concept_spans(text, self._concepts, scan.verbs):
            if not any(covered[start:end]):
                name = self._reported[skill_id][1]
                candidates.append(_Candidate(start, end, skill_id, name, False))
                _claim(covered, classes, start, end)
        if self.fuzzy:
            candidates.extend(self._typos(text, covered, classes))
        # Matches never share a character, so their starts differ and sorting the tuples puts
        # them in block order and, within a block, in text order.
        candidates.sort()
        rejected = self._out_of_context(blocks, texts, candidates, starts)
        reported = self._reported
        hits: list[SkillHit] = []
        # Candidates come in block order: a candidate past the end of the last one's block
        # (`following`) has its block looked up, and the block's text, line and section read.
        index = line = base = following = -1
        section = block_text = ""
        for cand in candidates:
            cand_start, cand_end, cand_id, alias, fuzzy, _ = cand  # one unpacking, not 5 reads
            if cand_start >= following:
                index = bisect_right(starts, cand_start) - 1
                block_text, base, following = texts[index], starts[index], starts[index + 1]
                line, section = blocks[index].line, blocks[index].section
            if cand_start in rejected:
                continue
            skill_id, name, category = reported[cand_id]
            start, end = cand_start - base, cand_end - base
            # `SkillHit._trusted` without its keyword arguments, which cost a dict insertion
            # each on the call: the fields as a dict display, in field order.
            values = {
                "skill_id": skill_id,
                "name": name,
                "category": category,
                "alias": alias,
                "text": block_text[start:end],
                "start": start,
                "end": end,
                "block": index,
                "line": line,
                "section": section,
                "fuzzy": fuzzy,
            }
            hits.append(_constructed(SkillHit, values))
        return hits

    def _scan(self, text: str, title_cased: str) -> _Scan:
        """Where vocabulary forms, verb forms and URL triggers occur, in one pass of the automaton
        over the title-cased text (and of `_short_names` over the text)."""
        size_of_text = len(text)
        spans: list[tuple[int, int, tuple[_Surface, ...]]] = []
        verbs: set[int] = set()
        urls: list[int] = []
        # A key that opens with a letter is title-cased, so it matches where the title-cased
        # text has a capital: on ASCII text, never after a letter (`titled` lower-cases a letter
        # there); elsewhere an uncased letter ("ª") can stand before it.
        heads = not text.isascii()
        for last, (size, head_alpha, tail_alpha, entries, mark) in self._automaton.iter(
            title_cased
        ):
            start, end = last - size + 1, last + 1
            if mark:
                if mark is _VERB:
                    verbs.add(start)
                elif text.startswith(mark, start):  # "www." as written, not "WWW."
                    urls.append(end)
                if not entries:
                    continue
            # Letters on both sides of an edge never split into two tokens: "Java" in
            # "JavaScript" is rejected here without asking the affix rules.
            if heads and head_alpha and start and text[start - 1].isalpha():
                continue
            if tail_alpha and end < size_of_text and text[end].isalpha():
                continue
            spans.append((start, end, entries))
        # Short names are letters only and their patterns look ahead for a non-letter: only
        # the edge before them is left to check.
        for name, (_, _, _, entries, _) in self._short_names:
            for found in name.finditer(text):
                start = found.start()
                if not (start and text[start - 1].isalpha()):
                    spans.append((start, found.end(), entries))
        spans.sort(key=_first)
        return _Scan(spans, sorted(verbs), sorted(urls))

    def _exact(
        self,
        text: str,
        spans: list[tuple[int, int, tuple[_Surface, ...]]],
        covered: bytearray,
        classes: bytearray,
    ) -> list[_Candidate]:
        """The exact tiers' candidates: where forms overlap, the longest (in tokens) kept (C#
        beats C, Apache Spark beats Spark); then each dropped inside a URL, glued to a
        neighbouring word or naming a currency beside an amount. Marks them in `covered` (and
        lowers their opening capital in `classes`, see `extract_blocks`).

        Ties go to the leftmost, then the case-insensitive match, then an entry's name over
        another's alias, then compile order.
        """
        chunk = _Chunk(text, self._rules)
        candidates: list[_Candidate] = []

        def keep(start: int, end: int, surface: _Surface, clean: bool) -> None:
            """Add the match unless a URL covers it, it is glued to a neighbouring word (not
            looked at when `clean`: spaces or marks around it) or it is money."""
            if covered[start]:
                return
            if not clean and not _clean_edges(text, start, end):
                return
            if end - start == 3 and _money(text, start, end):
                return
            doubtful = surface.contextual or (
                surface.ordinary and not _written_as_name(text, start)
            )
            candidates.append(
                _candidate((start, end, surface.skill_id, surface.form, False, doubtful))
            )
            _claim(covered, classes, start, end)

        # Overlapping matches form a cluster; most stand alone and need no ranking.
        size_of_text = len(text)
        at, count = 0, len(spans)
        while at < count:
            start, end, entries = spans[at]
            after = at + 1
            if after < count and spans[after][0] < end:
                while after < count and spans[after][0] < end:
                    end = max(end, spans[after][1])
                    after += 1
                for kept in self._ranked(text, chunk, spans[at:after], end):
                    keep(*kept, False)
                at = after
                continue
            at = after
            if covered[start]:
                continue  # inside a URL
            # A form of plain words between spaces spans one token a word (the affix rules
            # split no run of letters) and is glued to nothing.
            spaced = (not start or text[start - 1].isspace()) and (
                end == size_of_text or text[end].isspace()
            )
            tokens = -1  # not worked out yet
            glued = False
            for entry in entries:  # in rank order (`_load`)
                if entry.sensitive and text[start:end] != entry.key:
                    continue
                if entry.plain and (spaced or self._marked(text, start, end)):
                    # Marks split off are no glue, but for a short name ("'R", "R&").
                    if not (spaced or end - start > 2 or _clean_edges(text, start, end)):
                        glued = True  # "'R", "R&": no entry here is kept
                    break
                if tokens == -1:
                    if not spaced and not _clean_edges(text, start, end):
                        glued = True  # to a neighbour ("12M", "R&D"): no entry here is kept
                        break
                    tokens = chunk.tokens(start, end) or 0
                if tokens == entry.tokens:
                    break
            else:
                continue  # no entry spans the tokens its form does
            # What `keep` does, inline for the many spans that overlap nothing (a URL and the
            # glue were ruled out above).
            if glued or (end - start == 3 and _money(text, start, end)):
                continue
            _, skill_id, _, _, _, _, form, ordinary, contextual = entry  # one unpacking
            doubtful = contextual or (ordinary and not _written_as_name(text, start))
            candidates.append(_candidate((start, end, skill_id, form, False, doubtful)))
            _claim(covered, classes, start, end)
        return candidates

    def _marked(self, text: str, start: int, end: int) -> bool:
        """True when the words at [start, end) have at most one opening mark before them (after
        a space) and up to two closing marks after them (then a space): "(Python),". The affix
        rules split such marks off any word of letters, so the words are whole tokens."""
        if start and not text[start - 1].isspace():
            opened = text[start - 1] in self._opening
            if not opened or (start > 1 and not text[start - 2].isspace()):
                return False
        at, size = end, len(text)
        while at < size and at - end < 2 and text[at] in self._closing:
            at += 1
        return at == size or text[at].isspace()

    def _ranked(
        self,
        text: str,
        chunk: _Chunk,
        spans: list[tuple[int, int, tuple[_Surface, ...]]],
        stop: int,
    ) -> list[tuple[int, int, _Surface]]:
        """The matches kept among overlapping ones (`stop`: where the last of them ends):
        longest first, the token boundaries checked only for a match that would be kept, so the
        words inside a longer match ("spark" in "Apache Spark") are never split."""
        ranked = [
            (-entry.tokens, start, entry.rank, end, entry)
            for start, end, entries in spans
            for entry in entries
        ]
        found: dict[tuple[int, int], int | None] = {}  # span -> its tokens, None if off-boundary
        # Most often the first in rank spans them all ("Apache Spark" over "Spark"): kept, it
        # overlaps every other, so it is all that is kept.
        _, start, _, end, entry = min(ranked)
        if (start, end) == (spans[0][0], stop) and (
            not entry.sensitive or text[start:end] == entry.key
        ):
            whole = entry.plain and self._marked(text, start, end)
            tokens = entry.tokens if whole else chunk.tokens(start, end)
            if tokens == entry.tokens:
                return [(start, end, entry)]
            found[start, end] = tokens
        ranked.sort()
        kept: list[tuple[int, int, _Surface]] = []
        for _, start, _, end, entry in ranked:
            if kept and any(start < right and left < end for left, right, _ in kept):
                continue
            if entry.sensitive and text[start:end] != entry.key:
                continue
            span = (start, end)
            if span not in found:
                # Plain words between spaces or marks are one token a word, as in `_exact`.
                whole = entry.plain and self._marked(text, start, end)
                found[span] = entry.tokens if whole else chunk.tokens(start, end)
            if found[span] != entry.tokens:
                continue
            kept.append((start, end, entry))
        kept.sort()  # by start: kept matches do not overlap
        return kept

    def _typos(self, text: str, covered: bytearray, classes: bytearray) -> list[_Candidate]:
        """Typo-tier hits among capitalised words no exact tier matched.

        Tool names are written capitalised, so only capitalised words are looked at (which keeps
        this tier cheap and away from English words one edit from a tool, "catching"/Caching):
        two words that form one vocabulary form ("Tensor Flow", "Data bricks"), one word that is
        a form without its space or hyphen ("Scikitlearn"), then a misspelling ("Kubernates") of
        a word that does not open its block (a bullet opens with a verb, not a tool). A word
        taken as the second half of a split name is not read again.
        `classes`: `_word_classes(text)`, opening capitals of spans in `covered` lowered.
        """
        hits: list[_Candidate] = []
        resume_at = 0
        size_of_text = len(text)
        kinds = self._kinds
        for found in _capital_words(text, classes):
            start = found.start()
            if covered[start] or start < resume_at:
                continue  # most capitalised words of a resume are names the exact tiers found
            end = found.end()
            word = text[start:end]
            kind = kinds.get(word) or self._kind(word)
            if kind is _NOTHING:
                continue  # most other words: no split name starts with it, and it names nothing
            head, initials, verdict = kind
            if (
                initials
                and end + 1 < size_of_text
                and text[end] in " -"
                and text[end + 1].lower()[:1] in initials
            ):
                following = _LETTERS.match(text, end + 1)
                if following is not None and not covered[end + 1]:
                    form = self._compact.get(head + following.group().lower())
                    if form is not None:
                        resume_at = following.end()
                        hits.append(_Candidate(start, resume_at, form.skill_id, form.text, True))
                        continue
            if verdict is not None and not (verdict[1] and _opens_block(text, start)):
                form = verdict[0]
                hits.append(_Candidate(start, end, form.skill_id, form.text, True))
        return hits

    def _kind(self, word: str) -> _Kind:
        """What the typo tier makes of a capitalised word (`_Kind`), remembered per word: whether a
        split name can start with it ("Tensor" of "Tensor Flow"), and for a long word, the form
        it names without its space or hyphen ("Scikitlearn") or misspelt."""
        folded = word.lower()
        verdict: tuple[_Form, bool] | None = None
        if len(word) >= _COMPACT_MIN_LEN:
            form = self._compact.get(folded)
            if form is not None:
                verdict = (form, False)
            else:
                form = self._misspelt(folded)
                verdict = None if form is None else (form, True)
        initials = self._compact_heads.get(folded, "")
        kind = (folded, initials, verdict) if initials or verdict is not None else _NOTHING
        if len(self._kinds) > _TYPO_CACHE_SIZE:
            self._kinds.clear()
        self._kinds[word] = kind  # a plain dict write is atomic under the GIL
        return kind

    def _misspelt(self, word: str) -> _Form | None:
        """The long vocabulary word within one edit of `word` (compared within its first letter)."""
        if len(word) < _FUZZY_MIN_LEN or word.endswith(_ENGLISH_ENDINGS):
            return None
        if zipf(word) >= _TYPO_WORD:  # "Mathematics" is a word, not a misspelt Mathematica
            return None
        from rapidfuzz import fuzz, process

        bucket = self._fuzzy_buckets.get(word[0], {})
        best = process.extractOne(
            word, bucket.keys(), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
        )
        if best is None or best[0].startswith(word) or word.startswith(best[0]):
            return None  # a word that only adds or drops an ending is another word (Network/X)
        return bucket[best[0]]

    def _out_of_context(
        self,
        blocks: Sequence[Block],
        texts: Sequence[str],
        candidates: list[_Candidate],
        starts: list[int],
    ) -> set[int]:
        """Where the doubtful candidates that their block does not back up start (no two
        candidates start at one place).

        A block backs one up when it is a list of skills, or holds a context word, a skill of the
        same category or a related skill, or when a trigger stands just before it ("experience
        with Ray") or a backed-up skill of its category or family beside it in a list ("Ray or
        Feast", "Word, PowerPoint, Excel").
        `texts` are the blocks' texts, `candidates` are in text order, `starts` each block's
        offset in the joined text (and then where one more block would start).
        """
        doubtful_blocks = {
            bisect_right(starts, cand.start) - 1 for cand in candidates if cand.doubtful
        }
        if not doubtful_blocks:
            return set()
        rejected: set[int] = set()
        for index in sorted(doubtful_blocks):
            block_text = texts[index]
            if blocks[index].section in _SKILL_LIST_SECTIONS or _looks_like_list(block_text):
                continue
            low = bisect_left(candidates, starts[index], key=_first)
            high = bisect_left(candidates, starts[index + 1], key=_first)
            in_block = candidates[low:high]
            unsure = {c for c in in_block if c.doubtful}
            sure = {c.skill_id for c in in_block if not c.doubtful}
            evidence = _Evidence(block_text, sure, self._word_patterns)
            accepted = {c for c in unsure if self._backed(c, starts[index], evidence)}
            if accepted == unsure:
                continue
            # A doubtful name listed beside a sure or backed-up one of its kind is backed up too,
            # and backs up its own other neighbour in turn: "Word, PowerPoint, Excel".
            offset = starts[index]
            pending = [
                i for i, cand in enumerate(in_block) if cand not in unsure or cand in accepted
            ]
            while pending:
                i = pending.pop()
                for j in (i - 1, i + 1):
                    if not 0 <= j < len(in_block):
                        continue
                    if in_block[j] in accepted or in_block[j] not in unsure:
                        continue
                    left, right = sorted((in_block[i], in_block[j]))
                    gap = block_text[left.end - offset : right.start - offset]
                    if self._alike(left, right) and _LIST_JOIN.match(gap):
                        accepted.add(in_block[j])
                        pending.append(j)
            rejected.update(cand.start for cand in unsure - accepted)
        return rejected

    def _alike(self, one: _Candidate, other: _Candidate) -> bool:
        """True for two skills of one category or family (a list of like things)."""
        category = self._category
        if category[one.skill_id] == category[other.skill_id]:
            return True
        return (
            other.skill_id in self._family[one.skill_id]
            or one.skill_id in self._family[other.skill_id]
        )

    def _backed(self, cand: _Candidate, offset: int, evidence: _Evidence) -> bool:
        """True when the block backs a doubtful candidate up: a context word, a sure skill of
        the same category or family, or a trigger just before it ("experience with")."""
        category = self._category[cand.skill_id]
        if category in evidence.categories(self._category):
            return True
        if not self._family[cand.skill_id].isdisjoint(evidence.sure):
            return True
        text = evidence.text
        before = text[max(0, cand.start - offset - _TRIGGER_WINDOW) : cand.start - offset]
        if _triggers(before):
            return True
        if category == "metric" and (
            _VALUE_BEFORE.search(before) or _VALUE_AFTER.match(text, cand.end - offset)
        ):
            return True  # "0.93 precision", "recall of 0.8": a metric with its value
        words = self._context.get(cand.skill_id, frozenset())
        if not words:
            return False
        return any(map(evidence.says, words))


class _Evidence:
    """What one block offers to back doubtful names up, each part worked out once."""

    def __init__(self, text: str, sure: set[str], patterns: dict[str, re.Pattern[str]]) -> None:
        self.text = text
        self.sure = sure
        self._patterns = patterns  # the extractor's, shared by every block
        self._categories: set[str] | None = None
        self._folded: str | None = None
        self._said: dict[str, bool] = {}  # context word -> whether the block holds it

    def categories(self, category: Mapping[str, str]) -> set[str]:
        """The categories of the block's sure skills (`category`: skill id -> category)."""
        if self._categories is None:
            self._categories = {category[s] for s in self.sure}
        return self._categories

    def says(self, word: str) -> bool:
        """Whether the block holds `word` (casefolded) as a word or its plural ("workspaces"),
        or, for a phrase, anywhere."""
        said = self._said.get(word)
        if said is None:
            said = self._said[word] = self._find(word)
        return said

    def _find(self, word: str) -> bool:
        if self._folded is None:
            self._folded = self.text.casefold()
        first = self._folded.find(word)
        if first < 0:
            return False  # the usual answer, found without splitting the block into words
        if " " in word:
            return True
        pattern = self._patterns.get(word)
        if pattern is None:
            pattern = re.compile(rf"{_WORD_EDGE_BEFORE}{re.escape(word)}s?{_WORD_EDGE_AFTER}")
            self._patterns[word] = pattern  # one per context word of the vocabulary
        # A match starts with the word, so not before its first occurrence (the look-behinds
        # still see the characters before it).
        return pattern.search(self._folded, first) is not None


def ambiguities(taxonomy: Taxonomy) -> list[str]:
    """What `vocab check` warns about: abbreviations two entries share, and names that are
    frequent English words with no rule to tell the word from the skill.

    An abbreviation (2-6 capitals) collides when another entry also lists it or is named by
    three or more English words with those initials ("PCA" beside "Principal Component
    Analysis"). A name needs a
    rule when it is an ordinary English word (wordfreq) and the entry has no `context` words and
    no case-sensitive form: aliases that are words are checked in context by the extractor.
    """
    skills = sorted(taxonomy.skills.values(), key=lambda s: s.id)
    listed: dict[str, set[str]] = {}  # abbreviation -> entries that list it
    spelled: dict[str, set[str]] = {}  # abbreviation -> entries named by words with its initials
    for skill in skills:
        for form in (skill.name, *skill.aliases, *skill.case_sensitive):
            if _ABBREVIATION.fullmatch(form):
                listed.setdefault(form, set()).add(skill.id)
            words = [w for w in re.findall(r"[A-Za-z]+", form) if w.lower() not in _MINOR_WORDS]
            if len(words) >= 3 and all(map(is_ordinary, words)):  # not "Apache Airflow DAG"
                spelled.setdefault("".join(w[0] for w in words).upper(), set()).add(skill.id)
    lines = []
    for form, ids in sorted(listed.items()):
        owners = ids | spelled.get(form, set())
        if len(owners) > 1:
            lines.append(f"{form}: abbreviation of {', '.join(sorted(owners))}")
    lines += [
        f"{skill.id}: the name {skill.name!r} is a frequent English word and has no context rule"
        for skill in skills
        if skill.category not in _WORDY_CATEGORIES
        and skill.name.isalpha()
        and (skill.name.istitle() or skill.name.islower())
        and not skill.context
        and not skill.case_sensitive
        and is_ordinary(skill.name)
    ]
    return lines


def _hyphenated(text: str) -> str:
    """`text` with every dash as "-", one character for one. One `str.replace` a dash the text
    holds: 3x faster than a character-class substitution on a page, 25x on a resume."""
    for dash in _DASHES:
        if dash in text:
            text = text.replace(dash, "-")
    return text


def _clean_edges(text: str, start: int, end: int) -> bool:
    """False when the match is glued to a neighbouring word: C in Objective-C, R in R&D."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum():
        return False
    if end - start <= 2:
        return before not in _GLUE_BEFORE and after not in _GLUE_AFTER
    return True


def _urls(text: str, triggers: Iterable[int]) -> Iterator[re.Match[str]]:
    """URLs and e-mail addresses: `_URLISH` run only on the whitespace-free runs that can hold one,
    those holding a trigger (`_URL_TRIGGERS`; `triggers` are where they end, ascending).

    Every `_URLISH` match ends where its run of non-spaces ends, so a run holds at most one and
    searching run by run finds the same matches as `finditer` over the whole text, which costs
    far more: it tries its e-mail branch from every character of every word. Within a run, the
    leftmost match of the branches it can hold (the first branch where two start together) is
    the one `_URLISH` finds.
    """
    done = 0  # where the last run searched ends
    for trigger in triggers:
        if trigger <= done:
            continue
        start = trigger - 1
        while start > done and not text[start - 1].isspace():  # the spaces the regex means
            start -= 1
        space = _SPACE.search(text, trigger)
        done = space.start() if space is not None else len(text)
        run = text[start:done]
        found = [
            url
            for search, needles in _URL_SEARCHES
            if any(map(run.__contains__, needles))
            and (url := search.search(text, start, done)) is not None
        ]
        if found:
            yield min(found, key=lambda url: url.start())  # `min` keeps the first of a tie


def _claim(covered: bytearray, classes: bytearray, start: int, end: int) -> None:
    """Mark [start, end) as claimed by a match or a URL: in `covered`, and by lowering its
    opening capital in `classes` (`_word_classes`), so the typo tier's scan skips the word."""
    covered[start:end] = _CLAIMED * (end - start)
    if classes[start] == _CAPITAL:
        classes[start] = _LOWER


def _word_classes(text: str) -> bytearray:
    """`text`'s classes of characters (`_WORD_CLASSES`) when it is ASCII, else as many zeros."""
    if text.isascii():
        return bytearray(text.encode("ascii").translate(_WORD_CLASSES))
    return bytearray(len(text))


def _capital_words(
    text: str, classes: bytearray | None = None
) -> Iterator[re.Match[bytes]] | Iterator[re.Match[str]]:
    """`_CAPITAL_WORD`'s matches in `text` (on ASCII text, found on its classes of bytes,
    `_word_classes(text)` unless given: only their spans tell what `text` holds). A capital
    lowered in `classes` opens no word there."""
    if text.isascii():
        return _CAPITAL_WORD_CLASSES.finditer(_word_classes(text) if classes is None else classes)
    return _CAPITAL_WORD.finditer(text)


def _opens_block(text: str, start: int) -> bool:
    """True when only spaces, bullets or punctuation stand between the block start and `start`."""
    i = start - 1
    while i >= 0 and not text[i].isalnum():
        if text.startswith(_BLOCK_SEP, i):
            return True
        i -= 1
    return i < 0


def _money(text: str, start: int, end: int) -> bool:
    """True for a currency code beside an amount ("SGD 5,000", "120k EUR")."""
    if end - start != 3 or text[start:end] not in _CURRENCY:
        return False
    return bool(
        _AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(text, max(0, start - 16), start)
    )


def _exact_case(form: str, *, alias: bool) -> bool:
    """True for an English word the vocabulary writes in capitals ("ROUGE", "RAPIDS") or, for an
    alias, with inner capitals ("DiD", "HyDE"): matched only as written. Short acronyms ("HTML",
    "ML") are not words, and a name with inner capitals is a product ("JavaScript")."""
    if not form.isalpha() or form.islower() or form.istitle():
        return False
    if form.isupper() and len(form) <= 4:
        return False
    return (form.isupper() or alias) and is_ordinary(form)


def _ordinary_word(form: str) -> bool:
    """True for a one-word alias that is an English word ("Beats", "augmentation", "Torch").

    Only aliases: a name that is also a word is the entry's identity ("Python", "Java", written
    lowercase in many postings); an alias that is a word is a shortcut that collides. An alias
    the vocabulary capitalises is a product name ("Airflow"), so only a very frequent one counts
    ("Torch", "Beats"); acronyms in capitals are names, not words.
    """
    if not form.isalpha() or form.isupper():
        return False
    return zipf(form) >= (_ALIAS_WORD if form.islower() else _NAME_WORD)


def _written_as_name(text: str, start: int) -> bool:
    """True when the word at `start` is capitalised inside a sentence, as a name is ("Torch"),
    not only because it opens the block or a sentence."""
    if not text[start].isupper():
        return False
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and text[i] not in ".!?:;\n\u2022*-(" and not text.startswith(_BLOCK_SEP, i - 1)


def _triggers(before: str) -> bool:
    """True when `before` ends with a trigger ("experience with"); most windows end otherwise,
    which their last word tells without running `_TRIGGER` over the window."""
    tail = before.rstrip()
    if tail.endswith((":", "(")):
        tail = tail[:-1].rstrip()
    return tail.casefold().endswith(_TRIGGER_ENDS) and _TRIGGER.search(before) is not None


def _looks_like_list(text: str) -> bool:
    """A line such as "Languages: Python, R, SQL" or "Go | Rust | C++": three or more items of
    at most four words, two on average (read item by item: prose fails at its first item)."""
    body = text.split(":", 1)[1] if ":" in text[:40] else text
    items = words = at = 0
    for separator in itertools.chain(_LIST_SPLIT.finditer(body), (None,)):
        end = separator.start() if separator is not None else len(body)
        size = len(body[at:end].split(None, 4))  # five pieces: more than four words
        if size > 4:
            return False
        if size:
            items += 1
            words += size
        at = separator.end() if separator is not None else end
    return items >= 3 and words <= 2 * items
