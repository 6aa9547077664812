"""Generated attack files (every class in the hostile corpus README), limits and isolation."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zlib
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from atsmatch.documents import read_document
from atsmatch.documents.inflate import decompress_corrupted, inflate_budget
from atsmatch.documents.isolate import _run, last_run, read_isolated
from atsmatch.errors import (
    AtsmatchError,
    CorruptDocumentError,
    DocumentError,
    LimitExceededError,
)
from atsmatch.limits import Limits
from tests import hostile_files as hf
from tests.conftest import EXAMPLES

MAX_SECONDS = 5.0
MAX_RSS_MB = 300.0


def outcome(data: bytes, limits: Limits) -> str:
    try:
        read_document(data, limits=limits)
    except AtsmatchError as exc:
        return type(exc).__name__
    return "document"


@pytest.fixture(scope="module")
def attacks() -> dict[str, bytes]:
    """Every attack file, built once."""
    return {name: build() for name, (build, _) in hf.ATTACKS.items()}


class TestAttackClasses:
    """Each generated attack ends as expected, in time and memory, with the default limits."""

    @pytest.mark.parametrize("name", sorted(hf.ATTACKS))
    def test_in_process(self, name: str, attacks: dict[str, bytes]) -> None:
        """In-process read: the expected typed outcome, in under 5 s of CPU time."""
        started = time.process_time()
        got = outcome(attacks[name], Limits())
        elapsed = time.process_time() - started
        assert got in hf.ATTACKS[name][1], f"{name}: {got}"
        assert elapsed < MAX_SECONDS, f"{name}: {elapsed:.2f} s"

    @pytest.mark.parametrize(
        "name", sorted(n for n in hf.ATTACKS if n.startswith(("pdf", "docx", "docm", "dotx")))
    )
    def test_isolated_peak_memory(self, name: str, attacks: dict[str, bytes]) -> None:
        """In the worker process: same outcome, and its peak RSS stays under 300 MB."""
        got = outcome(attacks[name], Limits(isolate=True))
        run = last_run()
        assert got in hf.ATTACKS[name][1], f"{name}: {got}"
        assert run is not None and run.peak_rss_mb is not None
        assert run.peak_rss_mb < MAX_RSS_MB, f"{name}: {run.peak_rss_mb:.0f} MB"
        assert run.cpu_seconds is not None and run.cpu_seconds < MAX_SECONDS

    @pytest.mark.parametrize("name", ["docx_zip_bomb_1GiB", "docx_xml_bomb", "docx_2M_paragraphs"])
    def test_bombs_rejected_fast(self, name: str, attacks: dict[str, bytes]) -> None:
        """Zip and XML bombs are refused in under 100 ms, before anything is inflated."""
        best = min(self._time(attacks[name]) for _ in range(3))
        assert best < 0.1, f"{name}: {best * 1000:.0f} ms"

    @staticmethod
    def _time(data: bytes) -> float:
        started = time.process_time()
        with pytest.raises(DocumentError):
            read_document(data)
        return time.process_time() - started

    def test_xml_bomb_never_expands(self) -> None:
        """Internal entities are never expanded into text, whatever libxml2 decides."""
        try:
            doc = read_document(hf.docx_xml_bomb())
        except CorruptDocumentError:
            return
        assert all("Python Python" not in line.text for line in doc.lines)

    def test_external_entity_keeps_following_text(self) -> None:
        """An unresolved entity neither leaks the file nor swallows the text after it."""
        doc = read_document(hf.docx_external_entity())
        text = " ".join(line.text for line in doc.lines)
        assert "Python" in text and "root:" not in text

    @pytest.mark.parametrize(
        "build", [hf.docx_macro, hf.docx_template, hf.docx_strict], ids=["docm", "dotx", "strict"]
    )
    def test_word_variants_are_read(self, build: object) -> None:
        """.docm, .dotx and Strict OOXML are read, not rejected."""
        assert callable(build)
        doc = read_document(build())
        assert doc.format == "docx"
        assert "Python and Kubernetes" in doc.lines[0].text

    def test_text_encodings(self) -> None:
        """cp1252, UTF-16 and mixed UTF-8 / cp1252 text decode to readable words."""
        assert "Jürgen Müller" in read_document(hf.text_cp1252()).lines[0].text
        assert "PyTorch" in read_document(hf.text_utf16()).lines[0].text
        mixed = [line.text for line in read_document(hf.text_mixed()).lines]
        assert "Kubernetes" in mixed[1] and "Terraform" in mixed[2]

    def test_huge_text_as_str_path_and_bytes(self, tmp_path: Path) -> None:
        """100 MB of text is refused from its size in each input form, without reading it all."""
        data = hf.text_huge()
        path = tmp_path / "huge.txt"
        path.write_bytes(data)
        for source in (data, path, data.decode("ascii")):
            started = time.process_time()
            with pytest.raises(LimitExceededError):
                read_document(source)
            assert time.process_time() - started < 0.5


class TestInflate:
    """Bounded inflation inside pdfminer."""

    def test_budget_stops_a_bomb(self) -> None:
        """Inflating past the budget raises the PDF reader's limit error."""
        with pytest.raises(LimitExceededError, match="inflate"):
            read_document(hf.pdf_stream_bomb(), limits=Limits(max_unzipped_bytes=1 << 20))

    def test_recovery_matches_pdfminer_and_is_linear(self) -> None:
        """The linear recovery returns what pdfminer's byte-by-byte loop returns."""
        packed = zlib.compress(os.urandom(50_000).hex().encode(), 6)
        for broken in (packed[: len(packed) // 2], packed[:-2], packed[:100] + b"\xff" * 50):
            try:
                expected: bytes | None = _pdfminer_recovery(broken)
            except zlib.error:
                expected = None
            try:
                got: bytes | None = decompress_corrupted(broken)
            except zlib.error:
                got = None
            assert got == expected
        pdf = hf.pdf_truncated_flate()
        raw = pdf[pdf.index(b"stream\n") + 7 : pdf.rindex(b"\nendstream")]
        started = time.process_time()
        with inflate_budget(10 << 20):
            assert decompress_corrupted(raw).startswith(b"BT /F1 12 Tf")
        assert time.process_time() - started < 1.0

    def test_no_budget_means_plain_zlib(self) -> None:
        """Outside a read, pdfminer's zlib behaves like zlib (other users see no change)."""
        from pdfminer import pdftypes

        read_document(hf.pdf_many_pages(1))  # installs the stand-in
        data = os.urandom(3_000_000)
        assert pdftypes.zlib.decompress(zlib.compress(data)) == data


class TestOperatorFloods:
    """Content streams that flood pdfminer's interpreter stop with the limit they crossed.

    Small `Limits` keep these fast; the default-limit figures (each under 10 s and 300 MB in
    process) are in `benchmarks/hostile.py`.
    """

    @pytest.mark.parametrize(
        "build",
        [
            hf.pdf_path_flood,
            hf.pdf_state_flood,
            hf.pdf_shading_flood,
            hf.pdf_type3_flood,
            hf.pdf_nested_xobjects,
        ],
        ids=["paths", "q-Q", "shading", "type3", "nested-xobjects"],
    )
    def test_operator_budget(self, build: object) -> None:
        """Every operator counts, inside forms too: the budget names `max_operators`."""
        assert callable(build)
        with pytest.raises(LimitExceededError, match=r"more than 5,000 .*max_operators"):
            read_document(build(), limits=Limits(max_operators=5_000))

    def test_inline_images_count_as_operators(self) -> None:
        """Each inline image is an operator against the budget."""
        data = hf.pdf_inline_image_flood(2_000)
        with pytest.raises(LimitExceededError, match="max_operators"):
            read_document(data, limits=Limits(max_operators=1_000))

    def test_figures_per_page(self) -> None:
        """Images and forms drawn on one page are bounded with the default limits."""
        with pytest.raises(LimitExceededError, match="more than 10,000 images and forms"):
            read_document(hf.pdf_inline_image_flood(12_000))

    def test_state_nesting(self) -> None:
        """`q` without `Q` stops at the graphics-state depth bound, with the default limits."""
        with pytest.raises(LimitExceededError, match="graphics states nested more than 1,000"):
            read_document(hf.pdf_state_nesting(5_000))

    def test_array_flood(self) -> None:
        """An array too long for any real operator stops while it is being read."""
        with pytest.raises(LimitExceededError, match="more than 100,000 items"):
            read_document(hf.pdf_array_flood(300_000))

    def test_number_flood_meets_the_clock(self) -> None:
        """Operands without an operator are stopped by the time limit, not left to pile up."""
        data = hf.pdf_number_flood(4_000_000)
        with pytest.raises(LimitExceededError, match=r"longer than the limit of 0\.2 s"):
            read_document(data, limits=Limits(max_seconds=0.2))

    def test_budget_is_per_document(self) -> None:
        """Operators of all pages share one budget (five a page here: BT Tf Td Tj ET)."""
        data = hf.pdf_many_pages(3)
        assert read_document(data, limits=Limits(max_operators=15)).pages == 3
        with pytest.raises(LimitExceededError, match="more than 14 "):
            read_document(data, limits=Limits(max_operators=14))


class TestStreamingBudgets:
    """Character and stream budgets are counted while reading, not after."""

    def test_long_text_stops_at_the_character_limit(self) -> None:
        """Ten megabytes of plain text are refused once the allowed characters are read, not
        after a `Line` was built for every one of its lines (that cost about 800 MB)."""
        import tracemalloc

        text = ("Built Python pipelines with Spark and SQL for the data team. " * 3 + "\n") * 52_000
        tracemalloc.start()
        try:
            with pytest.raises(LimitExceededError, match="characters of text"):
                read_document(text)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 60 * 1024 * 1024  # the text and its split lines, not a million Lines

    def test_docx_characters_stop_during_parsing(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A paragraph far over the character limit is refused before any line is built."""
        from atsmatch.documents import docx as docx_reader

        def never(*args: object) -> None:
            raise AssertionError("the walker ran")

        monkeypatch.setattr(docx_reader._Walker, "block", never)
        with pytest.raises(LimitExceededError, match="more than 200,000 characters"):
            read_document(hf.docx_run_flood())

    def test_docx_fallback_text_is_not_counted(self) -> None:
        """The `mc:Fallback` copy of a text box does not count twice against the limit."""
        mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
        text = "Python " * 100
        box = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
        body = (
            f'<w:p><w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice>{box}</mc:Choice>'
            f"<mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        )
        doc = read_document(hf.docx(body), limits=Limits(max_chars=1_000))
        assert [line.text for line in doc.lines] == [text.strip()]

    def test_flate_bomb_measured_before_it_is_held(self) -> None:
        """A stream over the budget is refused after counting it, piece by piece."""
        with pytest.raises(LimitExceededError, match="inflate to more than"):
            read_document(hf.pdf_flate_bomb())

    def test_large_stream_within_budget_is_whole(self) -> None:
        """A stream over the 1 MiB piece size but within the budget inflates whole."""
        from atsmatch.documents.inflate import _BoundedZlib

        data = os.urandom(3_000_000).hex().encode()
        with inflate_budget(10 << 20) as budget:
            assert _BoundedZlib().decompress(zlib.compress(data)) == data
        assert budget.remaining == (10 << 20) - len(data)


def _pdfminer_recovery(data: bytes) -> bytes:
    """pdfminer.six's own `decompress_corrupted` (20260107), quadratic, as the reference."""
    inflater = zlib.decompressobj()
    result = b""
    i = 0
    try:
        for i in range(len(data)):
            result += inflater.decompress(data[i : i + 1])
    except zlib.error:
        if i < len(data) - 3:
            raise
    return result


def _sleep_forever(conn: Connection) -> None:
    time.sleep(3600)


def _exit_hard(conn: Connection) -> None:
    os._exit(9)


def _allocate(conn: Connection, megabytes: int) -> None:
    from atsmatch.documents.isolate import _cap_memory

    _cap_memory(megabytes)  # beyond what the child has mapped already: ask for twice that
    try:
        block = bytearray(2 * megabytes * 1024 * 1024)
        conn.send(("error", "CorruptDocumentError", f"got {len(block)}", None, None))
    except MemoryError:
        conn.send(("error", "LimitExceededError", "memory", None, None))


class TestIsolation:
    """The worker process: hard time bound, memory cap, typed errors across the boundary."""

    @pytest.mark.skipif(sys.platform != "linux", reason="forks itself on Linux only")
    def test_one_thread_forks_itself_twice_then_uses_the_forkserver(self) -> None:
        """A caller with one thread forks its first two readers from itself, later ones come
        from the forkserver; with another thread alive, the reader never forks the caller
        (forking a process with threads is unsafe)."""
        script = (
            "import sys, threading\n"
            "from atsmatch.documents.isolate import last_run, read_isolated\n"
            "from atsmatch.limits import Limits\n"
            "data = open(sys.argv[1], 'rb').read()\n"
            "def read():\n"
            "    read_isolated(data, source='cv.pdf', limits=Limits())\n"
            "    return last_run().start_method\n"
            "if __name__ == '__main__':\n"
            "    stop = threading.Event()\n"
            "    waiter = threading.Thread(target=stop.wait)\n"
            "    if sys.argv[2] == 'threads':\n"
            "        waiter.start()\n"
            "    print(read(), read(), read())\n"
            "    stop.set()\n"
        )

        def methods(threads: str) -> list[str]:
            done = subprocess.run(
                [sys.executable, "-c", script, str(EXAMPLES / "resume.pdf"), threads],
                capture_output=True,
                text=True,
                check=True,
                timeout=120,
            )
            return done.stdout.split()

        assert methods("alone") == ["fork", "fork", "forkserver"]
        assert methods("threads") == ["forkserver", "forkserver", "forkserver"]

    def test_stalled_child_is_killed_at_the_limit(self) -> None:
        """A child that never answers is killed at max_seconds plus the grace period."""
        started = time.monotonic()
        with pytest.raises(LimitExceededError, match="longer than"):
            _run(_sleep_forever, (), source="x", limits=Limits(max_seconds=0.5))
        assert time.monotonic() - started < 3.0
        run = last_run()
        assert run is not None and run.ending == "killed"

    def test_dead_child_is_a_limit_error(self) -> None:
        """A child that dies without a word (crash, OOM kill) is a LimitExceededError."""
        with pytest.raises(LimitExceededError, match="exit code"):
            _run(_exit_hard, (), source="x", limits=Limits())

    def test_memory_cap_applies_in_the_child(self) -> None:
        """RLIMIT_AS makes a large allocation fail inside the child, not the caller."""
        with pytest.raises(LimitExceededError):
            _run(_allocate, (200,), source="x", limits=Limits(max_memory_mb=200))

    def test_errors_keep_type_source_and_cause(self) -> None:
        """A typed error in the child is raised here as the same class, cause as text."""
        data = hf.docx_corrupt_deflate()
        with pytest.raises(CorruptDocumentError) as caught:
            read_isolated(data, source="cv.docx", limits=Limits())
        assert caught.value.source == "cv.docx"
        assert "decompressing" in str(caught.value.__cause__)

    def test_isolated_equals_in_process(self) -> None:
        """The worker returns exactly the Document the in-process reader makes."""
        data = hf.pdf_many_pages(3)
        assert read_document(data, limits=Limits(isolate=True)) == read_document(data)
