"""What a reader's failures become: one table per reader, applied by `map_reader_errors`.

Parsers fail in their own ways (pdfminer's exceptions, `zipfile.BadZipFile`, lxml's
`XMLSyntaxError`, `RecursionError`, `MemoryError`, plain bugs), and a reader stops itself over a
bound by raising `LimitReached` from wherever it is, often inside the parser's callbacks where
the file's name is unknown. The readers run under `map_reader_errors`, which turns any of
these into the typed `DocumentError` of the reader's table, naming the file and chaining the
original as `__cause__` (httpx's `_exceptions.map_exceptions` does the same for transports).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from atsmatch.errors import AtsmatchError, DocumentError

__all__ = ["ErrorMap", "LimitReached", "map_reader_errors"]

_MAX_MESSAGE = 300  # a parser's message can quote pages of the file


class LimitReached(Exception):
    """A reader crossed a bound in `Limits`; the message says which."""


ErrorMap = Mapping[type[BaseException], tuple[type[DocumentError], str]]
"""Exception class -> (error class, message); `{exc}` and `{kind}` in the message stand for
the exception's text and its class name. The most specific class in the map wins."""


@contextmanager
def map_reader_errors(source: str, errors: ErrorMap) -> Iterator[None]:
    """Raise every exception of the block as the typed error `errors` gives it, cause chained.

    `AtsmatchError`s pass unchanged; an exception with no entry in `errors` (nor any of its
    base classes) propagates as it is, so a table ending in `Exception` maps everything.
    """
    try:
        yield
    except AtsmatchError:
        raise
    except Exception as exc:
        for kind in type(exc).__mro__:
            if kind in errors:
                error, message = errors[kind]
                text = message.format(exc=exc, kind=type(exc).__name__)[:_MAX_MESSAGE]
                raise error(text, source=source) from exc
        raise
