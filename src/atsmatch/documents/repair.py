"""Text repairs shared by every reader, so PDF, DOCX and text lines look alike downstream.

Extraction leaves junk that no resume author typed: `(cid:NNN)` placeholders and private-use
glyphs from icon fonts, typographic ligatures from LaTeX, runs of spaces from justified text,
invisible characters, and words broken across line ends. Repairs here are conservative: they
only remove or rejoin, never reword, so every matched keyword still points at text that was
in the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["COMPOUND_PREFIXES", "count_repairs", "has_ligatures", "join_hyphenated", "repair_text"]

_CID = re.compile(r"\(cid:\d+\)")
# Private-use area (icon fonts such as FontAwesome), zero-width and soft-hyphen characters,
# and C0/C1 controls other than tab.
_JUNK = re.compile("[\ue000-\uf8ff\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0a-\x1f\x7f-\x9f]")
_SPACES = re.compile(
    r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)
# The only spaces `_SPACES` finds in a printable line (Unicode spaces are unprintable): runs of
# plain ones, which this pattern finds at a quarter of the cost.
_SPACE_RUN = re.compile("  +")
_TABS = re.compile(r" *\t[ \t]*")
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)

# Left halves that usually form real compounds ("cloud-native", "end-to-end"): a line-end
# hyphen after one of these is kept rather than treated as a soft word break.
COMPOUND_PREFIXES = frozenset(
    {
        "back",
        "cloud",
        "cross",
        "data",
        "end",
        "fine",
        "front",
        "full",
        "high",
        "large",
        "low",
        "multi",
        "non",
        "open",
        "real",
        "self",
        "state",
        "well",
    }
)
_HYPHEN_END = re.compile(r"(?:^|(?<=\s))([a-z]+)-$")
_LOWER_START = re.compile(r"^([a-z]+)(\S*) *")


def repair_text(text: str, *, ligatures: bool = True) -> str:
    """Drop extraction junk, undo ligatures, collapse space runs, strip the ends.

    Tabs survive (collapsed to one): they mark a jump between fragments on one line, such as a
    job title and right-aligned dates. `ligatures=False` says the text holds none (the caller
    asked `has_ligatures` of the whole document once), which spares each line that scan.

    >>> repair_text("E\ufb03cient  (cid:3)data \ue0a0pipelines ")
    'Efficient data pipelines'
    """
    if "(cid:" in text:
        text = _CID.sub("", text)
    # Junk and Unicode spaces are all unprintable, so a printable line (bullets and dashes
    # included) needs neither regex unless it holds a run of plain spaces.
    printable = text.isprintable()
    if ligatures and not text.isascii() and _LIGATURE.search(text):
        text = text.translate(_LIGATURES)  # walks a dict per character: only if needed
    if not printable:
        text = _SPACES.sub(" ", _JUNK.sub("", text))
    elif "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if "\t" in text:
        text = _TABS.sub("\t", text)
    return text.strip(" \t")


# What an ATS would show as junk or lose silently: placeholders for unmapped glyphs, icon-font
# code points and zero-width characters inside words.
_JUNK_GLYPH = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff\u200b-\u200d\u2060\ufeff]")
_LIGATURE = re.compile("[\ufb00-\ufb06]")
_LIGATURE_CHARS = tuple(map(chr, range(0xFB00, 0xFB07)))


def has_ligatures(text: str) -> bool:
    """Whether `text` holds a typographic ligature ("ﬁ").

    Seven substring tests cost a fifth of the pattern's scan of non-ASCII text.

    >>> has_ligatures("e\ufb03cient"), has_ligatures("efficient • fast")
    (True, False)
    """
    return not text.isascii() and any(ligature in text for ligature in _LIGATURE_CHARS)


def count_repairs(texts: Iterable[str]) -> tuple[int, int]:
    """Junk glyphs and ligatures in raw extracted text, counted before `repair_text` hides them.

    The reader repairs what it can, but an ATS with a plainer extractor sees the raw glyphs, so
    the parseability checks need the counts.

    >>> count_repairs(["(cid:3) \ue0a0 e\ufb03cient"])
    (2, 1)
    """
    junk = ligatures = 0
    for text in texts:
        if not text.isascii() or "(cid:" in text:
            junk += len(_JUNK_GLYPH.findall(text))
            ligatures += len(_LIGATURE.findall(text))
    return junk, ligatures


def join_hyphenated(texts: Sequence[str], *, soft: bool = True) -> list[str]:
    """Rejoin words split across consecutive lines with a line-end hyphen.

    "engi-" + "neering skills" becomes "engineering" + "skills": the fragment moves up to the
    first line so that each word sits on exactly one line. Both halves must be lowercase letters
    (so "2019-" or "Python-" are left alone). With `soft` (the producer hyphenates words, as
    TeX does) the hyphen is dropped, except after a common compound prefix ("cloud-" +
    "native"); without it the hyphen is always kept ("community-driven"). A second line left
    empty becomes "" and callers drop it; right-aligned cells left alone on it ("eling\t4 months")
    move up as cells of the first line, so they are not read as text of the next line.

    >>> join_hyphenated(["strong engi-", "neering skills", "cloud-", "native apps"])
    ['strong engineering', 'skills', 'cloud-native', 'apps']
    >>> join_hyphenated(["community-", "driven teams"], soft=False)
    ['community-driven', 'teams']
    """
    out = list(texts)
    for i in range(len(out) - 1):
        # A right-aligned fragment may follow the broken word after a tab ("submis-\t2022").
        text, tab, rest = out[i].partition("\t")
        left = _HYPHEN_END.search(text)
        if left is None:
            continue
        right = _LOWER_START.match(out[i + 1])
        if right is None:
            continue
        fragment = right.group(1) + right.group(2)
        keep = not soft or left.group(1).lower() in COMPOUND_PREFIXES
        out[i] = (text if keep else text[:-1]) + fragment + tab + rest
        out[i + 1] = out[i + 1][right.end() :]
        if out[i + 1].startswith("\t"):  # only right-aligned cells were left: keep them as cells
            out[i] += out[i + 1]
            out[i + 1] = ""
    return out
