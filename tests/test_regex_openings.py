"""Patterns written to open with a character class the regex engine skips ahead to.

Many of atsmatch's patterns open with a hand-written class of the letters their alternatives
begin with, so the engine jumps at C speed to the places a match can start: `(?=[a-fil-ps])`
before a list of fields of study, or `[vVrR](?<!\\w.)(?i:(?<=v)ersion|(?<=r)elease)`, where the
class takes the first letter and each alternative's look-behind says which one it opens with.
A spelling added to the alternatives that opens with a letter missing from the class would never
be found, and no error would say so. These tests read every such pattern in the package and hold
its class to the first characters its alternatives can take, under the case rules in force.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from re import _constants as sre
from re import _parser as sre_parse
from typing import Any

import pytest

import atsmatch

# What a class escape stands for here: enough characters that an opening class without the
# escape is caught (a digit of another script, the spaces a line can hold).
_CATEGORIES = {
    sre.CATEGORY_DIGIT: "0123456789\u0663",
    sre.CATEGORY_SPACE: " \t\n\r\f\v\u00a0\u2003",
}


@cache
def _ascii_twins() -> dict[str, str]:
    """The non-ASCII characters IGNORECASE matches to an ASCII letter ("ſ" to "s", the Kelvin
    sign to "k"), read from the engine over the whole of Unicode."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    twins: dict[str, str] = {}
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if letters.fullmatch(char):
            for letter in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(letter, char, re.IGNORECASE):
                    twins[letter] = twins.get(letter, "") + char
    return twins


def _variants(char: str, flags: int) -> set[str]:
    """The characters `char` matches under `flags`."""
    if not flags & re.IGNORECASE:
        return {char}
    found = {char, char.lower(), char.upper()}
    for letter in {c for c in found if c.isascii()}:
        found.update(_ascii_twins().get(letter.lower(), ""))
    return found


def _class(items: Iterable[tuple[Any, Any]], flags: int) -> set[str] | None:
    """The characters a class (the items of an IN node) admits; None for a negated class."""
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars |= _variants(chr(av), flags)
        elif op is sre.RANGE:
            for code in range(av[0], av[1] + 1):
                chars |= _variants(chr(code), flags)
        elif op is sre.CATEGORY and av in _CATEGORIES:
            chars.update(_CATEGORIES[av])
        else:  # a negation, or a class of every word character
            return None
    return chars


def _first(items: Iterable[tuple[Any, Any]], flags: int) -> tuple[set[str] | None, bool]:
    """The characters a sequence can start with (None: any), and whether it can match empty."""
    chars: set[str] = set()
    for op, av in items:
        found, empty = _first_of(op, av, flags)
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _first_of(op: Any, av: Any, flags: int) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return _variants(chr(av), flags), False
    if op is sre.IN:
        return _class(av, flags), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero-width: it narrows where a match starts, never widens it
    if op is sre.BRANCH:
        chars: set[str] = set()
        any_empty = False
        for branch in av[1]:
            found, empty = _first(branch, flags)
            if found is None:
                return None, False
            chars |= found
            any_empty = any_empty or empty
        return chars, any_empty
    if op is sre.SUBPATTERN:
        _, add, remove, sub = av
        return _first(sub, (flags | add) & ~remove)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = av
        found, empty = _first(sub, flags)
        return found, empty or low == 0
    if op is sre.ATOMIC_GROUP:
        return _first(av, flags)
    return None, False  # any character, a back-reference: anything may come first


def _opening(
    items: list[tuple[Any, Any]], flags: int
) -> tuple[set[str], set[str] | None, str] | None:
    """The opening class of a pattern written in one of the two shapes, the characters its
    alternatives need it to admit (None: any), and which shape; None for another pattern."""
    op, av = items[0]
    opener_flags = flags
    if op is sre.SUBPATTERN and av[0] is None and len(av[3]) == 1:  # "(?i:(?=[...]))"
        opener_flags = (flags | av[1]) & ~av[2]
        op, av = av[3][0]
    # "(?=[...])" before the alternatives
    if op is sre.ASSERT and av[0] == 1 and len(av[1]) == 1 and av[1][0][0] is sre.IN:
        opener = _class(av[1][0][1], opener_flags)
        if opener is None:
            return None
        alternatives, _ = _first(items[1:], flags)
        return opener, alternatives, "look-ahead"
    # "[...]" taking the first character, then alternatives that each look back at it
    if op is not sre.IN:
        return None
    opener = _class(av, flags)
    rest = [(o, a) for o, a in items[1:] if o is not sre.ASSERT_NOT]
    if opener is None or not rest:
        return None
    op, av = rest[0]
    branch_flags = flags
    branches = [rest]
    if op is sre.SUBPATTERN:
        branch_flags = (flags | av[1]) & ~av[2]
        branches = [av[3]]
        op, av = av[3][0]
    if op is sre.BRANCH:
        branches = av[1]
    looked_at: set[str] = set()
    for branch in branches:
        first = branch[0] if len(branch) else None
        if not (
            first is not None
            and first[0] is sre.ASSERT
            and first[1][0] == -1
            and len(first[1][1]) == 1
            and first[1][1][0][0] is sre.LITERAL
        ):
            return None
        looked_at |= _variants(chr(first[1][1][0][1]), branch_flags)
    return opener, looked_at, "look-behind"


def _patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Every module-level compiled pattern of the package, by module and name."""
    for info in pkgutil.walk_packages(atsmatch.__path__, "atsmatch."):
        if info.name.endswith("__main__") or ".server" in info.name:
            continue  # the server needs its extra; its patterns are not of this kind
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{info.name.removeprefix('atsmatch.')}.{name}", value


def _openings() -> dict[str, tuple[set[str], set[str] | None, str]]:
    found = {}
    for name, pattern in _patterns():
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        opening = _opening(list(parsed), parsed.state.flags)
        if opening is not None:
            found[name] = opening
    return found


_OPENINGS = _openings()


def test_the_patterns_of_both_shapes_are_found() -> None:
    """The reading finds the patterns written either way (so the test below is not empty)."""
    shapes = {name: shape for name, (_, _, shape) in _OPENINGS.items()}
    assert shapes["structure.qualifications._FIELD"] == "look-ahead"
    assert shapes["structure.qualifications._LEVEL_TOKEN"] == "look-ahead"
    assert shapes["structure.dates._SINGLE"] == "look-ahead"
    assert shapes["star._CONTEXT"] == "look-behind"
    assert shapes["star._VERSION_WORD"] == "look-behind"
    assert len(shapes) >= 10


@pytest.mark.parametrize("name", sorted(_OPENINGS))
def test_opening_class_admits_every_alternative(name: str) -> None:
    """Each character an alternative can open with is in the pattern's opening class."""
    opener, needed, _ = _OPENINGS[name]
    assert needed is not None, f"{name}: an alternative can open with any character"
    missing = sorted(needed - opener)
    assert not missing, f"{name}: the opening class lacks {missing}"


class TestTheReading:
    """The reading itself catches a class that lacks a letter, under each shape and case rule."""

    @pytest.mark.parametrize(
        ("pattern", "missing"),
        [
            (r"(?=[ab])(?:apple|banana|cherry)", ["c"]),
            (r"(?i)(?=[ab])(?:apple|banana|cherry)", ["C", "c"]),
            (r"(?i:(?=[ab]))(?:apple|Banana)", []),
            (r"(?=[ab\d])(?:apple|\d+|x?banana)", ["x"]),
            (r"[Ff](?<!\w.)(?i:(?<=f)or|(?<=s)ince)", ["S", "s", "ſ"]),
            (r"[sS](?<!\w.)(?i:(?<=s)ince)", ["ſ"]),
        ],
    )
    def test_missing_letters(self, pattern: str, missing: list[str]) -> None:
        compiled = re.compile(pattern)
        parsed = sre_parse.parse(compiled.pattern, compiled.flags)
        opening = _opening(list(parsed), parsed.state.flags)
        assert opening is not None
        opener, needed, _ = opening
        assert needed is not None
        assert sorted(needed - opener) == missing


def test_ignorecase_twins_match_the_engine() -> None:
    """The table of letters IGNORECASE matches to an ASCII letter, which opening classes and
    folded text are built from, holds what the engine does; folded text spells them as those."""
    from atsmatch import _ignorecase

    assert _ascii_twins() == _ignorecase.TWINS
    for letter, twins in _ascii_twins().items():
        assert _ignorecase.folded(f"{twins}{letter.upper()}") == letter * (len(twins) + 1)
