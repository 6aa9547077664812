"""CID font width tables: ranges outside 16-bit character ids are dropped, real ones kept."""

from __future__ import annotations

from atsmatch.documents.fontwidths import MAX_CID, bounded_ranges


class TestBoundedRanges:
    def test_real_ranges_are_kept(self) -> None:
        """A table as real fonts write it passes unchanged."""
        table = [1, [500, 600], 10, 20, 700, 30, [250]]
        assert bounded_ranges(table, 3) == table

    def test_huge_range_is_dropped(self) -> None:
        """A run reaching past the 16-bit id space is dropped; its neighbours stay."""
        table = [0, 2_000_000_000, 500, 10, [600, 600], 70_000, 70_010, 500]
        assert bounded_ranges(table, 3) == [10, [600, 600]]

    def test_negative_and_reversed_ranges_are_dropped(self) -> None:
        """Ranges that start below 0 or end before they start are not widths."""
        assert bounded_ranges([-5, 10, 500, 20, 10, 500], 3) == []

    def test_list_cut_at_the_last_id(self) -> None:
        """A width list that would run past the last id is cut there (per id stride)."""
        start = MAX_CID - 1
        assert bounded_ranges([start, [1, 2, 3, 4]], 3) == [start, [1, 2]]
        assert bounded_ranges([start, [1, 2, 3, 4, 5, 6, 7, 8, 9]], 5, 3) == [
            start,
            [1, 2, 3, 4, 5, 6],
        ]

    def test_vertical_runs_use_five_numbers(self) -> None:
        """/W2 runs are c_first c_last w vx vy."""
        assert bounded_ranges([1, 3, 1000, 500, 880], 5, 3) == [1, 3, 1000, 500, 880]
        assert bounded_ranges([1, 3_000_000, 1000, 500, 880], 5, 3) == []
