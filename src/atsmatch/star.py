"""Per-bullet STAR analysis: action verb and tense, measurable result, tools, context, flags.

A recruiter skims a bullet for four things: what you did (a verb), with what (tools), for whom or
at what scale (context) and what changed (a figure). `BulletContext` works out what the bullet
has, once; then each rule in `RULES` (one small generator per flag kind, in the order flags are
listed) yields its flags from that context. A flag's wording lives in `FLAG_TEXTS`, and its
rewrite template reuses the bullet's own words, with `<placeholders>` where only the candidate
knows the answer: a coach never invents a number.

Tense: a past role wants past tense. In the current role present tense reads as ongoing work;
past tense stays right for a finished achievement, so it is flagged only on a bullet without a
result (a duty, not an achievement).

>>> from atsmatch.taxonomy import load_taxonomy
>>> fb = analyze_bullet("• Worked on model monitoring,", load_taxonomy(), current=False)
>>> [f.kind for f in fb.flags]
['weak-opener', 'no-result', 'too-short']
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from operator import itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

from atsmatch._bytetable import keeping
from atsmatch._ignorecase import cased, folded
from atsmatch.inflect import Tense, inflect, is_noun, verb_reading
from atsmatch.models import (
    BulletFeedback,
    BulletFlag,
    FlagKind,
    Resume,
    SkillHit,
    StarPart,
    _constructed,
)

if TYPE_CHECKING:
    from atsmatch.taxonomy import Taxonomy, Verb

__all__ = [
    "COACHED_SECTIONS",
    "FLAG_TEXTS",
    "MAX_WORDS",
    "MIN_WORDS",
    "RULES",
    "BulletContext",
    "FlagMessage",
    "FlagText",
    "Passive",
    "Rule",
    "VerbPhrase",
    "analyze_bullet",
    "analyze_bullets",
    "bullet_blocks",
    "clean_bullet",
    "find_context",
    "find_results",
    "flag",
    "read_verb",
]

MIN_WORDS = 8
MAX_WORDS = 30
COACHED_SECTIONS = frozenset({"experience", "projects", "volunteer"})

# ---- cleaning ------------------------------------------------------------------------------

# Glyphs, dashes, quotes and icons in front of the text ("$" and digits are content), then
# numbering: "• ", "1. ", "• (a) ".
_LEAD = re.compile(r"^[^\w$€£(]*(?:\(?(?:\d{1,2}|[a-hA-H]|[ivxIVX]{1,4})[.)]\s+)?")
# "Data Collection: Designed ..." -> the label is a topic, the sentence starts after it.
_LABEL = re.compile(r"^([A-Z][\w&/+.'-]*(?:\s+[\w&/+.'-]+){0,4})\s*:\s+(?=\S)")
# What a bullet's sentence does not end with; after `clean_bullet` joins its words with single
# spaces, a space is the only whitespace left to strip.
_TRAIL = " ,;:.–—-"
_WORD = re.compile(r"[A-Za-z0-9$€£][\w'+#$€£%./-]*")


def clean_bullet(text: str) -> str:
    """The bullet's sentence: no glyph, numbering, leading punctuation, topic label or trailing
    comma."""
    if not text.isprintable() or "  " in text or text[:1] == " " or text[-1:] == " ":
        # Whitespace other than single spaces between words (every other kind is unprintable).
        text = " ".join(text.split())
    for _ in range(3 if _may_have_lead(text) else 0):  # "• 1. (a) ..." layers
        before = text
        text = _LEAD.sub("", text, count=1)
        if text == before:
            break
    label = _LABEL.match(text) if ":" in text else None
    if label and not label.group(1).endswith("."):
        text = text[label.end() :]
    return text.rstrip(_TRAIL)


def _may_have_lead(text: str) -> bool:
    """Whether `_LEAD` may strip something: not when the text opens with a letter (a word
    character, no digit, no "(") and no "." or ")" that would end numbering ("a. ", "iv) ")
    follows within four characters, as with most bullets ("Built a ...")."""
    return not text[:1].isalpha() or ")" in text[1:5] or "." in text[1:5]


# `_WORD`'s characters of ASCII as themselves, every other byte as a space: an ASCII text's
# pieces are then its words, each from the first character a word opens with.
_WORD_BYTES = keeping(string.ascii_letters + string.digits + "_'+#$%./-")
_WORD_GOES_ON = "_'+#%./-"  # what a word goes on with but never opens with
# A piece of a mapped text opening with one of those: one scan spares the other pieces a strip.
_OPENS_GOING_ON = re.compile(r"[_'+#%./-](?<![^ ][_'+#%./-])")


def _words(text: str) -> list[str]:
    """The `_WORD` words of `text`; an ASCII one is split at a byte map (`_WORD_BYTES`), a
    third faster than the scan, which finds the same words."""
    if text.isascii():
        mapped = text.encode().translate(_WORD_BYTES).decode()
        if _OPENS_GOING_ON.search(mapped) is None:  # most texts: each piece opens a word
            return mapped.split()
        return [word for piece in mapped.split() if (word := piece.lstrip(_WORD_GOES_ON))]
    return _WORD.findall(text)


# ---- measurable results --------------------------------------------------------------------

# A number, "40", "3,000", "$1.2": `(?<![\w.,/])[$€£]?\d[\d,]*(?:\.\d+)?` (nothing word-like,
# no decimal point, comma or slash right before it), written to open with the class of its
# first character, which the engine skips ahead to: that character, what stands before it,
# then a digit unless the character was one. An optional group longer than a character is
# written `(?:...|)`, not `(?:...)?`: the same match, but the engine tries a branch cheaply (an
# alternative that opens with a character is skipped at one test) and a repeat at some cost.
_NUM = r"[$€£\d](?<![\w.,/][$€£\d])(?:(?<=\d)|\d)[\d,]*(?:\.\d+|)"
_MAG = r"(?:\s?(?:[kKmMbB]|mm|MM|bn|million|billion|thousand|trillion)\b|)"
_METRIC = (
    r"(?:accuracy|precision|recall|F1(?:[- ]score)?|F-1|ROC[- ]AUC|AUROC|AUC|NDCG(?:@\d+)?|mAP|"
    r"MAP@\d+|BLEU|ROUGE(?:-\w+)?|RMSE|MAE|MAPE|R2|R²|perplexity|WER|top-[15] accuracy|uptime)"
)
# The run (see `_runs`) every alternative of _METRIC opens with: "f" of "F-1", "r" of "R²".
_METRIC_RUNS = frozenset(
    {
        "accuracy", "precision", "recall", "f1", "f", "roc", "auroc", "auc", "ndcg", "map",
        "bleu", "rouge", "rmse", "mae", "mape", "r2", "r", "perplexity", "wer", "uptime",
    }
)  # fmt: skip
# The only results written without a digit.
_FOLD_RUNS = frozenset(
    {"fold", "doubled", "tripled", "quadrupled", "halved", "doubling", "tripling", "halving"}
)
_FOLD = re.compile(
    r"\b(?:\d+-fold|two-fold|doubled|tripled|quadrupled|halved|doubling|tripling|halving)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SPAN = re.Match.span  # unbound, for map(): no Python frame per match
_FIGURE = re.compile(r"[$€£\d]")
# What may follow a figure to make it a result: a percentage, an amount in a currency's name, a
# multiplier, a time. The figure stands whole before each (none opens with a digit, comma or
# point) and no two open alike, so at most one follows a figure.
_UNITS = (
    r"\s?(?:%|percent\b|pp\b|percentage points?\b)",
    _MAG + r"\s?(?:USD|EUR|GBP|dollars|euros)\b",
    r"\s?[x×](?![\w])",
    r"\+?\s?(?:ms|milliseconds?|µs|ns|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|"
    r"months?)\b",
)
_MONEY = re.compile(r"(?<![\w])[$€£]\s?\d[\d,]*(?:\.\d+|)" + _MAG + r"\+?")
# A model metric with its figure, after or before it ("0.93 precision", "F1 of 0.91"): both
# need one of `_METRIC_RUNS`, tested once for the two. A metric stands between non-word
# characters (the look-behind in `_NUM` keeps a figure from touching it), so it opens a run.
_METRIC_AFTER = re.compile(_NUM + r"%?\s+(?:\w+\s+)?" + _METRIC + r"\b")
_METRIC_BEFORE = re.compile(
    r"\b" + _METRIC + r"(?:\s+(?:of|to|at|=|:|by|from|above|over))?\s*" + _NUM
)
# "from 5 to 10": `\bfrom` written as "from" then a look-behind, so the engine searches for the
# word as it searches for any fixed opening.
_FROM_TO = re.compile(r"from(?<!\wfrom)\s+" + _NUM + _MAG + r"\+?\s+to\s+" + _NUM + _MAG)
_SPELLED_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundreds", "thousands", "dozens",
)  # fmt: skip
_SPELLED = "(?:" + "|".join(_SPELLED_WORDS) + ")"
# The words' first letters: a pattern that looks ahead for one before trying the words fails
# most positions at that one test (so does each `\b(?=[...])` below).
_SPELLED_FIRST = "[" + "".join(sorted({w[0] for w in _SPELLED_WORDS})) + "]"
# Results written in words, and people and outcomes counted in words or figures: "doubled",
# "five were hired", "3 of them were promoted", "three new hires". Each with the runs one of
# which it needs: its words stand between spaces or word boundaries ("-fold" after a hyphen).
_OUTCOMES: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = (
    (_FOLD_RUNS, _FOLD),
    (
        frozenset({"were", "was", "got", "been"}),
        re.compile(
            r"(?:\b" + _SPELLED + r"|" + _NUM + r")(?:\s+(?:of\s+(?:them|whom)|\w+))?\s+"
            r"(?:were|was|got|have been|had been)\s+(?:\w+ly\s+)?(?:[a-z]+ed|[a-z]+en|won|hired)\b",
            re.IGNORECASE,
        ),
    ),
    (
        frozenset(_SPELLED_WORDS),
        re.compile(
            r"\b(?=" + _SPELLED_FIRST + ")" + _SPELLED + r"\s+(?:new\s+|more\s+|additional\s+)?"
            r"(?:hires|engineers|analysts|"
            r"scientists|people|customers|clients|users|teams|patents|papers|awards|promotions|"
            r"launches|products|features|releases|markets|countries|accounts|partners|deals)\b",
            re.IGNORECASE,
        ),
    ),
)
_WORDED = _FOLD_RUNS | frozenset(_SPELLED_WORDS)
# What a number may count: "40+ training jobs", "200M card transactions".
_COUNTED = r"(" + _MAG + r")\+?\s+([A-Za-z][\w-]*)(?:\s+([A-Za-z][\w-]*s)\b|)"
# Each figure (opening with it, so no match starts before the text's first one), then, looked
# ahead for so that neither keeps the other from it, its unit (group 1) and what it counts
# (group 2; 3-5 its magnitude, unit and second word). No unit and no count opens with a digit,
# comma or point, so the figure is taken whole; `_figures_then` skips a count inside the last
# one. `tests/test_star_gates.py` holds it to a scan for each.
_FIGURE_THEN = re.compile(_NUM + "(?:(?=(" + "|".join(_UNITS) + "))|)(?:(?=(" + _COUNTED + "))|)")
_NOT_UNITS = frozenset(
    [
        "years",
        "year",
        "yrs",
        "yr",
        "old",
        "am",
        "pm",
        "and",
        "or",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "the",
        "a",
        "an",
        "with",
        "for",
        "from",
        "per",
        "as",
        "is",
        "was",
        "were",
        "more",
        "less",
        "than",
        "over",
        "under",
        "about",
        "around",
        "nearly",
    ]
) | frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# "v2", "version 3", "release 4.1": `\b(?:version|ver\.?|release|v)\s?\d+(?:\.\d+)*\b` ignoring
# case, written like `_CONTEXT` to open with a case-sensitive class the engine skips ahead to.
_VERSION_WORD = re.compile(
    r"[vVrR](?<!\w.)(?i:(?<=v)(?:ersion|er\.?|)|(?<=r)elease)\s?\d+(?:\.\d+)*\b"
)
# Figures that are not results: phone numbers, dates, date ranges, versions, each scanned for
# only when the text holds what it needs: a "+" (an international phone number), a "v" or
# "release" (a substring, not a run: a version's "v" can touch its digits, "v2"). Most need a
# run of four digits (a year, a phone number's end): one scan for that spares the rest.
_PHONE_INTERNATIONAL = re.compile(r"\+\d[\d\s().-]{7,18}\d")
# A dotted version ("3.11.2") needs two dots with a digit after each: most bullets have one dot
# or two, one of them before a space or at their end (`_may_be_dotted`). The pattern
# is `(?<![\w.])v?\d+\.\d+\.\d+\b` written, like `_NUM`, to open with its first character's class.
_DOTTED_VERSION = re.compile(r"[v\d](?<![\w.][v\d])(?:(?<=\d)|\d)\d*\.\d+\.\d+\b")
# `\d{4}` written to open with its class, which the engine skips ahead to.
_FOUR_DIGITS = re.compile(r"\d\d{3}")
_NOT_RESULTS_WITH_FOUR_DIGITS = (
    re.compile(r"(?<!\d)\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d)"),
    re.compile(r"\b" + _MONTH + r"\.?\s+\d{4}\b", re.IGNORECASE),
    re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b"),
    re.compile(r"(?<![\d.])\d{1,2}/\d{4}\b"),
    re.compile(r"\bQ[1-4]\s+\d{4}\b"),
    re.compile(r"\b(?:19|20)\d{2}\s*[–-]\s*(?:(?:19|20)\d{2}|present|now)\b", re.IGNORECASE),
)
_YEAR = re.compile(r"(?:19|20)\d{2}")


# A run of lower-case letters and digits: a word gate looks for its word among a text's runs.
_RUN = re.compile(r"[a-z0-9]+")


# Every byte `_RUN` does not match as a space: an ASCII text's runs are then its words.
_RUN_BYTES = keeping(string.ascii_lowercase + string.digits)


def _runs(lower: str) -> frozenset[str]:
    """The runs of a `folded` text: a word a pattern matches between non-word characters is
    one of them, so one set test stands for a scan that could not match.

    An ASCII text is split where `_RUN` stops (`_RUN_BYTES`): a byte-wise map and a split, twice
    as fast as the pattern's scan, which finds the same runs.
    """
    if lower.isascii():
        return frozenset(lower.encode().translate(_RUN_BYTES).decode().split())
    return frozenset(_RUN.findall(lower))


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """`text` with each span blanked out, so later patterns cannot match inside it."""
    if not spans:
        return text
    pieces, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end > start:
            pieces += [text[pos:start], " " * (end - start)]
            pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def find_results(
    text: str, *, hits: Sequence[SkillHit] = (), taxonomy: Taxonomy | None = None
) -> tuple[str, ...]:
    """Measurable outcomes in a bullet, as written, in reading order.

    Percentages, money, multipliers, time and latency, model metrics and counts with a unit
    ("40+ training jobs") count; phone numbers, dates, bare years and version numbers right after
    a tool ("Python 3.11", found through `hits` or the taxonomy) do not.
    """
    lower = folded(text)
    return _find_results(text, lower, _runs(lower), [hit.end for hit in hits], taxonomy)


def _find_results(
    text: str,
    lower: str,
    runs: frozenset[str],
    ends: Iterable[int],
    taxonomy: Taxonomy | None,
) -> tuple[str, ...]:
    """`find_results`, given the text's `folded` form, its `_runs` and where its hits end."""
    masked = text
    scans = _scans(text)  # a masked text is as ASCII as the text, with no more separators
    digit = scans.digit.search(text)
    if digit is None:  # nothing to blank out
        if runs.isdisjoint(_WORDED):
            return ()  # no figure, and none of the words a result is written in without one
    else:
        masked = _without_non_results(text, lower, ends, taxonomy, scans, digit.start())
        if masked != text:  # a figure blanked out: a run it split is two runs now
            lower = folded(masked)
            runs = _runs(lower)
    spans: list[tuple[int, int]] = []
    for words, pattern in scans.outcomes:
        if not runs.isdisjoint(words):
            spans.extend(map(_SPAN, pattern.finditer(masked)))
    currency = "$" in lower or "€" in lower or "£" in lower
    if digit is not None and masked is text and not currency:
        start = digit.start()  # the first figure is the first digit, found already
    else:
        figure = scans.figure.search(masked)
        if figure is None:  # every other pattern needs a figure
            return _joined(text, spans)
        start = figure.start()
    _figures_then(masked, start, spans, scans.figure_then)
    if currency:
        spans.extend(map(_SPAN, scans.money.finditer(masked, start)))
    if not runs.isdisjoint(_METRIC_RUNS):
        spans.extend(map(_SPAN, scans.metric_after.finditer(masked, start)))
        spans.extend(map(_SPAN, scans.metric_before.finditer(masked)))
    if "from" in lower:
        spans.extend(map(_SPAN, scans.from_to.finditer(masked)))
    return _joined(text, spans)


def _figures_then(
    masked: str,
    start: int,
    spans: list[tuple[int, int]],
    figure_then: re.Pattern[str] = _FIGURE_THEN,
) -> None:
    """Add to `spans` each figure from `start` on with its unit, and each with what it counts
    (bar years and words that are no unit), in one scan (`figure_then`: `_FIGURE_THEN` or its
    ASCII twin)."""
    counted_to = start  # where the last count ended: a count starts after it
    for m in figure_then.finditer(masked, start):
        figure, unit_end, count_end = m.start(), m.end(1), m.end(2)
        if unit_end != -1:
            spans.append((figure, unit_end))
        if count_end == -1 or figure < counted_to:
            continue
        counted_to = count_end
        magnitude, unit, second = m.group(3, 4, 5)
        unit = unit.lower()
        if unit in _NOT_UNITS:
            continue
        plural = unit.endswith("s")
        if not magnitude and not plural and _YEAR.fullmatch(masked[figure:count_end].split()[0]):
            continue  # "2022 workshop", "2019 Kaggle": a year, not a count
        spans.append((figure, count_end if second and not plural else m.end(4)))


def _without_non_results(
    text: str,
    lower: str,
    ends: Iterable[int],
    taxonomy: Taxonomy | None,
    scans: _Scans,
    digit: int = 0,
) -> str:
    """`text` with its phone numbers, dates and versions blanked out; `lower` is its
    `folded` form, `ends` where its hits end and `digit` where its first digit is, if known.

    Each of them holds a digit, and opens at most a "release " before one: a scan starts there.
    """
    spans: list[tuple[int, int]] = []
    if "+" in lower:
        spans.extend(map(_SPAN, scans.phone_international.finditer(text, max(digit - 1, 0))))
    if "v" in lower or "release" in lower:
        version_from = max(digit - len("release "), 0)
        spans.extend(map(_SPAN, scans.version_word.finditer(text, version_from)))
    if _may_be_dotted(text):
        spans.extend(map(_SPAN, scans.dotted_version.finditer(text, max(digit - 1, 0))))
    if scans.four_digits.search(text, digit):
        for pattern in scans.with_four_digits:
            spans.extend(map(_SPAN, pattern.finditer(text)))
    masked = _mask(text, spans)
    return _mask(masked, _version_spans(masked, ends, taxonomy, scans, digit))


def _may_be_dotted(text: str) -> bool:
    """Whether `text` has two points that are neither before a space nor at its end, as a
    dotted version's two points are (each before a digit): a count, not a scan."""
    points = text.count(".")
    return points >= 2 and points - text.count(". ") - text.endswith(".") >= 2


def _joined(text: str, spans: list[tuple[int, int]]) -> tuple[str, ...]:
    """The text of the spans, overlapping or touching ones as one, in reading order."""
    if not spans:
        return ()
    spans.sort()
    found = []
    first, last = spans[0]
    for start, end in spans:
        if start > last:  # a gap: the span before is whole
            found.append(text[first:last].strip())
            first = start
        last = max(last, end)
    found.append(text[first:last].strip())
    return tuple(found)


_VERSION = r"\s{1,2}(\d+(?:\.\d+)*)(?![\w%x×])"
_VERSION_AFTER = re.compile(_VERSION)
# A capitalised word a number follows: the name of a tool, perhaps. "[A-Z](?<!\w[A-Z])" is
# "\b[A-Z]" written to open with the class, which the engine skips ahead to. The word is taken
# whole, never given back: a shorter one ends before a word character, where no space can be.
_CAP_WORD_NUMBERED = re.compile(r"[A-Z](?<!\w[A-Z])[\w.+#-]*+(?=" + _VERSION + ")")


def _ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` compiled for ASCII text (`re.ASCII`)."""
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


class _Scans:
    """The patterns `find_results` scans a text with, as they are or compiled for ASCII.

    On an ASCII text (most bullets) an ASCII twin matches what its pattern matches: `\\w`,
    `\\d`, `\\b` and case differ only on other characters, `\\s` on "\\x1c"-"\\x1f", which a
    text with a twin's scan has none of. It is faster: it tests a class in an ASCII table, not
    the Unicode database. `tests/test_star_gates.py` holds the two to the same results.
    """

    def __init__(self, twin: Callable[[re.Pattern[str]], re.Pattern[str]]) -> None:
        self.digit = twin(_DIGIT)
        self.outcomes = tuple((words, twin(pattern)) for words, pattern in _OUTCOMES)
        self.figure = twin(_FIGURE)
        self.figure_then = twin(_FIGURE_THEN)
        self.money = twin(_MONEY)
        self.metric_after = twin(_METRIC_AFTER)
        self.metric_before = twin(_METRIC_BEFORE)
        self.from_to = twin(_FROM_TO)
        self.phone_international = twin(_PHONE_INTERNATIONAL)
        self.version_word = twin(_VERSION_WORD)
        self.dotted_version = twin(_DOTTED_VERSION)
        self.four_digits = twin(_FOUR_DIGITS)
        self.with_four_digits = tuple(map(twin, _NOT_RESULTS_WITH_FOUR_DIGITS))
        self.cap_word_numbered = twin(_CAP_WORD_NUMBERED)
        self.version_after = twin(_VERSION_AFTER)


_SCANS = _Scans(lambda pattern: pattern)
_ASCII_SCANS = _Scans(_ascii_twin)


def _scans(text: str) -> _Scans:
    """The patterns to scan `text` with: the ASCII twins where they match alike (four `in`
    tests are cheaper than `isprintable`, which looks each character up)."""
    if text.isascii() and not (
        "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
    ):
        return _ASCII_SCANS
    return _SCANS


def _version_spans(
    text: str,
    hit_ends: Iterable[int],
    taxonomy: Taxonomy | None,
    scans: _Scans,
    digit: int = 0,
) -> list[tuple[int, int]]:
    """Numbers written straight after a tool's name (a hit's end in `hit_ends`, or a word the
    taxonomy knows): versions ("Python 3.11", "Java 17"); `digit` is where the text's first
    digit is, if known."""
    # A version stands a space or two after its tool's name, so after the text's first digit.
    ends = {end for end in hit_ends if end >= digit - 2}
    if taxonomy is not None:
        # A word a number follows ends a space or two before a digit, so after the last space
        # before that: no earlier word can be one.
        start = text.rfind(" ", 0, max(digit - 2, 0)) + 1
        for word in scans.cap_word_numbered.finditer(text, start):
            if taxonomy.lookup(word.group(0)) is not None:
                ends.add(word.end())
    spans = []
    for end in ends:
        version = scans.version_after.match(text, end)
        if version:
            spans.append(version.span(1))
    return spans


# ---- context (situation / task) -------------------------------------------------------------

# Phrases that open a situation or task: for whom, at what scale, why.
_PURPOSES = (
    "enable", "support", "help", "reduce", "improve", "increase", "allow", "automate", "replace",
    "prevent", "detect", "predict", "identify", "give", "let", "cut", "speed", "lower", "raise",
    "protect", "meet",
)  # fmt: skip
_CONTEXT_PHRASES = (
    "for", "serving", "used by", "adopted by", "across", "supporting", "on behalf of",
    "in order to", "so that", *(f"to {purpose}" for purpose in _PURPOSES),
)  # fmt: skip


def _opening_on_first_letters(phrases: Sequence[str], *, ascii: bool = False) -> str:
    """`\\b(?:phrase|...)\\b` ignoring case, for lower-case ASCII phrases, written to open with
    a case-sensitive class of their first letters, which the engine skips ahead to (it cannot
    skip to an IGNORECASE one): each letter in both cases, and its `TWINS` unless the pattern is
    for ASCII text (`ascii`). A look-behind then picks the phrases each letter opens."""
    by_letter: dict[str, list[str]] = {}
    for phrase in phrases:
        by_letter.setdefault(phrase[0], []).append(phrase[1:])
    letters = "".join(by_letter)
    picks = []
    for letter, rests in by_letter.items():
        common = rests[0]  # what they all open with: "o " of "to enable", "to help"
        while not all(rest.startswith(common) for rest in rests):
            common = common[:-1]
        tails = "|".join(re.escape(rest[len(common) :]) for rest in rests)
        picks.append(f"(?<={letter}){re.escape(common)}" + (f"(?:{tails})" if tails else ""))
    alternatives = "|".join(picks)
    opening = letters + letters.upper() if ascii else cased(letters)
    return f"[{opening}](?<!\\w.)(?i:{alternatives})\\b"


_CONTEXT = re.compile(_opening_on_first_letters(_CONTEXT_PHRASES) + r"[^,;:.()]{3,60}")
# A run (see `_runs`) of each phrase, its longest word: a text without a phrase's run has not
# the phrase.
_CONTEXT_RUN = {phrase: max(phrase.split(), key=len) for phrase in _CONTEXT_PHRASES}
_CONTEXT_RUNS = frozenset(_CONTEXT_RUN.values())


@lru_cache(maxsize=256)
def _context_scan(present: frozenset[str], ascii: bool = False) -> re.Pattern[str]:
    """`_CONTEXT` for only the phrases whose run is `present`, those a text with those of
    `_CONTEXT_RUNS` may hold: it opens with fewer letters to stop at ("f" of "for" alone, not
    every "a", "i", "o", "s", "t" and "u" as well), and finds what `_CONTEXT` finds there, the
    other phrases matching nowhere. Keyed by a set of the phrases' own words, of which bullets
    hold a few combinations. With `ascii`, compiled for ASCII text (as `_ascii_twin`), where
    case and `\\w` are tested in an ASCII table, not the Unicode database."""
    phrases = [phrase for phrase, run in _CONTEXT_RUN.items() if run in present]
    opening = _opening_on_first_letters(phrases, ascii=ascii)
    return re.compile(opening + r"[^,;:.()]{3,60}", re.ASCII if ascii else 0)


def find_context(text: str, runs: frozenset[str] | None = None) -> tuple[str, ...]:
    """Scope or context phrases: for whom, at what scale, why ("for the risk team").

    `runs`, when given, hold the `_runs` of the text (or of one it was cleaned from): without
    a run a phrase holds, the text has none.
    """
    scan = _CONTEXT
    if runs is not None:
        present = _CONTEXT_RUNS & runs
        if not present:
            return ()
        scan = _context_scan(present, text.isascii())
    found = []
    for m in scan.finditer(text):
        words = m.group(0).split()
        if len(words) >= 2:
            found.append(" ".join(words[:8]))
    return tuple(found)


# ---- verbs ---------------------------------------------------------------------------------

_OPENING_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_PARTICLES = frozenset({"up", "out", "over", "down", "off"})
# A first word followed by one of these is a subject ("Reports were automated"), not a verb.
_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "been", "be", "will", "can", "got", "gets"}
)
# The only second words `read_verb` reads.
_READ_SECOND = _PARTICLES | _AUXILIARIES | {"of"}


class VerbPhrase(NamedTuple):
    """The verb a bullet opens with: as written ("Stood up"), its lexicon entry, its base form
    ("stand up") and its tense (None for a form both tenses share, such as "set")."""

    written: str
    verb: Verb | None
    lemma: str | None
    tense: Tense | None


def _lexicon_verb(word: str, taxonomy: Taxonomy) -> tuple[Verb, Tense | None] | None:
    """The lexicon verb a word is a form of ("co-authored", "rewrote", "builds"), with its tense."""
    return taxonomy.derived(_VerbReader).listed(word)


def _find_lexicon_verb(word: str, taxonomy: Taxonomy) -> tuple[Verb, Tense | None] | None:
    """`_lexicon_verb`, uncached."""
    lower = word.lower()
    candidates = [lower]
    for prefix in ("co-", "re-", "co", "re"):
        if lower.startswith(prefix) and len(lower) - len(prefix) > 3:
            candidates.append(lower[len(prefix) :])
    for cand in candidates:
        verb = taxonomy.verb_forms.get(cand)
        if verb is not None:
            if verb.base == verb.past:
                return verb, None
            return verb, ("past" if cand == verb.past.lower() else "present")
        for base in _present_bases(cand):
            verb = taxonomy.verbs.get(base)
            if verb is not None:
                return verb, "present"
    return None


def _present_bases(word: str) -> list[str]:
    """Base forms a third-person or -ing form could come from ("builds", "leading")."""
    out = []
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        out += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return out


def read_verb(first: str, second: str, taxonomy: Taxonomy) -> VerbPhrase | None:
    """The verb phrase that `first` (and a particle in `second`) make, or None for a non-verb.

    The lexicon first ("stand up" is listed, so "Stood up" is one phrasal verb); then the
    inflection tables, which know every common verb: a past form ("Took", "Scheduled") or an
    -ing / third-person form that is no noun reads as an action; a bare word that may be a noun
    ("Design", "Churn") does not, unless the lexicon lists it.
    """
    if second.lower() not in _READ_SECOND:
        second = ""  # the answer does not depend on it: one entry per opening word
    return taxonomy.derived(_VerbReader).read(first, second)


class _VerbReader:
    """`read_verb`'s and `_lexicon_verb`'s answers for one taxonomy (`Taxonomy.derived`), each
    worked out once: bullets open with the same few verbs, and every resume is read with them."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.read = lru_cache(maxsize=4096)(partial(_read_verb, taxonomy=taxonomy))
        self.listed = lru_cache(maxsize=4096)(partial(_find_lexicon_verb, taxonomy=taxonomy))


def _read_verb(first: str, second: str, taxonomy: Taxonomy) -> VerbPhrase | None:
    """`read_verb`, uncached."""
    lower, after = first.lower(), second.lower()
    if after in _AUXILIARIES or after == "of":
        return None  # "Reports were ...", "Design of ...": a noun
    if after in _PARTICLES:
        phrasal = taxonomy.verb_forms.get(f"{lower} {after}")
        if phrasal is not None:
            tense: Tense | None = None
            if phrasal.base != phrasal.past:
                tense = "past" if phrasal.past.split()[0] == lower else "present"
            return VerbPhrase(f"{first} {second}", phrasal, phrasal.base, tense)
    listed = _lexicon_verb(first, taxonomy)
    if listed is not None:
        return VerbPhrase(first, listed[0], listed[0].base, listed[1])
    reading = verb_reading(lower)
    if reading is not None:
        lemma, tense = reading
        if tense == "past" or (tense == "present" and not is_noun(lower)):
            if after in _PARTICLES:
                return VerbPhrase(f"{first} {second}", None, f"{lemma} {after}", tense)
            return VerbPhrase(first, None, lemma, tense)
        return None
    if lower.endswith("ed") and len(lower) > 4 and not lower.endswith("eed"):
        return VerbPhrase(first, None, None, "past")  # "Dockerized": unknown, plainly a verb
    return None


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _in_tense(phrase: VerbPhrase, tense: Tense) -> str:
    """The verb phrase in the tense wanted, capitalised; as written when its forms are unknown."""
    if phrase.verb is not None:
        return _capital(phrase.verb.past if tense == "past" else phrase.verb.base)
    if phrase.lemma is None:
        return _capital(phrase.written)
    head, _, particle = phrase.lemma.partition(" ")
    return _capital(" ".join(p for p in (inflect(head, tense), particle) if p))


_LIST_STEP = re.compile(r"(\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)([A-Za-z][A-Za-z-]*)(?:\s+(\w+))?")


def _verb_list(
    core: str, first: VerbPhrase, taxonomy: Taxonomy
) -> tuple[list[VerbPhrase], list[str], int]:
    """The verbs a sentence opens with ("Analyzed, cleaned and joined"), the separators between
    them, and where the list ends; every verb after the first shares its tense family."""
    verbs, seps, pos = [first], [], len(first.written)
    while len(verbs) < 5:
        step = _LIST_STEP.match(core, pos)
        if step is None:
            break
        nxt = read_verb(step.group(2), step.group(3) or "", taxonomy)
        reading = verb_reading(step.group(2))
        if nxt is None and first.tense != "past" and reading and reading[1] is None:
            nxt = VerbPhrase(step.group(2), None, reading[0], None)  # "clean and join"
        if nxt is None or (nxt.tense and first.tense and nxt.tense != first.tense):
            break
        verbs.append(nxt)
        seps.append(step.group(1))
        pos = step.start(2) + len(nxt.written)
    return verbs, seps, pos


def _write_list(verbs: Sequence[VerbPhrase], seps: Sequence[str], tense: Tense | None) -> str:
    """The verb list again, each verb in `tense` (as written when None), the first capitalised."""
    out = ""
    for i, phrase in enumerate(verbs):
        word = phrase.written if tense is None else _in_tense(phrase, tense)
        word = _capital(word) if i == 0 else word.lower() if phrase.verb or phrase.lemma else word
        out += (seps[i - 1] if i else "") + word
    return out


def _attach(body: str, phrase: str) -> str:
    """`phrase` after the body's first clause ("PlanIt with X, a tool that ..."), so it stays
    with the verb's object rather than the last clause."""
    cut = re.search(r"[,;]\s", body)
    if cut is None:
        return _join(body, phrase)
    return f"{_join(body[: cut.start()], phrase)}{body[cut.start() :]}"


def _join(lead: str, body: str) -> str:
    """Lead and body as one sentence: no space before punctuation, no doubled word at the seam."""
    body = body.strip()
    lead = lead.strip()
    if not lead or not body:
        return lead or body
    last = lead.split()[-1].lower()
    first = _OPENING_WORD.match(body)
    if first and first.group(0).lower() == last:
        body = body[first.end() :].strip()
    if body[:1] in ",.;:)!?%":
        return lead + body
    return f"{lead} {body}".strip()


# ---- the bullet, worked out once -----------------------------------------------------------


class _Lexicon:
    """What the lexicon lookups need, built once per taxonomy (`Taxonomy.derived`).

    Phrases are filed under their first word: a phrase standing on word boundaries starts with
    one of the sentence's words, so only the phrases filed under those words are tried.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.weak_openers: dict[str, list[str]] = {}
        for phrase in sorted(taxonomy.weak_openers, key=lambda p: (-len(p), p)):
            self.weak_openers.setdefault(_first_word(phrase.lower()), []).append(phrase)
        self.buzzwords: dict[str, list[tuple[str, str]]] = {}
        for phrase, hint in taxonomy.buzzwords.items():
            lower = phrase.lower()
            self.buzzwords.setdefault(_first_word(lower), []).append((lower, hint))
        self.buzzword_openers = frozenset(self.buzzwords)  # met with a sentence's runs
        # A weak opener's hint and tense give one lead, asked for again by every bullet with it.
        self.hint_lead = lru_cache(maxsize=256)(partial(_hint_lead, taxonomy=taxonomy))


def _first_word(phrase: str) -> str:
    m = _RUN.search(phrase)
    return m.group() if m else ""


def _find_weak_opener(sentence: str, taxonomy: Taxonomy) -> str | None:
    """The weak opener ("Worked on", "Responsible for") the sentence starts with, as written."""
    lower = sentence.lower()
    opening = _RUN.match(lower)
    filed = taxonomy.derived(_Lexicon).weak_openers
    for phrase in filed.get(opening.group(), ()) if opening else ():
        if lower.startswith(phrase) and (
            len(lower) == len(phrase) or not lower[len(phrase)].isalnum()
        ):
            return sentence[: len(phrase)]
    return None


# ---- rewrites after a weak opener ----------------------------------------------------------

# Verbs as weak as the opener itself: "Responsible for using X" is no better as "Used X".
_WEAK_BASES = frozenset({"use", "support", "help", "assist", "handle", "work", "involve"})
# Openers that only pad the verb after them: "Successfully migrated" -> "Migrated".
_PADDING = frozenset({"successfully", "effectively"})
# Openers whose object is a tool: the rewrite leads with what the tool was for.
_TOOL_OPENERS = frozenset({"used", "utilized", "leveraged"})
# Openers whose object is the people helped or worked with, not the work itself.
_HELP_OPENERS = frozenset(
    {
        "helped", "helped with", "helped to", "assisted", "assisted with", "assisted in",
        "supported", "provided support", "worked with", "worked alongside", "worked closely with",
        "collaborated with", "coordinated with",
    }
)  # fmt: skip
# Openers after which no verb fits the object ("Served as scrum master", "Familiar with SQL"):
# the fix is a template, never a guess.
_NO_REWRITE = frozenset(
    {
        "served as", "acted as", "familiar with", "exposure to", "exposed to", "knowledge of",
        "basic knowledge of", "some experience with", "experience with", "experience in",
        "hands-on experience", "various", "several", "a number of", "learned", "gained experience",
        "member of", "was part of", "part of a team", "duties included", "duties were",
        "responsibilities included", "my role was", "job involved", "worked as", "got", "did",
        "made",
    }
)  # fmt: skip
# Openers that say the people were yours to run: "In charge of a team of 4" -> "Led a team of 4".
_OWNER_OPENERS = frozenset(
    {"in charge of", "was in charge of", "responsible for", "was responsible for", "oversaw the"}
)
_PEOPLE = frozenset(
    {
        "team", "teams", "engineers", "developers", "analysts", "scientists", "staff", "members",
        "colleagues", "stakeholders", "clients", "customers", "users", "managers", "people",
        "employees", "volunteers", "researchers", "designers", "reports", "squad", "crew",
        "interns", "students", "juniors", "hires", "trainees", "mentees", "agents", "nurses",
        "teachers", "representatives", "associates", "contractors", "partners", "leads",
    }
)  # fmt: skip
_MENTEES = frozenset({"interns", "students", "juniors", "hires", "trainees", "mentees"})
_PROBLEMS = frozenset(
    {
        "tickets", "issues", "incidents", "requests", "queries", "complaints", "escalations",
        "bugs", "outages", "cases", "defects", "errors", "alerts",
    }
)  # fmt: skip
_NP_END = re.compile(r"\s+(?:with|on|in|to|for|across|at|by|from|during|through|using|via)\s+|[,;]")
_ARTICLE = re.compile(r"^(?:the|a|an|our|my|their|its)\s+", re.IGNORECASE)


def _object(rest: str) -> tuple[str, str, str]:
    """The noun phrase `rest` opens with, its head word (lower case) and what follows it; a
    phrase naming people ends at them ("3 interns" of "3 interns ramp up on Spark")."""
    end = _NP_END.search(rest)
    phrase = rest[: end.start()] if end else rest
    for word in _OPENING_WORD.finditer(phrase):
        if word.group(0).lower() in _PEOPLE and not phrase[word.end() :].startswith(" of "):
            return phrase[: word.end()].strip(), word.group(0).lower(), rest[word.end() :].strip()
    after = rest[end.start() :] if end else ""
    words = _OPENING_WORD.findall(phrase)
    return phrase.strip(), words[-1].lower() if words else "", after.strip()


def _hint_lead(hint: str, tense: Tense, taxonomy: Taxonomy) -> str | None:
    """The first option of the weak opener's hint that reads as a verb with an object
    ("Owned", "Partnered with"), in the tense wanted; None when the hint offers none."""
    for piece in hint.split(":", 1)[-1].split(","):
        words = piece.split()
        if not 1 <= len(words) <= 2 or not all(w.isalpha() for w in words):
            continue
        if len(words) == 2 and words[1] not in {"with", "to", "on", "for", "up", "out"}:
            continue
        listed = _lexicon_verb(words[0], taxonomy)
        if listed is not None:
            verb = VerbPhrase(words[0], listed[0], listed[0].base, listed[1])
            return " ".join([_in_tense(verb, tense), *words[1:]])
    return None


_TO = re.compile(r"to\s+")
_PREPOSITION = re.compile(r"(?:in|with|on|by)\s+")


def _own_verb(
    rest: str, taxonomy: Taxonomy, *, bare: bool = False
) -> tuple[VerbPhrase, str] | None:
    """A real action right after the opener ("to build X", "building X"; with `bare`, "build X"),
    and the words after it; not a verb as weak as the opener ("using", "to help")."""
    infinitive = _TO.match(rest)
    lead_in = infinitive or _PREPOSITION.match(rest)
    words = _OPENING_WORD.findall(rest[lead_in.end() :] if lead_in else rest)
    if not words:
        return None
    start = rest.find(words[0], lead_in.end() if lead_in else 0)
    if not (infinitive or bare or words[0].lower().endswith("ing")):
        return None
    listed = _lexicon_verb(words[0], taxonomy)
    reading = verb_reading(words[0])
    if listed is None and (reading is None or not infinitive):
        return None  # "with billing questions": after a preposition only a listed verb
    phrase = read_verb(words[0], words[1] if len(words) > 1 else "", taxonomy)
    if phrase is None and listed is not None:
        phrase = VerbPhrase(words[0], listed[0], listed[0].base, listed[1])
    if phrase is None and reading is not None and (infinitive or bare):
        phrase = VerbPhrase(words[0], None, reading[0], reading[1])
    if phrase is None or (phrase.lemma or "").split(" ")[0] in _WEAK_BASES:
        return None
    return phrase, rest[start + len(phrase.written) :].strip()


def _after_weak_opener(
    rest: str, weak: str, tense: Tense, taxonomy: Taxonomy, instruments: Sequence[str]
) -> tuple[str | None, str]:
    """The verb and object for a rewrite in the bullet's own words, or (None, rest) when no
    rewrite is safe and the fix should be a template.

    The bullet's own verb when one follows the opener ("Responsible for maintaining X" ->
    "Maintained X"); for a tool, what it was used for ("Used Airflow to schedule retraining" ->
    "Scheduled retraining with Airflow"); for people helped, the work done for them ("Helped
    the sales team with churn analysis" -> "Analyzed churn for the sales team"); else a verb
    that fits the object: people are led or mentored, problems resolved, an analysis analyzed,
    anything else takes the lexicon's first suggestion. `instruments` are the tools named in
    the bullet, as written.
    """
    key = weak.lower()
    rest = rest.strip(" ,:;-")
    if not rest or key in _NO_REWRITE:
        return None, rest
    own = _own_verb(rest, taxonomy, bare=key in _PADDING)
    if own is not None:
        return _in_tense(own[0], tense), own[1]
    if key in _PADDING:
        return None, rest
    if key in _TOOL_OPENERS:
        purpose = re.match(r"(?P<tool>.+?)\s+(?:in order to|to|for)\s+(?P<task>.+)", rest)
        if purpose is None:
            return None, rest
        task = _own_verb(f"to {purpose.group('task')}", taxonomy)
        if task is None:
            return None, rest
        return _in_tense(task[0], tense), _attach(task[1], f"with {purpose.group('tool')}")
    phrase, head, after = _object(rest)
    # "Worked with Ashesh Jain to create PlanIt": the purpose is the action, whoever X is.
    if key in _HELP_OPENERS and (head in _PEOPLE or after.startswith("to ")):
        if head in _MENTEES and key.startswith(("helped", "assisted", "supported")):
            bare = _OPENING_WORD.match(after)
            if bare and (reading := verb_reading(bare.group(0))) and reading[1] is None:
                after = f"to {after}"  # "Helped 3 interns ramp up" -> "... interns to ramp up"
            return _capital(inflect("mentor", tense)), _join(phrase, after)
        asked = re.match(r"(?:with|on|in|to)\s+(.+)", after)
        if asked is None:
            return None, rest
        for_whom = f"{'with' if key.endswith('with') or 'alongside' in key else 'for'} {phrase}"
        work = _own_verb(asked.group(0), taxonomy)
        if work is not None:
            return _in_tense(work[0], tense), _attach(work[1], for_whom)
        topic, topic_head, topic_after = _object(asked.group(1))
        if topic_head in {"analysis", "analyses"} and len(topic.split()) > 1:
            subject = _ARTICLE.sub("", topic.rsplit(" ", 1)[0])
            return _capital(inflect("analyze", tense)), _join(subject, f"{for_whom} {topic_after}")
        return None, rest
    if key in _HELP_OPENERS and key not in {"helped with", "assisted with", "assisted in"}:
        return None, rest  # "Supported the migration": what your part was is yours to say
    if head in _PEOPLE:
        if key not in _OWNER_OPENERS:
            return None, rest  # "Worked on the Captions team": leading it would be a claim
        return _capital(inflect("mentor" if head in _MENTEES else "lead", tense)), rest
    if head in _PROBLEMS:
        return _capital(inflect("resolve", tense)), rest
    if head in {"analysis", "analyses"} and len(phrase.split()) > 1:
        return _capital(inflect("analyze", tense)), _join(
            _ARTICLE.sub("", phrase.rsplit(" ", 1)[0]), after
        )
    if any(rest.lower().startswith(tool.lower()) for tool in instruments):
        return None, rest  # "Worked on Spark": what was built with it is the user's to say
    return taxonomy.derived(_Lexicon).hint_lead(taxonomy.weak_openers[key], tense), rest


# ---- passive voice in the main clause ------------------------------------------------------

_MAIN_PASSIVE = re.compile(
    r"^(?P<subject>[^,;:()]{1,60}?)\s+(?P<aux>is|are|was|were|has been|have been|had been|got)\s+"
    r"(?:\w+ly\s+)?(?P<participle>[a-z]+)\b"
)
_SELF = frozenset({"me", "us", "myself", "ourselves"})
_AGENT = re.compile(r"\bby\s+([\w-]+)")
# Skill categories that name a tool you work with, not a topic ("model monitoring").
_TOOL_CATEGORIES = frozenset(
    {
        "library", "framework", "database", "language", "cloud_service", "cloud_platform",
        "devops_tool", "data_tool", "genai_tool", "dev_tool", "mlops_tool", "bi_tool",
    }
)  # fmt: skip


class Passive(NamedTuple):
    """A main clause in the passive voice: its words, the subject, the verb, the rest."""

    words: str  # "were automated by me"
    subject: str
    lemma: str
    rest: str


def _main_passive(core: str) -> Passive | None:
    """The sentence's main clause when it is passive and names no actor but the writer ("Reports
    were automated", "... by me"); a passive clause later on ("three were hired") is a result."""
    m = _MAIN_PASSIVE.match(core)
    if m is None or len(m.group("subject").split()) > 6:
        return None
    reading = verb_reading(m.group("participle"))
    if reading is None or reading[1] == "present":
        return None
    clause = re.split(r"[,;]", core[m.end() :], maxsplit=1)[0]
    agent = _AGENT.search(clause)
    end = m.end()
    if agent is not None:
        if agent.group(1).lower() not in _SELF:
            return None  # "used daily by Quora": the actor is named
        if not clause[: agent.start()].strip():
            end += agent.end()  # "were automated by me": the agent goes with the verb
    rest = core[end:].strip()
    if agent is not None and end == m.end():
        rest = " ".join(_AGENT.sub("", rest, count=1).split())  # "... in Spark by me"
    return Passive(core[m.start("aux") : end], m.group("subject"), reading[0], rest)


def _object_case(subject: str) -> str:
    """A sentence's subject as an object: "Models" -> "models"; "ML models", "Airflow" stay."""
    first = subject.split()[0] if subject else ""
    article = first.lower() in {"the", "a", "an", "our", "my", "all", "each", "every"}
    if first[:1].isupper() and first[1:].islower() and (article or is_noun(first)):
        return subject[:1].lower() + subject[1:]
    return subject


_PRONOUN_LEAD = re.compile(r"^(?:I|We)\s+(?=[a-z])")
# A hit's fields, from its `__dict__`: one slow read of a model per hit, not one per field.
_SPAN_OF = itemgetter("start", "end")
_NAME_OF = itemgetter("name")
_END_OF = itemgetter("end")


@dataclass(frozen=True, eq=False)
class BulletContext:
    """Everything the rules read about one bullet, worked out once.

    The bullet is read as parts: a pronoun ("I", "We"), a weak opener, the verbs it opens with
    ("Analyzed, cleaned and joined") or a passive main clause, and the rest. `lead` and `body`
    are the bullet's own words arranged as a rewrite: the verbs in the tense the role wants, a
    verb that fits the object after a weak opener, or None as `lead` when no rewrite is safe
    (then `rewrite` is a template).
    """

    text: str  # as written
    sentence: str  # `clean_bullet(text)`
    core: str  # the sentence after a pronoun in front of the verb
    words: tuple[str, ...]
    runs: frozenset[str]  # the text's `_runs`: each run of the sentence's is one of them
    current: bool | None  # current role, past role, or no dated role
    hits: Sequence[SkillHit]  # the extractor's hits in the text
    tools: tuple[str, ...]
    results: tuple[str, ...]
    context: tuple[str, ...]
    pronoun: str | None  # "I" or "We" in front of the verb
    weak: str | None  # the weak opener as written ("Worked on")
    opening: str  # the opening verb as written ("Stood up"), else the first word
    verb: Verb | None  # the lexicon verb it is a form of
    verb_base: str | None  # its base form, listed or not ("stand up", "take")
    tense: Tense | None
    is_verb: bool  # the bullet opens with a verb, known to the lexicon or not
    passive: Passive | None
    taxonomy: Taxonomy

    @classmethod
    def of(
        cls,
        text: str,
        taxonomy: Taxonomy,
        *,
        current: bool | None = None,
        hits: Sequence[SkillHit] = (),
    ) -> BulletContext:
        """The context of `text`; `current` and `hits` as for `analyze_bullet`."""
        return cls._of(text, taxonomy, current, hits, [hit.__dict__ for hit in hits])

    @classmethod
    def _of(
        cls,
        text: str,
        taxonomy: Taxonomy,
        current: bool | None,
        hits: Sequence[SkillHit],
        fields: list[dict[str, object]],
    ) -> BulletContext:
        """`of`, given the `__dict__` of each hit, where its fields are read."""
        sentence = clean_bullet(text)
        lower = folded(text)
        runs = _runs(lower)
        results = _find_results(text, lower, runs, map(_END_OF, fields), taxonomy)
        fields.sort(key=_SPAN_OF)
        tools = tuple(dict.fromkeys(map(_NAME_OF, fields)))
        pronoun = _PRONOUN_LEAD.match(sentence)
        core = sentence[pronoun.end() :] if pronoun else sentence
        weak = _find_weak_opener(core, taxonomy)
        # The first two words (in the first 80 characters) are all the verb reading looks at,
        # and only when the sentence opens with the first.
        word = _OPENING_WORD.search(core, 0, 80)
        first = word.group() if word else ""
        phrase = None
        if weak is None and word and word.start() == 0:
            second = _OPENING_WORD.search(core, word.end(), 80)
            phrase = read_verb(first, second.group() if second else "", taxonomy)
        passive = None
        if weak is None and phrase is None:
            passive = _main_passive(core)
        return cls._made(
            {
                "text": text,
                "sentence": sentence,
                "core": core,
                "words": tuple(_words(sentence)),
                "runs": runs,
                "current": current,
                "hits": hits,
                "tools": tools,
                "results": results,
                "context": find_context(sentence, runs),
                "pronoun": pronoun.group(0).strip() if pronoun else None,
                "weak": weak,
                "opening": phrase.written if phrase else first,
                "verb": phrase.verb if phrase else None,
                "verb_base": phrase.lemma if phrase else None,
                "tense": phrase.tense if phrase else None,
                "is_verb": phrase is not None,
                "passive": passive,
                "taxonomy": taxonomy,
            }
        )

    @classmethod
    def _made(cls, fields: dict[str, object]) -> BulletContext:
        """The context of the fields `of` worked out, every field given, in order: set at once,
        as `models._Model._trusted` sets a model, not one `object.__setattr__` each (a frozen
        dataclass's `__init__`); held equal to the `__init__`-made one in tests. A dict, not
        keywords: a display builds it without matching each name against the parameters."""
        ctx = object.__new__(cls)
        object.__setattr__(ctx, "__dict__", fields)
        return ctx

    @cached_property
    def _parts(self) -> tuple[tuple[VerbPhrase, ...], tuple[str, ...], str | None, str]:
        """`verbs`, `separators`, `lead` and `body`, worked out when a rule or a duplicate
        opener first asks: most bullets raise no flag and are never rewritten."""
        core, weak, tense, current = self.core, self.weak, self.tense, self.current
        # The rewrite keeps the bullet's tense, except where the tense rule says otherwise.
        wanted: Tense = "present" if current and tense == "present" else "past"
        verbs: list[VerbPhrase] = []
        seps: list[str] = []
        lead: str | None
        if weak is not None:
            instruments = [h.text for h in self.hits if h.category in _TOOL_CATEGORIES]
            lead, body = _after_weak_opener(
                core[len(weak) :], weak, wanted, self.taxonomy, instruments
            )
        elif self.is_verb:
            phrase = VerbPhrase(self.opening, self.verb, self.verb_base, tense)
            verbs, seps, end = _verb_list(core, phrase, self.taxonomy)
            fix: Tense | None = "past" if current is False and tense == "present" else None
            lead, body = _write_list(verbs, seps, fix), core[end:]
        elif self.passive is not None:
            lead = _capital(inflect(self.passive.lemma, "past"))
            body = _join(_object_case(self.passive.subject), self.passive.rest)
        else:
            lead, body = "<Verb>", core
        return tuple(verbs), tuple(seps), lead, body.strip()

    @property
    def verbs(self) -> tuple[VerbPhrase, ...]:
        """The opening list of verbs."""
        return self._parts[0]

    @property
    def separators(self) -> tuple[str, ...]:
        """What stands between the verbs (", ", " and ")."""
        return self._parts[1]

    @property
    def lead(self) -> str | None:
        """The rewrite's verbs, in the tense wanted; None when no rewrite is safe."""
        return self._parts[2]

    @property
    def body(self) -> str:
        """The rewrite's words after its verbs."""
        return self._parts[3]

    @property
    def acts(self) -> bool:
        """The bullet opens with an action verb (not a weak opener, not a noun)."""
        return self.weak is None and self.is_verb

    def own_words(self) -> str | None:
        """The bullet in its own words, reordered to lead with the action; None when no
        rewrite is safe."""
        return None if self.lead is None else _join(self.lead, self.body)

    def rewrite(self) -> str:
        """The bullet rewritten in its own words, angle brackets marking what only the candidate
        knows (whom or why, the tool, the result); a template when no rewrite is safe."""
        return self._rewrite

    @cached_property
    def _rewrite(self) -> str:
        """`rewrite()`, written once: several rules of one bullet quote it."""
        out = self.own_words()
        if out is None:
            tool = "" if self.tools else " with <tool>"
            return f"<Past-tense verb> <what you did>{tool}, <result: what changed and by how much>"
        if not find_context(out):  # the rewrite may have moved "for the team" in
            out += " for <whom / why>"
        if not self.tools:
            out += " with <tool>"
        if not self.results:
            out += ", <result: what changed and by how much>"
        return out


# ---- flags ---------------------------------------------------------------------------------


class FlagText(NamedTuple):
    """A flag's kind and severity, and the `str.format` templates of its message and fix."""

    kind: FlagKind
    severity: Literal["warning", "info"]
    message: str
    suggestion: str


FlagMessage = Literal[
    "weak-opener",
    "weak-opener-template",
    "no-action-verb",
    "tense-in-past-role",
    "tense-in-current-role",
    "no-result",
    "buzzword",
    "passive-voice",
    "first-person",
    "too-short",
    "too-short-with-result",
    "too-long",
    "duplicate-opener",
]

# Every flag's wording, in one place (spaCy's `errors.py`): a rule picks a message and fills in
# its fields, so the wording can be read and reviewed without reading the rules.
FLAG_TEXTS: Final[Mapping[FlagMessage, FlagText]] = MappingProxyType(
    {
        "weak-opener": FlagText(
            "weak-opener",
            "warning",
            '"{weak}" describes a duty, not what you did',
            '{hint}. For example: "{rewrite}"',
        ),
        # No verb fits the object safely ("Served as scrum master"): a template, not a guess.
        "weak-opener-template": FlagText(
            "weak-opener",
            "warning",
            '"{weak}" describes a duty, not what you did',
            '{hint}. Name what you did and its result: "{rewrite}"',
        ),
        "no-action-verb": FlagText(
            "no-action-verb",
            "warning",
            "the bullet does not open with an action verb",
            'Open with what you did: "{rewrite}"',
        ),
        "tense-in-past-role": FlagText(
            "tense",
            "warning",
            '"{word}" is present tense in a past role',
            'Use past tense for a role you have left: "{rewrite}"',
        ),
        "tense-in-current-role": FlagText(
            "tense",
            "info",
            '"{word}" is past tense in your current role, for work that reads as ongoing',
            'If you still do this, use present tense: "{rewrite}"; if it is finished, keep past '
            "tense and add the result",
        ),
        "no-result": FlagText(
            "no-result",
            "warning",
            "no measurable result (a percentage, amount, count, time or metric)",
            'Add the outcome with your own figure: "{rewrite}"',
        ),
        "buzzword": FlagText(
            "buzzword",
            "warning",
            '"{phrase}" is a buzzword recruiters skim past',
            '{hint} Drop it: "{rewrite}"',
        ),
        "passive-voice": FlagText(
            "passive-voice",
            "warning",
            'passive voice ("{passive}") hides who did the work',
            'Lead with your action: "{rewrite}"',
        ),
        "first-person": FlagText(
            "first-person",
            "warning",
            "first-person pronoun ({pronouns}) in a bullet",
            'Resumes drop the pronoun{note}: "{rewrite}"',
        ),
        "too-short": FlagText(
            "too-short",
            "warning",
            "{words} words: too short to show scope and outcome",
            'Say what it was for, with what, and what changed: "{rewrite}"',
        ),
        # A short bullet that has a figure is an achievement, only a terse one.
        "too-short-with-result": FlagText(
            "too-short",
            "info",
            "{words} words: too short to show scope and outcome",
            'Say what it was for, with what, and what changed: "{rewrite}"',
        ),
        "too-long": FlagText(
            "too-long",
            "info",
            "{words} words: long bullets get skimmed",
            "Split it in two or cut to action, tool and result: {split}",
        ),
        "duplicate-opener": FlagText(
            "duplicate-opener",
            "info",
            '"{verb}" also opens an earlier bullet ("{earlier}")',
            'Vary the verb to show a different kind of work, e.g. {alternatives}: "{rewrite}"',
        ),
    }
)


def flag(message: FlagMessage, text: str | None = None, **fields: object) -> BulletFlag:
    """The flag of `FLAG_TEXTS[message]` with its templates filled from `fields`; `text` is
    the words in the bullet that raised it."""
    kind, severity, template, suggestion = FLAG_TEXTS[message]
    # Our own strings, of the fields' types: not validated again (`_Model._trusted`).
    return _constructed(
        BulletFlag,
        {
            "kind": kind,
            "severity": severity,
            "message": template.format(**fields),
            "suggestion": suggestion.format(**fields),
            "text": text,
        },
    )


# ---- rules ---------------------------------------------------------------------------------

Rule = Callable[[BulletContext], Iterator[BulletFlag]]

_PRONOUN_WORDS = ("I", "me", "my", "mine", "myself", "we", "our", "ours", "us", "We", "Our")
_PRONOUN_RUNS = frozenset(word.lower() for word in _PRONOUN_WORDS)
# Each pronoun as a whole word: the look-behind after it, where `\b` before it would be, lets the
# engine skip ahead to the pronouns' first letters.
_PRONOUNS = re.compile("|".join(rf"{word}\b(?<!\w{word})" for word in _PRONOUN_WORDS))


def _weak_opener(ctx: BulletContext) -> Iterator[BulletFlag]:
    """A duty phrase ("Responsible for", "Worked on") where the action should be."""
    if ctx.weak is not None:
        hint = ctx.taxonomy.weak_openers[ctx.weak.lower()].rstrip(".")
        message: FlagMessage = "weak-opener" if ctx.lead else "weak-opener-template"
        yield flag(message, ctx.weak, weak=ctx.weak, hint=hint, rewrite=ctx.rewrite())


def _no_action_verb(ctx: BulletContext) -> Iterator[BulletFlag]:
    """A bullet opening with a noun ("Phabricator is used ...") rather than a verb; a passive
    main clause has its own rule and rewrite."""
    if ctx.weak is None and not ctx.is_verb and ctx.passive is None:
        yield flag("no-action-verb", ctx.opening or None, rewrite=ctx.rewrite())


def _tense(ctx: BulletContext) -> Iterator[BulletFlag]:
    """Present tense in a past role; past tense for a duty (no result) in the current role."""
    if not ctx.acts:
        return
    if ctx.current is False and ctx.tense == "present":
        rewrite = _join(_write_list(ctx.verbs, ctx.separators, "past"), ctx.body)
        yield flag("tense-in-past-role", ctx.opening, word=ctx.opening, rewrite=rewrite)
    elif ctx.current and ctx.tense == "past" and not ctx.results:
        rewrite = _join(_write_list(ctx.verbs, ctx.separators, "present"), ctx.body)
        yield flag("tense-in-current-role", ctx.opening, word=ctx.opening, rewrite=rewrite)


def _no_result(ctx: BulletContext) -> Iterator[BulletFlag]:
    """No measurable result."""
    if not ctx.results:
        yield flag("no-result", rewrite=ctx.rewrite())


def _buzzword(ctx: BulletContext) -> Iterator[BulletFlag]:
    """Each buzzword ("results-driven", "cutting-edge"), with the bullet without it."""
    for phrase, hint in _find_buzzwords(ctx.sentence, ctx.taxonomy, ctx.runs):
        without = " ".join(re.sub(re.escape(phrase), "", ctx.sentence, flags=re.IGNORECASE).split())
        yield flag("buzzword", phrase, phrase=phrase, hint=hint, rewrite=without)


def _find_buzzwords(
    sentence: str, taxonomy: Taxonomy, runs: frozenset[str] | None = None
) -> list[tuple[str, str]]:
    """The lexicon's buzzwords in the sentence, as written, each with its hint; of two
    overlapping ones ("results-driven" and "driven") the longer.

    A buzzword opens with a run of the lower-cased sentence; `runs`, those of the text the
    sentence was cleaned from, hold them unless "İ", "ı" or "ſ" lower-case otherwise there.
    """
    lexicon = taxonomy.derived(_Lexicon)
    filed = lexicon.buzzwords
    if runs is None or not sentence.isascii():
        lower = sentence.lower()
        if runs is None or lower != folded(sentence):
            runs = _runs(lower)
    openers = lexicon.buzzword_openers & runs
    if not openers:  # most bullets
        return []
    lower = sentence.lower()
    found = []
    for word in openers:
        for p, hint in filed[word]:
            start = lower.find(p)
            while start != -1:
                end = start + len(p)
                before = lower[start - 1] if start else " "
                after = lower[end] if end < len(lower) else " "
                if not before.isalnum() and not after.isalnum() and before != "-" and after != "-":
                    found.append((sentence[start:end], hint))
                    break
                start = lower.find(p, start + 1)
    found.sort(key=lambda item: (lower.find(item[0].lower()), item[0]))
    kept: list[tuple[str, str]] = []
    for phrase, hint in found:
        if not any(phrase.lower() in k.lower() for k, _ in kept):
            kept = [(k, h) for k, h in kept if k.lower() not in phrase.lower()]
            kept.append((phrase, hint))
    return kept


def _passive_voice(ctx: BulletContext) -> Iterator[BulletFlag]:
    """A passive main clause that hides who did the work ("Models were deployed"), rewritten
    to lead with the verb; a passive result clause ("three were hired") is not flagged."""
    passive = ctx.passive
    if passive is not None:
        rewrite = ctx.own_words() or ctx.sentence
        yield flag("passive-voice", passive.words, passive=passive.words, rewrite=rewrite)


def _first_person(ctx: BulletContext) -> Iterator[BulletFlag]:
    """A first-person pronoun; for "we" or "our" the fix also asks for your own part."""
    # "by me" in a passive main clause is the passive rule's to rewrite; a pronoun is a run of
    # the sentence, so of the text, unless cutting the passive out made it.
    if ctx.passive is None and ctx.runs.isdisjoint(_PRONOUN_RUNS):
        return
    spoken = ctx.sentence.replace(ctx.passive.words, "") if ctx.passive else ctx.sentence
    pronouns = [m.group(0) for m in _PRONOUNS.finditer(spoken)]
    if not pronouns:
        return
    own = ctx.own_words() if ctx.pronoun else None
    stripped = own or re.sub(r"^(?:I|We)\s+", "", ctx.sentence)
    stripped = _capital(re.sub(r"\b(?:my|our|My|Our)\s+", "the ", stripped))
    team = any(p.lower() in {"we", "our", "ours", "us"} for p in pronouns)
    yield flag(
        "first-person",
        pronouns[0],
        pronouns=", ".join(dict.fromkeys(pronouns)),
        note=" and say what your own part was" if team else "",
        rewrite=stripped,
    )


def _too_short(ctx: BulletContext) -> Iterator[BulletFlag]:
    """Fewer than `MIN_WORDS` words."""
    if len(ctx.words) < MIN_WORDS:
        message: FlagMessage = "too-short-with-result" if ctx.results else "too-short"
        yield flag(message, words=len(ctx.words), rewrite=ctx.rewrite())


def _too_long(ctx: BulletContext) -> Iterator[BulletFlag]:
    """More than `MAX_WORDS` words, with a split at a clause boundary or a cut."""
    if len(ctx.words) <= MAX_WORDS:
        return
    sentence = ctx.sentence
    parts = re.split(r";\s+|\.\s+|,\s+(?:and\s+)?(?=[a-z]+(?:ed|ing)\b)", sentence, maxsplit=1)
    if len(parts) == 2:
        split = f'"{parts[0]}." and "{parts[1][:1].upper()}{parts[1][1:]}."'
    else:
        keep = ", ".join(ctx.results) if ctx.results else "<result>"
        split = f'"{" ".join(ctx.words[:14])} ... {keep}"'
    yield flag("too-long", words=len(ctx.words), split=split)


# The rules of one bullet, in the order their flags are listed. "duplicate-opener" is not here:
# it compares bullets with each other, so `analyze_bullets` adds it.
RULES: Final[Mapping[FlagKind, Rule]] = MappingProxyType(
    {
        "weak-opener": _weak_opener,
        "no-action-verb": _no_action_verb,
        "tense": _tense,
        "no-result": _no_result,
        "buzzword": _buzzword,
        "passive-voice": _passive_voice,
        "first-person": _first_person,
        "too-short": _too_short,
        "too-long": _too_long,
    }
)


def analyze_bullet(
    text: str,
    taxonomy: Taxonomy,
    *,
    current: bool | None = None,
    hits: Sequence[SkillHit] = (),
    block: int = 0,
    line: int = 0,
    page: int = 1,
    section: str = "experience",
    role: int | None = None,
    context: BulletContext | None = None,
) -> BulletFeedback:
    """STAR feedback for one bullet: its `BulletContext` and the flags of every rule in `RULES`.

    `current` is True for the current role, False for a past one, None when the bullet has no
    dated role (tense is then not checked). `hits` are the extractor's skill hits for this
    bullet's block (spans into `text`); they name the tools and mark version numbers. A
    `context` already worked out for `text` is used as it is.
    """
    ctx = context or BulletContext.of(text, taxonomy, current=current, hits=hits)
    acts = ctx.acts
    tier: Literal["strong", "medium", "unlisted"] | None = None
    if ctx.verb is not None:
        tier = ctx.verb.tier
    elif acts:
        tier = "unlisted"
    missing: list[StarPart] = []
    if not acts:
        missing.append("action")
    if not ctx.results:
        missing.append("result")
    if not ctx.tools:
        missing.append("tools")
    if not ctx.context:
        missing.append("context")
    # Our own values, of the fields' types: not validated again (`_Model._trusted`, given a
    # dict display, which is built without matching each name against keyword parameters).
    return _constructed(
        BulletFeedback,
        {
            "block": block,
            "line": line,
            "page": page,
            "section": section,
            "role": role,
            "text": text,
            "words": len(ctx.words),
            "verb": ctx.opening if acts else None,
            "verb_base": ctx.verb_base,
            "verb_tier": tier,
            "tense": ctx.tense if ctx.weak is None else None,
            "results": ctx.results,
            "tools": ctx.tools,
            "context": ctx.context,
            "missing": tuple(missing),
            # A bullet without a word (an icon, a stray dash) has nothing to coach.
            "flags": tuple([f for rule in RULES.values() for f in rule(ctx)]) if ctx.words else (),
        },
    )


def bullet_blocks(resume: Resume) -> list[int]:
    """Indices of the blocks to coach: every role's bullets and every bullet in experience,
    projects or volunteer sections."""
    chosen = {i for role in resume.roles for i in role.bullets}
    blocks = resume.blocks
    kinds = [b.kind for b in blocks]  # read once: a model's attribute reads are slow ones
    chosen.update(
        i
        for i, kind in enumerate(kinds)
        if kind == "bullet" and blocks[i].section in COACHED_SECTIONS
    )
    return sorted(i for i in chosen if kinds[i] != "heading")


def analyze_bullets(
    resume: Resume, hits: Sequence[SkillHit], taxonomy: Taxonomy
) -> tuple[BulletFeedback, ...]:
    """STAR feedback for every bullet of every role and project, with duplicate openers flagged.

    `hits` are the extractor's hits over `resume.blocks` (computed once by the matcher).
    """
    indices = bullet_blocks(resume)
    # Each bullet's hits and their fields, each read once, from a model's `__dict__`: a model's
    # attribute reads are slow ones.
    by_block: dict[int, tuple[list[SkillHit], list[dict[str, object]]]] = {
        index: ([], []) for index in indices
    }
    for hit in hits:
        fields = hit.__dict__
        bullet = by_block.get(fields["block"])
        if bullet is not None:
            bullet[0].append(hit)
            bullet[1].append(fields)
    blocks = resume.blocks
    # Each role's `current` as `analyze_bullet` takes it: None for a role without dates.
    tenses = [r.current if r.start or r.end or r.current else None for r in resume.roles]
    out = []
    contexts = []
    roles = []
    for index in indices:
        block: dict[str, Any] = blocks[index].__dict__
        text, role = block["text"], block["role"]
        current = tenses[role] if role is not None and role < len(tenses) else None
        block_hits, block_fields = by_block[index]
        ctx = BulletContext._of(text, taxonomy, current, block_hits, block_fields)
        contexts.append(ctx)
        roles.append(role)
        out.append(
            analyze_bullet(
                text,
                taxonomy,
                context=ctx,
                block=index,
                line=block["line"],
                page=block["page"],
                section=block["section"],
                role=role,
            )
        )
    return _flag_duplicate_openers(out, contexts, roles)


# Other verbs for a repeated one, and for verbs without their own list.
_ALTERNATIVES = {
    "build": ("Designed", "Implemented", "Shipped"),
    "develop": ("Built", "Engineered", "Delivered"),
    "create": ("Built", "Designed", "Launched"),
    "design": ("Architected", "Modeled", "Planned"),
    "implement": ("Built", "Integrated", "Delivered"),
    "lead": ("Directed", "Owned", "Drove"),
    "manage": ("Ran", "Owned", "Oversaw"),
    "improve": ("Raised", "Cut", "Sped up"),
    "work": ("Built", "Delivered", "Ran"),
    "use": ("Built with", "Applied", "Automated with"),
    "analyze": ("Modeled", "Measured", "Investigated"),
    "deploy": ("Shipped", "Released", "Rolled out"),
    "train": ("Fine-tuned", "Fit", "Tuned"),
}
_GENERIC_ALTERNATIVES = ("Designed", "Shipped", "Automated", "Cut", "Launched", "Scaled")


def _flag_duplicate_openers(
    feedback: list[BulletFeedback],
    contexts: Sequence[BulletContext],
    roles: Sequence[int | None],
) -> tuple[BulletFeedback, ...]:
    """Flag a verb that opens another bullet of the same role, or three or more overall;
    `contexts` are the bullets' own (read in place of the feedback's slower fields: its verb
    is the context's opening when it acts), and `roles` their roles."""
    verbs = [ctx.opening if ctx.acts else None for ctx in contexts]
    key = [
        (ctx.verb_base or (verb or "").lower()) or None
        for ctx, verb in zip(contexts, verbs, strict=True)
    ]
    totals: dict[str, int] = {}
    for k in key:
        if k:
            totals[k] = totals.get(k, 0) + 1
    used = {k for k in key if k}
    seen: dict[tuple[int | None, str], int] = {}
    seen_any: dict[str, int] = {}
    out = []
    for i, fb in enumerate(feedback):
        k, role = key[i], roles[i]
        found: BulletFlag | None = None
        if k:
            first = seen.get((role, k)) if role is not None else None
            if first is None and totals[k] >= 3 and k in seen_any:
                first = seen_any[k]
            if first is not None:
                alternatives = [
                    a for a in _ALTERNATIVES.get(k, _GENERIC_ALTERNATIVES) if a.lower() not in used
                ] or ["<Verb>"]
                found = flag(
                    "duplicate-opener",
                    verbs[i],
                    verb=verbs[i],
                    earlier=_short(contexts[first].text),
                    alternatives=", ".join(alternatives),
                    rewrite=_join(alternatives[0], contexts[i].body),
                )
            seen.setdefault((role, k), i)
            seen_any.setdefault(k, i)
        out.append(fb if found is None else fb.model_copy(update={"flags": (*fb.flags, found)}))
    return tuple(out)


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
