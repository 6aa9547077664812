"""libFuzzer harness (atheris) for `read_document`: only Documents or AtsmatchErrors may come out.

    pip install atheris
    python fuzz/atheris_read_document.py -max_total_time=600 fuzz/seeds/

atheris does not install everywhere (it needs a clang-built CPython); `fuzz/mutate.py` is the
pure Python fallback.
"""

from __future__ import annotations

import contextlib
import sys

import atheris  # type: ignore[import-not-found]

with atheris.instrument_imports():
    from atsmatch.documents import read_document
    from atsmatch.errors import AtsmatchError
    from atsmatch.limits import Limits

LIMITS = Limits(max_seconds=5.0)


def test_one_input(data: bytes) -> None:
    with contextlib.suppress(AtsmatchError):  # anything else reaches atheris as a crash
        read_document(data, limits=LIMITS)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
