"""`map_reader_errors`: one table turns a reader's failures into typed errors."""

from __future__ import annotations

import pytest

from atsmatch.documents.errormap import ErrorMap, LimitReached, map_reader_errors
from atsmatch.errors import (
    CorruptDocumentError,
    EncryptedDocumentError,
    LimitExceededError,
    NoTextLayerError,
)

ERRORS: ErrorMap = {
    LimitReached: (LimitExceededError, "{exc}"),
    LookupError: (EncryptedDocumentError, "locked"),
    Exception: (CorruptDocumentError, "could not be parsed ({kind}: {exc})"),
}


def mapped(exc: BaseException, errors: ErrorMap = ERRORS) -> BaseException:
    with pytest.raises(BaseException) as caught, map_reader_errors("cv.pdf", errors):
        raise exc
    return caught.value


class TestMapReaderErrors:
    def test_cause_chained_and_source_named(self) -> None:
        """The typed error names the file and chains the original exception."""
        original = ValueError("bad xref")
        error = mapped(original)
        assert isinstance(error, CorruptDocumentError)
        assert error.__cause__ is original
        assert str(error) == "cv.pdf: could not be parsed (ValueError: bad xref)"

    def test_most_specific_class_wins(self) -> None:
        """A subclass entry beats its base class, whatever the table's order."""
        assert isinstance(mapped(KeyError("x")), EncryptedDocumentError)
        assert isinstance(mapped(LimitReached("more than 3 pages")), LimitExceededError)

    def test_limit_message_kept(self) -> None:
        """A bound's own message becomes the error's reason."""
        error = mapped(LimitReached("more than 3 pages"))
        assert isinstance(error, LimitExceededError)
        assert error.reason == "more than 3 pages"

    def test_typed_errors_pass_unchanged(self) -> None:
        """An AtsmatchError raised inside is not wrapped again."""
        original = NoTextLayerError("empty", source="other.pdf")
        assert mapped(original) is original

    def test_unmapped_exceptions_propagate(self) -> None:
        """An exception the table does not name is left alone."""
        original = ValueError("x")
        assert mapped(original, {LimitReached: (LimitExceededError, "{exc}")}) is original

    def test_long_messages_cut(self) -> None:
        """A parser message quoting the file is cut to 300 characters."""
        error = mapped(ValueError("x" * 1_000))
        assert isinstance(error, CorruptDocumentError)
        assert len(error.reason) == 300
