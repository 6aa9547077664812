"""Match the example resume against the example postings with the Python API.

Runs from any directory: the example files are found next to this script.

    python examples/api_example.py
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import atsmatch

HERE = Path(__file__).resolve().parent
RESUME = HERE / "resume.pdf"
JOBS = [HERE / "job_ml_engineer.txt", HERE / "job_mlops_engineer.txt"]


def main() -> None:
    # One call: read both files, score, and explain.
    report = atsmatch.match(RESUME, JOBS[0])
    print(f"{JOBS[0].name}: {report.score:.0f}/100 ({report.verdict})")
    print("Top missing keywords:")
    for missing in report.missing[:5]:
        placement = missing.placement
        print(f"  - {missing.name} ({missing.level}): add it to the {placement.where}")
        if placement.text:  # the existing bullet it could be woven into
            print(f'      "{textwrap.shorten(placement.text, 80)}"')
        print(f"      {placement.reason}")
    print()
    print("JSON (first 500 characters):")
    print(report.model_dump_json(indent=2)[:500])
    print()

    # Build the matcher once (vocabulary load and pattern compilation) and reuse it: this is
    # what a web backend or a loop over many postings should do.
    matcher = atsmatch.Matcher()
    for job in JOBS:
        result = matcher.match(RESUME, job)
        print(
            f"{job.name}: {result.score:.0f}/100 ({result.verdict}), {len(result.missing)} missing"
        )


if __name__ == "__main__":
    main()
