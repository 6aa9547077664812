"""The pdfminer.six internals atsmatch patches or copies are still there, and the patches bite.

`inflate.py`, `fontwidths.py` and `interpreter.py` replace names inside pdfminer (20260107) or
follow its code; pyproject.toml pins pdfminer.six to that year. A new release that renames or
rewrites any of them fails here, loudly, instead of silently reading without the bounds.
"""

from __future__ import annotations

import hashlib
import inspect
import random
import zlib
from typing import Any

import pytest
from pdfminer import pdffont, pdftypes
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter, PDFResourceManager
from pdfminer.pdftypes import PDFStream
from pdfminer.psexceptions import PSEOF

from atsmatch.documents import fontwidths, inflate
from atsmatch.documents.inflate import InflateLimitError, inflate_budget
from atsmatch.documents.interpreter import BoundedInterpreter, OperatorBudget, _BoundedContentParser
from atsmatch.limits import Limits


def _source_digest(function: Any) -> str:
    return hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]


def _flate(data: bytes) -> PDFStream:
    return PDFStream({"Filter": pdftypes.LITERALS_FLATE_DECODE[0], "Length": len(data)}, data)


class TestInflatePatch:
    """`pdftypes.zlib` and `pdftypes.decompress_corrupted` are the names streams use."""

    def test_names_exist(self) -> None:
        """Both module-level names are there, `decompress_corrupted` taking the data alone."""
        assert hasattr(pdftypes, "zlib")
        assert list(inspect.signature(pdftypes.decompress_corrupted).parameters) == ["data"]

    def test_stream_decoding_goes_through_the_budget(self) -> None:
        """After `install()`, decoding a pdfminer stream counts against the read's budget."""
        inflate.install()
        assert pdftypes.decompress_corrupted is inflate.decompress_corrupted
        with inflate_budget(100), pytest.raises(InflateLimitError):
            _flate(zlib.compress(bytes(1_000))).get_data()

    def test_broken_streams_use_the_linear_recovery(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A truncated stream is recovered through the patched `decompress_corrupted`."""
        inflate.install()
        calls: list[int] = []

        def spy(data: bytes) -> bytes:
            calls.append(len(data))
            return inflate.decompress_corrupted(data)

        monkeypatch.setattr(pdftypes, "decompress_corrupted", spy)
        packed = zlib.compress(b"BT (Python) Tj ET " * 200)
        with inflate_budget(1 << 20):
            assert _flate(packed[:-10]).get_data().startswith(b"BT (Python)")
        assert calls


class TestFontWidthsPatch:
    """`pdffont.get_widths(2)` are looked up by `PDFCIDFont` at call time."""

    def test_signatures(self) -> None:
        """Both take the one `/W` (or `/W2`) sequence."""
        assert len(inspect.signature(pdffont.get_widths).parameters) == 1
        assert len(inspect.signature(pdffont.get_widths2).parameters) == 1

    def test_huge_range_never_reaches_the_font(self) -> None:
        """A CID font built after `install()` holds no width for an id past 16 bits."""
        fontwidths.install()
        spec = {
            "BaseFont": pdftypes.LIT("Bomb"),
            "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Identity", "Supplement": 0},
            "W": [0, 2_000_000_000, 500, 10, [600]],
        }
        font = pdffont.PDFCIDFont(PDFResourceManager(), spec)
        assert font.widths == {10: 600}


class TestInterpreterCopy:
    """`BoundedInterpreter` follows pdfminer's interpreter and content parser."""

    def test_execute_is_the_one_copied(self) -> None:
        """pdfminer's `execute` is still the 20260107 loop `BoundedInterpreter.execute` follows."""
        assert _source_digest(PDFPageInterpreter.execute) == "20909827cdb83ad1"

    def test_inline_data_scan_is_the_one_rewritten(self) -> None:
        """pdfminer's inline-image scan is still the one rewritten in linear time."""
        assert _source_digest(PDFContentParser.get_inline_data) == "92ebb4a66413e3fe"

    def test_interpreter_hooks_exist(self) -> None:
        """The methods and state the bounded interpreter relies on are there."""
        for name in ("subinterp", "dup", "init_state", "get_current_state", "do_q", "do_Q"):
            assert callable(getattr(PDFPageInterpreter, name))
        interpreter = PDFPageInterpreter(PDFResourceManager(), None)  # type: ignore[arg-type]
        assert interpreter.stream_ids == set() and interpreter.parent_stream_ids == set()
        for name in ("fillbuf", "get_inline_data", "seek"):
            assert callable(getattr(PDFContentParser, name))

    @pytest.mark.parametrize("name", ["do_m", "do_l", "do_c", "do_v", "do_y", "do_h", "do_re"])
    def test_path_operators_take_the_same_operands(self, name: str) -> None:
        """Path operators replaced by no-ops pop as many operands as pdfminer's."""
        ours = getattr(BoundedInterpreter, name).__code__.co_argcount
        assert ours == getattr(PDFPageInterpreter, name).__code__.co_argcount

    def test_sub_interpreters_share_the_budget(self) -> None:
        """Form XObjects run in `subinterp()`, which must keep the document's budget."""
        budget = OperatorBudget(Limits(), float("inf"))
        interpreter = BoundedInterpreter(PDFResourceManager(), None, budget)
        assert interpreter.subinterp().budget is budget  # type: ignore[attr-defined]

    @pytest.mark.parametrize("seed", range(40))
    def test_inline_data_same_as_pdfminer(self, seed: int) -> None:
        """The linear scan finds the same end and data, across buffer boundaries and quirks."""
        rng = random.Random(seed)
        image = bytes(rng.choice(b"EI \n\rxA") for _ in range(rng.randint(0, 9_000)))
        content = b"BI /W 1 /H 1 ID " + image + rng.choice([b" EI ", b"EI\n", b"\nEI Q", b""])
        stream = PDFStream({"Length": len(content)}, content)
        stream.objid = 1
        assert _inline_images(_BoundedContentParser([stream], _budget())) == _inline_images(
            PDFContentParser([stream])
        )


def _budget() -> OperatorBudget:
    return OperatorBudget(Limits(), float("inf"))


def _inline_images(parser: PDFContentParser) -> list[Any]:
    found = []
    while True:
        try:
            _, obj = parser.nextobject()
        except PSEOF:
            return found
        found.append(obj.get_rawdata() if isinstance(obj, PDFStream) else repr(obj))
