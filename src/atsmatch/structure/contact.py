"""Contact details: name, email, phone, profiles, website and location from a resume's lines.

Looks in the header section and the page header/footer bands first (where people put them),
then anywhere. Phone numbers must hold 10-15 digits and must not read as a date range, so
"2019 - 2021" or "01/2020 – 03/2022" never become a phone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from atsmatch._ignorecase import cased
from atsmatch.models import Contact
from atsmatch.structure.dates import find_date_range
from atsmatch.structure.lines import Layout

__all__ = ["extract_contact", "find_location"]

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_PHONE = re.compile(
    r"(?<![\w.])(?:\+\s?\d{1,3}[\s.-]*)?(?:\(\d{1,4}\)[\s.-]*)?\d[\d\s.-]{6,18}\d(?![\w])"
)
_LINKEDIN = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub)/[\w%-]+/?", re.I)
_GITHUB = re.compile(r"(?:https?://)?(?:www\.)?github\.com/[A-Za-z0-9-]+/?", re.I)
_ENDINGS = "com|io|dev|me|org|net|ai|co|app|xyz|info|tech|site|page|us|uk|de|in|ca|eu|blog"


def _any_case(word: str) -> str:
    """`word` as a case-sensitive pattern matching what IGNORECASE would ("co" as "[cC][oO]"):
    a case-blind scan of every line is dear, classes of letters are not."""
    return "".join(f"[{cased(c)}]" for c in word)


_TLD = re.compile(
    r"\.(?:" + "|".join(_any_case(ending) for ending in _ENDINGS.split("|")) + r")(?![\w@])"
)
_URL = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:com|io|dev|me|org|net|ai|co|app|xyz|info|tech|site|page|us|uk|de|in|ca|eu|blog)"
    r"(?:/[^\s|,;]*)?(?![\w@])",
    re.I,
)
_PROFILE = re.compile(r"linkedin\.com|github\.com", re.I)
# The site each profile pattern names, found first: the patterns' optional prefixes make them
# slow to scan a long contact line, so they start at most this far before the site's name
# ("https://" and "www." or a country's "uk.").
_LINKEDIN_SITE = re.compile(r"linkedin\.com/", re.I)
_GITHUB_SITE = re.compile(r"github\.com/", re.I)
_PREFIX = 12
# Every cell break opens with a space or a mark: the look-ahead turns other positions away first.
_NAME_SPLIT = re.compile(r"(?=[\s|•·,–—])(?:\s*[|•·,–—\t]\s*|\s{3,})")
_NAME_MARKUP = re.compile(r"^#+\s*|\*\*|__")
_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
    "ON",
    "BC",
    "QC",
    "AB",
    "MB",
    "NS",
]
_COUNTRIES = (
    "USA|U\\.S\\.A\\.|US|United States|UK|U\\.K\\.|United Kingdom|England|Scotland|Ireland|Canada|"
    "India|Germany|France|Spain|Italy|Portugal|Netherlands|Belgium|Switzerland|Austria|Sweden|Norway|"
    "Denmark|Finland|Poland|Czechia|Czech Republic|Romania|Greece|Turkey|Türkiye|Israel|UAE|"
    "United Arab Emirates|Saudi Arabia|Egypt|Nigeria|Kenya|South Africa|Brazil|Mexico|Argentina|"
    "Chile|Colombia|Peru|China|Japan|Korea|South Korea|Singapore|Malaysia|Indonesia|Philippines|"
    "Vietnam|Thailand|Pakistan|Bangladesh|Sri Lanka|Nepal|Australia|New Zealand|Taiwan|Hong Kong"
)
# Possessive: a city's words end at a space or a comma, never inside a word, so giving letters
# back cannot make a match, and a failing start is left at once.
_CITY = r"[A-ZÀ-Þ][\w.'’-]*+(?:[ -][A-ZÀ-Þ][\w.'’-]*+){0,3}+"
# Every form opens with a capital: the leading look-ahead turns other positions away first.
_LOCATION = re.compile(
    rf"(?=[A-ZÀ-Þ])(?:(?<![\w])(?:{_CITY}),\s*"
    rf"(?:(?:{'|'.join(_STATES)})(?![\w])|(?:{_COUNTRIES})(?![\w]))"
    r"|(?<![\w])(?:Remote|Hybrid)(?:\s*\((?:[^)]{1,30})\))?(?![\w]))"
)
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-Þ][a-zà-ÿ'’-]+|[A-ZÀ-Þ]\.?|[A-ZÀ-Þ][A-ZÀ-Þ'’-]+|Mc[A-Z][a-z]+)$"
)
# Searched in the lowercased candidate: its words are Latin-1 letters (`_NAME_WORD`), which
# lowercase one to one as a case-blind pattern would fold them, and a case-blind scan is dear.
_NOT_NAME = re.compile(
    r"resume|curriculum|vitae|\bcv\b|engineer|scientist|developer|analyst|manager|university|"
    r"experience|education|skills|summary|profile|street|avenue|remote"
)


def find_location(text: str) -> re.Match[str] | None:
    """The first "City, ST" / "City, Country" / "Remote" in the text."""
    if "," not in text and "Remote" not in text and "Hybrid" not in text:
        return None  # each form needs one of these: most lines are spared the scan
    return _LOCATION.search(text)


def extract_contact(
    layout: Layout, header: Sequence[int], headings: frozenset[str] = frozenset()
) -> Contact:
    """Contact details, preferring the header section (`header` = its line indices) and bands."""
    written = layout.texts
    preferred = list(dict.fromkeys([*header, *layout.bands]))
    taken = set(preferred)
    rest = [i for i in range(len(written)) if i not in taken]
    order = preferred + rest
    texts = [written[i] for i in order]
    return Contact._trusted(
        name=_name(layout, header or list(range(min(len(written), 5))), headings),
        email=_email(texts),
        phone=_phone(texts),
        linkedin=_linkedin(texts),
        github=_github(texts),
        website=_website(texts),
        location=_location([written[i] for i in preferred] or texts[:8]),
    )


def _emails(text: str) -> Iterator[re.Match[str]]:
    """`_EMAIL`'s matches in `text`, searched from the word its first "@" is in.

    An address's part before the "@" has no space and no "@", so none starts before that word;
    the pattern, tried from every position, would read each word up to its end first.
    """
    at = text.find("@")
    if at < 0:
        return iter(())
    return _EMAIL.finditer(text, text.rfind(" ", 0, at) + 1)


def _email(texts: Sequence[str]) -> str | None:
    for text in texts:
        match = next(_emails(text), None)
        if match:
            return match.group(0) or None
    return None


def _near_site(
    site: re.Pattern[str], pattern: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """`pattern`'s matches in `text`, searched from just before where `site` is first named
    (none when it is not)."""
    found = site.search(text)
    if found is None:
        return iter(())
    return pattern.finditer(text, max(0, found.start() - _PREFIX))


def _linkedin(texts: Sequence[str]) -> str | None:
    for text in texts:
        match = next(_near_site(_LINKEDIN_SITE, _LINKEDIN, text), None)
        if match:
            return match.group(0).rstrip("/") or None
    return None


def _github(texts: Sequence[str]) -> str | None:
    for text in texts:
        for match in _near_site(_GITHUB_SITE, _GITHUB, text):
            found = match.group(0).rstrip("/")
            if not found.lower().endswith(("/features", "/about", "/pricing")):
                return found
    return None


def _phone(texts: Sequence[str]) -> str | None:
    for text in texts:
        for match in _PHONE.finditer(text):
            candidate = match.group(0).strip(" .-")
            digits = sum(ch.isdigit() for ch in candidate)
            if not 10 <= digits <= 15:
                continue
            if find_date_range(candidate, single=False) is not None:
                continue
            # A run of digits with no separators at all is an id, not a phone (unless +CC).
            if candidate.isdigit() and len(candidate) > 11:
                continue
            return candidate
    return None


def _website(texts: Sequence[str]) -> str | None:
    # A cheap scan for the domain ending spares most lines _URL. It runs once over the lines
    # joined, from line to line that holds one: an ending never spans a line break, and one
    # at a line's end is followed by a break, which its look-ahead reads as the text's end.
    joined = "\n".join(texts)
    tld = _TLD.search(joined)
    start = 0  # where the line starts in `joined`
    for text in texts:
        if tld is None:
            return None
        end = start + len(text)
        if tld.start() >= end:  # no ending in this line
            start = end + 1
            continue
        emails = [m.span() for m in _emails(text)]
        # Every address holds such an ending and no space before it: none starts before the
        # word the first ending closes.
        first = tld.start() - start
        start = end + 1
        tld = _TLD.search(joined, start)
        for match in _URL.finditer(text, text.rfind(" ", 0, first) + 1):
            if any(a <= match.start() < b for a, b in emails):
                continue
            found = match.group(0).rstrip("/.")
            if _PROFILE.search(found):
                continue
            return found
    return None


def _location(texts: Sequence[str]) -> str | None:
    for text in texts:
        match = find_location(text)
        if match:
            return match.group(0)
    return None


def _name(layout: Layout, candidates: Sequence[int], headings: frozenset[str]) -> str | None:
    best: tuple[float, str] | None = None
    largest = layout.largest_size
    for rank, index in enumerate(candidates[:10]):
        line = layout.fields[index]
        for part in _NAME_SPLIT.split(layout.stripped[index]):
            if "**" in part or "__" in part or part.startswith("#"):  # else nothing to remove
                part = _NAME_MARKUP.sub("", part)
            part = part.strip()
            words = part.split()
            # Cheapest tests first: the case-blind _NOT_NAME scan is the dearest. Name words hold
            # no digit and no "@", so no e-mail address or phone number passes.
            if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
                continue
            lowered = part.lower()
            if _NOT_NAME.search(lowered) or lowered in headings:
                continue
            if find_location(part):
                continue
            score = 3.0 - rank * 0.5
            size = line["size"]
            if size and largest and size >= largest - 0.1:
                score += 2.0
            if line["bold"]:
                score += 0.5
            if best is None or score > best[0]:
                best = (score, part)
            break
    return best[1] if best else None
