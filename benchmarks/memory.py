"""Peak memory (RSS) of a typical two-page resume match and of the worst corpus file.

Each figure comes from a fresh process, so one run's peak does not hide the next:
1. a whole match, `Matcher().match(examples/resume.pdf, examples/job_ml_engineer.txt)`, in-process
   reading (the library default), peak RSS of that process;
2. the same match with `Limits(isolate=True)` (what the CLI does): the caller's peak and the
   reader process's peak;
3. every file of the malformed and hostile corpus read isolated: the reader process with the
   highest peak RSS, and the slowest one by CPU time.

    python benchmarks/memory.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
TARGET_MB = 300.0

_MATCH = """
import json, resource, sys
from pathlib import Path
import atsmatch
from atsmatch.documents.isolate import last_run
def main():
    limits = atsmatch.Limits(isolate=sys.argv[3] == "1")
    atsmatch.Matcher(limits=limits).match(Path(sys.argv[1]), Path(sys.argv[2]))
    run = last_run()
    print(json.dumps({"caller": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "reader": run.peak_rss_mb if run else None}))
if __name__ == "__main__":
    main()
"""

_CORPUS = """
import json, sys
from pathlib import Path
from atsmatch.documents import read_document
from atsmatch.documents.isolate import last_run
from atsmatch.errors import AtsmatchError
from atsmatch.limits import Limits
def main():
    rows = []
    for path in sorted(p for d in sys.argv[1:] for p in Path(d).rglob("*") if p.is_file()):
        try:
            read_document(path, limits=Limits(isolate=True))
        except AtsmatchError:
            pass
        run = last_run()
        if run is not None and run.peak_rss_mb is not None:
            rows.append((run.peak_rss_mb, run.cpu_seconds or 0.0, str(path)))
    print(json.dumps(rows))
if __name__ == "__main__":
    main()
"""


def _python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    resume, job = ROOT / "examples" / "resume.pdf", ROOT / "examples" / "job_ml_engineer.txt"
    plain = json.loads(_python(_MATCH, str(resume), str(job), "0"))
    isolated = json.loads(_python(_MATCH, str(resume), str(job), "1"))
    print(f"two-page PDF match, in-process read     peak RSS {plain['caller']:6.0f} MB")
    print(
        f"two-page PDF match, isolated read       caller {isolated['caller']:6.0f} MB, "
        f"reader process {isolated['reader']:.0f} MB"
    )
    folders = [CORPUS / d for d in ("malformed_pdf", "malformed_docx", "hostile")]
    present = [str(d) for d in folders if d.is_dir()]
    if not present:
        print(f"corpus not found under {CORPUS}: skipped")
        return
    rows = json.loads(_python(_CORPUS, *present))
    peak, _, path = max(rows)
    mark = "✓" if peak < TARGET_MB else "✗"
    print(
        f"worst corpus file ({len(rows)} read)      reader process {peak:6.0f} MB  "
        f"{mark} target < {TARGET_MB:.0f} MB  ({Path(path).relative_to(CORPUS)})"
    )
    slow = max(rows, key=lambda row: row[1])
    print(
        f"slowest corpus file                     {slow[1]:.2f} s CPU  "
        f"({Path(slow[2]).relative_to(CORPUS)})"
    )


if __name__ == "__main__":
    main()
