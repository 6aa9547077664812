"""Role dates as a typed value: `YearMonth` parsing, printing, ordering and month arithmetic."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from atsmatch.structure import dates
from atsmatch.structure.dates import YearMonth, find_date_range


class TestYearMonth:
    """The value role dates are compared and counted with."""

    @pytest.mark.parametrize("text", ["2021-03", "2019", "1999-12", "2020-01"])
    def test_round_trip(self, text: str) -> None:
        """`str(YearMonth.parse(s))` gives back the same string."""
        assert str(YearMonth.parse(text)) == text

    @pytest.mark.parametrize(
        "text", ["", "2021-13", "2021-00", "2021-3", "21-03", "2021-03-01", "March 2021", " 2021"]
    )
    def test_parse_rejects(self, text: str) -> None:
        """Anything but "YYYY-MM" or "YYYY" with a real month is a ValueError."""
        with pytest.raises(ValueError):
            YearMonth.parse(text)

    def test_month_checked_on_construction(self) -> None:
        """A month outside 1-12 cannot be built directly either."""
        with pytest.raises(ValueError):
            YearMonth(2021, 13)

    def test_ordering(self) -> None:
        """Dates sort by year then month; a year alone sorts before its months."""
        dates = [YearMonth(2021, 1), YearMonth(2020, 12), YearMonth(2021), YearMonth(2020, 1)]
        assert sorted(dates) == [
            YearMonth(2020, 1),
            YearMonth(2020, 12),
            YearMonth(2021),
            YearMonth(2021, 1),
        ]
        assert YearMonth(2021, 3) <= YearMonth(2021, 3) < YearMonth(2021, 4)

    def test_months_between(self) -> None:
        """Subtraction counts months, across a year boundary too."""
        assert YearMonth.parse("2022-03") - YearMonth.parse("2021-03") == 12
        assert YearMonth(2021, 1) - YearMonth(2020, 12) == 1

    def test_year_alone_spans_the_year(self) -> None:
        """A year alone covers January to December: `first` and `last` say which end."""
        year = YearMonth.parse("2019")
        assert (year.first, year.last) == (YearMonth(2019, 1), YearMonth(2019, 12))
        assert year.last - year.first + 1 == 12

    def test_of_date(self) -> None:
        """`YearMonth.of` is the month a day falls in."""
        assert YearMonth.of(date(2024, 2, 10)) == YearMonth(2024, 2)

    def test_immutable_and_hashable(self) -> None:
        """A value: equal values are one dictionary key, and fields cannot be reassigned."""
        assert {YearMonth.parse("2021-03"): 1}[YearMonth(2021, 3)] == 1
        with pytest.raises(dataclasses.FrozenInstanceError):
            YearMonth(2021, 3).year = 2022  # type: ignore[misc]

    @pytest.mark.parametrize(
        "text", ["Jan 2020 – Mar 2022", "May '19 – Aug ’21", "2019 – 2021", "Summer 2021"]
    )
    def test_found_dates_parse(self, text: str) -> None:
        """Every date `find_date_range` writes parses back into a `YearMonth`."""
        found = find_date_range(text)
        assert found is not None and found.start is not None and found.end is not None
        assert str(YearMonth.parse(found.start)) == found.start
        assert YearMonth.parse(found.start).first <= YearMonth.parse(found.end).last


class TestCaseBlindTwins:
    """A month or season written with a letter the case-blind patterns take for an ASCII one
    ("ſep", "Wınter") is read as that month, never a crash on an odd resume."""

    def test_every_twin_of_every_letter(self) -> None:
        """Each letter of each name swapped for every character its pattern matches."""
        import re

        from atsmatch.structure import dates

        twins = {
            letter: [
                chr(code)
                for code in range(0x3000)
                if chr(code) != letter and re.fullmatch(letter, chr(code), re.IGNORECASE)
            ]
            for letter in "abcdefghijklmnopqrstuvwxyz"
        }
        names = {**dates._MONTHS, **dates._SEASONS}
        for name, month in names.items():
            for at, letter in enumerate(name):
                for twin in twins[letter]:
                    written = name[:at] + twin + name[at + 1 :]
                    found = find_date_range(f"{written} 2020 - 2021")
                    assert found is not None, written
                    assert found.start == f"2020-{month:02d}", written


class TestSearchStart:
    """The searches start just before the first year, so a date anywhere in a line is found
    whole, from its month's name on."""

    @pytest.mark.parametrize(
        ("text", "start"),
        [
            ("Senior Engineer, Acme, Austin, TX    September, 2019 – Present", "2019-09"),
            ("Data Analyst — Northgate    03 / 2016 – 05 / 2018", "2016-03"),
            ("Built a model for 2020 users    Sept.  2021 – Jun 2022", "2021-09"),
            ("Placed in the top 4% of 2019 teams    Summer 2021", "2021-06"),
        ],
    )
    def test_date_at_the_right_edge(self, text: str, start: str) -> None:
        """The span covers the whole written date, month name and all."""
        found = find_date_range(text)
        assert found is not None and found.start == start
        written = text.rstrip().split("    ")[-1]
        assert text[found.span[0] : found.span[1]] == written

    @pytest.mark.parametrize(
        "text",
        ["AWS Certified Cloud Practitioner (2021)", "trained on 200M rows", "+1 415 555 0134"],
    )
    def test_no_date(self, text: str) -> None:
        """A bare year, a count or a phone number is no date."""
        assert find_date_range(text) is None


class TestDateWriting:
    """Dates are written as `YearMonth` writes them, from a table of months."""

    def test_as_year_month_writes_them(self) -> None:
        """Every date found on a corpus line, and one of each form, reads back unchanged."""
        from tests.conftest import corpus_lines

        forms = ["Mar 2021 – Present", "Sept. '19 - 2020", "Winter 2020 – Summer 2021",
                 "3/2019 – 12/2020", "2019-01 to 2020-11", "1995 – 2001", "May 2014"]  # fmt: skip
        found = [find_date_range(text) for text in [*corpus_lines(), *forms]]
        dates = [d for r in found if r is not None for d in (r.start, r.end) if d is not None]
        assert len(dates) > 20
        for written in dates:
            assert str(YearMonth.parse(written)) == written


def test_year_scan_finds_exactly_the_years_dates_hold() -> None:
    """`_YEARISH`, the cheap scan that spares the date patterns a line without a year, takes
    exactly the year forms they hold (`_YEAR`, `_SHORT_YEAR`), every candidate tried: a form
    added to one and not the other fails here."""
    years = re.compile(rf"(?:{dates._YEAR}|{dates._SHORT_YEAR})")
    candidates = [f"{lead}{n:03d}" for lead in "0123456789" for n in range(1000)]
    candidates += [f"{quote}{n:02d}" for quote in "'’`" for n in range(100)]
    found = [c for c in candidates if dates._YEARISH.fullmatch(c)]
    assert found == [c for c in candidates if years.fullmatch(c)]
    assert len(found) == 150 + 200  # 1950-2099, and '00-'99 with either quote
