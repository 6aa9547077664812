"""Memory (RSS) of atsmatch: a typical match, a long soak, and the worst corpus file.

Each figure comes from a fresh process, so one run's peak does not hide the next:
1. a whole match, `Matcher().match(examples/resume.pdf, examples/job_ml_engineer.txt)`, in-process
   reading (the library default), peak RSS of that process;
2. the same match with `Limits(isolate=True)` (what the CLI does): the caller's and the reader
   process's peak;
3. a soak: `--soak N` matches (default 20,000) of unique text resumes, each the example resume
   plus `--words` new random words, against one posting on one long-running `Matcher`, with the
   process's RSS at intervals (what a service's worker sees over its life);
4. every file of the malformed and hostile corpus (tests/corpus), read in-process and isolated:
   the slowest file and the one with the highest peak RSS in each mode. In-process, the peak
   is reset before each file (/proc/self/clear_refs), so each file's peak is its own.

    python benchmarks/memory.py                         # 6 to 15 minutes on 2 cores
    python benchmarks/memory.py --soak 2000             # shorter soak
    python benchmarks/memory.py --write                 # also update benchmarks/results.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
FOLDERS = ("malformed_pdf", "malformed_docx", "hostile")
RESULTS = Path(__file__).resolve().parent / "results.md"
MARK = "<!-- memory.py --write replaces everything from here to the end -->"
TARGET_MB = 300.0

_STATUS = """
def status_mb(key):
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return None
"""

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

_SOAK = (
    _STATUS
    + """
import json, random, string, sys, time
from pathlib import Path
import atsmatch
def main():
    count, every, words = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    resume, job = Path(sys.argv[4]).read_text("utf-8"), Path(sys.argv[5]).read_text("utf-8")
    rng = random.Random(20261206)  # the same resumes on every run
    matcher = atsmatch.Matcher()
    rows, started = [], time.monotonic()
    for i in range(1, count + 1):
        new = " ".join(
            "".join(rng.choices(string.ascii_lowercase, k=rng.randint(5, 10))) for _ in range(words)
        )
        matcher.match(f"{resume}\\nSide project {i}: {new}.\\n", job)
        if i == 1 or i % every == 0:
            rows.append((i, time.monotonic() - started, status_mb("VmRSS:")))
    print(json.dumps(rows))
if __name__ == "__main__":
    main()
"""
)

_CORPUS = (
    _STATUS
    + """
import json, sys, time
from pathlib import Path
from atsmatch.documents import read_document
from atsmatch.documents.isolate import last_run
from atsmatch.errors import AtsmatchError
from atsmatch.limits import Limits
def reset_peak():
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")  # VmHWM := VmRSS (Linux 4.0+)
def main():
    isolate = sys.argv[1] == "1"
    rows = []
    for path in sorted(p for d in sys.argv[2:] for p in Path(d).rglob("*") if p.is_file()):
        if not isolate:
            reset_peak()
        started, cpu = time.monotonic(), time.process_time()
        try:
            read_document(path, limits=Limits(isolate=isolate))
        except AtsmatchError:
            pass
        seconds, cpu = time.monotonic() - started, time.process_time() - cpu
        if isolate:
            run = last_run()
            if run is None or run.peak_rss_mb is None:  # text, read in this process
                continue
            seconds, cpu, peak = run.seconds, run.cpu_seconds or 0.0, run.peak_rss_mb
        else:
            peak = status_mb("VmHWM:")
        rows.append({"path": str(path), "seconds": seconds, "cpu": cpu, "peak": peak})
    print(json.dumps(rows))
if __name__ == "__main__":
    main()
"""
)


def _python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip().splitlines()[-1]


def typical() -> list[str]:
    """Rows for the two-page PDF match, in-process and isolated."""
    resume, job = ROOT / "examples" / "resume.pdf", ROOT / "examples" / "job_ml_engineer.txt"
    plain = json.loads(_python(_MATCH, str(resume), str(job), "0"))
    isolated = json.loads(_python(_MATCH, str(resume), str(job), "1"))
    return [
        "| two-page PDF match | peak RSS |",
        "|---|---|",
        f"| in-process read | {plain['caller']:.0f} MB |",
        f"| isolated read | caller {isolated['caller']:.0f} MB, "
        f"reader process {isolated['reader']:.0f} MB |",
    ]


def soak(count: int, words: int) -> list[str]:
    """Rows of RSS over `count` matches of unique resumes on one Matcher."""
    every = max(1, count // 10)
    resume, job = ROOT / "examples" / "resume.txt", ROOT / "examples" / "job_ml_engineer.txt"
    rows = json.loads(_python(_SOAK, str(count), str(every), str(words), str(resume), str(job)))
    out = ["| matches | seconds | RSS MB |", "|---:|---:|---:|"]
    out += [f"| {n:,} | {seconds:.0f} | {rss:.0f} |" for n, seconds, rss in rows]
    first, warm, last = rows[0], rows[min(1, len(rows) - 1)], rows[-1]
    out += [
        "",
        f"{last[0]:,} unique resumes (the example resume plus {words} new random words each), "
        f"{1000 * (last[1] - first[1]) / max(1, last[0] - 1):.1f} ms a match after the first "
        f"(which compiles the vocabulary); RSS {first[2]:.0f} MB after the first "
        f"match, {warm[2]:.0f} MB after {warm[0]:,}, {last[2]:.0f} MB after {last[0]:,} "
        f"({last[2] - warm[2]:+.0f} MB over the last {last[0] - warm[0]:,}).",
    ]
    return out


def corpus() -> list[str]:
    """Rows for the slowest and the most memory-hungry corpus file, in-process and isolated."""
    folders = [str(CORPUS / folder) for folder in FOLDERS]
    out = [
        "| reading | files | worst by | seconds | CPU s | peak RSS MB | file |",
        "|---|---:|---|---:|---:|---:|---|",
    ]
    highest = 0.0
    for mode, flag in (("in-process", "0"), ("isolated", "1")):
        rows = json.loads(_python(_CORPUS, flag, *folders))
        for worst, key in (("time", "seconds"), ("peak RSS", "peak")):
            row = max(rows, key=lambda r: r[key])
            highest = max(highest, row["peak"])
            out.append(
                f"| {mode} | {len(rows)} | {worst} | {row['seconds']:.2f} | {row['cpu']:.2f} | "
                f"{row['peak']:.0f} | `{Path(row['path']).relative_to(CORPUS)}` |"
            )
    mark = "✓" if highest < TARGET_MB else "✗"
    out += ["", f"Highest peak {highest:.0f} MB {mark} target < {TARGET_MB:.0f} MB."]
    return out


def write(sections: list[tuple[str, list[str]]], argv: list[str], load: float) -> None:
    """Replace the memory part of results.md (after MARK), keeping run.py's tables above it."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    head = text.split(MARK)[0].rstrip("\n")
    out = [head, "", MARK, "", "## 7. Memory (`memory.py`)", ""]
    command = " ".join(["python benchmarks/memory.py", *argv])
    out.append(
        f"Generated by `{command}` on {dt.date.today().isoformat()}, {os.cpu_count()} CPUs, "
        f"load average {load:.1f} when it started (wall times grow with it; CPU times do not)."
    )
    for title, lines in sections:
        out += ["", f"### {title}", "", *lines]
    RESULTS.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--soak", type=int, default=20_000, help="matches in the soak (0: skip)")
    parser.add_argument("--words", type=int, default=100, help="new random words per resume")
    parser.add_argument("--write", action="store_true", help=f"also update {RESULTS.name}")
    args = parser.parse_args(argv)
    sections: list[tuple[str, list[str]]] = []
    load = os.getloadavg()[0]
    steps = [("Typical match", typical), ("Worst malformed or hostile file", corpus)]
    if args.soak:
        steps.append(("Soak: one Matcher, unique resumes", lambda: soak(args.soak, args.words)))
    for title, step in steps:
        started = time.monotonic()
        lines = step()
        print(f"\n{title} ({time.monotonic() - started:.0f} s)\n" + "\n".join(lines))
        sections.append((title, lines))
    if args.write:
        given = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--write"]
        write(sections, given, load)


if __name__ == "__main__":
    main()
