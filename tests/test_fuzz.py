"""Hypothesis fuzzing of `read_document` on mutated real files: typed outcomes only."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atsmatch.documents import read_document
from atsmatch.errors import AtsmatchError
from atsmatch.limits import Limits
from atsmatch.models import Document
from tests import hostile_files as hf

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "documents"
ROOT = Path(__file__).resolve().parents[1]
SEEDS: dict[str, bytes] = {
    "resume.docx": (ROOT / "examples" / "resume.docx").read_bytes(),
    "text-box.docx": (FIXTURES / "text-box.docx").read_bytes(),
    "strict-format.docx": (FIXTURES / "strict-format.docx").read_bytes(),
    "small.pdf": hf.pdf_many_pages(2),
    "self-reference.pdf": hf.pdf_self_reference(),
    "imagemagick.pdf": (FIXTURES / "007-imagemagick-images__imagemagick-lzw.pdf").read_bytes(),
}
LIMITS = Limits(max_seconds=3.0)


@st.composite
def mutants(draw: st.DrawFn) -> bytes:
    """A seed file with a few byte flips, insertions, deletions, a truncation or a splice."""
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "splice"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "truncate":
            del data[at:]
        else:
            size = draw(st.integers(1, 512))
            source = draw(st.integers(0, max(len(data) - 1, 0)))
            data[at:at] = data[source : source + size]
    return bytes(data)


class TestFuzz:
    """Mutated PDF and DOCX files end in a Document or an AtsmatchError, nothing else."""

    @settings(
        max_examples=200,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(mutants())
    def test_read_document_on_mutants(self, data: bytes) -> None:
        """read_document gives a Document or a typed error for every mutant."""
        try:
            result = read_document(data, limits=LIMITS)
        except AtsmatchError:
            return
        assert isinstance(result, Document)
