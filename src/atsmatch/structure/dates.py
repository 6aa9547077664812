"""Dates and date ranges as resumes write them, turned into "YYYY-MM" / "YYYY".

Handles "Jan 2020 – Present", "January 2020 - Mar 2022", "01/2020 – 03/2022",
"2020-01 to 2022-03", "2019 – 2021", "Summer 2021", "Jun. 2018 -- Aug. 2019" and friends.
A bare year alone is a date only inside a range, so "ICML 2022 paper" is not a role date.

The models keep dates as those strings (the JSON contract); `YearMonth` is the typed value to
compare and count months with, parsed from them once.

>>> start, end = YearMonth.parse("2021-03"), YearMonth.parse("2022")
>>> str(start), str(end), end.last - start.first
('2021-03', '2022', 21)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from atsmatch._ignorecase import folded

__all__ = ["DateRange", "YearMonth", "find_date_range"]


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class YearMonth:
    """A month of a year, or a year alone ("2019" in "2019 – 2021"): the dates roles carry.

    Subtraction counts months between two dates (a year alone counts as its January, so take
    `first` or `last` to say which end of the year is meant). A year alone sorts before its
    months.
    """

    year: int
    month: int | None = None  # 1-12; None for a year alone

    def __post_init__(self) -> None:
        if not 0 <= self.year <= 9999 or (self.month is not None and not 1 <= self.month <= 12):
            raise ValueError(f"not a year and month: {self.year}, {self.month}")

    @classmethod
    def parse(cls, text: str) -> YearMonth:
        """ "YYYY-MM" or "YYYY", as `find_date_range` writes them; ValueError otherwise."""
        m = _YEAR_MONTH.fullmatch(text)
        if m is None:
            raise ValueError(f'not a "YYYY-MM" or "YYYY" date: {text!r}')
        return cls(int(m.group(1)), int(m.group(2)) if m.group(2) else None)

    @classmethod
    def of(cls, day: date) -> YearMonth:
        """The month `day` falls in."""
        return cls(day.year, day.month)

    @property
    def first(self) -> YearMonth:
        """The first month this date covers: January for a year alone."""
        return self if self.month is not None else YearMonth(self.year, 1)

    @property
    def last(self) -> YearMonth:
        """The last month this date covers: December for a year alone."""
        return self if self.month is not None else YearMonth(self.year, 12)

    def __str__(self) -> str:
        return f"{self.year:04d}" if self.month is None else f"{self.year:04d}-{self.month:02d}"

    def __sub__(self, other: YearMonth) -> int:
        return self.ordinal - other.ordinal

    def __lt__(self, other: YearMonth) -> bool:
        return (self.year, self.month or 0) < (other.year, other.month or 0)

    @property
    def ordinal(self) -> int:
        """Months since January of year 0 (a year alone counts as its January): an int to
        compare and count with where many dates are compared."""
        return self.year * 12 + (self.month or 1) - 1


_YEAR_MONTH = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_TWO_DIGITS = tuple(f"{month:02d}" for month in range(13))  # a month as dates write it
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_SHORT_YEAR = r"['’]\d\d"
# One date; named groups tell the parser which form matched.
_DATE = (
    rf"(?:(?P<{{p}}mon>{_MONTH})\s*,?\s*(?P<{{p}}my>{_YEAR}|{_SHORT_YEAR})"
    rf"|(?P<{{p}}sea>{_SEASON})\s*,?\s*(?P<{{p}}sy>{_YEAR})"
    rf"|(?P<{{p}}nm>0?[1-9]|1[0-2])\s*[/.]\s*(?P<{{p}}ny>{_YEAR})"
    rf"|(?P<{{p}}iy>{_YEAR})[-/.](?P<{{p}}im>0[1-9]|1[0-2])(?![\d])"
    rf"|(?P<{{p}}y>{_YEAR}))"
)
_PRESENT = r"(?:present|current(?:ly)?|now|today|ongoing|to\s+date|date|till\s+date)"
_SEP = r"\s*(?:-{1,2}|–|—|−|~|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"

# Every date opens with a digit or one of these letters (a month's or a season's): a position
# most often fails at that one look-ahead, before any form is tried.
_OPENS = r"(?=[jfmasondw\d])"
_RANGE = re.compile(
    rf"{_OPENS}(?<![\w./+-])(?:{_DATE.format(p='s')}){_SEP}"
    rf"(?:(?P<present>{_PRESENT})|{_DATE.format(p='e')})(?![\w/])",
    re.IGNORECASE,
)
# A single month-or-season date ("Summer 2021", "May 2014"): never a bare year.
_SINGLE = re.compile(
    rf"{_OPENS}(?<![\w./+-])(?:(?P<smon>{_MONTH})\s*,?\s*(?P<smy>{_YEAR}|{_SHORT_YEAR})"
    rf"|(?P<ssea>{_SEASON})\s*,?\s*(?P<ssy>{_YEAR})"
    rf"|(?P<snm>0?[1-9]|1[0-2])\s*/\s*(?P<sny>{_YEAR}))(?![\w/])",
    re.IGNORECASE,
)
# Every date above holds a year ("19[5-9]\d", "20\d\d", "'\d\d"), so text without one holds
# none: a scan far cheaper than the two above, and most lines fail it ("200M", "+1 415" too).
# It opens with a character class, which the regex engine skips ahead to at C speed.
_YEARISH = re.compile(r"[12'’](?:(?<=1)9[5-9]|(?<=2)0\d|(?<=['’])\d)\d")


@dataclass(frozen=True, slots=True)
class DateRange:
    """A date range found in a line: where it sits and what it means."""

    start: str | None
    end: str | None
    current: bool
    span: tuple[int, int]


def find_date_range(text: str, *, single: bool = True) -> DateRange | None:
    """The first date range in `text` ("Jan 2020 – Present"), else a single month/season date.

    A single date stands for both start and end (an internship "Summer 2021"); `single=False`
    accepts ranges only.
    """
    # Each year-shaped token holds one of these: four substring scans turn most lines away
    # at a third of the pattern's cost.
    if "19" not in text and "20" not in text and "'" not in text and "’" not in text:
        return None
    year = _YEARISH.search(text)
    if year is None:
        return None
    # No date starts before the first year-shaped token by more than a month's name (nine
    # letters at most) and the spaces and marks between ("September, 2021", "03 / 2021"): the
    # searches start there, not at the start of a line whose dates sit at its right edge.
    gap = year.start()
    while gap and (text[gap - 1].isspace() or text[gap - 1] in ",./"):
        gap -= 1
    start_at = max(0, gap - 9)
    match = _RANGE.search(text, start_at)
    if match is not None:
        groups = match.groups()  # one tuple for every field read below
        start = _date(groups, _START)
        if groups[_PRESENT_AT]:
            return DateRange(start, None, True, match.span())
        end = _date(groups, _END)
        if start is not None and end is not None and _year(end) >= _year(start):
            return DateRange(start, end, False, match.span())
    if not single:
        return None
    found = _SINGLE.search(text, start_at)
    if found is None:
        return None
    date = _date(found.groups(), _START)
    return DateRange(date, date, False, found.span()) if date else None


# Where each date's groups start in a match's `groups()` (its five forms' fields in `_DATE`'s
# order), and "present": `_SINGLE` has the start's first six, at the places `_RANGE` has them.
_START = _RANGE.groupindex["smon"] - 1
_END = _RANGE.groupindex["emon"] - 1
_PRESENT_AT = _RANGE.groupindex["present"] - 1
assert _SINGLE.groupindex["smon"] - 1 == _START and _SINGLE.groupindex["sny"] - 1 == _START + 5


def _date(groups: tuple[Any, ...], at: int) -> str | None:
    """The date a form of `_DATE` matched, its groups from `at` on in `groups`, written as
    `YearMonth` writes it.

    The groups are read from the match's one `groups()` tuple by position (a named `group` per
    field costs a lookup and a call each), and the string is written directly: every year and
    month the patterns admit is a valid `YearMonth`, and this runs for every date line.
    A `_SINGLE` match is one of the first three forms, so the last two are asked of ranges only.
    Years are 1950-2099 (four digits) and months are written from a table, as formatting a
    number to a width costs more than the rest.
    """
    if name := groups[at]:
        year, month = _full_year(groups[at + 1]), _MONTHS[folded(name)[:3]]
    elif name := groups[at + 2]:
        year, month = int(groups[at + 3]), _SEASONS[folded(name)]
    elif number := groups[at + 4]:
        year, month = int(groups[at + 5]), int(number)
    elif number := groups[at + 6]:
        year, month = int(number), int(groups[at + 7])
    elif number := groups[at + 8]:
        return str(int(number))
    else:
        return None
    return f"{year}-{_TWO_DIGITS[month]}"


def _full_year(text: str) -> int:
    if text[0] in "'’":
        short = int(text[1:])
        return 2000 + short if short < 50 else 1900 + short
    return int(text)


def _year(date: str) -> int:
    return int(date[:4])  # `_date` writes "YYYY" or "YYYY-MM"
