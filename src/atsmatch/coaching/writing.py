"""How the bullets read as a whole: results, verbs, bullets per role, words per page."""

from __future__ import annotations

import string
from collections.abc import Sequence

from atsmatch._bytetable import non_ascii
from atsmatch.models import BulletFeedback, Resume, RoleBullets, WordCount

__all__ = ["QUANTIFIED_TARGET", "WORDS_PER_PAGE", "role_bullets", "verb_counts", "word_count"]

QUANTIFIED_TARGET = 0.6  # career guides aim for a figure in about 60% of bullets
WORDS_PER_PAGE = (475, 600)  # the commonly cited sweet spot


def verb_counts(bullets: Sequence[BulletFeedback]) -> dict[str, int]:
    """How many bullets each opening verb (its base form when known) opens, in first-use order."""
    verbs = [b.verb_base or b.verb.lower() for b in bullets if b.verb]
    return {v: verbs.count(v) for v in dict.fromkeys(verbs)}


def role_bullets(resume: Resume, bullets: Sequence[BulletFeedback]) -> tuple[RoleBullets, ...]:
    """Bullets per role: two to six reads as substantial without burying the best ones."""
    # Whether each bullet has a figure, by role: one pass, each bullet's fields in one read
    # (a model's attribute reads are slow).
    by_role: dict[int | None, list[bool]] = {}
    for bullet in bullets:
        fields = bullet.__dict__
        by_role.setdefault(fields["role"], []).append(bool(fields["results"]))
    out = []
    for index, role in enumerate(resume.roles):
        mine = by_role.get(index, [])
        quantified = mine.count(True)
        advice = None
        if len(mine) < 2:
            advice = "add two or three bullets with what you did and what changed"
            if mine:
                advice = "add one or two more bullets with what you did and what changed"
        elif len(mine) > 6:
            advice = "keep the four to six strongest bullets; recruiters skim past the rest"
        elif mine and not quantified:
            advice = "no bullet in this role has a figure: add one to the strongest bullet"
        out.append(
            RoleBullets._trusted(  # our own values, of the fields' types
                role=index,
                title=role.title,
                organization=role.organization,
                bullets=len(mine),
                quantified=quantified,
                advice=advice,
            )
        )
    return tuple(out)


# A word is `[A-Za-z0-9][\w'+#./-]*`: it opens at an ASCII letter or digit and runs on through
# word characters and ' + # . / -. So each run of those characters holding an ASCII letter or
# digit is one word: with the characters that only continue a word deleted, each ASCII letter
# or digit an "a" and every other character a space, each word is a run of "a"s, counted where
# it starts (no list of words is made). Counted on bytes, several times faster than finding the
# words (tests hold the count to the pattern's on the corpus).
_ALNUM = (string.ascii_letters + string.digits).encode("ascii")
_WORD_RUNS = bytes(0x61 if byte in _ALNUM else 0x20 for byte in range(256))  # "a" or a space
_CONTINUE_ONLY = b"_'+#./-"


def _count_words(text: str) -> int:
    """How many words the text has (`[A-Za-z0-9][\\w'+#./-]*`)."""
    if not text.isascii():
        # Each distinct non-ASCII character as the ASCII one it acts as: a word character
        # continues a word as "_" does, any other (a lone surrogate too) ends it as a space does.
        for char in non_ascii(text):
            text = text.replace(char, "_" if char.isalnum() else " ")
    runs = text.encode("ascii").translate(_WORD_RUNS, _CONTINUE_ONLY)
    return runs.count(b" a") + runs.startswith(b"a")


def word_count(resume: Resume) -> WordCount:
    """Words in the whole resume against 475-600 words per page."""
    document = resume.document
    words = _count_words(document.text)
    pages = max(1, document.pages)
    estimated = document.pages_estimated
    per_page = round(words / pages, 1)
    low, high = WORDS_PER_PAGE
    about = "about " if estimated else ""
    advice = None
    if per_page < low:
        advice = (
            f"{about}{per_page:.0f} words per page is below the {low}-{high} most resumes aim for: "
            "give your strongest bullets their context and results"
        )
    elif per_page > high:
        advice = (
            f"{about}{per_page:.0f} words per page is above the {low}-{high} most resumes aim for: "
            "cut older or weaker bullets"
        )
    return WordCount._trusted(  # our own values, of the fields' types
        words=words, pages=pages, pages_estimated=estimated, per_page=per_page, advice=advice
    )
