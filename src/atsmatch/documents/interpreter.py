"""pdfminer's content-stream interpreter with every operator counted and every stack bounded.

pdfminer runs a content stream operator by operator and bounds nothing: a 46 KB file whose
page is 45 MB of `q Q` copies the graphics state eleven million times, bare numbers pile up
on the operand stack, a path keeps every segment, Form XObjects that draw each other ten times
a level make 10^8 invocations from eight small streams, and the search for the end of an
inline image is quadratic. `BoundedInterpreter` is pdfminer's `PDFPageInterpreter` with:

- every operator it executes (inline images and XObject invocations included, also inside
  forms) taken from one `OperatorBudget` per document: `Limits.max_operators`, and the clock
  read at each one;
- the clock also read at every 4 KB the content parser reads, so a single huge token, an
  inline image or a flood of operands cannot outrun it, and arrays, dictionaries and their
  nesting in a content stream bounded (`MAX_STACK_ITEMS`);
- the operand stack kept to its newest `MAX_OPERANDS` entries (no operator takes more) and
  the graphics-state stack to `MAX_STATE_DEPTH`;
- paths not built at all: the reader keeps text and images only, so path operators take their
  operands and do nothing.

`execute` is pdfminer's own loop (20260107) with the budget added; `tests/test_pdflines.py`
checks the lines it yields against pdfminer's, and `tests/test_documents_pdfminer.py` that the
pdfminer internals used here are still there.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from typing import Any, ClassVar

from pdfminer import settings
from pdfminer.pdfinterp import PDFContentParser, PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import PSKeyword, keyword_name

from atsmatch.documents.errormap import LimitReached
from atsmatch.limits import Limits

__all__ = [
    "MAX_OPERANDS",
    "MAX_STACK_ITEMS",
    "MAX_STATE_DEPTH",
    "BoundedInterpreter",
    "OperatorBudget",
]

MAX_OPERANDS = 64  # operands kept for the next operator; `scn` in DeviceN takes up to 33
MAX_STATE_DEPTH = 1_000  # nested `q`; PDF readers are required to support 28
MAX_STACK_ITEMS = 100_000  # items of the arrays and dictionaries being read; a long TJ has 1,000s
_log = logging.getLogger("pdfminer.pdfinterp")  # where pdfminer logs the same warnings


class OperatorBudget:
    """Operators a document may still execute, and its deadline; shared by all interpreters."""

    __slots__ = ("deadline", "left", "limits")

    def __init__(self, limits: Limits, deadline: float) -> None:
        self.limits = limits
        self.deadline = deadline
        self.left = limits.max_operators

    def take(self) -> None:
        """Count one operator; raise `LimitReached` past the budget or the deadline."""
        self.left -= 1
        if self.left < 0:
            raise LimitReached(
                f"more than {self.limits.max_operators:,} content-stream operators, over the "
                "limit (max_operators)"
            )
        self.check_clock()

    def check_clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitReached(
                f"reading took longer than the limit of {self.limits.max_seconds:g} s"
            )


class _BoundedContentParser(PDFContentParser):
    """pdfminer's content parser, reading the clock at every buffer and bounding its stacks."""

    def __init__(self, streams: Sequence[object], budget: OperatorBudget) -> None:
        self._budget = budget
        super().__init__(streams)

    def fillbuf(self) -> bool:
        if self.charpos < len(self.buf):
            return False
        # A new 4 KB: the granularity at which a long token or an operand flood is stopped.
        self._budget.check_clock()
        if len(self.curstack) > MAX_STACK_ITEMS or len(self.context) > MAX_STACK_ITEMS:
            raise LimitReached(
                f"an array or dictionary in a content stream holds more than "
                f"{MAX_STACK_ITEMS:,} items, over the limit"
            )
        new_stream: bool = super().fillbuf()
        return new_stream

    def get_inline_data(self, pos: int, target: bytes = b"EI") -> tuple[int, bytes]:
        """pdfminer's search for the end of an inline image, byte for byte, in linear time.

        pdfminer grows `bytes` by concatenation (quadratic in the image size); this appends to
        a `bytearray`. The scan is the same: after the first byte of `target`, a mismatching
        byte is consumed, not looked at again.
        """
        self.seek(pos)
        i = 0
        data = bytearray()
        while i <= len(target):
            self.fillbuf()
            if i:
                ci = self.buf[self.charpos]
                data.append(ci)
                self.charpos += 1
                if (len(target) <= i and bytes((ci,)).isspace()) or (
                    i < len(target) and ci == target[i]
                ):
                    i += 1
                else:
                    i = 0
            else:
                j = self.buf.find(target[0], self.charpos)
                if j < 0:
                    data += self.buf[self.charpos :]
                    self.charpos = len(self.buf)
                else:
                    data += self.buf[self.charpos : j + 1]
                    self.charpos = j + 1
                    i = 1
        found = bytes(data[: -(len(target) + 1)])
        return (pos, re.sub(rb"(\x0d\x0a|[\x0d\x0a])$", b"", found))


_Operator = tuple[Any, int] | None  # (function, number of operands), None when unknown


class BoundedInterpreter(PDFPageInterpreter):
    """`PDFPageInterpreter` under an `OperatorBudget`, with bounded stacks and no paths."""

    _operators: ClassVar[dict[PSKeyword, tuple[Any, int]]] = {}

    def __init__(self, rsrcmgr: Any, device: Any, budget: OperatorBudget) -> None:
        super().__init__(rsrcmgr, device)
        self.budget = budget

    def dup(self) -> BoundedInterpreter:
        return self.__class__(self.rsrcmgr, self.device, self.budget)

    def execute(self, streams: Sequence[object]) -> None:
        # pdfminer's `execute`: skip streams already running further up (a form drawing
        # itself), then run each operator with the operands before it.
        valid_streams: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                _log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                _log.warning(
                    "Refusing to execute circular reference to content stream %d", stream.objid
                )
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            parser = _BoundedContentParser(valid_streams, self.budget)
        except PSEOF:
            return
        take = self.budget.take
        while True:
            try:
                (_, obj) = parser.nextobject()
            except PSEOF:
                break
            if not isinstance(obj, PSKeyword):
                argstack = self.argstack
                argstack.append(obj)
                if len(argstack) > 2 * MAX_OPERANDS:
                    del argstack[:-MAX_OPERANDS]
                continue
            take()
            operator = self._operator(obj)
            if operator is None:
                if settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {keyword_name(obj)!r}")
                continue
            func, nargs = operator
            if nargs:
                args = self.pop(nargs)
                if len(args) == nargs:
                    func(self, *args)
            else:
                func(self)

    @classmethod
    def _operator(cls, keyword: PSKeyword) -> _Operator:
        """The `do_*` function of an operator and its operand count, looked up once."""
        try:
            return cls._operators[keyword]
        except KeyError:
            pass
        name = keyword_name(keyword)
        func = getattr(
            cls, "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q"), None
        )
        if func is None:  # not cached: a hostile stream can hold millions of made-up names
            return None
        found = cls._operators[keyword] = (func, func.__code__.co_argcount - 1)
        return found

    def pop(self, n: int) -> list[Any]:
        # pdfminer copies the whole stack at every pop.
        if n == 0:
            return []
        args = self.argstack[-n:]
        del self.argstack[-n:]
        return args

    def do_q(self) -> None:
        if len(self.gstack) >= MAX_STATE_DEPTH:
            raise LimitReached(
                f"graphics states nested more than {MAX_STATE_DEPTH:,} deep, over the limit"
            )
        self.gstack.append(self.get_current_state())

    # Path construction: the operands are taken and nothing is built (the device draws no
    # paths, so painting operators find an empty path, as pdfminer's own does after `n`).
    def do_m(self, x: object, y: object) -> None:
        pass

    def do_l(self, x: object, y: object) -> None:
        pass

    def do_c(self, x1: object, y1: object, x2: object, y2: object, x3: object, y3: object) -> None:
        pass

    def do_v(self, x2: object, y2: object, x3: object, y3: object) -> None:
        pass

    def do_y(self, x1: object, y1: object, x3: object, y3: object) -> None:
        pass

    def do_h(self) -> None:
        pass

    def do_re(self, x: object, y: object, w: object, h: object) -> None:
        pass
