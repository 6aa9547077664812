"""Time and peak RSS of every generated operator flood and budget attack, read in process.

Each file is built by `tests/hostile_files.py`, written to a temporary folder and read by a
fresh process with the default `Limits` (no isolation), so the figures are what a caller of
`read_document` pays: wall seconds, and peak RSS above the process's RSS once atsmatch and
pdfminer are imported. Every attack must stop within `max_seconds` + 1 s and 300 MB.

    python benchmarks/hostile.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile_files as hf  # noqa: E402

ATTACKS = {
    "pdf_path_flood": hf.pdf_path_flood,
    "pdf_state_flood": hf.pdf_state_flood,
    "pdf_state_nesting": hf.pdf_state_nesting,
    "pdf_number_flood": hf.pdf_number_flood,
    "pdf_array_flood": hf.pdf_array_flood,
    "pdf_inline_image_flood": hf.pdf_inline_image_flood,
    "pdf_inline_image_scan": hf.pdf_inline_image_scan,
    "pdf_nested_xobjects": hf.pdf_nested_xobjects,
    "pdf_shading_flood": hf.pdf_shading_flood,
    "pdf_type3_flood": hf.pdf_type3_flood,
    "pdf_flate_bomb": hf.pdf_flate_bomb,
    "docx_run_flood": hf.docx_run_flood,
}

_CHILD = """
import json, resource, sys, time
from pathlib import Path
import atsmatch.documents.docx, atsmatch.documents.pdf
from atsmatch.documents import read_document
from atsmatch.errors import AtsmatchError
data = Path(sys.argv[1]).read_bytes()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
started = time.monotonic()
try:
    read_document(data)
    outcome = "document"
except AtsmatchError as exc:
    outcome = f"{type(exc).__name__}: {exc.reason}"
seconds = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak - base, "outcome": outcome}))
"""


def main() -> None:
    print(f"| attack | file bytes | seconds | peak RSS MB (above base) | outcome |\n|{'---|' * 5}")
    with tempfile.TemporaryDirectory() as folder:
        for name, build in ATTACKS.items():
            path = Path(folder) / name
            data = build()
            path.write_bytes(data)
            done = subprocess.run(
                [sys.executable, "-c", _CHILD, str(path)],
                capture_output=True,
                text=True,
                check=True,
            )
            row = json.loads(done.stdout)
            print(
                f"| {name} | {len(data):,} | {row['seconds']:.2f} | {row['peak_mb']:.0f} "
                f"| {row['outcome'][:90]} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
