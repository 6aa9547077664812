"""What `re.IGNORECASE` does to ASCII letters, for code that reads text the way a case-blind
pattern of ASCII letters does: the other letters it matches to them, and text lowered so that
whatever such a pattern matches holds the pattern's lower-case letters.

`tests/test_regex_openings.py` reads the twins off the engine over the whole of Unicode.
"""

from __future__ import annotations

__all__ = ["TWINS", "cased", "folded"]

TWINS = {"i": "İı", "k": "\u212a", "s": "ſ"}
"""The letters besides its two cases that IGNORECASE matches an ASCII letter to."""


def cased(letters: str) -> str:
    """Every character IGNORECASE matches to the lower-case ASCII `letters`, for a
    case-sensitive character class that a scan can skip ahead to (it cannot skip to a
    case-blind one).

    >>> cased("ks") == "kK\u212asSſ"
    True
    """
    return "".join(f"{c}{c.upper()}{TWINS.get(c, '')}" for c in letters)


_TO_ASCII = str.maketrans({twin: letter for letter, twins in TWINS.items() for twin in twins})


def folded(text: str) -> str:
    """`text` lower-cased, each twin as its ASCII letter ("ſep" as "sep").

    >>> folded("İn order to ſhip")
    'in order to ship'
    """
    if text.isascii():  # the twins are not: spare the translation, which walks a dict
        return text.lower()
    return text.translate(_TO_ASCII).lower()
